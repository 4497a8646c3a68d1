"""The credit guard: download companies without spending more credits than allowed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from datacollectief_client import AuthenticatedClient
from datacollectief_client.api.account import get_download_statistics
from datacollectief_client.api.companies import download_company
from datacollectief_client.models import Company

from .errors import CompanyInactive, DataCollectiefError, InsufficientCredits, UnknownCompanyId

__all__ = ["CREDITS_PER_DOWNLOAD", "Downloads", "download_companies", "download_companies_async"]

#: The most one company download costs (nothing when the account owns the company).
CREDITS_PER_DOWNLOAD = 1


@dataclass
class Downloads:
    """What `download_companies` got, refused and left, and the credits it spent.

    ``companies`` maps each downloaded ID to its record; ``refused`` each ID the service
    refused (unknown 307, deleted 317, ...) to its error; ``left`` the IDs not asked because
    the budget (or the balance, 310) could not cover them; ``credits_spent`` is measured with
    the free DownloadStatistics (its ``CreditsUsed`` before and after).
    """

    companies: dict[int, Company] = field(default_factory=dict)
    refused: dict[int, DataCollectiefError] = field(default_factory=dict)
    left: list[int] = field(default_factory=list)
    credits_spent: int = 0


class _Budget:
    """Spending so far: exact at the last statistics read, plus one per download since."""

    def __init__(self, max_credits: int, used_at_start: int) -> None:
        if max_credits < 0:
            raise ValueError("max_credits is not negative")
        self.max_credits, self.start, self.exact, self.unread = max_credits, used_at_start, 0, 0

    def covers_next(self) -> bool:
        """Whether the next download fits even if it costs, counting unread downloads as paid."""
        return self.exact + self.unread + CREDITS_PER_DOWNLOAD <= self.max_credits

    def read(self, used_now: int) -> None:
        """Learn the exact spending from DownloadStatistics' `CreditsUsed`."""
        self.exact, self.unread = used_now - self.start, 0


def _unique(ids: Iterable[int]) -> list[int]:
    """The distinct IDs, first occurrence first."""
    return list(dict.fromkeys(int(value) for value in ids))


def _file(result: Downloads, company_id: int, error: DataCollectiefError) -> bool:
    """File a refused download; True when it ends the run (310: the balance is spent)."""
    if isinstance(error, InsufficientCredits):
        result.left.append(company_id)
        return True
    if isinstance(error, UnknownCompanyId | CompanyInactive):
        result.refused[company_id] = error
        return False
    raise error


def download_companies(
    client: AuthenticatedClient, ids: Iterable[int], *, max_credits: int
) -> Downloads:
    """Download each company of `ids` once, spending at most `max_credits` credits.

    A download costs one credit unless the account owns the company (the service does not
    charge twice within the ownership month). The guard reads the free DownloadStatistics
    first, counts each download as paid, and reads the statistics again only when that
    worst case would pass `max_credits`: owned companies then turn out free and the run goes
    on. It stops before a download that might pass the budget; the rest is in `left`.
    Unknown or deleted companies go to `refused`; other errors (limits, 314) raise.
    """
    todo = _unique(ids)
    used = get_download_statistics.sync_or_raise(client=client).credits_used
    budget, result = _Budget(max_credits, used), Downloads()
    for position, company_id in enumerate(todo):
        if not budget.covers_next():
            budget.read(get_download_statistics.sync_or_raise(client=client).credits_used)
            if not budget.covers_next():
                result.left += todo[position:]
                break
        try:
            result.companies[company_id] = download_company.sync_or_raise(
                client=client, id=company_id
            )
        except DataCollectiefError as error:
            if _file(result, company_id, error):
                result.left += todo[position + 1 :]
                break
        budget.unread += 1
    budget.read(get_download_statistics.sync_or_raise(client=client).credits_used)
    result.credits_spent = budget.exact
    return result


async def download_companies_async(
    client: AuthenticatedClient, ids: Iterable[int], *, max_credits: int
) -> Downloads:
    """The async twin of `download_companies`."""
    todo = _unique(ids)
    used = (await get_download_statistics.asyncio_or_raise(client=client)).credits_used
    budget, result = _Budget(max_credits, used), Downloads()
    for position, company_id in enumerate(todo):
        if not budget.covers_next():
            stats = await get_download_statistics.asyncio_or_raise(client=client)
            budget.read(stats.credits_used)
            if not budget.covers_next():
                result.left += todo[position:]
                break
        try:
            company = await download_company.asyncio_or_raise(client=client, id=company_id)
            result.companies[company_id] = company
        except DataCollectiefError as error:
            if _file(result, company_id, error):
                result.left += todo[position + 1 :]
                break
        budget.unread += 1
    stats = await get_download_statistics.asyncio_or_raise(client=client)
    budget.read(stats.credits_used)
    result.credits_spent = budget.exact
    return result
