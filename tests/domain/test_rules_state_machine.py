"""A stateful test: the backend's credit and ownership rules against a small reference model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from unittest.mock import patch

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from mockserver.app import create_backend
from mockserver.domain import accounts
from mockserver.domain.accounts import Account
from mockserver.domain.backend import Backend
from mockserver.domain.clock import add_months
from mockserver.domain.contributions import ContactOffer
from mockserver.domain.errors import DomainError, ErrorCode
from mockserver.domain.records import COMPANY, CONTACT, Subject
from mockserver.settings import Settings
from mockserver.store.db import transaction

__all__: list[str] = []

START = 1_706_691_600  # 2024-01-31 10:00:00 Europe/Amsterdam: the first month is clipped
SETTINGS = Settings(
    companies=300, seed=1, random_seed=1, demo_account=False, frozen_clock=True, start=START
)
HORIZON = START + 3 * 366 * 86400  # the clock never runs past this (keeps the runs bounded)
UNKNOWN_ID = 9_999_999
LIVE = ("live-0", "live-1", "live-2")
REFS = (*LIVE, "deleted", "unknown")
WEIGHTED_REFS = (*LIVE, *LIVE, "deleted", "unknown")  # live records twice as often
DOWNLOAD_REFS = (*WEIGHTED_REFS, "again", "again", "again")
SUBJECT = {COMPANY.name: COMPANY, CONTACT.name: CONTACT}
SUBJECT_NAMES = st.sampled_from(sorted(SUBJECT))
MISSING = ("name", "first_name", "gender", "function_description")
OFFERS = ("complete", "existing", "offered before", *MISSING)
CLOCK_STEPS = ("seconds", "days", "months", "window end - 1s", "window end")
# How often each action is drawn: downloads and clock moves are what the rules are about.
ACTIONS = (
    *("download",) * 3,
    *("advance_clock",) * 2,
    "buy_credits",
    "set_subscription",
    "change_record",
    "send_feedback",
    "offer_contact",
)

Key = tuple[str, int]
#: When something happened: the clock's second, then the order of events within it.
Moment = tuple[int, int]


def code_of(call: Callable[[], Any]) -> Any:
    """The call's result, or the code of the DomainError it raised."""
    try:
        return call()
    except DomainError as error:
        return error.code


@dataclass
class Pool:
    """The few records the machine touches, found in the generated dataset."""

    ids: dict[tuple[str, str], int]
    contact_of_company: dict[int, tuple[str, str]]

    @classmethod
    def of(cls, backend: Backend) -> Pool:
        """Three live records, one deleted and one unknown id per subject."""
        conn = backend.conn
        companies = [
            row[0]
            for row in conn.execute(
                "SELECT id FROM companies c WHERE deleted = 0 AND EXISTS (SELECT 1 FROM contacts"
                " k WHERE k.company_id = c.id AND k.deleted = 0) ORDER BY id LIMIT 3"
            )
        ]
        contacts = [
            row[0]
            for row in conn.execute("SELECT id FROM contacts WHERE deleted = 0 ORDER BY id LIMIT 3")
        ]
        ids: dict[tuple[str, str], int] = {}
        for subject, live in ((COMPANY, companies), (CONTACT, contacts)):
            deleted = conn.execute(
                f"SELECT MIN(id) FROM {subject.table} WHERE deleted = 1"
            ).fetchone()[0]
            ids.update({(subject.name, ref): rid for ref, rid in zip(LIVE, live, strict=True)})
            ids[(subject.name, "deleted")] = deleted
            ids[(subject.name, "unknown")] = UNKNOWN_ID
        contact_of_company = {}
        for company_id in companies:
            row = conn.execute(
                "SELECT name, COALESCE(first_name, initials) FROM contacts"
                " WHERE company_id = ? AND deleted = 0"
                " ORDER BY id LIMIT 1",
                (company_id,),
            ).fetchone()
            contact_of_company[company_id] = (row[0], row[1])
        return cls(ids, contact_of_company)


