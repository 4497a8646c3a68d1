from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.id_item import IdItem


T = TypeVar("T", bound="UpdatedCompaniesResult")


@_attrs_define
class UpdatedCompaniesResult:
    """camelCase field names, as the service answers them.

    Attributes:
        last_changed_date (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        updated_companies (list[IdItem]):
    """

    last_changed_date: str
    updated_companies: list[IdItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        last_changed_date = self.last_changed_date

        updated_companies = []
        for updated_companies_item_data in self.updated_companies:
            updated_companies_item = updated_companies_item_data.to_dict()
            updated_companies.append(updated_companies_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lastChangedDate": last_changed_date,
                "updatedCompanies": updated_companies,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.id_item import IdItem  # noqa: PLC0415

        d = dict(src_dict)
        last_changed_date = d.pop("lastChangedDate")

        updated_companies = []
        _updated_companies = d.pop("updatedCompanies")
        for updated_companies_item_data in _updated_companies:
            updated_companies_item = IdItem.from_dict(updated_companies_item_data)

            updated_companies.append(updated_companies_item)

        updated_companies_result = cls(
            last_changed_date=last_changed_date,
            updated_companies=updated_companies,
        )

        updated_companies_result.additional_properties = d
        return updated_companies_result

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
