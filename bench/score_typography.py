"""Score textlint on the typography case sets: recall, false alarms and fix accuracy per category.

Run: python bench/score_typography.py [CASES_DIR] [--languagetool] [--json FILE] [--language fr-FR]
     [--categories entity,mt]

A case file (see tests/cases/typography/README.md) holds `wrong` sentences, each with the
smallest wrong span `error` and its `fixed` text, and `correct` sentences. Each sentence is
linted on its own, as one document, with the default rules:

- recall: the share of wrong sentences where some issue overlaps the `error` span;
- false alarms: the share of correct sentences where anything at all is reported;
- fixes: among the wrong sentences found, the share where applying the fixes of the issues
  that overlap the error span (suggestions included, first suggestion each) gives `fixed`.

Without `--languagetool` only textlint's own rules run; with it, every default rule of every
kind counts. `--categories` counts only the issues of those categories, for recall and false
alarms alike: the entity-name cases (tests/cases/entity-names/) are scored with
`--categories entity`, so that a name must be found as a name and a control sentence may not
raise an entity issue. Prints a Markdown table; `--json` also writes the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textlint.config import Config, LanguageToolSettings
from textlint.document import Document
from textlint.fixer import apply_once
from textlint.issues import Issue
from textlint.linter import Linter

DEFAULT_CASES = Path(__file__).resolve().parent.parent / "tests" / "cases" / "typography"


@dataclass(frozen=True)
class Case:
    text: str
    start: int  # the error span; both 0 for a correct sentence
    end: int
    fixed: str | None


@dataclass(frozen=True)
class CategoryScore:
    category: str
    wrong: int
    found: int
    correct: int
    alarms: int
    fixed_right: int
    missed: tuple[str, ...]  # wrong sentences not found
    alarmed: tuple[str, ...]  # correct sentences flagged, with the rules that fired

    @property
    def recall(self) -> float:
        return self.found / self.wrong if self.wrong else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.alarms / self.correct if self.correct else 0.0

    @property
    def fix_rate(self) -> float:
        return self.fixed_right / self.found if self.found else 0.0


def error_span(text: str, error: str, occurrence: int = 1) -> tuple[int, int]:
    """Offsets of the `occurrence`-th occurrence of `error` in `text`."""
    start = -1
    for _ in range(occurrence):
        start = text.find(error, start + 1)
        if start < 0:
            raise ValueError(f"{error!r} does not occur {occurrence} time(s) in {text!r}")
    return start, start + len(error)


def load_cases(path: Path) -> tuple[str, list[Case], list[Case]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    wrong = []
    for item in data["wrong"]:
        start, end = error_span(item["text"], item["error"], item.get("occurrence", 1))
        wrong.append(Case(item["text"], start, end, item.get("fixed")))
    correct = [Case(item["text"], 0, 0, None) for item in data["correct"]]
    return str(data["category"]), wrong, correct


def make_linter(languagetool: bool, language: str) -> Linter:
    return Linter(Config(language=language, languagetool=LanguageToolSettings(enabled=languagetool)))


def _overlapping(issues: Iterable[Issue], case: Case) -> list[Issue]:
    """Issues touching the error span (an insertion at its edge counts, as for a missing space)."""
    return [
        issue
        for issue in issues
        if (issue.start < case.end and case.start < issue.end)
        or (issue.start == issue.end and case.start <= issue.start <= case.end)
    ]


def _fixes_right(case: Case, hits: Sequence[Issue]) -> bool:
    with_fix = sorted((issue for issue in hits if issue.fix is not None), key=Issue.sort_key)
    text, _ = apply_once(case.text, with_fix)
    return text == case.fixed


def _issues(linter: Linter, text: str, categories: frozenset[str] | None) -> list[Issue]:
    issues = linter.lint(Document(text)).issues
    return [issue for issue in issues if categories is None or issue.category in categories]


def score_file(linter: Linter, path: Path, categories: frozenset[str] | None = None) -> CategoryScore:
    category, wrong, correct = load_cases(path)
    found = fixed_right = 0
    missed: list[str] = []
    for case in wrong:
        hits = _overlapping(_issues(linter, case.text, categories), case)
        if not hits:
            missed.append(case.text)
            continue
        found += 1
        fixed_right += _fixes_right(case, hits)
    alarmed = []
    for case in correct:
        issues = _issues(linter, case.text, categories)
        if issues:
            rules = ", ".join(sorted({issue.rule for issue in issues}))
            alarmed.append(f"{case.text}  [{rules}]")
    return CategoryScore(
        category, len(wrong), found, len(correct), len(alarmed), fixed_right, tuple(missed), tuple(alarmed)
    )


def score(
    cases: Path,
    languagetool: bool,
    language: str = "fr-FR",
    categories: frozenset[str] | None = None,
    threads: int = 1,
) -> list[CategoryScore]:
    """Scores of every case file under `cases`, in file-name order; `categories`, when given,
    are the only issue categories that count. `threads` case files are scored at once by one
    linter (it serves many threads): the same scores, sooner when LanguageTool is on, as one
    thread's sentence is with the server while another's runs textlint's rules."""
    linter = make_linter(languagetool, language)
    files = sorted(cases.glob("*.yaml"))
    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(lambda path: score_file(linter, path, categories), files))


def total(scores: Sequence[CategoryScore]) -> CategoryScore:
    return CategoryScore(
        "total",
        sum(s.wrong for s in scores),
        sum(s.found for s in scores),
        sum(s.correct for s in scores),
        sum(s.alarms for s in scores),
        sum(s.fixed_right for s in scores),
        (),
        (),
    )


def markdown(scores: Sequence[CategoryScore]) -> str:
    rows = [
        "| category | recall | false alarms | fixes right |",
        "| --- | ---: | ---: | ---: |",
    ]
    for s in [*scores, total(scores)]:
        rows.append(
            f"| {s.category} | {s.recall:.2f} ({s.found}/{s.wrong}) "
            f"| {s.false_alarm_rate:.2f} ({s.alarms}/{s.correct}) | {s.fix_rate:.2f} |"
        )
    return "\n".join(rows)


def as_json(scores: Sequence[CategoryScore]) -> list[dict[str, Any]]:
    return [
        {**asdict(s), "recall": s.recall, "false_alarm_rate": s.false_alarm_rate, "fix_rate": s.fix_rate}
        for s in scores
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("cases", nargs="?", type=Path, default=DEFAULT_CASES)
    parser.add_argument("--languagetool", action="store_true", help="run LanguageTool too")
    parser.add_argument("--language", default="fr-FR")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--details", action="store_true", help="list missed and falsely flagged cases")
    parser.add_argument("--categories", help="comma-separated issue categories that count (default: all)")
    args = parser.parse_args(argv)
    categories = frozenset(args.categories.split(",")) if args.categories else None
    scores = score(args.cases, args.languagetool, args.language, categories)
    print(markdown(scores))
    if args.details:
        for s in scores:
            for text in s.missed:
                print(f"MISSED {s.category}: {text}")
            for text in s.alarmed:
                print(f"ALARM {s.category}: {text}")
    if args.json:
        args.json.write_text(json.dumps(as_json(scores), ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
