from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CompanyLimited")


@_attrs_define
class CompanyLimited:
    """
    Attributes:
        id (int):
        name (str):
        street (str):
        street_number (int | None):
        street_number_suffix (None | str):
        zip_code (str): Postcode, `1234 AB`.
        city (str):
        province (str): One of the 12 provinces.
        branche_id (int): Code from `BaseTableBranche`.
        branche_description (str):
        employee_id (int): Code from `BaseTableEmployee`.
        employee_description (str):
        deleted (bool):
    """

    id: int
    name: str
    street: str
    street_number: int | None
    street_number_suffix: None | str
    zip_code: str
    city: str
    province: str
    branche_id: int
    branche_description: str
    employee_id: int
    employee_description: str
    deleted: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        street = self.street

        street_number: int | None
        street_number = self.street_number

        street_number_suffix: None | str
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
        field_dict.update(
            {
                "Id": id,
                "Name": name,
                "Street": street,
                "StreetNumber": street_number,
                "StreetNumberSuffix": street_number_suffix,
                "ZipCode": zip_code,
                "City": city,
                "Province": province,
                "BrancheID": branche_id,
                "BrancheDescription": branche_description,
                "EmployeeID": employee_id,
                "EmployeeDescription": employee_description,
                "Deleted": deleted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("Id")

        name = d.pop("Name")

        street = d.pop("Street")

        def _parse_street_number(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        street_number = _parse_street_number(d.pop("StreetNumber"))

        def _parse_street_number_suffix(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        street_number_suffix = _parse_street_number_suffix(d.pop("StreetNumberSuffix"))

        zip_code = d.pop("ZipCode")

        city = d.pop("City")

        province = d.pop("Province")

        branche_id = d.pop("BrancheID")

        branche_description = d.pop("BrancheDescription")

        employee_id = d.pop("EmployeeID")

        employee_description = d.pop("EmployeeDescription")

        deleted = d.pop("Deleted")

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
