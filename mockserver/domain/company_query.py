"""CompanyList filters as a WHERE clause over `companies`: `*` wildcards, the trigram index."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..store.schema import NAME_FOLDS_TO_ASCII
from .errors import InvalidInput

__all__ = [
    "FILTER_PARAMETERS",
    "CompanyQuery",
    "build_query",
    "check_text",
    "wildcard_to_like",
]

#: CompanyList's filter parameters -> the filter keys of `build_query`.
FILTER_PARAMETERS = {
    "companyName": "company_name", "street": "street", "streetNumber": "street_number",
    "zipCode": "zip_code", "city": "city", "telephone": "telephone", "POBox": "po_box",
    "POBoxZipCode": "po_box_zip_code", "POBoxCity": "po_box_city", "url": "url", "email": "email",
}  # fmt: skip
#: U+0000-U+001F and U+007F: no stored text holds one, and SQLite's LIKE stops at a NUL
#: (`*\x00abc*` would match every name).
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
_EXACT_COLUMNS = {
    "street": "street",
    "telephone": "telephone",
    "po_box": "po_box",
    "po_box_zip_code": "po_box_zip_code",
    "po_box_city": "po_box_city",
    "url": "url",
    "email": "email",
}
_ZIP = re.compile(r"^\s*(\d{4})\s*([A-Za-z]{2})\s*$")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
#: A trigram phrase needs this many characters.
_TRIGRAM = 3
#: Names the trigram index may match where LIKE does not (see NAME_FOLDS_TO_ASCII), by LIKE.
_FOLD_MISMATCHES = (
    f"SELECT id FROM companies INDEXED BY companies_name_folds WHERE {NAME_FOLDS_TO_ASCII}"
    " AND NOT name LIKE ?{escape}"
)
#: Every company: those with a city, from the city table, plus those without (from the index).
_COUNT_ALL = (
    "SELECT (SELECT COALESCE(SUM(companies), 0) FROM company_cities)"
    " + (SELECT COUNT(*) FROM companies WHERE city IS NULL)"
)


@dataclass(frozen=True)
class _Trigram:
    """A name pattern answered through the trigram index: its clause and the part of it
    (on `companies`) that confirms a candidate of the index."""

    clause: int
    confirm: str
    confirm_params: list[object]


@dataclass
class CompanyQuery:
    """A WHERE clause over `companies` built from filters; values stay bound parameters."""

    clauses: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)
    #: The first name pattern taken through the trigram index (it can drive an id-order page).
    trigram: _Trigram | None = None
    #: Trigram phrases every match has ("name : ..." or "city : ..."), ANDed in `match()`.
    phrases: list[str] = field(default_factory=list)
    #: Clauses that the phrases alone narrow down well (name and city filters).
    narrowed: set[int] = field(default_factory=set)
    #: Per clause index: a cheap exact count (SQL, params) of that clause on its own.
    counts: dict[int, tuple[str, list[object]]] = field(default_factory=dict)
    #: Per clause index: the same condition for a scan that meets rows one by one (SQL, params).
    scan_forms: dict[int, tuple[str, list[object]]] = field(default_factory=dict)

    def add(self, clause: str, params: list[object]) -> int:
        """Append one clause with its parameters; returns its index."""
        self.clauses.append(clause)
        self.params.extend(params)
        return len(self.clauses) - 1

    def text(self, column: str, value: str | None, *, wildcards: bool = False) -> None:
        """Match a text column, case-insensitively; `*` wildcards when allowed.

        Callers pass values `check_text` accepted: a NUL would end LIKE's and the index's text."""
        if value is None:
            return
        if not (wildcards and "*" in value):
            index = self.add(f"companies.{column} = ? COLLATE NOCASE", [value])
            if column == "city":
                self._phrases(column, value, clause=index)
                self.counts[index] = (
                    "SELECT COALESCE(SUM(companies), 0) FROM company_cities"
                    " WHERE city = ? COLLATE NOCASE",
                    [value],
                )
            return
        like = wildcard_to_like(value)
        escape = " ESCAPE '\\'" if "\\" in like else ""
        if column == "city":
            # LIKE on each distinct city, then the city index: the same values LIKE would keep
            # (a LIKE match is closed under NOCASE equality, both fold ASCII only).
            cities = f"SELECT city FROM company_cities WHERE city LIKE ?{escape}"
            index = self.add(f"companies.city COLLATE NOCASE IN ({cities})", [like])
            self._phrases(column, value, clause=index)
            self.counts[index] = (
                f"SELECT COALESCE(SUM(companies), 0) FROM company_cities WHERE city LIKE ?{escape}",
                [like],
            )
        elif column == "name" and not value.strip("*"):
            pass  # every company has a name: `*` alone keeps them all
        elif column == "name":
            self._name(value, like, escape)
        else:
            self.add(f"companies.{column} LIKE ?{escape}", [like])

    def _phrases(self, column: str, pattern: str, *, clause: int) -> list[str]:
        """Add (and return) the trigram phrases of `pattern`, narrowing clause `clause`."""
        phrases = _phrases(column, pattern)
        self.phrases.extend(phrases)
        if phrases:
            self.narrowed.add(clause)
        return phrases

    def _name(self, pattern: str, like: str, escape: str) -> None:
        """A name pattern: trigram phrases when it has a run of >= 3 characters, else the
        NOCASE name index for a prefix, else a LIKE scan."""
        parts = pattern.split("*")
        runs = [p for p in parts if p]
        # A pattern without a leading `*` also bounds the name in NOCASE order.
        bounds = _nocase_prefix_bounds(parts[0]) if parts[0] else None
        ranged = (
            " AND companies.name >= ? COLLATE NOCASE AND companies.name < ? COLLATE NOCASE"
            if bounds
            else ""
        )
        clause = len(self.clauses)
        if phrases := _phrases("name", pattern):
            match = " AND ".join(phrases)
            exact = len(runs) == 1 and parts[-1] == "" and runs[0].isascii()
            if exact:
                # The phrase is the whole pattern; only fold mismatches need LIKE.
                confirm = f"companies.id NOT IN ({_FOLD_MISMATCHES.format(escape=escape)})"
            else:
                confirm = f"companies.name LIKE ?{escape}"
            found = "companies.id IN (SELECT rowid FROM companies_fts WHERE companies_fts MATCH ?)"
            self.add(f"{found} AND {confirm}{ranged}", [match, like, *(bounds or ())])
            self.scan_forms[clause] = (
                f"companies.name LIKE ?{escape}{ranged}",
                [like, *(bounds or ())],
            )
            self._phrases("name", pattern, clause=clause)
            if exact:
                self.counts[clause] = (
                    "SELECT (SELECT COUNT(*) FROM companies_fts WHERE companies_fts MATCH ?)"
                    f" - (SELECT COUNT(*) FROM ({_FOLD_MISMATCHES.format(escape=escape)})"
                    " WHERE id IN (SELECT rowid FROM companies_fts WHERE companies_fts MATCH ?))",
                    [match, like, match],
                )
            if self.trigram is None:
                self.trigram = _Trigram(clause, confirm, [like])
        elif bounds:
            self.add(f"companies.name LIKE ?{escape}{ranged}", [like, *bounds])
        else:
            self.add(f"companies.name LIKE ?{escape}", [like])

    def match(self) -> str:
        """The trigram MATCH expression of all phrases (every match of the query has them)."""
        return " AND ".join(self.phrases)

    def equals(self, column: str, value: object | None) -> None:
        """Match a column exactly."""
        if value is not None:
            self.add(f"companies.{column} = ?", [value])

    def zip_code(self, column: str, value: str | None) -> None:
        """Match a postcode, ignoring case and spaces."""
        if value is None:
            return
        match = _ZIP.match(value)
        if match:
            self.equals(column, f"{match[1]} {match[2].upper()}")
        else:
            self.add(
                f"REPLACE(companies.{column}, ' ', '') = REPLACE(?, ' ', '') COLLATE NOCASE",
                [value],
            )

    def where(self) -> str:
        """The WHERE clause (or nothing)."""
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""

    def scan_where(self) -> tuple[str, list[object]]:
        """The WHERE clause and params for a scan that meets rows one by one: a trigram clause
        becomes the LIKE it stands for (the index pays off only to find rows)."""
        clauses, params = [], []
        for index, (clause, own) in enumerate(zip(self.clauses, _split_params(self), strict=True)):
            clause, own = self.scan_forms.get(index, (clause, own))
            clauses.append(clause)
            params.extend(own)
        return " WHERE " + " AND ".join(clauses), params

    def count_sql(self) -> tuple[str, list[object]]:
        """The cheapest exact count of the matches: (SQL, params)."""
        if not self.clauses:
            return _COUNT_ALL, []
        if len(self.clauses) == 1 and 0 in self.counts:
            return self.counts[0]
        if self.trigram is not None and self.narrowed.issuperset(range(len(self.clauses))):
            # Every filter narrows the trigram candidates: count them, confirming each one.
            sql, params = self.driven_by_trigram("COUNT(*)")
            return sql, params
        return f"SELECT COUNT(*) FROM companies{self.where()}", self.params

    def driven_by_trigram(self, columns: str) -> tuple[str, list[object]]:
        """SELECT `columns` with the trigram index as the outer loop: all phrases find the
        candidates (rowids in order), the confirming and other clauses check each one.

        CROSS JOIN pins the index as the outer loop; the clauses qualify their columns
        with `companies.`."""
        assert self.trigram is not None
        trigram = self.trigram
        others = [c for i, c in enumerate(self.clauses) if i != trigram.clause]
        where = "".join(f" AND ({c})" for c in [trigram.confirm, *others])
        sql = (
            f"SELECT {columns} FROM companies_fts CROSS JOIN companies"
            f" ON companies.id = companies_fts.rowid WHERE companies_fts MATCH ?{where}"
        )
        return sql, [self.match(), *trigram.confirm_params, *_params_without(self, trigram.clause)]


def wildcard_to_like(pattern: str) -> str:
    """`*` becomes `%`; LIKE's own `%`, `_` and `\\` are escaped."""
    escaped = pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped.replace("*", "%")


