"""How common a word is in French, or in a language French news is translated from (wordfreq's
Zipf scale), without loading wordfreq on each run.

Importing wordfreq and reading its French list costs about a third of a second, more than a
warm LanguageTool check of an article. Each language's list is therefore copied once, when
first asked for, into an SQLite table in textlint's cache folder (keyed by the wordfreq
release it copies and the table's layout, so that it survives textlint's own upgrades), where
a word is one indexed lookup. A word
of letters only is looked up there, casefolded as wordfreq does, which gives wordfreq's own
value (`tests/languagetool/test_frequency.py` compares them); any other word (digits,
apostrophes, hyphens: wordfreq splits those into several tokens) is asked of wordfreq
itself. A damaged table is rebuilt; when the folder cannot be written, wordfreq answers
everything.
"""

from __future__ import annotations

import contextlib
import math
import os
import sqlite3
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

from textlint import regexes
from textlint.cachestore import cache_root, digest

_LETTERS = regexes.compile(r"[^\W\d_]+")
TABLE_LAYOUT = "words(word, zipf) 1"  # change it when the table's layout or rounding changes
_lock = threading.Lock()
# One table per language and process; a language is present once its table was tried
# (None: it could not be opened nor built, and wordfreq answers).
_tables: dict[str, sqlite3.Connection | None] = {}


# Words repeat from one document to the next (Zipf's law): a corpus run asks for the same few
# thousand words again and again, which a process-wide memory answers without SQLite.
@lru_cache(maxsize=200_000)
def zipf(word: str, language: str = "fr") -> float:
    """wordfreq's `zipf_frequency(word, language)`: 0 for a word it does not know."""
    token = unicodedata.normalize("NFC", word).casefold()
    table = _open(language) if _LETTERS.fullmatch(token) else None
    if table is None:
        return _from_wordfreq(word, language)
    with _lock:
        row = table.execute("SELECT zipf FROM words WHERE word = ?", (token,)).fetchone()
    return float(row[0]) if row else 0.0


@lru_cache(maxsize=20_000)
def starts_a_common_word(stump: str, min_zipf: float = 3.0, language: str = "fr") -> bool:
    """Whether a longer word at least as frequent as `min_zipf` begins with `stump` (« côt » of
    « côté »): the stump of a word cut short. False when the table cannot be read."""
    token = unicodedata.normalize("NFC", stump).casefold()
    table = _open(language) if _LETTERS.fullmatch(token) else None
    if table is None:
        return False
    with _lock:
        row = table.execute(
            "SELECT 1 FROM words WHERE word > ? AND word < ? AND zipf >= ? LIMIT 1",
            (token, token + "\U0010ffff", min_zipf),
        ).fetchone()
    return row is not None


def close_tables() -> None:
    """Close the tables opened so far (they open again when next asked): an SQLite connection
    must not be used on both sides of a fork."""
    with _lock:
        for table in _tables.values():
            if table is not None:
                table.close()
        _tables.clear()


def _from_wordfreq(word: str, language: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, language))


def _open(language: str) -> sqlite3.Connection | None:
    with _lock:
        if language not in _tables:
            name = f"{language}-{_table_identity()[:16]}.sqlite3"
            _tables[language] = _connect(cache_root() / "wordfreq" / name, language)
        return _tables[language]


@lru_cache(maxsize=1)
def _table_identity() -> str:
    return digest(TABLE_LAYOUT, wordfreq_release())


def wordfreq_release() -> str:
    """The installed wordfreq's version, read from the name of its `.dist-info` folder beside
    it: `importlib.metadata` costs more to import than a warm check takes to lint."""
    from importlib.util import find_spec

    spec = find_spec("wordfreq")
    if spec is not None and spec.origin is not None:
        site = Path(spec.origin).parent.parent
        with contextlib.suppress(OSError):
            folders = [name for name in os.listdir(site) if name.lower().startswith("wordfreq-")]
            releases = [name[9:].removesuffix(".dist-info") for name in folders if name.endswith("dist-info")]
            if len(releases) == 1:
                return releases[0]
    from importlib.metadata import version  # installed some other way

    return version("wordfreq")


def _connect(path: Path, language: str) -> sqlite3.Connection | None:
    for _ in range(2):  # a damaged table is deleted and built again, once
        if not path.exists() and not _build(path, language):
            return None
        try:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            db.execute("SELECT zipf FROM words WHERE word = 'de'").fetchone()
            return db
        except sqlite3.DatabaseError:
            with contextlib.suppress(OSError):
                path.unlink()
    return None


def _build(path: Path, language: str) -> bool:
    """Write the table under a temporary name, then rename it: readers never see half of it."""
    import tempfile  # once per installation: a run that reads the table does not import it

    from wordfreq import get_frequency_dict

    rows = (
        (word, round(math.log10(frequency) + 9, 2))
        for word, frequency in get_frequency_dict(language, "best").items()
        if frequency > 0
    )
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        os.close(descriptor)
        with contextlib.closing(sqlite3.connect(temporary)) as db:
            db.execute("CREATE TABLE words (word TEXT PRIMARY KEY, zipf REAL NOT NULL) WITHOUT ROWID")
            db.executemany("INSERT OR IGNORE INTO words VALUES (?, ?)", rows)
            db.commit()
        os.replace(temporary, path)
        return True
    except (OSError, sqlite3.Error):
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return False
