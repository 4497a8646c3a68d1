"""Control handlers for accounts: create, credits, subscription, links, ledger, owned, feedback."""

from __future__ import annotations

from typing import Any

from ..domain.records import COMPANY, CONTACT
from .context import Control, local

__all__ = [
    "add_credits",
    "create_account",
    "disconnect",
    "feedback",
    "issue_activation_code",
    "ledger",
    "owned",
    "set_subscription",
]


def create_account(control: Control, body: Any = None) -> tuple[dict[str, Any], int]:
    """POST /accounts (the body is optional)."""
    body = body if isinstance(body, dict) else {}
    account = control.backend.create_account(
        user=body.get("user"),
        password=body.get("password"),
        application_name=body.get("applicationName"),
        credits=body.get("credits", 0),
        subscription=body.get("subscription", False),
        portal_password=body.get("portalPassword"),
    )
    return {
        "user": account.user,
        "password": account.password,
        "applicationName": account.application_name,
        "portalPassword": account.portal_password,
    }, 201


def add_credits(control: Control, user: str, body: dict[str, Any]) -> dict[str, Any]:
    """POST /accounts/{user}/credits."""
    return {"balance": control.backend.add_credits(user, body["credits"])}


def set_subscription(control: Control, user: str, body: dict[str, Any]) -> dict[str, Any]:
    """PUT /accounts/{user}/subscription."""
    control.backend.set_subscription(user, body["subscription"])
    return {"subscription": body["subscription"]}


def issue_activation_code(
    control: Control, user: str, body: dict[str, Any]
) -> tuple[dict[str, Any], int]:
    """POST /accounts/{user}/activation-codes."""
    code, portal_password = control.backend.activation_code(user, body["applicationName"])
    return {"code": code, "portalPassword": portal_password or None}, 201


def disconnect(control: Control, user: str, applicationName: str | None = None) -> dict[str, Any]:
    """DELETE /accounts/{user}/link."""
    return {"revoked": control.backend.disconnect(user, applicationName)}


def ledger(control: Control, user: str) -> dict[str, Any]:
    """GET /accounts/{user}/ledger."""
    entries = control.backend.ledger(user)
    return {
        "entries": [
            {
                "id": entry["id"],
                "at": local(entry["at"]),  # type: ignore[arg-type]
                "kind": entry["kind"],
                "amount": entry["amount"],
                "subject": entry["subject"],
                "subjectId": entry["subject_id"],
            }
            for entry in entries
        ],
        "balance": sum(int(entry["amount"]) for entry in entries),  # type: ignore[call-overload]
    }


def owned(control: Control, user: str) -> dict[str, Any]:
    """GET /accounts/{user}/owned."""

    def shape(rows: list[dict[str, int]]) -> list[dict[str, Any]]:
        return [
            {
                "id": row["record_id"],
                "ownedFrom": local(row["owned_from"]),
                "ownedUntil": local(row["owned_until"]),
            }
            for row in rows
        ]

    backend = control.backend
    return {
        "companies": shape(backend.owned(user, COMPANY)),
        "contacts": shape(backend.owned(user, CONTACT)),
    }


def feedback(control: Control, user: str) -> list[dict[str, Any]]:
    """GET /accounts/{user}/feedback."""
    return [
        {
            "id": item["id"],
            "subject": item["subject"],
            "subjectId": item["subject_id"],
            "reasonId": item["reason_id"],
            "otherReason": item["other_reason"],
            "memo": item["memo"],
            "changes": item["changes"],
            "status": item["status"],
            "creditsAwarded": item["credits_awarded"],
            "receivedAt": local(item["received_at"]),  # type: ignore[arg-type]
        }
        for item in control.backend.feedback(user)
    ]
