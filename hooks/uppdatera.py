"""Take a new version of Stödguiden into a site made with ny_webbplats.py: `python hooks/uppdatera.py`.

Merges the upstream branch (`upstream/main` unless told) and keeps the site's own data: its offers,
organisers, settings and municipality folders stay as they are on the site, whatever the sample did to
them upstream. A plain `git merge` cannot do that alone: an upstream change to the sample's settings is a
conflict, and a sample offer added upstream would arrive on the site. Code,
templates, schemas and the shared vocabularies merge as usual; a conflict left there is named, to be
solved by hand. The sample the site keeps for its tests (SAMPLE_COPY) becomes upstream's sample. Nothing is
committed unless the merge is then complete.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Imported after the line above, which makes it importable when this file is run as a script.
from stodguiden.base.cli import SwedishArgumentParser

SAMPLE_LOGO = "docs/bilder/exempelby-logotyp.svg"
SAMPLE_PARTS = ("data", "docs", "mkdocs.yml", ".github/CODEOWNERS")
"""The sample, which ny_webbplats.py and the site's teams then make their own: kept under SAMPLE_COPY."""
SAMPLE_COPY = "tests/fixtures/sites/exempel"
"""Where a site keeps the sample, with the same paths inside, for the test suite (tests/conftest.py, SAMPLE):
every test that builds or reads the sample does so on a site too, so a site's CI runs the whole suite."""
SITE_OWNED = (
    "data/erbjudanden",
    "data/kommuner",
    "data/webbplats.yml",
    "data/arrangorer.yml",
    SAMPLE_LOGO,
    ".github/CODEOWNERS",
)
"""What ny_webbplats.py replaced or removed: the site's version always wins over upstream's sample."""
CONFIG = "mkdocs.yml"
SITE_KEYS = re.compile(r"#? ?(site_url|repo_url|edit_uri):.*")
"""The lines of mkdocs.yml that ny_webbplats.py set: in a conflict made only of them, the site's stay."""
_CONFLICT = re.compile(
    r"^<<<<<<< [^\n]*\n(?P<ours>.*?)^(?:\|\|\|\|\|\|\| [^\n]*\n.*?)?=======\n(?P<theirs>.*?)^>>>>>>> [^\n]*\n",
    re.MULTILINE | re.DOTALL,
)


def git(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=check)


def files(root: Path, *args: str) -> set[str]:
    return set(filter(None, git(root, *args).stdout.splitlines()))


def keep_site_data(root: Path) -> None:
    """During a merge: every site-owned path back as it is in HEAD, and what upstream added there removed."""
    ours = files(root, "ls-tree", "-r", "--name-only", "HEAD", "--", *SITE_OWNED)
    now = files(root, "ls-files", "--", *SITE_OWNED)
    for path in sorted(now - ours):
        git(root, "rm", "-q", "-f", "--", path)
    if ours:
        git(root, "checkout", "HEAD", "--", *sorted(ours))


def refresh_sample(root: Path, upstream: str) -> None:
    """During a merge: the kept sample becomes upstream's sample exactly (its new, changed and removed offers,
    pages, logo, settings), whatever git made of the files ny_webbplats.py moved; made anew on a site that has
    none."""
    git(root, "rm", "-r", "-q", "-f", "--ignore-unmatch", "--", SAMPLE_COPY)
    shutil.rmtree(root / SAMPLE_COPY, ignore_errors=True)  # what a conflict may have left beside the files
    for name in sorted(files(root, "ls-tree", "-r", "--name-only", upstream, "--", *SAMPLE_PARTS)):
        content = subprocess.run(["git", "show", f"{upstream}:{name}"], cwd=root, capture_output=True, check=True)
        target = root / SAMPLE_COPY / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.stdout)
    git(root, "add", "--", SAMPLE_COPY)


