"""Command line: `serve` the mock, `build` a dataset file. Wiring only."""

from __future__ import annotations

import argparse
import ipaddress
import os
import socket
import sys
import warnings
from collections.abc import Sequence

__all__ = ["main"]

_LOOPBACK_NAMES = frozenset({"localhost"})


def _is_loopback(host: str) -> bool:
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m mockserver", description="The stateful mock of the DATA-collectief API."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the API and the control plane (/_mock)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8080, help="port (0 = any free port)")
    serve.add_argument("--seed", type=int, default=1, help="seed of the synthetic dataset")
    serve.add_argument("--companies", type=int, default=10_000, help="dataset size")
    serve.add_argument("--db", default=":memory:", help="SQLite file (default: in memory)")
    serve.add_argument(
        "--validate-responses", action="store_true", help="check every response against the spec"
    )
    serve.add_argument(
        "--control-token",
        help="require this X-Mock-Token on /_mock (needed to bind a non-loopback host)",
    )
    serve.add_argument(
        "--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"]
    )
    serve.add_argument("--access-log", action="store_true", help="log every request")

    build = commands.add_parser("build", help="prebuild a dataset file for `serve --db`")
    build.add_argument("--db", required=True, help="the new SQLite file")
    build.add_argument("--seed", type=int, default=1, help="seed of the synthetic dataset")
    build.add_argument("--companies", type=int, default=10_000, help="dataset size")
    build.add_argument("--now", type=int, help="UTC epoch seconds anchoring all timestamps")
    return parser


def _url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _serve(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if not _is_loopback(args.host) and not args.control_token:
        parser.error(
            f"--host {args.host} is not a loopback address: the control plane (/_mock) would be"
            " open to the network. Pass --control-token TOKEN as well."
        )
    import uvicorn

    # connexion imports starlette's TestClient at import time, which warns about httpx.
    warnings.filterwarnings("ignore", message=".*starlette.testclient.*")
    from .app import create_app
    from .settings import DEMO, Settings

    settings = Settings(
        db=args.db,
        seed=args.seed,
        companies=args.companies,
        validate_responses=args.validate_responses,
        control_token=args.control_token,
    )
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as exc:
        sock.close()
        print(f"cannot bind {args.host}:{args.port}: {exc.strerror}", file=sys.stderr)
        return 1
    app = create_app(settings)
    sock.listen(2048)
    url = _url(args.host, sock.getsockname()[1])
    print(f"DATA-collectief mock listening on {url}")
    print(
        f"Demo account: user={DEMO.user} password={DEMO.password}"
        f" applicationName={DEMO.application_name} ({DEMO.credits} credits;"
        f" portal password {DEMO.portal_password})"
    )
    print(f"Swagger UI: {url}/ui/  (control plane: {url}/_mock/ui/)", flush=True)
    config = uvicorn.Config(app, log_level=args.log_level, access_log=args.access_log)
    uvicorn.Server(config).run(sockets=[sock])
    return 0


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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    command = _serve if args.command == "serve" else _build
    return command(args, parser)
