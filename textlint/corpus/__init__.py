"""`textlint corpus`: lint the text fields of a dataset (JSONL, CSV, Parquet) record by record,
and the same linting as a stage of a data pipeline (`RecordScorer`, `keep_below`)."""

from textlint.corpus.pipeline import RecordScorer, keep_below
from textlint.corpus.readers import KINDS
from textlint.corpus.run import DEFAULT_THRESHOLD, ENGINES, CorpusOptions, run_corpus

__all__ = [
    "DEFAULT_THRESHOLD",
    "ENGINES",
    "KINDS",
    "CorpusOptions",
    "RecordScorer",
    "keep_below",
    "run_corpus",
]
