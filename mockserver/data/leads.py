"""Deterministic website-leads data for one account: its websites and their company visits."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from .vocab import load_vocab

__all__ = ["LEADS_DAYS", "PEAK_DAY_VISITS_MIN", "generate_websites_and_leads"]

#: Visits cover this many days before `now`.
LEADS_DAYS = 90
#: The first website has one busy day with at least this many visits (over the 250-per-call cap).
PEAK_DAY_VISITS_MIN = 260

_TZ = ZoneInfo("Europe/Amsterdam")
_DAY = 86400


def _local_midnight(epoch: int, days_back: int) -> int:
    """Epoch of Europe/Amsterdam midnight, `days_back` calendar days before `epoch`'s date."""
    day = datetime.fromtimestamp(epoch, _TZ).date() - timedelta(days=days_back)
    return int(datetime(day.year, day.month, day.day, tzinfo=_TZ).timestamp())


def _visit(r: random.Random, site: str, start: int, company_count: int) -> dict[str, Any]:
    """One visit of a company to `site` starting at `start`."""
    v = load_vocab()
    leads = v.leads
    pages = leads["pages"]
    views = 1 + int(r.random() ** 2 * 8)
    path = [pages[0]] if r.random() < 0.6 else []
    path += r.sample(pages[1:], views - len(path))
    click_path = [
        {"Url": f"https://{site}{url}", "Title": title, "Seconds": 5 + int(r.random() ** 2 * 300)}
        for url, title in path
    ]
    city = v.city_table[r.getrandbits(12)]
    return {
        "website": site,
        "company_id": 1 + int(r.random() * company_count),
        "start": start,
        "duration": sum(step["Seconds"] for step in click_path),
        "page_views": views,
        "highest_rating_score": 1 + int(r.random() * 100),
        "referrer": r.choice(leads["referrers"]) or None,
        "visitor_city": city.name,
        "visitor_network": r.choice(leads["networks"]),
        "click_path": click_path,
    }


def generate_websites_and_leads(
    seed: int, account_key: str, now: int, company_count: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Return (websites, visits) of one account, deterministic in all four arguments.

    websites: 1-3 dicts {Name, StartDate, EndDate}, epoch seconds, EndDate None (open) or future.
    visits: dicts {website, company_id, start, duration, page_views, highest_rating_score, referrer,
    visitor_city, visitor_network, click_path: [{Url, Title, Seconds}]}, sorted by (website, start),
    all within the last LEADS_DAYS days before `now`; the first website has one local day with more
    than PEAK_DAY_VISITS_MIN visits.
    """
    if company_count < 1:
        raise ValueError("company_count must be at least 1")
    r = random.Random(f"datacollectief:{seed}:leads:{account_key}")
    names = r.sample(load_vocab().leads["website_names"], 1 + int(r.random() * 3))
    websites = []
    for i, name in enumerate(names):
        open_ended = i == 0 or r.random() < 0.6
        websites.append({
            "Name": name,
            "StartDate": _local_midnight(now, 120 + int(r.random() * 800)),
            "EndDate": None if open_ended else _local_midnight(now, -(30 + int(r.random() * 330))),
        })  # fmt: skip
    window_start = now - LEADS_DAYS * _DAY
    peak_day = 3 + int(r.random() * (LEADS_DAYS - 10))
    visits: list[dict[str, Any]] = []
    for i, site in enumerate(names):
        daily = 25 if i == 0 else 6
        for days_back in range(LEADS_DAYS, -1, -1):
            midnight = _local_midnight(now, days_back)
            count = int(r.random() * 2 * daily)
            if i == 0 and days_back == peak_day:
                count = PEAK_DAY_VISITS_MIN + int(r.random() * 60)
            starts = sorted(midnight + 7 * 3600 + int(r.random() * 11 * 3600) for _ in range(count))
            for start in starts:
                if window_start <= start < now:
                    visits.append(_visit(r, site, start, company_count))
    return websites, visits
