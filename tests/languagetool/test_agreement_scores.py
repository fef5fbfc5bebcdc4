"""The typography case set with LanguageTool on, scored with the session's server: agreement
recall and false alarms over every category meet issue 15's thresholds."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from textlint.languagetool.process import ServerState

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import score_typography

MIN_AGREEMENT_RECALL = 0.95
MAX_FALSE_ALARMS = 0.02  # of the correct sentences, every default rule of every kind counting
THREADS = 3  # case files scored at once: the server's answers keep both cores busy


@pytest.fixture(scope="module")
def scores(lt_server: ServerState) -> list[score_typography.CategoryScore]:
    """Scored once for the module, on the session's server (the 450 + 450 sentences take a
    minute one after another; on three threads, the same scores in about half that)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TEXTLINT_LANGUAGETOOL_URL", lt_server.url)
        return score_typography.score(score_typography.DEFAULT_CASES, languagetool=True, threads=THREADS)


def test_agreement_recall_with_languagetool(scores: list[score_typography.CategoryScore]) -> None:
    agreement = next(s for s in scores if s.category == "agreement")
    assert agreement.recall >= MIN_AGREEMENT_RECALL, agreement.missed


def test_false_alarms_with_languagetool(scores: list[score_typography.CategoryScore]) -> None:
    total = score_typography.total(scores)
    assert total.false_alarm_rate <= MAX_FALSE_ALARMS, [a for s in scores for a in s.alarmed]
