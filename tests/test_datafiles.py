"""Which files in data/ are read: `datafiles.discover` on its own, without reading any file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stodguiden.source.datafiles import VOCABULARY_FILES, OfferFile, discover, forget_folders

if TYPE_CHECKING:
    from pathlib import Path

LINK_OUTSIDE = "Mappen är en länk till något utanför projektet och läses inte. Lägg erbjudandena i en riktig mapp."


def _data(root: Path, *offers: str) -> Path:
    """A data folder with empty vocabulary files and the named (empty) files in data/erbjudanden."""
    forget_folders()
    offer_dir = root / "data" / "erbjudanden"
    offer_dir.mkdir(parents=True)
    for name in VOCABULARY_FILES:
        (root / "data" / name).touch()
    for name in offers:
        (offer_dir / name).touch()
    return offer_dir


def _messages(problems: list[object]) -> list[str]:
    return [str(problem) for problem in problems]


def test_offer_files_in_name_order_with_their_address(tmp_path: Path) -> None:
    offer_dir = _data(tmp_path, "komet.yml", "babysang.yaml", "README.md", ".gitkeep")
    files, problems = discover(tmp_path)
    assert problems == []
    assert files == [
        OfferFile("babysang", offer_dir / "babysang.yaml", "data/erbjudanden/babysang.yaml"),
        OfferFile("komet", offer_dir / "komet.yml", "data/erbjudanden/komet.yml"),
    ]


def test_two_files_for_one_address_are_both_returned_for_the_loader_to_report(tmp_path: Path) -> None:
    _data(tmp_path, "komet.yml", "komet.yaml")
    files, problems = discover(tmp_path)
    assert problems == []
    assert [(f.slug, f.display) for f in files] == [
        ("komet", "data/erbjudanden/komet.yaml"),
        ("komet", "data/erbjudanden/komet.yml"),
    ]


def test_entries_that_are_not_offer_files_are_reported_and_left_out(tmp_path: Path) -> None:
    offer_dir = _data(tmp_path, "index.yml", "Komet.YML", "anteckning.txt", "Öppen förskola.yml", "ok.yml")
    (offer_dir / "gamla").mkdir()
    (tmp_path / "data" / "typer.yaml").touch()
    files, problems = discover(tmp_path)
    assert [f.slug for f in files] == ["ok"]
    assert _messages(problems) == [
        "data/typer.yaml:1: Filen ”typer.yaml” läses inte: den ska heta typer.yml. Byt namn på den, eller ta bort "
        "den om typer.yml redan finns.",
        "data/erbjudanden/Komet.YML:1: Filen ”Komet.YML” läses inte: ett erbjudande ska vara en fil som slutar på "
        ".yml. Döp om filen till komet.yml.",
        "data/erbjudanden/anteckning.txt:1: Filen ”anteckning.txt” läses inte: ett erbjudande ska vara en fil som "
        "slutar på .yml. Byt namn på filen eller ta bort den.",
        "data/erbjudanden/gamla:1: Mappar inne i data/erbjudanden läses inte. Lägg filerna direkt i data/erbjudanden.",
        "data/erbjudanden/index.yml:1: Filnamnet index.yml är reserverat. Välj ett annat namn.",
        "data/erbjudanden/Öppen förskola.yml:1: Filnamnet ”Öppen förskola” går inte att använda som adress. Använd "
        "bara små bokstäver a–z, siffror och bindestreck (inte å, ä, ö eller mellanslag). Döp om filen till "
        "oppen-forskola.yml.",
    ]


def test_missing_data_folder(tmp_path: Path) -> None:
    files, problems = discover(tmp_path)
    assert files == []
    assert _messages(problems) == [
        "data:1: Mappen data saknas. Den ska innehålla webbplats.yml, typer.yml, arrangorer.yml, aldersgrupper.yml "
        "och mappen erbjudanden."
    ]


def test_missing_offer_folder(tmp_path: Path) -> None:
    _data(tmp_path).rmdir()
    files, problems = discover(tmp_path)
    assert files == []
    assert _messages(problems) == [
        "data/erbjudanden:1: Mappen data/erbjudanden saknas. Skapa den och lägg ett erbjudande per fil i den."
    ]


def test_offer_folder_that_is_a_link_out_of_the_project_is_not_read(tmp_path: Path) -> None:
    root = tmp_path / "projekt"
    offer_dir = _data(root, "komet.yml")
    offer_dir.rename(tmp_path / "erbjudanden")
    offer_dir.symlink_to(tmp_path / "erbjudanden")
    files, problems = discover(root)
    assert files == []
    assert _messages(problems) == [f"data/erbjudanden:1: {LINK_OUTSIDE}"]


def test_offer_folder_that_is_a_link_in_a_loop_is_not_read(tmp_path: Path) -> None:
    offer_dir = _data(tmp_path)
    offer_dir.rmdir()
    offer_dir.symlink_to(offer_dir)
    files, problems = discover(tmp_path)
    assert files == []
    # As before discovery was split out of loading: a loop is not a folder, so it is also named as a stray entry.
    assert _messages(problems) == [
        "data/erbjudanden:1: Filen ”erbjudanden” används inte. I data finns bara webbplats.yml, typer.yml, "
        "arrangorer.yml, aldersgrupper.yml och mappen erbjudanden; ett erbjudande ska ligga i data/erbjudanden.",
        f"data/erbjudanden:1: {LINK_OUTSIDE}",
    ]


def test_offer_folder_that_is_a_link_inside_the_project_is_read(tmp_path: Path) -> None:
    offer_dir = _data(tmp_path, "komet.yml")
    offer_dir.rename(tmp_path / "erbjudanden")
    offer_dir.symlink_to(tmp_path / "erbjudanden")
    files, problems = discover(tmp_path)
    assert problems == []
    assert [f.slug for f in files] == ["komet"]
