"""The Ray actors that lint: each builds its `RecordLinter` once, then lints batch after batch.

With LanguageTool, the actors of a node are clients of the node's one managed server, which
the node's keeper actor starts (`grammar`): at the first check, and again when an actor
finds it dead. A batch whose records got no grammar check is linted again once the server is
back (`RecordLinter.lint_entries`); a record that fails again is written with
`"complete": false` and the reason.
"""

from __future__ import annotations

import pickle
from typing import Any

import pyarrow

from textlint.corpus.linting import LinterSetup, RecordLinter
from textlint.corpus.raydata.grammar import node_server_host
from textlint.corpus.raydata.source import COLUMN, ReadFailure

OUTCOME = "outcome"


class LintActor:
    """A callable class for `map_batches`: pickled entries in, pickled outcomes out, in order."""

    def __init__(self, setup: LinterSetup) -> None:
        self.linter = RecordLinter(setup)
        grammar = self.linter.linter.grammar
        if grammar is not None and grammar.settings.url is None:
            grammar.server_host = node_server_host(grammar.settings)

    def __call__(self, batch: pyarrow.Table) -> pyarrow.Table:
        items = [pickle.loads(raw) for raw in batch.column(COLUMN).to_pylist()]
        entries = [item for item in items if not isinstance(item, ReadFailure)]
        # A read failure is always the last row its read task sent: it stays last.
        failures = [item for item in items if isinstance(item, ReadFailure)]
        outcomes: list[Any] = [*self.linter.lint_entries(entries), *failures]
        packed = [pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL) for item in outcomes]
        return pyarrow.table({OUTCOME: pyarrow.array(packed, pyarrow.binary())})
