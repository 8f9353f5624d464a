"""Self-check "Herken je dit?": signals and patterns, what each one suggests, and what changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, Protocol

from domain.understand.walkthrough import ACTIONS, Action

Group = Literal["body", "head", "daily", "patterns"]
GROUPS: tuple[Group, ...] = ("body", "head", "daily", "patterns")


class SelfCheckError(ValueError):
    """A self-check result names something the self-check does not ask."""


@dataclass(frozen=True)
class Item:
    """One thing the user can recognise in themselves."""

    id: str
    group: Group
    suggestion_id: str

    @property
    def label_key(self) -> str:
        return f"understand.selfcheck.item.{self.id}"


@dataclass(frozen=True)
class Suggestion:
    """A concrete next step inside the app."""

    id: str
    action: Action

    @property
    def text_key(self) -> str:
        return f"understand.selfcheck.suggestion.{self.id}"


# Suggestions in the order they are shown: the gentlest, quickest step first.
SUGGESTIONS: dict[str, Suggestion] = {
    s.id: s
    for s in (
        Suggestion("shoulders_pause", Action("shoulders_pause", "pause", pause_kind="shoulders")),
        Suggestion("calm_pause", ACTIONS["pause"]),
        Suggestion("sigh_pause", Action("sigh_pause", "pause", pause_kind="sigh")),
        Suggestion("recovery", ACTIONS["recovery"]),
        Suggestion("boundaries", ACTIONS["boundaries"]),
        Suggestion("rhythm", ACTIONS["rhythm"]),
        Suggestion("reframe", ACTIONS["reframe"]),
    )
}

# What each recognised signal or pattern points to (the article's signals and mental patterns).
ITEMS: tuple[Item, ...] = (
    Item("shoulders", "body", "shoulders_pause"),
    Item("neck", "body", "shoulders_pause"),
    Item("breath", "body", "calm_pause"),
    Item("rushed", "body", "sigh_pause"),
    Item("tired", "body", "recovery"),
    Item("switch_off", "head", "rhythm"),
    Item("worry", "head", "calm_pause"),
    Item("focus", "daily", "recovery"),
    Item("irritable", "daily", "sigh_pause"),
    Item("sleep", "daily", "rhythm"),
    Item("always_on", "patterns", "recovery"),
    Item("responsibility", "patterns", "boundaries"),
    Item("say_no", "patterns", "boundaries"),
    Item("useful", "patterns", "reframe"),
    Item("guilt_rest", "patterns", "reframe"),
    Item("tired_no_rest", "patterns", "rhythm"),
)
ITEMS_BY_ID: dict[str, Item] = {item.id: item for item in ITEMS}


def items_in(group: Group) -> tuple[Item, ...]:
    return tuple(item for item in ITEMS if item.group == group)


@dataclass(frozen=True)
class SuggestionFor:
    """A suggestion and the picks that led to it."""

    suggestion: Suggestion
    because: tuple[str, ...]


def suggest_for(picks: tuple[str, ...] | list[str]) -> list[SuggestionFor]:
    """Each suggestion once, in the fixed order of SUGGESTIONS, with the picks behind it."""
    unknown = [pick for pick in picks if pick not in ITEMS_BY_ID]
    if unknown:
        raise SelfCheckError(f"unknown self-check items {unknown}")
    reasons: dict[str, list[str]] = {}
    for item in ITEMS:  # item order, so "because" reads like the form
        if item.id in picks:
            reasons.setdefault(item.suggestion_id, []).append(item.id)
    return [
        SuggestionFor(SUGGESTIONS[sid], tuple(reasons[sid]))
        for sid in SUGGESTIONS
        if sid in reasons
    ]


@dataclass(frozen=True)
class SelfCheckResult:
    """One taken self-check: when, and what the user recognised."""

    id: str
    taken_at: datetime
    picks: tuple[str, ...]

    @classmethod
    def take(cls, id: str, picks: list[str] | tuple[str, ...], now: datetime) -> SelfCheckResult:
        """A new result; picks keep the form's order and unknown ids are refused."""
        unknown = [pick for pick in picks if pick not in ITEMS_BY_ID]
        if unknown:
            raise SelfCheckError(f"unknown self-check items {unknown}")
        chosen = set(picks)
        return cls(id, now, tuple(item.id for item in ITEMS if item.id in chosen))

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "taken_at": self.taken_at.isoformat(timespec="seconds"),
            "picks": list(self.picks),
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> SelfCheckResult | None:
        """Read a stored result; picks the self-check no longer asks are dropped, not fatal."""
        try:
            taken_at = datetime.fromisoformat(str(record["taken_at"]))
            picks = record.get("picks") or []
            if not isinstance(picks, list):
                return None
        except (KeyError, ValueError):
            return None
        chosen = {p for p in picks if isinstance(p, str)}
        return cls(str(record["id"]), taken_at, tuple(i.id for i in ITEMS if i.id in chosen))


@dataclass(frozen=True)
class SelfCheckChange:
    """How the latest result differs from the one before."""

    new: tuple[str, ...] = field(default=())
    no_longer: tuple[str, ...] = field(default=())
    still: tuple[str, ...] = field(default=())

    @property
    def changed(self) -> bool:
        return bool(self.new or self.no_longer)


def compare_results(previous: SelfCheckResult | None, current: SelfCheckResult) -> SelfCheckChange:
    """What is new since last time and what the user no longer recognises, in form order."""
    before = set(previous.picks) if previous else set()
    after = set(current.picks)
    order = [item.id for item in ITEMS]
    return SelfCheckChange(
        new=tuple(i for i in order if i in after - before),
        no_longer=tuple(i for i in order if i in before - after),
        still=tuple(i for i in order if i in after & before),
    )


def latest_two(
    results: list[SelfCheckResult],
) -> tuple[SelfCheckResult | None, SelfCheckResult | None]:
    """The newest result and the one before it (ties broken by id, so the order is stable)."""
    ordered = sorted(results, key=lambda r: (r.taken_at, r.id), reverse=True)
    latest = ordered[0] if ordered else None
    previous = ordered[1] if len(ordered) > 1 else None
    return latest, previous


class SelfCheckSaver(Protocol):
    def add_selfcheck(self, picks: list[str], now: datetime) -> SelfCheckResult: ...


class SelfCheckState:
    """The form, or the latest result with its suggestions; retaking starts from the last picks."""

    def __init__(self, saver: SelfCheckSaver) -> None:
        self._saver = saver
        self.latest: SelfCheckResult | None = None
        self.previous: SelfCheckResult | None = None
        self.picks: set[str] = set()
        self.editing = True
        self.showing_reframe = False

    def reopen(self, results: list[SelfCheckResult]) -> None:
        """The screen opens again from the stored results: the latest one, or the form."""
        self.latest, self.previous = latest_two(results)
        self.editing = self.latest is None
        self.picks = set(self.latest.picks) if self.latest else set()
        self.showing_reframe = False

    def toggle(self, item_id: str, checked: bool) -> None:
        (self.picks.add if checked else self.picks.discard)(item_id)

    def save(self, now: datetime) -> SelfCheckResult:
        """Take the self-check with the current picks; the result becomes the latest."""
        result = self._saver.add_selfcheck(sorted(self.picks), now)
        self.previous, self.latest = self.latest, result
        self.editing = False
        self.showing_reframe = False
        return result

    def retake(self) -> None:
        self.editing = True

    def toggle_reframe(self) -> None:
        self.showing_reframe = not self.showing_reframe
