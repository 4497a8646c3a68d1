from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CompanyLimited")


@_attrs_define
class CompanyLimited:
    """
    Attributes:
        id (int | Unset):
        name (str | Unset):
        street (str | Unset):
        street_number (int | None | Unset):
        street_number_suffix (None | str | Unset):
        zip_code (str | Unset): Postcode, `1234 AB`.
        city (str | Unset):
        province (str | Unset): One of the 12 provinces.
        branche_id (int | Unset): Code from `BaseTableBranche`.
        branche_description (str | Unset):
        employee_id (int | Unset): Code from `BaseTableEmployee`.
        employee_description (str | Unset):
        deleted (bool | Unset):
    """

    id: int | Unset = UNSET
    name: str | Unset = UNSET
    street: str | Unset = UNSET
    street_number: int | None | Unset = UNSET
    street_number_suffix: None | str | Unset = UNSET
    zip_code: str | Unset = UNSET
    city: str | Unset = UNSET
    province: str | Unset = UNSET
    branche_id: int | Unset = UNSET
    branche_description: str | Unset = UNSET
    employee_id: int | Unset = UNSET
    employee_description: str | Unset = UNSET
    deleted: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        street = self.street

        street_number: int | None | Unset
        if isinstance(self.street_number, Unset):
            street_number = UNSET
        else:
            street_number = self.street_number

        street_number_suffix: None | str | Unset
        if isinstance(self.street_number_suffix, Unset):
            street_number_suffix = UNSET
        else:
            street_number_suffix = self.street_number_suffix

        zip_code = self.zip_code

        city = self.city

        province = self.province

        branche_id = self.branche_id

        branche_description = self.branche_description

        employee_id = self.employee_id

        employee_description = self.employee_description

        deleted = self.deleted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["Id"] = id
        if name is not UNSET:
            field_dict["Name"] = name
        if street is not UNSET:
            field_dict["Street"] = street
        if street_number is not UNSET:
            field_dict["StreetNumber"] = street_number
        if street_number_suffix is not UNSET:
            field_dict["StreetNumberSuffix"] = street_number_suffix
        if zip_code is not UNSET:
            field_dict["ZipCode"] = zip_code
        if city is not UNSET:
            field_dict["City"] = city
        if province is not UNSET:
            field_dict["Province"] = province
        if branche_id is not UNSET:
            field_dict["BrancheID"] = branche_id
        if branche_description is not UNSET:
            field_dict["BrancheDescription"] = branche_description
        if employee_id is not UNSET:
            field_dict["EmployeeID"] = employee_id
        if employee_description is not UNSET:
            field_dict["EmployeeDescription"] = employee_description
        if deleted is not UNSET:
            field_dict["Deleted"] = deleted

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("Id", UNSET)

        name = d.pop("Name", UNSET)

        street = d.pop("Street", UNSET)

        def _parse_street_number(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        street_number = _parse_street_number(d.pop("StreetNumber", UNSET))

        def _parse_street_number_suffix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        street_number_suffix = _parse_street_number_suffix(d.pop("StreetNumberSuffix", UNSET))

        zip_code = d.pop("ZipCode", UNSET)

        city = d.pop("City", UNSET)

        province = d.pop("Province", UNSET)

        branche_id = d.pop("BrancheID", UNSET)

        branche_description = d.pop("BrancheDescription", UNSET)

        employee_id = d.pop("EmployeeID", UNSET)

        employee_description = d.pop("EmployeeDescription", UNSET)

        deleted = d.pop("Deleted", UNSET)

        company_limited = cls(
            id=id,
            name=name,
            street=street,
            street_number=street_number,
            street_number_suffix=street_number_suffix,
            zip_code=zip_code,
            city=city,
            province=province,
            branche_id=branche_id,
            branche_description=branche_description,
            employee_id=employee_id,
            employee_description=employee_description,
            deleted=deleted,
        )

        company_limited.additional_properties = d
        return company_limited

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
