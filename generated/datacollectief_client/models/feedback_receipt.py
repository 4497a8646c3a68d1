from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feedback_receipt_subject import FeedbackReceiptSubject
from ..models.feedback_status import FeedbackStatus

T = TypeVar("T", bound="FeedbackReceipt")


@_attrs_define
class FeedbackReceipt:
    """
    Attributes:
        feedback_id (int): Number of the offered mutation.
        subject (FeedbackReceiptSubject):
        subject_id (int): The company or contact number.
        reason_id (int | None):
        status (FeedbackStatus): Status of an offered mutation, as Mijn DATA-collectief shows it.
        credits_awarded (int): Credits this mutation earned.
        received_date (str): A moment as `yyyy-MM-dd HH:mm:ss`, Europe/Amsterdam local time (not RFC 3339). Example:
            2026-11-30 14:05:00.
    """

    feedback_id: int
    subject: FeedbackReceiptSubject
    subject_id: int
    reason_id: int | None
    status: FeedbackStatus
    credits_awarded: int
    received_date: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        feedback_id = self.feedback_id

        subject = self.subject.value

        subject_id = self.subject_id

        reason_id: int | None
        reason_id = self.reason_id

        status = self.status.value

        credits_awarded = self.credits_awarded

        received_date = self.received_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "FeedbackId": feedback_id,
                "Subject": subject,
                "SubjectId": subject_id,
                "ReasonId": reason_id,
                "Status": status,
                "CreditsAwarded": credits_awarded,
                "ReceivedDate": received_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        feedback_id = d.pop("FeedbackId")

        subject = FeedbackReceiptSubject(d.pop("Subject"))

        subject_id = d.pop("SubjectId")

        def _parse_reason_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reason_id = _parse_reason_id(d.pop("ReasonId"))

        status = FeedbackStatus(d.pop("Status"))

        credits_awarded = d.pop("CreditsAwarded")

        received_date = d.pop("ReceivedDate")

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
