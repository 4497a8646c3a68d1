"""The XML writer: DataContractSerializer's shapes for types, HttpError's for errors."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mockserver.http.xml_serializer import (
    ARRAYS_NAMESPACE,
    INSTANCE_NAMESPACE,
    MODELS_NAMESPACE,
    SERIALIZATION_NAMESPACE,
    DataContractWriter,
    encode_name,
    error_document,
)

__all__: list[str] = []

#: What XML 1.0 cannot carry at all (its Char production, inverted).
NOT_XML = re.compile(r"[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
NIL = f"{{{INSTANCE_NAMESPACE}}}nil"
M = f"{{{MODELS_NAMESPACE}}}"
A = f"{{{ARRAYS_NAMESPACE}}}"
SPEC: dict[str, Any] = {
    "components": {
        "schemas": {
            "Item": {
                "type": "object",
                "properties": {
                    "Id": {"type": "integer"},
                    "Name": {"type": "string", "nullable": True},
                    "Deleted": {"type": "boolean"},
                },
            },
            "Page": {
                "type": "object",
                "properties": {
                    "Items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
                    "Ids": {"type": "array", "items": {"$ref": "#/components/schemas/Id"}},
                    "Big": {"type": "array", "items": {"type": "integer", "format": "int64"}},
                    "Tags": {"type": "array", "items": {"type": "string"}},
                    "Codes": {
                        "type": "array",
                        "items": {"type": "object", "properties": {"Code": {"type": "integer"}}},
                    },
                    "Named": {
                        "type": "array",
                        "items": {"type": "object", "title": "Label", "properties": {}},
                    },
                    "Gender": {"$ref": "#/components/schemas/Gender"},
                },
            },
            "Id": {"type": "integer", "format": "int32"},
            "Gender": {"type": "integer", "enum": [0, 1, 2], "x-enum-names": ["M", "F", "U"]},
        }
    }
}
WRITER = DataContractWriter(SPEC)


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def parse(xml: str) -> ET.Element:
    """Then: the text is well-formed XML (ElementTree parses it)."""
    return ET.fromstring(xml.encode("utf-8"))


def children(element: ET.Element) -> list[str]:
    return [child.tag for child in element]


# -- types ---------------------------------------------------------------------------------


def test_root_is_named_after_the_schema_in_the_models_namespace() -> None:
    """Given an object answer of schema Item, When written, Then the root is Item in the
    models namespace, declaring `xmlns:i` before the default namespace as DCS does."""
    xml = WRITER.document({"Id": 1, "Name": "x", "Deleted": False}, ref("Item"))

    assert xml.startswith(
        f'<Item xmlns:i="{INSTANCE_NAMESPACE}" xmlns="{MODELS_NAMESPACE}"><Deleted>'
    )
    assert parse(xml).tag == f"{M}Item"


def test_members_go_out_in_ordinal_order_of_their_names() -> None:
    """Given keys in mixed case, When written, Then they are ordered by code point
    (upper case before lower case, as ordinal comparison does), not as sent."""
    value = {"b": 1, "Id": 2, "ID": 3, "a": 4, "Name": 5, "_x": 6}

    root = parse(WRITER.document(value, None, "Thing"))

    assert children(root) == [f"{M}{name}" for name in ["ID", "Id", "Name", "_x", "a", "b"]]


def test_null_is_nil_and_booleans_are_lower_case() -> None:
    """Given a null name and both booleans, When written, Then null is `i:nil="true"` and the
    booleans are `true`/`false`."""
    xml = WRITER.document({"Id": 1, "Name": None, "Deleted": True}, ref("Item"))
    root = parse(xml)

    assert '<Name i:nil="true"/>' in xml
    assert root.find(f"{M}Name").get(NIL) == "true"  # type: ignore[union-attr]
    assert root.findtext(f"{M}Deleted") == "true"
    assert "<Deleted>false</Deleted>" in WRITER.document({"Deleted": False}, ref("Item"))


def test_list_items_are_named_after_their_type() -> None:
    """Given a page with lists of objects, int32s, int64s, strings and inline objects, When
    written, Then the items are `Item`, `a:int`, `a:long`, `a:string` (Arrays namespace
    declared on the list) and `<member>Item` or the inline schema's title."""
    value = {
        "Items": [{"Id": 1, "Name": None, "Deleted": False}, {"Id": 2}],
        "Ids": [1, 2],
        "Big": [2**40],
        "Tags": ["t", None],
        "Codes": [{"Code": 7}],
        "Named": [{}],
    }

    xml = WRITER.document(value, ref("Page"))
    root = parse(xml)

    assert children(root.find(f"{M}Items")) == [f"{M}Item", f"{M}Item"]  # type: ignore[arg-type]
    assert f'<Ids xmlns:a="{ARRAYS_NAMESPACE}"><a:int>1</a:int><a:int>2</a:int></Ids>' in xml
    assert root.findtext(f"{M}Big/{A}long") == str(2**40)
    assert '<a:string i:nil="true"/>' in xml
    assert root.findtext(f"{M}Codes/{M}CodesItem/{M}Code") == "7"
    assert children(root.find(f"{M}Named")) == [f"{M}Label"]  # type: ignore[arg-type]


