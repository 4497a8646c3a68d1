from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.gender import Gender
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserFeedbackContactRequest")


@_attrs_define
class UserFeedbackContactRequest:
    """
    Attributes:
        contact_id (int): A DATA-collectief record number. Example: 1.
        reason_id (int | Unset):
        other_reason (str | Unset):
        memo (str | Unset):
        contact_name (str | Unset): A free-text field of a contribution; at most 200 characters.
        firstname (str | Unset): A free-text field of a contribution; at most 200 characters.
        function_description (str | Unset): A free-text field of a contribution; at most 200 characters.
        email (str | Unset): A free-text field of a contribution; at most 200 characters.
        telephone (str | Unset): A free-text field of a contribution; at most 200 characters.
        mobile_phone (str | Unset): A free-text field of a contribution; at most 200 characters.
        gender (Gender | Unset): Gender as a request carries it: a number in JSON (0 = `Male`, documented); 1 = `Female`
            and 2 = `Unknown` are inferred. Json.NET also reads the names. Example: 0.
        department (str | Unset): A free-text field of a contribution; at most 200 characters.
    """

    contact_id: int
    reason_id: int | Unset = UNSET
    other_reason: str | Unset = UNSET
    memo: str | Unset = UNSET
    contact_name: str | Unset = UNSET
    firstname: str | Unset = UNSET
    function_description: str | Unset = UNSET
    email: str | Unset = UNSET
    telephone: str | Unset = UNSET
    mobile_phone: str | Unset = UNSET
    gender: Gender | Unset = UNSET
    department: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        contact_id = self.contact_id

        reason_id = self.reason_id

        other_reason = self.other_reason

        memo = self.memo

        contact_name = self.contact_name

        firstname = self.firstname

        function_description = self.function_description

        email = self.email

        telephone = self.telephone

        mobile_phone = self.mobile_phone

        gender: int | Unset = UNSET
        if not isinstance(self.gender, Unset):
            gender = self.gender.value

        department = self.department

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ContactId": contact_id,
            }
        )
        if reason_id is not UNSET:
            field_dict["ReasonId"] = reason_id
        if other_reason is not UNSET:
            field_dict["OtherReason"] = other_reason
        if memo is not UNSET:
            field_dict["Memo"] = memo
        if contact_name is not UNSET:
            field_dict["ContactName"] = contact_name
        if firstname is not UNSET:
            field_dict["Firstname"] = firstname
        if function_description is not UNSET:
            field_dict["FunctionDescription"] = function_description
        if email is not UNSET:
            field_dict["Email"] = email
        if telephone is not UNSET:
            field_dict["Telephone"] = telephone
        if mobile_phone is not UNSET:
            field_dict["MobilePhone"] = mobile_phone
        if gender is not UNSET:
            field_dict["Gender"] = gender
        if department is not UNSET:
            field_dict["Department"] = department

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contact_id = d.pop("ContactId")

        reason_id = d.pop("ReasonId", UNSET)

        other_reason = d.pop("OtherReason", UNSET)

        memo = d.pop("Memo", UNSET)

        contact_name = d.pop("ContactName", UNSET)

        firstname = d.pop("Firstname", UNSET)

        function_description = d.pop("FunctionDescription", UNSET)

        email = d.pop("Email", UNSET)

        telephone = d.pop("Telephone", UNSET)

        mobile_phone = d.pop("MobilePhone", UNSET)

        _gender = d.pop("Gender", UNSET)
        gender: Gender | Unset
        if isinstance(_gender, Unset):
            gender = UNSET
        else:
            gender = Gender(_gender)

        department = d.pop("Department", UNSET)

        user_feedback_contact_request = cls(
            contact_id=contact_id,
            reason_id=reason_id,
            other_reason=other_reason,
            memo=memo,
            contact_name=contact_name,
            firstname=firstname,
            function_description=function_description,
            email=email,
            telephone=telephone,
            mobile_phone=mobile_phone,
            gender=gender,
            department=department,
        )

        return user_feedback_contact_request
