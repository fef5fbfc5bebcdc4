"""LanguageTool's findings on professionally written news, before and after textlint's policy.

Every text of the given folders is clean, edited French: any finding is a candidate false
alarm, to be judged case by case. The script checks each text twice on the same server —
raw (LanguageTool's own defaults, only textlint's typography rules left aside, no filter)
and as textlint reports it (rules turned off with measured reasons, findings filtered) —
and prints per-rule counts, the rate per 1,000 words and every finding textlint still
reports, with its context, for the judgement.

    python bench/bench_grammar_precision.py tests/corpus/news-fr/dev tests/corpus/news-foreign
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from textlint.config import Config, LanguageToolSettings
from textlint.document import Document
from textlint.issues import Issue, Source
from textlint.languagetool import LanguageToolChecker, ruleset
from textlint.languagetool.mapping import Match
from textlint.linter import Linter
from textlint.results import per_1000_words


class RawChecker(LanguageToolChecker):
    """LanguageTool as it comes: every default rule but the typography textlint checks itself,
    and every finding reported."""

    def __init__(self) -> None:
        super().__init__(LanguageToolSettings(cache=False), "fr-FR", frozenset())
        self.disabled_rules = tuple(sorted(ruleset.COVERED_BY_YAML))
        self.disabled_categories = ()
        self._configuration = ("raw", *self._configuration)

    def worth_reporting(self, match: Match, doc: Document, base: int) -> bool:
        return True


def raw_findings(texts: dict[Path, str]) -> Counter[str]:
    checker = RawChecker()
    return Counter(issue.rule for text in texts.values() for issue in checker.check(Document(text)))


def reported(texts: dict[Path, str]) -> list[tuple[Path, str, Issue]]:
    linter = Linter(Config(languagetool=LanguageToolSettings(cache=False)))
    found = []
    for path, text in texts.items():
        result = linter.lint(Document(text, path=str(path)))
        assert result.complete, result.unchecked
        for issue in result.issues:
            if issue.source == Source.LANGUAGETOOL or any(
                origin.startswith("LT:") for origin in issue.origins
            ):
                found.append((path, text, issue))
    return found


def context(text: str, issue: Issue) -> str:
    start, end = max(0, issue.start - 40), min(len(text), issue.end + 40)
    before, flagged, after = text[start : issue.start], text[issue.start : issue.end], text[issue.end : end]
    return " ".join(f"{before}[{flagged}]{after}".split()).replace("|", "\\|")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args()
    texts = {
        path: path.read_text(encoding="utf-8")
        for folder in args.folders
        for path in sorted(folder.glob("*.txt"))
    }
    words = sum(len(text.split()) for text in texts.values())
    raw = raw_findings(texts)
    kept = reported(texts)
    print(f"{len(texts)} texts, {words} words")
    for label, count in (
        ("LanguageTool as it comes", sum(raw.values())),
        ("as textlint reports them", len(kept)),
    ):
        print(f"{label}: {count} findings, {per_1000_words(count, words)} per 1,000 words")
    print()
    print("| rule | raw | reported |\n|---|---:|---:|")
    after = Counter(issue.rule for _, _, issue in kept)
    for rule, count in raw.most_common():
        print(f"| {rule} | {count} | {after.get(rule, 0)} |")
    print("\n| file | rule | in context |\n|---|---|---|")
    for path, text, issue in kept:
        print(f"| {path.name} | {issue.rule} | {context(text, issue)} |")


if __name__ == "__main__":
    main()
