"""Where linting a corpus record goes without LanguageTool: ms per record, per rule, per regex.

    python bench/profile_rules.py [--records 600] [--top 15] [--repeat 1] [--plain] [--cprofile]

Lints `bench_corpus.py`'s records (the records `textlint corpus` is benchmarked on, same
seed) in this process, as the corpus command does (`RecordLinter`: each field a document of
its own, the output line encoded), with LanguageTool off. Three passes over the same records:

1. plain: the time per record, nothing measured inside (the best of `--repeat` passes, in
   CPU time and wall time; `--plain` stops there, for comparing two trees);
2. attributed: each rule's time (the checker's per-rule call, which holds its regexes, guards
   and issue building) and the share of documents it runs on (a pattern rule: those holding
   one of its triggers) and reports something in, each regex's time inside `matching.finditer`
   (pattern rules, lexicon pattern entries, consistency rules), and the shared scans (phrases,
   triggers);
3. with `--cprofile`: the functions taking the most time of their own.

Pass 2 adds the cost of measuring (a clock read around every call), so its parts are read as
shares of its own total, not against pass 1.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import regex  # noqa: E402
from bench_corpus import record  # noqa: E402

from textlint.config import Config, LanguageToolSettings  # noqa: E402
from textlint.corpus.linting import LinterSetup, RecordLinter  # noqa: E402
from textlint.corpus.readers import Record  # noqa: E402
from textlint.yamlrules import checker, matching  # noqa: E402

SEED = 11  # `bench_corpus.write_corpus`'s: the records of the corpus rows in BENCHMARKS.md
WARM_UP = 20  # records linted first, unmeasured: the rule checker read from its cache, tables loaded


def records(count: int) -> list[Record]:
    rng = random.Random(SEED)
    found = []
    for number in range(count):
        data = record(number, rng)
        texts = {"title": str(data["title"]), "body": str(data["body"])}
        found.append(Record(number + 1, data["id"], texts, ""))  # type: ignore[arg-type]
    return found


def lint_all(linter: RecordLinter, batch: list[Record]) -> float:
    started = time.perf_counter()
    for item in batch:
        linter.lint(item)
    return time.perf_counter() - started


def best_plain(linter: RecordLinter, batch: list[Record], repeat: int) -> tuple[float, float]:
    """The least CPU and wall seconds of `repeat` passes (a shared machine only adds time)."""
    cpu, wall = [], []
    for _ in range(repeat):
        started = time.process_time()
        wall.append(lint_all(linter, batch))
        cpu.append(time.process_time() - started)
    return min(cpu), min(wall)


class Attribution:
    """Time per rule and per regex, gathered by wrapping the checker's calls while it is on."""

    def __init__(self) -> None:
        self.rules: Counter[str] = Counter()
        self.runs: Counter[str] = Counter()  # documents each rule ran on (its triggers found)
        self.hits: Counter[str] = Counter()  # documents it reported something in
        self.patterns: Counter[str] = Counter()
        self.scans: Counter[str] = Counter()
        self._undo: list[Callable[[], None]] = []

    def __enter__(self) -> Attribution:
        self._wrap_rules()
        self._wrap_scans()
        self._wrap_finditer()
        return self

    def __exit__(self, *_: object) -> None:
        for undo in reversed(self._undo):
            undo()

    def _patch(self, owner: Any, name: str, value: Any) -> None:
        old = owner.__dict__[name]
        setattr(owner, name, value)
        self._undo.append(lambda: setattr(owner, name, old))

    def _wrap_rules(self) -> None:
        timed = checker.RuleChecker._timed
        rules, runs, hits = self.rules, self.runs, self.hits

        def wrapped(self_: checker.RuleChecker, rule: Any, *args: Any) -> Any:
            started = time.perf_counter()
            issues = []
            try:
                issues = timed(self_, rule, *args)
                return issues
            finally:
                rules[rule.id] += time.perf_counter() - started
                runs[rule.id] += 1
                hits[rule.id] += bool(issues)

        self._patch(checker.RuleChecker, "_timed", wrapped)

    def _wrap_scans(self) -> None:
        scans = self.scans
        for owner, name, label in (
            (checker.TriggerIndex, "windows", "trigger scan (TriggerIndex.windows)"),
            (checker.PhraseIndex, "find", "phrase scan (PhraseIndex.find)"),
            (checker.RuleChecker, "check", "rule checker, whole (RuleChecker.check)"),
        ):
            scans[label] = 0.0
            self._patch(owner, name, _timed_call(owner.__dict__[name], scans, label))

    def _wrap_finditer(self) -> None:
        """Every module that imported `matching.finditer` gets a timed one (each `next` timed,
        not the consumer's work between matches)."""
        original = matching.finditer
        patterns = self.patterns

        def timed_finditer(pattern: regex.Pattern[str], *args: Any, **kwargs: Any) -> Iterator[Any]:
            matches = original(pattern, *args, **kwargs)
            while True:
                started = time.perf_counter()
                try:
                    match = next(matches)
                except StopIteration:
                    patterns[pattern.pattern] += time.perf_counter() - started
                    return
                patterns[pattern.pattern] += time.perf_counter() - started
                yield match

        for module in list(sys.modules.values()):
            if (
                getattr(module, "__name__", "").startswith("textlint.")
                and module.__dict__.get("finditer") is original
            ):
                self._patch(module, "finditer", timed_finditer)


