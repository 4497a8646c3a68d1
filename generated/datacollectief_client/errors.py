"""Contains shared errors types that can be raised from API functions"""

import json
import re
from collections.abc import Callable
from typing import Any

import httpx

from .models.error import Error


class UnexpectedStatus(Exception):
    """Raised by api functions when the response status an undocumented status and Client.raise_on_unexpected_status is True"""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content

        super().__init__(
            f"Unexpected status code: {status_code}\n\nResponse content:\n{content.decode(errors='ignore')}"
        )


#: The status name of each documented error code (the reason phrase the service sends with it).
STATUS_NAMES: dict[int, str] = {
    300: "UNKNOWN_REQUEST_TYPE",
    301: "UNKNOWN_LICENSE_NAME",
    302: "LICENSE_REVOKED",
    303: "LICENSE_ID_MISMATCH",
    304: "WRONG_PASSWORD",
    305: "UNKNOWN_APPLICATION",
    306: "INVALID_DATETIME_VALUE",
    307: "UNKNOWN_COMPANY_ID",
    308: "UNKNOWN_CONTACT_PERSON_ID",
    309: "UNKNOWN_SELECTION_ID",
    310: "INSUFFICIENT_CREDITS",
    311: "EXCEEDED_LIMIT_DAY",
    312: "EXCEEDED_LIMIT_HOUR",
    313: "EXCEEDED_LIMIT_IP",
    314: "DATABASE_TIMEOUT",
    315: "COMPANY_MUTATION_REFUSED",
    316: "CONTACT_MUTATION_REFUSED",
    317: "COMPANY_INACTIVE",
    318: "CONTACT_INACTIVE",
    319: "LICENSE_NOT_ALLOWED",
}

#: The header that carries the status name where no reason phrase can (ASGI servers, HTTP/2, a 304).
STATUS_HEADER = "X-Error-Status"

# A reason phrase that is a status name (`INSUFFICIENT_CREDITS`), not a standard phrase (`Not Modified`).
_STATUS_NAME = re.compile(r"[A-Z][A-Z0-9_]*")


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_model_state(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(messages, list) and all(isinstance(message, str) for message in messages)
        for messages in value.values()
    )


# The members the Error model knows, with the JSON type each must have to fill its field. A member of
# another type does not fill the field; it is kept as it came in `additional_properties`.
_MEMBERS: dict[str, Callable[[Any], bool]] = {
    "Message": _is_text,
    "MessageDetail": _is_text,
    "ModelState": _is_model_state,
    "ExceptionMessage": _is_text,
    "Code": _is_integer,
    "Status": _is_text,
}


def _json_object(response: httpx.Response) -> dict[str, Any]:
    """The body as a JSON object; any other body (empty, HTML, XML, a JSON list or string, invalid
    JSON, not UTF-8, or not read) counts as an empty object."""
    try:
        body = json.loads(response.content)
    except (ValueError, RecursionError, httpx.ResponseNotRead):  # ValueError: also UnicodeDecodeError
        return {}
    return body if isinstance(body, dict) else {}


def _reason_phrase(response: httpx.Response) -> str:
    """The reason phrase the server sent, else the standard one of the status, else ""."""
    try:
        return response.reason_phrase.strip()
    except AttributeError:  # a transport that put text, not bytes, in the `reason_phrase` extension
        return ""


def _status_name(response: httpx.Response, reason: str) -> str | None:
    """The status name from the `X-Error-Status` header, else from a reason phrase that looks like
    one, else the documented name of the HTTP status; None when there is none."""
    header: str = response.headers.get(STATUS_HEADER, "").strip()
    if header:
        return header
    if _STATUS_NAME.fullmatch(reason):
        return reason
    return STATUS_NAMES.get(response.status_code)


def parse_error(response: httpx.Response) -> Error:
    """Read an error answer into `Error`, whatever its body; never raises.

    A JSON object body fills the fields it has with the right type; every other member (unknown, or
    known with another type) is kept in `additional_properties`. Any other body counts as `{}`.
    `message` is the body's `Message`, else the reason phrase, else the status name, else "".
    `code` is the body's integer `Code`, else the HTTP status. `status` is the body's `Status`, else
    the `X-Error-Status` header, else the reason phrase when it is a status name, else
    `STATUS_NAMES[HTTP status]`, else unset.
    """
    members = _json_object(response)
    misfits = {
        name: members.pop(name) for name, fits in _MEMBERS.items() if name in members and not fits(members[name])
    }
    reason = _reason_phrase(response)
    status = members["Status"] if "Status" in members else _status_name(response, reason)
    if status is not None:
        members["Status"] = status
    members.setdefault("Code", response.status_code)
    members.setdefault("Message", reason or status or "")
    error = Error.from_dict(members)
    error.additional_properties.update(misfits)
    return error


__all__ = ["STATUS_HEADER", "STATUS_NAMES", "UnexpectedStatus", "parse_error"]
