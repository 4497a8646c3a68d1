"""The app factory: the contract API under /api, the control plane under /_mock, the portal."""

from __future__ import annotations

import inspect
import os
import random
from collections.abc import Callable
from typing import Any

from .control import Control, add_control_plane, is_journal_request
from .domain.backend import Backend
from .domain.clock import Clock, format_local
from .domain.errors import DomainError, InvalidInput
from .domain.passwords import PASSWORD_COSTS
from .handlers import OPERATIONS
from .http.access_log import mask_access_log
from .http.binding import LenientBindingMiddleware
from .http.errors import install_error_handlers
from .http.faults import FaultMiddleware, strike
from .http.framework import (
    AsyncApp,
    FastAsyncApp,
    MiddlewarePosition,
    Resolver,
    SwaggerUIOptions,
    default_middlewares,
    quiet_undefined_parameter_log,
    request_base_url,
)
from .http.journal import Journal, JournalMiddleware, RequestJournal, SharedJournal
from .http.security import ACCOUNT_KEY, security_map
from .http.size_limits import SizeLimitMiddleware
from .http.surface import VerifiedSurfaceMiddleware
from .http.validation import validator_map
from .http.workers import WorkerMiddleware
from .http.xml_negotiation import XmlNegotiationMiddleware
from .portal import add_portal
from .portal.security import Signer
from .provenance import load_spec
from .settings import DEMO, SURFACES, Settings, spec_dir
from .store.build import REFERENCE_MOMENT, build_dataset, upgrade_dataset
from .store.dataset_cache import load_dataset
from .store.db import connect
from .store.state import SharedSettings, create_state_schema, shared_secret

__all__ = ["create_app", "create_backend", "ensure_demo_account"]

JSON = "application/json"


def _configure_logging() -> None:
    """Quiet connexion's noise about the credentials, and keep passwords out of access logs."""
    # connexion logs every credential query parameter as "not defined in specification": the
    # credentials are security schemes, so that message is noise.
    quiet_undefined_parameter_log()
    # Credentials travel in the query string: uvicorn's access log must not show the password.
    mask_access_log()


def create_backend(settings: Settings, *, join: bool = False) -> Backend:
    """Open (and build when empty) the database and wire the domain.

    `join`: a worker process on a database another process prepared; it takes the saved
    clock and limits instead of starting its own."""
    conn = connect(settings.db)
    shared = SharedSettings(conn)
    clock = Clock(settings.start, frozen=settings.frozen_clock, store=shared)
    has_dataset = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'companies'"
    ).fetchone()
    # The dataset's timestamps count back from the clock's given start, else from a fixed
    # moment: never from the wall clock, so that a seed always answers the same.
    anchor = settings.start if settings.start is not None else REFERENCE_MOMENT
    if not has_dataset and settings.dataset_cache and settings.db == ":memory:":
        load_dataset(conn, settings.seed, settings.companies, anchor)
    elif not has_dataset:
        build_dataset(conn, settings.seed, settings.companies, anchor)
    elif not join:
        upgrade_dataset(conn)  # a file built by an older schema version
    create_state_schema(conn)
    rng: random.Random = (
        # Workers must not draw the same tokens: each gets its own stream of the seed.
        random.Random(f"{settings.random_seed}:{os.getpid()}" if join else settings.random_seed)
        if settings.random_seed is not None
        else random.SystemRandom()
    )
    cost = PASSWORD_COSTS[settings.password_cost]
    backend = Backend(conn, clock, rng, settings.seed, store=shared, password_cost=cost)
    if join:
        backend.refresh()
        return backend
    backend.publish()
    if settings.demo_account:
        ensure_demo_account(backend)
    return backend


def ensure_demo_account(backend: Backend) -> None:
    """Create the demo account `serve` prints, unless it exists."""
    try:
        backend.account_id(DEMO.user)
    except DomainError:
        try:
            backend.create_account(
                user=DEMO.user, password=DEMO.password, application_name=DEMO.application_name,
                credits=DEMO.credits, portal_password=DEMO.portal_password,
            )  # fmt: skip
        except InvalidInput:
            # Another worker process created it in the meantime; anything else goes on.
            backend.account_id(DEMO.user)


