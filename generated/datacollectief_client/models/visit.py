from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.click_path_step import ClickPathStep
    from ..models.info_visit import InfoVisit
    from ..models.lead_company import LeadCompany


T = TypeVar("T", bound="Visit")


@_attrs_define
class Visit:
    """
    Attributes:
        company (LeadCompany): The visiting company (bedrijfsinformatie).
        info_visit (InfoVisit): The visit (bezoekersinformatie).
        click_path (list[ClickPathStep]):
    """

    company: LeadCompany
    info_visit: InfoVisit
    click_path: list[ClickPathStep]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        company = self.company.to_dict()

        info_visit = self.info_visit.to_dict()

        click_path = []
        for click_path_item_data in self.click_path:
            click_path_item = click_path_item_data.to_dict()
            click_path.append(click_path_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Company": company,
                "InfoVisit": info_visit,
                "ClickPath": click_path,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.click_path_step import ClickPathStep  # noqa: PLC0415
        from ..models.info_visit import InfoVisit  # noqa: PLC0415
        from ..models.lead_company import LeadCompany  # noqa: PLC0415

        d = dict(src_dict)
        company = LeadCompany.from_dict(d.pop("Company"))

        info_visit = InfoVisit.from_dict(d.pop("InfoVisit"))

        click_path = []
        _click_path = d.pop("ClickPath")
        for click_path_item_data in _click_path:
            click_path_item = ClickPathStep.from_dict(click_path_item_data)

            click_path.append(click_path_item)

        visit = cls(
            company=company,
            info_visit=info_visit,
            click_path=click_path,
        )

        visit.additional_properties = d
        return visit

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
