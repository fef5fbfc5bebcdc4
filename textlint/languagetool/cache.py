"""A persistent cache of LanguageTool matches per paragraph, in SQLite.

Keys hash everything the matches depend on (the paragraph, LT's version, the language,
the rule configuration), so an unchanged paragraph never reaches the server again. The
cache is an optimisation only: a damaged file is deleted and rebuilt; a file locked by
another process is left alone, and it and any other database error disable the cache for
the rest of the run instead of failing the check.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from textlint.languagetool.mapping import Match

SCHEMA_VERSION = 1  # bump when the stored match format changes
BUSY_TIMEOUT_MS = 5000
MAX_AGE_SECONDS = 90 * 24 * 3600  # entries older than this are pruned when the cache opens
# SQLite's errors for a file that is not a database, or a damaged one: only these rebuild it.
_DAMAGED = frozenset({"SQLITE_NOTADB", "SQLITE_CORRUPT"})


def cache_key(text: str, version: str, language: str, configuration: Sequence[object]) -> str:
    payload = json.dumps([SCHEMA_VERSION, text, version, language, list(configuration)], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class ResultCache:
    """Matches by key; `path=None` or `enabled=False` makes every lookup a miss."""

    def __init__(self, path: Path | None, enabled: bool = True) -> None:
        self.path = path
        self._lock = threading.Lock()  # one connection shared by the checker's threads
        self._db: sqlite3.Connection | None = None
        if enabled and path is not None:
            self._db = self._open(path, retry=True)

    def _open(self, path: Path, retry: bool) -> sqlite3.Connection | None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA journal_mode = WAL")  # readers never wait for a writer
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS results "
                "(key TEXT PRIMARY KEY, matches TEXT NOT NULL, created REAL NOT NULL)"
            )
            # Pruning runs before each check's request: by the index, not a scan of every entry.
            db.execute("CREATE INDEX IF NOT EXISTS results_created ON results (created)")
            db.execute("DELETE FROM results WHERE created < ?", (time.time() - MAX_AGE_SECONDS,))
            db.commit()
            return db
        except sqlite3.DatabaseError as error:
            if getattr(error, "sqlite_errorname", "") not in _DAMAGED:
                # Busy or locked by another textlint, read-only, out of space: the file is
                # fine (and maybe in use), so it is left alone and this run goes without it.
                self._warn(f"LanguageTool result cache {path} not used in this run ({error})")
                return None
            if retry:
                self._warn(f"LanguageTool result cache {path} is damaged ({error}); rebuilding it")
                for suffix in ("", "-wal", "-shm"):
                    with contextlib.suppress(OSError):
                        Path(f"{path}{suffix}").unlink()
                return self._open(path, retry=False)
            self._warn(f"LanguageTool result cache disabled ({error})")
            return None
        except OSError as error:
            self._warn(f"LanguageTool result cache disabled ({error})")
            return None

    @staticmethod
    def _warn(message: str) -> None:
        print(f"textlint: warning: {message}", file=sys.stderr)

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def get(self, key: str) -> list[Match] | None:
        if self._db is None:
            return None
        with self._lock:
            try:
                row = self._db.execute("SELECT matches FROM results WHERE key = ?", (key,)).fetchone()
            except sqlite3.DatabaseError as error:
                self._fail(error)
                row = None
        if row is None:
            return None
        try:
            matches = [Match.from_json(item) for item in json.loads(row[0])]
        except (ValueError, TypeError):
            return None  # an unreadable entry is a miss; the fresh result overwrites it
        return matches

    def put(self, key: str, matches: Sequence[Match]) -> None:
        self.put_all([(key, matches)])

    def put_all(self, entries: Iterable[tuple[str, Sequence[Match]]]) -> None:
        """Store several paragraphs' matches in one transaction (a commit each cost a millisecond)."""
        if self._db is None:
            return
        now = time.time()
        rows = [
            (key, json.dumps([match.to_json() for match in matches], ensure_ascii=False), now)
            for key, matches in entries
        ]
        with self._lock:
            try:
                self._db.executemany(
                    "INSERT OR REPLACE INTO results (key, matches, created) VALUES (?, ?, ?)", rows
                )
                self._db.commit()
            except sqlite3.DatabaseError as error:
                self._fail(error)

    def _fail(self, error: sqlite3.DatabaseError) -> None:
        # Called with the lock held. A cache that breaks mid-run is dropped for the run;
        # the next run finds the file corrupt (or fine) when it opens it.
        self._warn(f"LanguageTool result cache disabled ({error})")
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._db.close()
                self._db = None
