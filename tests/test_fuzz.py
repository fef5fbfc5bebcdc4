"""A short run of the coverage-guided fuzzer (fuzz/fuzz_textlint.py): the long run is in BENCHMARKS.md."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

FUZZER = ROOT / "fuzz" / "fuzz_textlint.py"
RUNS = 300


def test_a_short_fuzzing_run_finds_no_crash(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"  # libFuzzer adds the inputs it finds to its corpus folder
    shutil.copytree(ROOT / "fuzz" / "seeds", corpus)
    stats, crashes = tmp_path / "stats.json", tmp_path / "crashes"
    command = [sys.executable, str(FUZZER), "--stats", str(stats), "--crashes", str(crashes)]
    # libFuzzer may run an input again apart from its count of runs: when it rereads its corpus
    # folder (every second) and when it looks for a C leak. A Python target needs neither.
    command += [f"-runs={RUNS}", "-max_len=512", "-seed=1", "-reload=0", "-detect_leaks=0", str(corpus)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    counts = json.loads(stats.read_text(encoding="utf-8"))
    done = re.search(r"^Done (\d+) runs", result.stderr, re.MULTILINE)
    assert done and int(done[1]) == RUNS, result.stderr[-2000:]
    assert counts["inputs"] >= RUNS  # every run reached the harness (and any run again)
    # libFuzzer's own artifacts (slow units, crashes) go under --crashes, never into the folder it runs in
    assert {path.name for path in tmp_path.iterdir()} <= {"corpus", "stats.json", "crashes"}
    assert all(counts[f"inputs: {target}"] > 0 for target in ("document", "engine", "readers"))
    saved = sorted(path.read_text(encoding="utf-8") for path in crashes.glob("*.txt"))
    assert counts.get("crashes", 0) == 0, saved
