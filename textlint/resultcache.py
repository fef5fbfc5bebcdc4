"""The whole-document result cache: an unchanged document under an unchanged configuration
gets its result back without running a rule or asking LanguageTool.

A result depends on the document (its path, which per-file settings and suppressions
match, and its text), on the configuration, on the rules and on the code; the key hashes
all of them, so any change is a miss and the document is linted again. Only complete
results are stored: a document whose grammar could not be checked, or where a rule ran out
of time, is linted again next time. Storage, damage and unwritable folders are handled by
`cachestore`.
"""

from __future__ import annotations

import dataclasses
import enum
from pathlib import PurePath

from textlint.cachestore import PickleStore, digest
from textlint.config import Config
from textlint.document import Document
from textlint.results import FileResult

FORMAT = "1"  # bump when what is stored changes shape


def config_fingerprint(config: Config) -> str:
    """The configuration as canonical text: equal configurations, equal text, in any process."""
    import json  # only when a linter is built, never for a file answered by its run record

    return json.dumps(dataclasses.asdict(config), sort_keys=True, default=_plain, ensure_ascii=False)


def _plain(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(map(str, value))
    raise TypeError(f"{type(value).__name__} has no canonical form")


class DocumentCache:
    """Results by document, under one linting context (configuration, rules, code)."""

    def __init__(self, context: str) -> None:
        self.context = context
        self.store = PickleStore("results")

    def key(self, doc: Document, markup: str | None) -> str | None:
        """None for a document a caller built with regions or spans of its own: not cached."""
        if doc.regions is not None or doc.ignored or doc.emphasis or doc.source_map is not None:
            return None
        return digest(FORMAT, self.context, doc.path, markup or "", doc.text)

    def get(self, doc: Document, markup: str | None) -> FileResult | None:
        key = self.key(doc, markup)
        stored = self.store.load(key) if key is not None else None
        if not isinstance(stored, tuple) or len(stored) != 3:
            return None
        issues, prose, skipped = stored
        return FileResult(doc, issues, doc.text if prose is None else prose, (), skipped)

    def put(self, result: FileResult, markup: str | None) -> None:
        key = self.key(result.document, markup)
        if key is not None and result.complete:
            # The checked text of a plain-text document is the document: not stored twice.
            prose = None if result.prose == result.document.text else result.prose
            self.store.save(key, (result.issues, prose, result.skipped))