def _timed_call(function: Callable[..., Any], totals: Counter[str], label: str) -> Callable[..., Any]:
    """`function` with its time added to `totals[label]`; a generator is timed as it is consumed."""

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        result = function(*args, **kwargs)
        totals[label] += time.perf_counter() - started
        if isinstance(result, Iterator):
            return _timed_iteration(result, totals, label)
        return result

    return wrapped


def _timed_iteration(items: Iterator[Any], totals: Counter[str], label: str) -> Iterator[Any]:
    while True:
        started = time.perf_counter()
        try:
            item = next(items)
        except StopIteration:
            totals[label] += time.perf_counter() - started
            return
        totals[label] += time.perf_counter() - started
        yield item


def shown(pattern: str, width: int = 110) -> str:
    one_line = " ".join(pattern.split())
    text = one_line if len(one_line) <= width else one_line[: width - 1] + "…"
    return text.replace("|", "\\|")


def report(title: str, totals: Counter[str], count: int, top: int, label: Callable[[str], str]) -> None:
    print(f"\n{title}\n\n| ms/record | share | what |\n|---|---|---|")
    whole = sum(totals.values()) or 1.0
    for key, seconds in totals.most_common(top):
        print(f"| {seconds * 1000 / count:.3f} | {seconds / whole:.0%} | {label(key)} |")
    print(f"| {whole * 1000 / count:.3f} | 100% | all of them |")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=600)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=1, help="plain passes; the best is reported")
    parser.add_argument("--plain", action="store_true", help="only the plain pass")
    parser.add_argument("--cprofile", action="store_true", help="also profile the functions (pass 3)")
    args = parser.parse_args()

    matching.time_rules_by_signal()  # as a corpus worker process does
    linter = RecordLinter(LinterSetup(Config(languagetool=LanguageToolSettings(enabled=False)), "bench"))
    batch = records(args.records)
    lint_all(linter, batch[:WARM_UP])
    cpu, seconds = best_plain(linter, batch, args.repeat)
    count = len(batch)
    print(f"{count} records, {len(linter.linter.rules)} rules, no LanguageTool, one thread\n")
    print(
        f"plain, best of {args.repeat}: {cpu * 1000 / count:.2f} ms of CPU per record, "
        f"{seconds * 1000 / count:.2f} ms wall ({count / seconds:.0f} records/s)"
    )
    if args.plain:
        return 0

    with Attribution() as found:
        measured = lint_all(linter, batch)
    print(f"attributed (with the cost of measuring): {measured * 1000 / count:.2f} ms/record")
    report("Shared scans and the checker as a whole:", found.scans, count, args.top, str)
    documents = sum(len(item.texts) for item in batch)  # each field is a document

    def rule_row(rule_id: str) -> str:
        ran, hit = found.runs[rule_id] / documents, found.hits[rule_id] / documents
        return f"{rule_id} (runs on {ran:.0%} of documents, reports in {hit:.0%})"

    report("Rules (per-rule call: regexes, guards, issues):", found.rules, count, args.top, rule_row)
    report("Regexes inside `finditer`:", found.patterns, count, args.top, lambda p: f"`{shown(p)}`")

    if args.cprofile:
        profile = cProfile.Profile()
        profile.runcall(lint_all, linter, batch)
        print("\nFunctions by own time (cProfile):\n")
        pstats.Stats(profile, stream=sys.stdout).sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
