"""The one table from control-plane operationId to handler, and its mounting under /_mock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..domain.errors import DomainError, ErrorCode
from ..http.errors import MESSAGES
from ..http.framework import AsyncApp, MiddlewarePosition, Resolver, SwaggerUIOptions
from ..http.validation import validator_map
from ..settings import spec_dir
from . import accounts, clock, faults, limits, records, reset_and_journal, websites
from .access import PREFIX, ControlAccess
from .context import Control, NotFound, error

__all__ = ["OPERATIONS", "SPEC", "add_control_plane"]

SPEC = "control.yaml"

#: operationId in spec/control.yaml -> handler(control, **params).
OPERATIONS: dict[str, Callable[..., Any]] = {
    "resetState": reset_and_journal.reset_state,
    "createAccount": accounts.create_account,
    "addCredits": accounts.add_credits,
    "setSubscription": accounts.set_subscription,
    "issueActivationCode": accounts.issue_activation_code,
    "disconnectApplication": accounts.disconnect,
    "getLedger": accounts.ledger,
    "getOwned": accounts.owned,
    "getFeedback": accounts.feedback,
    "setFeedbackStatus": records.set_feedback_status,
    "getClock": clock.get_clock,
    "setClock": clock.set_clock,
    "advanceClock": clock.advance_clock,
    "saveSelection": records.save_selection,
    "patchCompany": records.patch_company,
    "patchContact": records.patch_contact,
    "seedWebsite": websites.seed_website,
    "listFaults": faults.list_faults,
    "addFault": faults.add_fault,
    "clearFaults": faults.clear_faults,
    "getLimits": limits.get_limits,
    "setLimits": limits.set_limits,
    "getJournal": reset_and_journal.get_journal,
    "clearJournal": reset_and_journal.clear_journal,
}

#: Service codes for an unknown user, company or contact: plain 404s on the control plane.
_NOT_FOUND = frozenset(
    {
        ErrorCode.UNKNOWN_LICENSE_NAME,
        ErrorCode.UNKNOWN_COMPANY_ID,
        ErrorCode.UNKNOWN_CONTACT_PERSON_ID,
    }
)


def _operation(control: Control, handler: Callable[..., Any], operation_id: str) -> Any:
    """Wrap a handler: pass the control state, answer unknown things with 404."""

    async def operation(**kwargs: Any) -> Any:
        try:
            return handler(control, **kwargs)
        except NotFound as exc:
            return error(404, exc.detail)
        except DomainError as exc:
            if exc.code in _NOT_FOUND:
                return error(404, exc.detail or MESSAGES[exc.code.value])
            raise

    operation.__name__ = operation_id
    return operation


def add_control_plane(
    app: AsyncApp, control: Control, *, token: str | None, validate_responses: bool
) -> None:
    """Serve spec/control.yaml under /_mock, for loopback clients or holders of `token`."""
    table = {op_id: _operation(control, fn, op_id) for op_id, fn in OPERATIONS.items()}
    app.add_api(
        spec_dir() / SPEC,
        base_path=PREFIX,
        resolver=Resolver(function_resolver=table.__getitem__),
        strict_validation=True,
        validate_responses=validate_responses,
        validator_map=validator_map(),
        swagger_ui_options=SwaggerUIOptions(swagger_ui_path="/ui"),
    )
    app.add_middleware(ControlAccess, position=MiddlewarePosition.BEFORE_EXCEPTION, token=token)
