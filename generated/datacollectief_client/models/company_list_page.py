from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.company_list_item import CompanyListItem


T = TypeVar("T", bound="CompanyListPage")


@_attrs_define
class CompanyListPage:
    """
    Attributes:
        page_nr (int | Unset): This page's number.
        records_per_page (int | Unset): The page size asked for.
        total_count (int | Unset): How many companies match in all.
        companies (list[CompanyListItem] | Unset):
    """

    page_nr: int | Unset = UNSET
    records_per_page: int | Unset = UNSET
    total_count: int | Unset = UNSET
    companies: list[CompanyListItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        page_nr = self.page_nr

        records_per_page = self.records_per_page

        total_count = self.total_count

        companies: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.companies, Unset):
            companies = []
            for companies_item_data in self.companies:
                companies_item = companies_item_data.to_dict()
                companies.append(companies_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if page_nr is not UNSET:
            field_dict["PageNr"] = page_nr
        if records_per_page is not UNSET:
            field_dict["RecordsPerPage"] = records_per_page
        if total_count is not UNSET:
            field_dict["TotalCount"] = total_count
        if companies is not UNSET:
            field_dict["Companies"] = companies

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.company_list_item import CompanyListItem  # noqa: PLC0415

        d = dict(src_dict)
        page_nr = d.pop("PageNr", UNSET)

        records_per_page = d.pop("RecordsPerPage", UNSET)

        total_count = d.pop("TotalCount", UNSET)

        _companies = d.pop("Companies", UNSET)
        companies: list[CompanyListItem] | Unset = UNSET
        if _companies is not UNSET:
            companies = []
            for companies_item_data in _companies:
                companies_item = CompanyListItem.from_dict(companies_item_data)

                companies.append(companies_item)

        company_list_page = cls(
            page_nr=page_nr,
            records_per_page=records_per_page,
            total_count=total_count,
            companies=companies,
        )

        company_list_page.additional_properties = d
        return company_list_page

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
