from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactNewResult")


@_attrs_define
class ContactNewResult:
    """
    Attributes:
        name (None | str):
        first_name (None | str):
        gender (int | None): As offered: 0 male, 1 female, 2 unknown (values beyond 0 inferred); null when not given.
        telephone (None | str):
        id (int | None | Unset): The new contact's number; the existing one for `Duplicate`; null for `Incomplete`.
        company_id (int | Unset):
        function_description (None | str | Unset):
        email (None | str | Unset):
        mobilephone (None | str | Unset):
        status (str | Unset): `Accepted` earns 1 credit; `Incomplete` and `Duplicate` cost 1 (the mock's values).
        credits_awarded (int | Unset): Credits this offer added (+1) or cost (-1).
    """

    name: None | str
    first_name: None | str
    gender: int | None
    telephone: None | str
    id: int | None | Unset = UNSET
    company_id: int | Unset = UNSET
    function_description: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    mobilephone: None | str | Unset = UNSET
    status: str | Unset = UNSET
    credits_awarded: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name: None | str
        name = self.name

        first_name: None | str
        first_name = self.first_name

        gender: int | None
        gender = self.gender

        telephone: None | str
        telephone = self.telephone

        id: int | None | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        company_id = self.company_id

        function_description: None | str | Unset
        if isinstance(self.function_description, Unset):
            function_description = UNSET
        else:
            function_description = self.function_description

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        mobilephone: None | str | Unset
        if isinstance(self.mobilephone, Unset):
            mobilephone = UNSET
        else:
            mobilephone = self.mobilephone

        status = self.status

        credits_awarded = self.credits_awarded

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Name": name,
                "FirstName": first_name,
                "Gender": gender,
                "Telephone": telephone,
            }
        )
        if id is not UNSET:
            field_dict["ID"] = id
        if company_id is not UNSET:
            field_dict["CompanyID"] = company_id
        if function_description is not UNSET:
            field_dict["FunctionDescription"] = function_description
        if email is not UNSET:
            field_dict["Email"] = email
        if mobilephone is not UNSET:
            field_dict["Mobilephone"] = mobilephone
        if status is not UNSET:
            field_dict["Status"] = status
        if credits_awarded is not UNSET:
            field_dict["CreditsAwarded"] = credits_awarded

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("Name"))

        def _parse_first_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        first_name = _parse_first_name(d.pop("FirstName"))

        def _parse_gender(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        gender = _parse_gender(d.pop("Gender"))

        def _parse_telephone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        telephone = _parse_telephone(d.pop("Telephone"))

        def _parse_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        id = _parse_id(d.pop("ID", UNSET))

        company_id = d.pop("CompanyID", UNSET)

        def _parse_function_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        function_description = _parse_function_description(d.pop("FunctionDescription", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("Email", UNSET))

        def _parse_mobilephone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mobilephone = _parse_mobilephone(d.pop("Mobilephone", UNSET))

        status = d.pop("Status", UNSET)

        credits_awarded = d.pop("CreditsAwarded", UNSET)

        contact_new_result = cls(
            name=name,
            first_name=first_name,
            gender=gender,
            telephone=telephone,
            id=id,
            company_id=company_id,
            function_description=function_description,
            email=email,
            mobilephone=mobilephone,
            status=status,
            credits_awarded=credits_awarded,
        )

        contact_new_result.additional_properties = d
        return contact_new_result

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
