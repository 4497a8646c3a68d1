from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LegalFormTableBaseTableLegalFormItem")


@_attrs_define
class LegalFormTableBaseTableLegalFormItem:
    """
    Attributes:
        legal_form_id (int):
        description (str):
    """

    legal_form_id: int
    description: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        legal_form_id = self.legal_form_id

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "LegalFormID": legal_form_id,
                "Description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        legal_form_id = d.pop("LegalFormID")

        description = d.pop("Description")

        legal_form_table_base_table_legal_form_item = cls(
            legal_form_id=legal_form_id,
            description=description,
        )

        legal_form_table_base_table_legal_form_item.additional_properties = d
        return legal_form_table_base_table_legal_form_item

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
