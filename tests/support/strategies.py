"""Named hypothesis strategies for the mock's property tests: ids, wildcards, pages and dates."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from mockserver.pytest_plugin import DEFAULT_COMPANIES

__all__ = [
    "AMSTERDAM",
    "MAX_IDS",
    "MAX_RECORDS_PER_PAGE",
    "SORT_ORDERS",
    "WIRE_FORMAT",
    "PageRequest",
    "company_ids",
    "dates_around_month_ends",
    "id_lists_around_100",
    "page_requests",
    "selection_filters",
    "wildcard_patterns",
    "wire_date",
]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
WIRE_FORMAT = "%Y-%m-%d %H:%M:%S"
MAX_IDS = 100
MAX_RECORDS_PER_PAGE = 100
MAX_RECORD_ID = 2**31 - 1
SORT_ORDERS = ("Id", "IdDesc", "Name", "NameDesc", "City", "CityDesc", "ZipCode", "ZipCodeDesc")
SEARCH_TEXT_MAX = 100
# Characters no dataset name or city holds; LIKE's own `%`, `_` and `\` among them, so a
# pattern with them finds nothing unless the mock forgets to escape them.
ABSENT_CHARACTERS = "%_\\#~@|^"


def company_ids(known: int = DEFAULT_COMPANIES) -> st.SearchStrategy[int]:
    """Company numbers: mostly of the dataset (1..known), sometimes unknown ones."""
    known_ids = st.integers(min_value=1, max_value=known)
    # one_of picks its branches about evenly: three in four ids exist.
    return known_ids | known_ids | known_ids | st.integers(known + 1, MAX_RECORD_ID)


def id_lists_around_100(ids: st.SearchStrategy[int] | None = None) -> st.SearchStrategy[list[int]]:
    """Lists of 95 to 105 company numbers (duplicates allowed): both sides of the 100 limit."""
    return st.lists(company_ids() if ids is None else ids, min_size=95, max_size=105)


@st.composite
def wildcard_patterns(draw: st.DrawFn, texts: Sequence[str]) -> str:
    """A `*` pattern from a real name or city: a piece of it, `*`s inserted, case mixed."""
    # Half star the ends where the piece was cut, so the source matches (unless the case of
    # a non-ASCII letter flipped: LIKE folds ASCII only); one in five holds an absent character.
    text = draw(st.sampled_from(texts), label="source text")
    start = draw(st.integers(min_value=0, max_value=len(text)))
    end = draw(st.integers(min_value=start, max_value=len(text)))
    pieces = list(text[start:end])
    if draw(st.integers(min_value=1, max_value=5)) == 1:
        where = draw(st.integers(min_value=0, max_value=len(pieces)))
        pieces.insert(where, draw(st.sampled_from(ABSENT_CHARACTERS)))
    stars = draw(st.lists(st.integers(min_value=0, max_value=len(pieces)), max_size=4))
    for where in sorted(stars, reverse=True):
        pieces.insert(where, "*")
    if draw(st.booleans(), label="star the cut ends"):  # then the source text matches
        pieces = ["*"] * (start > 0) + pieces + ["*"] * (end < len(text))
    flips = draw(st.lists(st.booleans(), min_size=len(pieces), max_size=len(pieces)))
    pattern = "".join(p.swapcase() if flip else p for p, flip in zip(pieces, flips, strict=True))
    # SearchText: 1..100 characters.
    return pattern[:SEARCH_TEXT_MAX] or "*"


@dataclass(frozen=True)
class PageRequest:
    """The paging arguments of CompanyList."""

    page_nr: int
    records_per_page: int
    sort_order: str


def page_requests(max_page: int = 30) -> st.SearchStrategy[PageRequest]:
    """A page number, a page size of at most 100 and a sort order."""
    return st.builds(
        PageRequest,
        page_nr=st.integers(min_value=1, max_value=max_page),
        records_per_page=st.integers(min_value=1, max_value=MAX_RECORDS_PER_PAGE),
        sort_order=st.sampled_from(SORT_ORDERS),
    )


def _last_sunday(year: int, month: int) -> int:
    """Day of the month of its last Sunday (when Europe switches summer time)."""
    last = calendar.monthrange(year, month)[1]
    return last - (calendar.weekday(year, month, last) - calendar.SUNDAY) % 7


@st.composite
def dates_around_month_ends(
    draw: st.DrawFn, first_year: int = 2021, last_year: int = 2026
) -> int | str:
    """A moment near a month end or DST switch in Amsterdam: an epoch or `yyyy-MM-dd HH:mm:ss`."""
    # Epochs fall either side of a switch (both folds of October's repeated hour); wall times
    # include the hour March skips.
    year = draw(st.integers(min_value=first_year, max_value=last_year))
    kind = draw(st.sampled_from(["month end", "summer time", "winter time"]))
    if kind == "month end":
        month = draw(st.integers(min_value=1, max_value=12))
        anchor = datetime(year, month, calendar.monthrange(year, month)[1]) + timedelta(days=1)
    else:
        month = 3 if kind == "summer time" else 10
        anchor = datetime(year, month, _last_sunday(year, month), 2)
    near = st.integers(min_value=-3 * 3600, max_value=3 * 3600)
    offset = draw(near | st.integers(min_value=-2 * 86400, max_value=2 * 86400), label="offset")
    if draw(st.booleans(), label="as epoch"):
        return int(anchor.replace(tzinfo=AMSTERDAM).timestamp()) + offset
    return (anchor + timedelta(seconds=offset)).strftime(WIRE_FORMAT)


def wire_date(moment: int | str) -> str:
    """A drawn moment as the wire's `yyyy-MM-dd HH:mm:ss` (an epoch in Amsterdam time)."""
    if isinstance(moment, str):
        return moment
    return datetime.fromtimestamp(moment, AMSTERDAM).strftime(WIRE_FORMAT)


@st.composite
def selection_filters(
    draw: st.DrawFn,
    provinces: Sequence[str],
    cities: Sequence[str],
    codes: dict[str, Sequence[int]],
) -> dict[str, object]:
    """Control-plane selection filters (at least one) drawn from the dataset's values."""
    options: dict[str, st.SearchStrategy[object]] = {
        "province": st.sampled_from(provinces).flatmap(
            lambda p: st.sampled_from([p, p.upper(), p.lower()])
        ),
        "city": wildcard_patterns(cities),
        **{name: st.sampled_from(values) for name, values in codes.items()},
    }
    names = draw(st.lists(st.sampled_from(sorted(options)), min_size=1, max_size=3, unique=True))
    return {name: draw(options[name], label=name) for name in names}
