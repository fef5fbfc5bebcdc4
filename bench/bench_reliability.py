"""Peak memory of `textlint check` on large files (the « Reliability » section of BENCHMARKS.md).

Each size is a fresh subprocess, so its peak resident set size (`ru_maxrss` of the child) is
its own. The file is ordinary French news, one short sentence per line, with one problem at
the end; the run must find it.

    python bench/bench_reliability.py --megabytes 5 50
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINE = "Le conseil a voté le budget\u00a0: il entre en vigueur.\n"


def measure(megabytes: int, folder: Path) -> dict[str, float]:
    path = folder / f"gros-{megabytes}.txt"
    with path.open("w", encoding="utf-8") as stream:
        stream.write(LINE * (megabytes * 1024 * 1024 // len(LINE.encode())))
        stream.write("Il dit : non.\n")
    command = [sys.executable, "-m", "textlint", "check", "--no-languagetool", "--format", "json", str(path)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    issues = [issue["rule"] for issue in json.loads(result.stdout)["files"][0]["issues"]]
    assert issues == ["typo.space-before-colon"], (issues[:3], result.stderr[-500:])
    assert peak > before, "a larger file must set a new peak: measure sizes in increasing order"
    return {"megabytes": megabytes, "seconds": round(seconds, 1), "peak_rss_mb": round(peak / 1024)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=int, nargs="+", default=[5, 50])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for size in sorted(args.megabytes):
            print(json.dumps(measure(size, Path(folder))))


if __name__ == "__main__":
    main()
