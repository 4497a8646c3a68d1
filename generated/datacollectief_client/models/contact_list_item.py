from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactListItem")


@_attrs_define
class ContactListItem:
    """The limited fields of a contact person in `ContactList`.

    Attributes:
        id (int): DATA-collectief contact number.
        name (str): Last name; its last 3 characters are hidden as `...`.
        first_name (str):
        function_id (int): Code from `BaseTableFunction`.
        function_description (str):
        gender (int | Unset): 0 = Male, 1 = Female, 2 = Unknown (see `GenderCode`).
        deleted (bool | Unset):
    """

    id: int
    name: str
    first_name: str
    function_id: int
    function_description: str
    gender: int | Unset = UNSET
    deleted: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        first_name = self.first_name

        function_id = self.function_id

        function_description = self.function_description

        gender = self.gender

        deleted = self.deleted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ID": id,
                "Name": name,
                "FirstName": first_name,
                "FunctionID": function_id,
                "FunctionDescription": function_description,
            }
        )
        if gender is not UNSET:
            field_dict["Gender"] = gender
        if deleted is not UNSET:
            field_dict["Deleted"] = deleted

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("ID")

        name = d.pop("Name")

        first_name = d.pop("FirstName")

        function_id = d.pop("FunctionID")

        function_description = d.pop("FunctionDescription")

        gender = d.pop("Gender", UNSET)

        deleted = d.pop("Deleted", UNSET)

        contact_list_item = cls(
            id=id,
            name=name,
            first_name=first_name,
            function_id=function_id,
            function_description=function_description,
            gender=gender,
            deleted=deleted,
        )

        contact_list_item.additional_properties = d
        return contact_list_item

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
