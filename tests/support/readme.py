"""The README's Python examples, found by the marker before each block."""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["PYTHON_BLOCKS", "README", "SERVED", "UNDER_PYTEST"]

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
#: Every python block, in order.
PYTHON_BLOCKS: list[str] = re.findall(r"```python\n(.*?)```", README, re.S)
_MARKED = re.findall(
    r'<!-- example: (served|pytest)(?:, prints "([^"]*)")? -->\n```python\n(.*?)```', README, re.S
)
#: `<!-- example: served[, prints "..."] -->`: (what it prints first, the code) of each block
#: that runs as a script against a served mock at http://127.0.0.1:8080.
SERVED: list[tuple[str, str]] = [
    (prints, code) for kind, prints, code in _MARKED if kind == "served"
]
#: `<!-- example: pytest -->`: each block that runs as a test file under pytest.
UNDER_PYTEST: list[str] = [code for kind, _, code in _MARKED if kind == "pytest"]
