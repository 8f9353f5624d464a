"""Run every benchmark in turn (`make bench`); each prints its own table for docs/BENCHMARKS.md."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
RUNS = [
    ["storage_bench.py"],
    ["planner_bench.py", "--storage"],
    ["calendar_bench.py"],
    ["reminder_bench.py"],
    ["pause_bench.py"],
    ["startup_bench.py"],
]


def main() -> int:
    failed = []
    for args in RUNS:
        print(f"\n=== {' '.join(args)}", flush=True)
        if subprocess.run([sys.executable, str(BENCH / args[0]), *args[1:]]).returncode != 0:
            failed.append(args[0])
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
