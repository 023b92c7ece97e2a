"""The shipped list of Sweden's counties and municipalities (hooks/stodguiden/base/kommuner.yml)."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml

from stodguiden.base import municipalities as m

# Municipalities per county, as SCB counts them (290 in all since Knivsta, 0330, was formed in 2003).
PER_COUNTY = {
    "01": 26, "03": 8, "04": 9, "05": 13, "06": 13, "07": 8, "08": 12, "09": 1, "10": 5, "12": 33, "13": 6,
    "14": 49, "17": 16, "18": 12, "19": 10, "20": 15, "21": 10, "22": 7, "23": 8, "24": 15, "25": 14,
}  # fmt: skip


def test_the_list_has_21_counties_and_290_municipalities() -> None:
    assert len(m.counties()) == 21
    assert len(m.municipalities()) == 290
    assert Counter(x.county.code for x in m.municipalities().values()) == PER_COUNTY


def test_codes_are_unique_and_start_with_their_county() -> None:
    data = yaml.safe_load(m.LIST.read_text(encoding="utf-8"))
    codes = [item["kod"] for county in data["län"] for item in county["kommuner"]]
    assert len(codes) == len(set(codes)) == 290
    for code, municipality in m.municipalities().items():
        assert code == municipality.code
        assert len(code) == 4
        assert code.isdigit()
        assert code[:2] == municipality.county.code


def test_the_list_names_its_source_and_date() -> None:
    data = yaml.safe_load(m.LIST.read_text(encoding="utf-8"))
    assert "SCB" in data["källa"]
    assert data["datum"].year >= 2025


def test_official_names_are_the_short_name_in_the_genitive_with_kommun_or_stad() -> None:
    # Catches a typo in either column: the official name is built from the short one, with few exceptions.
    irregular = {"2080": "Falu kommun"}
    stad = set()
    for code, x in m.municipalities().items():
        genitive, kind = x.official_name.rsplit(" ", 1)
        assert kind in ("kommun", "stad")
        if kind == "stad":
            stad.add(x.name)
        if code in irregular:
            assert x.official_name == irregular[code]
            continue
        assert genitive in (x.name, x.name + "s"), x
    # The 14 municipalities that call themselves stad.
    assert stad == {
        "Borås", "Göteborg", "Haparanda", "Helsingborg", "Landskrona", "Lidingö", "Malmö", "Mölndal", "Solna",
        "Stockholm", "Sundbyberg", "Trollhättan", "Vaxholm", "Västerås",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("code", "name", "official", "county"),
    [
        ("0180", "Stockholm", "Stockholms stad", "Stockholms län"),
        ("1480", "Göteborg", "Göteborgs stad", "Västra Götalands län"),
        ("1280", "Malmö", "Malmö stad", "Skåne län"),
        ("2309", "Krokom", "Krokoms kommun", "Jämtlands län"),
        ("0980", "Gotland", "Gotlands kommun", "Gotlands län"),
        ("0330", "Knivsta", "Knivsta kommun", "Uppsala län"),
        ("1440", "Ale", "Ale kommun", "Västra Götalands län"),
        ("2080", "Falun", "Falu kommun", "Dalarnas län"),
        ("2023", "Malung-Sälen", "Malung-Sälens kommun", "Dalarnas län"),
    ],
)
def test_known_municipalities(code: str, name: str, official: str, county: str) -> None:
    municipality = m.municipalities()[code]
    assert (municipality.name, municipality.official_name, municipality.county.name) == (name, official, county)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Krokom", "2309"),
        ("krokoms kommun", "2309"),
        ("Krokoms", "2309"),
        ("  KROKOM  ", "2309"),
        ("Falu kommun", "2080"),
        ("Falun", "2080"),
        ("Malmö stad", "1280"),
        ("Malmö kommun", "1280"),  # the legal name
        ("Region Gotland", "0980"),
        ("Gotlands kommun", "0980"),
        ("Upplands  Väsby", "0114"),
        ("Ale", "1440"),
    ],
)
def test_find_by_name(name: str, code: str) -> None:
    found = m.find(name)
    assert found is not None
    assert found.code == code


def test_find_gives_none_for_an_unknown_name() -> None:
    assert m.find("Exempelby kommun") is None
    assert m.find("") is None


def test_every_spelling_find_accepts_belongs_to_one_municipality() -> None:
    seen: dict[str, str] = {}
    for municipality in m.municipalities().values():
        for name in m._names(municipality):
            assert seen.setdefault(name, municipality.code) == municipality.code, name


@pytest.mark.parametrize(
    ("code", "example", "message"),
    [
        ("2309", False, None),
        ("0330", False, None),
        ("2310", False, "Kommunkoden 2310 finns inte. Menade du 2309 (Krokom)?"),
        ("2399", False, "Kommunkoden 2399 finns inte. Menade du 2380 (Östersund)?"),
        ("1479", False, "Kommunkoden 1479 finns inte. Menade du 1480 (Göteborg)?"),
        (
            "1111",
            False,
            "Kommunkoden 1111 finns inte: inget län har koden 11. "
            "Alla kommunkoder finns i hooks/stodguiden/base/kommuner.yml.",
        ),
        (
            "9999",
            False,
            "Kommunkoden 9999 finns inte: inget län har koden 99. Koder som börjar med 99 går bara i "
            "exempeldata (exempel: true). Alla kommunkoder finns i hooks/stodguiden/base/kommuner.yml.",
        ),
        ("9999", True, None),
        ("2310", True, "Kommunkoden 2310 finns inte. Menade du 2309 (Krokom)?"),
        ("123", False, 'Kommunkoden "123" ska vara fyra siffror, till exempel "2309" för Krokom.'),
    ],
)
def test_code_problem(code: str, example: bool, message: str | None) -> None:
    assert m.code_problem(code, example=example) == message


@pytest.mark.parametrize(
    ("code", "example", "message"),
    [
        ("23", False, None),
        ("09", False, None),
        (
            "26",
            False,
            "Länskoden 26 finns inte. Menade du 25 (Norrbottens län)? "
            "Alla länskoder finns i hooks/stodguiden/base/kommuner.yml.",
        ),
        (
            "99",
            False,
            "Länskoden 99 finns inte. Koder som börjar med 99 går bara i exempeldata (exempel: true). "
            "Alla länskoder finns i hooks/stodguiden/base/kommuner.yml.",
        ),
        ("99", True, None),
        ("2", False, 'Länskoden "2" ska vara två siffror, till exempel "23" för Jämtlands län.'),
    ],
)
def test_county_problem(code: str, example: bool, message: str | None) -> None:
    assert m.county_problem(code, example=example) == message