@dataclass
class Model:
    """What the rules say the account's state is, in plain dicts."""

    now: int
    balance: int = 0
    acquired: int = 0
    used: int = 0
    from_wus: int = 0
    subscription: bool = False
    windows: dict[Key, tuple[int, int]] = field(default_factory=dict)
    last_download: dict[Key, Moment] = field(default_factory=dict)
    changed_at: dict[Key, Moment] = field(default_factory=dict)
    events: int = 0
    charges: list[tuple[Key, int]] = field(default_factory=list)
    offered: list[tuple[int, str, str, int]] = field(default_factory=list)

    def moment(self) -> Moment:
        """Now, after every event so far (changes in one second are told apart by order)."""
        self.events += 1
        return (self.now, self.events)

    def owns(self, key: Key) -> bool:
        """Whether the ownership window of `key` holds now."""
        window = self.windows.get(key)
        return window is not None and window[0] <= self.now < window[1]

    def owned(self, subject: Subject) -> dict[int, tuple[int, int]]:
        """The records of `subject` owned now, with their window."""
        return {
            key[1]: window
            for key, window in self.windows.items()
            if key[0] == subject.name and self.owns(key)
        }

    def book(self, amount: int, kind: str) -> ErrorCode | None:
        """Post `amount` of `kind` (acquired, used, wus); 310 instead when it cannot be paid."""
        if self.balance + amount < 0:
            return ErrorCode.INSUFFICIENT_CREDITS
        self.balance += amount
        if kind == "acquired":
            self.acquired += amount
        elif kind == "used":
            self.used -= amount
        else:
            self.from_wus += amount
        return None

    def download(self, subject: Subject, record_id: int, status: str) -> tuple[str, Any]:
        """Why, and the expected (charged, owned_until) of a download or its error code."""
        if status == "unknown":
            return "unknown", subject.unknown
        if status == "deleted":
            return "deleted", subject.inactive
        key = (subject.name, record_id)
        if self.owns(key):
            self.last_download[key] = self.moment()
            return "free while owned", (0, self.windows[key][1])
        last = self.last_download.get(key)
        if self.subscription and last is not None and self.changed_at[key] > last:
            why, charged = "free by subscription", 0
        elif self.book(-1, "used") is not None:
            return "cannot pay", ErrorCode.INSUFFICIENT_CREDITS
        else:
            why, charged = "charged", 1
            self.charges.append((key, self.now))
        self.windows[key] = (self.now, add_months(self.now, 1))
        self.last_download[key] = self.moment()
        return why, (charged, self.windows[key][1])