def _operation(backend: Backend, handler: Callable[..., dict[str, Any]], operation_id: str) -> Any:
    """Wrap a handler: resolve the account, apply faults, pass the base URL when asked."""
    wants_base_url = "base_url" in inspect.signature(handler).parameters

    async def operation(**kwargs: Any) -> tuple[dict[str, Any], int, dict[str, str]]:
        token_info = kwargs.pop("token_info")
        kwargs.pop("user", None)
        account = token_info["user"][ACCOUNT_KEY]
        hit = backend.faults.pick(operation_id)
        if hit is not None:
            await strike(hit)
        if wants_base_url:
            kwargs["base_url"] = request_base_url().rstrip("/")
        # JSON, named: the spec lists XML beside it, which negotiation makes from the JSON.
        return handler(backend, account, **kwargs), 200, {"Content-Type": JSON}

    operation.__name__ = operation_id
    return operation


def create_app(settings: Settings | None = None, backend: Backend | None = None) -> AsyncApp:
    """A connexion AsyncApp serving spec/datacollectief.yaml with the stateful backend."""
    _configure_logging()
    settings = settings or Settings()
    backend = backend or create_backend(settings)
    table = {op_id: _operation(backend, fn, op_id) for op_id, fn in OPERATIONS.items()}
    # Outermost, so that it can drop the connection of the server underneath.
    middlewares = [FaultMiddleware, *default_middlewares()]
    app = FastAsyncApp(__name__, specification_dir=spec_dir(), middlewares=middlewares)
    app.add_api(
        "datacollectief.yaml",
        resolver=Resolver(function_resolver=table.__getitem__),
        strict_validation=True,
        validate_responses=settings.validate_responses,
        validator_map=validator_map(),
        security_map=security_map(backend),
        swagger_ui_options=SwaggerUIOptions(swagger_ui_path="/ui"),
    )
    journal: RequestJournal = Journal()
    workers = settings.workers > 1
    if workers and settings.db == ":memory:":
        raise ValueError("Several workers share a database file: give Settings.db a path.")
    if workers:
        # Outermost of the two, so the journal stamps the time every worker agrees on.
        app.add_middleware(
            WorkerMiddleware, position=MiddlewarePosition.BEFORE_EXCEPTION,
            refresh=backend.refresh, worker=os.getpid(),
        )  # fmt: skip
        journal = SharedJournal(connect(settings.db), os.getpid())
    app.add_middleware(
        JournalMiddleware, position=MiddlewarePosition.BEFORE_EXCEPTION, journal=journal,
        now=lambda: format_local(backend.clock.now()), skip=is_journal_request,
    )  # fmt: skip
    if settings.surface not in SURFACES:
        raise ValueError(f"Settings.surface is one of {', '.join(SURFACES)}: {settings.surface!r}")
    spec = load_spec()
    # Inside the journal; outside the size limits, so that their refusals negotiate XML too.
    app.add_middleware(
        XmlNegotiationMiddleware, position=MiddlewarePosition.BEFORE_EXCEPTION, spec=spec
    )
    # Inside the journal (which records the refusals), outside routing and validation.
    app.add_middleware(
        SizeLimitMiddleware, position=MiddlewarePosition.BEFORE_EXCEPTION,
        on_bad_input=backend.count_bad_request,
    )  # fmt: skip
    if not settings.strict_params:
        # Inside the journal, which lists what binding ignored.
        app.add_middleware(
            LenientBindingMiddleware, position=MiddlewarePosition.BEFORE_EXCEPTION, spec=spec
        )
    if settings.surface == "verified":
        # Inside binding, so it sees canonical paths; inside negotiation, which converts
        # the stripped answer.
        app.add_middleware(
            VerifiedSurfaceMiddleware, position=MiddlewarePosition.BEFORE_EXCEPTION, spec=spec
        )
    control = Control(backend, journal, ensure_demo_account if settings.demo_account else None)
    add_control_plane(
        app, control, token=settings.control_token, validate_responses=settings.validate_responses
    )
    # Every worker must accept the portal cookies the others signed.
    add_portal(app, backend, Signer(shared_secret(backend.conn, "portal")) if workers else None)
    install_error_handlers(app, backend.count_bad_request)
    app.backend = backend
    app.journal = journal
    return app
