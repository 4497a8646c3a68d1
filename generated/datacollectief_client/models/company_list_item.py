from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CompanyListItem")


@_attrs_define
class CompanyListItem:
    """The limited fields of a company in a list.

    Attributes:
        id (int): DATA-collectief company number.
        name (str): Company name (bedrijfsnaam).
        street (str): Street (straat).
        street_number (int | None): House number (huisnummer).
        street_number_suffix (None | str): House number suffix (toevoeging).
        city (str): City (plaats).
        deleted (bool): Deleted (inactive) status (status verwijderd).
    """

    id: int
    name: str
    street: str
    street_number: int | None
    street_number_suffix: None | str
    city: str
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

        city = self.city

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
                "City": city,
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

        city = d.pop("City")

        deleted = d.pop("Deleted")

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
