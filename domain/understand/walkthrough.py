"""The Begrijpen walk-through: its content per language, the do-it-now actions, and progress."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any, Literal

CONTENT_DIR = Path(__file__).parent / "content"
REFERENCE_LANGUAGE = "nl"
CONTENT_LANGUAGES = ("nl", "en")
PROGRESS_ID = "progress"
SUPPORT_CHAPTER_ID = "support"
HELPS_CHAPTER_ID = "helps"

ActionKind = Literal["pause", "route", "reframe"]


class ContentError(ValueError):
    """Walk-through content is missing, malformed, or does not match the other language."""


@dataclass(frozen=True)
class Action:
    """Something the app does when the user taps "do it now" or follows a suggestion."""

    id: str
    kind: ActionKind
    route: str | None = None
    pause_kind: str | None = None
    seconds: int | None = None

    @property
    def label_key(self) -> str:
        return f"understand.action.{self.id}"


# The five "what helps" steps, each into the tool that puts it into practice. Routes whose screen
# belongs to another part of the app are named here, so the walk-through and the self-check agree.
ACTIONS: dict[str, Action] = {
    "pause": Action("pause", "pause", pause_kind="calm", seconds=60),
    "recovery": Action("recovery", "route", route="/plan?add=recovery"),
    "boundaries": Action("boundaries", "route", route="/plan/boundaries"),
    "rhythm": Action("rhythm", "route", route="/settings/rhythm"),
    "reframe": Action("reframe", "reframe"),
}


@dataclass(frozen=True)
class Card:
    """One screen of the walk-through."""

    id: str
    chapter_id: str
    title: str
    paragraphs: tuple[str, ...]
    bullets: tuple[str, ...] = ()
    quote: str | None = None
    action_id: str | None = None

    @property
    def action(self) -> Action | None:
        return ACTIONS[self.action_id] if self.action_id else None


@dataclass(frozen=True)
class Chapter:
    id: str
    title: str
    card_ids: tuple[str, ...]


@dataclass(frozen=True)
class Reframe:
    """The card about rest that the "reframe" action shows in place."""

    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Walkthrough:
    """All chapters and cards of one language, in reading order."""

    lang: str
    chapters: tuple[Chapter, ...]
    cards: tuple[Card, ...]
    reframe: Reframe

    @property
    def card_ids(self) -> tuple[str, ...]:
        return tuple(card.id for card in self.cards)

    def index_of(self, card_id: str) -> int:
        """Position of a card (0-based); raises KeyError for an unknown id."""
        for index, card in enumerate(self.cards):
            if card.id == card_id:
                return index
        raise KeyError(card_id)

    def chapter_of(self, card_id: str) -> Chapter:
        for chapter in self.chapters:
            if card_id in chapter.card_ids:
                return chapter
        raise KeyError(card_id)

    def texts(self) -> list[str]:
        """Every sentence the user reads, for checks on the wording."""
        out: list[str] = []
        for chapter in self.chapters:
            out.append(chapter.title)
        for card in self.cards:
            out.extend([card.title, *card.paragraphs, *card.bullets])
            if card.quote:
                out.append(card.quote)
        out.extend([self.reframe.title, *self.reframe.paragraphs])
        return out


# --- loading and validating ---------------------------------------------------------------------


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ContentError(f"{where}: missing text")
    return value


def _texts(value: Any, where: str, *, required: bool) -> tuple[str, ...]:
    if value is None and not required:
        return ()
    if not isinstance(value, list) or (required and not value):
        raise ContentError(f"{where}: expected a list of texts")
    return tuple(_text(item, f"{where}[{i}]") for i, item in enumerate(value))


def parse_walkthrough(doc: Any, lang: str) -> Walkthrough:
    """Turn one language's content document into a Walkthrough; raises ContentError when wrong."""
    if not isinstance(doc, dict):
        raise ContentError(f"{lang}: expected an object")
    raw_chapters = doc.get("chapters")
    if not isinstance(raw_chapters, list) or not raw_chapters:
        raise ContentError(f"{lang}: no chapters")
    chapters: list[Chapter] = []
    cards: list[Card] = []
    seen: set[str] = set()
    for ci, raw in enumerate(raw_chapters):
        where = f"{lang}: chapter {ci}"
        if not isinstance(raw, dict):
            raise ContentError(f"{where}: expected an object")
        chapter_id = _text(raw.get("id"), f"{where} id")
        raw_cards = raw.get("cards")
        if not isinstance(raw_cards, list) or not raw_cards:
            raise ContentError(f"{lang}: chapter {chapter_id!r} has no cards")
        ids: list[str] = []
        for ki, rc in enumerate(raw_cards):
            cwhere = f"{lang}: chapter {chapter_id!r} card {ki}"
            if not isinstance(rc, dict):
                raise ContentError(f"{cwhere}: expected an object")
            card_id = _text(rc.get("id"), f"{cwhere} id")
            if card_id in seen:
                raise ContentError(f"{lang}: card id {card_id!r} is used twice")
            seen.add(card_id)
            cwhere = f"{lang}: card {card_id!r}"
            action_id = rc.get("action")
            if action_id is not None and action_id not in ACTIONS:
                raise ContentError(f"{cwhere}: unknown action id {action_id!r}")
            quote = rc.get("quote")
            cards.append(
                Card(
                    id=card_id,
                    chapter_id=chapter_id,
                    title=_text(rc.get("title"), f"{cwhere} title"),
                    paragraphs=_texts(rc.get("paragraphs"), f"{cwhere} paragraphs", required=True),
                    bullets=_texts(rc.get("bullets"), f"{cwhere} bullets", required=False),
                    quote=None if quote is None else _text(quote, f"{cwhere} quote"),
                    action_id=action_id,
                )
            )
            ids.append(card_id)
        title = _text(raw.get("title"), f"{lang}: chapter {chapter_id!r} title")
        chapters.append(Chapter(chapter_id, title, tuple(ids)))
    raw_reframe = doc.get("reframe")
    if not isinstance(raw_reframe, dict):
        raise ContentError(f"{lang}: no reframe card")
    reframe = Reframe(
        title=_text(raw_reframe.get("title"), f"{lang}: reframe title"),
        paragraphs=_texts(raw_reframe.get("paragraphs"), f"{lang}: reframe", required=True),
    )
    return Walkthrough(lang, tuple(chapters), tuple(cards), reframe)


