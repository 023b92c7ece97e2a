"""The site settings and the shared vocabularies (kinds of support, organisers, age groups)."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from stodguiden.base import shipped
from stodguiden.base.municipalities import code_problem
from stodguiden.base.problems import Level, Problem
from stodguiden.language.swedish import listing, parse_phone, phone_fault
from stodguiden.model import (
    DEFAULT_LEAVE_URL,
    AgeGroup,
    Contact,
    HelpLine,
    Organiser,
    OverviewSettings,
    Settings,
    Term,
)
from stodguiden.source import statement, theme
from stodguiden.source.schemawalk import Document, quoted


def contact_from(data: dict[str, Any]) -> Contact:
    return Contact(name=data.get("namn"), phone=data.get("telefon"), email=data.get("e-post"), web=data.get("webb"))


def phone_message(phone: str, where: str = "") -> str | None:
    """Why `phone` cannot be published (`where` names the group, as " i tillgänglighet"), or None."""
    if parse_phone(phone) is not None:
        return None
    fault = phone_fault(phone)
    if fault:
        return (
            f"Telefonnumret {quoted(phone)}{where} {fault}. Skriv numret med bara siffror, mellanslag och "
            "bindestreck, till exempel 0123-456 78 eller 08-123 456 78."
        )
    return (
        f"Telefonnumret {quoted(phone)}{where} är inte ett giltigt svenskt nummer. Skriv det med "
        "riktnummer, till exempel 0123-456 78 eller 08-123 456 78."
    )


def phone_problems(doc: Document, data: dict[str, Any], *pointer: str | int) -> list[Problem]:
    phone = data.get("telefon")
    message = None if phone is None else phone_message(phone)
    return [] if message is None else [Problem(doc.path, doc.line(*pointer, "telefon"), message)]


CONTACT_WAYS = ("telefon", "e-post", "webb")
"""A `kontakt` must give at least one of these."""


def contact_problems(doc: Document, data: dict[str, Any], *pointer: str | int) -> list[Problem]:
    """A `kontakt`'s problems: a phone number that is not Swedish, and no way at all to reach anyone.

    "No way" is only told when the schema found no error in the group: a misspelt field has its own
    message, and "missing" would only repeat it wrongly.
    """
    problems = phone_problems(doc, data, *pointer)
    if doc.clean(*pointer) and not set(CONTACT_WAYS) & data.keys():
        problems.append(
            Problem(
                doc.path,
                doc.line(*pointer),
                "Fältet kontakt behöver minst ett sätt att nå er: telefon, e-post eller webb.",
            )
        )
    return problems


def settings(doc: Document, docs_dir: Path | None = None) -> tuple[Settings | None, list[Problem]]:
    data = doc.data
    problems: list[Problem] = []
    if not isinstance(data, dict) or not {"namn", "kommun", "kontakt"} <= data.keys():
        return None, problems
    contact = data["kontakt"]
    problems += contact_problems(doc, contact, "kontakt")
    colours = data.get("färger", {})
    problems += colour_problems(doc, colours)
    logo = logo_of(doc, data.get("logotyp"), docs_dir, problems)
    code = data.get("kommunkod")
    found_code = code_problem(code, example=data.get("exempel") is True) if doc.clean("kommunkod") and code else None
    if found_code:
        problems.append(Problem(doc.path, doc.line("kommunkod"), found_code))
    fixed = data.get("idag")
    accessibility, found = statement.statement(doc)
    problems += found
    result = Settings(
        name=data["namn"],
        municipality=data["kommun"],
        contact=contact_from(contact),
        municipality_code=data.get("kommunkod"),
        description=data.get("beskrivning"),
        primary_colour=colours.get("primär"),
        accent_colour=colours.get("accent"),
        dark_link_colour=colours.get("mörkt_läge", {}).get("länkar"),
        dark_accent_colour=colours.get("mörkt_läge", {}).get("accent"),
        areas=tuple(data.get("områden", ())),
        fixed_today=date.fromisoformat(fixed) if fixed else None,
        example=data.get("exempel", False),
        logo=logo,
        license=data.get("licens"),
        help_lines=tuple(
            HelpLine(line["namn"], line["telefon"], line.get("beskrivning"))
            for line in data.get("stödlinjer", ())
            if isinstance(line, dict) and {"namn", "telefon"} <= line.keys()
        ),
        leave_url=data.get("lämna_sidan_till", DEFAULT_LEAVE_URL),
        accessibility=accessibility,
        overview=_overview(data.get("översikt")),
        counties=counties_of(data.get("län", ())),
        owner=data.get("ägare"),
        web_team=data.get("webbteam"),
    )
    return result, problems


def _overview(data: dict[str, Any] | None) -> OverviewSettings:
    if not isinstance(data, dict):
        return OverviewSettings()
    return OverviewSettings(
        publish=data.get("publicera", False),
        review_months=data.get("granska_efter_månader"),
        needed_languages=tuple(data.get("språk_som_behövs", ())),
    )


def counties_of(value: str | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def logo_of(doc: Document, logo: str | None, docs_dir: Path | None, problems: list[Problem]) -> str | None:
    """The logo's path in docs/, or None with a problem when the file is not there."""
    if logo and docs_dir is not None and not (docs_dir / logo).is_file():
        problems.append(
            Problem(
                doc.path,
                doc.line("logotyp"),
                f"Logotypen {quoted(logo)} finns inte i mappen docs/. Lägg bildfilen där, eller rätta sökvägen.",
            )
        )
        return None
    return logo


