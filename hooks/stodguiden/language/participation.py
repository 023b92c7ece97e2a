"""Who takes part in an offer (`deltar`) and how to take part (`anmälan`), in words that speak to the right
person: the offer page, the cards and the finder, the search words and the open data all read them here.

Every value of `deltar` and of `anmälan.sätt` in schema/erbjudande.schema.json has its texts and rules in the
tables below, once; a test checks that the tables and the schema name the same values. A text never claims
what the editor did not write: a fact that is missing is left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from stodguiden.language.swedish import day, for_whom, listing, phone_display, sentence

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from datetime import date

    from stodguiden.model import Offer

# Whom a page speaks to, from who takes part (`speaks_to`).
YOU = "du"
CHILD = "barnet"
"""The parent, about a child who takes part alone: "Du anmäler ditt barn"."""
YOU_AND_CHILD = "du och barnet"
YOU_ALL = "ni"
ADDRESSEES = (YOU, CHILD, YOU_AND_CHILD, YOU_ALL)

ADULT = "vuxen"
"""The finder's choice (?deltar=vuxen) for offers where an adult takes part: "Stöd för mig"."""
CHILD_GROUP = "barn"
"""The finder's choice (?deltar=barn) for offers where the child takes part: "En grupp för mitt barn"."""


@dataclass(frozen=True)
class Participant:
    """One value of `deltar`."""

    says: str
    """The offer page's sentence under "För vem?"."""
    label: str
    """Short, for the facts of a page, a card and a finder result: "Du och ditt barn tillsammans"."""
    audience: str
    """A noun for the JSON-LD audience: "Föräldrar och barn tillsammans"."""
    speaks_to: str
    finder: tuple[str, ...]
    """The finder's choices the offer is listed under."""
    words: tuple[str, ...] = ()
    """What a parent may search for, beyond the offer's own words."""


PARTICIPANTS: dict[str, Participant] = {
    "föräldrar": Participant("För dig som förälder.", "Du som förälder", "Föräldrar", YOU, (ADULT,)),
    "barn": Participant(
        "Ditt barn går i gruppen.", "Ditt barn", "Barn", CHILD, (CHILD_GROUP,), ("barngrupp", "grupp för barn")
    ),
    "förälder_och_barn": Participant(
        "Du och ditt barn deltar tillsammans.",
        "Du och ditt barn tillsammans",
        "Föräldrar och barn tillsammans",
        YOU_AND_CHILD,
        (ADULT, CHILD_GROUP),
        ("tillsammans med barnet",),
    ),
    "familj": Participant(
        "Hela familjen är välkommen.", "Hela familjen", "Familjer", YOU_ALL, (ADULT, CHILD_GROUP), ("hela familjen",)
    ),
    "par": Participant("För er två som föräldrar.", "Ni två som föräldrar", "Par", YOU_ALL, (ADULT,), ("par",)),
    "blivande_föräldrar": Participant(
        "För dig som väntar barn.",
        "Du som väntar barn",
        "Blivande föräldrar",
        YOU,
        (ADULT,),
        ("väntar barn", "gravid", "blivande föräldrar"),
    ),
    "andra_vuxna": Participant(
        "Även för andra viktiga vuxna (familjehem, bonusföräldrar, mor- och farföräldrar).",
        "Andra viktiga vuxna",
        "Andra viktiga vuxna",
        YOU,
        (ADULT,),
        ("familjehem", "bonusförälder", "morföräldrar", "farföräldrar"),
    ),
}
"""In the schema's order."""


def speaks_to(participants: Iterable[str]) -> str:
    """Whom the page speaks to: you (also when the file does not say), your child when only the child takes
    part, you all when only a family or a couple does, and you and your child when both take part."""
    addressed = {PARTICIPANTS[p].speaks_to for p in participants}
    if addressed <= {YOU}:
        return YOU
    if len(addressed) == 1:
        return addressed.pop()
    if addressed & {CHILD, YOU_AND_CHILD}:
        return YOU_AND_CHILD
    return YOU


def participant_sentences(offer: Offer) -> list[str]:
    """The page's sentences on who takes part, after the one on the ages ("För dig som väntar barn." is
    said once, when both say it)."""
    ages = for_whom(offer.ages)
    return [PARTICIPANTS[p].says for p in offer.participants if PARTICIPANTS[p].says != ages]


def participants_label(participants: Iterable[str]) -> str | None:
    """'Du som förälder och ditt barn', or None when the file does not say who takes part."""
    labels = [PARTICIPANTS[p].label for p in participants]
    if not labels:
        return None
    return listing([labels[0], *(label[:1].lower() + label[1:] for label in labels[1:])])


