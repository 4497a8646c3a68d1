from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.contact_list_item import ContactListItem


T = TypeVar("T", bound="ContactListResult")


@_attrs_define
class ContactListResult:
    """
    Attributes:
        contacts (list[ContactListItem]):
    """

    contacts: list[ContactListItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contacts = []
        for contacts_item_data in self.contacts:
            contacts_item = contacts_item_data.to_dict()
            contacts.append(contacts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Contacts": contacts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_list_item import ContactListItem  # noqa: PLC0415

        d = dict(src_dict)
        contacts = []
        _contacts = d.pop("Contacts")
        for contacts_item_data in _contacts:
            contacts_item = ContactListItem.from_dict(contacts_item_data)

            contacts.append(contacts_item)

        contact_list_result = cls(
            contacts=contacts,
        )

        contact_list_result.additional_properties = d
        return contact_list_result

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
