from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.id_item import IdItem


T = TypeVar("T", bound="UpdatedContactsV1Result")


@_attrs_define
class UpdatedContactsV1Result:
    """The v1 answer; its shape is not public, so the mock answers the `UpdatedContactsV2` shape.

    Attributes:
        last_changed_date (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339).
            Example: 2026-11-30 14:05:00.
        updated_contacts (list[IdItem] | Unset):
    """

    last_changed_date: str | Unset = UNSET
    updated_contacts: list[IdItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        last_changed_date = self.last_changed_date

        updated_contacts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.updated_contacts, Unset):
            updated_contacts = []
            for updated_contacts_item_data in self.updated_contacts:
                updated_contacts_item = updated_contacts_item_data.to_dict()
                updated_contacts.append(updated_contacts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if last_changed_date is not UNSET:
            field_dict["LastChangedDate"] = last_changed_date
        if updated_contacts is not UNSET:
            field_dict["UpdatedContacts"] = updated_contacts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.id_item import IdItem  # noqa: PLC0415

        d = dict(src_dict)
        last_changed_date = d.pop("LastChangedDate", UNSET)

        _updated_contacts = d.pop("UpdatedContacts", UNSET)
        updated_contacts: list[IdItem] | Unset = UNSET
        if _updated_contacts is not UNSET:
            updated_contacts = []
            for updated_contacts_item_data in _updated_contacts:
                updated_contacts_item = IdItem.from_dict(updated_contacts_item_data)

                updated_contacts.append(updated_contacts_item)

        updated_contacts_v1_result = cls(
            last_changed_date=last_changed_date,
            updated_contacts=updated_contacts,
        )

        updated_contacts_v1_result.additional_properties = d
        return updated_contacts_v1_result

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
