"""Helpers shared by the client rule tests (tests/client/test_rules_*.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from datacollectief_client.api.account import get_download_statistics
from datacollectief_client.api.companies import list_companies
from datacollectief_client.models import CompanyListPage, DownloadStatistics, Error
from mockserver.http.errors import MESSAGES
from mockserver.pytest_plugin import Credentials, MockService

__all__ = [
    "AMSTERDAM",
    "NO_LIMITS",
    "UNKNOWN_ID",
    "assert_error",
    "company_ids",
    "statistics",
    "wire",
]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
#: An ID no company or contact has.
UNKNOWN_ID = 1_999_999_999
#: The request limits all lifted (the body of PUT /limits).
NO_LIMITS = {"perHour": None, "perDay": None, "badRequestsPerIp": None}


def wire(moment: datetime | int) -> str:
    """A moment as the service writes it: `yyyy-MM-dd HH:mm:ss`, Amsterdam time."""
    if isinstance(moment, int):
        moment = datetime.fromtimestamp(moment, AMSTERDAM)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def assert_error(response: Any, code: int, status: str, message: str) -> Error:
    """Then: the answer is error `code` with its status name (body and header), its `Message`
    is the documented text of the code, and the message or its detail contains `message`
    (some callers name only a part, such as a field)."""
    assert response.status_code == code, response.content
    assert response.headers["X-Error-Status"] == status
    error = response.parsed
    assert isinstance(error, Error)
    assert (error.code, error.status) == (code, status)
    assert error.message == MESSAGES[code]
    detail = error.message_detail if isinstance(error.message_detail, str) else ""
    assert message in f"{error.message} {detail}"
    return error


def statistics(mock: MockService, credentials: Credentials) -> DownloadStatistics:
    """When: the account asks DownloadStatistics."""
    response = get_download_statistics.sync_detailed(client=mock.client(credentials))
    assert response.status_code == 200, response.content
    assert isinstance(response.parsed, DownloadStatistics)
    return response.parsed


def company_ids(client: Any, page: int, deleted: bool = False) -> list[int]:
    """Companies of one CompanyList page (20 by number) with the given Deleted flag."""
    response = list_companies.sync_detailed(client=client, page_nr=page, records_per_page=20)
    assert isinstance(response.parsed, CompanyListPage), response.content
    return [item.id for item in response.parsed.companies if item.deleted is deleted]