def _shape(walkthrough: Walkthrough) -> list[tuple[str, str, str | None, int, bool]]:
    """What must be equal between languages: ids, actions, and how many texts each card has."""
    return [
        (card.chapter_id, card.id, card.action_id, len(card.bullets), card.quote is not None)
        for card in walkthrough.cards
    ]


def check_translation(reference: Walkthrough, other: Walkthrough) -> None:
    """Raise ContentError when `other` lacks a card, an action or a text that `reference` has."""
    ref_shape, other_shape = _shape(reference), _shape(other)
    if [c.id for c in reference.chapters] != [c.id for c in other.chapters]:
        raise ContentError(f"{other.lang}: chapters differ from {reference.lang}")
    missing = set(reference.card_ids) - set(other.card_ids)
    if missing:
        raise ContentError(f"{other.lang}: missing translation of cards {sorted(missing)}")
    extra = set(other.card_ids) - set(reference.card_ids)
    if extra:
        raise ContentError(f"{other.lang}: cards {sorted(extra)} are not in {reference.lang}")
    for ref, oth in zip(ref_shape, other_shape, strict=True):
        if ref != oth:
            raise ContentError(f"{other.lang}: card {ref[1]!r} differs from {reference.lang}")


def read_content(lang: str, content_dir: Path = CONTENT_DIR) -> Walkthrough:
    path = content_dir / f"walkthrough.{lang}.json"
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ContentError(f"{lang}: no walk-through content ({path.name})") from exc
    except json.JSONDecodeError as exc:
        raise ContentError(f"{path.name}: {exc}") from exc
    return parse_walkthrough(doc, lang)


def load_walkthrough(lang: str, content_dir: Path = CONTENT_DIR) -> Walkthrough:
    """The walk-through in `lang`, checked against the Dutch original."""
    reference = read_content(REFERENCE_LANGUAGE, content_dir)
    if lang == REFERENCE_LANGUAGE:
        return reference
    other = read_content(lang, content_dir)
    check_translation(reference, other)
    return other


@cache
def walkthrough_for(lang: str) -> Walkthrough:
    """Cached load for the app, falling back to Dutch for a language without content."""
    return load_walkthrough(lang if lang in CONTENT_LANGUAGES else REFERENCE_LANGUAGE)


# --- progress -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class WalkthroughProgress:
    """Where the user was in the walk-through: a card id, so it survives reordering."""

    card_id: str
    updated_at: datetime

    def to_record(self) -> dict[str, Any]:
        return {
            "id": PROGRESS_ID,
            "card_id": self.card_id,
            "updated_at": self.updated_at.isoformat(timespec="seconds"),
        }

    @classmethod
    def from_record(cls, record: dict[str, Any] | None) -> WalkthroughProgress | None:
        """Read stored progress; anything unreadable means "no progress yet"."""
        if not record or not isinstance(record.get("card_id"), str):
            return None
        try:
            updated_at = datetime.fromisoformat(str(record.get("updated_at")))
        except ValueError:
            return None
        return cls(record["card_id"], updated_at)
