"""`textlint corpus`: lint the text fields of a dataset (JSONL, CSV, Parquet) record by record."""

from textlint.corpus.readers import KINDS
from textlint.corpus.run import DEFAULT_THRESHOLD, ENGINES, CorpusOptions, run_corpus

__all__ = ["DEFAULT_THRESHOLD", "ENGINES", "KINDS", "CorpusOptions", "run_corpus"]
