from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.legal_form_table_base_table_legal_form_item import LegalFormTableBaseTableLegalFormItem


T = TypeVar("T", bound="LegalFormTable")


@_attrs_define
class LegalFormTable:
    """
    Attributes:
        base_table_legal_form (list[LegalFormTableBaseTableLegalFormItem]):
    """

    base_table_legal_form: list[LegalFormTableBaseTableLegalFormItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base_table_legal_form = []
        for base_table_legal_form_item_data in self.base_table_legal_form:
            base_table_legal_form_item = base_table_legal_form_item_data.to_dict()
            base_table_legal_form.append(base_table_legal_form_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "BaseTableLegalForm": base_table_legal_form,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.legal_form_table_base_table_legal_form_item import LegalFormTableBaseTableLegalFormItem  # noqa: PLC0415

        d = dict(src_dict)
        base_table_legal_form = []
        _base_table_legal_form = d.pop("BaseTableLegalForm")
        for base_table_legal_form_item_data in _base_table_legal_form:
            base_table_legal_form_item = LegalFormTableBaseTableLegalFormItem.from_dict(base_table_legal_form_item_data)

            base_table_legal_form.append(base_table_legal_form_item)

        legal_form_table = cls(
            base_table_legal_form=base_table_legal_form,
        )

        legal_form_table.additional_properties = d
        return legal_form_table

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
