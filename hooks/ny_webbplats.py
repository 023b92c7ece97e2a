"""Turn a fresh copy of Stödguiden into a municipality's (or, with --region, a county's) own site.

`python hooks/ny_webbplats.py --namn "Krokoms kommun" --adress https://www.krokom.se/foraldraskapsstod/
--epost foraldrastod@krokom.se --telefon "0640-161 00"` removes the sample's offers, organisers, logo and
sample-only settings, writes data/webbplats.yml (and data/arrangorer.yml) that pass the check, sets the
site's address in mkdocs.yml, writes .github/CODEOWNERS from the teams (--webbteam, --agare: options, or
derived from --repo's organisation) and prints the next steps. Shared vocabularies (typer, aldersgrupper,
ordlista) stay; the sample moves to tests/fixtures/sites/exempel/ for the test suite. In a terminal it asks
for what is missing; without one it says what is missing and changes nothing. It refuses to run on a copy
that is no longer the sample (no `exempel: true`).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Imported after the line above, which makes them importable when this file is run as a script.
from environment import restart_in_venv
from uppdatera import SAMPLE_COPY, SAMPLE_LOGO, SAMPLE_PARTS

try:
    import yaml

    from stodguiden.base import municipalities
    from stodguiden.base.cli import SwedishArgumentParser
    from stodguiden.source.schemawalk import slugify
    from stodguiden.source.vocabularies import phone_message
except ModuleNotFoundError as exc:
    sys.exit(restart_in_venv(__file__, exc.name))

ROOT = Path(__file__).resolve().parents[1]
COMMAND = "python hooks/ny_webbplats.py"
EDIT_URI = "edit/main/docs/"
EXAMPLE = (
    f'{COMMAND} --namn "Krokoms kommun" --adress https://www.krokom.se/foraldraskapsstod/ '
    '--epost foraldrastod@krokom.se --telefon "0640-161 00"'
)
REGION_EXAMPLE = (
    f'{COMMAND} --region --lan 23 --namn "Region Jämtland Härjedalen" '
    "--adress https://www.regionjh.se/foraldraskapsstod/ --epost foraldrastod@regionjh.se "
    '--telefon "063-14 75 00" --kommuner "Krokom,Åre"'
)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
_ADDRESS = re.compile(r"https://[^/\s]+\.[^/\s]+(/\S*)?")
_GITHUB_REPO = re.compile(r"https://github\.com/(?P<organisation>[A-Za-z0-9][A-Za-z0-9-]*)/[^/\s]+/?")
Ask = Callable[[str], str]
PLACEHOLDER_ORGANISATION = "ORGANISATION"
TEAMS = {"webbteam": "webbteamet", "agare": "foraldrastod"}
"""The team option → the team's name in the organisation when the option is not given."""


def _team_pattern() -> re.Pattern[str]:
    """What a GitHub team or person looks like: the settings schema's pattern, the one place it is written."""
    schema = json.loads((ROOT / "schema" / "webbplats.schema.json").read_text(encoding="utf-8"))
    return re.compile(schema["properties"]["webbteam"]["pattern"])


@dataclass
class Answers:
    """What the new site is, checked: everything the files are written from."""

    name: str
    """The municipality's official name, or in region mode the region's (organisation's) name."""
    address: str
    email: str
    phone: str
    site_name: str
    contact_name: str
    municipality: municipalities.Municipality | None = None
    county: municipalities.County | None = None
    members: list[municipalities.Municipality] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    repo: str | None = None
    owner: str = f"@{PLACEHOLDER_ORGANISATION}/{TEAMS['agare']}"
    """The team that owns the content (`ägare`); in a region, the shared content."""
    web_team: str = f"@{PLACEHOLDER_ORGANISATION}/{TEAMS['webbteam']}"
    """The team that owns the code and the publishing (`webbteam`)."""

    @property
    def region(self) -> bool:
        return self.county is not None


# --- What is asked for: the option, the question in a terminal, and how an answer is checked ---


@dataclass(frozen=True)
class Field:
    option: str
    attribute: str
    what: str
    """What the value is, for the list of what is missing and the question."""


