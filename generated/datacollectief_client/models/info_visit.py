from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InfoVisit")


@_attrs_define
class InfoVisit:
    """The visit (bezoekersinformatie).

    Attributes:
        start_date (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        start_time (str): Start time of day, `HH:mm:ss`.
        highest_rating_score (int): The highest interest score of the visit.
        duration (int | Unset): Seconds on the site.
        page_views (int | Unset):
        referrer (None | str | Unset):
        visitor_city (None | str | Unset):
    """

    start_date: str
    start_time: str
    highest_rating_score: int
    duration: int | Unset = UNSET
    page_views: int | Unset = UNSET
    referrer: None | str | Unset = UNSET
    visitor_city: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start_date = self.start_date

        start_time = self.start_time

        highest_rating_score = self.highest_rating_score

        duration = self.duration

        page_views = self.page_views

        referrer: None | str | Unset
        if isinstance(self.referrer, Unset):
            referrer = UNSET
        else:
            referrer = self.referrer

        visitor_city: None | str | Unset
        if isinstance(self.visitor_city, Unset):
            visitor_city = UNSET
        else:
            visitor_city = self.visitor_city

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "StartDate": start_date,
                "StartTime": start_time,
                "HighestRatingScore": highest_rating_score,
            }
        )
        if duration is not UNSET:
            field_dict["Duration"] = duration
        if page_views is not UNSET:
            field_dict["PageViews"] = page_views
        if referrer is not UNSET:
            field_dict["Referrer"] = referrer
        if visitor_city is not UNSET:
            field_dict["VisitorCity"] = visitor_city

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        start_date = d.pop("StartDate")

        start_time = d.pop("StartTime")

        highest_rating_score = d.pop("HighestRatingScore")

        duration = d.pop("Duration", UNSET)

        page_views = d.pop("PageViews", UNSET)

        def _parse_referrer(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        referrer = _parse_referrer(d.pop("Referrer", UNSET))

        def _parse_visitor_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        visitor_city = _parse_visitor_city(d.pop("VisitorCity", UNSET))

        info_visit = cls(
            start_date=start_date,
            start_time=start_time,
            highest_rating_score=highest_rating_score,
            duration=duration,
            page_views=page_views,
            referrer=referrer,
            visitor_city=visitor_city,
        )

        info_visit.additional_properties = d
        return info_visit

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
