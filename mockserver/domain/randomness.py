"""Secrets and tokens drawn from the injected random source."""

from __future__ import annotations

import base64
import random

__all__ = ["new_token", "new_code"]

_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_token(rng: random.Random, nbytes: int = 18) -> str:
    """A URL-safe token of `nbytes` random bytes (unguessable with a system source)."""
    raw = rng.getrandbits(nbytes * 8).to_bytes(nbytes, "big")
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def new_code(rng: random.Random) -> str:
    """A one-off activation code like `7KQ2-M9XD`."""
    chars = [_CODE_ALPHABET[rng.randrange(len(_CODE_ALPHABET))] for _ in range(8)]
    return "".join(chars[:4]) + "-" + "".join(chars[4:])
