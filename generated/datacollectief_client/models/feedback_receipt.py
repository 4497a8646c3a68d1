from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FeedbackReceipt")


@_attrs_define
class FeedbackReceipt:
    """
    Attributes:
        feedback_id (int | Unset): Number of the offered mutation.
        subject (str | Unset): `Company` or `Contact`.
        subject_id (int | Unset): The company or contact number.
        reason_id (int | None | Unset):
        status (str | Unset): Status of the offered mutation, as Mijn DATA-collectief shows it: `Received`,
            `InProgress`, `Processed` or `Rejected` (the mock's values).
        credits_awarded (int | Unset): Credits this mutation earned.
        received_date (str | Unset): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339).
            Example: 2026-11-30 14:05:00.
    """

    feedback_id: int | Unset = UNSET
    subject: str | Unset = UNSET
    subject_id: int | Unset = UNSET
    reason_id: int | None | Unset = UNSET
    status: str | Unset = UNSET
    credits_awarded: int | Unset = UNSET
    received_date: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        feedback_id = self.feedback_id

        subject = self.subject

        subject_id = self.subject_id

        reason_id: int | None | Unset
        if isinstance(self.reason_id, Unset):
            reason_id = UNSET
        else:
            reason_id = self.reason_id

        status = self.status

        credits_awarded = self.credits_awarded

        received_date = self.received_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if feedback_id is not UNSET:
            field_dict["FeedbackId"] = feedback_id
        if subject is not UNSET:
            field_dict["Subject"] = subject
        if subject_id is not UNSET:
            field_dict["SubjectId"] = subject_id
        if reason_id is not UNSET:
            field_dict["ReasonId"] = reason_id
        if status is not UNSET:
            field_dict["Status"] = status
        if credits_awarded is not UNSET:
            field_dict["CreditsAwarded"] = credits_awarded
        if received_date is not UNSET:
            field_dict["ReceivedDate"] = received_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        feedback_id = d.pop("FeedbackId", UNSET)

        subject = d.pop("Subject", UNSET)

        subject_id = d.pop("SubjectId", UNSET)

        def _parse_reason_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        reason_id = _parse_reason_id(d.pop("ReasonId", UNSET))

        status = d.pop("Status", UNSET)

        credits_awarded = d.pop("CreditsAwarded", UNSET)

        received_date = d.pop("ReceivedDate", UNSET)

        feedback_receipt = cls(
            feedback_id=feedback_id,
            subject=subject,
            subject_id=subject_id,
            reason_id=reason_id,
            status=status,
            credits_awarded=credits_awarded,
            received_date=received_date,
        )

        feedback_receipt.additional_properties = d
        return feedback_receipt

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
