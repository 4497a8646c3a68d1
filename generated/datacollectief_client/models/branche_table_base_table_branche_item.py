from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BrancheTableBaseTableBrancheItem")


@_attrs_define
class BrancheTableBaseTableBrancheItem:
    """
    Attributes:
        branche_id (int):
        description (str):
    """

    branche_id: int
    description: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        branche_id = self.branche_id

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "BrancheID": branche_id,
                "Description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        branche_id = d.pop("BrancheID")

        description = d.pop("Description")

        branche_table_base_table_branche_item = cls(
            branche_id=branche_id,
            description=description,
        )

        branche_table_base_table_branche_item.additional_properties = d
        return branche_table_base_table_branche_item

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
