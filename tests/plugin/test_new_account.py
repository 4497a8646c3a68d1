"""`MockService.new_account` answers alike in-process (no HTTP) and on a server."""

from __future__ import annotations

import pytest

from datacollectief_client.api.account import get_download_statistics
from datacollectief_client.models import DownloadStatistics
from mockserver.pytest_plugin import MockService

__all__: list[str] = []


def test_a_new_account_has_its_fields_and_credits(mock: MockService) -> None:
    # When an account is made with chosen fields
    credentials = mock.new_account(
        credits=3, subscription=True, user="chosen-fields@example.nl", applicationName="MyApp"
    )
    # Then it has them, and its client sees its credits
    assert (credentials.user, credentials.application_name) == ("chosen-fields@example.nl", "MyApp")
    stats = get_download_statistics.sync(client=mock.client(credentials))
    assert isinstance(stats, DownloadStatistics) and stats.credits_balance == 3


@pytest.mark.parametrize(
    "fields",
    [
        {"credits": -1},
        {"user": "not an e-mail"},
        {"user": "a@b.nl\n"},
        {"unknown": 1},
        {"subscription": "yes"},
    ],
    ids=["negative credits", "bad user", "newline after user", "unknown member", "not a boolean"],
)
def test_a_new_account_refuses_what_the_control_plane_refuses(
    mock: MockService, fields: dict[str, object]
) -> None:
    # When new_account is asked for a body the control plane's schema refuses
    # Then it raises as a 400 of the control plane does, in both modes
    with pytest.raises(AssertionError, match="POST /_mock/accounts: 400"):
        mock.new_account(**fields)  # type: ignore[arg-type]


def test_a_second_account_for_one_user_is_refused(mock: MockService) -> None:
    mock.new_account(user="only-once@example.nl")
    with pytest.raises(AssertionError, match="POST /_mock/accounts: 400.*exists already"):
        mock.new_account(user="only-once@example.nl")
