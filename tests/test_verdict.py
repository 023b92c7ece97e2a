"""When problems in data/ stop the build or fail the check, and what the build and the check then say."""

from __future__ import annotations

import pytest

from stodguiden.base.problems import Level, Problem, verdict

ERROR = Problem("data/erbjudanden/a.yml", 3, "Fältet titel saknas.")
WARNING = Problem("data/erbjudanden/b.yml", 7, "Sammanfattningen är lång.", Level.WARNING)
OTHER_WARNING = Problem("data/erbjudanden/a.yml", 9, "Ordet är krångligt.", Level.WARNING)


@pytest.mark.parametrize("strict", [False, True])
def test_nothing_wrong(strict: bool) -> None:
    result = verdict([], strict)
    assert not result.failed
    assert result.check_text(1) == "Allt ser bra ut: 1 erbjudande visas på webbplatsen."
    assert result.check_text(2) == "Allt ser bra ut: 2 erbjudanden visas på webbplatsen."


@pytest.mark.parametrize("strict", [False, True])
def test_errors_always_fail(strict: bool) -> None:
    result = verdict([WARNING, ERROR], strict)
    assert result.failed
    assert result.check_text(2) == "\n1 fel och 1 varning. Rätta felen och kör kontrollen igen."
    assert result.build_text() == (
        "Webbplatsen byggdes inte: 1 fel i data/. Rätta och bygg igen.\n"
        "data/erbjudanden/a.yml:3: Fältet titel saknas.\n"
        "data/erbjudanden/b.yml:7: varning: Sammanfattningen är lång."
    )


def test_warnings_pass_unless_strict() -> None:
    relaxed = verdict([WARNING], strict=False)
    assert not relaxed.failed
    assert relaxed.check_text(3) == "Allt ser bra ut: 3 erbjudanden visas på webbplatsen, 1 varning."
    assert verdict([WARNING, OTHER_WARNING], strict=False).check_text(3) == (
        "Allt ser bra ut: 3 erbjudanden visas på webbplatsen, 2 varningar."
    )

    strict = verdict([WARNING], strict=True)
    assert strict.failed
    assert strict.check_text(3) == (
        "\n0 fel och 1 varning. Med --strict räknas varningar som fel: rätta dem och kör kontrollen igen."
    )
    assert strict.build_text() == (
        "Webbplatsen byggdes inte: 1 varning (strikt läge) i data/. Rätta och bygg igen.\n"
        "data/erbjudanden/b.yml:7: varning: Sammanfattningen är lång."
    )
    assert (
        verdict([WARNING, OTHER_WARNING], strict=True)
        .build_text()
        .startswith(
            "Webbplatsen byggdes inte: 2 varningar (strikt läge) i data/. Rätta och bygg igen.\n"
            "data/erbjudanden/a.yml:9: varning: Ordet är krångligt.\n"
        )
    )
