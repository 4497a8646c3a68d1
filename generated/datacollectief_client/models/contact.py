from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.gender import Gender

if TYPE_CHECKING:
    from ..models.contact_timestamps import ContactTimestamps


T = TypeVar("T", bound="Contact")


@_attrs_define
class Contact:
    """A full contact person record.

    Attributes:
        id (int):
        company_id (int):
        name (str): Last name with prefix (e.g. `de Vries`).
        first_name (str):
        initials (str):
        gender (Gender): Gender as JSON carries it: 0 male (Male), 1 female (Female), 2 unknown (inferred). Example: 0.
        function_id (int):
        function_description (str):
        department (None | str):
        email (None | str):
        telephone (None | str):
        mobilephone (None | str):
        deleted (bool):
        last_changed_date (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        owned_until (str): End of the account's ownership window, `yyyy-MM-dd HH:mm:ss` (Europe/Amsterdam). Example:
            2026-12-30 10:15:00.
        timestamps (ContactTimestamps): The last-change moment of every data field of the contact.
    """

    id: int
    company_id: int
    name: str
    first_name: str
    initials: str
    gender: Gender
    function_id: int
    function_description: str
    department: None | str
    email: None | str
    telephone: None | str
    mobilephone: None | str
    deleted: bool
    last_changed_date: str
    owned_until: str
    timestamps: ContactTimestamps
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        company_id = self.company_id

        name = self.name

        first_name = self.first_name

        initials = self.initials

        gender = self.gender.value

        function_id = self.function_id

        function_description = self.function_description

        department: None | str
        department = self.department

        email: None | str
        email = self.email

        telephone: None | str
        telephone = self.telephone

        mobilephone: None | str
        mobilephone = self.mobilephone

        deleted = self.deleted

        last_changed_date = self.last_changed_date

        owned_until = self.owned_until

        timestamps = self.timestamps.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ID": id,
                "CompanyID": company_id,
                "Name": name,
                "FirstName": first_name,
                "Initials": initials,
                "Gender": gender,
                "FunctionID": function_id,
                "FunctionDescription": function_description,
                "Department": department,
                "Email": email,
                "Telephone": telephone,
                "Mobilephone": mobilephone,
                "Deleted": deleted,
                "LastChangedDate": last_changed_date,
                "OwnedUntil": owned_until,
                "Timestamps": timestamps,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_timestamps import ContactTimestamps  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("ID")

        company_id = d.pop("CompanyID")

        name = d.pop("Name")

        first_name = d.pop("FirstName")

        initials = d.pop("Initials")

        gender = Gender(d.pop("Gender"))

        function_id = d.pop("FunctionID")

        function_description = d.pop("FunctionDescription")

        def _parse_department(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        department = _parse_department(d.pop("Department"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("Email"))

        def _parse_telephone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        telephone = _parse_telephone(d.pop("Telephone"))

        def _parse_mobilephone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        mobilephone = _parse_mobilephone(d.pop("Mobilephone"))

        deleted = d.pop("Deleted")

        last_changed_date = d.pop("LastChangedDate")

        owned_until = d.pop("OwnedUntil")

        timestamps = ContactTimestamps.from_dict(d.pop("Timestamps"))

        contact = cls(
            id=id,
            company_id=company_id,
            name=name,
            first_name=first_name,
            initials=initials,
            gender=gender,
            function_id=function_id,
            function_description=function_description,
            department=department,
            email=email,
            telephone=telephone,
            mobilephone=mobilephone,
            deleted=deleted,
            last_changed_date=last_changed_date,
            owned_until=owned_until,
            timestamps=timestamps,
        )

        contact.additional_properties = d
        return contact

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
