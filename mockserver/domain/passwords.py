"""Password hashing (scrypt) with constant-time checks and a cache of verified secrets."""

from __future__ import annotations

import hashlib
import hmac
import os

__all__ = ["hash_password", "verify_password"]

_N, _R, _P = 2**14, 8, 1
_verified: dict[tuple[str, bytes], bool] = {}


def hash_password(password: str, salt: bytes | None = None) -> str:
    """`scrypt$<salt hex>$<hash hex>` for storage."""
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """Constant-time check; a success is remembered (keyed by a digest, never the password)."""
    key = (stored, hashlib.sha256(stored.encode() + password.encode()).digest())
    if key in _verified:
        return True
    _, salt_hex, digest_hex = stored.split("$")
    candidate = hashlib.scrypt(
        password.encode(), salt=bytes.fromhex(salt_hex), n=_N, r=_R, p=_P, dklen=32
    )
    ok = hmac.compare_digest(candidate.hex(), digest_hex)
    if ok:
        if len(_verified) > 10_000:
            _verified.clear()
        _verified[key] = True
    return ok
