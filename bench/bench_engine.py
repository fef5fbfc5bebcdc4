"""Engine throughput (MB/s) on a generated corpus, and how time grows with the number of rules.

Run: python bench/bench_engine.py [--megabytes 10] [--repeat 3]
Prints a Markdown table; the numbers in BENCHMARKS.md come from this script.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus, lint_all, megabytes_of

from textlint.cachestore import CACHE_ENV
from textlint.config import Config, LanguageToolSettings
from textlint.linter import Linter, compiled_for

LETTERS = "abcdefghijklmnopqrstuvwxyzéèàç"


def generated_rules(folder: Path, count: int, kind: str, rng: random.Random) -> None:
    """`count` rules with made-up words, so they add matching work but rarely fire.

    `kind` is substitution, pattern, or pattern-with-trigger (a pattern that declares its word
    as trigger, so the shared trigger scan decides where its regex runs).
    """
    lines = ["ruleset:", f"  prefix: gen-{kind}", "rules:"]
    for index in range(count):
        word = "".join(rng.choice(LETTERS) for _ in range(rng.randint(6, 10)))
        rule_kind = "substitution" if kind == "substitution" else "pattern"
        lines += [f"  - id: r{index}", f"    kind: {rule_kind}", '    message: "x"']
        if kind == "substitution":
            lines.append(
                f"    swap: {{{word}: {word.upper()}, {word}s: {word.upper()}S, {word}e: {word.upper()}E}}"
            )
        else:
            lines.append(f"    pattern: '\\b{word}(?:s|e)?\\b'")
        if kind == "pattern-with-trigger":
            lines.append(f"    trigger: [{word}]")
    (folder / f"{kind}-{count}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs per row")
    args = parser.parse_args()
    os.environ[CACHE_ENV] = tempfile.mkdtemp(prefix="textlint-bench-engine-")  # generated rules stay out
    articles = corpus(args.megabytes)
    size = megabytes_of(articles)
    no_lt = LanguageToolSettings(enabled=False)
    linter = Linter(Config(languagetool=no_lt))
    seconds, issues = lint_all(linter, articles, args.repeat)
    print(f"corpus: {len(articles)} articles, {size:.1f} MB; built-in rules: {len(linter.rules)}\n")
    print("| rules | kind added | seconds | MB/s | issues |\n|---|---|---|---|---|")
    print(f"| built-in ({len(linter.rules)}) | - | {seconds:.2f} | {size / seconds:.2f} | {issues} |")
    rng = random.Random(3)
    for kind in ("substitution", "pattern-with-trigger", "pattern"):
        for count in (10, 100, 1000):
            with tempfile.TemporaryDirectory() as folder:
                generated_rules(Path(folder), count, kind, rng)
                compiled_for.cache_clear()
                extra = Linter(Config(languagetool=no_lt, rule_dirs=(Path(folder),)))
                sample = articles if kind != "pattern" else articles[: max(1, len(articles) // 10)]
                sample_size = megabytes_of(sample)
                seconds, issues = lint_all(extra, sample, args.repeat)
                rate = sample_size / seconds
                print(f"| built-in + {count} | {kind} | {seconds:.2f} | {rate:.2f} | {issues} |")


if __name__ == "__main__":
    main()
