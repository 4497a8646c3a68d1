"""website_leads: every visit of a period exactly once, however the visits crowd together."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datacollectief import MAX_VISITS_PER_CALL, website_leads, website_leads_async
from datacollectief_client import AuthenticatedClient
from datacollectief_client.models import Visit
from mockserver.pytest_plugin import Credentials, MockService

__all__: list[str] = []

#: At most this many examples (the profile may ask fewer): each one makes many requests.
EXAMPLES = 25

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
#: The period asked: one hour of an ordinary day (no summer-time switch).
START = datetime(2026, 11, 2, 9, 0, 0, tzinfo=AMSTERDAM)
SPAN = 3_600
END = START + timedelta(seconds=SPAN)
SITE = "www.leads-test.nl"


def offsets() -> st.SearchStrategy[int]:
    """Seconds after START: inside the period, on its bounds, and just outside it."""
    return st.integers(0, SPAN) | st.sampled_from([0, SPAN, -1, SPAN + 1])


def spreads() -> st.SearchStrategy[list[int]]:
    """Visit offsets, oldest first: scattered visits plus a few bursts (up to 300 in one second)."""
    scattered = st.lists(offsets(), max_size=260)
    bursts = st.lists(st.tuples(offsets(), st.integers(1, 300)), max_size=2)
    return st.tuples(scattered, bursts).map(
        lambda drawn: sorted(drawn[0] + [at for at, count in drawn[1] for _ in range(count)])
    )


def seed(mock: MockService, account: Credentials, spread: list[int]) -> list[str]:
    """Given: the account's test website holds exactly these visits, tagged `v0`, `v1`, ...
    in their referrer (the site's order for one second: as seeded)."""
    visits = [
        {
            "start": (START + timedelta(seconds=at)).strftime("%Y-%m-%d %H:%M:%S"),
            "companyId": 1 + index % 50,
            "referrer": f"v{index}",
        }
        for index, at in enumerate(spread)
    ]
    mock.control("PUT", f"/accounts/{account.user}/websites/{SITE}", json={"visits": visits})
    return [str(visit["referrer"]) for visit in visits]


def readable(spread: list[int], tags: list[str]) -> tuple[list[str], list[int]]:
    """The reference: tags of the visits in [START, END], at most 250 of any one second (a
    call cannot answer more), oldest first; and the seconds that hold more."""
    per_second: Counter[int] = Counter()
    kept: list[str] = []
    for at, tag in zip(spread, tags, strict=True):
        if 0 <= at <= SPAN:
            per_second[at] += 1
            if per_second[at] <= MAX_VISITS_PER_CALL:
                kept.append(tag)
    return kept, sorted(at for at, count in per_second.items() if count > MAX_VISITS_PER_CALL)


def tags(visits: list[Visit]) -> list[str]:
    """Then-helper: the tags of answered visits."""
    return [str(visit.info_visit.referrer) for visit in visits]


@settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    deadline=None,
    max_examples=min(settings.default.max_examples, EXAMPLES),
)
@given(spread=spreads())
def test_website_leads_returns_every_visit_once(
    datacollectief_mock: MockService, spread: list[int]
) -> None:
    """In-process only: a crowded spread takes some 30 calls of 250 visits; the served mode
    is covered by the async twin's test."""
    # Given a spread of visits over an hour (bursts over 250 in one second included)
    account = datacollectief_mock.new_account(credits=0)
    seeded = seed(datacollectief_mock, account, spread)
    expected, crowded = readable(spread, seeded)

    # When website_leads reads the hour
    leads = website_leads(datacollectief_mock.client(account), SITE, START, END)

    # Then it returns every visit of the period exactly once, oldest first (of a second with
    # more than 250, the 250 one call can answer), and names those crowded seconds
    assert tags(leads.visits) == expected
    assert leads.crowded_seconds == [START + timedelta(seconds=at) for at in crowded]


def test_a_quiet_period_takes_one_call_and_bounds_are_inclusive(
    mock: MockService, account: Credentials, client: AuthenticatedClient
) -> None:
    # Given visits on both bounds of the period and one second outside each
    seeded = seed(mock, account, [-1, 0, 0, SPAN // 2, SPAN, SPAN + 1])
    # When website_leads reads it
    leads = website_leads(client, SITE, START, END)
    # Then one call answers the visits on the bounds and none outside
    assert tags(leads.visits) == seeded[1:5] and leads.calls == 1


def test_the_async_twin_reads_a_crowded_period(
    datacollectief_server: MockService,
    served_account: Credentials,
    async_client: AuthenticatedClient,
) -> None:
    # Given 600 visits: 260 in one second, the rest spread over the hour
    spread = sorted([1_800] * 260 + [at * 11 % SPAN for at in range(340)])
    seeded = seed(datacollectief_server, served_account, spread)
    expected, crowded = readable(spread, seeded)
    # When the async twin reads the hour
    leads = asyncio.run(website_leads_async(async_client, SITE, START, END))
    # Then it answers as the reference says
    assert tags(leads.visits) == expected
    assert leads.crowded_seconds == [START + timedelta(seconds=1_800)] and crowded == [1_800]


def test_the_summer_time_switches_are_walked_by_the_wire_seconds(
    datacollectief_mock: MockService,
) -> None:
    # Given 450 visits in the autumn's repeated hour and 300 around the spring-forward gap
    account = datacollectief_mock.new_account(credits=0)
    autumn = [
        f"2026-10-25 02:{minute:02d}:{second:02d}"
        for minute in range(45)
        for second in range(0, 60, 6)
    ]
    spring = [f"2026-03-29 01:59:{second:02d}" for second in range(60) for _ in range(3)]
    spring += [f"2026-03-29 03:00:{second:02d}" for second in range(60) for _ in range(2)]
    visits = [
        {"start": start, "companyId": 1, "referrer": f"v{index}"}
        for index, start in enumerate(sorted(autumn) + sorted(spring))
    ]
    datacollectief_mock.control(
        "PUT", f"/accounts/{account.user}/websites/{SITE}", json={"visits": visits}
    )
    client = datacollectief_mock.client(account)
    # When each switch is read whole (both need several calls of 250)
    days = [
        website_leads(
            client, SITE, datetime(2026, 10, 25, 2, 0), datetime(2026, 10, 25, 3, 59, 58)
        ),
        website_leads(client, SITE, datetime(2026, 3, 29, 0, 0), datetime(2026, 3, 29, 5, 0)),
    ]
    # Then every visit comes once (no wire second asked twice, no bound in the gap: no 306)
    assert [tags(day.visits) for day in days] == [
        [f"v{index}" for index in range(len(autumn))],
        [f"v{index}" for index in range(len(autumn), len(visits))],
    ]
    assert all(day.calls > 1 for day in days)
