from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.company_timestamps import CompanyTimestamps


T = TypeVar("T", bound="Company")


@_attrs_define
class Company:
    """A full company record. Field names follow the predecessor service and the CSV export (inferred casing).

    Attributes:
        id (int): DATA-collectief company number.
        name (str | Unset):
        street (str | Unset):
        street_number (int | None | Unset):
        street_number_suffix (None | str | Unset):
        zip_code (str | Unset): Postcode, `1234 AB`.
        city (str | Unset):
        province (str | Unset):
        po_box (None | str | Unset): PO box (postbus).
        po_box_zip_code (None | str | Unset):
        po_box_city (None | str | Unset):
        telephone (None | str | Unset):
        email (None | str | Unset):
        url (None | str | Unset):
        kvk_number (str | Unset): Chamber of Commerce number (KvK-nummer), 8 digits.
        branche_id (int | Unset):
        branche_description (str | Unset):
        employee_id (int | Unset):
        employee_description (str | Unset):
        legal_form_id (int | Unset):
        legal_form_description (str | Unset):
        import_export_id (int | Unset):
        import_export_description (str | Unset):
        deleted (bool | Unset):
        last_changed_date (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339).
            Example: 2026-11-30 14:05:00.
        owned_until (str | Unset): End of the account's ownership window, `yyyy-MM-dd HH:mm:ss` (Europe/Amsterdam).
            Example: 2026-12-30 10:15:00.
        timestamps (CompanyTimestamps | Unset): The last-change moment of every data field of the company (descriptions
            follow their codes).
    """

    id: int
    name: str | Unset = UNSET
    street: str | Unset = UNSET
    street_number: int | None | Unset = UNSET
    street_number_suffix: None | str | Unset = UNSET
    zip_code: str | Unset = UNSET
    city: str | Unset = UNSET
    province: str | Unset = UNSET
    po_box: None | str | Unset = UNSET
    po_box_zip_code: None | str | Unset = UNSET
    po_box_city: None | str | Unset = UNSET
    telephone: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    kvk_number: str | Unset = UNSET
    branche_id: int | Unset = UNSET
    branche_description: str | Unset = UNSET
    employee_id: int | Unset = UNSET
    employee_description: str | Unset = UNSET
    legal_form_id: int | Unset = UNSET
    legal_form_description: str | Unset = UNSET
    import_export_id: int | Unset = UNSET
    import_export_description: str | Unset = UNSET
    deleted: bool | Unset = UNSET
    last_changed_date: str | Unset = UNSET
    owned_until: str | Unset = UNSET
    timestamps: CompanyTimestamps | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        street = self.street

        street_number: int | None | Unset
        if isinstance(self.street_number, Unset):
            street_number = UNSET
        else:
            street_number = self.street_number

        street_number_suffix: None | str | Unset
        if isinstance(self.street_number_suffix, Unset):
            street_number_suffix = UNSET
        else:
            street_number_suffix = self.street_number_suffix

        zip_code = self.zip_code

        city = self.city

        province = self.province

        po_box: None | str | Unset
        if isinstance(self.po_box, Unset):
            po_box = UNSET
        else:
            po_box = self.po_box

        po_box_zip_code: None | str | Unset
        if isinstance(self.po_box_zip_code, Unset):
            po_box_zip_code = UNSET
        else:
            po_box_zip_code = self.po_box_zip_code

        po_box_city: None | str | Unset
        if isinstance(self.po_box_city, Unset):
            po_box_city = UNSET
        else:
            po_box_city = self.po_box_city

        telephone: None | str | Unset
        if isinstance(self.telephone, Unset):
            telephone = UNSET
        else:
            telephone = self.telephone

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
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

        timestamps: dict[str, Any] | Unset = UNSET
        if not isinstance(self.timestamps, Unset):
            timestamps = self.timestamps.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
            }
        )
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
        if branche_description is not UNSET:
            field_dict["BrancheDescription"] = branche_description
        if employee_id is not UNSET:
            field_dict["EmployeeID"] = employee_id
        if employee_description is not UNSET:
            field_dict["EmployeeDescription"] = employee_description
        if legal_form_id is not UNSET:
            field_dict["LegalFormID"] = legal_form_id
        if legal_form_description is not UNSET:
            field_dict["LegalFormDescription"] = legal_form_description
        if import_export_id is not UNSET:
            field_dict["ImportExportID"] = import_export_id
        if import_export_description is not UNSET:
            field_dict["ImportExportDescription"] = import_export_description
        if deleted is not UNSET:
            field_dict["Deleted"] = deleted
        if last_changed_date is not UNSET:
            field_dict["LastChangedDate"] = last_changed_date
        if owned_until is not UNSET:
            field_dict["OwnedUntil"] = owned_until
        if timestamps is not UNSET:
            field_dict["Timestamps"] = timestamps

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.company_timestamps import CompanyTimestamps  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("Id")

        name = d.pop("Name", UNSET)

        street = d.pop("Street", UNSET)

        def _parse_street_number(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        street_number = _parse_street_number(d.pop("StreetNumber", UNSET))

        def _parse_street_number_suffix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        street_number_suffix = _parse_street_number_suffix(d.pop("StreetNumberSuffix", UNSET))

        zip_code = d.pop("ZipCode", UNSET)

        city = d.pop("City", UNSET)

        province = d.pop("Province", UNSET)

        def _parse_po_box(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        po_box = _parse_po_box(d.pop("POBox", UNSET))

        def _parse_po_box_zip_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        po_box_zip_code = _parse_po_box_zip_code(d.pop("POBoxZipCode", UNSET))

        def _parse_po_box_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        po_box_city = _parse_po_box_city(d.pop("POBoxCity", UNSET))

        def _parse_telephone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        telephone = _parse_telephone(d.pop("Telephone", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("Email", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("Url", UNSET))

        kvk_number = d.pop("KvkNumber", UNSET)

        branche_id = d.pop("BrancheID", UNSET)

        branche_description = d.pop("BrancheDescription", UNSET)

        employee_id = d.pop("EmployeeID", UNSET)

        employee_description = d.pop("EmployeeDescription", UNSET)

        legal_form_id = d.pop("LegalFormID", UNSET)

        legal_form_description = d.pop("LegalFormDescription", UNSET)

        import_export_id = d.pop("ImportExportID", UNSET)

        import_export_description = d.pop("ImportExportDescription", UNSET)

        deleted = d.pop("Deleted", UNSET)

        last_changed_date = d.pop("LastChangedDate", UNSET)

        owned_until = d.pop("OwnedUntil", UNSET)

        _timestamps = d.pop("Timestamps", UNSET)
        timestamps: CompanyTimestamps | Unset
        if isinstance(_timestamps, Unset):
            timestamps = UNSET
        else:
            timestamps = CompanyTimestamps.from_dict(_timestamps)

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
