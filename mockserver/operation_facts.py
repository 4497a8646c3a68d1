"""Per-operation facts of the contract, kept as vendor extensions on the operations of the spec.

- `x-credits`: what a successful call does to the balance. `charges: n` costs n credits
  (counted in `CreditsUsed`; 310 when the balance cannot pay), `unless: owned` makes it free
  while the account owns the answered record; `awards: n` earns n credits (counted in
  `CreditsFromWUS`), `or-charges: n` beside it costs n instead when the service refuses the
  contribution. Without `x-credits` an operation is free.
- `x-account-write: true`: the call changes the calling account's ownership, mutations or
  ledger (and no other account's).
- `x-owned-read: {refused: <status>}`: the call reads an object the account owns by its key
  (a selection, a website); another account asking for it gets `<status>`. `with: <parameter>`
  limits that to calls that send the parameter (CompanyList pages a selection only with
  `selectionId`; without it, it is a search of everybody's data).
- `x-business-statuses: {<status>: <reason>}`: what a schema-valid request may still answer
  besides 200, by a business rule the schema cannot express, and why.
- `x-invalid-statuses: {<status>: <reason>}`: what a schema-invalid request may answer
  besides 400 (the documented code of a malformed date), and why.

Read by the tests (the contract checks, the schemathesis expectations, the ledger's kinds),
never by the mock at import time. `problems` checks the vocabulary.
"""

from __future__ import annotations

import typing as t
from dataclasses import dataclass

from .provenance import Labelled, operations, resolve

__all__ = [
    "CREDENTIAL_AND_LIMIT_STATUSES",
    "Credits",
    "OwnedRead",
    "account_writes",
    "business_statuses",
    "credits",
    "invalid_statuses",
    "owned_reads",
    "problems",
    "record_of",
]

#: What any operation may answer whatever it is asked: the credential and limit codes, and 400.
CREDENTIAL_AND_LIMIT_STATUSES = frozenset({301, 302, 304, 305, 311, 312, 313, 314, 400})
_CREDIT_KEYS = frozenset({"charges", "unless", "awards", "or-charges"})
_UNLESS = frozenset({"owned"})
_OWNED_READ_KEYS = frozenset({"refused", "with"})


@dataclass(frozen=True)
class Credits:
    """An operation's `x-credits`: what it charges and awards (0: nothing)."""

    charges: int = 0
    unless: str | None = None
    awards: int = 0
    or_charges: int = 0

    @property
    def can_charge(self) -> bool:
        """Whether a call may cost credits (and so answer 310)."""
        return bool(self.charges or self.or_charges)


@dataclass(frozen=True)
class OwnedRead:
    """An operation's `x-owned-read`: another account's answer, and the parameter it needs."""

    refused: int
    with_parameter: str | None = None


def _by_operation(spec: Labelled, key: str) -> dict[str, t.Any]:
    return {op["operationId"]: op[key] for _, _, op in operations(spec) if key in op}


def credits(spec: Labelled) -> dict[str, Credits]:
    """operationId -> its `x-credits`, for the operations that charge or award credits."""
    return {
        operation: Credits(
            charges=int(value.get("charges", 0)),
            unless=value.get("unless"),
            awards=int(value.get("awards", 0)),
            or_charges=int(value.get("or-charges", 0)),
        )
        for operation, value in _by_operation(spec, "x-credits").items()
    }


def account_writes(spec: Labelled) -> frozenset[str]:
    """The operationIds marked `x-account-write: true`."""
    return frozenset(op for op, value in _by_operation(spec, "x-account-write").items() if value)


def owned_reads(spec: Labelled) -> dict[str, OwnedRead]:
    """operationId -> its `x-owned-read`."""
    return {
        operation: OwnedRead(int(value["refused"]), value.get("with"))
        for operation, value in _by_operation(spec, "x-owned-read").items()
    }


def _statuses(spec: Labelled, key: str) -> dict[str, dict[int, str]]:
    return {
        operation: {int(status): str(reason) for status, reason in value.items()}
        for operation, value in _by_operation(spec, key).items()
    }


def business_statuses(spec: Labelled) -> dict[str, dict[int, str]]:
    """operationId -> {status: reason} a schema-valid request may answer besides 200."""
    return _statuses(spec, "x-business-statuses")


