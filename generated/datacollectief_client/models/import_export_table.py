from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_export_table_base_table_import_export_item import ImportExportTableBaseTableImportExportItem


T = TypeVar("T", bound="ImportExportTable")


@_attrs_define
class ImportExportTable:
    """
    Attributes:
        base_table_import_export (list[ImportExportTableBaseTableImportExportItem]):
    """

    base_table_import_export: list[ImportExportTableBaseTableImportExportItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base_table_import_export = []
        for base_table_import_export_item_data in self.base_table_import_export:
            base_table_import_export_item = base_table_import_export_item_data.to_dict()
            base_table_import_export.append(base_table_import_export_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "BaseTableImportExport": base_table_import_export,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_export_table_base_table_import_export_item import (
            ImportExportTableBaseTableImportExportItem,  # noqa: PLC0415
        )

        d = dict(src_dict)
        base_table_import_export = []
        _base_table_import_export = d.pop("BaseTableImportExport")
        for base_table_import_export_item_data in _base_table_import_export:
            base_table_import_export_item = ImportExportTableBaseTableImportExportItem.from_dict(
                base_table_import_export_item_data
            )

            base_table_import_export.append(base_table_import_export_item)

        import_export_table = cls(
            base_table_import_export=base_table_import_export,
        )

        import_export_table.additional_properties = d
        return import_export_table

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
