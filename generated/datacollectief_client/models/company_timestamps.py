from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CompanyTimestamps")


@_attrs_define
class CompanyTimestamps:
    """The last-change moment of every data field of the company (descriptions follow their codes).

    Attributes:
        name (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example: 2026-11-30
            14:05:00.
        street (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example: 2026-11-30
            14:05:00.
        street_number (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        street_number_suffix (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339).
            Example: 2026-11-30 14:05:00.
        zip_code (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        city (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example: 2026-11-30
            14:05:00.
        province (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        po_box (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example: 2026-11-30
            14:05:00.
        po_box_zip_code (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        po_box_city (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        telephone (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        email (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example: 2026-11-30
            14:05:00.
        url (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example: 2026-11-30
            14:05:00.
        kvk_number (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        branche_id (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        employee_id (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        legal_form_id (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        import_export_id (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        deleted (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
    """

    name: str
    street: str
    street_number: str
    street_number_suffix: str
    zip_code: str
    city: str
    province: str
    po_box: str
    po_box_zip_code: str
    po_box_city: str
    telephone: str
    email: str
    url: str
    kvk_number: str
    branche_id: str
    employee_id: str
    legal_form_id: str
    import_export_id: str
    deleted: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        street = self.street

        street_number = self.street_number

        street_number_suffix = self.street_number_suffix

        zip_code = self.zip_code

        city = self.city

        province = self.province

        po_box = self.po_box

        po_box_zip_code = self.po_box_zip_code

        po_box_city = self.po_box_city

        telephone = self.telephone

        email = self.email

        url = self.url

        kvk_number = self.kvk_number

        branche_id = self.branche_id

        employee_id = self.employee_id

        legal_form_id = self.legal_form_id

        import_export_id = self.import_export_id

        deleted = self.deleted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Name": name,
                "Street": street,
                "StreetNumber": street_number,
                "StreetNumberSuffix": street_number_suffix,
                "ZipCode": zip_code,
                "City": city,
                "Province": province,
                "POBox": po_box,
                "POBoxZipCode": po_box_zip_code,
                "POBoxCity": po_box_city,
                "Telephone": telephone,
                "Email": email,
                "Url": url,
                "KvkNumber": kvk_number,
                "BrancheID": branche_id,
                "EmployeeID": employee_id,
                "LegalFormID": legal_form_id,
                "ImportExportID": import_export_id,
                "Deleted": deleted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("Name")

        street = d.pop("Street")

        street_number = d.pop("StreetNumber")

        street_number_suffix = d.pop("StreetNumberSuffix")

        zip_code = d.pop("ZipCode")

        city = d.pop("City")

        province = d.pop("Province")

        po_box = d.pop("POBox")

        po_box_zip_code = d.pop("POBoxZipCode")

        po_box_city = d.pop("POBoxCity")

        telephone = d.pop("Telephone")

        email = d.pop("Email")

        url = d.pop("Url")

        kvk_number = d.pop("KvkNumber")

        branche_id = d.pop("BrancheID")

        employee_id = d.pop("EmployeeID")

        legal_form_id = d.pop("LegalFormID")

        import_export_id = d.pop("ImportExportID")

        deleted = d.pop("Deleted")

        company_timestamps = cls(
            name=name,
            street=street,
            street_number=street_number,
            street_number_suffix=street_number_suffix,
            zip_code=zip_code,
            city=city,
            province=province,
            po_box=po_box,
            po_box_zip_code=po_box_zip_code,
            po_box_city=po_box_city,
            telephone=telephone,
            email=email,
            url=url,
            kvk_number=kvk_number,
            branche_id=branche_id,
            employee_id=employee_id,
            legal_form_id=legal_form_id,
            import_export_id=import_export_id,
            deleted=deleted,
        )

        company_timestamps.additional_properties = d
        return company_timestamps

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
