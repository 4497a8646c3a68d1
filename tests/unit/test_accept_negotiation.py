"""Which format an Accept header selects, as ASP.NET Web API's DefaultContentNegotiator picks."""

from __future__ import annotations

import pytest
import yaml

from mockserver.http.xml_negotiation import negotiate, response_schemas
from mockserver.settings import spec_dir

__all__: list[str] = []

JSON = None  # negotiate answers None for JSON


@pytest.mark.parametrize(
    ("accept", "selected"),
    [
        # Each of the four media types, and the rest of the no-XML cases.
        ("application/json", JSON),
        ("text/json", JSON),
        ("application/xml", "application/xml"),
        ("text/xml", "text/xml"),
        (None, JSON),
        ("", JSON),
        ("*/*", JSON),
        ("text/*", JSON),
        ("application/*", JSON),
        ("text/html", JSON),
        ("text/html, image/png", JSON),
        ("garbage", JSON),
        # Case, whitespace and parameters other than q do not matter.
        ("  Application/XML ; charset=utf-8 ", "application/xml"),
        ('application/xml; p="a,b"', "application/xml"),
        # Quality decides; among equals, the JSON formatter (registered first) wins.
        ("application/xml, application/json", JSON),
        ("application/json, application/xml", JSON),
        ("application/xml, application/json;q=0.9", "application/xml"),
        ("application/json;q=0.5, application/xml;q=0.9", "application/xml"),
        ("application/xml;q=0.5, application/json;q=0.6", JSON),
        ("application/xml;q=0", JSON),
        ("application/xml;q=0, */*", JSON),
        ("application/xml;q=abc", "application/xml"),  # an unreadable q counts as 1
        # Within the XML formatter, the first Accept value (by quality) picks the media type.
        ("text/xml, application/xml", "text/xml"),
        ("application/xml;q=0.8, text/xml", "text/xml"),
        # A literal match beats a range of equal quality; a range must be strictly better.
        ("application/xml, */*", "application/xml"),
        ("*/*, application/xml", "application/xml"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/xml"),
        ("application/xml;q=0.5, */*", JSON),
        ("application/xml;q=0.5, text/*", JSON),
        ("text/*;q=0.5, application/xml", "application/xml"),
    ],
)
def test_accept_selects_like_aspnet(accept: str | None, selected: str | None) -> None:
    """Given an Accept header, When negotiated, Then XML (with its media type) or JSON."""
    assert negotiate(accept) == selected


def test_every_documented_answer_has_its_schema() -> None:
    """Given the spec, When the answer table is built, Then each operation's 200 names its
    component schema and its errors the Error schema."""
    table = response_schemas(
        yaml.safe_load((spec_dir() / "datacollectief.yaml").read_text(encoding="utf-8"))
    )

    assert table[("getDownloadStatistics", "200")] == {
        "$ref": "#/components/schemas/DownloadStatistics"
    }
    assert table[("listCompanies", "200")] == {"$ref": "#/components/schemas/CompanyListPage"}
    assert table[("listCompanies", "400")] == {"$ref": "#/components/schemas/Error"}
    assert ("getVersion", "304") not in table  # no body
