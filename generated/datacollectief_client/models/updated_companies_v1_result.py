from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.id_item import IdItem


T = TypeVar("T", bound="UpdatedCompaniesV1Result")


@_attrs_define
class UpdatedCompaniesV1Result:
    """The v1 answer; its shape is not public, so the mock answers the `UpdatedCompaniesV2` shape.

    Attributes:
        last_changed_date (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339).
            Example: 2026-11-30 14:05:00.
        updated_companies (list[IdItem] | Unset):
    """

    last_changed_date: str | Unset = UNSET
    updated_companies: list[IdItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        last_changed_date = self.last_changed_date

        updated_companies: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.updated_companies, Unset):
            updated_companies = []
            for updated_companies_item_data in self.updated_companies:
                updated_companies_item = updated_companies_item_data.to_dict()
                updated_companies.append(updated_companies_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if last_changed_date is not UNSET:
            field_dict["lastChangedDate"] = last_changed_date
        if updated_companies is not UNSET:
            field_dict["updatedCompanies"] = updated_companies

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.id_item import IdItem  # noqa: PLC0415

        d = dict(src_dict)
        last_changed_date = d.pop("lastChangedDate", UNSET)

        _updated_companies = d.pop("updatedCompanies", UNSET)
        updated_companies: list[IdItem] | Unset = UNSET
        if _updated_companies is not UNSET:
            updated_companies = []
            for updated_companies_item_data in _updated_companies:
                updated_companies_item = IdItem.from_dict(updated_companies_item_data)

                updated_companies.append(updated_companies_item)

        updated_companies_v1_result = cls(
            last_changed_date=last_changed_date,
            updated_companies=updated_companies,
        )

        updated_companies_v1_result.additional_properties = d
        return updated_companies_v1_result

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
