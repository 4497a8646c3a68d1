"""What the proxy has seen: departures (each once, with a count) and the tally of inferred facts."""

from __future__ import annotations

import json
import logging
import threading
import typing as t

from .checks import ERRORS, OPERATION_FACT, Departure, Exchange, check
from .contract import Contract

__all__ = ["Ledger", "render_report"]

logger = logging.getLogger("mockserver.proxy")
CONFIRMED, REFUTED, NEVER_SEEN = "confirmed", "refuted", "never seen"


class Ledger:
    """Checks exchanges and keeps their departures and the inferred facts they showed."""

    def __init__(self, contract: Contract, log: t.Callable[[str], None] | None = None) -> None:
        self.contract = contract
        self.log = log or logger.warning
        self._lock = threading.Lock()
        self._departures: dict[tuple[str, int, str, str], Departure] = {}
        self._counts: dict[tuple[str, int, str, str], int] = {}
        #: (scope, fact) -> [exchanges showing it present, exchanges showing it absent]
        self._tally: dict[tuple[str, str], list[int]] = {}
        self._exchanges: dict[str, int] = {}
        self.unmatched = 0

    def record(self, exchange: Exchange) -> list[Departure]:
        """Check `exchange`; log and keep each departure not seen before; return them all."""
        finding = check(self.contract, exchange)
        with self._lock:
            if finding.operation is None:
                self.unmatched += 1
                return []
            self._exchanges[finding.operation] = self._exchanges.get(finding.operation, 0) + 1
            for fact, present in finding.facts.items():
                self._tally.setdefault(fact, [0, 0])[0 if present else 1] += 1
            for departure in finding.departures:
                key = departure.key
                self._counts[key] = self._counts.get(key, 0) + 1
                if key not in self._departures:
                    self._departures[key] = departure
                    self.log(json.dumps({"departure": departure.as_dict()}, sort_keys=True))
        return finding.departures

    def departures(self) -> list[dict[str, t.Any]]:
        """Every distinct departure, first seen first, with how often it was seen."""
        with self._lock:
            return [
                {**departure.as_dict(), "count": self._counts[key]}
                for key, departure in self._departures.items()
            ]

    def report(self) -> dict[str, t.Any]:
        """Per operation (and for error answers), the inferred facts confirmed, refuted or
        never seen."""
        with self._lock:
            operations: dict[str, t.Any] = {}
            for scope, facts in self._facts().items():
                entry: dict[str, t.Any] = {
                    "exchanges": self._exchanges.get(scope, 0),
                    CONFIRMED: [], REFUTED: [], NEVER_SEEN: [],
                }  # fmt: skip
                if scope == ERRORS:
                    del entry["exchanges"]
                for fact in facts:
                    present, absent = self._tally.get((scope, fact), [0, 0])
                    verdict = CONFIRMED if present else REFUTED if absent else NEVER_SEEN
                    entry[verdict].append(fact)
                operations[scope] = entry
            return {
                "exchanges": sum(self._exchanges.values()) + self.unmatched,
                "unmatched": self.unmatched,
                "departures": len(self._departures),
                "operations": operations,
            }

    def _facts(self) -> dict[str, list[str]]:
        """Every inferred fact of the contract, by operation; error answers under `error`."""
        facts: dict[str, list[str]] = {}
        errors: dict[str, None] = {"header X-Error-Status": None}
        for operation in self.contract.all():
            own = facts.setdefault(operation.operation_id, [])
            if operation.inferred:
                own.append(OPERATION_FACT)
            label = "inferred" if operation.inferred else None
            for status in sorted(operation.statuses()):
                schema = self.contract.schema(operation, status, "application/json")
                if schema is None:
                    continue
                for member in self.contract.inferred_members(schema, label):
                    if status >= 300:
                        errors[member.pattern] = None
                    else:
                        own.append(f"{status} {member.pattern}")
        facts[ERRORS] = list(errors)
        return facts


def render_report(report: dict[str, t.Any], departures: list[dict[str, t.Any]]) -> str:
    """The report as text: a line per operation seen or with inferred facts, then the
    refuted facts and the departures."""
    lines = [
        f"{report['exchanges']} exchanges ({report['unmatched']} outside the contract),"
        f" {report['departures']} distinct departures",
        "",
        f"{'inferred facts of':<28} {'seen':>5} {'confirmed':>9} {'refuted':>8} {'never seen':>10}",
    ]
    for name, entry in report["operations"].items():
        counts = [len(entry[verdict]) for verdict in (CONFIRMED, REFUTED, NEVER_SEEN)]
        seen = entry.get("exchanges", "-")
        if any(counts) or seen:
            lines.append(f"{name:<28} {seen:>5} {counts[0]:>9} {counts[1]:>8} {counts[2]:>10}")
    refuted = [
        f"  {name}: {fact}"
        for name, entry in report["operations"].items()
        for fact in entry[REFUTED]
    ]
    if refuted:
        lines += ["", "Refuted (seen, and always absent):", *refuted]
    if departures:
        lines += ["", "Departures:"]
        lines += [
            f"  {d['operation']} {d['status']} {d['kind']} {d['pointer'] or '-'}: {d['detail']}"
            f" (x{d['count']})"
            for d in departures
        ]
    return "\n".join(lines)
