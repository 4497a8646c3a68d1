"""Password hashing (scrypt) with constant-time checks and a cache of verified secrets."""

from __future__ import annotations

import hashlib
import hmac
import os

__all__ = ["DUMMY_HASH", "PasswordChecker", "hash_password", "verify_password"]

_N, _R, _P = 2**14, 8, 1
#: A stored hash no password is checked against for real: `hash_password("not a password",
#: salt=16 NUL bytes)`, written out so that nothing runs at import. Checking against it costs
#: one scrypt, as a check against a real hash does.
DUMMY_HASH = (
    "scrypt$00000000000000000000000000000000"
    "$a23418c8b146c629d53ffbf97c9836cae13df0d6f942dc526fa33508b019fc44"
)


def hash_password(password: str, salt: bytes | None = None) -> str:
    """`scrypt$<salt hex>$<hash hex>` for storage."""
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """Constant-time check of `password` against a stored hash (one scrypt, never cached)."""
    _, salt_hex, digest_hex = stored.split("$")
    candidate = hashlib.scrypt(
        password.encode(), salt=bytes.fromhex(salt_hex), n=_N, r=_R, p=_P, dklen=32
    )
    return hmac.compare_digest(candidate.hex(), digest_hex)


class PasswordChecker:
    """`verify_password` that remembers its successes (keyed by a digest, never the password),
    so a client that sends the same credentials on every request pays scrypt once. One per
    backend: the cache is its state, not the module's."""

    def __init__(self, size: int = 10_000) -> None:
        self._size = size
        self._verified: dict[tuple[str, bytes], bool] = {}

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
