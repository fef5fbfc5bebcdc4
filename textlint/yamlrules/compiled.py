"""The compiled-rules cache: rule sets loaded once, then read back in milliseconds.

Loading the rules (reading the YAML, validating every field, compiling some hundreds of
regexes, building the registries' automata) takes far longer than linting an article. The
loaded rule sets are stored in textlint's cache folder (`cachestore`), keyed by the rule
files' paths and contents, textlint's version and the regex and automaton libraries they
were compiled with: editing a rule file, upgrading textlint or a library is a new key, and
the next run loads and stores the rules again. A compiled regex is stored as its compiled
program, so reading it back does not parse or compile it again.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import ahocorasick
import regex

from textlint.cachestore import PickleStore, digest
from textlint.errors import RuleError
from textlint.version import __version__
from textlint.yamlrules.loader import Ruleset, load_rulesets, rule_files

FORMAT = "1"  # bump when what is stored changes shape without a version change


def compiled_rulesets(paths: Sequence[Path]) -> tuple[Ruleset, ...]:
    """The rule sets under `paths`, from the cache when their files have not changed."""
    key = _key(paths)
    store = PickleStore("rules")
    if key is not None:
        cached = store.load(key)
        if isinstance(cached, tuple) and all(isinstance(ruleset, Ruleset) for ruleset in cached):
            return cached
    loaded = tuple(load_rulesets(paths))
    if key is not None:
        store.save(key, loaded)
    return loaded


def _key(paths: Sequence[Path]) -> str | None:
    """What the loaded rules depend on; None when a file cannot be read (the loader says why)."""
    try:
        files = [(str(path), path.read_bytes()) for path in rule_files(paths)]
    except (OSError, RuleError):
        return None
    libraries = [_identity(module) for module in (regex._regex, ahocorasick)]
    return digest(FORMAT, __version__, sys.version, *libraries, *(part for pair in files for part in pair))


def _identity(module: object) -> str:
    """Which build of a compiled library is loaded: its file, size and modification time."""
    where = Path(str(getattr(module, "__file__", "")))
    try:
        status = where.stat()
    except OSError:
        return str(where)
    return f"{where}:{status.st_size}:{status.st_mtime_ns}"
