"""Synthetic offers for the benchmark: N realistic offer files from a fixed seed.

Every field of `schema/erbjudande.schema.json` is used, with Swedish text of realistic length,
several rounds and several places. Keys for kinds of support, organisers and areas are read from
the vocabulary files in the target's `data/`, so the offers stay valid when those files change.

    python bench/synth.py DATA_DIR N [--seed 7]

writes DATA_DIR/erbjudanden/*.yml (DATA_DIR must already hold the vocabulary files).

    python bench/synth.py DATA_DIR N --lan 14     # a region: the county's municipalities (14: 49 of them)
    python bench/synth.py DATA_DIR N --hela-landet  # a region of all 290 municipalities

writes a region's site instead (README, "En webbplats för flera kommuner"): data/webbplats.yml with `län`,
one data/kommuner/<mapp>/ per municipality of the official list (hooks/stodguiden/base/kommuner.yml) with
its kommun.yml and its own offers, and shared offers in DATA_DIR/erbjudanden naming their `kommuner`.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import shutil
import sys
import unicodedata
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

TODAY = date(2027, 1, 18)
"""The day the benchmark builds as (STODGUIDEN_IDAG): the sample data's own fixed day."""
SEED = 7
SHARED_SHARE = 0.2
"""In a region, this share of the offers is shared (data/erbjudanden); the rest are municipalities' own."""
HOOKS = Path(__file__).resolve().parents[1] / "hooks"
OFFER_SCHEMA = Path(__file__).resolve().parents[1] / "schema" / "erbjudande.schema.json"