def finder_choices(participants: Iterable[str]) -> list[str]:
    """The finder's choices an offer is listed under, in the finder's order (vuxen, barn)."""
    found = {choice for p in participants for choice in PARTICIPANTS[p].finder}
    return [choice for choice in (ADULT, CHILD_GROUP) if choice in found]


def audience_types(participants: Iterable[str]) -> list[str]:
    return [PARTICIPANTS[p].audience for p in participants]


def _same(text: str) -> dict[str, str]:
    """A text that is the same whoever the page speaks to."""
    return dict.fromkeys(ADDRESSEES, text)


@dataclass(frozen=True)
class Way:
    """One value of `anmälan.sätt`: what the page answers to "Behöver jag anmäla mig?", and what it needs."""

    answer: Mapping[str, str]
    """By addressee; `{av}` is who invites."""
    needs: tuple[str, ...]
    """At least one of these fields of `anmälan` must be there."""
    missing: str
    """The end of the message when none of `needs` is: "säger inte … Lägg till …"."""
    fits: frozenset[str]
    """The fields of `anmälan` that go with this way (besides sätt and behövs)."""
    link: Mapping[str, str] | None = None
    """The text of the link to `webb`, by addressee; `{title}` is the offer's title."""
    last_day: Mapping[str, str] | None = None
    """The sentence on `sista_dag`, by addressee; `{is_was}` is "är" or "var"."""
    words: tuple[str, ...] = ()


SIGN_UP_WAYS = frozenset({"hur", "webb", "telefon", "e-post"})
"""Where and how to sign up: any of them is enough for `sätt: anmälan`."""
_ASKING = frozenset({"hur", "webb", "telefon", "e-post", "båda_vårdnadshavarna", "kö", "sista_dag"})

WAYS: dict[str, Way] = {
    "ingen": Way(
        answer={
            YOU: "Nej, du kan bara komma.",
            CHILD: "Nej, ditt barn kan bara komma.",
            YOU_AND_CHILD: "Nej, du och ditt barn kan bara komma.",
            YOU_ALL: "Nej, ni kan bara komma.",
        },
        needs=(),
        missing="",
        fits=frozenset({"hur", "båda_vårdnadshavarna"}),
        words=("drop in", "ingen anmälan"),
    ),
    "anmälan": Way(
        answer={
            YOU: "Ja, anmäl dig i förväg.",
            CHILD: "Ja, anmäl ditt barn i förväg.",
            YOU_AND_CHILD: "Ja, anmäl dig och ditt barn i förväg.",
            YOU_ALL: "Ja, anmäl er i förväg.",
        },
        needs=("hur", "webb", "telefon", "e-post"),
        missing="säger inte hur man anmäler sig. Lägg till hur: (med vanliga ord), webb: (länk till ett formulär), "
        "telefon: eller e-post:.",
        fits=_ASKING,
        link={
            YOU: "Anmäl dig till {title}",
            CHILD: "Anmäl ditt barn till {title}",
            YOU_AND_CHILD: "Anmäl er till {title}",
            YOU_ALL: "Anmäl er till {title}",
        },
        last_day={
            YOU: "Sista dag att anmäla dig {is_was} {day}.",
            CHILD: "Sista dag att anmäla ditt barn {is_was} {day}.",
            YOU_AND_CHILD: "Sista dag att anmäla er {is_was} {day}.",
            YOU_ALL: "Sista dag att anmäla er {is_was} {day}.",
        },
        words=("anmälan",),
    ),
    "ansökan": Way(
        answer={
            YOU: "Du ansöker hos socialtjänsten.",
            CHILD: "Du ansöker om en plats för ditt barn hos socialtjänsten.",
            YOU_AND_CHILD: "Du ansöker hos socialtjänsten.",
            YOU_ALL: "Ni ansöker hos socialtjänsten.",
        },
        needs=("sedan",),
        missing="säger inte vad som händer när man har ansökt. Lägg till sedan:, till exempel "
        "sedan: Du får ett brev med en tid för ett första samtal.",
        fits=_ASKING | {"sedan"},
        link=_same("Ansök om {title}"),
        last_day=_same("Sista dag att ansöka {is_was} {day}."),
        words=("ansökan", "ansöka", "socialtjänsten"),
    ),
    "inbjudan": Way(
        answer={
            YOU: "Du blir inbjuden av {av}.",
            CHILD: "Ditt barn blir inbjudet av {av}.",
            YOU_AND_CHILD: "Du och ditt barn blir inbjudna av {av}.",
            YOU_ALL: "Ni blir inbjudna av {av}.",
        },
        needs=("av",),
        missing="säger inte vem som bjuder in. Lägg till av:, till exempel av: BVC.",
        fits=frozenset({"hur", "telefon", "e-post", "av", "båda_vårdnadshavarna", "kö"}),
        words=("inbjudan",),
    ),
    "konto": Way(
        answer={
            YOU: "Du skapar ett konto och börjar när du vill.",
            CHILD: "Du skapar ett konto åt ditt barn, och ni börjar när ni vill.",
            YOU_AND_CHILD: "Du skapar ett konto, och ni börjar när ni vill.",
            YOU_ALL: "Ni skapar ett konto och börjar när ni vill.",
        },
        needs=("webb",),
        missing="säger inte var man skapar kontot. Lägg till webb: med länken dit.",
        fits=frozenset({"hur", "webb", "telefon", "e-post", "sista_dag"}),
        link=_same("Skapa ett konto för {title}"),
        last_day=_same("Sista dag att skapa ett konto {is_was} {day}."),
        words=("konto",),
    ),
}
"""In the schema's order."""

