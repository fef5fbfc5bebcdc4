"""Entity registry scaling: lint one corpus with registries of 1,000, 10,000 and 50,000 variants.

Run: python bench/bench_entities.py [--megabytes 5]
Loading is measured twice: the first load (YAML, validation, automaton, stored in a private
compiled-rules cache) and the load from that cache, as every later process does, followed by
linting the seed article; the loads from the cache are measured in interleaved rounds (each
round loads every registry once), best round of each, so that a busy machine slows them alike.
Variants are generated (made-up names, a tenth of them ambiguous lower-case words with context
words), so the registry adds matching work without changing what the corpus contains.
Prints a Markdown table; the numbers in BENCHMARKS.md come from this script.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus, lint_all, megabytes_of

from textlint.cachestore import CACHE_ENV
from textlint.config import Config, LanguageToolSettings
from textlint.document import Document
from textlint.linter import Linter, compiled_for

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_01c045c1145d32db.txt"

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


def load_and_lint_once(folder: Path, no_lt: LanguageToolSettings, text: str) -> tuple[float, float]:
    """Seconds to build a linter whose rules come from the compiled-rules cache (as a new
    process does), and to lint one article with it, rules built on first use included."""
    compiled_for.cache_clear()
    started = time.perf_counter()
    linter = Linter(Config(languagetool=no_lt, rule_dirs=(folder,)))
    linter.rule_checker  # noqa: B018 - the rules and their automata, built from the cache
    loaded = time.perf_counter()
    linter.lint(Document(text, path="seed.txt"))
    return loaded - started, time.perf_counter() - loaded


COUNTS = (1_000, 10_000, 50_000)
ROUNDS = 9  # load + lint rounds; each round measures every registry once, in turn


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, default=5.0)
    args = parser.parse_args()
    os.environ[CACHE_ENV] = tempfile.mkdtemp(prefix="textlint-bench-entities-")  # a private cache
    articles = corpus(args.megabytes)
    seed = SEED.read_text(encoding="utf-8")
    size = megabytes_of(articles)
    no_lt = LanguageToolSettings(enabled=False)
    rng = random.Random(5)
    print(f"corpus: {len(articles)} articles, {size:.1f} MB\n")
    with tempfile.TemporaryDirectory() as name:
        folders = {count: Path(name) / f"registry-{count}" for count in COUNTS}
        first = {}
        for count, folder in folders.items():
            folder.mkdir()
            text = yaml.safe_dump(registry(count, rng), allow_unicode=True)
            (folder / "gen.yaml").write_text(text, "utf-8")
            compiled_for.cache_clear()
            started = time.perf_counter()
            Linter(Config(languagetool=no_lt, rule_dirs=(folder,))).rule_checker  # noqa: B018
            first[count] = time.perf_counter() - started
        # Interleaved, so that a busy machine slows every registry alike; best round of each.
        runs: dict[int, list[tuple[float, float]]] = {count: [] for count in COUNTS}
        for _ in range(ROUNDS):
            for count, folder in folders.items():
                runs[count].append(load_and_lint_once(folder, no_lt, seed))
        best = {count: min(runs[count], key=sum) for count in COUNTS}
        print(
            "| registry variants | first load (s) | load from cache (s) | seed: load + lint (ms) | "
            "corpus lint (s) | MB/s | corpus lint vs. none |\n|---|---|---|---|---|---|---|"
        )
        plain = Linter(Config(languagetool=no_lt))
        baseline, _ = lint_all(plain, articles, repeat=3)
        print(f"| none (built-in rules only) | - | - | - | {baseline:.2f} | {size / baseline:.2f} | 1.00 |")
        for count, folder in folders.items():
            load, lint = best[count]
            linter = Linter(Config(languagetool=no_lt, rule_dirs=(folder,)))
            seconds, _ = lint_all(linter, articles, repeat=3)
            print(
                f"| {count:,} | {first[count]:.2f} | {load:.3f} | {(load + lint) * 1000:.0f} | "
                f"{seconds:.2f} | {size / seconds:.2f} | {seconds / baseline:.2f} |"
            )
    ratio = sum(best[COUNTS[-1]]) / sum(best[COUNTS[0]])
    # The same two registries measured back to back in each round: less at the mercy of a
    # busy moment than the ratio of two bests.
    paired = statistics.median(
        sum(large) / sum(small) for large, small in zip(runs[COUNTS[-1]], runs[COUNTS[0]], strict=True)
    )
    print(
        f"\nseed, load + lint: {COUNTS[-1]:,} variants cost {ratio:.2f}× the time of {COUNTS[0]:,} "
        f"(best rounds); median of the {ROUNDS} rounds' ratios {paired:.2f}×"
    )


if __name__ == "__main__":
    main()
