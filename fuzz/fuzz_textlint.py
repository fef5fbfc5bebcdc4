"""Coverage-guided fuzzing (atheris, libFuzzer) of the document builders, rule engine and corpus readers.

Each input is routed by its first byte to one target; every target checks invariants, not
only that nothing raises:

- `document`: bytes → `decode` (only `FileError` may refuse them) → the Markdown and HTML
  prose views: each view offset maps into the source, and verbatim pieces read the same.
- `engine`: text → `Linter.lint` as plain text, Markdown or HTML: every issue lies inside
  the text; `Linter.fix` (unsafe fixes too) converges, and fixing again changes nothing.
- `readers`: bytes written as a JSONL, CSV or gzip-compressed JSONL corpus → `read_records`:
  only `InputError` may stop a reader; every record's fields are strings.

A crash is any other exception or a broken invariant: it is counted, its input saved under
`--crashes`, and the run goes on. Counts are written to `--stats` every 10,000 inputs and at
the end. Run (see BENCHMARKS.md, « Reliability »):

    python fuzz/fuzz_textlint.py -runs=1000000 -max_len=2048 -rss_limit_mb=4096 fuzz/seeds
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["textlint"]):
    from textlint.config import Config, LanguageToolSettings
    from textlint.corpus.readers import Record, Source, read_records
    from textlint.document import Document, decode
    from textlint.errors import FileError, FixError, InputError
    from textlint.formats import prose_view
    from textlint.issues import Safety
    from textlint.linter import Linter

ROOT = Path(__file__).resolve().parent
STATS_EVERY = 10_000
LINTER = Linter(Config(languagetool=LanguageToolSettings(enabled=False)))
SCRATCH = Path(tempfile.mkdtemp(prefix="textlint-fuzz-"))


class InvariantError(AssertionError):
    """The code returned without an error, but what it returned is wrong."""


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise InvariantError(message)


def fuzz_document(data: bytes) -> None:
    try:
        doc = decode(data, "fuzz.txt")
    except FileError:
        return
    for path in ("fuzz.md", "fuzz.html"):
        view = prose_view(Document(doc.text, path=path))
        source_map = view.source_map
        _require(source_map is not None, f"{path}: no source map")
        assert source_map is not None
        for offset in range(len(view.text) + 1):
            start, end = source_map.start(offset), source_map.end(offset)
            _require(0 <= start <= len(doc.text) and 0 <= end <= len(doc.text), f"{path}: offset {offset}")
        for index, verbatim in enumerate(source_map.verbatim):
            if verbatim:
                view_start = source_map.view_starts[index]
                length = source_map.source_ends[index] - source_map.source_starts[index]
                piece = view.text[view_start : view_start + length]
                source = doc.text[source_map.source_starts[index] : source_map.source_ends[index]]
                _require(piece == source, f"{path}: verbatim piece {index} reads differently")


ENGINE_PATHS = ("fuzz.txt", "fuzz.md", "fuzz.html")


def fuzz_engine(data: bytes, kind: int) -> None:
    text = data.decode("utf-8", errors="replace")
    path = ENGINE_PATHS[kind % len(ENGINE_PATHS)]
    doc = Document(text, path=path)
    for issue in LINTER.lint(doc).issues:
        _require(0 <= issue.start <= issue.end <= len(text), f"{path}: {issue.rule} outside the text")
    try:
        fixed = LINTER.fix(doc, Safety.UNSAFE).text
    except FixError as error:
        raise InvariantError(f"{path}: {error}") from None
    again = LINTER.fix(Document(fixed, path=path), Safety.UNSAFE)
    _require(again.text == fixed, f"{path}: fixing twice changed the text ({len(again.applied)} fixes)")


READER_SUFFIXES = (".jsonl", ".csv", ".jsonl.gz")


def fuzz_readers(data: bytes, kind: int) -> None:
    suffix = READER_SUFFIXES[kind % len(READER_SUFFIXES)]
    path = SCRATCH / f"corpus{suffix}"
    path.write_bytes(gzip.compress(data, mtime=0) if suffix.endswith(".gz") else data)
    source = Source(str(path), "csv" if suffix == ".csv" else "jsonl", path)
    try:
        for entry in read_records(source, ("body",), "id" if kind & 4 else None, whole_rows=bool(kind & 8)):
            if isinstance(entry, Record):
                _require(all(isinstance(text, str) for text in entry.texts.values()), "a field is no string")
                entry.original()
    except InputError:
        return


TARGETS: dict[str, Callable[[bytes, int], None]] = {
    "document": lambda data, _: fuzz_document(data),
    "engine": fuzz_engine,
    "readers": fuzz_readers,
}


class Harness:
    """Routes inputs to targets, counts them and the crashes, saves crashing inputs."""

    def __init__(self, targets: list[str], crashes: Path, stats: Path) -> None:
        self.crashes = crashes
        self.stats = stats
        self.counts: Counter[str] = Counter()
        self.started = time.monotonic()
        self.targets = targets

    def __call__(self, data: bytes) -> None:
        self.counts["inputs"] += 1
        if not data:
            return
        name = self._route(data[0])
        self.counts[f"inputs: {name}"] += 1
        try:
            TARGETS[name](data[1:], data[0] // len(TARGETS))
        except Exception:
            self.counts["crashes"] += 1
            self.counts[f"crashes: {name}"] += 1
            self._save(data)
        if self.counts["inputs"] % STATS_EVERY == 0:
            self.write_stats()

    def _route(self, first: int) -> str:
        # The first byte names the same target whichever targets are selected, so that the
        # seeds (named after their target) reach it in a run limited to some targets.
        name = list(TARGETS)[first % len(TARGETS)]
        return name if name in self.targets else self.targets[first % len(self.targets)]

    def _save(self, data: bytes) -> None:
        self.crashes.mkdir(parents=True, exist_ok=True)
        name = hashlib.sha1(data).hexdigest()[:16]
        (self.crashes / f"crash-{name}").write_bytes(data)
        (self.crashes / f"crash-{name}.txt").write_text(traceback.format_exc(), encoding="utf-8")

    def write_stats(self) -> None:
        report = {**dict(sorted(self.counts.items())), "seconds": round(time.monotonic() - self.started)}
        temporary = self.stats.with_suffix(".tmp")
        temporary.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        os.replace(temporary, self.stats)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--crashes", type=Path, default=ROOT / "crashes", help="where crashing inputs go")
    parser.add_argument("--stats", type=Path, default=ROOT / "stats.json", help="counts, updated as it runs")
    parser.add_argument(
        "--targets", nargs="+", choices=sorted(TARGETS), default=list(TARGETS), help="what to fuzz"
    )
    own, libfuzzer = parser.parse_known_args()
    harness = Harness(own.targets, own.crashes, own.stats)
    runs = next((int(arg.split("=", 1)[1]) for arg in libfuzzer if arg.startswith("-runs=")), None)

    def one_input(data: bytes) -> None:
        harness(data)
        if runs is not None and harness.counts["inputs"] >= runs:
            harness.write_stats()  # libFuzzer exits right after its last run

    # libFuzzer's own artifacts (slow or crashing units) go beside the harness's crashes, not
    # into the current folder; the rule set is built before the first input so that its
    # one-time cost is not reported as a slow unit.
    if not any(arg.startswith("-artifact_prefix=") for arg in libfuzzer):
        own.crashes.mkdir(parents=True, exist_ok=True)
        libfuzzer.append(f"-artifact_prefix={own.crashes}{os.sep}")
    LINTER.lint(Document("Un texte.", path="warm-up.txt"))
    atheris.Setup([sys.argv[0], *libfuzzer], one_input)
    try:
        atheris.Fuzz()
    finally:
        harness.write_stats()


if __name__ == "__main__":
    main()
