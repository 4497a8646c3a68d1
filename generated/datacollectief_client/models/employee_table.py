from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.employee_table_base_table_employee_item import EmployeeTableBaseTableEmployeeItem


T = TypeVar("T", bound="EmployeeTable")


@_attrs_define
class EmployeeTable:
    """
    Attributes:
        base_table_employee (list[EmployeeTableBaseTableEmployeeItem]):
    """

    base_table_employee: list[EmployeeTableBaseTableEmployeeItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base_table_employee = []
        for base_table_employee_item_data in self.base_table_employee:
            base_table_employee_item = base_table_employee_item_data.to_dict()
            base_table_employee.append(base_table_employee_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "BaseTableEmployee": base_table_employee,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.employee_table_base_table_employee_item import EmployeeTableBaseTableEmployeeItem  # noqa: PLC0415

        d = dict(src_dict)
        base_table_employee = []
        _base_table_employee = d.pop("BaseTableEmployee")
        for base_table_employee_item_data in _base_table_employee:
            base_table_employee_item = EmployeeTableBaseTableEmployeeItem.from_dict(base_table_employee_item_data)

            base_table_employee.append(base_table_employee_item)

        employee_table = cls(
            base_table_employee=base_table_employee,
        )

        employee_table.additional_properties = d
        return employee_table

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
