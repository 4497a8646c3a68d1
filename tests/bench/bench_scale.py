"""The mock at scale: build a large dataset file, reopen it, and time queries in-process.

Usage: python -m tests.bench.bench_scale [--companies 1000000] [--db var/bench/scale.sqlite]
Latency is measured twice for each query: through the whole app in-process (connexion's
starlette TestClient: validation, auth, handler, JSON) and through the Backend alone (domain
and SQL). Fixed searches repeat one query (after the first call its total comes from the
count cache, as when paging); `varied` ones change the pattern on every call, so each total
is counted afresh. The dataset file stays for reuse (`--reuse`); var/ is git-ignored.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from tests.bench.benchkit import CREDENTIALS, ROOT, Server, free_port, machine, percentile, table

__all__ = ["main"]

#: (name, CompanyList filters as query parameters) of the fixed search queries; repeated, so
#: their totals come from the count cache after the first call.
_SEARCHES = [
    ("CompanyList prefix bouw*", {"companyName": "bouw*"}),
    ("CompanyList infix *bouw*", {"companyName": "*bouw*"}),
    ("CompanyList city *dam", {"city": "*dam"}),
]
#: The sort orders timed on `*bouw*` (45,000 matches at 1M), on page 3 of 10.
_SORTS = ["Name", "NameDesc", "City", "ZipCodeDesc", "IdDesc"]
_FILTER_NAMES = {
    "companyName": "company_name", "city": "city", "zipCode": "zip_code",
    "streetNumber": "street_number",
}  # fmt: skip


def _varied(sample: list[dict[str, Any]]) -> list[tuple[str, Callable[[int], dict[str, Any]]]]:
    """Searches whose pattern changes on every call (from the i-th sampled company), so each
    total is counted afresh: name prefixes and infixes, city wildcards, name plus city."""

    def word(i: int) -> str:
        name = str(sample[i % len(sample)]["name"])
        return max(name.replace(".", " ").split(), key=len)[:6]

    def row(i: int) -> dict[str, Any]:
        return sample[i % len(sample)]

    return [
        ("varied prefix Xxxx*", lambda i: {"companyName": f"{str(row(i)['name'])[:4]}*"}),
        ("varied infix *word*", lambda i: {"companyName": f"*{word(i)}*"}),
        ("varied city *xxx", lambda i: {"city": f"*{str(row(i)['city'])[-3:]}"}),
        ("varied city Xx*", lambda i: {"city": f"{str(row(i)['city'])[:2]}*"}),
        (
            "varied *word* + city",
            lambda i: {"companyName": f"*{word(i)}*", "city": row(i)["city"]},
        ),
        ("varied *word* by Name", lambda i: {"companyName": f"*{word(i)}*", "sortOrder": "Name"}),
    ]


def _build(db: Path, companies: int, seed: int) -> dict[str, Any]:
    """Build in a child process (progress bar on the terminal); its time and peak memory."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    db.parent.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable, "-m", "mockserver", "build", "--db", str(db),
        "--seed", str(seed), "--companies", str(companies),
    ]  # fmt: skip
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        sys.exit(f"the build failed with {process.returncode}")
    return {
        "seconds": round(seconds, 1),
        "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
    }


