"""Strict parsing of data files, structure checks, and salvage of damaged ones."""

from __future__ import annotations

import json
import re
import uuid
from itertools import repeat
from typing import Any

from storage.layout import META_TABLE

Tables = dict[str, dict[str, Any]]
_BOM = b"\xef\xbb\xbf"


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


_STRICT = json.JSONDecoder(parse_constant=_reject_constant)


def encode(data: Any) -> bytes:
    """Compact JSON; NaN and Infinity are refused so every file stays standard JSON."""
    return json.dumps(data, allow_nan=False, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )


def parse_strict(raw: bytes) -> Any:
    """Exactly one standard JSON value in UTF-8 without a BOM, or ValueError."""
    if raw.startswith(_BOM):
        raise ValueError("file starts with a byte-order mark")
    return _STRICT.decode(raw.decode("utf-8"))


def is_doc_id(key: object) -> bool:
    return isinstance(key, str) and key.isdigit() and key == str(int(key)) and int(key) > 0


# All document ids of a table, joined by NUL: checked in one C-level match at open.
_DOC_IDS = re.compile(r"(?:[1-9][0-9]*(?:\x00[1-9][0-9]*)*)?")


def _table_is_sound(table: dict[str, Any], is_collection: bool) -> bool:
    """The quick check done at every open; problems_in() explains what a failing table lacks."""
    if not _DOC_IDS.fullmatch("\x00".join(table)):
        return False
    if not set(map(type, table.values())) <= {dict}:
        return False
    if not is_collection:
        return True
    ids = list(map(dict.get, table.values(), repeat("id")))
    unique = set(ids)
    return set(map(type, unique)) <= {str} and len(unique) == len(ids) and "" not in unique


def problems_in(data: Any, collections: tuple[str, ...]) -> list[str]:
    """What is wrong with a parsed file; empty when it is a well-formed TinyDB file for us."""
    if not isinstance(data, dict):
        return [f"root is {type(data).__name__}, not an object"]
    if all(
        type(table) is dict and _table_is_sound(table, name in collections)
        for name, table in data.items()
    ):
        return []
    found: list[str] = []
    for table_name, table in data.items():
        if not isinstance(table, dict):
            found.append(f"table {table_name!r} is not an object")
            continue
        seen: set[str] = set()
        for key, doc in table.items():
            where = f"{table_name}[{key!r}]"
            if not is_doc_id(key):
                found.append(f"{where}: document id is not a positive integer")
            if not isinstance(doc, dict):
                found.append(f"{where}: document is not an object")
                continue
            if table_name in collections:
                rid = doc.get("id")
                if not isinstance(rid, str) or not rid:
                    found.append(f"{where}: record has no string id")
                elif rid in seen:
                    found.append(f"{where}: id {rid!r} appears twice")
                else:
                    seen.add(rid)
        if table_name == META_TABLE and not all(isinstance(d, dict) for d in table.values()):
            found.append("meta table holds non-objects")
    return found


def leading_object(raw: bytes) -> Any:
    """The first JSON value that still parses at the start of damaged bytes, or None."""
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = raw[: exc.start].decode("utf-8")
    text = text.lstrip()
    if not text:
        return None
    try:
        value, _end = _STRICT.raw_decode(text)
    except ValueError:
        return None
    return value


def salvage(value: Any, collections: tuple[str, ...]) -> tuple[Tables | None, int, int]:
    """Keep every record that is still an object; returns (tables, kept, dropped).

    Document numbers are renumbered (the stable key is the record's string id);
    records without a usable id get a fresh one; a repeated id keeps its first record.
    """
    if not isinstance(value, dict):
        return None, 0, 0
    tables: Tables = {}
    kept = dropped = 0
    for table_name, table in value.items():
        if not isinstance(table, dict):
            dropped += 1
            continue
        clean: dict[str, Any] = {}
        seen: set[str] = set()
        for doc in table.values():
            if not isinstance(doc, dict):
                dropped += 1
                continue
            if table_name in collections:
                rid = doc.get("id")
                if not isinstance(rid, str) or not rid:
                    doc = {**doc, "id": uuid.uuid4().hex}
                elif rid in seen:
                    dropped += 1
                    continue
                seen.add(doc["id"])
            clean[str(len(clean) + 1)] = doc
            kept += 1
        tables[table_name] = clean
    for name in collections:
        tables.setdefault(name, {})
    return tables, kept, dropped


def empty_tables(collections: tuple[str, ...]) -> Tables:
    return {name: {} for name in collections}