ACTIVITIES = [
    ("Föräldrakurs", "en kurs där du träffar andra föräldrar och får verktyg för vardagen"),
    ("Föräldragrupp", "en grupp där föräldrar pratar om vardagen med barnen"),
    ("Samtalsgrupp", "en liten grupp som träffas några gånger och pratar om ett tema"),
    ("Stödsamtal", "enskilda samtal med någon som kan barn och familjer"),
    ("Öppen mötesplats", "en plats där du kan komma när du vill och träffa andra"),
    ("Föreläsning", "en kväll där någon berättar om ett ämne och du kan ställa frågor"),
    ("Babyträff", "träffar för dig som är hemma med en bebis"),
    ("Barngrupp", "en grupp där barn i samma situation träffas med trygga vuxna"),
    ("Bokcirkel", "en cirkel där föräldrar läser en bok och pratar om den"),
    ("Familjeverkstad", "eftermiddagar där hela familjen skapar och leker tillsammans"),
]
THEMES = [
    ("om tonåren", "tonåringar", (13, 17)),
    ("för nyblivna föräldrar", "nyblivna föräldrar", (0, 0)),
    ("om trots och utbrott", "småbarn", (1, 5)),
    ("om skärmtid och sociala medier", "skolbarn", (6, 12)),
    ("om skilsmässa och separation", "separerade föräldrar", (3, 17)),
    ("för bonusfamiljer", "bonusfamiljer", (0, 17)),
    ("om sömn och mat", "småbarnsföräldrar", (0, 5)),
    ("om kompisar och skolan", "skolbarn", (6, 12)),
    ("om oro och ångest", "föräldrar som är oroliga", (6, 17)),
    ("för föräldrar till barn med NPF", "föräldrar till barn med NPF", (3, 17)),
    ("på arabiska", "föräldrar födda utomlands", (0, 17)),
    ("inför förlossningen", "blivande föräldrar", None),
]
SENTENCES = [
    "Du får träffa andra föräldrar som har det som du och höra hur de gör.",
    "Ledarna har lång erfarenhet av att arbeta med barn och familjer.",
    "Ni pratar i små grupper och ingen behöver säga mer än den vill.",
    "Varje gång får du en övning att prova hemma tillsammans med ditt barn.",
    "Det finns fika, och du kan ta med en vän eller din partner.",
    "Du behöver inte ha några problem för att komma. Det räcker att du är nyfiken.",
    "Vi pratar om hur du kan sätta gränser utan att det blir bråk.",
    "Många föräldrar säger efteråt att det var skönt att höra att de inte är ensamma.",
    "Du kan vara anonym om du vill, och vi skriver inga journaler.",
    "Träffarna är på kvällen så att du kan komma efter jobbet.",
    "Barnen kan vara med i ett eget rum med personal medan de vuxna pratar.",
    "Om du behöver tolk ordnar vi det, och det kostar ingenting.",
    "Du får ett häfte med det vi pratar om, på flera språk.",
    "Ledarna har tystnadsplikt, så det du berättar stannar i rummet.",
    "Vi börjar med en kort genomgång och sedan finns det tid för frågor.",
    "Du kan också ringa oss om du har frågor innan du bestämmer dig.",
]
HEADINGS = ["Så går det till", "Vem kan komma?", "Praktiskt", "Vad händer på träffarna?", "Efteråt"]
LIST_ITEMS = [
    "att prata med ditt barn om svåra saker",
    "att ta hand om dig själv som förälder",
    "att hitta lugn när det blir bråk",
    "att stärka barnets självkänsla",
    "att samarbeta med barnets andra förälder",
    "att hitta rutiner som fungerar",
]
STREETS = ["Storgatan", "Skolvägen", "Kyrkogatan", "Hamngatan", "Parkvägen", "Torget", "Björkvägen", "Ängsgatan"]
PLACE_KINDS = ["Familjecentralen", "Biblioteket", "Fritidsgården", "Medborgarhuset", "Skolan", "Kyrkan"]
KEYWORDS = [
    "bråk",
    "tjat",
    "gränser",
    "tonåring",
    "skilsmässa",
    "oro",
    "sömn",
    "mat",
    "skärmtid",
    "kompisar",
    "självkänsla",
    "stress",
    "syskon",
    "föräldraledig",
    "lek",
    "trots",
    "skola",
    "relation",
    "ilska",
    "sorg",
    "nätet",
    "ensam förälder",
    "bonusbarn",
    "pappa",
    "mamma",
]
LANGUAGES = ["sv", "en", "ar", "so", "fa", "ti", "pl", "bs", "es", "uk"]
BASES = ["Komet", "ABC – Alla barn i centrum", "Connect", "Triple P", "Cope", "Trappan", "Vägledande samspel"]
TIMES = ["09.00–11.00", "10.00–12.00", "13.00–15.00", "17.30–19.30", "18.00–20.00", "18.30–20.30"]
WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"]
OTHER_LANGUAGE_TEXTS = {
    "en": "A group for parents. You meet other parents and talk about everyday life with children. It is free.",
    "ar": "مجموعة للآباء والأمهات. تلتقي بآباء آخرين وتتحدث عن الحياة اليومية مع الأطفال. المشاركة مجانية.",
    "so": "Koox waalidiin ah. Waxaad la kulmaysaa waalidiin kale oo aad ka hadlaysaan nolosha carruurta. Waa bilaash.",
}
"""Short texts for `på_andra_språk`, in the offer's other languages (right-to-left among them)."""
STATUSES = ["öppen", "öppen", "öppen", "fullbokad", "reservlista", "inställd"]
PARTICIPANTS = [["föräldrar"], ["barn"], ["förälder_och_barn"], ["familj"], ["par"], ["föräldrar", "andra_vuxna"]]


_BaseDumper = yaml.CSafeDumper if yaml.__with_libyaml__ else yaml.SafeDumper  # libyaml: 10,000 files in seconds


