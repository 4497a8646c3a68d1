"""The backend facade: one method per operation, state in SQLite, time and chance injected."""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from ..data.base_tables import load_base_table
from ..store.build import read_meta
from ..store.db import transaction
from ..store.state import reset_state
from . import (
    accounts,
    contributions,
    count_cache,
    leads,
    limits,
    ownership,
    portal_reads,
    search,
    selections,
    updates,
)
from .accounts import Account, NewAccount
from .clock import Clock, parse_local
from .contributions import ContactOffer, Feedback, OfferOutcome
from .errors import InvalidInput
from .faults import Faults
from .ledger import Kind, Statistics, ledger_entries, post, statistics
from .limits import Limits, SettingsStore
from .passwords import FULL, PasswordChecker, ScryptCost
from .records import COMPANY, Subject, get_record

__all__ = ["Backend"]


class Backend:
    """Every business rule of the mock, over one SQLite connection."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        clock: Clock,
        rng: random.Random,
        seed: int,
        *,
        store: SettingsStore | None = None,
        password_cost: ScryptCost = FULL,
    ) -> None:
        self.conn = conn
        self.clock = clock
        self.rng = rng
        self.seed = seed
        self._store = store
        self._limits = Limits()
        self.faults = Faults(conn, random.Random(seed))
        self._passwords = PasswordChecker(cost=password_cost)
        self._counts = count_cache.CountCache()
        self._base_contact_max = self._base_contacts()

    def _base_contacts(self) -> int:
        """The dataset's last contact id, from its meta: MAX(id) would also count contacts
        offered before this process (a later worker, a restart) started."""
        return int(read_meta(self.conn).get("contacts", 0)) or self._max_id("contacts")

    def _max_id(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0])

    def company_count(self) -> int:
        """How many companies the dataset holds."""
        return self._max_id("companies")

    # -- shared clock and limits ----------------------------------------------------------
    @property
    def limits(self) -> Limits:
        """The configured request limits."""
        return self._limits

    @limits.setter
    def limits(self, value: Limits) -> None:
        self._limits = value
        if self._store is not None:
            self._store.save_limits(
                value.per_hour, value.per_day, value.bad_requests_per_ip, value.ip_window
            )

    def refresh(self) -> None:
        """Take the clock and limits another worker process may have changed (one read)."""
        if self._store is None:
            return
        row = self._store.load()
        if row is None:
            return
        anchor, anchor_real, frozen, per_hour, per_day, bad_requests, ip_window = row
        if anchor is not None and anchor_real is not None:
            self.clock.adopt(anchor, anchor_real, frozen)
        self._limits = Limits(per_hour, per_day, bad_requests, ip_window)

    def publish(self) -> None:
        """Save this process's clock and limits for the other workers to take."""
        if self._store is not None:
            with transaction(self.conn):
                self.clock.save()
                self.limits = self._limits

    def advance_clock(self, *, months: int = 0, days: int = 0, seconds: float = 0) -> int:
        """Move the clock forward from the latest saved moment; return the new now."""
        with transaction(self.conn):
            self.refresh()
            return self.clock.advance(months=months, days=days, seconds=seconds)

    # -- authentication and limits ------------------------------------------------------
    def authenticate(
        self, user: str | None, password: str | None, application_name: str | None, ip: str
    ) -> Account:
        """Check the caller's IP, credentials and request limits."""
        now = self.clock.now()
        limits.check_ip(self.conn, now, self.limits, ip)
        account = accounts.authenticate(
            self.conn, self._passwords, user, password, application_name
        )
        if self.limits.per_hour is not None or self.limits.per_day is not None:
            with transaction(self.conn):
                limits.count_request(self.conn, now, self.limits, account.id)
        return account

    def _require(self, account: Account) -> sqlite3.Row:
        """The caller's account row; 301 when a reset removed it after authentication."""
        return accounts.require_account(self.conn, account.id, account.user)

    def count_bad_request(self, ip: str) -> None:
        """Remember a bad request from `ip` for the 313 limit."""
        if self.limits.bad_requests_per_ip is not None:
            with transaction(self.conn):
                limits.count_bad_request(self.conn, self.clock.now(), self.limits, ip)

    # -- account ------------------------------------------------------------------------
    def register_account(self, caller: Account, new_user: str, code: str) -> tuple[str, str]:
        """RegisterAccount."""
        with transaction(self.conn):
            self._require(caller)
            return accounts.register_account(
                self.conn, self.clock.now(), self.rng, caller, new_user, code, self._passwords.hash
            )

    def download_statistics(self, account: Account) -> Statistics:
        """DownloadStatistics."""
        return statistics(self.conn, self._require(account))

    # -- companies and contacts ---------------------------------------------------------
    def list_companies(
        self, filters: Mapping[str, object | None], page_nr: int, per_page: int, sort: str
    ) -> search.Page:
        """CompanyList."""
        if per_page > search.MAX_RECORDS_PER_PAGE:
            raise InvalidInput(
                f"recordsPerPage may be at most {search.MAX_RECORDS_PER_PAGE}.", "recordsPerPage"
            )
        return search.list_companies(self.conn, filters, page_nr, per_page, sort, self._counts)

    def download(self, account: Account, subject: Subject, record_id: int) -> ownership.Download:
        """Company / Contact download."""
        with transaction(self.conn):
            subscription = bool(self._require(account)["subscription"])
            return ownership.download(
                self.conn, self.clock.now(), account.id, subscription, subject, record_id
            )

    def record(self, subject: Subject, record_id: int) -> sqlite3.Row:
        """A record without charge (CompanyLimited / ContactLimited)."""
        return get_record(self.conn, subject, record_id)

    def contacts_of_company(self, company_id: int) -> list[sqlite3.Row]:
        """ContactList: every contact of the company (307 if unknown)."""
        get_record(self.conn, COMPANY, company_id)
        return self.conn.execute(
            "SELECT * FROM contacts WHERE company_id = ? ORDER BY id", (company_id,)
        ).fetchall()

    # -- selections ---------------------------------------------------------------------
    def selection_token(self, account: Account) -> str:
        """UrlCompanySelection: a new token for the selection page."""
        with transaction(self.conn):
            self._require(account)
            return selections.issue_token(self.conn, self.clock.now(), self.rng, account.id)

    def selection_page(
        self,
        account: Account,
        selection_id: int,
        page_nr: int,
        page_size: int = selections.SELECTION_PAGE_SIZE,
    ) -> selections.SelectionPage:
        """CompanySelection (8 a page), or CompanyList with a `selectionId` (its page size)."""
        self._require(account)
        return selections.selection_page(self.conn, account.id, selection_id, page_nr, page_size)

    def save_selection(self, account_id: int, filters: Mapping[str, object]) -> tuple[int, int]:
        """Save a selection for an account (selection page or control plane)."""
        with transaction(self.conn):
            return selections.save_selection(self.conn, self.clock.now(), account_id, filters)

    def count_selection(self, filters: Mapping[str, object]) -> int:
        """How many companies a selection with these filters would hold (the live count)."""
        return selections.count_matching(self.conn, filters)

    def selection_token_state(self, token: str) -> tuple[portal_reads.TokenState, int | None]:
        """Whether a selection-page token is live (with its account), expired or unknown."""
        return portal_reads.token_state(self.conn, self.clock.now(), token)

    # -- portal (Mijn DATA-collectief) ------------------------------------------------------
    def portal_sign_in(self, user: str, password: str) -> int | None:
        """The account whose portal password this is, else None."""
        return portal_reads.sign_in(self.conn, self._passwords, user, password)

    def portal_user(self, account_id: int) -> str | None:
        """The e-mail of a portal account (None when it is gone)."""
        return portal_reads.account_user(self.conn, account_id)

    def portal_overview(self, account_id: int) -> portal_reads.Overview:
        """What "Mijn applicaties" shows."""
        return portal_reads.overview(self.conn, self.clock.now(), account_id)

    def portal_activate(self, user: str, application_name: str) -> str | None:
        """A one-off code for RegisterAccount; None when no such application exists."""
        with transaction(self.conn):
            if not portal_reads.is_known_application(self.conn, application_name):
                return None
            code, _ = accounts.issue_activation_code(
                self.conn, self.clock.now(), self.rng, user, application_name, self._passwords.hash
            )
            return code

    # -- updates ------------------------------------------------------------------------
    def changed(
        self, subject: Subject, ids: Sequence[int], since_text: str, name: str
    ) -> tuple[int, list[int]]:
        """UpdatedCompanies / UpdatedContacts (v1 and V2)."""
        updates.check_id_count(ids, name)
        since = parse_local(since_text, "lastChangedDate")
        return since, updates.changed_since(self.conn, subject, ids, since)

    # -- contributions ------------------------------------------------------------------
    def offer_contact(self, account: Account, offer: ContactOffer) -> OfferOutcome:
        """ContactNew / ContactNewV2."""
        with transaction(self.conn):
            self._require(account)
            return contributions.offer_contact(self.conn, self.clock.now(), account.id, offer)

    def send_feedback(
        self,
        account: Account,
        subject: Subject,
        record_id: int,
        reason_id: int | None,
        other_reason: str | None,
        memo: str | None,
        changes: Mapping[str, object],
    ) -> Feedback:
        """UserFeedbackCompany / UserFeedbackContact (v1 and V2)."""
        with transaction(self.conn):
            self._require(account)
            return contributions.send_feedback(
                self.conn,
                self.clock.now(),
                account.id,
                subject,
                record_id,
                reason_id,
                other_reason,
                memo,
                changes,
            )

    # -- base tables and leads ----------------------------------------------------------
    @staticmethod
    def base_table(name: str) -> list[dict[str, Any]]:
        """A code table."""
        return load_base_table(name)

    def _ensure_websites(self, account: Account) -> None:
        # Only the first use writes; later reads take no write lock.
        self._require(account)
        if leads.websites(self.conn, account.id):
            return
        with transaction(self.conn):
            leads.ensure_websites(self.conn, self.seed, account.id, self.company_count())

    def websites(self, account: Account) -> list[sqlite3.Row]:
        """WebsiteleadsWebsites."""
        self._ensure_websites(account)
        return leads.websites(self.conn, account.id)

    def leads(self, account: Account, website: str, start: str, end: str) -> leads.LeadsPage:
        """WebsiteleadsLeads."""
        start_at, end_at = parse_local(start, "From"), parse_local(end, "To")
        self._ensure_websites(account)
        return leads.leads(self.conn, account.id, website, start_at, end_at)

    # -- control plane ------------------------------------------------------------------
    def seed_website(self, user: str, name: str, visits: Sequence[Mapping[str, Any]]) -> int:
        """Give a user the website `name` with exactly these visits (its other websites stay)."""
        account_id, count = self.account_id(user), self.company_count()
        seeded = leads.seeded_visits(visits, count)
        with transaction(self.conn):
            leads.ensure_websites(self.conn, self.seed, account_id, count)
            first = min((v.start for v in seeded), default=self.clock.now())
            return leads.seed_website(self.conn, account_id, name, first, seeded)

    def reset(self) -> None:
        """Forget all accounts and their state; remove offered contacts; clear faults."""
        with transaction(self.conn):
            reset_state(self.conn)
            self.conn.execute("DELETE FROM contacts WHERE id > ?", (self._base_contact_max,))
        self.limits = Limits()

    def create_account(self, **fields: Any) -> NewAccount:
        """A main account with credits (its websites and leads come on first use)."""
        with transaction(self.conn):
            return accounts.create_account(
                self.conn, self.clock.now(), self.rng, hasher=self._passwords.hash, **fields
            )

    def account_id(self, user: str) -> int:
        """The id of a user's account (301 if unknown)."""
        return accounts.account_id_of(self.conn, user)

    def add_credits(self, user: str, credits: int) -> int:
        """Grant credits; returns the new balance."""
        if credits <= 0:
            raise InvalidInput("'credits' must be a positive number.")
        with transaction(self.conn):
            return post(self.conn, self.account_id(user), self.clock.now(), Kind.ACQUIRED, credits)

    def set_subscription(self, user: str, subscription: bool) -> None:
        """Switch a user's update subscription."""
        with transaction(self.conn):
            accounts.set_subscription(self.conn, self.account_id(user), subscription)

    def activation_code(self, user: str, application_name: str) -> tuple[str, str]:
        """As if the user activated the application in "Mijn applicaties"."""
        with transaction(self.conn):
            return accounts.issue_activation_code(
                self.conn, self.clock.now(), self.rng, user, application_name, self._passwords.hash
            )

    def disconnect(self, user: str, application_name: str | None = None) -> int:
        """As if the user disconnected the application in "Mijn applicaties"."""
        with transaction(self.conn):
            return accounts.disconnect(self.conn, self.clock.now(), user, application_name)

    def ledger(self, user: str) -> list[dict[str, object]]:
        """A user's ledger entries."""
        return ledger_entries(self.conn, self.account_id(user))

    def owned(self, user: str, subject: Subject) -> list[dict[str, int]]:
        """What a user owns now."""
        return ownership.owned_records(self.conn, self.clock.now(), self.account_id(user), subject)

    def feedback(self, user: str) -> list[dict[str, object]]:
        """A user's offered mutations with their status."""
        return contributions.feedback_of_account(self.conn, self.account_id(user))

    def set_feedback_status(self, feedback_id: int, status: str) -> None:
        """Move an offered mutation to another status."""
        with transaction(self.conn):
            if not contributions.set_feedback_status(self.conn, feedback_id, status):
                raise InvalidInput(f"Unknown feedback id {feedback_id}.")

    def patch_record(self, subject: Subject, record_id: int, changes: Mapping[str, object]) -> None:
        """Change fields of a record, stamped with the mock's clock."""
        unknown = set(changes) - set(subject.fields)
        if unknown:
            raise InvalidInput(f"Unknown field(s): {', '.join(sorted(unknown))}.")
        if not changes:
            raise InvalidInput("No fields to change.")
        now = self.clock.now()
        with transaction(self.conn):
            row = get_record(self.conn, subject, record_id)
            stamps = json.loads(row["stamps"]) if row["stamps"] else {}
            stamps.update({field: now for field in changes})
            assignments = ", ".join(f"{field} = ?" for field in changes)
            # Triggers keep the dependent tables (search index, cities, change counter).
            self.conn.execute(
                f"UPDATE {subject.table} SET {assignments}, stamps = ?, last_changed = ?"
                " WHERE id = ?",
                [*changes.values(), json.dumps(stamps, sort_keys=True), now, record_id],
            )
            self.conn.execute(
                "INSERT INTO record_changes (subject, record_id) VALUES (?, ?)",
                (subject.name, record_id),
            )