def _meta(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT key, value FROM meta").fetchall())


def _server_ready(db: Path, companies: int) -> float:
    """Seconds from starting `serve --db` on the built file until it answers a 200."""
    port = free_port()
    command = [
        sys.executable, "-m", "mockserver", "serve", "--host", "127.0.0.1", "--port", str(port),
        "--db", str(db), "--companies", str(companies), "--log-level", "warning",
    ]  # fmt: skip
    log = db.with_suffix(".serve.log")
    with Server("our mock", command, port, log) as server:
        return server.wait_ready(f"/api/DownloadStatistics?{CREDENTIALS}", timeout=300)


def _timed(call: Callable[[int], object], count: int) -> dict[str, float]:
    """p50/p95/mean in ms of `count` calls call(0..count-1), after 5 unmeasured ones
    call(count..count+4)."""
    for i in range(count, count + 5):
        call(i)
    times = []
    for i in range(count):
        started = time.perf_counter()
        call(i)
        times.append((time.perf_counter() - started) * 1000)
    return {
        "p50_ms": round(percentile(times, 0.50), 3),
        "p95_ms": round(percentile(times, 0.95), 3),
        "mean_ms": round(sum(times) / len(times), 3),
    }


def _plans(
    conn: sqlite3.Connection, queries: dict[str, tuple[str, list[object]]]
) -> dict[str, Any]:
    return {
        name: [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
        for name, (sql, params) in queries.items()
    }


def _measure(db: Path, companies: int, count: int) -> dict[str, Any]:
    """Open the app on the file (timed; must not rebuild), then time each query both ways."""
    warnings.filterwarnings("ignore", message=".*starlette.testclient.*")
    from mockserver.app import create_app
    from mockserver.domain import company_query, search
    from mockserver.domain.records import COMPANY
    from mockserver.settings import DEMO, Settings

    meta_before = _meta(db)
    started = time.perf_counter()
    app = create_app(Settings(db=str(db), companies=companies))
    open_seconds = time.perf_counter() - started
    if _meta(db) != meta_before:
        sys.exit("create_app changed the dataset's meta: it rebuilt the file")
    backend = app.backend
    client = app.test_client()
    account = backend.authenticate(DEMO.user, DEMO.password, DEMO.application_name, "127.0.0.1")
    # Four times as many sampled companies as measured calls: the app's calls take the first
    # quarter (warm-up: the second), the backend's the third (warm-up: the fourth).
    step = max(1, companies // (4 * count))
    sample = [
        dict(row)
        for row in backend.conn.execute(
            "SELECT id, name, city, zip_code, street_number FROM companies WHERE id % ? = 1"
            " LIMIT ?",
            (step, 4 * count),
        )
    ]
    owned = backend.list_companies({"company_name": "*bouw*"}, 1, 10, "Id").rows[0]["id"]

    def get(path: str) -> None:
        response = client.get(f"{path}&{CREDENTIALS}")
        if response.status_code != 200:
            sys.exit(f"GET {path} answered {response.status_code}: {response.text[:300]}")

    def search_case(
        name: str, params: Callable[[int], dict[str, Any]], page: int = 1
    ) -> tuple[str, Callable[[int], object], Callable[[int], object]]:
        """A CompanyList case timed through the app and through the backend."""

        def via_app(i: int) -> None:
            query = {"pageNr": page, "recordsPerPage": 10, **params(i)}
            get(f"/api/CompanyList?{urlencode(query)}")

        def via_backend(i: int) -> object:
            given = dict(params(i + 2 * count))
            sort = given.pop("sortOrder", "Id")
            filters = {_FILTER_NAMES[k]: v for k, v in given.items()}
            return backend.list_companies(filters, page, 10, sort)

        return name, via_app, via_backend

    get(f"/api/Company?id={owned}")
    cases = [search_case(name, lambda i, p=params: p) for name, params in _SEARCHES]
    # The app and the backend are timed one after the other: each gets its own patterns.
    for name, params in _varied(sample):
        cases.append(search_case(name, params))
    for sort in _SORTS:
        fixed = {"companyName": "*bouw*", "sortOrder": sort}
        cases.append(search_case(f"*bouw* by {sort}, page 3", lambda i, f=fixed: f, page=3))

    def multi_filters(i: int) -> dict[str, object]:
        row = sample[i % len(sample)]
        return {
            "city": row["city"],
            "zip_code": row["zip_code"],
            "street_number": row["street_number"],
        }

    def multi_query(i: int) -> str:
        row = multi_filters(i)
        return urlencode(
            {"city": row["city"], "zipCode": row["zip_code"], "streetNumber": row["street_number"]}
        )

    cases += [
        (
            "CompanyList city+zipCode+streetNumber",
            lambda i: get(f"/api/CompanyList?pageNr=1&recordsPerPage=10&{multi_query(i)}"),
            lambda i: backend.list_companies(multi_filters(i), 1, 10, "Id"),
        ),
        (
            "ContactList",
            lambda i: get(f"/api/ContactList?id={sample[i % len(sample)]['id']}"),
            lambda i: backend.contacts_of_company(sample[i % len(sample)]["id"]),
        ),
        (
            "Company (owned, free re-download)",
            lambda i: get(f"/api/Company?id={owned}"),
            lambda i: backend.download(account, COMPANY, owned),
        ),
    ]
    latency = []
    for name, via_app, via_backend in cases:
        latency.append(
            {"query": name, "app": _timed(via_app, count), "backend": _timed(via_backend, count)}
        )
        print(f"  {name}: {latency[-1]}", file=sys.stderr, flush=True)
    plans: dict[str, tuple[str, list[object]]] = {}
    for name, params in [*_SEARCHES, ("CompanyList multi", {})]:
        filters = {_FILTER_NAMES[k]: v for k, v in params.items()} or multi_filters(0)
        built = company_query.build_query(filters)
        plans[f"{name}: count"] = built.count_sql()
        if built.trigram is not None:  # the page in id order is driven by the trigram index
            sql, sql_params = built.driven_by_trigram("companies.id")
            plans[f"{name}: page"] = (f"{sql} ORDER BY companies_fts.rowid LIMIT 10", sql_params)
        else:
            plans[f"{name}: page"] = (
                f"SELECT {search.LIST_COLUMNS} FROM companies{built.where()} ORDER BY id LIMIT 10",
                built.params,
            )
    plans["Company: record"] = ("SELECT * FROM companies WHERE id = ?", [owned])
    plans["Company: ownership"] = (
        "SELECT * FROM ownership WHERE account_id = ? AND subject = ? AND record_id = ?",
        [account.id, COMPANY.name, owned],
    )
    result = {
        "open_seconds": round(open_seconds, 3),
        "latency": latency,
        "query_plans": _plans(backend.conn, plans),
        "peak_rss_mib_after_queries": round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
        ),
    }
    backend.conn.close()
    return result


def main() -> int:
    """Build (unless --reuse), reopen, measure; writes JSON and prints a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", default="var/bench/scale.sqlite", help="dataset file")
    parser.add_argument("--queries", type=int, default=50, help="measured calls per query")
    parser.add_argument("--reuse", action="store_true", help="reuse an existing --db file")
    parser.add_argument("--out", default="var/bench/bench-scale.json", help="JSON results")
    args = parser.parse_args()
    if not (0 < args.queries <= 10_000 and 0 < args.companies <= 5_000_000):
        sys.exit("keep --queries in (0, 10000] and --companies in (0, 5000000]")
    db = (ROOT / args.db).resolve() if not Path(args.db).is_absolute() else Path(args.db)
    started = machine()
    reuse = args.reuse and db.exists()
    build = None if reuse else _build(db, args.companies, args.seed)
    meta = _meta(db)
    if int(meta["companies"]) != args.companies:
        sys.exit(f"{db} holds {meta['companies']} companies, not {args.companies}")
    files = [Path(f"{db}{s}") for s in ("", "-wal", "-shm")]
    size = sum(f.stat().st_size for f in files if f.exists())
    ready = _server_ready(db, args.companies)
    measured = _measure(db, args.companies, args.queries)
    report = {
        "benchmark": "scale",
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {**started, "loadavg_after": machine()["loadavg"]},
        "dataset": {"companies": int(meta["companies"]), "contacts": int(meta["contacts"])},
        "build": build,
        "file_mib": round(size / 2**20, 1),
        "restart": {
            "serve_ready_seconds": round(ready, 2),
            "create_app_seconds": measured["open_seconds"],
        },
        **{k: v for k, v in measured.items() if k != "open_seconds"},
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=2) + "\n")
    print(
        f"dataset: {report['dataset']['companies']:,} companies,"
        f" {report['dataset']['contacts']:,} contacts; file {report['file_mib']} MiB"
    )
    if build:
        print(
            f"build: {build['seconds']} s, peak RSS {build['peak_rss_mib']} MiB,"
            f" CPU {build['cpu_seconds']} s"
        )
    print(
        f"restart: create_app {measured['open_seconds']} s; serve answers after {ready:.2f} s"
        " (no rebuild)"
    )
    rows = [
        [
            item["query"],
            f"{item['app']['p50_ms']:.2f}",
            f"{item['app']['p95_ms']:.2f}",
            f"{item['backend']['p50_ms']:.2f}",
            f"{item['backend']['p95_ms']:.2f}",
        ]
        for item in measured["latency"]
    ]
    headers = ["query (in-process)", "app p50 ms", "app p95 ms", "backend p50", "backend p95"]
    print(table(headers, rows))
    m = report["machine"]
    print(f"{m['nproc']} x {m['cpu']}; load {m['loadavg']} -> {m['loadavg_after']}; {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
