from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.function_table_base_table_function_item import FunctionTableBaseTableFunctionItem


T = TypeVar("T", bound="FunctionTable")


@_attrs_define
class FunctionTable:
    """
    Attributes:
        base_table_function (list[FunctionTableBaseTableFunctionItem]):
    """

    base_table_function: list[FunctionTableBaseTableFunctionItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base_table_function = []
        for base_table_function_item_data in self.base_table_function:
            base_table_function_item = base_table_function_item_data.to_dict()
            base_table_function.append(base_table_function_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "BaseTableFunction": base_table_function,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.function_table_base_table_function_item import FunctionTableBaseTableFunctionItem  # noqa: PLC0415

        d = dict(src_dict)
        base_table_function = []
        _base_table_function = d.pop("BaseTableFunction")
        for base_table_function_item_data in _base_table_function:
            base_table_function_item = FunctionTableBaseTableFunctionItem.from_dict(base_table_function_item_data)

            base_table_function.append(base_table_function_item)

        function_table = cls(
            base_table_function=base_table_function,
        )

        function_table.additional_properties = d
        return function_table

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
