from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.visit import Visit


T = TypeVar("T", bound="LeadsResult")


@_attrs_define
class LeadsResult:
    """
    Attributes:
        website (str):
        from_ (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example: 2026-11-30
            14:05:00.
        to (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example: 2026-11-30
            14:05:00.
        total_count (int): How many visits the period holds in all.
        truncated (bool): True when the period held more than 250 visits; ask a shorter period.
        visits (list[Visit]):
    """

    website: str
    from_: str
    to: str
    total_count: int
    truncated: bool
    visits: list[Visit]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        website = self.website

        from_ = self.from_

        to = self.to

        total_count = self.total_count

        truncated = self.truncated

        visits = []
        for visits_item_data in self.visits:
            visits_item = visits_item_data.to_dict()
            visits.append(visits_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Website": website,
                "From": from_,
                "To": to,
                "TotalCount": total_count,
                "Truncated": truncated,
                "Visits": visits,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.visit import Visit  # noqa: PLC0415

        d = dict(src_dict)
        website = d.pop("Website")

        from_ = d.pop("From")

        to = d.pop("To")

        total_count = d.pop("TotalCount")

        truncated = d.pop("Truncated")

        visits = []
        _visits = d.pop("Visits")
        for visits_item_data in _visits:
            visits_item = Visit.from_dict(visits_item_data)

            visits.append(visits_item)

        leads_result = cls(
            website=website,
            from_=from_,
            to=to,
            total_count=total_count,
            truncated=truncated,
            visits=visits,
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
