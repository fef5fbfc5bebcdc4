"""Where textlint's CPU goes in a warm check with LanguageTool: before the request, while the
server works, after its answer.

    python bench/bench_warm_phases.py [--rounds 10] [--tree DIR ...]

Each round lints a fresh copy of the seed (every sentence carries a number of its own, so
neither LanguageTool's sentence cache nor textlint's caches have seen it) once with each
tree's code, in turn, with the managed LanguageTool server (started or reused). The child
process notes its CPU time (counted from the process's start, the interpreter's included)
when it sends `/v2/check`, when it starts and ends waiting for the answer, and at exit.
Before the request and after the answer, textlint's CPU adds to the check's wall time; in
between, it runs while the server works, on the machine's other core. The table
gives medians. `--tree` names other checkouts of textlint (for example the tree before a
change), each run with this interpreter and its code first on the path.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_startup import SEED, fresh_copy  # noqa: E402

PHASES = ("before the request", "while the server works", "after the answer", "in all")

# Run in the child: times the phases around the grammar request, then runs the command line.
_CHILD = """
import atexit, http.client, runpy, sys, time
marks = {}
send, wait = http.client.HTTPConnection.request, http.client.HTTPConnection.getresponse
def request(self, method, url, *args, **kwargs):
    if url.startswith("/v2/check"):
        marks["sent"] = time.process_time()
    return send(self, method, url, *args, **kwargs)
def getresponse(self, *args, **kwargs):
    checking = "sent" in marks and "answered" not in marks
    if checking:
        marks["waiting"] = time.process_time()
    answer = wait(self, *args, **kwargs)
    if checking:
        marks["answered"] = time.process_time()
    return answer
def report():
    end = time.process_time()
    print(marks["sent"], marks["waiting"] - marks["sent"], end - marks["answered"], end, file=sys.stderr)
http.client.HTTPConnection.request, http.client.HTTPConnection.getresponse = request, getresponse
atexit.register(report)
sys.argv = ["textlint", "check", "--quiet", sys.argv[1]]
runpy.run_module("textlint", run_name="__main__")
"""


def phases(tree: Path, path: str) -> list[float]:
    """CPU milliseconds of each phase of one warm check of `path` with `tree`'s code."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, path], cwd=tree, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"textlint check failed in {tree} ({done.returncode}): {done.stderr[-1500:]}")
    return [float(value) * 1000 for value in done.stderr.split()[-4:]]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--tree", type=Path, action="append", default=[], help="another checkout to compare")
    args = parser.parse_args()
    trees = [ROOT, *(tree.resolve() for tree in args.tree)]
    seed = SEED.read_text(encoding="utf-8")
    found: dict[Path, list[list[float]]] = {tree: [] for tree in trees}
    with tempfile.TemporaryDirectory() as work:
        start = [sys.executable, "-m", "textlint", "languagetool", "start"]
        subprocess.run(start, check=True, capture_output=True)
        for number in range(args.rounds):
            for place, tree in enumerate(trees):
                path = Path(work) / f"fresh-{number}-{place}.txt"
                path.write_text(fresh_copy(seed, f"{number + 1}{place}9"), encoding="utf-8")
                found[tree].append(phases(tree, str(path)))
    print(f"{args.rounds} interleaved rounds, median CPU time (ms) of the textlint process\n")
    print("| tree | " + " | ".join(PHASES) + " |\n|---|" + "---|" * len(PHASES))
    for tree, runs in found.items():
        medians = [statistics.median(run[column] for run in runs) for column in range(len(PHASES))]
        print(f"| {tree} | " + " | ".join(f"{value:.0f}" for value in medians) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
