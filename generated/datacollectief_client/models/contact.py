from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_timestamps import ContactTimestamps


T = TypeVar("T", bound="Contact")


@_attrs_define
class Contact:
    """A full contact person record.

    Attributes:
        id (int):
        company_id (int):
        name (str | Unset): Last name with prefix (e.g. `de Vries`).
        first_name (str | Unset):
        initials (str | Unset):
        gender (int | Unset): Gender as an answer carries it: 0 = Male (documented), 1 = Female, 2 = Unknown (inferred).
            Typed as a plain number so that a value the service adds does not fail a parse. XML carries the name (`Male`),
            as the help page's XML sample shows. Example: 0.
        function_id (int | Unset):
        function_description (str | Unset):
        department (None | str | Unset):
        email (None | str | Unset):
        telephone (None | str | Unset):
        mobilephone (None | str | Unset):
        deleted (bool | Unset):
        last_changed_date (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339).
            Example: 2026-11-30 14:05:00.
        owned_until (str | Unset): End of the account's ownership window, `yyyy-MM-dd HH:mm:ss` (Europe/Amsterdam).
            Example: 2026-12-30 10:15:00.
        timestamps (ContactTimestamps | Unset): The last-change moment of every data field of the contact.
    """

    id: int
    company_id: int
    name: str | Unset = UNSET
    first_name: str | Unset = UNSET
    initials: str | Unset = UNSET
    gender: int | Unset = UNSET
    function_id: int | Unset = UNSET
    function_description: str | Unset = UNSET
    department: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    telephone: None | str | Unset = UNSET
    mobilephone: None | str | Unset = UNSET
    deleted: bool | Unset = UNSET
    last_changed_date: str | Unset = UNSET
    owned_until: str | Unset = UNSET
    timestamps: ContactTimestamps | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        company_id = self.company_id

        name = self.name

        first_name = self.first_name

        initials = self.initials

        gender = self.gender

        function_id = self.function_id

        function_description = self.function_description

        department: None | str | Unset
        if isinstance(self.department, Unset):
            department = UNSET
        else:
            department = self.department

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        telephone: None | str | Unset
        if isinstance(self.telephone, Unset):
            telephone = UNSET
        else:
            telephone = self.telephone

        mobilephone: None | str | Unset
        if isinstance(self.mobilephone, Unset):
            mobilephone = UNSET
        else:
            mobilephone = self.mobilephone

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
                "ID": id,
                "CompanyID": company_id,
            }
        )
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
        if function_description is not UNSET:
            field_dict["FunctionDescription"] = function_description
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
        if last_changed_date is not UNSET:
            field_dict["LastChangedDate"] = last_changed_date
        if owned_until is not UNSET:
            field_dict["OwnedUntil"] = owned_until
        if timestamps is not UNSET:
            field_dict["Timestamps"] = timestamps

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_timestamps import ContactTimestamps  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("ID")

        company_id = d.pop("CompanyID")

        name = d.pop("Name", UNSET)

        first_name = d.pop("FirstName", UNSET)

        initials = d.pop("Initials", UNSET)

        gender = d.pop("Gender", UNSET)

        function_id = d.pop("FunctionID", UNSET)

        function_description = d.pop("FunctionDescription", UNSET)

        def _parse_department(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        department = _parse_department(d.pop("Department", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("Email", UNSET))

        def _parse_telephone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        telephone = _parse_telephone(d.pop("Telephone", UNSET))

        def _parse_mobilephone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mobilephone = _parse_mobilephone(d.pop("Mobilephone", UNSET))

        deleted = d.pop("Deleted", UNSET)

        last_changed_date = d.pop("LastChangedDate", UNSET)

        owned_until = d.pop("OwnedUntil", UNSET)

        _timestamps = d.pop("Timestamps", UNSET)
        timestamps: ContactTimestamps | Unset
        if isinstance(_timestamps, Unset):
            timestamps = UNSET
        else:
            timestamps = ContactTimestamps.from_dict(_timestamps)

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