SINGLE_FIELDS = (
    Field("--namn", "namn", 'kommunens namn, till exempel "Krokoms kommun"'),
    Field("--adress", "adress", "webbplatsens adress, till exempel https://www.krokom.se/foraldraskapsstod/"),
    Field("--epost", "epost", "e-post dit föräldrar kan skriva, till exempel foraldrastod@krokom.se"),
    Field("--telefon", "telefon", 'telefon dit föräldrar kan ringa, till exempel "0640-161 00"'),
)
REGION_FIELDS = (
    Field("--lan", "lan", 'länet, med kod eller namn, till exempel 23 eller "Jämtlands län"'),
    Field("--namn", "namn", 'regionens eller organisationens namn, till exempel "Region Jämtland Härjedalen"'),
    *SINGLE_FIELDS[1:],
)


def missing_text(missing: list[Field], region: bool) -> str:
    """What a run without a terminal prints when options are missing."""
    lines = ["Det här saknas, så ingenting ändrades:"]
    lines += [f"  {item.option}: {item.what}" for item in missing]
    lines += ["Kör kommandot igen med allt som saknas, till exempel:", f"  {REGION_EXAMPLE if region else EXAMPLE}"]
    return "\n".join(lines)


def value_problem(attribute: str, value: str) -> str | None:
    """Why an answer cannot be used, in Swedish, or None. Names are checked later, with the other answers."""
    if attribute == "adress" and not _ADDRESS.fullmatch(value):
        return f"Adressen {value} går inte att använda. Skriv hela adressen med https://, till exempel " + (
            "https://www.krokom.se/foraldraskapsstod/."
        )
    if attribute == "epost" and not _EMAIL.fullmatch(value):
        return f"E-postadressen {value} går inte att använda. Skriv den som foraldrastod@krokom.se."
    if attribute == "telefon":
        return phone_message(value)
    if attribute in TEAMS and not _team_pattern().fullmatch(value):
        return (
            f"Teamet {value} går inte att använda. Skriv ett GitHub-team som @organisation/team, "
            "till exempel @krokom/foraldrastod."
        )
    return None


# --- Reading the options and the answers ---


def parser() -> SwedishArgumentParser:
    p = SwedishArgumentParser(
        prog=COMMAND,
        description="Gör om den här kopian av Stödguiden till en egen webbplats för en kommun (eller, med "
        "--region, för ett län eller en region): tar bort exemplets erbjudanden, arrangörer och logotyp, skriver "
        "data/webbplats.yml och sätter webbplatsens adress i mkdocs.yml. I en terminal frågar kommandot efter "
        "det som saknas.",
        epilog=f"Exempel:\n  {EXAMPLE}\n  {REGION_EXAMPLE}",
    )
    p.add_argument("--namn", help='kommunens namn, till exempel "Krokoms kommun" (med --region: regionens namn)')
    p.add_argument("--kommunkod", help="SCB:s kommunkod, om namnet inte räcker, till exempel 2309")
    p.add_argument("--adress", help="webbplatsens adress, till exempel https://www.krokom.se/foraldraskapsstod/")
    p.add_argument("--epost", help="e-post dit föräldrar kan skriva")
    p.add_argument("--telefon", help="telefonnummer dit föräldrar kan ringa")
    p.add_argument("--webbplatsnamn", help='webbplatsens namn (annars "Föräldraskapsstöd i Krokom")')
    p.add_argument("--kontaktnamn", help="vem föräldrar kontaktar (annars kommunens namn)")
    p.add_argument("--omraden", metavar="OMRÅDEN", help='kommunens områden, med kommatecken: "Centrum,Norrby"')
    p.add_argument("--repo", help="förrådets adress på GitHub, för länkarna Ändra på varje sida")
    p.add_argument("--region", action="store_true", help="en webbplats för flera kommuner i ett län")
    p.add_argument("--lan", metavar="LÄN", help="med --region: länets kod eller namn, till exempel 23")
    p.add_argument("--kommuner", help='med --region: kommunerna att börja med, till exempel "Krokom,Åre"')
    p.add_argument(
        "--webbteam",
        metavar="TEAM",
        help="teamet på GitHub som äger koden och publiceringen, till exempel @krokom/webbteamet "
        "(annars @ORGANISATION/webbteamet, med organisationen från --repo)",
    )
    p.add_argument(
        "--agare",
        metavar="TEAM",
        help="teamet på GitHub som äger innehållet (med --region: det gemensamma), till exempel "
        "@krokom/foraldrastod (annars @ORGANISATION/foraldrastod, med organisationen från --repo)",
    )
    p.add_argument("--root", type=Path, default=ROOT, metavar="MAPP", help="projektets mapp (den med data/)")
    return p


