from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LeadCompany")


@_attrs_define
class LeadCompany:
    """The visiting company (bedrijfsinformatie).

    Attributes:
        id (int): DATA-collectief company number (use it with `ContactList`).
        name (str):
        street (str):
        street_number (int | None):
        street_number_suffix (None | str):
        zip_code (str):
        city (str):
        telephone (None | str):
        url (None | str):
        branche_description (str):
        employee_description (str):
    """

    id: int
    name: str
    street: str
    street_number: int | None
    street_number_suffix: None | str
    zip_code: str
    city: str
    telephone: None | str
    url: None | str
    branche_description: str
    employee_description: str
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

        telephone: None | str
        telephone = self.telephone

        url: None | str
        url = self.url

        branche_description = self.branche_description

        employee_description = self.employee_description

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
                "Telephone": telephone,
                "Url": url,
                "BrancheDescription": branche_description,
                "EmployeeDescription": employee_description,
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

        def _parse_telephone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        telephone = _parse_telephone(d.pop("Telephone"))

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("Url"))

        branche_description = d.pop("BrancheDescription")

        employee_description = d.pop("EmployeeDescription")

        lead_company = cls(
            id=id,
            name=name,
            street=street,
            street_number=street_number,
            street_number_suffix=street_number_suffix,
            zip_code=zip_code,
            city=city,
            telephone=telephone,
            url=url,
            branche_description=branche_description,
            employee_description=employee_description,
        )

        lead_company.additional_properties = d
        return lead_company

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
