"""Exchanges as fixture files, without credentials or personal data, and read back.

A fixture is one JSON object: the operation, the request (method, path, the query without
the three credentials, Accept, Content-Type, body) and the answer (status, reason phrase,
Content-Type and X-Error-Status, body). Names, e-mail addresses, telephone numbers, passwords
and free text are replaced by placeholders of the same shape (letters `x`/`X`, digits `0`,
the rest kept), so a fixture still matches the contract's schemas; so is any string holding
a credential or an e-mail address.
"""

from __future__ import annotations

import json
import re
import threading
import typing as t
from pathlib import Path
from urllib.parse import parse_qsl

from ..domain.errors import STATUS_HEADER
from .checks import Exchange

__all__ = [
    "CREDENTIALS",
    "Recorder",
    "exchange_of",
    "fixture_of",
    "placeholder",
    "read_fixtures",
    "scrub",
]

#: The query parameters that carry the credentials (dropped from a fixture's URL).
CREDENTIALS = frozenset({"user", "password", "applicationname"})
#: Members and parameters holding personal data or secrets (matched in lower case).
_PERSONAL = frozenset({
    "name", "firstname", "initials", "contactname", "companyname", "email", "telephone",
    "mobilephone", "user", "newuser", "password", "newpassword", "memo", "otherreason",
    "department", "code",
})  # fmt: skip
_EMAIL = re.compile(r"[^\s@<>\"']+@[^\s@<>\"']+")
_XML_TEXT = re.compile(r"<(?P<tag>[A-Za-z_][\w.-]*)>(?P<text>[^<]*)</(?P=tag)>")
_KEPT_HEADERS = ("content-type", STATUS_HEADER.lower())
#: A wire date (a record's `Timestamps` name their members after the personal ones).
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?")


def placeholder(text: str) -> str:
    """`text` with each letter as `x`/`X` and each digit as `0`, the rest kept."""
    return "".join(
        ("X" if char.isupper() else "x") if char.isalpha() else "0" if char.isdigit() else char
        for char in text
    )


def _scrub_text(text: str, secrets: t.Collection[str]) -> str:
    for secret in secrets:
        if secret and secret in text:
            text = text.replace(secret, placeholder(secret))
    return _EMAIL.sub(lambda match: placeholder(match[0]), text)


def scrub(value: t.Any, secrets: t.Collection[str], key: str | None = None) -> t.Any:
    """`value` (parsed JSON) with personal members and secrets replaced, at any depth."""
    if isinstance(value, dict):
        return {name: scrub(item, secrets, name) for name, item in value.items()}
    if isinstance(value, list):
        return [scrub(item, secrets, key) for item in value]
    if isinstance(value, str):
        if key is not None and key.lower() in _PERSONAL and not _DATE.fullmatch(value):
            return placeholder(value)
        return _scrub_text(value, secrets)
    return value


def _scrub_xml(text: str, secrets: t.Collection[str]) -> str:
    def element(match: re.Match[str]) -> str:
        if match["tag"].lower() not in _PERSONAL:
            return match[0]
        return f"<{match['tag']}>{placeholder(match['text'])}</{match['tag']}>"

    return _scrub_text(_XML_TEXT.sub(element, text), secrets)


def _body(raw: bytes, content_type: str | None, secrets: t.Collection[str]) -> t.Any:
    """A body for a fixture: parsed JSON, else text, both scrubbed; None when empty."""
    if not raw:
        return None
    text = raw.decode("utf-8", errors="replace")
    if content_type and "json" in content_type:
        try:
            return {"json": scrub(json.loads(text), secrets)}
        except ValueError:
            pass
    return {"text": _scrub_xml(text, secrets)}


def fixture_of(
    exchange: Exchange,
    query: bytes,
    request_body: bytes,
    operation: str | None,
) -> dict[str, t.Any]:
    """The fixture of one exchange: nothing personal, no credential."""
    pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True)
    secrets = sorted({v for k, v in pairs if k.lower() in CREDENTIALS and len(v) >= 3}, key=len)
    secrets.reverse()  # the longest first, so no shorter secret splits a longer one
    kept = [
        [name, placeholder(value) if name.lower() in _PERSONAL else _scrub_text(value, secrets)]
        for name, value in pairs
        if name.lower() not in CREDENTIALS
    ]
    return {
        "operationId": operation,
        "request": {
            "method": exchange.method,
            "path": exchange.path,
            "query": kept,
            "accept": exchange.accept,
            "contentType": exchange.request_type,
            "body": _body(request_body, exchange.request_type, secrets),
        },
        "response": {
            "status": exchange.status,
            "reason": exchange.reason,
            "headers": {k: v for k, v in exchange.headers.items() if k in _KEPT_HEADERS},
            "body": _body(exchange.body, exchange.content_type, secrets),
        },
    }


def exchange_of(fixture: t.Mapping[str, t.Any]) -> Exchange:
    """The exchange a fixture records (its body as the bytes a client would read)."""
    request, response = fixture["request"], fixture["response"]
    body = response["body"]
    if body is None:
        raw = b""
    elif "json" in body:
        raw = json.dumps(body["json"]).encode()
    else:
        raw = body["text"].encode()
    return Exchange(
        request["method"], request["path"], request["accept"], response["status"],
        response["reason"], dict(response["headers"]), raw, request["contentType"],
    )  # fmt: skip


def read_fixtures(folder: Path) -> list[dict[str, t.Any]]:
    """Every fixture in `folder`, in the order they were recorded."""
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))]


class Recorder:
    """Writes fixtures into one folder, numbered in the order the exchanges ended."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self._lock = threading.Lock()
        self._next = len(list(folder.glob("*.json")))

    def write(self, fixture: t.Mapping[str, t.Any]) -> Path:
        """Write one fixture; returns its file."""
        with self._lock:
            number = self._next
            self._next += 1
        name = fixture["operationId"] or "unmatched"
        path = self.folder / f"{number:06d}-{name}-{fixture['response']['status']}.json"
        path.write_text(json.dumps(fixture, indent=1, ensure_ascii=False) + "\n", "utf-8")
        return path