def fill_in(values: dict[str, str | None], fields: tuple[Field, ...], ask: Ask | None) -> list[Field]:
    """Asks for each missing value when `ask` is given (a terminal), again until it can be used; returns the
    fields still missing."""
    missing = []
    for item in fields:
        if values.get(item.attribute):
            continue
        if ask is None:
            missing.append(item)
            continue
        while True:
            answer = ask(f"{item.what[0].upper()}{item.what[1:]}: ").strip()
            problem = value_problem(item.attribute, answer) if answer else "Svaret behövs."
            if problem is None:
                values[item.attribute] = answer
                break
            print(problem)
    return missing


def county_of(text: str) -> municipalities.County | None:
    counties = municipalities.counties()
    if text.strip() in counties:
        return counties[text.strip()]
    wanted = text.strip().casefold().removesuffix(" län").removesuffix("s")
    for county in counties.values():
        if county.name.casefold().removesuffix(" län").removesuffix("s") == wanted:
            return county
    return None


def check(values: dict[str, str | None], region: bool) -> tuple[Answers | None, list[str]]:
    """The answers, or the Swedish reasons they cannot be used."""
    problems = [
        problem
        for attribute in ("adress", "epost", "telefon")
        if (problem := value_problem(attribute, values[attribute] or "")) is not None
    ]
    problems += [
        problem
        for attribute in TEAMS
        if values.get(attribute) and (problem := value_problem(attribute, values[attribute] or "")) is not None
    ]
    name = (values["namn"] or "").strip()
    municipality = county = None
    members: list[municipalities.Municipality] = []
    if region:
        county = county_of(values["lan"] or "")
        if county is None:
            problems.append(
                f'Länet {values["lan"]} finns inte. Skriv länets kod eller namn, till exempel 23 eller "Jämtlands län".'
            )
        for text in filter(None, (part.strip() for part in (values.get("kommuner") or "").split(","))):
            found = municipalities.find(text) or municipalities.municipalities().get(text)
            if found is None:
                problems.append(f'Kommunen "{text}" finns inte i listan över Sveriges kommuner. Kontrollera namnet.')
            elif county is not None and found.county != county:
                problems.append(f"{found.official_name} ligger i {found.county.name}, inte i {county.name}.")
            elif found not in members:
                members.append(found)
    else:
        code = values.get("kommunkod")
        if code:
            message = municipalities.code_problem(code)
            if message:
                problems.append(message)
            municipality = municipalities.municipalities().get(code)
            named = municipalities.find(name)
            if municipality and named and named != municipality:
                problems.append(
                    f"{named.official_name} har kommunkoden {named.code}, inte {code}. Rätta --namn eller --kommunkod."
                )
        else:
            municipality = municipalities.find(name)
            if municipality is None:
                problems.append(
                    f'Kommunen "{name}" finns inte i listan över Sveriges kommuner. Skriv namnet som till exempel '
                    '"Krokoms kommun", eller ange SCB:s kommunkod med --kommunkod.'
                )
    if problems:
        return None, problems
    place = county.name if county else municipality.name if municipality else name
    answers = Answers(
        name=municipality.official_name if municipality and not values.get("kommunkod") else name,
        address=_with_slash(values["adress"] or ""),
        email=values["epost"] or "",
        phone=values["telefon"] or "",
        site_name=values.get("webbplatsnamn") or f"Föräldraskapsstöd i {place}",
        contact_name=values.get("kontaktnamn") or (municipality.official_name if municipality else name),
        municipality=municipality,
        county=county,
        members=members,
        areas=[a.strip() for a in (values.get("omraden") or "").split(",") if a.strip()],
        repo=values.get("repo"),
        **teams(values),
    )
    return answers, []


def teams(values: dict[str, str | None]) -> dict[str, str]:
    """The teams for CODEOWNERS: the options, or the usual team names in the organisation the repository
    (--repo on GitHub) or the other team belongs to; without either, ORGANISATION, to be replaced later."""
    organisation = PLACEHOLDER_ORGANISATION
    found = _GITHUB_REPO.fullmatch(values.get("repo") or "")
    given = [team for team in (values.get(option) for option in TEAMS) if team and "/" in team]
    if found:
        organisation = found["organisation"]
    elif given:
        organisation = given[0][1:].split("/")[0]
    chosen = {option: values.get(option) or f"@{organisation}/{name}" for option, name in TEAMS.items()}
    return {"web_team": chosen["webbteam"], "owner": chosen["agare"]}