def _phrases(column: str, pattern: str) -> list[str]:
    """FTS5 trigram phrases every value matching the `*` pattern holds: one per run of >= 3
    characters, the first one tied to the start (`^`) unless the pattern starts with `*`."""
    return [
        f"{column} : " + ("^" if i == 0 else "") + '"' + part.replace('"', '""') + '"'
        for i, part in enumerate(pattern.split("*"))
        if len(part) >= _TRIGRAM
    ]


def _nocase_prefix_bounds(prefix: str) -> tuple[str, str] | None:
    """[low, high) in NOCASE order holding every text that starts with `prefix` (ASCII case
    ignored); None when the next character after the last one does not exist."""
    low = prefix.translate(_ASCII_LOWER)
    following = ord(low[-1]) + 1
    if 0xD800 <= following <= 0xDFFF or following > 0x10FFFF:
        return None
    return low, low[:-1] + chr(following)


def check_text(parameter: str, value: object | None) -> None:
    """400 naming `parameter` when its text holds a control character."""
    if isinstance(value, str) and _CONTROL_CHARACTERS.search(value):
        raise InvalidInput(f"'{parameter}' must not contain control characters.", parameter)


def build_query(filters: Mapping[str, object | None]) -> CompanyQuery:
    """The query for CompanyList's filters (snake_case keys)."""
    for parameter, key in FILTER_PARAMETERS.items():
        check_text(parameter, filters.get(key))
    query = CompanyQuery()
    query.text("name", _str(filters.get("company_name")), wildcards=True)
    query.text("city", _str(filters.get("city")), wildcards=True)
    query.equals("street_number", filters.get("street_number"))
    query.zip_code("zip_code", _str(filters.get("zip_code")))
    for key, column in _EXACT_COLUMNS.items():
        query.text(column, _str(filters.get(key)))
    return query


def _split_params(query: CompanyQuery) -> list[list[object]]:
    """The query's parameters, per clause (counted by its placeholders)."""
    split, at = [], 0
    for text in query.clauses:
        n = text.count("?")
        split.append(query.params[at : at + n])
        at += n
    return split


def _params_without(query: CompanyQuery, clause: int) -> list[object]:
    """The query's parameters minus those of one clause."""
    return [p for i, own in enumerate(_split_params(query)) if i != clause for p in own]


def _str(value: object | None) -> str | None:
    return None if value is None else str(value)
