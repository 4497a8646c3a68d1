from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CompanyTimestamps")


@_attrs_define
class CompanyTimestamps:
    """The last-change moment of every data field of the company (descriptions follow their codes).

    Attributes:
        name (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        street (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        street_number (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339).
            Example: 2026-11-30 14:05:00.
        street_number_suffix (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC
            3339). Example: 2026-11-30 14:05:00.
        zip_code (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        city (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        province (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        po_box (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        po_box_zip_code (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339).
            Example: 2026-11-30 14:05:00.
        po_box_city (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339).
            Example: 2026-11-30 14:05:00.
        telephone (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        email (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        url (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        kvk_number (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339).
            Example: 2026-11-30 14:05:00.
        branche_id (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339).
            Example: 2026-11-30 14:05:00.
        employee_id (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339).
            Example: 2026-11-30 14:05:00.
        legal_form_id (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339).
            Example: 2026-11-30 14:05:00.
        import_export_id (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339).
            Example: 2026-11-30 14:05:00.
        deleted (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
    """

    name: str | Unset = UNSET
    street: str | Unset = UNSET
    street_number: str | Unset = UNSET
    street_number_suffix: str | Unset = UNSET
    zip_code: str | Unset = UNSET
    city: str | Unset = UNSET
    province: str | Unset = UNSET
    po_box: str | Unset = UNSET
    po_box_zip_code: str | Unset = UNSET
    po_box_city: str | Unset = UNSET
    telephone: str | Unset = UNSET
    email: str | Unset = UNSET
    url: str | Unset = UNSET
    kvk_number: str | Unset = UNSET
    branche_id: str | Unset = UNSET
    employee_id: str | Unset = UNSET
    legal_form_id: str | Unset = UNSET
    import_export_id: str | Unset = UNSET
    deleted: str | Unset = UNSET
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
        field_dict.update({})
        if name is not UNSET:
            field_dict["Name"] = name
        if street is not UNSET:
            field_dict["Street"] = street
        if street_number is not UNSET:
            field_dict["StreetNumber"] = street_number
        if street_number_suffix is not UNSET:
            field_dict["StreetNumberSuffix"] = street_number_suffix
        if zip_code is not UNSET:
            field_dict["ZipCode"] = zip_code
        if city is not UNSET:
            field_dict["City"] = city
        if province is not UNSET:
            field_dict["Province"] = province
        if po_box is not UNSET:
            field_dict["POBox"] = po_box
        if po_box_zip_code is not UNSET:
            field_dict["POBoxZipCode"] = po_box_zip_code
        if po_box_city is not UNSET:
            field_dict["POBoxCity"] = po_box_city
        if telephone is not UNSET:
            field_dict["Telephone"] = telephone
        if email is not UNSET:
            field_dict["Email"] = email
        if url is not UNSET:
            field_dict["Url"] = url
        if kvk_number is not UNSET:
            field_dict["KvkNumber"] = kvk_number
        if branche_id is not UNSET:
            field_dict["BrancheID"] = branche_id
        if employee_id is not UNSET:
            field_dict["EmployeeID"] = employee_id
        if legal_form_id is not UNSET:
            field_dict["LegalFormID"] = legal_form_id
        if import_export_id is not UNSET:
            field_dict["ImportExportID"] = import_export_id
        if deleted is not UNSET:
            field_dict["Deleted"] = deleted

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("Name", UNSET)

        street = d.pop("Street", UNSET)

        street_number = d.pop("StreetNumber", UNSET)

        street_number_suffix = d.pop("StreetNumberSuffix", UNSET)

        zip_code = d.pop("ZipCode", UNSET)

        city = d.pop("City", UNSET)

        province = d.pop("Province", UNSET)

        po_box = d.pop("POBox", UNSET)

        po_box_zip_code = d.pop("POBoxZipCode", UNSET)

        po_box_city = d.pop("POBoxCity", UNSET)

        telephone = d.pop("Telephone", UNSET)

        email = d.pop("Email", UNSET)

        url = d.pop("Url", UNSET)

        kvk_number = d.pop("KvkNumber", UNSET)

        branche_id = d.pop("BrancheID", UNSET)

        employee_id = d.pop("EmployeeID", UNSET)

        legal_form_id = d.pop("LegalFormID", UNSET)

        import_export_id = d.pop("ImportExportID", UNSET)

        deleted = d.pop("Deleted", UNSET)

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
