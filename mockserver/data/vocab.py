"""Word lists for the synthetic dataset, loaded from `words/` and precomputed for fast sampling."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, TypeVar

__all__ = ["City", "Vocab", "ascii_slug", "load_vocab", "weighted_table"]

T = TypeVar("T")

#: Letters used in the two-letter part of a Dutch postcode (F, I, O, Q, U and Y are not used).
POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
#: Letter pairs never issued (SA, SD and SS have unfortunate connotations).
_BANNED_PAIRS = frozenset({"SA", "SD", "SS"})


def ascii_slug(text: str) -> str:
    """Fold `text` to lowercase ASCII letters and digits ('Coöperatie Zuid' -> 'cooperatiezuid')."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def weighted_table(items: list[T], weights: list[float], bits: int = 12) -> list[T]:
    """Expand `items` into a list of 2**bits entries, each repeated in proportion to its weight."""
    size = 1 << bits
    total = float(sum(weights))
    table: list[T] = []
    acc = 0.0
    for item, weight in zip(items, weights, strict=True):
        acc += weight
        table.extend([item] * (round(acc / total * size) - len(table)))
    table.extend([items[-1]] * (size - len(table)))
    return table


@dataclass(frozen=True, slots=True)
class City:
    """A place with its province, postcode range (4-digit part) and telephone area code."""

    name: str
    province: str
    postcode_from: int
    postcode_to: int
    area_code: str
    slug: str


@dataclass(frozen=True, slots=True)
class Vocab:
    """Everything the generator samples from, as lists and 4096-entry weighted tables."""

    cities: tuple[City, ...]
    city_table: list[City]
    male_first: list[tuple[str, str]]
    female_first: list[tuple[str, str]]
    unisex_first: list[tuple[str, str]]
    surnames: list[tuple[str, str, str]]
    streets: list[str]
    brand_prefixes: list[str]
    brand_suffixes: list[str]
    activities: dict[int, list[tuple[str, str]]]
    branche_table: list[int]
    function_table: list[int]
    function_departments: dict[int, str]
    legal_form_table: list[int]
    employee_table: list[int]
    import_export_table: list[int]
    postcode_pairs: list[str]
    leads: dict[str, Any]


def _read_json(name: str) -> Any:
    """Parse one file of `words/`."""
    return json.loads(resources.files(__package__).joinpath("words", name).read_text("utf-8"))


def _table(weights: dict[str, float]) -> list[int]:
    """Turn a JSON {id: weight} mapping into a weighted table of int ids."""
    ids = [int(k) for k in weights]
    return weighted_table(ids, [float(weights[k]) for k in weights])


@cache
def load_vocab() -> Vocab:
    """Load and precompute all word lists once per process."""
    names = _read_json("names.json")
    cities = tuple(
        City(
            c["city"],
            c["province"],
            c["postcode_from"],
            c["postcode_to"],
            c["area_code"],
            ascii_slug(c["city"]),
        )
        for c in _read_json("cities.json")
    )
    surnames = []
    for s in names["surnames"]:
        capitalised = s[0].upper() + s[1:]
        surnames.append((s, capitalised, ascii_slug(s)))
    return Vocab(
        cities=cities,
        city_table=weighted_table(
            list(cities), [float(c["weight"]) for c in _read_json("cities.json")]
        ),
        male_first=[(n, ascii_slug(n)) for n in names["first_names_male"]],
        female_first=[(n, ascii_slug(n)) for n in names["first_names_female"]],
        unisex_first=[(n, ascii_slug(n)) for n in names["first_names_unisex"]],
        surnames=surnames,
        streets=list(names["streets"]),
        brand_prefixes=list(names["brand_prefixes"]),
        brand_suffixes=list(names["brand_suffixes"]),
        activities={
            int(k): [(a, ascii_slug(a)) for a in v] for k, v in names["activities"].items()
        },
        branche_table=_table(names["branche_weights"]),
        function_table=_table(names["function_weights"]),
        function_departments={int(k): v for k, v in names["function_departments"].items()},
        legal_form_table=_table(names["legal_form_weights"]),
        employee_table=_table(names["employee_weights"]),
        import_export_table=_table(names["import_export_weights"]),
        postcode_pairs=[
            a + b for a in POSTCODE_LETTERS for b in POSTCODE_LETTERS if a + b not in _BANNED_PAIRS
        ],
        leads=_read_json("leads.json"),
    )
