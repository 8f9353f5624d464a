"""Synthesise the pause's sound cues into assets/sounds/ with the standard library alone.

    python scripts/make_sounds.py [out_dir]

The same numbers always give the same bytes, so the committed files can be checked against a
fresh run. Soft on purpose: sine tones at a third of full scale, eased in and out so nothing
clicks, and short, so a cue never spills into the next phase.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from collections.abc import Callable
from pathlib import Path

RATE = 22050  # plenty for tones below 3 kHz, and half the bytes of 44.1 kHz
PEAK = 0.33  # of full scale: a cue, not an alarm; the device's volume does the rest
OUT_DIR = Path(__file__).resolve().parent.parent / "assets" / "sounds"


def _envelope(t: float, length: float, attack: float, release: float) -> float:
    """Raised-cosine fade in and out, so a tone starts and stops without a click."""
    if t < attack:
        return 0.5 - 0.5 * math.cos(math.pi * t / attack)
    if t > length - release:
        left = max(0.0, length - t)
        return 0.5 - 0.5 * math.cos(math.pi * left / release)
    return 1.0


def glide(start_hz: float, end_hz: float, length: float) -> list[float]:
    """A soft tone sliding from one pitch to another: up for the in-breath, down for the out."""
    samples: list[float] = []
    phase = 0.0
    count = int(RATE * length)
    for n in range(count):
        t = n / RATE
        # Ease the pitch along a half cosine, the way a breath speeds up and settles.
        done = 0.5 - 0.5 * math.cos(math.pi * n / count)
        hz = start_hz + (end_hz - start_hz) * done
        phase += 2 * math.pi * hz / RATE
        # A little of the octave above makes it warm rather than a bare test tone.
        value = math.sin(phase) + 0.18 * math.sin(2 * phase)
        samples.append(value / 1.18 * _envelope(t, length, 0.08, 0.22))
    return samples


def hum(hz: float, length: float) -> list[float]:
    """A steady, slightly swelling tone: the breath is held, so the pitch holds too."""
    samples: list[float] = []
    for n in range(int(RATE * length)):
        t = n / RATE
        swell = 0.85 + 0.15 * math.sin(2 * math.pi * 3.0 * t)
        value = math.sin(2 * math.pi * hz * t) + 0.25 * math.sin(2 * math.pi * hz * 1.5 * t)
        samples.append(value / 1.25 * swell * _envelope(t, length, 0.06, 0.18))
    return samples


# Partials of a small bell (ratio to the fundamental, loudness, how fast it fades per second).
_BELL_PARTIALS = ((1.0, 1.0, 3.2), (2.0, 0.45, 4.5), (2.76, 0.3, 6.0), (5.4, 0.12, 9.0))


def bell(hz: float, length: float) -> list[float]:
    """A gentle bell: a soft strike, then partials that fade at their own pace."""
    total = sum(loudness for _, loudness, _ in _BELL_PARTIALS)
    samples: list[float] = []
    for n in range(int(RATE * length)):
        t = n / RATE
        value = sum(
            loudness * math.exp(-fade * t) * math.sin(2 * math.pi * hz * ratio * t)
            for ratio, loudness, fade in _BELL_PARTIALS
        )
        samples.append(value / total * _envelope(t, length, 0.01, 0.15))
    return samples


# The cue files: name -> how to make them. The view plays `<name>.wav` for a phase's breath.
CUES: dict[str, Callable[[], list[float]]] = {
    "in": lambda: glide(330.0, 440.0, 0.6),
    "out": lambda: glide(440.0, 330.0, 0.6),
    "hold": lambda: hum(392.0, 0.4),
    "bell": lambda: bell(523.25, 0.8),
}


def wav_bytes(samples: list[float]) -> bytes:
    """16-bit mono PCM at RATE, as a browser and a phone both play it."""
    return struct.pack(
        f"<{len(samples)}h", *(round(max(-1.0, min(1.0, s)) * PEAK * 32767) for s in samples)
    )


def write_cues(out_dir: Path = OUT_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in CUES.items():
        path = out_dir / f"{name}.wav"
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(wav_bytes(make()))
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT_DIR
    for path in write_cues(target):
        print(f"{path} ({path.stat().st_size} bytes)")