def keep_site_address(text: str) -> str | None:
    """mkdocs.yml with each conflict that touches only site_url, repo_url and edit_uri settled for the site, or None
    when another conflict is left (the web team then merges the file by hand)."""

    def settle(match: re.Match[str]) -> str:
        lines = (match["ours"] + match["theirs"]).splitlines()
        return match["ours"] if all(SITE_KEYS.fullmatch(line) for line in lines) else match[0]

    settled = _CONFLICT.sub(settle, text)
    return None if _CONFLICT.search(settled) else settled


def main(argv: list[str] | None = None) -> int:
    parser = SwedishArgumentParser(
        prog="python hooks/uppdatera.py",
        description="Hämta en ny version av Stödguiden till er webbplats. Koden slås ihop som vanligt med git, "
        "men era erbjudanden, arrangörer och inställningar i data/ behålls som de är.",
        epilog="Först en gång: git remote add upstream <adressen till Stödguiden>. Sedan: git fetch upstream "
        "och python hooks/uppdatera.py",
    )
    parser.add_argument("--fran", metavar="GREN", default="upstream/main", help="grenen att hämta från")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1], metavar="MAPP")
    args = parser.parse_args(argv)
    root: Path = args.root
    if git(root, "status", "--porcelain").stdout.strip():
        print("fel: Det finns ändringar som inte är sparade. Spara dem med git commit först.", file=sys.stderr)
        return 1
    if git(root, "rev-parse", "--verify", "--quiet", args.fran, check=False).returncode != 0:
        print(
            f"fel: Hittar inte {args.fran}. Lägg till Stödguiden en gång med git remote add upstream <adress>, "
            "och hämta med git fetch upstream.",
            file=sys.stderr,
        )
        return 1
    if git(root, "merge-base", "HEAD", args.fran, check=False).returncode != 0:
        print(
            f"fel: Ert förråd och {args.fran} har ingen gemensam historik (förrådet skapades kanske med Use this "
            "template). Koppla ihop dem en gång, med den version av Stödguiden som ni utgick från: "
            f'git merge --allow-unrelated-histories -s ours {args.fran} -m "Koppla till Stödguiden". '
            "Läs mer i README.md, Starta en egen webbplats.",
            file=sys.stderr,
        )
        return 1
    merge = git(root, "merge", "--no-ff", "--no-commit", args.fran, check=False)
    if not _merge_head(root):
        if merge.returncode == 0:
            print(f"Ingenting nytt: ni har redan allt från {args.fran}.")
            return 0
        print(f"fel: git kunde inte slå ihop {args.fran}:\n{merge.stderr.strip()}", file=sys.stderr)
        return 1
    keep_site_data(root)
    refresh_sample(root, args.fran)
    left = files(root, "diff", "--name-only", "--diff-filter=U")
    if CONFIG in left:
        settled = keep_site_address((root / CONFIG).read_text(encoding="utf-8"))
        if settled is not None:
            (root / CONFIG).write_text(settled, encoding="utf-8")
            git(root, "add", "--", CONFIG)
            left.discard(CONFIG)
    if left:
        print("Era uppgifter i data/ är kvar som de var. De här filerna behöver ni slå ihop för hand:", file=sys.stderr)
        print("\n".join(f"  {path}" for path in sorted(left)), file=sys.stderr)
        print("Rätta dem, och spara sedan med git add och git commit.", file=sys.stderr)
        return 1
    git(root, "commit", "--no-edit", "-q")
    print(f"Klart: {args.fran} är hämtad, och era uppgifter i data/ är kvar som de var.")
    print("Kontrollera med .venv/bin/python hooks/check.py och bygg med .venv/bin/mkdocs build --strict.")
    return 0


def _merge_head(root: Path) -> bool:
    """True while a merge is under way (MERGE_HEAD exists; in a worktree it is not under .git/ itself)."""
    return git(root, "rev-parse", "--verify", "--quiet", "MERGE_HEAD", check=False).returncode == 0


if __name__ == "__main__":
    sys.exit(main())
