from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactTimestamps")


@_attrs_define
class ContactTimestamps:
    """The last-change moment of every data field of the contact.

    Attributes:
        name (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        first_name (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339).
            Example: 2026-11-30 14:05:00.
        initials (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        gender (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        function_id (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339).
            Example: 2026-11-30 14:05:00.
        department (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339).
            Example: 2026-11-30 14:05:00.
        email (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        telephone (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
        mobilephone (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339).
            Example: 2026-11-30 14:05:00.
        deleted (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
    """

    name: str | Unset = UNSET
    first_name: str | Unset = UNSET
    initials: str | Unset = UNSET
    gender: str | Unset = UNSET
    function_id: str | Unset = UNSET
    department: str | Unset = UNSET
    email: str | Unset = UNSET
    telephone: str | Unset = UNSET
    mobilephone: str | Unset = UNSET
    deleted: str | Unset = UNSET
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
        field_dict.update({})
        if name is not UNSET:
            field_dict["Name"] = name
        if first_name is not UNSET:
            field_dict["FirstName"] = first_name
        if initials is not UNSET:
            field_dict["Initials"] = initials
        if gender is not UNSET:
            field_dict["Gender"] = gender
        if function_id is not UNSET:
            field_dict["FunctionID"] = function_id
        if department is not UNSET:
            field_dict["Department"] = department
        if email is not UNSET:
            field_dict["Email"] = email
        if telephone is not UNSET:
            field_dict["Telephone"] = telephone
        if mobilephone is not UNSET:
            field_dict["Mobilephone"] = mobilephone
        if deleted is not UNSET:
            field_dict["Deleted"] = deleted

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("Name", UNSET)

        first_name = d.pop("FirstName", UNSET)

        initials = d.pop("Initials", UNSET)

        gender = d.pop("Gender", UNSET)

        function_id = d.pop("FunctionID", UNSET)

        department = d.pop("Department", UNSET)

        email = d.pop("Email", UNSET)

        telephone = d.pop("Telephone", UNSET)

        mobilephone = d.pop("Mobilephone", UNSET)

        deleted = d.pop("Deleted", UNSET)

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
