"""One offer file: its rules beyond the schema, and the `Offer` it becomes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any

from stodguiden.base import richtext
from stodguiden.base.problems import Level, Problem
from stodguiden.language import languages, participation
from stodguiden.language.swedish import WEEKDAYS, day, language_name
from stodguiden.language.swedish import ages as ages_text
from stodguiden.model import (
    NO_SIGNUP,
    ONLINE_PLACE,
    Ages,
    Basis,
    Closure,
    Cost,
    FollowUp,
    Format,
    GroupSize,
    NextStart,
    Offer,
    OtherLanguageText,
    Place,
    Recurring,
    Round,
    Settings,
    Signup,
    TimeRange,
    plain_fields,
    weekly_last_date,
)
from stodguiden.source import programmes
from stodguiden.source.schemawalk import Document, Pointer, field_name, quoted, slugify, suggest
from stodguiden.source.vocabularies import contact_from, contact_problems, phone_problems

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REVIEW_MAX_AGE = timedelta(days=365)
"""`granskad` older than this gives a warning: someone should check the offer again."""
EXPIRY_NOTICE = timedelta(days=30)
"""`publicera_till` this close gives a warning, so the offer does not vanish unnoticed."""
_AGE_NUMBER = r"(\d{1,2}(?:½|,5)?)"
_STATED_SPAN_RE = re.compile(
    rf"(?<![\d.,:]){_AGE_NUMBER} ?(?:[-–—]| till ) ?{_AGE_NUMBER}"
    r"(?: ?(år|månader)(?!\w)| ?års(?!\w)|[- ]?åringar(?!\w))"
)
"""An age span in a title or summary: '8–18 år', '2-18 månader', 'för 0–6-åringar', '3 till 11 års ålder'."""
_STATED_UPPER_RE = re.compile(rf"(?<!\w)upp till {_AGE_NUMBER} ?(år|månader)(?!\w)", re.IGNORECASE)
"""An upper age in a title or summary: 'upp till 12 år', 'upp till 2½ år'."""
_ONE_CLOCK_RE = re.compile(r"^(\d{1,2})[.:](\d{2})$")
_TIME_RE = re.compile(r"^(\d{1,2})[.:](\d{2}) ?[-–] ?(\d{1,2})[.:](\d{2})$")
_SPAN_RE = re.compile(r"^(\S+?) ?[-–] ?(\S+)$")
"""Two words with a dash between: a range of weekdays (måndag–fredag) or of meetings (6–8)."""


def slug_problem(path: str, stem: str) -> Problem | None:
    if SLUG_RE.match(stem):
        return None
    return Problem(
        path,
        1,
        f"Filnamnet {quoted(stem)} går inte att använda som adress. Använd bara små "
        "bokstäver a–z, siffror och bindestreck (inte å, ä, ö eller mellanslag). Döp om filen "
        f"till {slugify(stem) or 'erbjudande'}.yml.",
    )


def build(
    doc: Document,
    slug: str,
    settings: Settings | None,
    type_keys: list[str] | None,
    organiser_keys: list[str] | None,
    today: date,
    changed: bool = False,
    pages: bool = True,
) -> tuple[Offer | None, list[Problem]]:
    """Check the rules that span fields or files; return the offer only if the file has no error.

    `changed` is true for a file the pull request being checked changes: its dates are also checked
    against today (a round already over, a `publicera_till` passed, signing up after the start).

    `type_keys` and `organiser_keys` are None when their file could not be read at all: that file's
    own problem is reported, and every offer would otherwise repeat it.

    With `pages` false (a check that builds no pages) the offer's `description_html` is left empty.
    """
    data = doc.data if isinstance(doc.data, dict) else {}
    rules = _Rules(doc)
    ages = rules.ages(data.get("ålder"))
    organisers = rules.vocabulary_keys(data, type_keys, organiser_keys)
    # Rules across fields only look at groups the schema check found no error in: a misspelt or
    # invalid field has its own message, and "missing" would only repeat it wrongly.
    signup = rules.signup(data.get("anmälan"))
    contact = data.get("kontakt")
    if contact is not None:
        rules.problems += contact_problems(doc, contact, "kontakt")
    places = rules.places(data.get("plats", []), settings)
    references = _PlaceReferences(places)
    checked = _Checked(
        ages=ages,
        organisers=organisers,
        signup=signup,
        places=places,
        rounds=rules.rounds(data.get("omgångar", []), references, today if changed else None),
        recurring=rules.recurring(data.get("löpande", []), references),
        closures=rules.closures(data.get("uppehåll", [])),
        format=rules.format(data.get("format")),
    )
    if ages is not None:
        rules.stated_ages(data, ages)
    rules.languages(data.get("språk", []))
    if isinstance(data.get("program"), str) and (message := programmes.unknown(data["program"])):
        rules.error(("program",), message)
    rules.other_languages(data.get("på_andra_språk", []))
    checked.description_html = rules.description(data, pages).html
    rules.template_texts(data)
    checked.reviewed, checked.publish_until = rules.dates(data, today, changed)
    if not doc.complete or any(p.is_error for p in rules.problems) or ages is None or signup is None or not data:
        return None, rules.problems
    return _offer(slug, doc.path, data, checked), rules.problems


@dataclass
class _Checked:
    """What the rules made of an offer file's groups, for `_offer` once the file has no error."""

    ages: Ages | None
    organisers: list[tuple[Pointer, str]]
    signup: Signup | None
    places: list[Place]
    rounds: list[Round]
    recurring: list[Recurring]
    closures: list[Closure]
    format: Format | None
    description_html: str = ""
    reviewed: date | None = None
    publish_until: date | None = None


