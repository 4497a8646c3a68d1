"""The client's wire formats: Amsterdam date-times (DST gaps and repeats) and v1 ID lists."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from datacollectief import format_datetime, format_ids, parse_datetime, parse_ids
from datacollectief.wire import AMSTERDAM

__all__: list[str] = []

#: Whole seconds between 1990 and 2060, as UTC instants.
instants = st.integers(631_152_000, 2_840_140_800).map(lambda s: datetime.fromtimestamp(s, UTC))
#: Naive wall-clock times of the same span.
wall_times = st.datetimes(datetime(1990, 1, 1), datetime(2060, 1, 1)).map(
    lambda d: d.replace(microsecond=0)
)


def in_repeated_hour(moment: datetime) -> bool:
    """Whether an instant's Amsterdam wall time happens twice (the autumn's hour)."""
    local = moment.astimezone(AMSTERDAM)
    other = local.replace(fold=1 - local.fold)
    return other.utcoffset() != local.utcoffset()


@given(instants)
@example(datetime(2026, 10, 25, 0, 30, tzinfo=UTC))  # 02:30, the first time
@example(datetime(2026, 10, 25, 1, 30, tzinfo=UTC))  # 02:30, the second time
def test_an_instant_round_trips_outside_the_repeated_hour(moment: datetime) -> None:
    # Given an instant; When it is written and read back
    back = parse_datetime(format_datetime(moment))
    # Then it is the same instant, unless its wall time happens twice: then the first of the two
    # (as timestamps: PEP 495 makes a repeated wall time unequal to every time of another zone)
    if in_repeated_hour(moment):
        assert back.timestamp() in (moment.timestamp(), moment.timestamp() - 3600)
        assert back.fold == 0
    else:
        assert back.timestamp() == moment.timestamp()
    assert back.tzinfo is AMSTERDAM


@given(wall_times)
@example(datetime(2026, 3, 29, 2, 30))  # skipped: clocks go from 02:00 to 03:00
@example(datetime(2026, 10, 25, 2, 30))  # happens twice
def test_a_naive_wall_time_is_written_as_is_or_refused_in_the_gap(wall: datetime) -> None:
    # Given a naive Amsterdam wall time
    local = wall.replace(tzinfo=AMSTERDAM)
    exists = local.astimezone(UTC).astimezone(AMSTERDAM).replace(tzinfo=None) == wall
    # When it is written
    # Then it is its own text, or refused when the clocks skip it (the service answers 306)
    if exists:
        assert format_datetime(wall) == wall.strftime("%Y-%m-%d %H:%M:%S")
        assert parse_datetime(format_datetime(wall)).replace(tzinfo=None) == wall
    else:
        with pytest.raises(ValueError, match="DST gap"):
            format_datetime(wall)
        with pytest.raises(ValueError, match="DST gap"):
            parse_datetime(wall.strftime("%Y-%m-%d %H:%M:%S"))


def test_the_known_transitions_of_2026() -> None:
    # Given the spring-forward gap and the autumn repeat of 2026
    # Then 02:30 on 29 March does not exist and 02:30 on 25 October is its first occurrence
    with pytest.raises(ValueError):
        parse_datetime("2026-03-29 02:30:00")
    repeated = parse_datetime("2026-10-25 02:30:00")
    assert repeated.utcoffset() == timedelta(hours=2)
    assert format_datetime(datetime(2026, 10, 25, 1, 30, tzinfo=UTC)) == "2026-10-25 02:30:00"
    assert format_datetime(datetime(2026, 10, 25, 0, 30, tzinfo=UTC)) == "2026-10-25 02:30:00"


@given(st.lists(st.integers(1, 2**31 - 1), max_size=120))
def test_id_lists_round_trip(ids: list[int]) -> None:
    # Given IDs, in any order and with repeats; When written and read back; Then they are equal
    text = format_ids(ids)
    assert parse_ids(text) == ids
    assert " " not in text


@pytest.mark.parametrize("ids", [[0], [1, -2]])
def test_an_id_below_one_is_refused(ids: list[int]) -> None:
    # Then no request is built with it
    with pytest.raises(ValueError):
        format_ids(ids)


def test_blanks_around_ids_are_read() -> None:
    # Then the service's lenient lists read too
    assert parse_ids(" 1, 2 ,3,") == [1, 2, 3]
