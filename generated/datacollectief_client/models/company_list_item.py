from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CompanyListItem")


@_attrs_define
class CompanyListItem:
    """The limited fields of a company in a list.

    Attributes:
        id (int): DATA-collectief company number.
        name (str | Unset): Company name (bedrijfsnaam).
        street (str | Unset): Street (straat).
        street_number (int | None | Unset): House number (huisnummer).
        street_number_suffix (None | str | Unset): House number suffix (toevoeging).
        city (str | Unset): City (plaats).
        deleted (bool | Unset): Deleted (inactive) status (status verwijderd).
    """

    id: int
    name: str | Unset = UNSET
    street: str | Unset = UNSET
    street_number: int | None | Unset = UNSET
    street_number_suffix: None | str | Unset = UNSET
    city: str | Unset = UNSET
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

        city = self.city

        deleted = self.deleted

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
        if city is not UNSET:
            field_dict["City"] = city
        if deleted is not UNSET:
            field_dict["Deleted"] = deleted

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

        city = d.pop("City", UNSET)

        deleted = d.pop("Deleted", UNSET)

        company_list_item = cls(
            id=id,
            name=name,
            street=street,
            street_number=street_number,
            street_number_suffix=street_number_suffix,
            city=city,
            deleted=deleted,
        )

        company_list_item.additional_properties = d
        return company_list_item

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