def test_lists_without_a_schema_are_named_by_their_values() -> None:
    """Given members the schema does not describe, When written, Then int and string lists
    still go to the Arrays namespace and object items get `<member>Item`."""
    root = parse(WRITER.document({"N": [1], "S": ["x"], "O": [{"k": True}], "E": []}, None))

    assert root.findtext(f"{M}N/{A}int") == "1"
    assert root.findtext(f"{M}S/{A}string") == "x"
    assert root.findtext(f"{M}O/{M}OItem/{M}k") == "true"
    assert list(root.find(f"{M}E")) == []  # type: ignore[arg-type]


def test_an_enum_with_names_is_written_by_name() -> None:
    """Given a schema with `x-enum-names`, When its value is written, Then the name goes out
    (DataContractSerializer writes enum members by name); a value it lacks stays a number."""
    assert "<Gender>F</Gender>" in WRITER.document({"Gender": 1}, ref("Page"))
    assert "<Gender>9</Gender>" in WRITER.document({"Gender": 9}, ref("Page"))


def test_a_root_list_is_array_of_its_item_type() -> None:
    """Given root lists of objects and of ints, When written, Then they are `ArrayOfItem` in
    the models namespace and `ArrayOfint` in the Arrays namespace."""
    objects = parse(WRITER.document([{"Id": 1}], {"type": "array", "items": ref("Item")}))
    ints = parse(WRITER.document([1, 2], {"type": "array", "items": {"type": "integer"}}))

    assert objects.tag == f"{M}ArrayOfItem"
    assert children(objects) == [f"{M}Item"]
    assert ints.tag == f"{A}ArrayOfint"
    assert [child.text for child in ints] == ["1", "2"]


def test_a_null_root_and_a_primitive_root() -> None:
    """Given a null answer and a string answer, When written, Then the first is a nil root,
    the second `<string>` in the serialization namespace."""
    nil = parse(WRITER.document(None, ref("Item")))
    text = parse(WRITER.document("v", {"type": "string"}))

    assert (nil.tag, nil.get(NIL)) == (f"{M}Item", "true")
    assert (text.tag, text.text) == (f"{{{SERIALIZATION_NAMESPACE}}}string", "v")


def test_nested_objects_and_numbers() -> None:
    """Given a nested object and a float, When written, Then the object's members are nested
    elements in order and the float reads back as the same number."""
    root = parse(WRITER.document({"Inner": {"z": 1, "a": 0.1}, "Ratio": 1e20}, None, "Outer"))

    assert children(root.find(f"{M}Inner")) == [f"{M}a", f"{M}z"]  # type: ignore[arg-type]
    assert float(root.findtext(f"{M}Ratio") or "") == 1e20
    assert float(root.findtext(f"{M}Inner/{M}a") or "") == 0.1


