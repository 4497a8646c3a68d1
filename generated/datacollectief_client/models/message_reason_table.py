from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.message_reason import MessageReason


T = TypeVar("T", bound="MessageReasonTable")


@_attrs_define
class MessageReasonTable:
    """
    Attributes:
        base_table_message_reason (list[MessageReason] | Unset):
    """

    base_table_message_reason: list[MessageReason] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base_table_message_reason: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.base_table_message_reason, Unset):
            base_table_message_reason = []
            for base_table_message_reason_item_data in self.base_table_message_reason:
                base_table_message_reason_item = base_table_message_reason_item_data.to_dict()
                base_table_message_reason.append(base_table_message_reason_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if base_table_message_reason is not UNSET:
            field_dict["BaseTableMessageReason"] = base_table_message_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.message_reason import MessageReason  # noqa: PLC0415

        d = dict(src_dict)
        _base_table_message_reason = d.pop("BaseTableMessageReason", UNSET)
        base_table_message_reason: list[MessageReason] | Unset = UNSET
        if _base_table_message_reason is not UNSET:
            base_table_message_reason = []
            for base_table_message_reason_item_data in _base_table_message_reason:
                base_table_message_reason_item = MessageReason.from_dict(base_table_message_reason_item_data)

                base_table_message_reason.append(base_table_message_reason_item)

        message_reason_table = cls(
            base_table_message_reason=base_table_message_reason,
        )

        message_reason_table.additional_properties = d
        return message_reason_table

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