def colour_problems(doc: Document, colours: dict[str, Any]) -> list[Problem]:
    """Each colour against what it is drawn on, in the light and the dark palette (theme.CONTRAST_RULES)."""
    problems = []
    for rule in theme.CONTRAST_RULES:
        value: Any = colours
        for part in rule.key:
            value = value.get(part) if isinstance(value, dict) else None
        if not isinstance(value, str):
            continue
        ratio = theme.contrast(value, rule.background)
        if ratio < rule.minimum:
            fix = rule.fix
            if rule.background == theme.DARK_BACKGROUND:
                fix = f'{fix[:-1]}, till exempel "{theme.readable_on(value, rule.background, rule.minimum)}".'
            problems.append(
                Problem(
                    doc.path,
                    doc.line("färger", *rule.key),
                    f"Färgen {' → '.join(rule.key)} ({value}) ger för låg kontrast {rule.use}: "
                    f"{ratio:.1f}:1, men minst {rule.minimum}:1 behövs för att alla ska kunna "
                    f"läsa. {fix}",
                )
            )
    return problems


def types(doc: Document) -> dict[str, Term]:
    data = doc.data if isinstance(doc.data, dict) else {}
    return {
        key: Term(key, entry["namn"], entry["beskrivning"], tuple(entry.get("sökord", ())))
        for key, entry in data.items()
        if {"namn", "beskrivning"} <= entry.keys()
    }


SIGNUP_WORDS = Path(__file__).parents[1] / "ordlistor" / "anmalningsord.yml"
"""Words that say how to take part, which an organiser's shared description should not (see the file)."""


@cache
def signup_words() -> re.Pattern[str]:
    """Any word of `SIGNUP_WORDS` as a whole word, in any case; a * in the list stands for more letters."""
    words: list[str] = shipped.load(SIGNUP_WORDS)
    # Longest first, so that "drop in" is found whole rather than stopping at a shorter word.
    longest_first = sorted(words, key=len, reverse=True)
    alternatives = (re.escape(w).replace(r"\*", r"\w*").replace(r"\ ", r"\s+") for w in longest_first)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])", re.IGNORECASE)