# -- text ----------------------------------------------------------------------------------


def test_markup_characters_are_escaped() -> None:
    """Given text with markup, quotes and a CDATA end, When written, Then it reads back the same."""
    text = "A & B <c> \"d\" 'e' ]]> &amp;"

    root = parse(WRITER.document({"Name": text}, ref("Item")))

    assert root.findtext(f"{M}Name") == text


def test_carriage_returns_survive_and_control_characters_become_replacement() -> None:
    """Given CR, LF, tab, C0 controls, a lone surrogate and U+FFFE, When written, Then the
    output is well-formed, CR/LF/tab read back as sent and the others as U+FFFD."""
    text = "a\r\nb\tc\x00d\x1fe\ud800f\ufffeg\U0001f600"

    xml = WRITER.document({"Name": text}, ref("Item"))

    assert "&#xD;" in xml
    assert parse(xml).findtext(f"{M}Name") == "a\r\nb\tc\ufffdd\ufffde\ufffdf\ufffdg\U0001f600"
    xml.encode("utf-8")  # no surrogate left


@given(st.text())
def test_any_text_reads_back_as_itself_where_xml_can_carry_it(text: str) -> None:
    """Given any text, as a value and as a key, When written, Then the XML parses, the value
    reads back with only the characters XML 1.0 cannot carry replaced, and the key is a name."""
    xml = WRITER.document({"Name": text}, ref("Item"))

    root = parse(xml)

    assert (root.findtext(f"{M}Name") or "") == NOT_XML.sub("\ufffd", text)
    parse(f"<{encode_name(text)}/>")


@pytest.mark.parametrize(
    ("key", "encoded"),
    [
        ("Message", "Message"),
        ("a b", "a_x0020_b"),
        ("request.Ids[0]", "request.Ids_x005B_0_x005D_"),
        ("1st", "_x0031_st"),
        ("a:b", "a_x003A_b"),
        ("_x0041_", "_x005F_x0041_"),
        ("_x", "_x"),
        ("é", "_x00E9_"),
        ("", "_"),
    ],
)
def test_keys_are_encoded_as_xmlconvert_does(key: str, encoded: str) -> None:
    """Given a key, When it becomes an element name, Then XmlConvert.EncodeLocalName's
    encoding is used where XML cannot carry it."""
    assert encode_name(key) == encoded
    parse(f"<{encoded}/>")


# -- errors --------------------------------------------------------------------------------


def test_an_error_is_httperror_shaped() -> None:
    """Given an error body with detail, null and ModelState, When written, Then the root is
    `<Error>` without namespace, keys in the order sent, null an empty element, ModelState
    nested with each key's messages joined by spaces and its keys encoded."""
    body = {
        "Message": "The request is invalid.",
        "MessageDetail": None,
        "ModelState": {"pageNr": ["too big", "not even"], "ids[0]": ["bad"]},
        "Code": 400,
        "Status": "BAD_REQUEST",
    }

    xml = error_document(body)
    root = parse(xml)

    assert root.tag == "Error"
    assert children(root) == ["Message", "MessageDetail", "ModelState", "Code", "Status"]
    assert root.findtext("MessageDetail") == ""
    assert root.findtext("ModelState/pageNr") == "too big not even"
    assert root.findtext("ModelState/ids_x005B_0_x005D_") == "bad"
    assert root.findtext("Code") == "400"
    assert "xmlns" not in xml


def test_an_error_escapes_its_message() -> None:
    """Given an error message echoing hostile input, When written, Then it is escaped."""
    root = parse(error_document({"Message": "bad '<x>' & \x01", "Flag": True}))

    assert root.findtext("Message") == "bad '<x>' & \ufffd"
    assert root.findtext("Flag") == "true"