def _offer(slug: str, source: str, data: dict[str, Any], checked: _Checked) -> Offer:
    """The offer of a file without errors: every required field is there, and each group is checked."""
    assert checked.ages is not None
    assert checked.signup is not None
    kost = data.get("kostnad")
    basis = data.get("kunskapsgrund")
    return Offer(
        slug=slug,
        source=source,
        title=data["titel"],
        summary=data["sammanfattning"],
        ages=checked.ages,
        types=tuple(data["typer"]),
        organisers=tuple(key for _, key in checked.organisers),
        signup=checked.signup,
        contact=contact_from(data["kontakt"]),
        description_html=checked.description_html,
        places=tuple(checked.places),
        rounds=tuple(checked.rounds),
        recurring=tuple(checked.recurring),
        cost=Cost(kost["belopp"], kost.get("info")) if kost else None,
        languages=tuple(data.get("språk", ())),
        interpreter=data.get("tolk", False),
        other_languages=tuple(
            OtherLanguageText(e["språk"], e["text"], e.get("titel")) for e in data.get("på_andra_språk", ())
        ),
        audiences=tuple(data.get("målgrupp", ())),
        basis=Basis(basis["namn"], basis.get("beskrivning"), basis.get("webb")) if basis else None,
        keywords=tuple(data.get("sökord", ())),
        level=data.get("nivå"),
        sensitive=data.get("känsligt", False),
        publish_until=checked.publish_until,
        reviewed=checked.reviewed,
        closures=tuple(checked.closures),
        times=data.get("tider"),
        next_start=_next_start(data.get("nästa_start")),
        format=checked.format,
        participants=tuple(data.get("deltar", ())),
        **_plain_values(data),
    )


def _plain_values(data: dict[str, Any]) -> dict[str, Any]:
    """The offer's plain fields as written, by attribute name."""
    return {attribute: data.get(name) for attribute, name in plain_fields(Offer).items()}


TEMPLATE_TEXTS = {
    "titel": "Namnet på erbjudandet",
    "sammanfattning": "En eller två korta meningar om vad det är och vem det är för.",
}
"""Texts of mallar/erbjudande.yml that no real offer has: a copied template not yet filled in."""


ACCEPTABLE_RULES = ("lix", "lång-mening", "granskad", "publicera_till", "omgång-har-varit", "sista_anmälan")
"""Warnings an offer file may accept with `regel:` in `godkända_varningar` (officialese with `ord:`)."""


def accepted(doc: Document, problems: list[Problem]) -> list[Problem]:
    """`problems` without the warnings the file accepts in `godkända_varningar`, and a problem for each
    acceptance that is not written right or no longer matches any warning."""
    entries = doc.value("godkända_varningar")
    if not isinstance(entries, list):
        return problems
    kept = list(problems)
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or "skäl" not in entry:
            continue  # the schema check has said what is missing
        pointer = ("godkända_varningar", index)
        rule, word = entry.get("regel"), entry.get("ord")
        if (rule is None) == (word is None):
            kept.append(
                Problem(
                    doc.path,
                    doc.line(*pointer),
                    f"Fältet {field_name(pointer)} ska ha antingen regel: (till exempel regel: lix) eller ord: "
                    "(till exempel ord: vårdnadshavare), inte båda och inte ingen.",
                )
            )
            continue
        matches = [
            p
            for p in kept
            if not p.is_error
            and (p.rule == rule if rule else p.rule == "krångligt-ord" and p.word == str(word).casefold())
        ]
        if not matches:
            what = f"regel: {rule}" if rule else f"ord: {word}"
            kept.append(
                Problem(
                    doc.path,
                    doc.line(*pointer),
                    f"Den godkända varningen {what} passar ingen varning i filen. Ta bort den ur godkända_varningar.",
                    Level.WARNING,
                )
            )
        kept = [p for p in kept if p not in matches]
    return kept


