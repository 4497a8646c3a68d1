"""Ownership lasts one calendar month in Europe/Amsterdam: same day and wall time, clipped."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockserver.domain.accounts import Account
from mockserver.domain.backend import Backend
from mockserver.domain.clock import AMSTERDAM, Clock, add_months
from mockserver.domain.records import COMPANY, CONTACT, Subject
from tests.support.domain import live_ids, new_account, small_backend

__all__: list[str] = []

HOUR, DAY = 3600, 86400


def local(*parts: int, fold: int = 0) -> int:
    """The epoch of a wall time in Amsterdam (year, month, day[, hour, minute, second])."""
    return int(datetime(*parts, tzinfo=AMSTERDAM, fold=fold).timestamp())


def wall(moment: int) -> datetime:
    """The naive Amsterdam wall time of an epoch."""
    return datetime.fromtimestamp(moment, AMSTERDAM).replace(tzinfo=None)


def exists(naive: datetime) -> bool:
    """Whether a wall time occurs in Amsterdam (not in the hour skipped in spring)."""
    return wall(int(naive.replace(tzinfo=AMSTERDAM).timestamp())) == naive


def last_sunday(year: int, month: int) -> int:
    """The day of the month of its last Sunday (when the clocks change in the EU)."""
    last = calendar.monthrange(year, month)[1]
    return max(d for d in range(last - 6, last + 1) if calendar.weekday(year, month, d) == 6)


START = local(2022, 1, 1)
EARLIEST, LATEST = local(2022, 1, 1), local(2040, 1, 1)


def check_month_step(moment: int, months: int) -> None:
    """Same day (clipped to the month's end) and same wall time, `months` later."""
    start, end = wall(moment), wall(add_months(moment, months))
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    expected = start.replace(year=year, month=month, day=day)
    if exists(expected):
        assert end == expected
    else:  # the wall time was skipped by the spring change: the same moment an hour later
        assert end == expected + timedelta(hours=1)


# -- add_months: examples ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        ((2024, 1, 15, 10, 0), 1, (2024, 2, 15, 10, 0)),
        ((2024, 1, 31, 10, 0), 1, (2024, 2, 29, 10, 0)),
        ((2023, 1, 31, 10, 0), 1, (2023, 2, 28, 10, 0)),
        ((2024, 3, 31, 23, 59, 59), 1, (2024, 4, 30, 23, 59, 59)),
        ((2024, 12, 31, 0, 0), 1, (2025, 1, 31, 0, 0)),
        ((2024, 1, 31, 10, 0), 2, (2024, 3, 31, 10, 0)),
        ((2024, 11, 30, 8, 0), 3, (2025, 2, 28, 8, 0)),
        ((2024, 2, 29, 12, 0), 12, (2025, 2, 28, 12, 0)),
    ],
)
def test_a_month_later_is_the_same_day_clipped_to_the_end_of_the_month(start, months, end):
    """Given a moment, when months are added, then the day is kept or clipped to the month end."""
    assert wall(add_months(local(*start), months)) == datetime(*end)


def test_the_wall_time_is_kept_across_the_spring_change():
    """Given noon (CET) on 15 March 2024, a month later is noon (CEST): 31 days minus an hour."""
    moment = local(2024, 3, 15, 12)
    later = add_months(moment, 1)
    assert wall(later) == datetime(2024, 4, 15, 12)
    assert later - moment == 31 * DAY - HOUR


def test_the_wall_time_is_kept_across_the_autumn_change():
    """Given noon (CEST) on 15 October 2024, a month later is noon (CET): 31 days plus an hour."""
    moment = local(2024, 10, 15, 12)
    later = add_months(moment, 1)
    assert wall(later) == datetime(2024, 11, 15, 12)
    assert later - moment == 31 * DAY + HOUR


def test_a_wall_time_skipped_in_spring_moves_an_hour_on():
    """Given 02:30 on 28 Feb 2027, when a month is added, then 02:30 on 28 March does not exist
    (clocks go 02:00 -> 03:00 that Sunday), so it is 03:30 CEST: exactly 28 days later."""
    assert last_sunday(2027, 3) == 28
    moment = local(2027, 2, 28, 2, 30)
    later = add_months(moment, 1)
    assert wall(later) == datetime(2027, 3, 28, 3, 30)
    assert later - moment == 28 * DAY


def test_a_wall_time_repeated_in_autumn_is_its_first_occurrence():
    """Given 02:30 on 29 Sep 2028, when a month is added, then it is the first 02:30 on
    29 October (still CEST), the earlier of the two moments with that wall time."""
    assert last_sunday(2028, 10) == 29
    later = add_months(local(2028, 9, 29, 2, 30), 1)
    assert later == local(2028, 10, 29, 2, 30, fold=0)
    assert later == local(2028, 10, 29, 2, 30, fold=1) - HOUR
    assert datetime.fromtimestamp(later, AMSTERDAM).utcoffset() == timedelta(hours=2)


def test_the_clock_advances_by_calendar_months():
    """Given a frozen clock on 31 Jan 2024 10:00, when it advances a month twice, then it is
    29 Feb and then 29 Mar (each step clips; the lost days do not come back)."""
    clock = Clock(local(2024, 1, 31, 10), frozen=True)
    assert wall(clock.advance(months=1)) == datetime(2024, 2, 29, 10)
    assert wall(clock.advance(months=1)) == datetime(2024, 3, 29, 10)
    assert wall(clock.advance(months=1, days=2, seconds=5)) == datetime(2024, 5, 1, 10, 0, 5)


