from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.id_item import IdItem


T = TypeVar("T", bound="UpdatedContactsResult")


@_attrs_define
class UpdatedContactsResult:
    """PascalCase field names, as the service answers them.

    Attributes:
        last_changed_date (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        updated_contacts (list[IdItem]):
    """

    last_changed_date: str
    updated_contacts: list[IdItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        last_changed_date = self.last_changed_date

        updated_contacts = []
        for updated_contacts_item_data in self.updated_contacts:
            updated_contacts_item = updated_contacts_item_data.to_dict()
            updated_contacts.append(updated_contacts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "LastChangedDate": last_changed_date,
                "UpdatedContacts": updated_contacts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.id_item import IdItem  # noqa: PLC0415

        d = dict(src_dict)
        last_changed_date = d.pop("LastChangedDate")

        updated_contacts = []
        _updated_contacts = d.pop("UpdatedContacts")
        for updated_contacts_item_data in _updated_contacts:
            updated_contacts_item = IdItem.from_dict(updated_contacts_item_data)

            updated_contacts.append(updated_contacts_item)

        updated_contacts_result = cls(
            last_changed_date=last_changed_date,
            updated_contacts=updated_contacts,
        )

        updated_contacts_result.additional_properties = d
        return updated_contacts_result

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