def invalid_statuses(spec: Labelled) -> dict[str, dict[int, str]]:
    """operationId -> {status: reason} a schema-invalid request may answer besides 400."""
    return _statuses(spec, "x-invalid-statuses")


def record_of(spec: Labelled, operation: Labelled) -> tuple[str, str]:
    """The record a 200 answers: its schema's name (`Company`) and its own id member (`Id`).

    The id member is the one named `id` in any casing (`Id` of a company, `ID` of a contact)."""
    answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
    name = str(answer["$ref"]).rsplit("/", 1)[-1]
    members = resolve(spec, answer)["properties"]
    return name, next(member for member in members if member.lower() == "id")


def problems(spec: Labelled) -> list[str]:
    """Every malformed or inconsistent use of the extensions above."""
    found: list[str] = []
    for path, method, operation in operations(spec):
        where = f"{method.upper()} {path}"
        documented = {int(status) for status in operation.get("responses", {})}
        parameters = {resolve(spec, p)["name"] for p in operation.get("parameters", [])}
        found += _credit_problems(spec, where, operation)
        write = operation.get("x-account-write")
        if write is not None and write is not True:
            found.append(f"{where}: x-account-write must be true")
        if "x-credits" in operation and write is not True:
            found.append(f"{where}: moves credits, so it is an x-account-write")
        found += _owned_read_problems(where, operation.get("x-owned-read"), documented, parameters)
        explained: set[int] = set()
        for key in ("x-business-statuses", "x-invalid-statuses"):
            value = operation.get(key)
            if value is None:
                continue
            if not isinstance(value, dict) or not value:
                found.append(f"{where}: {key} must map statuses to reasons")
                continue
            for status, reason in value.items():
                if not str(status).isdigit() or int(status) not in documented:
                    found.append(f"{where}: {key} lists {status}, not one of its responses")
                elif not isinstance(reason, str) or not reason.strip():
                    found.append(f"{where}: {key} gives no reason for {status}")
                else:
                    explained.add(int(status))
        unexplained = documented - explained - CREDENTIAL_AND_LIMIT_STATUSES - {200}
        if unexplained:
            found.append(f"{where}: no x-business-statuses reason for {sorted(unexplained)}")
    return found


def _owned_read_problems(
    where: str, owned: t.Any, documented: set[int], parameters: set[str]
) -> list[str]:
    if owned is None:
        return []
    if not isinstance(owned, dict) or "refused" not in owned or set(owned) - _OWNED_READ_KEYS:
        return [f"{where}: x-owned-read must be {{refused: <status>[, with: <parameter>]}}"]
    found = []
    if owned["refused"] not in documented:
        found.append(f"{where}: x-owned-read refuses with an undocumented status")
    if owned.get("with") is not None and owned["with"] not in parameters:
        found.append(f"{where}: x-owned-read `with` names no parameter")
    return found


def _credit_problems(spec: Labelled, where: str, operation: Labelled) -> list[str]:
    value = operation.get("x-credits")
    if value is None:
        return []
    if not isinstance(value, dict) or set(value) - _CREDIT_KEYS:
        return [f"{where}: x-credits takes only {sorted(_CREDIT_KEYS)}"]
    found = []
    for key in ("charges", "awards", "or-charges"):
        if key in value and (type(value[key]) is not int or value[key] < 1):
            found.append(f"{where}: x-credits {key} must be a positive integer")
    if not {"charges", "awards"} & set(value):
        found.append(f"{where}: x-credits neither charges nor awards")
    if "unless" in value:
        if "charges" not in value or value["unless"] not in _UNLESS:
            found.append(f"{where}: x-credits `unless: owned` goes with `charges`")
        else:
            try:
                record_of(spec, operation)
            except (KeyError, StopIteration):
                found.append(f"{where}: `unless: owned` needs a 200 record with an id member")
    if "or-charges" in value and "awards" not in value:
        found.append(f"{where}: x-credits `or-charges` goes with `awards`")
    if ("charges" in value or "or-charges" in value) and 310 not in {
        int(s) for s in (operation.get("x-business-statuses") or {})
    }:
        found.append(f"{where}: charges credits, so x-business-statuses lists 310")
    return found