def _with_slash(address: str) -> str:
    return address if address.endswith("/") else address + "/"


# --- Writing the site ---


def q(text: str) -> str:
    """A YAML double-quoted string (JSON's string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def contact_lines(answers: Answers, indent: str = "") -> str:
    return (
        f"{indent}kontakt:\n{indent}  namn: {q(answers.contact_name)}\n"
        f"{indent}  telefon: {q(answers.phone)}\n{indent}  e-post: {q(answers.email)}\n"
    )


def settings_text(answers: Answers, sample: dict[str, object]) -> str:
    """data/webbplats.yml; the national help lines and the "leave" page are kept from the sample."""
    where = answers.county.name if answers.county else answers.municipality.name if answers.municipality else ""
    text = [
        "# yaml-language-server: $schema=../schema/webbplats.schema.json",
        f"# Webbplatsens inställningar, skrivna av {COMMAND}. Fälten beskrivs i REDAKTÖRSGUIDE.md.",
        f"namn: {q(answers.site_name)}",
        f"kommun: {q(answers.name)}",
    ]
    if answers.county:
        text.append(f"län: {q(answers.county.code)}")
    elif answers.municipality:
        text.append(f"kommunkod: {q(answers.municipality.code)}")
    text += [
        "# GitHub-teamen som granskar ändringar (.github/CODEOWNERS, skriv om den med python hooks/kodagare.py).",
        f"webbteam: {q(answers.web_team)}",
        f"ägare: {q(answers.owner)}",
    ]
    text += [
        "# Licensen för de öppna data under oppna-data/ (CC0-1.0 om inget står, eller CC-BY-4.0).",
        "licens: CC0-1.0",
        "beskrivning: "
        + q(
            "Här hittar du kurser, grupper, samtal och mötesplatser för dig som är förälder till ett barn "
            f"mellan 0 och 17 år i {where}."
        ),
        contact_lines(answers).rstrip("\n"),
        "# Byt gärna till era egna färger: kontrollen säger till om kontrasten blir för låg.",
        "färger:",
        '  primär: "#1d5c4d"',
        '  accent: "#8a3b12"',
        "# Logotypen: lägg bildfilen i docs/bilder/ och skriv till exempel",
        "# logotyp: bilder/logotyp.svg",
        "# Tillgänglighetsredogörelsen, som lagen kräver, skriver ni innan webbplatsen publiceras",
        "# (fältet tillgänglighet, se REDAKTÖRSGUIDE.md).",
    ]
    if not answers.region:
        if answers.areas:
            text += ["områden:", *(f"  - {q(area)}" for area in answers.areas)]
        else:
            text += [
                "# Kommunens områden, som föräldrar kan välja i Hitta stöd, till exempel",
                "# områden:",
                "#   - Centrum",
            ]
    lines = sample.get("stödlinjer")
    if isinstance(lines, list) and lines:
        text.append("# Visas på känsliga erbjudanden (känsligt: true), tillsammans med knappen Lämna sidan snabbt.")
        text.append("stödlinjer:")
        for line in lines:
            text.append(f"  - namn: {q(line['namn'])}")
            text.append(f"    telefon: {q(line['telefon'])}")
            if line.get("beskrivning"):
                text.append(f"    beskrivning: {q(line['beskrivning'])}")
    leave = sample.get("lämna_sidan_till")
    if isinstance(leave, str):
        text += ["# Knappen Lämna sidan snabbt byter till den här sidan.", f"lämna_sidan_till: {leave}"]
    return "\n".join(text) + "\n"


def organisers_text(answers: Answers) -> str:
    """data/arrangorer.yml with one organiser, the municipality (or region) itself: offers name it with
    `arrangör: kommunen` (or `regionen`), and editors add the others."""
    key = "regionen" if answers.region else "kommunen"
    where = answers.county.name if answers.county else answers.municipality.name if answers.municipality else ""
    return (
        "# yaml-language-server: $schema=../schema/arrangorer.schema.json\n"
        "# Arrangörerna som erbjudandena hänvisar till (arrangör: nyckeln). Lägg till fler, en i taget.\n"
        f"{key}:\n"
        f"  namn: {q(answers.name)}\n"
        f"  beskrivning: {q(f'{answers.name} ordnar föräldraskapsstöd för föräldrar i {where}.')}\n"
        f"  sektor: {'region' if answers.region else 'kommun'}\n"
        f"  e-post: {q(answers.email)}\n"
        f"  telefon: {q(answers.phone)}\n"
    )


def municipality_text(answers: Answers, member: municipalities.Municipality) -> str:
    return (
        f"# {member.official_name}s egna inställningar i regionens webbplats, skrivna av {COMMAND}.\n"
        f"namn: {q(member.official_name)}\n"
        f"kommunkod: {q(member.code)}\n"
        "# Byt till kommunens egen kontakt för föräldraskapsstöd.\n"
        + contact_lines(answers)
        + '# områden: ["Centrum"]\n'
        + "# Teamet som granskar ändringar i kommunens mapp; kör sedan python hooks/kodagare.py.\n"
        + '# ägare: "@organisation/team"\n'
    )


def set_line(text: str, key: str, value: str | None, comment: str) -> str:
    """mkdocs.yml with the top-level `key` set to `value` (or commented out with `comment` when None);
    everything else, comments too, stays as it was."""
    pattern = re.compile(rf"^#? ?{re.escape(key)}:.*$", re.MULTILINE)
    line = f"{key}: {value}" if value else f"# {key}: {comment}"
    if not pattern.search(text):
        return text.rstrip("\n") + f"\n{line}\n"
    return pattern.sub(lambda _: line, text, count=1)


def write_site(root: Path, answers: Answers) -> list[str]:
    """Makes the changes; returns what was done, as Swedish lines for the summary."""
    settings_path = root / "data" / "webbplats.yml"
    sample = yaml.safe_load(settings_path.read_text(encoding="utf-8"))
    # The test suite builds the sample: it moves to SAMPLE_COPY, where hooks/uppdatera.py keeps it current.
    for part in SAMPLE_PARTS:
        source, kept = root / part, root / SAMPLE_COPY / part
        if source.is_dir():
            shutil.copytree(source, kept, dirs_exist_ok=True)
        elif source.is_file():
            kept.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, kept)
    (root / SAMPLE_LOGO).unlink(missing_ok=True)
    offers = root / "data" / "erbjudanden"
    removed = sorted(offers.glob("*.yml"))
    for path in removed:
        path.unlink()
    (offers / ".gitkeep").touch()
    done = [f"tog bort exemplets {len(removed)} erbjudanden i data/erbjudanden/"]
    settings_path.write_text(settings_text(answers, sample), encoding="utf-8")
    (root / "data" / "arrangorer.yml").write_text(organisers_text(answers), encoding="utf-8")
    done.append("tog bort exemplets arrangörer och logotyp, och exempelinställningarna idag och exempel")
    done.append("skrev data/webbplats.yml och data/arrangorer.yml")
    done.append(f"sparade exemplet i {SAMPLE_COPY}/, där testerna bygger det")
    if answers.region:
        folder = root / "data" / "kommuner"
        folder.mkdir(exist_ok=True)
        (folder / ".gitkeep").touch()
        for member in answers.members:
            own = folder / slugify(member.name)
            (own / "erbjudanden").mkdir(parents=True, exist_ok=True)
            (own / "erbjudanden" / ".gitkeep").touch()
            (own / "kommun.yml").write_text(municipality_text(answers, member), encoding="utf-8")
        names = ", ".join(f"data/kommuner/{slugify(m.name)}/" for m in answers.members)
        done.append(f"skapade data/kommuner/{' med ' + names if names else ''}")
    config = root / "mkdocs.yml"
    text = set_line(config.read_text(encoding="utf-8"), "site_url", answers.address, "")
    text = set_line(text, "repo_url", answers.repo, "https://github.com/ORGANISATION/FÖRRÅD")
    # Without repo_url MkDocs warns about every page's relative edit_uri, and --strict fails on the warnings.
    text = set_line(text, "edit_uri", EDIT_URI if answers.repo else None, EDIT_URI)
    config.write_text(text, encoding="utf-8")
    done.append(f"satte site_url i mkdocs.yml till {answers.address}" + (" och repo_url" if answers.repo else ""))
    # CODEOWNERS from the settings just written, as hooks/kodagare.py writes it (and its --kontrollera checks).
    import kodagare  # here: its imports need the packages, which a Python without them is told about above

    with contextlib.redirect_stdout(io.StringIO()):  # its "skrevs" comes in the summary below
        written = kodagare.main(["--projekt", str(root)]) == 0
    if written:
        done.append(f"skrev .github/CODEOWNERS: webbteam {answers.web_team}, ägare {answers.owner}")
    return done


def next_steps(answers: Answers) -> str:
    steps = [
        "Titta på webbplatsen på din dator: .venv/bin/mkdocs serve",
        "Lägg in det första erbjudandet: kopiera mallar/erbjudande.yml till data/erbjudanden/ och fyll i. "
        "Kontrollera med .venv/bin/python hooks/check.py",
        "Lägg logotypen i docs/bilder/ och skriv logotyp: i data/webbplats.yml.",
        "Skriv tillgänglighetsredogörelsen (tillgänglighet i data/webbplats.yml) innan ni publicerar.",
        (
            "Byt teamen webbteam och ägare i data/webbplats.yml till era egna och kör python hooks/kodagare.py"
            if PLACEHOLDER_ORGANISATION in answers.web_team + answers.owner
            else "Kontrollera att teamen i .github/CODEOWNERS finns på GitHub och får skriva i förrådet"
        )
        + ("." if answers.repo else ". Skriv repo_url i mkdocs.yml så att varje sida får en Ändra-länk."),
    ]
    if answers.region:
        steps.insert(
            2,
            "Lägg till en mapp per kommun i data/kommuner/ med kommun.yml, och skriv varje kommuns egen kontakt där.",
        )
    steps.append(f'Spara ändringarna: git add -A && git commit -m "Egen webbplats för {answers.name}"')
    lines = ["", "Nästa steg:"] + [f"  {number}. {step}" for number, step in enumerate(steps, 1)]
    lines.append("Mer om att publicera och att hämta nya versioner av Stödguiden: README.md, Starta en egen webbplats.")
    return "\n".join(lines)


def is_sample(root: Path) -> bool:
    try:
        data = yaml.safe_load((root / "data" / "webbplats.yml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return False
    return isinstance(data, dict) and data.get("exempel") is True


def main(argv: list[str] | None = None, ask: Ask | None = None, terminal: bool | None = None) -> int:
    """`ask` and `terminal` are for the tests: by default a terminal on standard input is asked with input()."""
    args = parser().parse_args(argv)
    root: Path = args.root
    if terminal is None:
        terminal = sys.stdin.isatty()
    if ask is None and terminal:
        ask = input
    if not is_sample(root):
        print(
            "fel: data/webbplats.yml har inte exempel: true, så det här är redan en egen webbplats. Ingenting "
            "ändrades. Kommandot gör om exemplet i en ny kopia av Stödguiden.",
            file=sys.stderr,
        )
        return 1
    values: dict[str, str | None] = {key: value for key, value in vars(args).items() if isinstance(value, str)}
    fields = REGION_FIELDS if args.region else SINGLE_FIELDS
    if args.kommunkod and not args.namn:
        found = municipalities.municipalities().get(args.kommunkod)
        values["namn"] = found.official_name if found else args.kommunkod
    missing = fill_in(values, fields, ask if terminal else None)
    if missing:
        print(f"fel: {missing_text(missing, args.region)}", file=sys.stderr)
        return 2
    answers, problems = check(values, args.region)
    if answers is None:
        print("fel: " + "\n".join(problems) + "\nIngenting ändrades.", file=sys.stderr)
        return 2
    if terminal and ask is not None:
        print(f"Webbplatsen blir {answers.site_name}, på {answers.address}.")
        print("Exemplets erbjudanden, arrangörer, logotyp och inställningar tas bort.")
        if ask("Fortsätt? Skriv ja: ").strip().casefold() not in ("ja", "j"):
            print("Ingenting ändrades.")
            return 1
    done = write_site(root, answers)
    print(f"Klart: nu är det här webbplatsen {answers.site_name}.")
    print("\n".join(f"  - {line}" for line in done))
    print(next_steps(answers))
    return 0


if __name__ == "__main__":
    sys.exit(main())