def _organisers(value: str | list[str] | None) -> list[tuple[tuple[str | int, ...], str]]:
    """The keys of `arrangör` (one key, or a list whose first leads), each with where it stands."""
    if isinstance(value, list):
        return [(("arrangör", index), key) for index, key in enumerate(value)]
    return [] if value is None else [(("arrangör",), value)]


def _an_hour_later(clock: str) -> str:
    """'10.30' for '09.30', as an example end time."""
    hours, minutes = clock.replace(":", ".").split(".")
    return f"{(int(hours) + 1) % 24:02}.{minutes}"


def _months(low: str, high: str, unit: str | None) -> tuple[int, int]:
    """A stated age span in months: ('2', '18', 'månader') is (2, 18), ('1', '2½', 'år') is (12, 30)."""

    def one(number: str) -> int:
        if unit == "månader":
            return int(number)
        half = number.endswith(("½", ",5"))
        return int(number.removesuffix("½").removesuffix(",5")) * 12 + (6 if half else 0)

    return one(low), one(high)


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _next_start(data: dict[str, Any] | None) -> NextStart | None:
    if not data:
        return None
    return NextStart(data["mönster"], data.get("info"), data.get("intresseanmälan", False))


def _group_size(data: dict[str, Any] | None) -> GroupSize | None:
    return GroupSize(data["till"], data["vilka"], data.get("från")) if data else None


class _PlaceReferences:
    """What a round's or weekly time's `plats` may say: the name of one of the offer's places, or the
    online marker for its (first) place on the internet, which wins over a place of that name."""

    def __init__(self, places: list[Place]) -> None:
        self.names = [p.name for p in places if p.name] + ([ONLINE_PLACE] if any(p.online for p in places) else [])
        """In the order the editor wrote them, for messages."""
        self.places: dict[str, Place] = {}
        for place in places:
            if place.name:
                self.places.setdefault(place.name, place)
        online = next((p for p in places if p.online), None)
        if online is not None:
            self.places[ONLINE_PLACE] = online


