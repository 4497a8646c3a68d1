"""The plugin's fixtures as a user's test run sees them: isolated, async, quiet under -W error."""

from __future__ import annotations

import textwrap

import pytest

from tests.support.readme import UNDER_PYTEST

__all__: list[str] = []

#: The README's async example: its one Python block that uses the async client fixture.
ASYNC_EXAMPLE = next(block for block in UNDER_PYTEST if "datacollectief_async_client" in block)

#: A user's test module: one test changes everything it can, the next looks for it, and an
#: async test uses the async client; run in file order.
USER_TESTS = textwrap.dedent(
    """
    import pytest

    from datacollectief_client import AuthenticatedClient
    from datacollectief_client.api.account import get_download_statistics
    from datacollectief_client.api.companies import get_company_limited
    from datacollectief_client.models import CompanyLimited, DownloadStatistics
    from mockserver.pytest_plugin import MockService

    SEEN: dict[str, str] = {}


    def test_one_changes_everything(
        datacollectief_isolated: MockService, datacollectief_client: AuthenticatedClient
    ) -> None:
        mock = datacollectief_isolated
        mock.set_clock(epoch=1_900_000_000, frozen=True)
        mock.control("POST", "/faults", json={"operation": "getVersion", "status": 314})
        mock.control("PUT", "/limits", json={"perHour": 1000})
        mock.control("PATCH", "/companies/1", json={"Name": "Changed by test one"})
        SEEN["user"] = datacollectief_client.user
        stats = get_download_statistics.sync(client=datacollectief_client)
        assert isinstance(stats, DownloadStatistics) and stats.credits_balance == 100


    def test_two_sees_none_of_it(datacollectief_isolated: MockService) -> None:
        mock = datacollectief_isolated
        ledger = mock.http.get(f"/_mock/accounts/{SEEN['user']}/ledger")
        assert ledger.status_code == 404
        assert mock.clock()["epoch"] != 1_900_000_000
        assert mock.control("GET", "/faults") == []
        assert mock.control("GET", "/limits")["perHour"] is None
        journal = mock.control("GET", "/journal")
        assert {entry["method"] for entry in journal} == {"GET"}  # only this test's reads
        reader = mock.client(mock.new_account())
        company = get_company_limited.sync(client=reader, id=1)
        assert isinstance(company, CompanyLimited)
        assert company.name != "Changed by test one"


    @pytest.mark.anyio
    async def test_async_client(datacollectief_async_client: AuthenticatedClient) -> None:
        stats = await get_download_statistics.asyncio(client=datacollectief_async_client)
        assert isinstance(stats, DownloadStatistics) and stats.credits_balance == 100
        again = await get_download_statistics.asyncio_detailed(client=datacollectief_async_client)
        assert again.status_code == 200
    """
)


def test_fixtures_isolate_tests_serve_async_tests_and_warn_nothing(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a user's test module on the installed plugin, with a small dataset
    monkeypatch.setenv("DATACOLLECTIEF_MOCK_COMPANIES", "300")
    pytester.makepyfile(test_user=USER_TESTS, test_readme_async=ASYNC_EXAMPLE)
    # When pytest runs it in a fresh process with every warning an error
    result = pytester.runpytest_subprocess("-W", "error", "-p", "no:cacheprovider", "-q")
    # Then the tests pass (with the README's async example): the second saw nothing of the
    # first, the async client answered, and no warning was raised on the way
    result.assert_outcomes(passed=4)
    assert "warning" not in result.stdout.str().lower()


#: A user's tests that read the clock and a token the mock makes.
FIXED_NOW_TESTS = textwrap.dedent(
    """
    from datacollectief_client import AuthenticatedClient
    from datacollectief_client.api.selections import get_url_company_selection
    from mockserver.pytest_plugin import MockService


    def test_clock_and_token(
        datacollectief_isolated: MockService, datacollectief_client: AuthenticatedClient
    ) -> None:
        clock = datacollectief_isolated.clock()
        url = get_url_company_selection.sync_or_raise(client=datacollectief_client).url
        print(f"SEEN {clock['epoch']} {clock['frozen']} {url}")
    """
)


def test_a_fixed_now_gives_every_run_the_same_clock_and_tokens(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a user's test that prints the clock and a selection URL (a random token)
    monkeypatch.setenv("DATACOLLECTIEF_MOCK_COMPANIES", "300")
    pytester.makepyfile(test_fixed=FIXED_NOW_TESTS)
    pytester.makeini("[pytest]\ndatacollectief_now = 2026-06-15 12:00:00\n")
    # When it runs twice, with the fixed start from the ini file
    seen = []
    for _ in range(2):
        result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-q", "-s")
        result.assert_outcomes(passed=1)
        seen.append([line for line in result.outlines if line.startswith("SEEN ")])
    # Then the clock stood at that moment, and both runs saw the same token
    assert seen[0] == seen[1]
    assert seen[0][0].startswith("SEEN 1781517600 True ")
