from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contact_new_result_status import ContactNewResultStatus

T = TypeVar("T", bound="ContactNewResult")


@_attrs_define
class ContactNewResult:
    """
    Attributes:
        id (int | None): The new contact's number; the existing one for `Duplicate`; null for `Incomplete`.
        company_id (int):
        name (None | str):
        first_name (None | str):
        gender (int | None): As offered: 0 male, 1 female, 2 unknown; null when not given.
        function_description (None | str):
        email (None | str):
        telephone (None | str):
        mobilephone (None | str):
        status (ContactNewResultStatus): `Accepted` earns 1 credit; `Incomplete` and `Duplicate` cost 1.
        credits_awarded (int): Credits this offer added (+1) or cost (-1).
    """

    id: int | None
    company_id: int
    name: None | str
    first_name: None | str
    gender: int | None
    function_description: None | str
    email: None | str
    telephone: None | str
    mobilephone: None | str
    status: ContactNewResultStatus
    credits_awarded: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: int | None
        id = self.id

        company_id = self.company_id

        name: None | str
        name = self.name

        first_name: None | str
        first_name = self.first_name

        gender: int | None
        gender = self.gender

        function_description: None | str
        function_description = self.function_description

        email: None | str
        email = self.email

        telephone: None | str
        telephone = self.telephone

        mobilephone: None | str
        mobilephone = self.mobilephone

        status = self.status.value

        credits_awarded = self.credits_awarded

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ID": id,
                "CompanyID": company_id,
                "Name": name,
                "FirstName": first_name,
                "Gender": gender,
                "FunctionDescription": function_description,
                "Email": email,
                "Telephone": telephone,
                "Mobilephone": mobilephone,
                "Status": status,
                "CreditsAwarded": credits_awarded,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        id = _parse_id(d.pop("ID"))

        company_id = d.pop("CompanyID")

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

        def _parse_function_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        function_description = _parse_function_description(d.pop("FunctionDescription"))

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

        status = ContactNewResultStatus(d.pop("Status"))

        credits_awarded = d.pop("CreditsAwarded")

        contact_new_result = cls(
            id=id,
            company_id=company_id,
            name=name,
            first_name=first_name,
            gender=gender,
            function_description=function_description,
            email=email,
            telephone=telephone,
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
