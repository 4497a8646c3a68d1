from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ClickPathStep")


@_attrs_define
class ClickPathStep:
    """
    Attributes:
        url (str | Unset):
        title (str | Unset):
        duration (int | Unset): Seconds on the page.
    """

    url: str | Unset = UNSET
    title: str | Unset = UNSET
    duration: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        title = self.title

        duration = self.duration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if url is not UNSET:
            field_dict["Url"] = url
        if title is not UNSET:
            field_dict["Title"] = title
        if duration is not UNSET:
            field_dict["Duration"] = duration

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("Url", UNSET)

        title = d.pop("Title", UNSET)

        duration = d.pop("Duration", UNSET)

        click_path_step = cls(
            url=url,
            title=title,
            duration=duration,
        )

        click_path_step.additional_properties = d
        return click_path_step

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
