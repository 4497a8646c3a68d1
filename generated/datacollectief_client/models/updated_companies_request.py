from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="UpdatedCompaniesRequest")


@_attrs_define
class UpdatedCompaniesRequest:
    """
    Attributes:
        last_changed_date (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        company_ids (list[int]):
    """

    last_changed_date: str
    company_ids: list[int]

    def to_dict(self) -> dict[str, Any]:
        last_changed_date = self.last_changed_date

        company_ids = self.company_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "LastChangedDate": last_changed_date,
                "CompanyIds": company_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        last_changed_date = d.pop("LastChangedDate")

        company_ids = cast(list[int], d.pop("CompanyIds"))

        updated_companies_request = cls(
            last_changed_date=last_changed_date,
            company_ids=company_ids,
        )

        return updated_companies_request
