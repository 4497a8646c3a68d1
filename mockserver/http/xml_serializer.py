"""XML as ASP.NET Web API writes it (DataContractSerializer), from a JSON answer and its schema.

A type (`document`):
- The root element is named after the answer's schema: the component name of its `$ref`
  (`Company`, `CompanyListPage`), else its `title`. It declares `xmlns:i` and the default
  namespace `MODELS_NAMESPACE`.
- Members are elements named exactly as the JSON keys (encoded as `XmlConvert.EncodeLocalName`
  does where XML cannot carry a key), in ordinal order of their names, DataContractSerializer's
  default without `[DataMember(Order)]`. Null is `i:nil="true"`, booleans `true`/`false`; a
  schema with `x-enum-names` beside its `enum` writes the name, as DataContractSerializer
  writes an enum member.
- A list holds one element per item, named after the item's type: the `$ref` component name
  (`<Companies><CompanyListItem>`), or `int`, `long`, `double`, `float`, `boolean`, `string` in
  `ARRAYS_NAMESPACE` (prefix `a`, declared on the list) for primitives. An inline object item
  takes its schema's `title`, else the list member's name plus `Item` (`BaseTableFunctionItem`):
  our choice, the service's class names are not public. A root list is `ArrayOf<item>`.

An error (`error_document`) is ASP.NET's `HttpError`, which writes itself: root `<Error>`
without namespace, keys in insertion (JSON) order, null as an empty element, a nested object
(`ModelState`) as nested elements, and a list (a key's messages) as `XmlWriter.WriteValue`
writes a `string[]`: the items joined by spaces.

Characters XML 1.0 cannot carry even as references (C0 controls other than tab, line feed and
carriage return; lone surrogates; U+FFFE, U+FFFF) are written as U+FFFD. DataContractSerializer
writes them as references such as `&#x1;`, which a conforming XML 1.0 parser rejects; the mock
stays well-formed instead. A carriage return is written as `&#xD;`, so that it survives parsing.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

__all__ = [
    "ARRAYS_NAMESPACE",
    "INSTANCE_NAMESPACE",
    "MODELS_NAMESPACE",
    "SERIALIZATION_NAMESPACE",
    "DataContractWriter",
    "encode_name",
    "error_document",
    "escape_text",
    "resolve_ref",
]

#: The data contract namespace of the service's model classes. Inferred: DataContractSerializer
#: derives it from the CLR namespace, which is not public; `DataCollectief.Api.Models` is a guess.
MODELS_NAMESPACE = "http://schemas.datacontract.org/2004/07/DataCollectief.Api.Models"
INSTANCE_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance"
#: The namespace of collections of primitives (`<a:int>`).
ARRAYS_NAMESPACE = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
#: The namespace of a primitive root (`<string xmlns="...">`).
SERIALIZATION_NAMESPACE = "http://schemas.microsoft.com/2003/10/Serialization/"

_NOT_XML = re.compile(r"[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#xD;"})
#: Name characters: ASCII only. XML 1.0 editions disagree on the letters beyond it (expat,
#: for one, refuses some the fifth edition allows), so those are encoded for every parser.
_NAME_START_CHAR = re.compile("[A-Z_a-z]")
_NAME_CHAR = re.compile(r"[A-Z_a-z0-9.\-]")
_NAME = re.compile(r"[A-Z_a-z][A-Z_a-z0-9.\-]*")
#: What XmlConvert would decode: an `_` starting it is escaped itself.
_LOOKS_ENCODED = re.compile(r"_[Xx](?:[0-9A-Fa-f]{4}_|[0-9A-Fa-f]{8}_)")
_INT32 = range(-(2**31), 2**31)
_PRIMITIVE_TYPES = {"boolean": "boolean", "string": "string"}
#: Python type -> JSON schema type; bool before int, which it subclasses.
_KINDS = (
    (bool, "boolean"), (int, "integer"), (float, "number"), (str, "string"),
    (dict, "object"), (list, "array"),
)  # fmt: skip
#: The reference chains followed at most (a cycle of `$ref`s is a broken spec).
_MAX_REFS = 32


def escape_text(text: str) -> str:
    """Text as element content: escaped, CR kept as a reference, non-XML characters U+FFFD."""
    return _NOT_XML.sub("\ufffd", text).translate(_ESCAPES)


def encode_name(name: str) -> str:
    """A key as an element name, as .NET's `XmlConvert.EncodeLocalName` encodes it.

    Characters a name cannot hold become `_xHHHH_` (`_xHHHHHHHH_` beyond U+FFFF), and an `_`
    that starts such a sequence already is escaped as `_x005F_`. Unlike .NET, non-ASCII letters
    are encoded too (see `_NAME`). XML has no empty name, and .NET fails on one: an empty key
    is written as `_` (our choice)."""
    if not name:
        return "_"
    if _NAME.fullmatch(name) and not _LOOKS_ENCODED.search(name):
        return name
    escaped = {match.start() for match in _LOOKS_ENCODED.finditer(name)}
    parts = []
    for index, char in enumerate(name):
        valid = (_NAME_START_CHAR if index == 0 else _NAME_CHAR).fullmatch(char)
        if index in escaped or not valid:
            code = ord(char)
            parts.append(f"_x{code:04X}_" if code <= 0xFFFF else f"_x{code:08X}_")
        else:
            parts.append(char)
    return "".join(parts)


def resolve_ref(spec: Mapping[str, Any], node: Any) -> tuple[str | None, Mapping[str, Any]]:
    """Follow local `$ref`s: the last component name on the way (if any) and the schema."""
    name = None
    for _ in range(_MAX_REFS):
        if not (isinstance(node, Mapping) and "$ref" in node):
            break
        ref = str(node["$ref"])
        name = ref.rsplit("/", 1)[-1]
        node = spec
        for part in ref.removeprefix("#/").split("/"):
            node = node.get(part) if isinstance(node, Mapping) else None
    return name, node if isinstance(node, Mapping) and "$ref" not in node else {}


def _wrap(tag: str, content: str, attributes: str = "") -> str:
    return f"<{tag}{attributes}>{content}</{tag}>" if content else f"<{tag}{attributes}/>"


def _number(value: float) -> str:
    """A double as XML Schema writes it."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "INF" if value > 0 else "-INF"
    return repr(value)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, dict | list):
        return escape_text(json.dumps(value, ensure_ascii=False))
    return escape_text(str(value))