class _Dumper(_BaseDumper):  # type: ignore[valid-type,misc]
    """Writes multi-line text as a literal block (`|`), as editors do."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)
HEADER = "# yaml-language-server: $schema=../../schema/erbjudande.schema.json\n"


def slugify(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def _vocabulary_keys(data_dir: Path, name: str) -> list[str]:
    content = yaml.safe_load((data_dir / name).read_text(encoding="utf-8")) or {}
    return list(content)


def _paragraph(rng: random.Random, count: int) -> str:
    return " ".join(rng.sample(SENTENCES, count))


def _description(rng: random.Random, what: str) -> str:
    parts = [f"Det här är {what}. {_paragraph(rng, 3)}"]
    for heading in rng.sample(HEADINGS, rng.randint(2, 3)):
        parts.append(f"## {heading}")
        parts.append(_paragraph(rng, rng.randint(2, 4)))
        if rng.random() < 0.4:
            parts.append("\n".join(f"- {item}" for item in rng.sample(LIST_ITEMS, 3)))
    return "\n\n".join(parts) + "\n"


def offer(index: int, rng: random.Random, types: list[str], organisers: list[str], areas: list[str]) -> dict[str, Any]:
    """One offer as the mapping an editor would write in YAML."""
    activity, what = rng.choice(ACTIVITIES)
    theme, audience, span = rng.choice(THEMES)
    area = rng.choice(areas) if areas else None
    title = f"{activity} {theme}" + (f" i {area}" if area else "")
    ages: dict[str, Any] = {"väntar_barn": True} if span is None else {"från": span[0], "till": span[1]}
    data: dict[str, Any] = {
        "titel": title,
        "sammanfattning": f"{what[:1].upper()}{what[1:]}, {theme}. {rng.choice(SENTENCES)}"[:200],
        "ålder": ages,
        "typer": rng.sample(types, rng.randint(1, min(2, len(types)))),
        # one organiser, or now and then two that work together (the first leads)
        "arrangör": rng.choice(organisers) if rng.random() < 0.8 else rng.sample(organisers, min(2, len(organisers))),
        "deltar": rng.choice(PARTICIPANTS),
        "nivå": rng.choice(["universell", "selektiv", "indikerad"]),
        "beskrivning": _description(rng, what),
    }
    places = []
    for number in range(rng.randint(1, 3)):
        place_area = rng.choice(areas) if areas else None
        place: dict[str, Any] = {
            "namn": f"{rng.choice(PLACE_KINDS)} {place_area or ''} {number + 1}".replace("  ", " "),
            "adress": f"{rng.choice(STREETS)} {rng.randint(1, 60)}, 123 {rng.randint(10, 99)} Exempelby",
        }
        if place_area:
            place["område"] = place_area
        if rng.random() < 0.5:
            place["tillgänglighet"] = "Entré utan trappsteg och hiss till alla våningar."
        places.append(place)
    if rng.random() < 0.3:
        places.append({"digitalt": True})
    data["plats"] = places
    names = [p["namn"] for p in places if "namn" in p] + (["digitalt"] if places[-1].get("digitalt") else [])
    rounds = []
    for number in range(rng.randint(2, 4)):
        start = TODAY + timedelta(days=rng.randint(-20, 300))
        meetings = rng.randint(1, 10)
        item: dict[str, Any] = {
            "start": start.isoformat(),
            "träffar": meetings,
            "tid": rng.choice(TIMES),
            "plats": rng.choice(names),
            "sista_anmälan": (start - timedelta(days=rng.randint(3, 14))).isoformat(),
            "status": rng.choice(STATUSES),
        }
        if number == 0 and rng.random() < 0.3:
            item["slut"] = (start + timedelta(days=rng.randint(meetings, meetings * 10))).isoformat()
        if rng.random() < 0.3:
            item["info"] = "Barnpassning finns om du anmäler det i förväg."
        rounds.append(item)
    data["omgångar"] = rounds
    if rng.random() < 0.4:
        data["löpande"] = [
            {
                "veckodag": day,
                "tid": rng.choice(TIMES),
                "plats": rng.choice(names),
                **({"info": "Stängt under sommaren."} if rng.random() < 0.3 else {}),
            }
            for day in sorted(rng.sample(WEEKDAYS, rng.randint(1, 3)), key=WEEKDAYS.index)
        ]
    data["anmälan"] = rng.choice(
        [
            {
                "sätt": "anmälan",
                "hur": "Ring eller mejla oss och säg vilken omgång du vill gå.",
                "webb": f"https://www.exempelby.se/anmalan/{index}",
                "sista_dag": (TODAY + timedelta(days=rng.randint(10, 60))).isoformat(),
            },
            {"behövs": True, "hur": "Ring eller mejla oss.", "telefon": "031-390 06 00"},
            {"sätt": "ingen"},
            {"behövs": False},
            {
                "sätt": "ansökan",
                "sedan": "Du får ett brev med en tid för ett första samtal.",
                "båda_vårdnadshavarna": True,
                "kö": "väntelista",
            },
            {"sätt": "inbjudan", "av": "BVC", "e-post": f"bvc{index}@exempelby.se"},
            {"sätt": "konto", "webb": f"https://www.exempelby.se/konto/{index}"},
        ]
    )
    data["kontakt"] = {
        "namn": "Föräldrastödet",
        "telefon": f"031-390 {rng.randint(10, 99)} {rng.randint(10, 99)}",
        "e-post": f"foraldrastod{index}@exempelby.se",
        "webb": f"https://www.exempelby.se/stod/{index}",
    }
    amount = rng.choice([0, 0, 0, 100, 250, 500])
    data["kostnad"] = {"belopp": amount, **({"info": "För hela kursen, fika ingår."} if amount else {})}
    data["språk"] = ["sv", *rng.sample(LANGUAGES[1:], rng.randint(0, 3))]
    data["tolk"] = rng.random() < 0.5
    other = [code for code in data["språk"] if code in OTHER_LANGUAGE_TEXTS]
    if other:
        data["på_andra_språk"] = [{"språk": code, "text": OTHER_LANGUAGE_TEXTS[code]} for code in other]
    if rng.random() < 0.05:
        data["känsligt"] = True  # violence or addiction in the family: the page gets "Lämna sidan snabbt"
    data["målgrupp"] = [audience]
    basis = rng.choice(BASES)
    data["kunskapsgrund"] = {
        "namn": basis,
        "beskrivning": f"{basis} bygger på forskning om föräldraskap och har prövats i svenska kommuner.",
        "webb": f"https://www.exempelby.se/program/{slugify(basis)}",
    }
    data["sökord"] = rng.sample(KEYWORDS, rng.randint(3, 8))
    data["publicera_till"] = (TODAY + timedelta(days=rng.randint(60, 700))).isoformat()
    data["granskad"] = (TODAY - timedelta(days=rng.randint(0, 300))).isoformat()
    _when_and_format(index, data)
    if index % 3 == 0:
        _plain_texts(data)
    return data


def _when_and_format(index: int, data: dict[str, Any]) -> None:
    """The fields of contract v2 sections 4 and 5, on a fixed share of the offers: chosen by index, not by
    the shared random stream, so every other field stays as it was generated before."""
    if index % 7 == 3 and "löpande" not in data:
        data["löpande"] = [{"veckodag": "måndag–fredag", "tid": "09.00–12.00", "plats": data["omgångar"][0]["plats"]}]
    if index % 4 == 0:
        data["uppehåll"] = [{"från": "2027-06-28", "till": "2027-08-08", "info": "Sommaruppehåll."}]
    if index % 10 == 5:
        data["tider"] = "tidsbokning"
    if index % 5 == 1:
        data["nästa_start"] = {"mönster": "vår_och_höst", "intresseanmälan": True}
    if index % 3 == 2:
        data["format"] = {
            "träffar": "6–8",
            "träfflängd": 120,
            "gruppstorlek": {"till": 8, "vilka": "föräldrar"},
            "ledare": "två utbildade gruppledare",
        }
    if index % 4 == 1:
        data["omgångar"][0] |= {
            "språk": ["ar"],
            "för": "pappor",
            "träfflängd": 90,
            "gruppstorlek": {"från": 4, "till": 7, "vilka": "barn"},
        }


@functools.cache
def _offer_properties() -> dict[str, Any]:
    properties: dict[str, Any] = json.loads(OFFER_SCHEMA.read_text(encoding="utf-8"))["properties"]
    return properties


def _plain_texts(data: dict[str, Any]) -> None:
    """Every top-level free text the generator does not write itself gets its schema example, so a new
    optional text field is used here without an edit (tests/test_bench_synth.py checks every field)."""
    for key, field in _offer_properties().items():
        free_text = field.get("type") == "string" and not {"enum", "format", "pattern"} & field.keys()
        if key not in data and free_text and field.get("examples"):
            data[key] = field["examples"][0]


def generate(data_dir: Path, count: int, seed: int = SEED) -> list[Path]:
    """Write `count` offers to data_dir/erbjudanden (replacing what was there); the paths written."""
    rng = random.Random(seed)
    types = _vocabulary_keys(data_dir, "typer.yml")
    organisers = _vocabulary_keys(data_dir, "arrangorer.yml")
    settings = yaml.safe_load((data_dir / "webbplats.yml").read_text(encoding="utf-8")) or {}
    areas = list(settings.get("områden", []))
    code = settings.get("kommunkod")
    offer_dir = _empty_offer_dir(data_dir / "erbjudanden")
    written = []
    titles: dict[str, int] = {}
    for index in range(1, count + 1):
        data = offer(index, rng, types, organisers, areas)
        if code and index % 10 == 0:
            data["kommuner"] = [code]  # optional on one municipality's site, and then its own code
        written.append(_write(offer_dir, index, data, titles))
    return written


def _empty_offer_dir(offer_dir: Path) -> Path:
    offer_dir.mkdir(parents=True, exist_ok=True)
    for old in offer_dir.glob("*.y*ml"):
        old.unlink()
    return offer_dir


def _write(offer_dir: Path, index: int, data: dict[str, Any], titles: dict[str, int]) -> Path:
    # Each title once, as the check asks of editors (a repeated title is a warning naming both files).
    titles[data["titel"]] = titles.get(data["titel"], 0) + 1
    if titles[data["titel"]] > 1:
        data["titel"] = f"{data['titel']}, grupp {titles[data['titel']]}"
    path = offer_dir / f"{slugify(data['titel'])}-{index}.yml"
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(HEADER + text, encoding="utf-8")
    return path


def _official_list() -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """Counties by code, and municipalities by code as (name, official name), from the shipped list."""
    if str(HOOKS) not in sys.path:
        sys.path.insert(0, str(HOOKS))
    from stodguiden.base import municipalities

    counties = {code: county.name for code, county in municipalities.counties().items()}
    members = {code: (m.name, m.official_name) for code, m in municipalities.municipalities().items()}
    return counties, members


def generate_region(data_dir: Path, count: int, county: str | None, seed: int = SEED) -> list[Path]:
    """A region's site in `data_dir`: the municipalities of `county` (None: all of Sweden's), each with its
    kommun.yml and its own offers, and shared offers; `count` offers in all. The paths of the offers written."""
    rng = random.Random(seed)
    types = _vocabulary_keys(data_dir, "typer.yml")
    organisers = _vocabulary_keys(data_dir, "arrangorer.yml")
    counties, members = _official_list()
    codes = sorted(code for code in members if county is None or code.startswith(county))
    settings = yaml.safe_load((data_dir / "webbplats.yml").read_text(encoding="utf-8")) or {}
    for key in ("kommunkod", "områden", "logotyp"):
        settings.pop(key, None)
    where = counties[county] if county else "Sverige"
    settings.update(namn=f"Föräldraskapsstöd i {where}", kommun=where)
    settings["län"] = county if county else sorted(counties)
    settings.update(webbteam="@region/webbteamet", ägare="@region/foraldrastod")
    (data_dir / "webbplats.yml").write_text(
        yaml.dump(settings, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8"
    )
    folders = {}
    shutil.rmtree(data_dir / "kommuner", ignore_errors=True)
    for code in codes:
        name, official = members[code]
        folder = data_dir / "kommuner" / f"{slugify(name)}-{code}"
        folder.mkdir(parents=True)
        member = {
            "namn": official,
            "kommunkod": code,
            "kontakt": {"namn": f"Föräldrastödet i {name}", "telefon": "0123-456 78"},
            "ägare": f"@region/{slugify(name)}",
        }
        (folder / "kommun.yml").write_text(
            yaml.dump(member, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8"
        )
        folders[code] = _empty_offer_dir(folder / "erbjudanden")
    shared_dir = _empty_offer_dir(data_dir / "erbjudanden")
    written = []
    titles: dict[str, int] = {}
    for index in range(1, count + 1):
        data = offer(index, rng, types, organisers, [])
        if rng.random() < SHARED_SHARE:
            # a county-wide offer now and then, else a few neighbouring municipalities
            start = rng.randrange(len(codes))
            data["kommuner"] = "alla" if rng.random() < 0.1 else codes[start : start + rng.randint(2, 4)] or codes[:2]
            written.append(_write(shared_dir, index, data, titles))
        else:
            written.append(_write(folders[codes[index % len(codes)]], index, data, titles))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--lan", help="en region: länets kommuner, till exempel 14 (49 kommuner)")
    parser.add_argument("--hela-landet", action="store_true", help="en region av alla 290 kommuner")
    args = parser.parse_args()
    if args.lan or args.hela_landet:
        written = generate_region(args.data_dir, args.count, None if args.hela_landet else args.lan, args.seed)
    else:
        written = generate(args.data_dir, args.count, args.seed)
    print(f"{len(written)} erbjudanden skrivna i {args.data_dir}")


if __name__ == "__main__":
    main()