def signup_word_problem(doc: Document, key: str, description: str) -> Problem | None:
    """A warning when an organiser's description says how to take part: it is shown on all the organiser's
    offers, also on those one takes part in another way, and each offer's `anmälan` says it instead."""
    found = signup_words().search(description)
    if found is None:
        return None
    return Problem(
        doc.path,
        doc.line(key, "beskrivning"),
        f"Beskrivningen av {key} säger hur man kommer med ({quoted(found.group(0))}). Den visas på alla "
        f"arrangörens erbjudanden, också där man kommer med på ett annat sätt. Låt beskrivningen säga vem "
        "arrangören är, och skriv hur man kommer med i varje erbjudandes anmälan.",
        Level.WARNING,
    )


def organisers(doc: Document) -> tuple[dict[str, Organiser], list[Problem]]:
    data = doc.data if isinstance(doc.data, dict) else {}
    problems: list[Problem] = []
    result = {}
    for key, entry in data.items():
        problems += phone_problems(doc, entry, key)
        if isinstance(entry.get("beskrivning"), str):
            problem = signup_word_problem(doc, key, entry["beskrivning"])
            problems += [problem] if problem else []
        if {"namn", "beskrivning", "sektor"} <= entry.keys():
            result[key] = Organiser(key, entry["namn"], entry["beskrivning"], entry["sektor"], contact_from(entry))
    return result, problems


def age_groups(doc: Document) -> tuple[dict[str, AgeGroup], list[Problem]]:
    """Age groups, which together must cover 0–17 exactly once (and may add one for expecting parents)."""
    data = doc.data if isinstance(doc.data, dict) else {}
    problems: list[Problem] = []
    result: dict[str, AgeGroup] = {}
    for key, entry in data.items():
        if not {"namn", "beskrivning"} <= entry.keys():
            continue
        line = doc.line(key)
        expecting = entry.get("väntar_barn", False)
        low, high = entry.get("från"), entry.get("till")
        if expecting and (low is not None or high is not None):
            problems.append(
                Problem(
                    doc.path,
                    line,
                    f"Åldersgruppen {key} har både väntar_barn: true och en ålder. "
                    "Gruppen för blivande föräldrar ska inte ha från och till.",
                )
            )
            continue
        if not expecting and (low is None or high is None):
            problems.append(
                Problem(
                    doc.path,
                    line,
                    f"Åldersgruppen {key} behöver både från och till (hela år 0–17), eller väntar_barn: true.",
                )
            )
            continue
        if low is not None and high is not None and low > high:
            problems.append(
                Problem(
                    doc.path,
                    doc.line(key, "till"),
                    f"Åldersgruppen {key} slutar ({high} år) innan den börjar ({low} år). Byt plats på från och till.",
                )
            )
            continue
        result[key] = AgeGroup(
            key,
            entry["namn"],
            entry["beskrivning"],
            tuple(entry.get("sökord", ())),
            low=low,
            high=high,
            expecting=expecting,
        )
    if problems or len(result) != len(data):
        return result, problems
    owner: dict[int, str] = {}
    for group in result.values():
        if group.expecting:
            continue
        assert group.low is not None
        assert group.high is not None
        for age in range(group.low, group.high + 1):
            if age in owner:
                problems.append(
                    Problem(
                        doc.path,
                        doc.line(group.key),
                        f"Åldersgrupperna {owner[age]} och "
                        f"{group.key} överlappar: båda tar med {age} år. Varje ålder ska "
                        "finnas i bara en grupp. Ändra från eller till så att grupperna möts "
                        "utan att överlappa.",
                    )
                )
                break
            owner[age] = group.key
    missing = [age for age in range(18) if age not in owner]
    if missing and not problems:
        problems.append(
            Problem(
                doc.path,
                1,
                "Åldersgrupperna täcker inte alla åldrar 0–17. Det saknas en grupp "
                f"för {_ranges(missing)} år. Ändra från och till så att grupperna möts.",
            )
        )
    return result, problems


def _ranges(ages: list[int]) -> str:
    spans: list[list[int]] = []
    for age in ages:
        if spans and spans[-1][1] == age - 1:
            spans[-1][1] = age
        else:
            spans.append([age, age])
    return listing([f"{a}" if a == b else f"{a}–{b}" for a, b in spans])
