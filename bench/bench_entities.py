"""Entity registry scaling: lint one corpus with registries of 1,000, 10,000 and 50,000 variants.

Run: python bench/bench_entities.py [--megabytes 5]
Variants are generated (made-up names, a tenth of them ambiguous lower-case words with context
words), so the registry adds matching work without changing what the corpus contains.
Prints a Markdown table; the numbers in BENCHMARKS.md come from this script.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus, lint_all, megabytes_of

from textlint.config import Config, LanguageToolSettings
from textlint.linter import Linter, rulesets_for

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def word(rng: random.Random) -> str:
    return "".join(rng.choice(LETTERS) for _ in range(rng.randint(5, 9)))


def registry(variants: int, rng: random.Random) -> dict[str, object]:
    """A registry with `variants` wrong forms, four per entity."""
    entities = []
    for index in range(variants // 4):
        name = word(rng).capitalize() + f"{index}"
        forms = [name.lower(), name.upper(), name + "s", name[:3] + " " + name[3:]]
        entity: dict[str, object] = {"name": name, "type": "organisation", "variants": forms}
        if index % 10 == 0:
            entity.update(ambiguous=[forms[0]], context=[word(rng)], good=["Une phrase.", "Une autre."])
        entities.append(entity)
    return {"registry": {"id": f"gen-{variants}"}, "entities": entities}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, default=5.0)
    args = parser.parse_args()
    articles = corpus(args.megabytes)
    size = megabytes_of(articles)
    no_lt = LanguageToolSettings(enabled=False)
    rng = random.Random(5)
    print(f"corpus: {len(articles)} articles, {size:.1f} MB\n")
    print("| registry variants | load (s) | lint (s) | MB/s | lint time vs. none |\n|---|---|---|---|---|")
    plain = Linter(Config(languagetool=no_lt))
    baseline, _ = lint_all(plain, articles, repeat=3)
    print(f"| none (built-in rules only) | - | {baseline:.2f} | {size / baseline:.2f} | 1.00 |")
    for count in (1_000, 10_000, 50_000):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "gen.yaml"
            path.write_text(yaml.safe_dump(registry(count, rng), allow_unicode=True), encoding="utf-8")
            rulesets_for.cache_clear()
            started = time.perf_counter()
            linter = Linter(Config(languagetool=no_lt, rule_dirs=(Path(folder),)))
            load = time.perf_counter() - started
            seconds, _ = lint_all(linter, articles, repeat=3)
            ratio = seconds / baseline
            print(f"| {count:,} | {load:.2f} | {seconds:.2f} | {size / seconds:.2f} | {ratio:.2f} |")


if __name__ == "__main__":
    main()
