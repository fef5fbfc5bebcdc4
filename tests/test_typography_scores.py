"""The typography case set scored by bench/score_typography.py meets the issue's thresholds.

Without LanguageTool for the typography categories; agreement needs LanguageTool and is
scored with the session's server in tests/languagetool/test_agreement_scores.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import score_typography

LANGUAGETOOL_ONLY = {"agreement"}
MIN_RECALL = 0.95
MAX_FALSE_ALARMS = 0.02


@pytest.fixture(scope="module")
def scores() -> list[score_typography.CategoryScore]:
    return score_typography.score(score_typography.DEFAULT_CASES, languagetool=False)


def test_every_typography_category_is_scored(scores: list[score_typography.CategoryScore]) -> None:
    assert len(scores) == 15
    assert all(s.wrong == 30 and s.correct == 30 for s in scores)


def test_recall_per_typography_category(scores: list[score_typography.CategoryScore]) -> None:
    low = {
        s.category: s.recall for s in scores if s.category not in LANGUAGETOOL_ONLY and s.recall < MIN_RECALL
    }
    assert low == {}, [m for s in scores if s.category in low for m in s.missed]


def test_false_alarms_overall(scores: list[score_typography.CategoryScore]) -> None:
    total = score_typography.total(scores)
    assert total.false_alarm_rate <= MAX_FALSE_ALARMS, [a for s in scores for a in s.alarmed]


def test_error_span_follows_occurrence() -> None:
    assert score_typography.error_span("a b a b", "a", 2) == (4, 5)
    with pytest.raises(ValueError):
        score_typography.error_span("a b", "c")


FRESH_CASES = score_typography.DEFAULT_CASES.parent / "typography-fresh"


def test_fresh_set_meets_the_same_thresholds() -> None:
    scores = score_typography.score(FRESH_CASES, languagetool=False)
    assert len(scores) == 15
    low = {
        s.category: s.recall for s in scores if s.category not in LANGUAGETOOL_ONLY and s.recall < MIN_RECALL
    }
    assert low == {}, [m for s in scores if s.category in low for m in s.missed]
    assert score_typography.total(scores).false_alarm_rate <= MAX_FALSE_ALARMS, [
        a for s in scores for a in s.alarmed
    ]
