from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LeadCompany")


@_attrs_define
class LeadCompany:
    """The visiting company (bedrijfsinformatie).

    Attributes:
        id (int): DATA-collectief company number (use it with `ContactList`).
        name (str | Unset):
        street (str | Unset):
        street_number (int | None | Unset):
        street_number_suffix (None | str | Unset):
        zip_code (str | Unset):
        city (str | Unset):
        telephone (None | str | Unset):
        url (None | str | Unset):
        branche_description (str | Unset):
        employee_description (str | Unset):
    """

    id: int
    name: str | Unset = UNSET
    street: str | Unset = UNSET
    street_number: int | None | Unset = UNSET
    street_number_suffix: None | str | Unset = UNSET
    zip_code: str | Unset = UNSET
    city: str | Unset = UNSET
    telephone: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    branche_description: str | Unset = UNSET
    employee_description: str | Unset = UNSET
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

        telephone: None | str | Unset
        if isinstance(self.telephone, Unset):
            telephone = UNSET
        else:
            telephone = self.telephone

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        branche_description = self.branche_description

        employee_description = self.employee_description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
            }
        )
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
        if telephone is not UNSET:
            field_dict["Telephone"] = telephone
        if url is not UNSET:
            field_dict["Url"] = url
        if branche_description is not UNSET:
            field_dict["BrancheDescription"] = branche_description
        if employee_description is not UNSET:
            field_dict["EmployeeDescription"] = employee_description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("Id")

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

        def _parse_telephone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        telephone = _parse_telephone(d.pop("Telephone", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("Url", UNSET))

        branche_description = d.pop("BrancheDescription", UNSET)

        employee_description = d.pop("EmployeeDescription", UNSET)

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
