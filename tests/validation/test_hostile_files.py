"""Files that cannot be kept as text fixtures: wrong encodings, binary, huge files, links, odd names.

Each is made by the test in a copy of the minimal site, and must give one clear Swedish problem (or,
for a byte-order mark and Windows line endings, none at all).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from validation_helpers import OFFER, VALID_OFFER, check, lines, minimal_site

from stodguiden.source.catalog import schema
from stodguiden.source.schemawalk import LISTED_FIELDS_AT_MOST
from stodguiden.source.yamlsource import MAX_FILE_BYTES

NOT_UTF8 = (
    "Filen är inte sparad som UTF-8 (å, ä och ö blir fel). Spara den som UTF-8 (i VS Code: klicka på "
    "teckenkodningen längst ner och välj Save with Encoding, UTF-8)."
)
UTF16 = (
    "Filen är sparad som UTF-16. Spara den som UTF-8 (i VS Code: klicka på UTF-16 längst ner och välj "
    "Save with Encoding, UTF-8)."
)
BINARY = "Filen innehåller binära data och är inte en textfil. Spara den som vanlig text (UTF-8)."
LINK_OUTSIDE = (
    "Filen är en länk till något utanför projektet och läses inte. Lägg in en riktig fil i stället för länken."
)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return minimal_site(tmp_path / "projekt")


def write(site: Path, content: bytes, name: str = OFFER) -> Path:
    path = site / name
    path.write_bytes(content)
    return path


def symlink(link: Path, target: Path) -> None:
    try:
        link.symlink_to(target, target_is_directory=target.is_dir())
    except OSError as exc:  # Windows without developer mode
        pytest.skip(f"symbolic links cannot be made here: {exc}")


def slugs(site: Path) -> list[str]:
    catalog, problems = check(site)
    assert catalog is not None, lines(problems)
    return [offer.slug for offer in catalog.offers]


# --- encodings and line endings


def test_utf8_with_byte_order_mark_is_accepted(site: Path) -> None:
    write(site, b"\xef\xbb\xbf" + VALID_OFFER.encode())
    assert "oppen-forskola" in slugs(site)


def test_windows_line_endings_are_accepted(site: Path) -> None:
    write(site, b"\xef\xbb\xbf" + VALID_OFFER.replace("\n", "\r\n").encode())
    assert "oppen-forskola" in slugs(site)


def test_windows_line_endings_keep_line_numbers_right(site: Path) -> None:
    write(site, VALID_OFFER.replace("  till: 5", "  till: 19").replace("\n", "\r\n").encode())
    _, problems = check(site)
    assert lines(problems) == [
        f"{OFFER}:5: Fältet till i ålder ska vara ett tal mellan 0 och 18, men här står 19.",
    ]


def test_latin1_is_refused_on_the_first_line_with_a_wrong_character(site: Path) -> None:
    write(site, VALID_OFFER.encode("latin-1"))
    _, problems = check(site)
    assert lines(problems) == [f"{OFFER}:1: {NOT_UTF8}"]  # "Öppen" on line 1


def test_latin1_later_in_the_file(site: Path) -> None:
    write(site, VALID_OFFER.replace("Öppen förskola", "Oppen forskola").encode("latin-1"))
    _, problems = check(site)
    assert lines(problems) == [f"{OFFER}:2: {NOT_UTF8}"]  # "för" on line 2


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_refused_with_or_without_byte_order_mark(site: Path, encoding: str) -> None:
    write(site, VALID_OFFER.encode(encoding))
    _, problems = check(site)
    assert lines(problems) == [f"{OFFER}:1: {UTF16}"]


def test_binary_file_is_refused(site: Path) -> None:
    write(site, bytes(range(256)) * 4)
    _, problems = check(site)
    assert lines(problems) == [f"{OFFER}:1: {BINARY}"]


def test_image_saved_as_yml_is_refused(site: Path) -> None:
    write(site, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    _, problems = check(site)
    assert lines(problems) == [f"{OFFER}:3: {BINARY}"]  # the first zero byte comes after two line breaks


@pytest.mark.parametrize(
    ("char", "what"),
    [
        ("\x07", "ett styrtecken"),
        ("\x1b", "ett styrtecken"),
        ("\x7f", "ett styrtecken"),
        ("\x0c", "ett styrtecken"),
        ("\ufffe", "ett styrtecken"),
        ("\x85", "ett osynligt radbyte"),
        ("\u2028", "ett osynligt radbyte"),
    ],
)
def test_raw_control_characters_are_refused_where_they_are(site: Path, char: str, what: str) -> None:
    write(site, VALID_OFFER.replace("  telefon: 0123-456 78", f"  telefon: 0123{char}-456 78").encode())
    _, problems = check(site)
    assert lines(problems) == [
        f"{OFFER}:11: Raden innehåller ett osynligt tecken (U+{ord(char):04X}, som är {what}) vid tecken nr 16. "
        "Ta bort det; skriv gärna om texten för hand om den är inklistrad.",
    ]


@pytest.mark.parametrize(
    ("char", "what"),
    [
        ("\u200b", "är ett osynligt mellanrum"),
        ("\u2060", "är ett osynligt tecken"),
        ("\ufeff", "är ett osynligt tecken"),
        ("\u202e", "styr skrivriktningen"),
        ("\u202a", "styr skrivriktningen"),
        ("\u2067", "styr skrivriktningen"),
    ],
)
def test_raw_invisible_characters_in_a_title_are_refused(site: Path, char: str, what: str) -> None:
    write(site, VALID_OFFER.replace("Öppen förskola", f"Öppen{char} förskola").encode())
    _, problems = check(site)
    assert lines(problems) == [
        f"{OFFER}:1: Fältet titel innehåller ett osynligt tecken (U+{ord(char):04X}, som {what}) vid tecken nr 6. "
        "Ta bort det; skriv gärna om texten för hand om den är inklistrad.",
    ]


# --- size


def test_file_at_the_size_limit_is_read(site: Path) -> None:
    text = VALID_OFFER.encode()
    padding = MAX_FILE_BYTES - len(text) - 1
    write(site, text + b"#" * padding + b"\n")
    assert "oppen-forskola" in slugs(site)


def test_file_one_byte_over_the_limit_is_refused(site: Path) -> None:
    text = VALID_OFFER.encode()
    write(site, text + b"#" * (MAX_FILE_BYTES - len(text)) + b"\n")
    _, problems = check(site)
    assert lines(problems) == [
        f"{OFFER}:1: Filen är för stor (256 kB). En fil får vara högst 256 kB. Korta texterna eller dela upp "
        "erbjudandet.",
    ]


def test_huge_file_is_refused_without_being_read(site: Path) -> None:
    path = write(site, VALID_OFFER.encode())
    with path.open("r+b") as stream:
        stream.truncate(4 * 1024**3)  # sparse: 4 GB that take no disk space, and would not fit in memory
    started = time.perf_counter()
    _, problems = check(site)
    assert time.perf_counter() - started < 5
    assert lines(problems) == [
        f"{OFFER}:1: Filen är för stor (4194304 kB). En fil får vara högst 256 kB. Korta texterna eller dela upp "
        "erbjudandet.",
    ]


def test_extremely_long_text_is_refused_with_its_length(site: Path) -> None:
    write(site, VALID_OFFER.replace("Öppen förskola", "Ö" * 100_000).encode())
    _, problems = check(site)
    assert lines(problems) == [
        f"{OFFER}:1: Fältet titel har för lång text: 100000 tecken, men högst 100 får plats. Korta texten.",
    ]


# --- YAML that tries to do too much


def test_billion_laughs_is_refused_fast(site: Path) -> None:
    # 30 levels of ten references each: 10**30 values if anything followed the references.
    levels = [f"målgrupp: &a0 [{', '.join(f'ha{n}' for n in range(10))}]"]
    levels += [f"x{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 31)]
    levels += [f"sökord: [{', '.join(['*a30'] * 10)}]"]
    write(site, (VALID_OFFER + "\n".join(levels) + "\n").encode())
    started = time.perf_counter()
    _, problems = check(site)
    assert time.perf_counter() - started < 2
    assert len(schema("erbjudande")["properties"]) > LISTED_FIELDS_AT_MOST
    unknown = "finns inte. Se vilka fält som finns i REDAKTÖRSGUIDE.md, under Alla fält."
    assert sorted(lines(problems)) == sorted(
        [
            *(f"{OFFER}:{12 + n}: Fältet x{n} {unknown}" for n in range(1, 31)),
            *(
                f"{OFFER}:43: Fältet sökord nr {n} använder en hänvisning (& och *). Skriv ut värdet på varje ställe i "
                "stället."
                for n in range(1, 11)
            ),
        ]
    )


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:builtins.open",
        "!!python/object/new:builtins.open",
        "!!python/object/apply:os.system",
    ],
)
def test_python_tags_construct_nothing(site: Path, tmp_path: Path, tag: str) -> None:
    target = tmp_path / "skapad-av-yaml.txt"
    argument = f"'touch {target}'" if tag.endswith("system") else f"'{target}', 'w'"
    write(site, VALID_OFFER.replace("titel: Öppen förskola", f"titel: {tag} [{argument}]").encode())
    _, problems = check(site)
    assert not target.exists()
    assert lines(problems) == [
        f"{OFFER}:1: Fältet titel har en YAML-tagg ({tag}) som inte är tillåten. Ta bort taggen (ordet som börjar "
        "med !).",
    ]


# --- names and kinds of files


def test_file_name_with_swedish_letters_gets_the_right_name_suggested(site: Path) -> None:
    # Made here, not kept in git: macOS would store the name decomposed (NFD) and the message would differ.
    write(site, VALID_OFFER.encode(), "data/erbjudanden/Öppna förskolan på Ängen.yml")
    _, problems = check(site)
    assert lines(problems) == [
        "data/erbjudanden/Öppna förskolan på Ängen.yml:1: Filnamnet ”Öppna förskolan på Ängen” går inte att använda "
        "som adress. Använd bara små bokstäver a–z, siffror och bindestreck (inte å, ä, ö eller mellanslag). Döp om "
        "filen till oppna-forskolan-pa-angen.yml.",
    ]


def test_offer_file_linked_from_outside_the_project_is_refused(site: Path, tmp_path: Path) -> None:
    outside = tmp_path / "hemlig.yml"
    outside.write_text(VALID_OFFER, encoding="utf-8")
    symlink(site / OFFER, outside)
    catalog, problems = check(site)
    assert lines(problems) == [f"{OFFER}:1: {LINK_OUTSIDE}"]
    assert catalog is None


def test_link_to_a_system_file_is_refused(site: Path) -> None:
    symlink(site / OFFER, Path("/etc/passwd") if Path("/etc/passwd").exists() else Path(sys.executable))
    _, problems = check(site)
    assert lines(problems) == [f"{OFFER}:1: {LINK_OUTSIDE}"]


def test_vocabulary_file_linked_from_outside_is_refused_once(site: Path, tmp_path: Path) -> None:
    outside = tmp_path / "typer.yml"
    (site / "data" / "typer.yml").rename(outside)
    symlink(site / "data" / "typer.yml", outside)
    _, problems = check(site)
    # Only the link is reported: the offers that use the types are not blamed for it.
    assert lines(problems) == [f"data/typer.yml:1: {LINK_OUTSIDE}"]


def test_offer_folder_linked_from_outside_is_refused(site: Path, tmp_path: Path) -> None:
    outside = tmp_path / "erbjudanden"
    (site / "data" / "erbjudanden").rename(outside)
    symlink(site / "data" / "erbjudanden", outside)
    catalog, problems = check(site)
    assert lines(problems) == [
        "data/erbjudanden:1: Mappen är en länk till något utanför projektet och läses inte. Lägg erbjudandena i "
        "en riktig mapp.",
    ]
    assert catalog is None


def test_link_in_a_loop_is_refused(site: Path) -> None:
    symlink(site / OFFER, site / OFFER)
    _, problems = check(site)
    assert lines(problems) == [f"{OFFER}:1: {LINK_OUTSIDE}"]


def test_link_to_another_file_inside_the_project_is_followed(site: Path) -> None:
    symlink(site / OFFER, site / "data" / "erbjudanden" / "komet.yml")
    assert "oppen-forskola" in slugs(site)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_named_pipe_is_refused_without_waiting_for_it(site: Path) -> None:
    os.mkfifo(site / OFFER)
    _, problems = check(site)  # reading it would wait for a writer forever
    assert lines(problems) == [
        f"{OFFER}:1: Det här är ingen vanlig fil och den läses inte. Lägg in en riktig textfil i stället.",
    ]
