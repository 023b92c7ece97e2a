"""Grouping and publishing rules on the loaded catalog, without building a site."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import FIXTURE_SITES, SAMPLE
from stodguiden.model import ONLINE_PLACE, AgeGroup, Ages
from stodguiden.source.catalog import TodayError, load, resolve_today

MINIMAL = FIXTURE_SITES / "minimal"


def test_offers_grouped_by_overlapping_age_and_by_type() -> None:
    catalog, problems = load(MINIMAL, today=date(2027, 1, 18))
    assert problems == []
    assert catalog is not None
    slugs = lambda offers: [o.slug for o in offers]
    assert slugs(catalog.offers_for_age_group("vantar-barn")) == ["babysang"]
    assert slugs(catalog.offers_for_age_group("sma-barn")) == ["babysang", "komet"]
    assert slugs(catalog.offers_for_age_group("tonaringar")) == []
    assert slugs(catalog.offers_for_type("kurser")) == ["komet"]


def test_expired_offer_is_left_out_from_the_day_after() -> None:
    on_last_day, _ = load(MINIMAL, today=date(2026, 12, 31))
    after, _ = load(MINIMAL, today=date(2027, 1, 1))
    assert on_last_day
    assert "utgangen-forelasning" in [o.slug for o in on_last_day.offers]
    assert after
    assert "utgangen-forelasning" not in [o.slug for o in after.offers]


def test_rounds_that_have_ended_disappear() -> None:
    catalog, _ = load(MINIMAL, today=date(2027, 1, 18))
    assert catalog is not None
    komet = next(o for o in catalog.offers if o.slug == "komet")
    assert [r.start for r in komet.rounds] == [date(2027, 2, 2), date(2026, 9, 1)]
    assert [r.start for r in komet.upcoming_rounds(date(2027, 1, 18))] == [date(2027, 2, 2)]
    # ten weekly meetings from 2 February: the last is 6 April, and the round is gone the day after
    assert komet.upcoming_rounds(date(2027, 4, 6))
    assert komet.upcoming_rounds(date(2027, 4, 7)) == ()


def test_age_overlap() -> None:
    teens = AgeGroup("t", "Tonåringar", "x", low=13, high=17)
    expecting = AgeGroup("v", "Väntar barn", "x", expecting=True)
    assert Ages(10, 13).overlaps(teens)
    assert not Ages(3, 12).overlaps(teens)
    assert not Ages(0, 1).overlaps(expecting)
    assert Ages(None, None, expecting=True).overlaps(expecting)


def test_today_comes_from_variable_then_setting_then_calendar() -> None:
    assert resolve_today(date(2030, 1, 1), {"STODGUIDEN_IDAG": "2027-05-05"}) == date(2027, 5, 5)
    assert resolve_today(date(2030, 1, 1), {}) == date(2030, 1, 1)
    assert isinstance(resolve_today(None, {}), date)
    with pytest.raises(TodayError, match="STODGUIDEN_IDAG=igår är inte ett datum"):
        resolve_today(None, {"STODGUIDEN_IDAG": "igår"})


def test_sample_settings_fix_the_day_the_example_site_shows() -> None:
    catalog, problems = load(SAMPLE, environ={})
    assert catalog is not None, problems
    assert catalog.today == catalog.settings.fixed_today
    assert catalog.settings.example is True


def test_a_rounds_and_a_weekly_times_place_is_resolved_once_when_loading() -> None:
    """`plats` in omgångar/löpande names one of the offer's places or the online marker; outputs read the
    resolved `Place`, never the name."""
    catalog, _ = load(SAMPLE, today=date(2027, 1, 18))
    assert catalog is not None
    named = {o.slug: o for o in catalog.offers}["forsta-tiden-med-bebis-digital-forelasning"]
    online = [p for p in named.places if p.online]
    assert named.rounds
    assert all(r.place == online[0] for r in named.rounds)
    minimal, _ = load(MINIMAL, today=date(2027, 1, 18))
    assert minimal is not None
    babysang = {o.slug: o for o in minimal.offers}["babysang"]
    (slot,) = babysang.recurring
    assert slot.place is babysang.places[0]
    assert slot.place.name == "Kyrkans barnrum"
    assert babysang.places_of(None) == babysang.places
    assert babysang.places_of(slot.place) == (slot.place,)
    assert slot.place.reference == "Kyrkans barnrum"
    assert online[0].reference == ONLINE_PLACE == "digitalt"


def test_ages_as_programmes_state_them_are_grouped_by_their_0_to_17_part() -> None:
    catalog, problems = load(SAMPLE, today=date(2027, 1, 18))
    assert catalog is not None, problems
    offers = {o.slug: o for o in catalog.offers}

    def groups(slug: str) -> list[str]:
        return [g.key for g in catalog.age_groups_of(offers[slug])]

    assert offers["foraldrachatt-med-elevhalsan"].ages == Ages(6, None)  # från: 6, no till
    assert groups("foraldrachatt-med-elevhalsan") == ["skolbarn", "tonaringar"]
    assert offers["connect-for-tonarsforaldrar"].ages == Ages(13, 18)
    assert groups("connect-for-tonarsforaldrar") == ["tonaringar"]
    assert offers["bebistraff-pa-biblioteket"].ages == Ages(0, 2, high_months=30)  # till_månader alone: from birth
    assert groups("bebistraff-pa-biblioteket") == ["spadbarn", "forskolebarn"]
    assert offers["babysang-i-kyrkan"].ages == Ages(0, 1, low_months=2, high_months=18)
    assert groups("babysang-i-kyrkan") == ["spadbarn", "forskolebarn"]
    assert offers["foraldrautbildning-infor-forlossningen"].ages == Ages(None, None, True, pregnancy_week=28)
    assert groups("foraldrautbildning-infor-forlossningen") == ["vantar-barn"]
    assert offers["foraldragrupp-pa-persiska"].languages == ("fa", "prs")
