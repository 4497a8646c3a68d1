from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.gender import Gender
from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactNewRequest")


@_attrs_define
class ContactNewRequest:
    """
    Attributes:
        company_id (int): A DATA-collectief record number. Example: 1.
        name (str | Unset): A free-text field of a contribution; at most 200 characters.
        first_name (str | Unset): A free-text field of a contribution; at most 200 characters.
        gender (Gender | Unset): Gender as a request carries it: a number in JSON (0 = `Male`, documented); 1 = `Female`
            and 2 = `Unknown` are inferred. Json.NET also reads the names. Example: 0.
        function_description (str | Unset): A free-text field of a contribution; at most 200 characters.
        email (str | Unset): A free-text field of a contribution; at most 200 characters.
        telephone (str | Unset): A free-text field of a contribution; at most 200 characters.
        mobilephone (str | Unset): A free-text field of a contribution; at most 200 characters.
    """

    company_id: int
    name: str | Unset = UNSET
    first_name: str | Unset = UNSET
    gender: Gender | Unset = UNSET
    function_description: str | Unset = UNSET
    email: str | Unset = UNSET
    telephone: str | Unset = UNSET
    mobilephone: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        company_id = self.company_id

        name = self.name

        first_name = self.first_name

        gender: int | Unset = UNSET
        if not isinstance(self.gender, Unset):
            gender = self.gender.value

        function_description = self.function_description

        email = self.email

        telephone = self.telephone

        mobilephone = self.mobilephone

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "CompanyID": company_id,
            }
        )
        if name is not UNSET:
            field_dict["Name"] = name
        if first_name is not UNSET:
            field_dict["FirstName"] = first_name
        if gender is not UNSET:
            field_dict["Gender"] = gender
        if function_description is not UNSET:
            field_dict["FunctionDescription"] = function_description
        if email is not UNSET:
            field_dict["Email"] = email
        if telephone is not UNSET:
            field_dict["Telephone"] = telephone
        if mobilephone is not UNSET:
            field_dict["Mobilephone"] = mobilephone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        company_id = d.pop("CompanyID")

        name = d.pop("Name", UNSET)

        first_name = d.pop("FirstName", UNSET)

        _gender = d.pop("Gender", UNSET)
        gender: Gender | Unset
        if isinstance(_gender, Unset):
            gender = UNSET
        else:
            gender = Gender(_gender)

        function_description = d.pop("FunctionDescription", UNSET)

        email = d.pop("Email", UNSET)

        telephone = d.pop("Telephone", UNSET)

        mobilephone = d.pop("Mobilephone", UNSET)

        contact_new_request = cls(
            company_id=company_id,
            name=name,
            first_name=first_name,
            gender=gender,
            function_description=function_description,
            email=email,
            telephone=telephone,
            mobilephone=mobilephone,
        )

        return contact_new_request
