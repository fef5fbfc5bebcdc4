"""The Ray engine of `textlint corpus` (`--engine ray`): the same records, output and summary
as the local engine, read and linted on a Ray cluster with Ray Data.

Imported only when that engine is asked for: textlint runs without Ray installed.
"""

from textlint.corpus.raydata.engine import lint_on_ray

__all__ = ["lint_on_ray"]