# -- add_months: properties -------------------------------------------------------------
@given(moment=st.integers(EARLIEST, LATEST), months=st.integers(1, 24))
def test_any_moment_moves_to_the_same_day_and_wall_time(moment, months):
    """For any moment and number of months: same (clipped) day and same wall time."""
    check_month_step(moment, months)


@st.composite
def near_a_clock_change(draw: st.DrawFn) -> tuple[int, int]:
    """A moment between 00:00 and 04:59 and a number of months (1 or 2) that lands it on the
    day the clocks change (last Sunday of March or October)."""
    year = draw(st.integers(2022, 2039))
    change_month = draw(st.sampled_from([3, 10]))
    months = draw(st.sampled_from([1, 2]))
    day = last_sunday(year, change_month)
    if day > calendar.monthrange(year, change_month - months)[1]:
        months = 2  # February or September lacks that day; January and August never do
    seconds = draw(st.integers(0, 5 * HOUR - 1))
    return local(year, change_month - months, day) + seconds, months


@given(moment_and_months=near_a_clock_change())
def test_moments_that_land_on_a_clock_change_keep_their_wall_time(moment_and_months):
    """For moments whose month step lands on a clock change: wall time kept where it exists."""
    moment, months = moment_and_months
    assert wall(add_months(moment, months)).day == wall(moment).day
    check_month_step(moment, months)


@given(moment=st.integers(EARLIEST, LATEST))
def test_one_month_is_28_to_31_days_give_or_take_the_clock_change(moment):
    """For any moment, one month later is at least 28 days minus an hour, at most 31 plus one."""
    assert 28 * DAY - HOUR <= add_months(moment, 1) - moment <= 31 * DAY + HOUR


# -- ownership through the Backend ------------------------------------------------------
@pytest.fixture(scope="module")
def backend() -> Iterator[Backend]:
    """One small dataset with a frozen clock for this module."""
    yield from small_backend(START)


def at(backend: Backend, moment: int) -> None:
    """Freeze the backend's clock at `moment`."""
    backend.clock.set(moment, frozen=True)


def owned_ids(backend: Backend, account: Account, subject: Subject) -> list[int]:
    """The ids of what the account owns now."""
    return [o["record_id"] for o in backend.owned(account.user, subject)]


@pytest.mark.parametrize(
    ("downloaded", "free_until"),
    [
        ((2024, 1, 15, 10, 0), (2024, 2, 15, 10, 0)),
        ((2024, 1, 31, 10, 0), (2024, 2, 29, 10, 0)),
        ((2023, 1, 31, 10, 0), (2023, 2, 28, 10, 0)),
        ((2024, 3, 15, 12, 0), (2024, 4, 15, 12, 0)),
        ((2024, 10, 15, 12, 0), (2024, 11, 15, 12, 0)),
        ((2024, 12, 31, 23, 59, 59), (2025, 1, 31, 23, 59, 59)),
    ],
    ids=["mid-month", "31-jan-leap", "31-jan", "spring-change", "autumn-change", "new-year"],
)
@pytest.mark.parametrize("subject", [COMPANY, CONTACT], ids=["company", "contact"])
def test_a_download_is_free_until_the_same_day_next_month(backend, subject, downloaded, free_until):
    """Given a record downloaded at a moment, when it is downloaded again, then it is free up to
    the last second before the same wall time on the same (clipped) day next month, and costs a
    credit again from that moment on."""
    account, record_id = new_account(backend, credits=2), live_ids(backend, subject)[0]
    end = local(*free_until)

    at(backend, local(*downloaded))
    first = backend.download(account, subject, record_id)
    assert (first.charged, first.owned_until) == (1, end)

    at(backend, end - 1)
    again = backend.download(account, subject, record_id)
    assert (again.charged, again.owned_until) == (0, end)
    assert owned_ids(backend, account, subject) == [record_id]

    at(backend, end)
    assert owned_ids(backend, account, subject) == []
    renewed = backend.download(account, subject, record_id)
    assert (renewed.charged, renewed.owned_until) == (1, add_months(end, 1))
    assert backend.download_statistics(account).balance == 0


@settings(max_examples=25, deadline=None)
@given(
    moment=st.integers(EARLIEST, LATEST),
    share=st.floats(0, 1, exclude_max=True, allow_nan=False),
)
def test_any_download_is_free_within_its_month_and_paid_after(backend, moment, share):
    """For any download moment and any later moment inside its month: free; at the end: paid."""
    account, record_id = new_account(backend, credits=2), live_ids(backend, COMPANY)[0]
    end = add_months(moment, 1)

    at(backend, moment)
    assert backend.download(account, COMPANY, record_id).charged == 1
    at(backend, moment + int(share * (end - moment)))
    assert backend.download(account, COMPANY, record_id).charged == 0
    at(backend, end)
    assert backend.download(account, COMPANY, record_id).charged == 1
    assert [e["amount"] for e in backend.ledger(account.user)] == [2, -1, -1]
