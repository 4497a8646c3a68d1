"""Turn JSON values drawn from the spec into the arguments of generated endpoint functions."""

from __future__ import annotations

import enum
import types
import typing
from typing import Any

__all__ = ["argument_value"]


def argument_value(hint: Any, value: Any) -> Any:
    """Turn a JSON value into the Python type an endpoint argument is annotated with."""
    options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    for option in options:
        if isinstance(option, type) and issubclass(option, enum.Enum):
            return option(value)
        if hasattr(option, "from_dict"):
            return option.from_dict(value)
    return value
