"""The regular expressions of textlint's own modules, compiled once per installation.

The regex module compiles a pattern in Python: from 0.1 ms for a short one to 3 ms for the
long alternations of the line layouts, the guards and the rule kinds, about 30 ms for the few
dozen that checking a document compiles, each run, before reading a word. What it compiles
is a program, which is what the regex module pickles, and reading one back takes some
0.05 ms. `compile` therefore looks each pattern up in a table of programs kept in the cache
folder (`cachestore`, keyed by textlint's code and the installed libraries, so that another
regex module or another textlint is another table), and compiles only those the table does
not hold yet; when the process ends, the table is written back with what it compiled. A
cache that cannot be read or written costs the compiling, nothing else.

Only for the patterns of textlint's own modules, whose number is fixed: a rule's patterns are
kept with the compiled rules (`yamlrules/compiled.py`).
"""

from __future__ import annotations

import atexit
import pickle
import threading

import regex

from textlint.cachestore import PickleStore, code_identity, digest

_Key = tuple[str, int]


class _Programs:
    """The table of compiled programs, read on first use; what this process adds to it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._store: PickleStore | None = None
        self._key = ""
        self._known: dict[_Key, bytes] | None = None
        self._added: dict[_Key, bytes] = {}

    def pattern(self, source: str, flags: int) -> regex.Pattern[str]:
        key = (source, int(flags))
        program = self._table().get(key)
        if program is not None:
            try:
                pattern: regex.Pattern[str] = pickle.loads(program)
                return pattern
            except Exception:  # a program the installed regex module cannot read: compile it
                pass
        pattern = regex.compile(source, flags)
        with self._lock:
            if not self._added:
                atexit.register(self.save)
            self._added[key] = pickle.dumps(pattern, protocol=pickle.HIGHEST_PROTOCOL)
        return pattern

    def _table(self) -> dict[_Key, bytes]:
        with self._lock:
            if self._known is None:
                # The folder and key of this process's first use: where the table is written too.
                self._store = PickleStore("regexes")
                self._key = digest("regex programs", code_identity())
                stored = self._store.load(self._key)
                self._known = stored if isinstance(stored, dict) else {}
            return self._known

    def save(self) -> None:
        """Write the table with what this process compiled (and what others wrote meanwhile)."""
        with self._lock:
            # A cache folder removed meanwhile (a reset, a test's private folder) stays removed.
            if self._store is None or not self._added or not self._store.folder.parent.is_dir():
                return
            stored = self._store.load(self._key)
            table = {**(stored if isinstance(stored, dict) else {}), **self._added}
            self._store.save(self._key, table)
            self._added = {}


_programs = _Programs()


def save() -> None:
    """Write the programs this process compiled now, not when it ends (a process about to fork
    many children that would each write them again)."""
    _programs.save()


def compile(source: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile(source, flags)`, from the table of compiled programs when it holds it."""
    return _programs.pattern(source, flags)