QUESTION = {
    YOU: "Behöver jag anmäla mig?",
    CHILD: "Behöver jag anmäla mitt barn?",
    YOU_AND_CHILD: "Behöver vi anmäla oss?",
    YOU_ALL: "Behöver vi anmäla oss?",
}
QUEUE: dict[str, Mapping[str, str]] = {
    "väntelista": {
        YOU: "Det finns en väntelista, så det kan dröja innan du får en plats.",
        CHILD: "Det finns en väntelista, så det kan dröja innan ditt barn får en plats.",
        YOU_AND_CHILD: "Det finns en väntelista, så det kan dröja innan ni får en plats.",
        YOU_ALL: "Det finns en väntelista, så det kan dröja innan ni får en plats.",
    },
    "reservlista": {
        YOU: "Det är fullt, men du kan stå på reservlistan.",
        CHILD: "Det är fullt, men ditt barn kan stå på reservlistan.",
        YOU_AND_CHILD: "Det är fullt, men ni kan stå på reservlistan.",
        YOU_ALL: "Det är fullt, men ni kan stå på reservlistan.",
    },
}
QUEUE_WORDS = {"väntelista": ("kö", "väntelista"), "reservlista": ("reservlista",)}
BOTH_GUARDIANS = "Båda vårdnadshavarna behöver säga ja till att barnet deltar."


@dataclass(frozen=True)
class SignupText:
    """What the offer page says about taking part, speaking to whoever takes part."""

    question: str
    """The heading: "Behöver jag anmäla mig?"."""
    answer: str
    """"Ja, anmäl dig i förväg." The short answer in the page's facts is this without its full stop."""
    link: str | None
    """The text of the link to `webb`, when the offer has one that fits its way."""
    notes: tuple[str, ...]
    """What happens after applying, the queue, both guardians and the last day, each a sentence."""


def signup_fact(offer: Offer) -> str:
    """The short answer in an offer's facts: "Ja, anmäl dig i förväg"."""
    return _answer(offer).removesuffix(".")


def _answer(offer: Offer) -> str:
    return WAYS[offer.signup.way].answer[speaks_to(offer.participants)].format(av=offer.signup.invited_by)


def signup_text(offer: Offer, today: date) -> SignupText:
    signup = offer.signup
    way = WAYS[signup.way]
    to = speaks_to(offer.participants)
    notes = []
    if signup.then:
        notes.append(sentence(signup.then))
    if signup.queue:
        notes.append(QUEUE[signup.queue][to])
    if signup.both_guardians:
        notes.append(BOTH_GUARDIANS)
    if signup.last_day and way.last_day:
        is_was = "var" if signup.last_day < today else "är"
        notes.append(way.last_day[to].format(is_was=is_was, day=day(signup.last_day)))
    return SignupText(
        question=QUESTION[to],
        answer=_answer(offer),
        link=way.link[to].format(title=offer.title) if signup.web and way.link else None,
        notes=tuple(notes),
    )


def signup_plain(offer: Offer, today: date) -> str:
    """Everything the page says about taking part, as plain sentences (HSDS's `application_process`)."""
    text = signup_text(offer, today)
    signup = offer.signup
    parts = [text.answer, sentence(signup.how) if signup.how else None]
    if text.link:
        parts.append(f"{text.link}: {signup.web}.")
    if signup.phone:
        parts.append(f"Ring {phone_display(signup.phone)}.")
    if signup.email:
        parts.append(f"Mejla {signup.email}.")
    return " ".join(part for part in (*parts, *text.notes) if part)


def search_words(offer: Offer) -> list[str]:
    """Words for who takes part and how: a parent may search for "barngrupp" or "drop in"."""
    words = [word for p in offer.participants for word in PARTICIPANTS[p].words]
    words += WAYS[offer.signup.way].words
    if offer.signup.queue:
        words += QUEUE_WORDS[offer.signup.queue]
    return words
