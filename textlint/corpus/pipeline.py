"""textlint as a stage of a data pipeline: its scores and issue counts as columns, and a filter.

`RecordScorer` lints records exactly as `textlint corpus` does (the same `RecordLinter`),
from a batch of columns — Ray Data's `map_batches` (dict of columns, pandas or pyarrow
batches), a pandas DataFrame — or one text at a time, for frameworks that hand documents
over one by one (datatrove, NeMo Curator). `keep_below` is the predicate `filter` takes.
Nothing here imports Ray; see docs/corpus.md for examples.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from textlint.config import Config, LintOptions
from textlint.corpus.linting import LinterSetup, RecordLinter
from textlint.corpus.readers import Record

PREFIX = "textlint_"
SCORE = PREFIX + "score"
LABEL = "pipeline"  # the name of the records' documents (`pipeline#record/FIELD`)


class RecordScorer:
    """Adds textlint's columns to a batch of records; build it once per worker (it loads the rules).

    `fields` are the text columns linted together, as `textlint corpus --field` does; a
    missing (null) value counts as empty text. The columns added, each prefixed with
    `prefix`: `words`, `issues`, `artifacts` (machine-translation and scraping issues),
    `score` (artifacts per 1,000 words: the MT-artifact score) and `complete` (false when
    grammar could not be checked); with `details`, `result`: the record's whole output line
    of `textlint corpus`, as JSON text.
    """

    def __init__(
        self,
        fields: Sequence[str] = ("text",),
        *,
        options: LintOptions | None = None,
        config: Config | None = None,
        markup: str = "text",
        prefix: str = PREFIX,
        details: bool = False,
    ) -> None:
        settings = (options or LintOptions()).apply(config or Config())
        self.linter = RecordLinter(LinterSetup(settings, LABEL, markup))
        self.fields = tuple(fields)
        self.prefix = prefix
        self.details = details

    def __call__(self, batch: Any) -> Any:
        """`batch` (a mapping of columns, a pandas DataFrame or a pyarrow Table) with the columns added."""
        texts = [_column(batch, name) for name in self.fields]
        rows = [
            self.score(dict(zip(self.fields, values, strict=True))) for values in zip(*texts, strict=True)
        ]
        added = {name: [row[name] for row in rows] for name in self.columns}
        if hasattr(batch, "assign"):  # pandas
            return batch.assign(**added)
        if hasattr(batch, "append_column"):  # pyarrow
            for name, values in added.items():
                batch = batch.append_column(name, [values])
            return batch
        return {**batch, **added}

    @property
    def columns(self) -> list[str]:
        names = ["words", "issues", "artifacts", "score", "complete", *(["result"] if self.details else [])]
        return [self.prefix + name for name in names]

    def score(self, record: Mapping[str, Any]) -> dict[str, Any]:
        """textlint's columns for one record: a mapping holding the text fields."""
        texts = {name: "" if record.get(name) is None else str(record[name]) for name in self.fields}
        linted = self.linter.lint(Record(line=0, id="record", texts=texts, source=""))
        digest = linted.digest
        values: dict[str, Any] = {
            "words": digest.words,
            "issues": len(digest.rules),
            "artifacts": digest.artifacts,
            "score": digest.score,
            "complete": digest.complete,
        }
        if self.details:
            values["result"] = linted.line
        return {self.prefix + name: value for name, value in values.items()}

    def score_text(self, text: str) -> float:
        """The MT-artifact score of one text (its first field): a score function for frameworks
        that score documents one by one."""
        return float(self.score({self.fields[0]: text})[self.prefix + "score"])


def keep_below(threshold: float, column: str = SCORE) -> Callable[[Mapping[str, Any]], bool]:
    """A row predicate for `filter`: keep the records whose score is below `threshold`, as
    `textlint corpus --keep-below` does."""

    def keep(row: Mapping[str, Any]) -> bool:
        return bool(row[column] < threshold)

    return keep


def _column(batch: Any, name: str) -> list[Any]:
    values = batch[name]
    return list(values.to_pylist() if hasattr(values, "to_pylist") else values)
