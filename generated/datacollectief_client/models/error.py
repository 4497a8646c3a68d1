from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_model_state import ErrorModelState


T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """The service's error shape, ASP.NET Web API's `HttpError`: `Message` is documented; the mock adds the code and the
    status name, and ASP.NET adds `MessageDetail`, `ModelState` (400) or `ExceptionMessage` where it has them. A client
    takes the code from the HTTP status and the status name from the reason phrase (or `X-Error-Status`).

        Attributes:
            message (str): What went wrong: the documented text of the code.
            message_detail (str | Unset): More about what went wrong (ASP.NET `HttpError`).
            model_state (ErrorModelState | Unset): 400: each invalid parameter (or body member) with its messages (ASP.NET
                `HttpError`).
            exception_message (str | Unset): The exception's message, when the service shows it (ASP.NET `HttpError`).
            code (int | Unset): The service's error code; equal to the HTTP status. Example: 310.
            status (str | Unset): The status name, e.g. `INSUFFICIENT_CREDITS`. Example: INSUFFICIENT_CREDITS.
    """

    message: str
    message_detail: str | Unset = UNSET
    model_state: ErrorModelState | Unset = UNSET
    exception_message: str | Unset = UNSET
    code: int | Unset = UNSET
    status: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        message_detail = self.message_detail

        model_state: dict[str, Any] | Unset = UNSET
        if not isinstance(self.model_state, Unset):
            model_state = self.model_state.to_dict()

        exception_message = self.exception_message

        code = self.code

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Message": message,
            }
        )
        if message_detail is not UNSET:
            field_dict["MessageDetail"] = message_detail
        if model_state is not UNSET:
            field_dict["ModelState"] = model_state
        if exception_message is not UNSET:
            field_dict["ExceptionMessage"] = exception_message
        if code is not UNSET:
            field_dict["Code"] = code
        if status is not UNSET:
            field_dict["Status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_model_state import ErrorModelState  # noqa: PLC0415

        d = dict(src_dict)
        message = d.pop("Message")

        message_detail = d.pop("MessageDetail", UNSET)

        _model_state = d.pop("ModelState", UNSET)
        model_state: ErrorModelState | Unset
        if isinstance(_model_state, Unset):
            model_state = UNSET
        else:
            model_state = ErrorModelState.from_dict(_model_state)

        exception_message = d.pop("ExceptionMessage", UNSET)

        code = d.pop("Code", UNSET)

        status = d.pop("Status", UNSET)

        error = cls(
            message=message,
            message_detail=message_detail,
            model_state=model_state,
            exception_message=exception_message,
            code=code,
            status=status,
        )

        error.additional_properties = d
        return error

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
