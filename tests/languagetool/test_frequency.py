"""The word-frequency table gives wordfreq's own values, and survives damage."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from wordfreq import get_frequency_dict, zipf_frequency

from textlint import cachestore, frequency


@pytest.fixture
def fresh_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cachestore.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(frequency, "_tables", {})
    frequency.zipf.cache_clear()  # what the process remembers comes from the tables of other tests
    return tmp_path / "wordfreq"


def test_the_table_answers_what_wordfreq_answers(fresh_table: Path) -> None:
    rng = random.Random(3)
    known = rng.sample(sorted(get_frequency_dict("fr", "best")), 400)
    words = [
        *known,
        *(word.capitalize() for word in known[:100]),
        *(word.upper() for word in known[100:200]),
        # misspellings, names, elisions, hyphens and digits (the last three go to wordfreq)
        *("Ministére", "aujourdhui", "acceuil", "Deepmind", "xqzwvk", "straße", "ﬁn"),
        *("l'acceuil", "porte-parole", "G7", "États-Unis"),
    ]
    assert {word: frequency.zipf(word) for word in words} == {
        word: zipf_frequency(word, "fr") for word in words
    }
    assert len(list(fresh_table.glob("*.sqlite3"))) == 1


def test_a_damaged_table_is_rebuilt(fresh_table: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = frequency.zipf("gouvernement")
    [table] = fresh_table.glob("*.sqlite3")
    table.write_bytes(b"not a database")
    monkeypatch.setattr(frequency, "_tables", {})
    frequency.zipf.cache_clear()
    assert frequency.zipf("gouvernement") == expected
    assert table.read_bytes().startswith(b"SQLite format 3")


def test_the_release_is_read_beside_the_package_as_importlib_reads_it() -> None:
    from importlib.metadata import version

    assert frequency.wordfreq_release() == version("wordfreq")
