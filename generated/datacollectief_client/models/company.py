from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.company_timestamps import CompanyTimestamps


T = TypeVar("T", bound="Company")


@_attrs_define
class Company:
    """A full company record. Field names follow the predecessor service and the CSV export (inferred casing).

    Attributes:
        id (int): DATA-collectief company number.
        name (str):
        street (str):
        street_number (int | None):
        street_number_suffix (None | str):
        zip_code (str): Postcode, `1234 AB`.
        city (str):
        province (str):
        po_box (None | str): PO box (postbus).
        po_box_zip_code (None | str):
        po_box_city (None | str):
        telephone (None | str):
        email (None | str):
        url (None | str):
        kvk_number (str): Chamber of Commerce number (KvK-nummer), 8 digits.
        branche_id (int):
        branche_description (str):
        employee_id (int):
        employee_description (str):
        legal_form_id (int):
        legal_form_description (str):
        import_export_id (int):
        import_export_description (str):
        deleted (bool):
        last_changed_date (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        owned_until (str): End of the account's ownership window, `yyyy-MM-dd HH:mm:ss` (Europe/Amsterdam). Example:
            2026-12-30 10:15:00.
        timestamps (CompanyTimestamps): The last-change moment of every data field of the company (descriptions follow
            their codes).
    """

    id: int
    name: str
    street: str
    street_number: int | None
    street_number_suffix: None | str
    zip_code: str
    city: str
    province: str
    po_box: None | str
    po_box_zip_code: None | str
    po_box_city: None | str
    telephone: None | str
    email: None | str
    url: None | str
    kvk_number: str
    branche_id: int
    branche_description: str
    employee_id: int
    employee_description: str
    legal_form_id: int
    legal_form_description: str
    import_export_id: int
    import_export_description: str
    deleted: bool
    last_changed_date: str
    owned_until: str
    timestamps: CompanyTimestamps
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        street = self.street

        street_number: int | None
        street_number = self.street_number

        street_number_suffix: None | str
        street_number_suffix = self.street_number_suffix

        zip_code = self.zip_code

        city = self.city

        province = self.province

        po_box: None | str
        po_box = self.po_box

        po_box_zip_code: None | str
        po_box_zip_code = self.po_box_zip_code

        po_box_city: None | str
        po_box_city = self.po_box_city

        telephone: None | str
        telephone = self.telephone

        email: None | str
        email = self.email

        url: None | str
        url = self.url

        kvk_number = self.kvk_number

        branche_id = self.branche_id

        branche_description = self.branche_description

        employee_id = self.employee_id

        employee_description = self.employee_description

        legal_form_id = self.legal_form_id

        legal_form_description = self.legal_form_description

        import_export_id = self.import_export_id

        import_export_description = self.import_export_description

        deleted = self.deleted

        last_changed_date = self.last_changed_date

        owned_until = self.owned_until

        timestamps = self.timestamps.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
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
                "BrancheDescription": branche_description,
                "EmployeeID": employee_id,
                "EmployeeDescription": employee_description,
                "LegalFormID": legal_form_id,
                "LegalFormDescription": legal_form_description,
                "ImportExportID": import_export_id,
                "ImportExportDescription": import_export_description,
                "Deleted": deleted,
                "LastChangedDate": last_changed_date,
                "OwnedUntil": owned_until,
                "Timestamps": timestamps,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.company_timestamps import CompanyTimestamps  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("Id")

        name = d.pop("Name")

        street = d.pop("Street")

        def _parse_street_number(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        street_number = _parse_street_number(d.pop("StreetNumber"))

        def _parse_street_number_suffix(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        street_number_suffix = _parse_street_number_suffix(d.pop("StreetNumberSuffix"))

        zip_code = d.pop("ZipCode")

        city = d.pop("City")

        province = d.pop("Province")

        def _parse_po_box(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        po_box = _parse_po_box(d.pop("POBox"))

        def _parse_po_box_zip_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        po_box_zip_code = _parse_po_box_zip_code(d.pop("POBoxZipCode"))

        def _parse_po_box_city(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        po_box_city = _parse_po_box_city(d.pop("POBoxCity"))

        def _parse_telephone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        telephone = _parse_telephone(d.pop("Telephone"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("Email"))

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("Url"))

        kvk_number = d.pop("KvkNumber")

        branche_id = d.pop("BrancheID")

        branche_description = d.pop("BrancheDescription")

        employee_id = d.pop("EmployeeID")

        employee_description = d.pop("EmployeeDescription")

        legal_form_id = d.pop("LegalFormID")

        legal_form_description = d.pop("LegalFormDescription")

        import_export_id = d.pop("ImportExportID")

        import_export_description = d.pop("ImportExportDescription")

        deleted = d.pop("Deleted")

        last_changed_date = d.pop("LastChangedDate")

        owned_until = d.pop("OwnedUntil")

        timestamps = CompanyTimestamps.from_dict(d.pop("Timestamps"))

        company = cls(
            id=id,
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
            branche_description=branche_description,
            employee_id=employee_id,
            employee_description=employee_description,
            legal_form_id=legal_form_id,
            legal_form_description=legal_form_description,
            import_export_id=import_export_id,
            import_export_description=import_export_description,
            deleted=deleted,
            last_changed_date=last_changed_date,
            owned_until=owned_until,
            timestamps=timestamps,
        )

        company.additional_properties = d
        return company

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