class _Rules:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.problems: list[Problem] = []

    def vocabulary_keys(
        self, data: dict[str, Any], type_keys: list[str] | None, organiser_keys: list[str] | None
    ) -> list[tuple[Pointer, str]]:
        """Kinds of support and organisers named by keys that their files hold; the organisers, in order."""
        for index, key in enumerate(data.get("typer", [])):
            if type_keys is not None and key not in type_keys:
                self.unknown_key(("typer", index), key, type_keys, "typ av stöd", "data/typer.yml")
        organisers = _organisers(data.get("arrangör"))
        for pointer, key in organisers:
            if organiser_keys is not None and key not in organiser_keys:
                self.unknown_key(pointer, key, organiser_keys, "arrangör", "data/arrangorer.yml")
        return organisers

    def template_texts(self, data: dict[str, Any]) -> None:
        """The template's own texts, copied unchanged, are an error: the offer would say nothing."""
        for name, text in TEMPLATE_TEXTS.items():
            if data.get(name) == text:
                self.error(
                    (name,),
                    f"Fältet {name} står kvar som i mallen: {quoted(text)}. Skriv erbjudandets egen text, "
                    "eller ta bort filen om den kom med av misstag.",
                )

    def error(self, pointer: tuple[str | int, ...], message: str) -> None:
        self.problems.append(Problem(self.doc.path, self.doc.line(*pointer), message))

    def warning(self, pointer: tuple[str | int, ...], message: str, rule: str) -> None:
        self.problems.append(Problem(self.doc.path, self.doc.line(*pointer), message, Level.WARNING, rule))

    def unknown_key(self, pointer: tuple[str | int, ...], key: str, known: list[str], what: str, where: str) -> None:
        hint = suggest(key, known)
        if hint:
            fix = f" Menade du {hint}? Är det en ny {what}, lägg först till den i {where}."
        elif known:
            fix = f" Välj en av: {', '.join(known)}. Är det en ny {what}, lägg först till den i {where}."
        else:
            fix = f" Lägg först till den i {where}."
        self.error(pointer, f"Det finns ingen {what} som heter {quoted(key)} i {where}.{fix}")

    def signup(self, signup: dict[str, Any] | None) -> Signup | None:
        """How to take part: `sätt`, or the older `behövs` read as ingen (false) or anmälan (true), and the
        fields that way needs and takes; None when something is wrong."""
        if signup is None:
            return None
        self.problems += phone_problems(self.doc, signup, "anmälan")
        if not self.doc.clean("anmälan"):
            return None
        if "sätt" in signup and "behövs" in signup:
            self.error(
                ("anmälan", "behövs"),
                "Fältet anmälan har både sätt och behövs. Ta bort behövs: det är det gamla sättet att skriva, "
                f"och sätt: {signup['sätt']} säger redan hur man kommer med.",
            )
            return None
        if "sätt" in signup:
            way_name, written = signup["sätt"], f"sätt: {signup['sätt']}"
        elif "behövs" in signup:
            way_name = "anmälan" if signup["behövs"] else NO_SIGNUP
            written = f"behövs: {'true' if signup['behövs'] else 'false'}"
        else:
            self.error(
                ("anmälan",),
                "Fältet anmälan säger inte hur man kommer med. Skriv sätt: ingen (man bara kommer), anmälan, "
                "ansökan, inbjudan eller konto.",
            )
            return None
        way = participation.WAYS[way_name]
        # `behövs: false` with a `webb` was accepted before `sätt` came, and the page left the link out.
        fits = way.fits | ({"webb"} if "sätt" not in signup and way_name == NO_SIGNUP else set())
        wrong = [name for name in signup if name not in fits and name not in ("sätt", "behövs")]
        for name in wrong:
            ways = [key for key, other in participation.WAYS.items() if name in other.fits]
            either = " eller ".join([", ".join(ways[:-1]), ways[-1]] if len(ways) > 1 else ways)
            self.error(
                ("anmälan", name),
                f"Fältet {name} i anmälan passar inte med {written}, bara med sätt: {either}. "
                f"Ta bort {name}, eller välj ett annat sätt.",
            )
        if way.needs and not set(way.needs) & signup.keys():
            self.error(("anmälan",), f"Fältet anmälan har {written} men {way.missing}")
        if wrong or (way.needs and not set(way.needs) & signup.keys()):
            return None
        return Signup(
            way_name,
            how=signup.get("hur"),
            web=signup.get("webb"),
            phone=signup.get("telefon"),
            email=signup.get("e-post"),
            then=signup.get("sedan"),
            invited_by=signup.get("av"),
            both_guardians=signup.get("båda_vårdnadshavarna", False),
            queue=signup.get("kö"),
            last_day=_date(signup.get("sista_dag")),
        )

    def languages(self, codes: list[str], at: tuple[str | int, ...] = ("språk",)) -> None:
        for index, code in enumerate(codes):
            if self.language_too_long(code, (*at, index)):
                continue
            if language_name(code) is None:
                self.error(
                    (*at, index),
                    f"Språkkoden {quoted(code)} finns inte. Skriv koden med två bokstäver (ISO 639-1) där "
                    "språket har en, annars med tre (ISO 639-3), till exempel sv (svenska), ar (arabiska), "
                    "so (somaliska), prs (dari) eller kmr (kurmanji).",
                )

    def language_too_long(self, tag: str, pointer: tuple[str | int, ...]) -> bool:
        """An error when `tag` has a three-letter code for a language that has a two-letter one (`fas`)."""
        code, _, script = tag.partition("-")
        shorter = languages.two_letter_code(code)
        if shorter is None:
            return False
        better = f"{shorter}-{script}" if script else shorter
        self.error(
            pointer,
            f"Språkkoden {quoted(tag)} har en kortare form: skriv {better} ({languages.swedish_name(better)}). "
            "Koden med två bokstäver (ISO 639-1) gäller där språket har en.",
        )
        return True

    def other_languages(self, entries: list[Any]) -> None:
        seen_languages: set[str] = set()
        for index, entry in enumerate(entries):
            code = entry.get("språk") if isinstance(entry, dict) else None
            if code is None:
                continue
            if code == "sv" or code.startswith("sv-"):
                self.error(
                    ("på_andra_språk", index, "språk"),
                    "Fältet på_andra_språk är för texter på andra språk "
                    "än svenska. Skriv den svenska texten i sammanfattning och beskrivning.",
                )
            elif self.language_too_long(code, ("på_andra_språk", index, "språk")):
                pass
            elif not languages.is_known(code):
                self.error(
                    ("på_andra_språk", index, "språk"),
                    f"Språkkoden {quoted(code)} finns inte. Skriv en "
                    "kod som ar (arabiska), fa (persiska), so (somaliska), ti (tigrinja) eller ckb "
                    "(centralkurdiska).",
                )
            elif code in seen_languages:
                self.error(
                    ("på_andra_språk", index, "språk"),
                    f"Det finns redan en text på "
                    f"{languages.swedish_name(code)}. Skriv allt på samma språk i en och samma text.",
                )
            seen_languages.add(code)

    def description(self, data: dict[str, Any], pages: bool = True) -> richtext.Rendered:
        """`beskrivning` as HTML (empty without `pages`), and a problem for what in it is not allowed."""
        description = richtext.Rendered("")
        if "beskrivning" in data:
            text = data["beskrivning"]
            description = richtext.render(text) if pages else richtext.Rendered("", richtext.findings(text))
            for finding in description.problems:
                line = self.doc.line_of_text(finding.text, "beskrivning")
                self.problems.append(Problem(self.doc.path, line, f"Fältet beskrivning {finding.message}"))
        return description

    def dates(self, data: dict[str, Any], today: date, changed: bool) -> tuple[date | None, date | None]:
        """`granskad` and `publicera_till`, with a word when either needs someone's attention.

        `changed`: the file is changed by the pull request being checked, so a date already passed is a
        mistake rather than the calendar moving on."""
        reviewed = _date(data.get("granskad"))
        publish_until = _date(data.get("publicera_till"))
        if reviewed and reviewed > today:
            self.error(
                ("granskad",),
                f"Fältet granskad ({day(reviewed)}) ligger i framtiden. Skriv dagen då "
                "någon senast kontrollerade uppgifterna.",
            )
        elif reviewed and today - reviewed > REVIEW_MAX_AGE:
            self.warning(
                ("granskad",),
                f"Uppgifterna granskades senast {day(reviewed)}, för mer än ett år sedan. "
                "Kontrollera att allt stämmer och skriv dagens datum i granskad.",
                "granskad",
            )
        if publish_until and today <= publish_until <= today + EXPIRY_NOTICE:
            self.warning(
                ("publicera_till",),
                f"Erbjudandet slutar visas efter {day(publish_until)}. "
                "Ändra publicera_till om det ska finnas kvar längre.",
                "publicera_till",
            )
        elif publish_until and changed and publish_until < today:
            self.warning(
                ("publicera_till",),
                f"Fältet publicera_till ({day(publish_until)}) har redan passerat, så erbjudandet visas inte på "
                "webbplatsen. Skriv ett senare datum, eller ta bort filen om erbjudandet är slut.",
                "publicera_till",
            )
        return reviewed, publish_until

    def ages(self, data: dict[str, Any] | None) -> Ages | None:
        if data is None:
            return None
        if not self.doc.clean("ålder"):
            return None
        expecting = data.get("väntar_barn", False)
        both = [(y, m) for y, m in (("från", "från_månader"), ("till", "till_månader")) if y in data and m in data]
        for years, months in both:
            self.error(
                ("ålder", months),
                f"Fältet ålder har både {years} och {months}. Skriv åldern antingen i år ({years}) eller i "
                f"månader ({months}), inte båda.",
            )
        if "från_graviditetsvecka" in data and not expecting:
            self.error(
                ("ålder", "från_graviditetsvecka"),
                "Fältet från_graviditetsvecka i ålder gäller bara blivande föräldrar. Skriv också väntar_barn: true, "
                "eller ta bort från_graviditetsvecka.",
            )
            return None
        if both:
            return None
        low, high = data.get("från"), data.get("till")
        low_months, high_months = data.get("från_månader"), data.get("till_månader")
        if low is None and low_months is None and high_months is not None:
            low = 0  # "upp till 2½ år": from birth
        if low is None and low_months is None and high is not None:
            self.error(
                ("ålder",),
                "Fältet ålder har bara till. Skriv också från, till exempel från: 3 och till: 11.",
            )
            return None
        if low is None and low_months is None and not expecting:
            self.error(
                ("ålder",),
                "Fältet ålder behöver från (och till om det finns en högsta ålder), eller väntar_barn: true "
                "för blivande föräldrar.",
            )
            return None
        if low_months is not None:
            low = low_months // 12
        if high_months is not None:
            high = high_months // 12
        first = low_months if low_months is not None else None if low is None else low * 12
        last = high_months if high_months is not None else None if high is None else high * 12 + 11
        if first is not None and last is not None and first > last:
            if low_months is None and high_months is None:
                message = f"Åldern slutar ({high} år) innan den börjar ({low} år). Byt plats på från och till."
            else:
                start = f"{low_months} månader" if low_months is not None else f"{low} år"
                stop = f"{high_months} månader" if high_months is not None else f"{high} år"
                message = f"Åldern slutar ({stop}) innan den börjar ({start}). Kontrollera från och till i ålder."
            self.error(("ålder", "till_månader" if high_months is not None else "till"), message)
            return None
        return Ages(low, high, expecting, low_months, high_months, data.get("från_graviditetsvecka"))

    def stated_ages(self, data: dict[str, Any], ages: Ages) -> None:
        """An error when the title or summary states an age span or upper age that `ålder` does not say."""
        first = ages.low_months if ages.low_months is not None else None if ages.low is None else ages.low * 12
        last = ages.high_months if ages.high_months is not None else None if ages.high is None else ages.high * 12
        for name in ("titel", "sammanfattning"):
            text = data.get(name)
            if not isinstance(text, str) or not self.doc.clean(name):
                continue
            spans = [(m, *_months(m.group(1), m.group(2), m.group(3))) for m in _STATED_SPAN_RE.finditer(text)]
            uppers = [(m, *_months("0", m.group(1), m.group(2).lower())) for m in _STATED_UPPER_RE.finditer(text)]
            if not spans and not uppers:
                continue
            wrong = bool(spans) and (min(s[1] for s in spans), max(s[2] for s in spans)) != (first, last)
            wrong = wrong or (bool(uppers) and max(u[2] for u in uppers) != last)
            if wrong:
                found = sorted((m for m, _, _ in spans + uppers), key=lambda m: m.start())
                said = " och ".join(quoted(m.group(0).strip()) for m in found)
                shown = ages_text(ages)
                self.error(
                    (name,),
                    f"Fältet {name} säger {said}, men fältet ålder säger {shown[:1].lower() + shown[1:]}. "
                    "Skriv samma ålder i båda, så att föräldrar inte får två olika svar.",
                )

    def places(self, items: list[dict[str, Any]], settings: Settings | None) -> list[Place]:
        result = []
        for index, item in enumerate(items):
            online = item.get("digitalt", False)
            if not online and "namn" not in item and self.doc.clean("plats", index):
                self.error(
                    ("plats", index),
                    f"Fältet {field_name(('plats', index))} behöver ett namn, "
                    "eller digitalt: true om erbjudandet finns på nätet.",
                )
                continue
            area = item.get("område")
            if area and settings and settings.areas and area not in settings.areas:
                hint = suggest(area, list(settings.areas))
                self.error(
                    ("plats", index, "område"),
                    f"Området {quoted(area)} finns inte bland områden i "
                    f"{settings.areas_file}."
                    + (f" Menade du {hint}?" if hint else f" Välj ett av: {', '.join(settings.areas)}.")
                    + " Är det ett nytt område, lägg först till det där.",
                )
            result.append(Place(item.get("namn"), item.get("adress"), area, online, item.get("tillgänglighet")))
        return result

    def time_range(self, text: str | None, pointer: tuple[str | int, ...]) -> TimeRange | None:
        if text is None:
            return None
        match = _TIME_RE.match(text)
        name = field_name(pointer)
        if not match:
            if _ONE_CLOCK_RE.match(text):
                self.error(
                    pointer,
                    f"Fältet {name} har bara ett klockslag: {quoted(text)}. Skriv både när det börjar och när "
                    f"det slutar, till exempel {text.replace(':', '.')}–{_an_hour_later(text)}.",
                )
            return None
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
            self.error(
                pointer,
                f"Fältet {name} har ett klockslag som inte finns: {quoted(text)}. Timmar går "
                "från 0 till 23 och minuter från 00 till 59, till exempel 18.00–20.00.",
            )
            return None
        start, end = time(h1, m1), time(h2, m2)
        if end <= start:
            self.error(
                pointer,
                f"Fältet {name} slutar innan det börjar: {quoted(text)}. Skriv starttiden "
                "först, till exempel 18.00–20.00.",
            )
            return None
        return TimeRange(start, end)

    def place_ref(self, name: str | None, refs: _PlaceReferences, pointer: tuple[str | int, ...]) -> Place | None:
        """The offer's place that `name` refers to; None when there is no name, or no such place."""
        if name is None:
            return None
        if name in refs.places:
            return refs.places[name]
        if not self.doc.clean("plats"):
            return None
        known = refs.names
        hint = suggest(name, known)
        self.error(
            pointer,
            f"Fältet {field_name(pointer)} är {quoted(name)}, men ingen av erbjudandets platser "
            "(under plats) heter så. "
            + (
                f"Menade du {hint}?"
                if hint
                else (
                    "Skriv namnet på en av: " + ", ".join(known) + "."
                    if known
                    else "Lägg först till platsen under plats."
                )
            ),
        )
        return None

    def rounds(self, items: list[dict[str, Any]], refs: _PlaceReferences, today: date | None) -> list[Round]:
        """The rounds; with `today` (a changed file), a word on dates the editor cannot have meant."""
        result = []
        for index, item in enumerate(items):
            ptr = ("omgångar", index)
            clock = self.time_range(item.get("tid"), (*ptr, "tid"))
            place = self.place_ref(item.get("plats"), refs, (*ptr, "plats"))
            self.languages(item.get("språk", []), (*ptr, "språk"))
            size = self.group_size(item.get("gruppstorlek"), (*ptr, "gruppstorlek"))
            if "start" not in item or "träffar" not in item or not self.doc.clean(*ptr):
                continue
            meetings = self.meetings(item["träffar"], (*ptr, "träffar"))
            if meetings is None:
                continue
            if meetings[1] is not None and "slut" not in item:
                self.error(
                    (*ptr, "träffar"),
                    f"Fältet {field_name((*ptr, 'träffar'))} är {quoted(item['träffar'])}, men omgången har inget "
                    "slut. När antalet träffar varierar går det inte att räkna ut sista träffen: skriv slut: "
                    "(datum för sista träffen), eller ett bestämt antal träffar.",
                )
                continue
            start = date.fromisoformat(item["start"])
            last = date.fromisoformat(item["slut"]) if "slut" in item else weekly_last_date(start, meetings[0])
            if last < start:
                self.error(
                    (*ptr, "slut"),
                    f"Fältet {field_name((*ptr, 'slut'))} ({day(last)}) är före start "
                    f"({day(start)}). Kontrollera start och slut.",
                )
                continue
            signup_by = _date(item.get("sista_anmälan"))
            if signup_by and signup_by > last:
                self.error(
                    (*ptr, "sista_anmälan"),
                    f"Fältet {field_name((*ptr, 'sista_anmälan'))} "
                    f"({day(signup_by)}) är efter sista träffen ({day(last)}). Skriv en dag före eller "
                    "när omgången startar.",
                )
            elif signup_by and today and signup_by > start:
                self.warning(
                    (*ptr, "sista_anmälan"),
                    f"Fältet {field_name((*ptr, 'sista_anmälan'))} ({day(signup_by)}) är efter start "
                    f"({day(start)}). Sista dag att anmäla sig brukar vara före första träffen: kontrollera datumen.",
                    "sista_anmälan",
                )
            if today and last < today:
                self.warning(
                    (*ptr, "start"),
                    f"Omgång nr {index + 1} ({day(start)}–{day(last)}) har redan varit. Kontrollera datumen "
                    "(kanske årtalet), eller ta bort omgången om den är över.",
                    "omgång-har-varit",
                )
            result.append(
                Round(
                    start,
                    meetings[0],
                    last,
                    clock,
                    place,
                    signup_by,
                    item.get("status", "öppen"),
                    item.get("info"),
                    meetings_max=meetings[1],
                    languages=tuple(item.get("språk", ())),
                    for_whom=item.get("för"),
                    duration=item.get("träfflängd"),
                    group_size=size,
                    follow_up=self.follow_up(item.get("uppföljning"), item.get("status"), ptr),
                )
            )
        return result

    def follow_up(self, data: dict[str, Any] | None, status: str | None, ptr: Pointer) -> FollowUp | None:
        """A round's counts; more completing than starting, or a reason on a round not cancelled, is a mistake."""
        if not isinstance(data, dict):
            return None
        result = FollowUp(
            data.get("platser"), data.get("anmälda"), data.get("startade"), data.get("fullföljde"), data.get("orsak")
        )
        at = (*ptr, "uppföljning")
        if result.started is not None and result.completed is not None and result.completed > result.started:
            self.error(
                (*at, "fullföljde"),
                f"Fältet {field_name((*at, 'fullföljde'))} är {result.completed}, fler än de "
                f"{result.started} som startade. Kontrollera siffrorna: fullföljde kan inte vara fler än startade.",
            )
        if result.reason is not None and status != "inställd":
            self.error(
                (*at, "orsak"),
                f"Fältet {field_name((*at, 'orsak'))} säger varför omgången blev inställd, men omgången har inte "
                "status: inställd. Skriv status: inställd, eller ta bort orsak.",
            )
        return result

    def meetings(self, value: int | str, pointer: tuple[str | int, ...]) -> tuple[int, int | None] | None:
        """A number of meetings, `8` or `6–8`: (the number or the lower end, the upper end or None)."""
        if isinstance(value, int):
            return value, None
        match = _SPAN_RE.match(value)
        if not match:
            return None  # the schema's pattern has said what is wrong
        low, high = int(match.group(1)), int(match.group(2))
        if not 1 <= low < high <= 100:
            self.error(
                pointer,
                f"Fältet {field_name(pointer)} är {quoted(value)}. Skriv det lägsta antalet först och sedan det "
                "högsta, mellan 1 och 100, till exempel 6–8. Är antalet bestämt, skriv bara siffran.",
            )
            return None
        return low, high

    def group_size(self, data: dict[str, Any] | None, pointer: tuple[str | int, ...]) -> GroupSize | None:
        if not data or not self.doc.clean(*pointer):
            return None
        size = _group_size(data)
        if size is not None and size.low is not None and size.low > size.high:
            self.error(
                (*pointer, "från"),
                f"Fältet {field_name(pointer)} har från: {size.low}, som är fler än till: {size.high}. "
                "Skriv det minsta antalet i från och det största i till.",
            )
            return None
        return size

    def format(self, data: dict[str, Any] | None) -> Format | None:
        if not data:
            return None
        size = self.group_size(data.get("gruppstorlek"), ("format", "gruppstorlek"))
        meetings = self.meetings(data["träffar"], ("format", "träffar")) if "träffar" in data else None
        return Format(
            meetings[0] if meetings else None,
            meetings[1] if meetings else None,
            data.get("träfflängd"),
            size,
            data.get("ledare"),
        )

    def closures(self, items: list[dict[str, Any]]) -> list[Closure]:
        result = []
        for index, item in enumerate(items):
            ptr = ("uppehåll", index)
            if "från" not in item or "till" not in item or not self.doc.clean(*ptr):
                continue
            start, end = date.fromisoformat(item["från"]), date.fromisoformat(item["till"])
            if end < start:
                self.error(
                    (*ptr, "till"),
                    f"Fältet {field_name((*ptr, 'till'))} ({day(end)}) är före från ({day(start)}). "
                    "Skriv första stängda dagen i från och sista stängda dagen i till.",
                )
                continue
            result.append(Closure(start, end, item.get("info")))
        return result

    def same_weekly_time(
        self, seen: dict[tuple[str, time], int], days: tuple[str, ...], clock: TimeRange, index: int
    ) -> None:
        """A weekly time written twice (easy with a range: måndag–fredag and onsdag at the same hour).
        `seen` maps each day and start time already written to the number of its entry."""
        twice = [weekday for weekday in days if (weekday, clock.start) in seen]
        if twice:
            earlier = seen[(twice[0], clock.start)]
            self.error(
                ("löpande", index),
                f"Fältet {field_name(('löpande', index))} börjar {twice[0]} kl. {clock.start:%H.%M}, men den "
                f"tiden finns redan i löpande nr {earlier + 1}. Ta bort den ena, eller ändra dagarna.",
            )
        for weekday in days:
            seen.setdefault((weekday, clock.start), index)

    def weekdays(self, text: str, pointer: tuple[str | int, ...]) -> tuple[str, ...] | None:
        """The days of `veckodag`: one day, or each day of a range such as måndag–fredag."""
        if text in WEEKDAYS:
            return (text,)
        match = _SPAN_RE.match(text)
        parts = [match.group(1), match.group(2)] if match else [text]
        if all(part in WEEKDAYS for part in parts) and len(parts) == 2:
            first, last = WEEKDAYS.index(parts[0]), WEEKDAYS.index(parts[1])
            if first < last:
                return WEEKDAYS[first : last + 1]
            self.error(
                pointer,
                f"Fältet {field_name(pointer)} är {quoted(text)}. Skriv den första dagen först och den sista "
                "sist, till exempel måndag–fredag. Är det bara en dag, skriv bara den.",
            )
            return None
        hints = [part if part in WEEKDAYS else suggest(part, list(WEEKDAYS)) for part in parts]
        hint = "–".join(h for h in hints if h) if all(hints) else None
        self.error(
            pointer,
            f"Fältet {field_name(pointer)} kan vara en veckodag ({', '.join(WEEKDAYS[:-1])} eller {WEEKDAYS[-1]}) "
            f"eller flera dagar i följd (måndag–fredag), men här står {quoted(text)}."
            + (f" Menade du {hint}?" if hint else ""),
        )
        return None

    def recurring(self, items: list[dict[str, Any]], refs: _PlaceReferences) -> list[Recurring]:
        result: list[Recurring] = []
        seen: dict[tuple[str, time], int] = {}
        for index, item in enumerate(items):
            ptr = ("löpande", index)
            clock = self.time_range(item.get("tid"), (*ptr, "tid"))
            place = self.place_ref(item.get("plats"), refs, (*ptr, "plats"))
            days = self.weekdays(item["veckodag"], (*ptr, "veckodag")) if "veckodag" in item else None
            if clock and days:
                self.same_weekly_time(seen, days, clock, index)
                # A range becomes one weekly time per day: every output handles single days already.
                span = days if len(days) > 1 else ()
                result += [Recurring(weekday, clock, place, item.get("info"), span) for weekday in days]
        return result
