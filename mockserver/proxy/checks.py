"""One exchange against the contract: its departures and what it shows of the inferred facts."""

from __future__ import annotations

import json
import typing as t
from dataclasses import asdict, dataclass, field

from ..domain.errors import REASON_PHRASES, STATUS_HEADER, ErrorCode
from ..provenance import resolve
from .contract import ANY_ITEM, Contract, Operation, walk

__all__ = [
    "ERRORS",
    "OPERATION_FACT",
    "Departure",
    "Exchange",
    "Finding",
    "check",
    "media_type",
]

#: The status names the service sends as reason phrases (its codes 300-319).
#: The fact that an inferred operation exists at all.
OPERATION_FACT = "operation"
#: The scope of facts about error answers, which every operation shares.
ERRORS = "error"
_UNSUPPORTED_MEDIA_TYPE = 415


@dataclass(frozen=True)
class Exchange:
    """What the proxy saw: the request's method, path and Accept, and the whole answer."""

    method: str
    path: str
    accept: str | None
    status: int
    reason: str
    headers: dict[str, str]
    body: bytes
    #: The request's Content-Type, if it had a body.
    request_type: str | None = None

    @property
    def content_type(self) -> str | None:
        """The answer's media type (without parameters), if any."""
        return media_type(self.headers.get("content-type"))


@dataclass(frozen=True)
class Departure:
    """One way an answer departs from the contract."""

    operation: str
    status: int
    kind: str
    pointer: str
    detail: str
    pattern: str = ""

    @property
    def key(self) -> tuple[str, int, str, str]:
        """What makes two departures the same (array items count once)."""
        return self.operation, self.status, self.kind, self.pattern or self.pointer

    def as_dict(self) -> dict[str, t.Any]:
        """The departure as one JSON object."""
        found = asdict(self)
        del found["pattern"]
        return found


@dataclass
class Finding:
    """The outcome of one exchange."""

    operation: str | None
    departures: list[Departure] = field(default_factory=list)
    #: (scope, fact) -> seen present (True) or absent (False).
    facts: dict[tuple[str, str], bool] = field(default_factory=dict)


def media_type(value: str | None) -> str | None:
    """`type/subtype` of a Content-Type or media range, lower case."""
    if not value:
        return None
    return value.split(";", 1)[0].strip().lower() or None


def _accepts(accept: str | None, answered: str) -> bool:
    if not accept:
        return True
    for item in accept.split(","):
        wanted = media_type(item)
        if wanted in (None, "*/*", answered) or (
            wanted.endswith("/*") and answered.startswith(wanted[:-1])
        ):
            return True
    return False


def check(contract: Contract, exchange: Exchange) -> Finding:
    """Every departure of `exchange` from the contract, and the inferred facts it shows."""
    operation = contract.match(exchange.method, exchange.path)
    if operation is None:
        return Finding(None)
    name = operation.operation_id
    finding = Finding(name)
    if operation.inferred:
        exists = exchange.status != ErrorCode.UNKNOWN_REQUEST_TYPE
        finding.facts[(name, OPERATION_FACT)] = exists

    def depart(kind: str, pointer: str, detail: str, pattern: str = "") -> None:
        departure = Departure(name, exchange.status, kind, pointer, detail, pattern)
        finding.departures.append(departure)

    status = exchange.status
    if status == _UNSUPPORTED_MEDIA_TYPE and not _takes(contract, operation, exchange.request_type):
        return finding  # the request left the contract: ASP.NET's answer to it is not checked
    expected = REASON_PHRASES.get(status)
    if expected is not None and exchange.reason != expected:
        depart("reason-phrase", "", f"reason phrase {exchange.reason!r}, not {expected!r}")
    if status not in operation.statuses():
        depart("status", "", f"status {status} is not documented for {name}")
        return finding
    _check_content_type(operation, exchange, depart)
    if status >= 300:
        present = STATUS_HEADER.lower() in exchange.headers
        finding.facts[(ERRORS, "header X-Error-Status")] = present
    _check_body(contract, operation, exchange, finding, depart)
    return finding


def _takes(contract: Contract, operation: Operation, request_type: str | None) -> bool:
    """Whether the operation documents a request body of this media type."""
    body = resolve(contract.spec, operation.definition.get("requestBody")) or {}
    content = body.get("content", {})
    return media_type(request_type) in content


def _check_content_type(
    operation: Operation, exchange: Exchange, depart: t.Callable[..., None]
) -> None:
    documented = operation.media_types(exchange.status)
    answered = exchange.content_type
    if answered is None:
        if exchange.body and documented:
            depart("content-type", "", "an answer body without Content-Type")
        return
    if documented and answered not in documented:
        depart("content-type", "", f"{answered} is not documented (only {sorted(documented)})")
    elif not _accepts(exchange.accept, answered):
        depart("content-type", "", f"{answered} answered to Accept: {exchange.accept}")


def _check_body(
    contract: Contract,
    operation: Operation,
    exchange: Exchange,
    finding: Finding,
    depart: t.Callable[..., None],
) -> None:
    if exchange.content_type != "application/json" or not exchange.body:
        return
    schema = contract.schema(operation, exchange.status, "application/json")
    if schema is None:
        return
    try:
        body = json.loads(exchange.body)
    except ValueError:
        depart("body", "", "the body is not JSON")
        return
    for pointer, complaint in contract.errors(schema, body):
        depart("schema", pointer, complaint, _pattern(pointer))
    for pointer, pattern, label in walk(contract.spec, schema, body):
        if label == "undeclared":
            depart("undeclared-member", pointer, "a member the contract does not declare", pattern)
    scope = ERRORS if exchange.status >= 300 else operation.operation_id
    label = "inferred" if operation.inferred else None
    for member in contract.inferred_members(schema, label):
        fact = member.pattern if scope == ERRORS else f"{exchange.status} {member.pattern}"
        for pointer, parent in _objects(body, member.parent):
            present = member.name in parent
            if member.situational and not present:
                continue
            finding.facts[(scope, fact)] = finding.facts.get((scope, fact), False) or present
            if not present:
                where = f"{pointer}/{member.pattern.rsplit('/', 1)[1]}"
                depart("inferred-absent", where, "an inferred member is absent", member.pattern)


def _pattern(pointer: str) -> str:
    return "/".join(ANY_ITEM if part.isdigit() else part for part in pointer.split("/"))


def _objects(
    value: t.Any, pattern: str, pointer: str = ""
) -> t.Iterator[tuple[str, dict[str, t.Any]]]:
    """(pointer, object) of every object of `value` at `pattern`."""
    if not pattern:
        if isinstance(value, dict):
            yield pointer, value
        return
    step, _, rest = pattern[1:].partition("/")
    rest = f"/{rest}" if rest else ""
    if step == ANY_ITEM:
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from _objects(item, rest, f"{pointer}/{index}")
        return
    name = step.replace("~1", "/").replace("~0", "~")
    if isinstance(value, dict) and name in value:
        yield from _objects(value[name], rest, f"{pointer}/{step}")
