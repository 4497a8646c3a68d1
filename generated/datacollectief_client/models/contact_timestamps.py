from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContactTimestamps")


@_attrs_define
class ContactTimestamps:
    """The last-change moment of every data field of the contact.

    Attributes:
        name (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example: 2026-11-30
            14:05:00.
        first_name (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        initials (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        gender (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example: 2026-11-30
            14:05:00.
        function_id (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        department (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        email (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example: 2026-11-30
            14:05:00.
        telephone (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        mobilephone (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        deleted (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
    """

    name: str
    first_name: str
    initials: str
    gender: str
    function_id: str
    department: str
    email: str
    telephone: str
    mobilephone: str
    deleted: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        first_name = self.first_name

        initials = self.initials

        gender = self.gender

        function_id = self.function_id

        department = self.department

        email = self.email

        telephone = self.telephone

        mobilephone = self.mobilephone

        deleted = self.deleted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Name": name,
                "FirstName": first_name,
                "Initials": initials,
                "Gender": gender,
                "FunctionID": function_id,
                "Department": department,
                "Email": email,
                "Telephone": telephone,
                "Mobilephone": mobilephone,
                "Deleted": deleted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("Name")

        first_name = d.pop("FirstName")

        initials = d.pop("Initials")

        gender = d.pop("Gender")

        function_id = d.pop("FunctionID")

        department = d.pop("Department")

        email = d.pop("Email")

        telephone = d.pop("Telephone")

        mobilephone = d.pop("Mobilephone")

        deleted = d.pop("Deleted")

        contact_timestamps = cls(
            name=name,
            first_name=first_name,
            initials=initials,
            gender=gender,
            function_id=function_id,
            department=department,
            email=email,
            telephone=telephone,
            mobilephone=mobilephone,
            deleted=deleted,
        )

        contact_timestamps.additional_properties = d
        return contact_timestamps

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