def _primitive(kind: str | None, schema: Mapping[str, Any], sample: Any) -> str:
    """The Arrays-namespace name of a primitive item type (`int`, `string`, ...)."""
    if kind == "integer":
        wide = schema.get("format") == "int64" or (isinstance(sample, int) and sample not in _INT32)
        return "long" if wide else "int"
    if kind == "number":
        return "float" if schema.get("format") == "float" else "double"
    return _PRIMITIVE_TYPES.get(kind or "", "string")


def _kind(value: Any) -> str | None:
    """The JSON schema type of a value (for members the schema does not describe)."""
    for python_type, kind in _KINDS:
        if isinstance(value, python_type):
            return kind
    return None


def _type(schema: Mapping[str, Any]) -> str | None:
    """A schema's `type` (the first besides "null" where it lists several)."""
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), None)
    return str(kind) if kind else None


def _declarations(namespace: str) -> str:
    return f' xmlns:i="{INSTANCE_NAMESPACE}" xmlns="{namespace}"'


class DataContractWriter:
    """Writes JSON values as DataContractSerializer writes the types their schemas describe."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self._spec = spec

    def document(self, value: Any, schema: Any, fallback: str = "Result") -> str:
        """A whole answer; `fallback` names the root when the schema gives no name."""
        name, resolved = resolve_ref(self._spec, schema)
        if isinstance(value, list):
            items = resolved.get("items")
            item, in_arrays = self._item_name(items, value, name or fallback)
            prefix = "" if in_arrays else "a:"
            content = "".join(self._element(item, v, items, item, prefix) for v in value)
            declared = _declarations(ARRAYS_NAMESPACE if in_arrays else MODELS_NAMESPACE)
            return _wrap(f"ArrayOf{item}", content, declared)
        if value is None or isinstance(value, dict):
            tag = encode_name(name or resolved.get("title") or fallback)
            return self._element(tag, value, schema, tag, "a:", _declarations(MODELS_NAMESPACE))
        tag = _primitive(_type(resolved) or _kind(value), resolved, value)
        declared = f' xmlns="{SERIALIZATION_NAMESPACE}"'
        return _wrap(tag, self._value(value, resolved), declared)

    def _element(
        self, tag: str, value: Any, schema: Any, member: str, arrays: str, attributes: str = ""
    ) -> str:
        """`<tag>value</tag>`; `arrays` is the prefix of the Arrays namespace here."""
        if value is None:
            return f'<{tag} i:nil="true"{attributes}/>'
        _, resolved = resolve_ref(self._spec, schema)
        if isinstance(value, dict):
            return _wrap(tag, self._members(value, resolved, arrays), attributes)
        if isinstance(value, list):
            items = resolved.get("items")
            item, in_arrays = self._item_name(items, value, member)
            item_tag = f"{arrays}{item}" if in_arrays else item
            declare = f' xmlns:a="{ARRAYS_NAMESPACE}"' if in_arrays and arrays == "a:" else ""
            content = "".join(self._element(item_tag, v, items, item, arrays) for v in value)
            return _wrap(tag, content, declare)
        return _wrap(tag, self._value(value, resolved))

    def _members(self, value: Mapping[str, Any], schema: Mapping[str, Any], arrays: str) -> str:
        """An object's members in ordinal order of their names."""
        properties = self._properties(schema)
        extra = schema.get("additionalProperties")
        other = extra if isinstance(extra, Mapping) else None
        return "".join(
            self._element(encode_name(key), value[key], properties.get(key, other), key, arrays)
            for key in sorted(value)
        )

    def _properties(self, schema: Mapping[str, Any]) -> dict[str, Any]:
        """The declared properties, also those of `allOf` parts."""
        properties = dict(schema.get("properties") or {})
        for part in schema.get("allOf") or ():
            properties.update(self._properties(resolve_ref(self._spec, part)[1]))
        return properties

    def _item_name(self, items: Any, values: list[Any], member: str) -> tuple[str, bool]:
        """The element name of a list's items, and whether it is in the Arrays namespace."""
        name, resolved = resolve_ref(self._spec, items)
        sample = next((v for v in values if v is not None), None)
        kind = _type(resolved) or _kind(sample)
        if kind == "object" or (name and "x-enum-names" in resolved):
            return encode_name(name or resolved.get("title") or f"{member}Item"), False
        if kind == "array":
            nested = [v for inner in values if isinstance(inner, list) for v in inner]
            item, in_arrays = self._item_name(resolved.get("items"), nested, member)
            return f"ArrayOf{item}", in_arrays
        if kind is None:
            return "anyType", False
        return _primitive(kind, resolved, sample), True

    @staticmethod
    def _value(value: Any, schema: Mapping[str, Any]) -> str:
        """A primitive value; an enum value by its name where the schema names them."""
        # `x-enum-values` names the values of a plain number in answers (`GenderCode`).
        names, values = schema.get("x-enum-names"), schema.get("enum", schema.get("x-enum-values"))
        if isinstance(names, list) and isinstance(values, list) and not isinstance(value, bool):
            for candidate, label in zip(values, names, strict=False):
                if candidate == value and not isinstance(candidate, bool):
                    return escape_text(str(label))
        return _scalar(value)


def error_document(value: Any) -> str:
    """An error body as ASP.NET's `HttpError` writes itself (see the module docstring)."""
    return _wrap("Error", _error_content(value))


def _error_content(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return "".join(_wrap(encode_name(str(k)), _error_content(v)) for k, v in value.items())
    if isinstance(value, list):
        return " ".join(_scalar(item) for item in value if item is not None)
    return _scalar(value)
