from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DownloadStatistics")


@_attrs_define
class DownloadStatistics:
    """
    Attributes:
        payment_method (str): How credits are paid: `Prepaid`, or `Subscription` with an update subscription (inferred
            values).
        credits_acquired (int): Credits bought or granted.
        credits_used (int): Credits spent on downloads and penalties.
        credits_balance (int): Credits left.
        credits_from_wus (int): Credits earned with contributions (mutations and new contacts).
        credits_used_for_alerts (int): Credits spent on alerts (always 0 in the mock).
    """

    payment_method: str
    credits_acquired: int
    credits_used: int
    credits_balance: int
    credits_from_wus: int
    credits_used_for_alerts: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        payment_method = self.payment_method

        credits_acquired = self.credits_acquired

        credits_used = self.credits_used

        credits_balance = self.credits_balance

        credits_from_wus = self.credits_from_wus

        credits_used_for_alerts = self.credits_used_for_alerts

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "PaymentMethod": payment_method,
                "CreditsAcquired": credits_acquired,
                "CreditsUsed": credits_used,
                "CreditsBalance": credits_balance,
                "CreditsFromWUS": credits_from_wus,
                "CreditsUsedForAlerts": credits_used_for_alerts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        payment_method = d.pop("PaymentMethod")

        credits_acquired = d.pop("CreditsAcquired")

        credits_used = d.pop("CreditsUsed")

        credits_balance = d.pop("CreditsBalance")

        credits_from_wus = d.pop("CreditsFromWUS")

        credits_used_for_alerts = d.pop("CreditsUsedForAlerts")

        download_statistics = cls(
            payment_method=payment_method,
            credits_acquired=credits_acquired,
            credits_used=credits_used,
            credits_balance=credits_balance,
            credits_from_wus=credits_from_wus,
            credits_used_for_alerts=credits_used_for_alerts,
        )

        download_statistics.additional_properties = d
        return download_statistics

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
