from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactLimited")


@_attrs_define
class ContactLimited:
    """
    Attributes:
        id (int | Unset):
        company_id (int | Unset):
        name (str | Unset): Last name; its last 3 characters are hidden as `...`.
        first_name (str | Unset):
        function_id (int | Unset):
        function_description (str | Unset):
        gender (int | Unset): Gender as an answer carries it: 0 = Male (documented), 1 = Female, 2 = Unknown (inferred).
            Typed as a plain number so that a value the service adds does not fail a parse. XML carries the name (`Male`),
            as the help page's XML sample shows. Example: 0.
        deleted (bool | Unset):
    """

    id: int | Unset = UNSET
    company_id: int | Unset = UNSET
    name: str | Unset = UNSET
    first_name: str | Unset = UNSET
    function_id: int | Unset = UNSET
    function_description: str | Unset = UNSET
    gender: int | Unset = UNSET
    deleted: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        company_id = self.company_id

        name = self.name

        first_name = self.first_name

        function_id = self.function_id

        function_description = self.function_description

        gender = self.gender

        deleted = self.deleted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["ID"] = id
        if company_id is not UNSET:
            field_dict["CompanyID"] = company_id
        if name is not UNSET:
            field_dict["Name"] = name
        if first_name is not UNSET:
            field_dict["FirstName"] = first_name
        if function_id is not UNSET:
            field_dict["FunctionID"] = function_id
        if function_description is not UNSET:
            field_dict["FunctionDescription"] = function_description
        if gender is not UNSET:
            field_dict["Gender"] = gender
        if deleted is not UNSET:
            field_dict["Deleted"] = deleted

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("ID", UNSET)

        company_id = d.pop("CompanyID", UNSET)

        name = d.pop("Name", UNSET)

        first_name = d.pop("FirstName", UNSET)

        function_id = d.pop("FunctionID", UNSET)

        function_description = d.pop("FunctionDescription", UNSET)

        gender = d.pop("Gender", UNSET)

        deleted = d.pop("Deleted", UNSET)

        contact_limited = cls(
            id=id,
            company_id=company_id,
            name=name,
            first_name=first_name,
            function_id=function_id,
            function_description=function_description,
            gender=gender,
            deleted=deleted,
        )

        contact_limited.additional_properties = d
        return contact_limited

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
