"""How the compiled-rules cache pickles rules: compiled regexes are rebuilt on first use.

The regex module pickles a compiled pattern as its compiled program, so reading it back
parses nothing, but it still builds the program again: about 0.07 ms a pattern, some 40 ms
for the regexes of the built-in rules, most of which never run on a given document (the
triggers of their rule, or of their lexicon entry, are not in it). The cache therefore keeps
each pattern as a `StoredPattern`: the pattern's own pickle, unpickled the first time the
pattern is used. The pickler of the cache (`CachePickler`) writes every compiled pattern it
meets that way, so no kind needs to know about it.

A `StoredPattern` stands in for the pattern it holds: the kinds call it as they would call
the pattern (`finditer`, `pattern`, `groupindex`…); like a compiled pattern, it equals
only itself (a pattern read back from any pickle is a new object). The first use of each attribute rebuilds
the pattern if needed and keeps the attribute on the stand-in, so that later uses are plain
attribute reads, as fast as on the pattern itself. One rule set serves many threads: two
threads rebuilding the same pattern at once each build it, both results are the same
pattern, and the stand-in keeps one; nothing else changes.
"""

from __future__ import annotations

import io
import pickle
from typing import Any

import regex


class StoredPattern:
    """A compiled regex read back from the cache, rebuilt the first time it is used."""

    def __init__(self, state: bytes) -> None:
        self._state = state  # the pattern's own pickle

    def compiled(self) -> regex.Pattern[str]:
        """The pattern itself (rebuilt on the first call)."""
        pattern = self.__dict__.get("_compiled")
        if pattern is None:
            pattern = self.__dict__.setdefault("_compiled", pickle.loads(self._state))
        return pattern  # type: ignore[no-any-return]

    def __getattr__(self, name: str) -> Any:
        # Reached only for what the instance does not hold yet: the first use of each name.
        if name.startswith("__"):  # protocols probed on the class (copy, pickle) are not the pattern's
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value
        return value

    def __reduce__(self) -> tuple[type[StoredPattern], tuple[bytes]]:
        return StoredPattern, (self._state,)

    def __repr__(self) -> str:
        return repr(self.compiled())


class CachePickler(pickle.Pickler):
    """The compiled-rules cache's pickler: compiled regexes become `StoredPattern`s."""

    def __init__(self, stream: io.BytesIO) -> None:
        super().__init__(stream, protocol=pickle.HIGHEST_PROTOCOL)

    def reducer_override(self, obj: object) -> Any:
        if isinstance(obj, regex.Pattern):
            return StoredPattern, (pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL),)
        return NotImplemented


def dumps(value: object) -> bytes:
    """`value` pickled for the compiled-rules cache (read it back with `pickle.loads`)."""
    buffer = io.BytesIO()
    CachePickler(buffer).dump(value)
    return buffer.getvalue()
