from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.visit import Visit


T = TypeVar("T", bound="LeadsResult")


@_attrs_define
class LeadsResult:
    """
    Attributes:
        visits (list[Visit]):
        website (str | Unset): The website asked for.
        from_ (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        to (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        total_count (int | Unset): How many visits the period holds in all.
        truncated (bool | Unset): True when the period held more than 250 visits; ask a shorter period.
    """

    visits: list[Visit]
    website: str | Unset = UNSET
    from_: str | Unset = UNSET
    to: str | Unset = UNSET
    total_count: int | Unset = UNSET
    truncated: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        visits = []
        for visits_item_data in self.visits:
            visits_item = visits_item_data.to_dict()
            visits.append(visits_item)

        website = self.website

        from_ = self.from_

        to = self.to

        total_count = self.total_count

        truncated = self.truncated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Visits": visits,
            }
        )
        if website is not UNSET:
            field_dict["Website"] = website
        if from_ is not UNSET:
            field_dict["From"] = from_
        if to is not UNSET:
            field_dict["To"] = to
        if total_count is not UNSET:
            field_dict["TotalCount"] = total_count
        if truncated is not UNSET:
            field_dict["Truncated"] = truncated

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.visit import Visit  # noqa: PLC0415

        d = dict(src_dict)
        visits = []
        _visits = d.pop("Visits")
        for visits_item_data in _visits:
            visits_item = Visit.from_dict(visits_item_data)

            visits.append(visits_item)

        website = d.pop("Website", UNSET)

        from_ = d.pop("From", UNSET)

        to = d.pop("To", UNSET)

        total_count = d.pop("TotalCount", UNSET)

        truncated = d.pop("Truncated", UNSET)

        leads_result = cls(
            visits=visits,
            website=website,
            from_=from_,
            to=to,
            total_count=total_count,
            truncated=truncated,
        )

        leads_result.additional_properties = d
        return leads_result

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
