"""The machine-translation scorer on the development corpus: the figures the MT and scraping
rules must reach (issue 16), measured as bench/score_mt.py measures them, LanguageTool off."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = importlib.util.spec_from_file_location("score_mt", ROOT / "bench" / "score_mt.py")
assert SPEC is not None and SPEC.loader is not None
score_mt = importlib.util.module_from_spec(SPEC)
sys.modules["score_mt"] = score_mt
SPEC.loader.exec_module(score_mt)


BUILD_SPEC = importlib.util.spec_from_file_location(
    "build_mt_articles", ROOT / "bench" / "build_mt_articles.py"
)
assert BUILD_SPEC is not None and BUILD_SPEC.loader is not None
build_mt_articles = importlib.util.module_from_spec(BUILD_SPEC)
BUILD_SPEC.loader.exec_module(build_mt_articles)

# Development rounds written from marked-up sources (mt-dev is validated by the scorer below).
FRESH_ROUNDS = [
    "mt-fresh",
    "mt-fresh2",
    "mt-fresh3",
    "mt-fresh4",
    "mt-fresh5",
    "mt-fresh6",
    "mt-fresh7",
    "mt-fresh8",
]


@pytest.mark.parametrize("round_name", FRESH_ROUNDS)
def test_fresh_round_is_valid_and_built_from_its_sources(round_name: str) -> None:
    folder = ROOT / "tests" / "corpus" / round_name
    _, errors = score_mt.load_corpus(folder)
    assert errors == []
    sources = sorted((folder / "src").glob("*.txt"))
    assert sources
    for source in sources:
        mt, ref, _ = build_mt_articles.build(source)
        assert (folder / f"{source.stem}.mt.txt").read_text(encoding="utf-8") == mt
        assert (folder / f"{source.stem}.ref.txt").read_text(encoding="utf-8") == ref


@pytest.fixture(scope="module")
def measured() -> tuple[Any, list[str]]:
    return score_mt.score_corpus(score_mt.DEFAULT_MT, score_mt.DEFAULT_HUMAN)


def test_development_corpus_is_valid(measured: tuple[Any, list[str]]) -> None:
    _, errors = measured
    assert errors == []


def test_machine_translation_and_scraping_defects_are_found_with_their_diagnosis(
    measured: tuple[Any, list[str]],
) -> None:
    score, _ = measured
    assert score.recall("mt") >= 0.70, score.missed
    assert score.recall("scraping") >= 0.80, score.missed
    assert score.precision >= 0.95, score.wrong


def test_correct_french_raises_no_machine_translation_issue(measured: tuple[Any, list[str]]) -> None:
    score, _ = measured
    assert score.ref_alarms == []
    assert score.human_words >= 10_000
    assert score.human_per_1000 <= 0.2, score.human_alarms


def test_the_score_ranks_machine_translated_articles_first(measured: tuple[Any, list[str]]) -> None:
    score, _ = measured
    assert score.auc >= 0.95


def test_scorer_helpers() -> None:
    assert score_mt.roc_auc([3.0, 2.0], [1.0, 2.0]) == 0.875
    assert score_mt.find_nth("aa a", "a", 3) == 3
    assert score_mt.apply_fixes("Un.\n\nDebris\n\nDeux.", [(5, 11, "")]) == "Un.\n\nDeux."
    assert score_mt.news_words("« Il a dit : 3 %. »") == 4
