"""The cue files: made by scripts/make_sounds.py, short, small, and shaped like what they mean."""

from __future__ import annotations

import importlib.util
import itertools
import struct
import wave
from pathlib import Path

import pytest

from domain.pause.cues import BELL, BREATH_TONES

ROOT = Path(__file__).resolve().parents[3]
SOUNDS = ROOT / "assets" / "sounds"
spec = importlib.util.spec_from_file_location("make_sounds", ROOT / "scripts/make_sounds.py")
assert spec is not None and spec.loader is not None
make_sounds = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_sounds)

NAMES = sorted({*BREATH_TONES.values(), BELL})


def samples(name: str) -> tuple[list[int], int]:
    with wave.open(str(SOUNDS / f"{name}.wav"), "rb") as sound:
        assert (sound.getnchannels(), sound.getsampwidth()) == (1, 2)
        frames = sound.readframes(sound.getnframes())
        return list(struct.unpack(f"<{len(frames) // 2}h", frames)), sound.getframerate()


def crossings(part: list[int]) -> int:
    """How often the wave crosses zero: twice the pitch, near enough."""
    return sum(1 for a, b in itertools.pairwise(part) if (a < 0) != (b < 0))


def loudness(part: list[int]) -> float:
    return (sum(s * s for s in part) / len(part)) ** 0.5


def test_the_files_are_a_fresh_run_of_the_script(tmp_path):
    # every byte is made here, from numbers in the script
    make_sounds.write_cues(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{n}.wav" for n in NAMES)
    for name in NAMES:
        assert (tmp_path / f"{name}.wav").read_bytes() == (SOUNDS / f"{name}.wav").read_bytes()


def test_short_and_small():
    assert sum((SOUNDS / f"{n}.wav").stat().st_size for n in NAMES) < 300_000
    for name in NAMES:
        data, rate = samples(name)
        assert len(data) / rate <= 0.8, name
        # soft: never near full scale, and it starts and ends in silence (no click)
        assert max(abs(s) for s in data) < 0.4 * 32767
        assert abs(data[0]) < 200 and abs(data[-1]) < 200


@pytest.mark.parametrize(("name", "direction"), [("in", 1), ("out", -1), ("hold", 0)])
def test_in_rises_out_falls_hold_stays(name, direction):
    data, _ = samples(name)
    quarter = len(data) // 4
    first, last = crossings(data[:quarter]), crossings(data[-quarter:])
    if direction:
        assert (last - first) * direction > 0.15 * first
    else:
        assert abs(last - first) <= 0.05 * first


def test_the_bell_fades():
    data, _ = samples(BELL)
    tenth = len(data) // 10
    assert loudness(data[-2 * tenth : -tenth]) < loudness(data[tenth : 2 * tenth]) / 3
