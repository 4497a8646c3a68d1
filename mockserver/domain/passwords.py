"""Password hashing (scrypt) with constant-time checks and a cache of verified secrets.

A stored hash names its own cost, `scrypt:<n>:<r>:<p>$<salt hex>$<hash hex>`, so a check
uses the cost the hash was made with; the older `scrypt$<salt hex>$<hash hex>` means `FULL`.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

__all__ = [
    "CHEAP",
    "DUMMY_HASH",
    "FULL",
    "PASSWORD_COSTS",
    "PasswordChecker",
    "ScryptCost",
    "hash_password",
    "verify_password",
]


@dataclass(frozen=True)
class ScryptCost:
    """scrypt's work factors: CPU/memory cost `n` (a power of two), block size `r`, `p`."""

    n: int
    r: int
    p: int

    def label(self) -> str:
        """How a stored hash names this cost: `scrypt:<n>:<r>:<p>`."""
        return f"scrypt:{self.n}:{self.r}:{self.p}"


#: What a server listening for other processes uses: about 50 ms a hash.
FULL = ScryptCost(2**14, 8, 1)
#: What the in-process test mock uses: microseconds a hash. Still a salted scrypt hash, never
#: the password in clear, but too cheap to protect anything; for tests only.
CHEAP = ScryptCost(2, 1, 1)
#: The costs `Settings.password_cost` names.
PASSWORD_COSTS = {"full": FULL, "cheap": CHEAP}
#: Stored costs a check accepts at most (a hash from a hostile file must not exhaust memory).
_MAX_N, _MAX_R, _MAX_P = 2**20, 16, 16

#: A stored hash no password is checked against for real: `hash_password("not a password",
#: salt=16 NUL bytes)` at `FULL` cost in the older format, written out so that nothing runs at
#: import. Checking against it costs one scrypt, as a check against a real hash does.
DUMMY_HASH = (
    "scrypt$00000000000000000000000000000000"
    "$a23418c8b146c629d53ffbf97c9836cae13df0d6f942dc526fa33508b019fc44"
)


def _scrypt(password: str, salt: bytes, cost: ScryptCost) -> bytes:
    return hashlib.scrypt(password.encode(), salt=salt, n=cost.n, r=cost.r, p=cost.p, dklen=32)


def hash_password(password: str, salt: bytes | None = None, cost: ScryptCost = FULL) -> str:
    """`scrypt:<n>:<r>:<p>$<salt hex>$<hash hex>` for storage."""
    salt = salt if salt is not None else os.urandom(16)
    return f"{cost.label()}${salt.hex()}${_scrypt(password, salt, cost).hex()}"


def _parse(stored: str) -> tuple[ScryptCost, bytes, str] | None:
    """The cost, salt and hash of a stored hash, or None when it is not one we can check."""
    try:
        method, salt_hex, digest_hex = stored.split("$")
        if method == "scrypt":
            return FULL, bytes.fromhex(salt_hex), digest_hex
        name, n, r, p = method.split(":")
        cost = ScryptCost(int(n), int(r), int(p))
    except ValueError:
        return None
    if name != "scrypt" or not (1 < cost.n <= _MAX_N and 0 < cost.r <= _MAX_R):
        return None
    if not 0 < cost.p <= _MAX_P or cost.n & (cost.n - 1):
        return None
    try:
        return cost, bytes.fromhex(salt_hex), digest_hex
    except ValueError:
        return None


def verify_password(password: str, stored: str) -> bool:
    """Constant-time check of `password` against a stored hash at the cost it names (one
    scrypt, never cached); False for a hash in no format this module writes."""
    parsed = _parse(stored)
    if parsed is None:
        return False
    cost, salt, digest_hex = parsed
    return hmac.compare_digest(_scrypt(password, salt, cost).hex(), digest_hex)


class PasswordChecker:
    """Hashes at one cost, and `verify_password` that remembers its successes (keyed by a
    digest, never the password), so a client that sends the same credentials on every
    request pays scrypt once. One per backend: the cache is its state, not the module's."""

    def __init__(self, size: int = 10_000, cost: ScryptCost = FULL) -> None:
        self._size = size
        self.cost = cost
        self._verified: dict[tuple[str, bytes], bool] = {}
        self._dummy = DUMMY_HASH if cost == FULL else None

    def hash(self, password: str) -> str:
        """A new stored hash of `password` at this checker's cost."""
        return hash_password(password, cost=self.cost)

    @property
    def dummy_hash(self) -> str:
        """A hash at this checker's cost that no password is checked against for real."""
        if self._dummy is None:
            self._dummy = hash_password("not a password", bytes(16), self.cost)
        return self._dummy

    def verify(self, password: str, stored: str) -> bool:
        """Constant-time check; a success is remembered."""
        key = (stored, hashlib.sha256(stored.encode() + password.encode()).digest())
        if key in self._verified:
            return True
        ok = verify_password(password, stored)
        if ok:
            if len(self._verified) > self._size:
                self._verified.clear()
            self._verified[key] = True
        return ok