class BackendRules(RuleBasedStateMachine):
    """Downloads, clock moves, credits, subscriptions, record changes and contributions.

    One rule, `step`, draws which action happens: with a rule per action, Hypothesis' swarm
    testing switches most of them off in most runs, so few runs both download and move the
    clock far enough for the interesting paths (subscription, lapsed ownership)."""

    def __init__(self) -> None:
        super().__init__()
        self.backend = create_backend(SETTINGS)
        self.pool = Pool.of(self.backend)
        self.model = Model(now=self.backend.clock.now())
        self.counter = 0
        for (name, ref), record_id in self.pool.ids.items():
            if ref in LIVE:
                row = self.backend.conn.execute(
                    f"SELECT last_changed FROM {SUBJECT[name].table} WHERE id = ?", (record_id,)
                ).fetchone()
                self.model.changed_at[(name, record_id)] = (row[0], 0)

    def _next(self) -> int:
        self.counter += 1
        return self.counter

    # -- set-up and the one rule --------------------------------------------------------
    @initialize(credits=st.integers(0, 5), subscription=st.booleans())
    def open_account(self, credits: int, subscription: bool) -> None:
        """Given an account with a few credits, with or without an update subscription."""
        # Straight to the domain: no website leads and no slow scrypt hash (nobody logs in).
        conn, now, rng = self.backend.conn, self.backend.clock.now(), self.backend.rng
        with transaction(conn), patch.object(accounts, "hash_password", str):
            new = accounts.create_account(
                conn, now, rng, credits=credits, subscription=subscription
            )
        self.user = new.user
        self.account = Account(new.id, new.user, new.application_name, True)
        self.model.subscription = subscription
        if credits:
            self.model.book(credits, "acquired")

    @rule(data=st.data())
    def step(self, data: st.DataObject) -> None:
        """When one action happens; the clock only moves while it is before the horizon."""
        actions = [a for a in ACTIONS if a != "advance_clock" or self.model.now < HORIZON]
        action = data.draw(st.sampled_from(actions), label="action")
        getattr(self, action)(data)

    # -- downloads ----------------------------------------------------------------------
    def download(self, data: st.DataObject) -> None:
        """When a record is downloaded: from the pool (live, deleted, unknown) or again."""
        ref = data.draw(st.sampled_from(DOWNLOAD_REFS), label="record")
        keys = sorted({*self.model.windows, *((CONTACT.name, o[3]) for o in self.model.offered)})
        if ref == "again" and keys:
            name, record_id = data.draw(st.sampled_from(keys), label="downloaded before")
            self._download(SUBJECT[name], record_id, "live")
            return
        subject = SUBJECT[data.draw(SUBJECT_NAMES, label="subject")]
        ref = LIVE[0] if ref == "again" else ref
        status = ref if ref in ("deleted", "unknown") else "live"
        self._download(subject, self.pool.ids[(subject.name, ref)], status)

    def _download(self, subject: Subject, record_id: int, status: str) -> None:
        why, expected = self.model.download(subject, record_id, status)
        event(f"download: {why}")
        got = code_of(lambda: self.backend.download(self.account, subject, record_id))
        if isinstance(expected, ErrorCode):
            assert got == expected, f"download {subject.name} {record_id}: {got!r}"
        else:
            assert not isinstance(got, ErrorCode), f"download {subject.name} {record_id}: {got}"
            assert (got.charged, got.owned_until) == expected
            assert got.row["id"] == record_id

    # -- the clock ----------------------------------------------------------------------
    def advance_clock(self, data: st.DataObject) -> None:
        """When time passes: seconds, days, calendar months, or up to the end of a window."""
        how = data.draw(st.sampled_from(CLOCK_STEPS), label="how")
        amount = data.draw(st.integers(1, 3), label="amount")
        now = self.model.now
        owned = sorted(k for k in self.model.windows if self.model.owns(k))
        if how == "seconds":
            seconds = amount * data.draw(st.integers(1, 2400), label="seconds")
            self._advance(now + seconds, seconds=seconds)
        elif how == "days":
            days = amount * data.draw(st.integers(1, 15), label="days")
            self._advance(now + days * 86400, days=days)
        elif how == "months" or not owned:
            self._advance(add_months(now, amount), months=amount)
        else:
            key = data.draw(st.sampled_from(owned), label="owned")
            target = self.model.windows[key][1] - (1 if how == "window end - 1s" else 0)
            self._advance(target, seconds=target - now)

    def _advance(self, expected: int, **step: int) -> None:
        self.model.now = expected
        assert self.backend.clock.advance(**step) == expected

    # -- credits, subscription and record changes ---------------------------------------
    def buy_credits(self, data: st.DataObject) -> None:
        """When credits are bought."""
        credits = data.draw(st.integers(1, 3), label="credits")
        self.model.book(credits, "acquired")
        assert self.backend.add_credits(self.user, credits) == self.model.balance

    def set_subscription(self, data: st.DataObject) -> None:
        """When the update subscription is switched on or off."""
        self.model.subscription = data.draw(st.booleans(), label="subscription")
        self.backend.set_subscription(self.user, self.model.subscription)

    def change_record(self, data: st.DataObject) -> None:
        """When, a little later, the service changes a record (one downloaded before, if any)."""
        seconds = data.draw(st.integers(0, 3600), label="seconds later")
        self._advance(self.model.now + seconds, seconds=seconds)
        keys = sorted(self.model.windows) or sorted(self.model.changed_at)
        name, record_id = data.draw(st.sampled_from(keys), label="changed record")
        telephone = f"020-{self._next():07d}"
        self.backend.patch_record(SUBJECT[name], record_id, {"telephone": telephone})
        self.model.changed_at[(name, record_id)] = self.model.moment()

    # -- contributions ------------------------------------------------------------------
    def send_feedback(self, data: st.DataObject) -> None:
        """When a mutation is offered: +1 if owned, else 315/316 (307/308 if unknown)."""
        subject = SUBJECT[data.draw(SUBJECT_NAMES, label="subject")]
        ref = data.draw(st.sampled_from((*REFS, "downloaded")), label="record")
        downloaded = [i for s, i in self.model.windows if s == subject.name]
        if ref == "downloaded" and downloaded:
            record_id = downloaded[-1]
        else:
            ref = LIVE[0] if ref == "downloaded" else ref
            record_id = self.pool.ids[(subject.name, ref)]
        if ref == "unknown":
            expected: Any = subject.unknown
        elif not self.model.owns((subject.name, record_id)):
            expected = subject.mutation_refused
        else:
            expected = 1
            self.model.book(1, "wus")
        event(f"feedback: {expected}")
        got = code_of(
            lambda: self.backend.send_feedback(
                self.account,
                subject,
                record_id,
                None,
                "Telefoonnummer gewijzigd",
                None,
                {"telephone": "020-0000000"},
            )
        )
        assert getattr(got, "credits_awarded", got) == expected

    def offer_contact(self, data: st.DataObject) -> None:
        """When a contact is offered: complete +1; incomplete or existing −1 (310 if unpaid)."""
        ref = data.draw(st.sampled_from(WEIGHTED_REFS), label="company")
        kind = data.draw(st.sampled_from(OFFERS), label="offer")
        company_id = self.pool.ids[(COMPANY.name, ref)]
        fields: dict[str, Any] = {
            "name": f"Proefpersoon{self._next()}",
            "first_name": "Anna",
            "gender": 1,
            "function_description": "Directeur/eigenaar",
        }
        if kind in MISSING:
            fields[kind] = None
        if kind == "offered before" and self.model.offered:
            company_id, fields["name"], first_name, _ = self.model.offered[-1]
            fields["first_name"], status = first_name.upper(), "Duplicate"
        elif ref in ("deleted", "unknown"):
            status = f"{ref} company"
            expected = COMPANY.inactive if ref == "deleted" else COMPANY.unknown
            offer = ContactOffer(company_id, **fields)
            assert code_of(lambda: self.backend.offer_contact(self.account, offer)) == expected
            event(f"offer: {status}")
            return
        elif kind == "existing":
            fields["name"], fields["first_name"] = self.pool.contact_of_company[company_id]
            status = "Duplicate"
        else:
            status = "Incomplete" if kind in MISSING else "Accepted"
        self._offer(ContactOffer(company_id, **fields), status)
        event(f"offer: {status}")

    def _offer(self, offer: ContactOffer, status: str) -> None:
        got = code_of(lambda: self.backend.offer_contact(self.account, offer))
        if status == "Accepted":
            self.model.book(1, "wus")
            assert not isinstance(got, ErrorCode), got
            assert (got.status, got.credits_awarded) == ("Accepted", 1)
            self.model.offered.append(
                (offer.company_id, offer.name or "", offer.first_name or "", got.contact_id)
            )
            self.model.changed_at[(CONTACT.name, got.contact_id)] = self.model.moment()
        elif self.model.book(-1, "used") is not None:
            assert got == ErrorCode.INSUFFICIENT_CREDITS, got
        else:
            assert not isinstance(got, ErrorCode), got
            assert (got.status, got.credits_awarded) == (status, -1)

    # -- invariants ---------------------------------------------------------------------
    @invariant()
    def balance_is_the_ledger_sum(self) -> None:
        """Then the balance is the sum of the ledger, never negative, and as modelled."""
        stats = self.backend.download_statistics(self.account)
        total = sum(int(e["amount"]) for e in self.backend.ledger(self.user))
        assert stats.balance == total == self.model.balance >= 0

    @invariant()
    def statistics_add_up(self) -> None:
        """Then CreditsAcquired − CreditsUsed + CreditsFromWUS is the balance."""
        stats = self.backend.download_statistics(self.account)
        assert stats.acquired - stats.used + stats.from_wus == stats.balance
        model = self.model
        assert (stats.acquired, stats.used, stats.from_wus) == (
            model.acquired,
            model.used,
            model.from_wus,
        )
        assert stats.used_for_alerts == 0
        assert stats.payment_method == ("Subscription" if model.subscription else "Prepaid")

    @invariant()
    def owned_records_are_as_modelled(self) -> None:
        """Then the account owns exactly the records the model says, with the same windows."""
        for subject in (COMPANY, CONTACT):
            owned = {
                o["record_id"]: (o["owned_from"], o["owned_until"])
                for o in self.backend.owned(self.user, subject)
            }
            assert owned == self.model.owned(subject)

    @invariant()
    def never_charged_twice_in_one_window(self) -> None:
        """Then no record is charged again before a month has passed since its last charge."""
        last: dict[Key, int] = {}
        charges = []
        for entry in self.backend.ledger(self.user):
            if entry["kind"] != "download":
                continue
            key = (str(entry["subject"]), int(entry["subject_id"]))
            at = int(entry["at"])
            assert entry["amount"] == -1
            if key in last:
                assert at >= add_months(last[key], 1), f"{key} charged at {last[key]} and {at}"
            last[key] = at
            charges.append((key, at))
        assert charges == self.model.charges


TestBackendRules = BackendRules.TestCase
# Fixed rather than taken from the profile: 60 runs of 40 steps take a few seconds and are
# what it takes to reach the rarer paths (a change between two downloads of one month).
TestBackendRules.settings = settings(
    max_examples=60,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
