"""The seed article: its machine-translation problems found with the right diagnosis, and no
correct French flagged (tests/data/seed-mt-problems.yaml lists both, read by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import SEED
from textlint.api import lint_text
from textlint.issues import Issue

PROBLEMS = yaml.safe_load((Path(__file__).parent / "data" / "seed-mt-problems.yaml").read_text("utf-8"))
TEXT = SEED.read_text(encoding="utf-8")
ISSUES = [i for i in lint_text(TEXT, languagetool=False) if i.category in ("mt", "scraping", "entity")]


def span(text: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = TEXT.index(text, start + 1)
    return start, start + len(text)


def found(problem: dict[str, object], issues: list[Issue]) -> bool:
    start, end = span(str(problem["text"]), int(str(problem.get("occurrence", 1))))
    return any(i.category == problem["diagnosis"] and i.start < end and start < i.end for i in issues)


def test_most_machine_translation_problems_are_found_with_their_diagnosis() -> None:
    problems = PROBLEMS["problems"]
    found_mt = [p["text"] for p in problems if p["diagnosis"] == "mt" and found(p, ISSUES)]
    found_all = [p["text"] for p in problems if found(p, ISSUES)]
    # 19 of the seed's 27 problems at least, of which 12 of its phrasing (mt) problems.
    assert len(found_all) >= 19, found_all
    assert len(found_mt) >= 12, found_mt


def test_no_correct_french_is_flagged() -> None:
    spans = [span(str(p["text"]), int(str(p.get("occurrence", 1)))) for p in PROBLEMS["problems"]]
    stray = [TEXT[i.start : i.end] for i in ISSUES if not any(i.start < e and s < i.end for s, e in spans)]
    assert stray == []


@pytest.mark.parametrize("phrase", PROBLEMS["correct"])
def test_correct_phrases_are_left_alone(phrase: str) -> None:
    start, end = span(phrase)
    assert not [i.rule for i in ISSUES if i.start < end and start < i.end]
