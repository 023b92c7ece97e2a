"""The accessibility statement ("tillgänglighetsredogörelse") that lag (2018:1937) requires: settings and rules.

What the statement must say follows DIGG's guidance (https://www.digg.se/tdosanmalan is where visitors
complain); the wording of each compliance status is kept here as data.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from stodguiden.base.problems import Problem
from stodguiden.language.swedish import parse_phone, phone_fault
from stodguiden.model import AccessibilityStatement, Contact, Shortcoming
from stodguiden.source.schemawalk import Document, quoted

FIELD = "tillgänglighet"
COMPLAINT_URL = "https://www.digg.se/tdosanmalan"
LAW = "lagen (2018:1937) om tillgänglighet till digital offentlig service"
STATUS_TEXT = {
    "helt": "helt förenlig",
    "delvis": "delvis förenlig",
    "inte": "inte förenlig",
}
"""`status` → the words DIGG asks for: the site is "helt/delvis/inte förenlig med lagen (2018:1937)"."""
METHOD_TEXT = {
    "självskattning": "Vi har själva granskat webbplatsen (självskattning)",
    "extern": "En extern granskare har granskat webbplatsen",
}


def statement(doc: Document) -> tuple[AccessibilityStatement | None, list[Problem]]:
    """The statement from data/webbplats.yml's `tillgänglighet`, or None when it is missing or wrong."""
    data = doc.data.get(FIELD) if isinstance(doc.data, dict) else None
    if not isinstance(data, dict):
        return None, []
    problems: list[Problem] = []
    contact = data.get("kontakt", {})
    if "kontakt" in data and doc.clean(FIELD, "kontakt") and not {"telefon", "e-post"} & contact.keys():
        problems.append(
            Problem(
                doc.path,
                doc.line(FIELD, "kontakt"),
                "Fältet kontakt i tillgänglighet behöver "
                "e-post eller telefon, så att besökare kan rapportera brister och be om "
                "innehåll i ett annat format.",
            )
        )
    phone = contact.get("telefon")
    if phone is not None and parse_phone(phone) is None:
        problems.append(
            Problem(
                doc.path,
                doc.line(FIELD, "kontakt", "telefon"),
                f"Telefonnumret {quoted(phone)} i tillgänglighet {phone_fault(phone)}. Skriv numret med bara "
                "siffror, mellanslag och bindestreck, till exempel 0123-456 78."
                if phone_fault(phone)
                else f"Telefonnumret {quoted(phone)} i tillgänglighet är inte ett giltigt svenskt nummer. "
                "Skriv det med riktnummer, till exempel 0123-456 78.",
            )
        )
    status, shortcomings = data.get("status"), data.get("brister", [])
    if status == "helt" and shortcomings:
        problems.append(
            Problem(
                doc.path,
                doc.line(FIELD, "status"),
                "Status är helt, men det finns brister. "
                "En webbplats med kända brister är delvis förenlig med lagen: skriv status: "
                "delvis, eller ta bort bristerna som är åtgärdade.",
            )
        )
    if status in ("delvis", "inte") and not shortcomings and doc.clean(FIELD, "brister"):
        problems.append(
            Problem(
                doc.path,
                doc.line(FIELD, "status"),
                f"Status är {status}, men ingen brist är "
                "beskriven. Skriv under brister vilket innehåll som inte är tillgängligt och "
                "varför, eller ändra status till helt.",
            )
        )
    assessed, updated = data.get("bedömd"), data.get("uppdaterad")
    if assessed and updated and date.fromisoformat(updated) < date.fromisoformat(assessed):
        problems.append(
            Problem(
                doc.path,
                doc.line(FIELD, "uppdaterad"),
                f"Redogörelsen uppdaterades "
                f"({updated}) före bedömningen ({assessed}). Skriv dagen då du skrev in "
                "bedömningen som uppdaterad.",
            )
        )
    if problems or not {"status", "bedömd", "hur", "uppdaterad", "kontakt"} <= data.keys():
        return None, problems
    return AccessibilityStatement(
        status=data["status"],
        assessed=date.fromisoformat(data["bedömd"]),
        method=data["hur"],
        updated=date.fromisoformat(data["uppdaterad"]),
        contact=_contact(contact),
        shortcomings=tuple(Shortcoming(s["innehåll"], s["varför"]) for s in shortcomings if _complete(s)),
    ), problems


def _contact(data: dict[str, Any]) -> Contact:
    return Contact(name=data.get("namn"), phone=data.get("telefon"), email=data.get("e-post"))


def _complete(entry: Any) -> bool:
    return isinstance(entry, dict) and {"innehåll", "varför"} <= entry.keys()
