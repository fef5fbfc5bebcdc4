"""The result cache (SQLite) damaged or locked by another process: grammar is still checked.

A damaged file is rebuilt; a locked one is left alone (another textlint may be writing it)
and the run goes without the cache, saying so once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from textlint.config import LanguageToolSettings
from textlint.document import Document
from textlint.languagetool import LanguageToolChecker, cache
from textlint.languagetool.cache import ResultCache
from textlint.languagetool.process import ServerState

TEXT = "Il sont partis hier soir."


@pytest.fixture
def short_busy_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "BUSY_TIMEOUT_MS", 200)


@pytest.fixture
def locked(results_db: Path, short_busy_wait: None) -> Iterator[Path]:
    """The cache file, with an entry, held in a write transaction by another connection."""
    earlier = ResultCache(results_db)
    earlier.put("earlier", [])
    earlier.close()
    other = sqlite3.connect(results_db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    yield results_db
    other.execute("ROLLBACK")
    other.close()


@pytest.mark.languagetool
def test_locked_cache_is_left_alone_and_grammar_is_still_checked(
    lt_url: ServerState, locked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    grammar = LanguageToolChecker(LanguageToolSettings(), "fr-FR", frozenset())
    assert any(issue.rule.startswith("LT:") for issue in grammar.check(Document(TEXT)))
    assert not grammar.cache.enabled
    assert capsys.readouterr().err.splitlines() == [
        f"textlint: warning: LanguageTool result cache {locked} not used in this run (database is locked)"
    ]


def test_a_locked_cache_is_not_used_and_keeps_what_it_holds(locked: Path) -> None:
    assert not ResultCache(locked).enabled
    with sqlite3.connect(locked) as db:
        assert db.execute("SELECT key FROM results").fetchall() == [("earlier",)]


def test_cache_locked_mid_run_is_dropped_for_the_run(results_db: Path, short_busy_wait: None) -> None:
    results = ResultCache(results_db)
    results.put("a", [])
    other = sqlite3.connect(results_db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    results.put("b", [])  # waits for the lock, gives up, goes on without the cache
    other.execute("ROLLBACK")
    other.close()
    assert not results.enabled
    assert results.get("a") is None


@pytest.mark.languagetool
def test_damaged_cache_is_rebuilt_and_grammar_is_still_checked(
    lt_url: ServerState, results_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results_db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    grammar = LanguageToolChecker(LanguageToolSettings(), "fr-FR", frozenset())
    assert any(issue.rule.startswith("LT:") for issue in grammar.check(Document(TEXT)))
    assert grammar.cache.enabled
    assert "is damaged" in capsys.readouterr().err
