"""A validating proxy in front of the real service: checks each exchange against the contract,
tracks which inferred facts the service confirms or refutes, and records fixtures.

`python -m mockserver proxy --upstream URL` serves it; `python -m mockserver proxy-report DIR`
sums up a folder of recorded fixtures. See README, "Check the contract against production".
"""

from __future__ import annotations

__all__: list[str] = []
