"""What control-plane handlers work on: the backend, the journal and the reset hook."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from starlette.responses import Response

from ..domain.backend import Backend
from ..domain.clock import format_local
from ..http.errors import error_response
from ..http.journal import RequestJournal

__all__ = ["Control", "NotFound", "error", "local"]


@dataclass(frozen=True)
class Control:
    """The state one control plane acts on."""

    backend: Backend
    journal: RequestJournal
    #: Runs after a reset (e.g. to create the demo account again).
    on_reset: Callable[[Backend], None] | None = None


def local(moment: int | None) -> str | None:
    """Epoch seconds as the wire's `yyyy-MM-dd HH:mm:ss` (Amsterdam)."""
    return None if moment is None else format_local(int(moment))


class NotFound(Exception):
    """A control-plane request named something that does not exist (404)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def error(status: int, detail: str | None = None) -> Response:
    """An error in the API's format as a plain Starlette response."""
    answer = error_response(status, detail)
    return Response(
        content=answer.body,
        status_code=answer.status_code,
        headers=dict(answer.headers or {}),
        media_type=answer.mimetype,
    )
