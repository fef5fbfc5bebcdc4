"""Lint time of the built-in rules of two source trees, side by side on one generated corpus.

Run: python bench/bench_trees.py --megabytes 0.5 --pairs 5 OTHER_TREE [THIS_TREE]

Each tree (a checkout of textlint: its code and its `rules/`) lints the same corpus
(bench/corpus.py, LanguageTool off) in its own process; the two alternate `--pairs` times, so
that a loaded machine slows both alike. Prints each run, then the best and the median of each
tree and the ratio of the bests: the cost of a change to the rules, measured against the tree
it started from.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# What one run executes, in the tree under test (its own textlint, its own rules).
ONE_RUN = """
import sys, time
root = sys.argv[1]
sys.path[:0] = [root, root + "/bench"]
from corpus import corpus
from textlint.config import Config, LanguageToolSettings
from textlint.document import Document
from textlint.linter import Linter
articles = corpus(float(sys.argv[2]))
linter = Linter(Config(languagetool=LanguageToolSettings(enabled=False)))
start = time.perf_counter()
issues = sum(len(linter.lint(Document(text, path="a.txt")).issues) for text in articles)
print(time.perf_counter() - start, len(linter.rules), issues)
"""


def one_run(tree: Path, megabytes: float) -> tuple[float, int, int]:
    out = subprocess.run(
        [sys.executable, "-c", ONE_RUN, str(tree), str(megabytes)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tree,
    ).stdout.split()
    return float(out[0]), int(out[1]), int(out[2])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("other", type=Path, help="the tree to compare with")
    parser.add_argument("this", type=Path, nargs="?", default=ROOT)
    parser.add_argument("--megabytes", type=float, default=0.5)
    parser.add_argument("--pairs", type=int, default=5)
    args = parser.parse_args()
    trees = (args.other.resolve(), args.this.resolve())
    times: dict[Path, list[float]] = {tree: [] for tree in trees}
    for _ in range(args.pairs):
        for tree in trees:
            seconds, rules, issues = one_run(tree, args.megabytes)
            times[tree].append(seconds)
            print(f"{tree}: {rules} rules, {seconds:.2f} s, {issues} issues")
    print("\n| tree | best (s) | median (s) |\n|---|---|---|")
    for tree in trees:
        print(f"| {tree} | {min(times[tree]):.2f} | {statistics.median(times[tree]):.2f} |")
    print(f"\nratio of the bests (this / other): {min(times[trees[1]]) / min(times[trees[0]]):.2f}")


if __name__ == "__main__":
    main()
