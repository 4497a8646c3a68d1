"""Command line: `serve` the mock, `build` a dataset file, run the validating `proxy` and its
`proxy-report`. Wiring only."""

from __future__ import annotations

import argparse
import dataclasses
import ipaddress
import json
import os
import shutil
import signal
import socket
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .http.framework import AsyncApp
    from .settings import Settings

__all__ = ["SETTINGS_ENV", "main", "worker_app"]

_LOOPBACK_NAMES = frozenset({"localhost"})
#: How `serve --workers N` hands its settings to the worker processes it spawns.
SETTINGS_ENV = "DATACOLLECTIEF_MOCK_SETTINGS"


def _is_loopback(host: str) -> bool:
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _prog() -> str:
    """`datacollectief-mock` when started by the console script, else `python -m mockserver`."""
    name = os.path.basename(sys.argv[0]) if sys.argv else ""
    return (
        "datacollectief-mock" if name.startswith("datacollectief-mock") else "python -m mockserver"
    )


def _moment(text: str) -> int:
    """`clock.parse_moment` for argparse."""
    from .domain.clock import parse_moment

    try:
        return parse_moment(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=_prog(), description="The stateful mock of the DATA-collectief API."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    shown = argparse.ArgumentDefaultsHelpFormatter

    serve = commands.add_parser(
        "serve", help="serve the API and the control plane (/_mock)", formatter_class=shown
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to bind")
    serve.add_argument("--port", type=int, default=8080, help="port (0 = any free port)")
    serve.add_argument("--seed", type=int, default=1, help="seed of the synthetic dataset")
    serve.add_argument("--companies", type=int, default=10_000, help="dataset size")
    serve.add_argument(
        "--db",
        default=":memory:",
        help="SQLite file (:memory: = in memory; with --workers > 1 a temporary file, removed"
        " at exit)",
    )
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes sharing the port and the database; they share the"
        " clock, limits and journal; answers name their worker in X-Mock-Worker",
    )
    serve.add_argument(
        "--validate-responses", action="store_true", help="check every response against the spec"
    )
    serve.add_argument(
        "--surface",
        choices=["full", "verified"],
        default="full",
        help="full: the whole contract; verified: only what the public sources show"
        " (inferred operations answer 300, inferred members are left out of answers)",
    )
    serve.add_argument(
        "--strict-params",
        action="store_true",
        help="refuse requests that are not exactly as the contract is written (unknown or"
        " differently cased names, empty optional values, a body where none is taken) with 400,"
        " instead of binding them leniently as the service's framework does",
    )
    serve.add_argument(
        "--password-cost",
        choices=["full", "cheap"],
        default="full",
        help="scrypt cost of stored passwords: full (default, about 50 ms a hash) or cheap"
        " (microseconds; only for a test server no one else can reach)",
    )
    serve.add_argument(
        "--control-token",
        help="require this X-Mock-Token on /_mock (needed to bind a non-loopback host)",
    )
    serve.add_argument(
        "--log-level",
        default="info",
        choices=["critical", "error", "warning", "info", "debug"],
        help="the server's log level",
    )
    serve.add_argument("--access-log", action="store_true", help="log every request")

    serve.add_argument(
        "--now",
        type=_moment,
        help="start the clock here ('yyyy-MM-dd HH:mm:ss' Amsterdam time, or UTC epoch seconds)"
        " instead of the wall clock; the dataset's timestamps count back from it (else from"
        " 2026-01-01 00:00:00, whatever the wall clock says)",
    )
    serve.add_argument(
        "--random-seed",
        type=int,
        help="seed of the tokens and passwords the mock makes (selection URLs, linked users);"
        " default: unpredictable",
    )
    serve.add_argument(
        "--frozen-clock",
        action="store_true",
        help="the clock stands still (move it with /_mock/clock); with --now and --random-seed,"
        " the same requests get byte-identical answers",
    )
    _proxy_commands(commands)

    build = commands.add_parser(
        "build", help="prebuild a dataset file for `serve --db`", formatter_class=shown
    )
    build.add_argument("--db", required=True, help="the new SQLite file")
    build.add_argument("--seed", type=int, default=1, help="seed of the synthetic dataset")
    build.add_argument("--companies", type=int, default=10_000, help="dataset size")
    build.add_argument(
        "--now",
        type=_moment,
        help="the moment the timestamps count back from ('yyyy-MM-dd HH:mm:ss' Amsterdam time,"
        " or UTC epoch seconds); default 2026-01-01 00:00:00",
    )
    return parser


def _url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _serve(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if not _is_loopback(args.host) and not args.control_token:
        parser.error(
            f"--host {args.host} is not a loopback address: the control plane (/_mock) would be"
            " open to the network. Pass --control-token TOKEN as well."
        )
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    from .app import create_app
    from .http.server import serve
    from .settings import Settings

    settings = Settings(
        db=args.db,
        seed=args.seed,
        companies=args.companies,
        validate_responses=args.validate_responses,
        control_token=args.control_token,
        workers=args.workers,
        surface=args.surface,
        strict_params=args.strict_params,
        start=args.now,
        frozen_clock=args.frozen_clock,
        random_seed=args.random_seed,
        password_cost=args.password_cost,
    )
    sock = _bound(args.host, args.port)
    if sock is None:
        return 1
    if args.workers > 1:
        return _serve_workers(args, settings, sock)
    app = create_app(settings)
    sock.listen(2048)
    _banner(args.host, sock)
    serve(app, sock, log_level=args.log_level, access_log=args.access_log)
    return 0


def _bound(host: str, port: int) -> socket.socket | None:
    """A socket bound to `host`:`port`, or None (said on stderr) when that fails."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        print(f"cannot bind {host}:{port}: {exc.strerror}", file=sys.stderr)
        return None
    return sock


def _banner(host: str, sock: socket.socket) -> None:
    from .settings import DEMO

    url = _url(host, sock.getsockname()[1])
    print(f"DATA-collectief mock listening on {url}")
    print(
        f"Demo account: user={DEMO.user} password={DEMO.password}"
        f" applicationName={DEMO.application_name} ({DEMO.credits} credits;"
        f" portal password {DEMO.portal_password})"
    )
    print(f"Swagger UI: {url}/ui/  (control plane: {url}/_mock/ui/)", flush=True)


def _stop(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


@contextmanager
def _database_file(db: str) -> Iterator[str]:
    """`db` itself, or for `:memory:` a temporary file removed (with its WAL) at exit."""
    if db != ":memory:":
        yield db
        return
    folder = tempfile.mkdtemp(prefix="datacollectief-mock-")
    try:
        yield os.path.join(folder, "mock.db")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _serve_workers(args: argparse.Namespace, settings: Settings, sock: socket.socket) -> int:
    """Prepare the database once, then run `--workers` uvicorn processes on the bound socket."""
    from .app import create_backend
    from .http.journal import SharedJournal
    from .http.server import serve_workers

    # Until the supervisor takes the signals over, a SIGTERM still removes the temporary file.
    signal.signal(signal.SIGTERM, _stop)
    try:
        with _database_file(settings.db) as db:
            settings = dataclasses.replace(settings, db=db)
            conn = create_backend(settings).conn
            SharedJournal(conn, os.getpid()).clear()  # a reused file keeps no old requests
            conn.close()
            os.environ[SETTINGS_ENV] = json.dumps(dataclasses.asdict(settings))
            sock.listen(2048)
            return serve_workers(
                f"{__name__}:worker_app", args.workers, sock,
                log_level=args.log_level, access_log=args.access_log,
                on_ready=lambda: _banner(args.host, sock),
            )  # fmt: skip
    finally:
        sock.close()


def worker_app() -> AsyncApp:
    """The app of one `serve --workers N` process (settings from the environment)."""
    from .app import create_app, create_backend
    from .settings import Settings

    settings = Settings(**json.loads(os.environ[SETTINGS_ENV]))
    return create_app(settings, create_backend(settings, join=True))


def _build(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if os.path.exists(args.db):
        parser.error(f"{args.db} exists; build into a new file")
    from tqdm import tqdm

    from .store.build import build_dataset

    with tqdm(total=args.companies, unit="companies", unit_scale=True) as bar:

        def progress(done: int, total: int) -> None:
            bar.update(done - bar.n)

        stats = build_dataset(args.db, args.seed, args.companies, args.now, progress)
    print(
        f"Built {args.db}: {stats['companies']} companies, {stats['contacts']} contacts,"
        f" seed {stats['seed']}, {stats['bytes']} bytes in {stats['seconds']} s"
    )
    return 0


def _proxy_commands(commands: Any) -> None:
    """The `proxy` and `proxy-report` subcommands (mockserver/proxy)."""
    shown = argparse.ArgumentDefaultsHelpFormatter
    proxy = commands.add_parser(
        "proxy",
        help="forward /api/... to the real service, checking every answer",
        formatter_class=shown,
    )
    proxy.add_argument("--upstream", required=True, help="the service's URL (e.g. production)")
    proxy.add_argument("--host", default="127.0.0.1", help="address to bind")
    proxy.add_argument("--port", type=int, default=8081, help="port (0 = any free port)")
    proxy.add_argument("--record", metavar="DIR", help="write each exchange as a fixture file")
    proxy.add_argument("--timeout", type=float, default=30.0, help="seconds before a 504")
    proxy.add_argument(
        "--token", help="require this X-Proxy-Token on /_proxy (needed for a non-loopback host)"
    )
    proxy.add_argument(
        "--log-level",
        default="warning",
        choices=["critical", "error", "warning", "info"],
        help="the server's log level",
    )
    report = commands.add_parser(
        "proxy-report",
        help="sum up the inferred facts in a folder of recorded fixtures",
        formatter_class=shown,
    )
    report.add_argument("folder", metavar="DIR", help="the `proxy --record` folder")
    report.add_argument("--json", action="store_true", help="print the report as JSON")


def _proxy(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if not _is_loopback(args.host) and not args.token:
        parser.error(
            f"--host {args.host} is not a loopback address: the proxy (and /_proxy) would be"
            " open to the network. Pass --token TOKEN as well."
        )
    from pathlib import Path

    from .http.server import serve
    from .proxy.app import ProxyApp
    from .proxy.contract import contract
    from .proxy.ledger import Ledger
    from .proxy.recording import Recorder

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    recorder = Recorder(Path(args.record)) if args.record else None
    app = ProxyApp(
        args.upstream, Ledger(contract(), log), timeout=args.timeout, recorder=recorder,
        token=args.token,
    )  # fmt: skip
    sock = _bound(args.host, args.port)
    if sock is None:
        return 1
    sock.listen(2048)
    url = _url(args.host, sock.getsockname()[1])
    print(f"DATA-collectief proxy listening on {url}, forwarding to {args.upstream}", flush=True)
    print(f"Departures: {url}/_proxy/departures  Report: {url}/_proxy/report", flush=True)
    # Never an access log: request lines carry the credentials.
    serve(app, sock, log_level=args.log_level, access_log=False, forwarding=True)
    return 0


def _proxy_report(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from pathlib import Path

    from .proxy.contract import contract
    from .proxy.ledger import Ledger, render_report
    from .proxy.recording import exchange_of, read_fixtures

    folder = Path(args.folder)
    if not folder.is_dir():
        parser.error(f"{folder} is not a folder")
    ledger = Ledger(contract(), log=lambda line: None)
    for fixture in read_fixtures(folder):
        ledger.record(exchange_of(fixture))
    report, departures = ledger.report(), ledger.departures()
    if args.json:
        print(json.dumps({**report, "departures_seen": departures}, indent=1))
    else:
        print(render_report(report, departures))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    commands = {"serve": _serve, "build": _build, "proxy": _proxy, "proxy-report": _proxy_report}
    return commands[args.command](args, parser)
