"""Answering unchanged files without reading the configuration or the rules.

The result cache (`resultcache`) is keyed by a context that takes a parsed configuration and
the rules' contents to work out: more time than reading a cached result. So when `check`
builds a linter for the files of a folder, it also records, under a key made only of what
costs a millisecond to read, what answering those files from the result cache needs:

- the key: textlint's code (`cachestore.code_identity`), the command line's lint options,
  the environment variable that changes the configuration, the folder, and the path and
  bytes of every configuration file from the folder up to the root (the one discovery uses
  is among them, and so is any it skipped);
- the record: the result cache's context, what the report says besides the results (notes
  on renamed rules, the rules' summaries) and the fail level; with the rule folders the
  configuration names and the sizes and modification times of their files, compared again
  on every read, so that editing, adding or removing a rule file is a miss.

A miss of any kind (no record, a rule file changed, a file whose result is not cached) sends
the run down the ordinary path, which lints what changed and records again.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from textlint.cachestore import PickleStore, code_identity, digest
from textlint.config import CONFIG_FILES, URL_ENV, LintOptions
from textlint.issues import Severity
from textlint.results import RuleDoc
from textlint.yamlrules.files import RULE_FILE_SUFFIXES, builtin_rules_dir

FORMAT = "1"  # bump when a record changes shape

Signature = tuple[tuple[str, int, int], ...]


class RunRecord(NamedTuple):
    """What answering a folder's unchanged files from the result cache needs."""

    context: str  # the result cache's context (`DocumentCache`)
    notes: tuple[str, ...]
    rule_docs: Mapping[str, RuleDoc]
    fail_level: Severity
    rule_dirs: tuple[Path, ...]
    signature: Signature  # of the rule files, when the record was made


def record_key(options: LintOptions, report_unused_suppressions: bool, folder: Path) -> str | None:
    """The key of the record for files in `folder`; None when a configuration file given
    with `--config` cannot be read (the ordinary path says why)."""
    folder = Path(os.path.realpath(folder))
    if options.config:
        given = Path(os.path.realpath(options.config))
        try:
            configs: list[str | bytes] = [str(given), given.read_bytes()]
        except OSError:
            return None
    else:
        configs = list(_config_files(folder))
    return digest(
        FORMAT,
        code_identity(),
        repr(options),
        str(report_unused_suppressions),
        os.environ.get(URL_ENV, ""),
        str(folder),
        *configs,
    )


def _config_files(folder: Path) -> Iterable[str | bytes]:
    """Path and bytes of every configuration file from `folder` up to the root."""
    for directory in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            try:
                data = candidate.read_bytes()
            except OSError:  # none there (or not a file): discovery skips it too
                continue
            yield str(candidate)
            yield data


def rules_signature(rule_dirs: Iterable[Path]) -> Signature | None:
    """Path, size and modification time of every rule file: built-in and `rule_dirs`."""
    found: list[tuple[str, int, int]] = []
    try:
        for top in (builtin_rules_dir(), *rule_dirs):
            found.extend(_stat_tree(str(top)))
    except OSError:
        return None
    return tuple(found)


def _stat_tree(path: str) -> Iterable[tuple[str, int, int]]:
    status = os.stat(path)
    if not os.path.isdir(path):
        yield path, status.st_size, status.st_mtime_ns
        return
    with os.scandir(path) as entries:
        listed = sorted(entries, key=lambda entry: entry.name)
    for entry in listed:
        if entry.is_dir():
            yield from _stat_tree(entry.path)
        elif entry.name.endswith(RULE_FILE_SUFFIXES):
            status = entry.stat()
            yield entry.path, status.st_size, status.st_mtime_ns


class RunRecords:
    """Records by key, in the cache folder."""

    def __init__(self) -> None:
        self.store = PickleStore("runs")

    def recall(self, key: str) -> RunRecord | None:
        """The record under `key`, if its rule files are still those it was made with."""
        record = self.store.load(key)
        if not isinstance(record, RunRecord):
            return None
        if rules_signature(record.rule_dirs) != record.signature:
            return None
        return record

    def remember(self, key: str, record: RunRecord) -> None:
        if self.store.load(key) != record:
            self.store.save(key, record)
