"""Deterministic synthetic Dutch companies and contacts, streamed as rows in table column order."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .leads import generate_websites_and_leads
from .vocab import Vocab, load_vocab, weighted_table

__all__ = [
    "BLOCK_SIZE",
    "COMPANY_COLUMNS",
    "CONTACT_COLUMNS",
    "HISTORY_SECONDS",
    "contact_counts",
    "generate_blocks",
    "generate_companies",
    "generate_contacts",
    "generate_websites_and_leads",
]

#: Column order of the `companies` table; every generated company tuple follows it.
COMPANY_COLUMNS = (
    "id", "name", "street", "street_number", "street_number_suffix", "zip_code", "city", "province",
    "po_box", "po_box_zip_code", "po_box_city", "telephone", "email", "url", "kvk_number",
    "branche_id", "employee_id", "legal_form_id", "import_export_id", "deleted", "created_at",
    "stamps", "last_changed",
)  # fmt: skip
#: Column order of the `contacts` table; every generated contact tuple follows it.
CONTACT_COLUMNS = (
    "id", "company_id", "name", "first_name", "initials", "gender", "function_id", "department",
    "email", "telephone", "mobilephone", "deleted", "created_at", "stamps", "last_changed",
)  # fmt: skip

#: Companies are generated in blocks of this size; company i depends only on (seed, block of i).
BLOCK_SIZE = 1000
#: created_at is spread over this many seconds before `now` (five years).
HISTORY_SECONDS = 5 * 365 * 86400

_COMPANY_CHANGEABLE = (
    "name", "street", "street_number", "zip_code", "telephone", "email", "url", "employee_id",
    "branche_id", "import_export_id", "po_box",
)  # fmt: skip
_CONTACT_CHANGEABLE = (
    "name",
    "function_id",
    "department",
    "email",
    "telephone",
    "mobilephone",
    "initials",
)
_SUFFIXES = ("A", "B", "C", "a", "b", "-1", "-2", "bis", "hs", "I", "II")
_EMAIL_BOXES = weighted_table(
    ["info", "contact", "administratie", "mail", "verkoop", "office"], [70, 8, 7, 7, 4, 4], bits=8
)
_TLDS = weighted_table([".nl", ".com", ".eu"], [90, 7, 3], bits=8)
_CONTACT_COUNTS = weighted_table(list(range(9)), [8, 13, 20, 22, 16, 10, 6, 3, 2], bits=8)
_GENDERS = weighted_table([0, 1, 2], [55, 42, 3], bits=8)
_INITIALS = "ABCDEFGHJKLMNPRSTW"
# Per legal form: (name prefix, name suffix, base name kinds it draws from; see `_base_name`).
_LEGAL_NAME = {
    1: ("", "", (0, 1, 1, 2, 3, 4, 6)),
    2: ("", " V.O.F.", (0, 5, 5, 3)),
    3: ("", " C.V.", (0, 2, 3)),
    4: ("", " B.V.", (0, 0, 2, 3, 3, 4, 7)),
    5: ("", " N.V.", (2, 3, 0)),
    6: ("Stichting ", "", (4, 2, 0)),
    7: ("Vereniging ", "", (4, 2)),
    8: ("Coöperatie ", " U.A.", (2, 4)),
    9: ("Maatschap ", "", (5, 5, 4)),
    10: ("Onderlinge Waarborgmaatschappij ", " U.A.", (2,)),
    11: ("Protestantse Gemeente ", "", (8,)),
    12: ("Gemeente ", "", (8,)),
    13: ("", " GmbH", (2, 3)),
}


@dataclass(frozen=True, slots=True)
class _Owner:
    """What a contact borrows from its company."""

    id: int
    domain: str
    area_code: str
    created_at: int
    end: int
    deleted_at: int


def _base_name(
    r: random.Random, v: Vocab, kind: int, branche: int, city_name: str, city_slug: str
) -> tuple[str, list[str]]:
    """Return a company base name and the slugs its domain name is made of."""
    # kind: 0 'De Vries Bouw', 1 'Bouwbedrijf de Vries', 2 'Technovision', 3 'Technovision ICT',
    # 4 'Bouwbedrijf Goes', 5 'Jansen & de Vries', 6 'Klusbedrijf P. de Vries',
    # 7 'De Vries Holding', 8 'Goes' (after a prefix such as 'Gemeente ').
    rnd = r.random
    if kind in (0, 1, 6, 7):
        surname, surname_cap, surname_slug = v.surnames[int(rnd() * len(v.surnames))]
        acts = v.activities[branche]
        act, act_slug = acts[int(rnd() * len(acts))]
        if kind == 0:
            return f"{surname_cap} {act}", [surname_slug, act_slug]
        if kind == 7:
            return f"{surname_cap} Holding", [surname_slug, "holding"]
        if kind == 6:
            initial = _INITIALS[int(rnd() * len(_INITIALS))]
            return f"{act} {initial}. {surname}", [act_slug, initial.lower() + surname_slug]
        return f"{act} {surname}", [act_slug, surname_slug]
    if kind in (2, 3):
        prefix = v.brand_prefixes[int(rnd() * len(v.brand_prefixes))]
        brand = prefix + v.brand_suffixes[int(rnd() * len(v.brand_suffixes))]
        if kind == 2:
            return brand, [brand.lower()]
        acts = v.activities[branche]
        act, act_slug = acts[int(rnd() * len(acts))]
        return f"{brand} {act}", [brand.lower(), act_slug]
    if kind == 4:
        acts = v.activities[branche]
        act, act_slug = acts[int(rnd() * len(acts))]
        return f"{act} {city_name}", [act_slug, city_slug]
    if kind == 5:
        a = v.surnames[int(rnd() * len(v.surnames))]
        b = v.surnames[int(rnd() * len(v.surnames))]
        return f"{a[1]} & {b[0]}", [a[2], b[2]]
    return city_name, [city_slug]


def _combinations(fields: tuple[str, ...], most: int) -> list[list[tuple[str, ...]]]:
    """All combinations of 1..most fields, by size (a cheap stand-in for `random.sample`)."""
    return [[], *(list(itertools.combinations(fields, k)) for k in range(1, most + 1))]


_COMPANY_CHANGES = _combinations(_COMPANY_CHANGEABLE, 3)
_CONTACT_CHANGES = _combinations(_CONTACT_CHANGEABLE, 2)


def _stamps(
    rnd: Callable[[], float], changes: list[list[tuple[str, ...]]], start: int, end: int, count: int
) -> dict[str, int]:
    """Pick `count` distinct fields changed at times in (start, end]."""
    span = max(end - start, 1)
    combos = changes[count]
    return {f: start + 1 + int(rnd() * span) for f in combos[int(rnd() * len(combos))]}


def _stamps_json(stamps: dict[str, int]) -> str:
    """Serialise stamps as compact JSON without the cost of `json.dumps`."""
    return "{" + ",".join(f'"{k}":{t}' for k, t in stamps.items()) + "}"


def _company_block(
    seed: int, block: int, now: int, v: Vocab
) -> tuple[list[tuple[object, ...]], list[_Owner]]:
    """Generate all BLOCK_SIZE companies of one block, plus what their contacts need."""
    r = random.Random(f"datacollectief:{seed}:companies:{block}")
    rnd, bits = r.random, r.getrandbits
    city_table, streets, pairs = v.city_table, v.streets, v.postcode_pairs
    n_streets, n_pairs = len(streets), len(v.postcode_pairs)
    kvk_offset = (seed * 1_000_003) % 90_000_000
    rows: list[tuple[object, ...]] = []
    owners: list[_Owner] = []
    first = block * BLOCK_SIZE + 1
    for cid in range(first, first + BLOCK_SIZE):
        city = city_table[bits(12)]
        branche = v.branche_table[bits(12)]
        legal = v.legal_form_table[bits(12)]
        if legal == 12:
            branche = 37
        prefix, suffix, kinds = _LEGAL_NAME[legal]
        base, parts = _base_name(
            r, v, kinds[int(rnd() * len(kinds))], branche, city.name, city.slug
        )
        if suffix == " V.O.F." and rnd() < 0.5:
            suffix = ""
        name = prefix + base + suffix
        domain = ("-" if rnd() < 0.3 else "").join(parts) + _TLDS[bits(8)]
        span = city.postcode_to - city.postcode_from + 1
        zip_code = f"{city.postcode_from + int(rnd() * span)} {pairs[int(rnd() * n_pairs)]}"
        po_box: str | None
        po_zip: str | None
        po_city: str | None
        if rnd() < 0.08:
            po_box = str(1 + int(rnd() * 9000))
            po_zip = f"{city.postcode_from + int(rnd() * span)} {pairs[int(rnd() * n_pairs)]}"
            po_city = city.name
        else:
            po_box = po_zip = po_city = None
        area = city.area_code
        telephone = (
            f"{area}-{int((2 + rnd() * 8) * 10 ** (9 - len(area)))}" if rnd() < 0.95 else None
        )
        email = f"{_EMAIL_BOXES[bits(8)]}@{domain}" if rnd() < 0.85 else None
        url = f"www.{domain}" if rnd() < 0.75 else None
        created = now - 60 - int(rnd() * HISTORY_SECONDS)
        stamps = (
            _stamps(rnd, _COMPANY_CHANGES, created, now, 1 + int(rnd() ** 2 * 3))
            if rnd() < 0.2
            else None
        )
        deleted_at = 0
        if rnd() < 0.03:
            deleted_at = created + 1 + int(rnd() * max(now - created, 1))
            stamps = stamps or {}
            deleted_at = max([deleted_at, *stamps.values()])  # deletion is the last change
            stamps["deleted"] = deleted_at
        rows.append((
            cid, name, streets[int(rnd() * n_streets)], 1 + int(rnd() ** 2 * 250),
            _SUFFIXES[int(rnd() * len(_SUFFIXES))] if rnd() < 0.1 else None,
            zip_code, city.name, city.province, po_box, po_zip, po_city, telephone, email, url,
            str((cid * 7_368_787 + kvk_offset) % 90_000_000 + 10_000_000),
            branche, v.employee_table[bits(12)], legal, v.import_export_table[bits(12)],
            1 if deleted_at else 0, created,
            _stamps_json(stamps) if stamps else None,
            max(stamps.values()) if stamps else created,
        ))  # fmt: skip
        owners.append(_Owner(cid, domain, area, created, deleted_at or now, deleted_at))
    if block == 0:
        rows[0], owners[0] = _anchor(rows[0], owners[0], now)
    return rows, owners


def _anchor(row: tuple[object, ...], owner: _Owner, now: int) -> tuple[tuple[object, ...], _Owner]:
    """Turn company 1 into DATA-collectief B.V. in Goes (never deleted, never changed), so
    `*ata-collectief*` always finds it."""
    created = now - HISTORY_SECONDS
    fields = dict(zip(COMPANY_COLUMNS, row, strict=True))
    fields.update(
        name="DATA-collectief B.V.", street="Voorstraat", street_number=12,
        street_number_suffix=None, zip_code="4461 AB", city="Goes", province="Zeeland",
        po_box=None, po_box_zip_code=None, po_box_city=None, telephone="0113-212345",
        email="info@data-collectief.nl", url="www.data-collectief.nl", branche_id=32,
        employee_id=6, legal_form_id=4, import_export_id=1, deleted=0, created_at=created,
        stamps=None, last_changed=created,
    )  # fmt: skip
    return tuple(fields.values()), _Owner(owner.id, "data-collectief.nl", "0113", created, now, 0)


def contact_counts(seed: int, block: int) -> list[int]:
    """Number of contacts (0-8, mean about 3) of each company in one block."""
    bits = random.Random(f"datacollectief:{seed}:contact-counts:{block}").getrandbits
    return [_CONTACT_COUNTS[bits(8)] for _ in range(BLOCK_SIZE)]


def _contact_block(
    seed: int, block: int, owners: list[_Owner], counts: list[int], first_id: int, v: Vocab
) -> list[tuple[object, ...]]:
    """Generate the contacts of one block of companies, numbered from `first_id`."""
    r = random.Random(f"datacollectief:{seed}:contacts:{block}")
    rnd, bits = r.random, r.getrandbits
    firsts = (v.male_first, v.female_first, v.unisex_first)  # indexed by gender
    surnames = v.surnames
    n_s, n_i = len(surnames), len(_INITIALS)
    function_table, departments = v.function_table, v.function_departments
    rows: list[tuple[object, ...]] = []
    contact_id = first_id
    for owner, count in zip(owners, counts, strict=False):
        for k in range(count):
            gender = _GENDERS[bits(8)]
            names = firsts[gender]
            first_name, first_slug = names[int(rnd() * len(names))]
            initial = first_name[0]
            initials = f"{initial}.{_INITIALS[int(rnd() * n_i)]}." if rnd() < 0.3 else f"{initial}."
            surname, _, surname_slug = surnames[int(rnd() * n_s)]
            function_id = 1 if k == 0 and rnd() < 0.5 else function_table[bits(12)]
            p = rnd()
            if p < 0.35:
                email = f"{initial.lower()}.{surname_slug}@{owner.domain}"
            elif p < 0.6:
                email = f"{first_slug}.{surname_slug}@{owner.domain}"
            elif p < 0.75:
                email = f"{first_slug}@{owner.domain}"
            else:
                email = None
            area = owner.area_code
            telephone = (
                f"{area}-{int((2 + rnd() * 8) * 10 ** (9 - len(area)))}" if rnd() < 0.5 else None
            )
            mobile = f"06-{int((1 + rnd() * 9) * 10_000_000)}" if rnd() < 0.55 else None
            created = owner.created_at + int(rnd() * (owner.end - owner.created_at))
            stamps = (
                _stamps(rnd, _CONTACT_CHANGES, created, owner.end, 1 + int(rnd() ** 2 * 2))
                if rnd() < 0.2
                else None
            )
            deleted_at = owner.deleted_at
            if not deleted_at and rnd() < 0.025:
                deleted_at = created + 1 + int(rnd() * max(owner.end - created, 1))
            if deleted_at:
                stamps = stamps or {}
                stamps["deleted"] = max([deleted_at, created, *stamps.values()])
            rows.append((
                contact_id, owner.id, surname, first_name, initials, gender, function_id,
                departments[function_id], email, telephone, mobile, 1 if deleted_at else 0, created,
                _stamps_json(stamps) if stamps else None,
                max(stamps.values()) if stamps else created,
            ))  # fmt: skip
            contact_id += 1
    return rows


def generate_blocks(
    seed: int, count: int, now: int, first_block: int = 0, first_contact_id: int = 1
) -> Iterator[tuple[list[tuple[object, ...]], list[tuple[object, ...]]]]:
    """Yield (companies, contacts) per block of BLOCK_SIZE companies, for companies 1..count."""
    v = load_vocab()
    contact_id = first_contact_id
    last_block = (count - 1) // BLOCK_SIZE if count > 0 else -1
    for block in range(first_block, last_block + 1):
        companies, owners = _company_block(seed, block, now, v)
        keep = min(BLOCK_SIZE, count - block * BLOCK_SIZE)
        counts = contact_counts(seed, block)[:keep]
        contacts = _contact_block(seed, block, owners[:keep], counts, contact_id, v)
        contact_id += len(contacts)
        yield companies[:keep], contacts


def generate_companies(seed: int, count: int, now: int) -> Iterator[tuple[object, ...]]:
    """Yield companies 1..count as tuples in COMPANY_COLUMNS order."""
    v = load_vocab()
    for block in range((count + BLOCK_SIZE - 1) // BLOCK_SIZE):
        rows, _ = _company_block(seed, block, now, v)
        yield from rows[: count - block * BLOCK_SIZE]


def generate_contacts(seed: int, companies: int, now: int) -> Iterator[tuple[object, ...]]:
    """Yield the contacts of companies 1..`companies` in CONTACT_COLUMNS order, ids from 1."""
    for _, contacts in generate_blocks(seed, companies, now):
        yield from contacts
