"""The compiled-rules cache: rule sets loaded once, then read back in milliseconds.

Loading the rules (reading the YAML, validating every field, compiling some hundreds of
regexes, building the registries' automata) takes far longer than linting an article. The
loaded rule sets are stored in textlint's cache folder (`cachestore`), keyed by the rule
files' paths and contents and by the code that loaded them (`code_identity`: textlint's
modules and the installed libraries): editing a rule file, changing textlint or upgrading
a library is a new key, and the next run loads and stores the rules again. A compiled
regex is stored as its compiled program, so reading it back does not parse it again.

An entry holds an index (each rule's id, languages, default state and summary: what
selecting rules and reporting need) and the rules themselves, still pickled: a run whose
documents all come from the result cache reads the index and never builds a rule.

A rule checker is stored whole, and reads back in about the same time whatever the size of
the entity registries: its phrase search holds integers (`phrases.py`), and what each phrase
stands for, like a registry's entities, stays pickled until a document needs it
(`packed.py`).
"""

from __future__ import annotations

import pickle
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from textlint.cachestore import PickleStore, cache_root, code_identity, digest
from textlint.errors import RuleError
from textlint.yamlrules.files import rule_files

if TYPE_CHECKING:
    from textlint.yamlrules.checker import RuleChecker
    from textlint.yamlrules.loader import Ruleset
    from textlint.yamlrules.rule import Rule

_Kept = TypeVar("_Kept")
FORMAT = "4"  # bump when what is stored changes shape without a code change
# Rule sets already loaded in this process, by their files' stamps (`_stamp`), and checkers,
# by the same keys as the cache (with the cache's folder: another folder is another cache).
# A process that lints again after a rule file changed loads the rules again; one that lints
# again with the same files (a server; the resident process's children) finds them built and
# their regexes rebuilt. A few are kept, the latest.
_KEPT = 4
_loaded: dict[str, CompiledRules] = {}
_checkers: dict[str, RuleChecker] = {}
_kept_lock = threading.Lock()


class RuleInfo(NamedTuple):
    """What the linter needs to know about a rule before running it."""

    id: str
    enabled: bool  # on by default
    replaces: tuple[str, ...]
    summary: str  # first sentence of its rationale, for listings
    reference: str | None
    # The names it vouches for (never spelling mistakes), as one JSON list: a registry's tens
    # of thousands of names read back as one string, and are parsed only when asked for
    # (LanguageTool's spelling filter is their only reader).
    canonical_json: str

    @property
    def canonical_forms(self) -> frozenset[str]:
        import json  # asked for by LanguageTool's spelling filter only: a check without it never parses

        return frozenset(json.loads(self.canonical_json))


class RulesetInfo(NamedTuple):
    languages: tuple[str, ...]
    rules: tuple[RuleInfo, ...]

    def applies_to(self, language: str) -> bool:
        """`fr` applies to every French variant, `fr-CA` only to fr-CA; a list names several."""
        return language in self.languages or language.split("-", maxsplit=1)[0] in self.languages


@dataclass
class CompiledRules:
    """Loaded rule sets: their index at once, the rules themselves when first asked for."""

    key: str | None  # what they were loaded from; None: not cacheable
    index: tuple[RulesetInfo, ...]
    _pickled: bytes | None = None
    _rulesets: tuple[Ruleset, ...] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def rulesets(self) -> tuple[Ruleset, ...]:
        with self._lock:
            if self._rulesets is None:
                assert self._pickled is not None  # one of the two is always set
                self._rulesets = pickle.loads(self._pickled)
                self._pickled = None
            return self._rulesets


def compiled_rulesets(paths: Sequence[Path]) -> CompiledRules:
    """The rule sets under `paths`, from the cache when their files have not changed."""
    stamp = _stamp(paths)
    known = _loaded.get(stamp) if stamp is not None else None
    if known is not None:
        return known
    key = _key(paths)
    compiled = _load(paths, key)
    if stamp is not None and key is not None:
        _keep(_loaded, stamp, compiled)
    return compiled


def _load(paths: Sequence[Path], key: str | None) -> CompiledRules:
    store = PickleStore("rules")
    if key is not None:
        cached = store.load(key)
        if isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[1], bytes):
            return CompiledRules(key, cached[0], _pickled=cached[1])
    from textlint.yamlrules.loader import load_rulesets
    from textlint.yamlrules.stored import dumps

    loaded = tuple(load_rulesets(paths))
    index = tuple(RulesetInfo(ruleset.languages, tuple(map(_info, ruleset.rules))) for ruleset in loaded)
    if key is not None:
        store.save(key, (index, dumps(loaded)))
    return CompiledRules(key, index, _rulesets=loaded)


def compiled_checker(
    compiled: CompiledRules, rules: Callable[[], Sequence[Rule]], ids: Sequence[str]
) -> RuleChecker:
    """The checker of the rules `ids` (built from `rules()`), from the cache when it holds it.

    A checker's automata (every phrase of every chosen rule, every trigger) take longer to
    build than to read back, the more so with a large entity registry; the checker is stored
    with its rules, so reading it back needs nothing else.
    """
    from textlint.yamlrules.checker import RuleChecker
    from textlint.yamlrules.stored import dumps

    key = digest(FORMAT, compiled.key, *ids) if compiled.key is not None else None
    if key is None:
        return RuleChecker(rules())
    kept = digest(key, str(cache_root()))
    known = _checkers.get(kept)
    if known is not None:
        return known
    store = PickleStore("checkers", dumps=dumps)
    cached = store.load(key)
    if isinstance(cached, RuleChecker):
        checker = cached
    else:
        checker = RuleChecker(rules())
        store.save(key, checker)
    _keep(_checkers, kept, checker)
    return checker


def forget() -> None:
    """Forget the rule sets and checkers this process loaded: the next ask reads the cache, as
    a new process would."""
    with _kept_lock:
        _loaded.clear()
        _checkers.clear()


def _keep(memo: dict[str, _Kept], key: str, value: _Kept) -> None:
    with _kept_lock:
        memo[key] = value
        while len(memo) > _KEPT:
            del memo[next(iter(memo))]


def _stamp(paths: Sequence[Path]) -> str | None:
    """The rule files as they stand (path, size, modification time), and the code reading them:
    enough to tell that rules loaded earlier in this process still hold, without reading the
    files again as the cache's key does (a few milliseconds a run)."""
    try:
        stats = [(str(path), path.stat()) for path in rule_files(paths)]
    except (OSError, RuleError):
        return None
    files = [f"{name}:{status.st_size}:{status.st_mtime_ns}" for name, status in stats]
    return digest(FORMAT, code_identity(), str(cache_root()), *files)


def _key(paths: Sequence[Path]) -> str | None:
    """What the loaded rules depend on; None when a file cannot be read (the loader says why)."""
    try:
        files = [(str(path), path.read_bytes()) for path in rule_files(paths)]
    except (OSError, RuleError):
        return None
    return digest(FORMAT, code_identity(), *(part for pair in files for part in pair))


def _info(rule: Rule) -> RuleInfo:
    import json  # when the rules are loaded, not when their index is read

    header = rule.header
    return RuleInfo(
        rule.id,
        header.enabled,
        header.replaces,
        summary(rule),
        header.reference,
        json.dumps(sorted(rule.canonical_forms), ensure_ascii=False),
    )


def summary(rule: Rule) -> str:
    """The first sentence of a rule's rationale (or its message), for one-line listings."""
    text = " ".join((rule.header.description or rule.header.message).split())
    sentence = text.split(". ")[0].split(" : ")[0]
    return sentence if len(sentence) <= 90 else sentence[:89] + "…"
