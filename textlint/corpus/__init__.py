"""`textlint corpus`: lint the text fields of a dataset (JSONL, CSV, Parquet) record by record."""

from textlint.corpus.run import DEFAULT_THRESHOLD, CorpusOptions, run_corpus

__all__ = ["DEFAULT_THRESHOLD", "CorpusOptions", "run_corpus"]
