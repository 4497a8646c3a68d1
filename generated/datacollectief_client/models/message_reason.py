from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MessageReason")


@_attrs_define
class MessageReason:
    """
    Attributes:
        code (int):
        description (str):
        applicable_for_companies (bool):
        applicable_for_contacts (bool):
        applicable_for_other (bool):
    """

    code: int
    description: str
    applicable_for_companies: bool
    applicable_for_contacts: bool
    applicable_for_other: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        description = self.description

        applicable_for_companies = self.applicable_for_companies

        applicable_for_contacts = self.applicable_for_contacts

        applicable_for_other = self.applicable_for_other

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Code": code,
                "Description": description,
                "ApplicableForCompanies": applicable_for_companies,
                "ApplicableForContacts": applicable_for_contacts,
                "ApplicableForOther": applicable_for_other,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("Code")

        description = d.pop("Description")

        applicable_for_companies = d.pop("ApplicableForCompanies")

        applicable_for_contacts = d.pop("ApplicableForContacts")

        applicable_for_other = d.pop("ApplicableForOther")

        message_reason = cls(
            code=code,
            description=description,
            applicable_for_companies=applicable_for_companies,
            applicable_for_contacts=applicable_for_contacts,
            applicable_for_other=applicable_for_other,
        )

        message_reason.additional_properties = d
        return message_reason

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
