"""`textlint corpus`: read records, lint their fields, write one line each, summarise.

Data flows one way: the reader yields records (and malformed entries), the selection
stages choose which to lint, the linters produce an outcome per entry in input order —
in this process or worker processes (the local engine), or on Ray actors (the Ray engine,
which reads the file in a Ray task) — and this process writes them and keeps the summary,
whichever engine linted.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from tqdm import tqdm

from textlint.config import Config, LintOptions
from textlint.corpus import output
from textlint.corpus.linting import Digest, Linted, LinterSetup, Outcome, lint_in_order
from textlint.corpus.readers import (
    STDIN,
    Malformed,
    Source,
    corpus_format,
    count_records,
    open_source,
    read_records,
)
from textlint.corpus.sampling import Wanted, choose, id_key
from textlint.corpus.summary import Settings, Summary
from textlint.errors import EngineError, InputError
from textlint.linter import compiled_for
from textlint.writer import write_atomically

DEFAULT_THRESHOLD = 5.0  # MT/scraping issues per 1,000 words: one in 200 words
ENGINES = ("local", "ray")


@dataclass(frozen=True)
class CorpusOptions:
    """What the command line asked for; `lint` carries the rule and LanguageTool choices."""

    data: str
    fields: tuple[str, ...]
    id_field: str | None = None
    format: str | None = None  # jsonl, csv or parquet; None: from the name's ending
    markup: str = "text"  # how field values are read: text, markdown or html
    output: str | None = None
    output_clean: str | None = None
    keep_below: float | None = None
    limit: int | None = None
    sample: int | None = None
    seed: int = 0
    jobs: int | None = None  # worker processes, or Ray actors; None: 1 process, or as many actors as CPUs
    threshold: float = DEFAULT_THRESHOLD
    summary: str | None = None
    summary_format: str = "text"
    progress: bool | None = None  # None: only when standard error is a terminal
    lint: LintOptions = field(default_factory=LintOptions)
    engine: str = "local"  # "ray": read and lint on a Ray cluster (`textlint.corpus.raydata`)
    ray_address: str | None = None  # the cluster to join; None starts a local one


def run_corpus(options: CorpusOptions) -> Summary:
    """Lint a corpus as `options` say and return the summary of the whole output."""
    source = _source(options)
    out_path = Path(options.output) if options.output else None
    clean_path = Path(options.output_clean) if options.output_clean else None
    _refuse_overwriting_input(source.path, out_path, clean_path)
    config = options.lint.config_for(source.path.resolve().parent if source.path else Path.cwd())
    compiled_for(config.rule_dirs)  # a bad rule file fails here, before any worker starts
    summary = Summary(
        Settings(
            options.data,
            source.unit,
            options.threshold,
            config.fail_level,
            options.keep_below,
            config.languagetool.require,
        )
    )
    run = _Run(options, source, summary)
    done = run.resume(out_path, clean_path)
    out = output.open_lines(out_path, append=bool(done))
    clean = output.open_lines(clean_path, append=bool(done)) if clean_path else None
    try:
        run.lint(config, done, out, clean)
    finally:
        for stream in (out, clean):
            if stream is not None and stream is not sys.stdout:
                stream.close()
    _write_summary(options, summary)
    return summary


def _source(options: CorpusOptions) -> Source:
    """The corpus to read. Ray reads it where its tasks run: a URI, or a local path, which
    must then exist on the node that reads it (on this machine for a local cluster)."""
    if options.engine == "local":
        return open_source(options.data, options.format)
    if options.data == STDIN:
        raise InputError("standard input can only be read by the local engine (--engine local)")
    kind = corpus_format(options.data, options.format)
    local = Path(options.data)
    return Source(options.data, kind, local if local.is_file() else None)


def _ray_engine() -> Callable[[Source, Wanted, LinterSetup, int | None, str | None], Iterator[Outcome]]:
    """The Ray engine, imported only when asked for: textlint runs without Ray installed."""
    try:
        from textlint.corpus.raydata import lint_on_ray
    except ModuleNotFoundError as error:
        if error.name is None or error.name.partition(".")[0] not in {"ray", "pyarrow"}:
            raise
        raise EngineError("--engine ray needs Ray Data: pip install 'textlint[ray]'") from None
    return lint_on_ray


def _refuse_overwriting_input(data: Path | None, *outputs: Path | None) -> None:
    written = [path for path in outputs if path is not None]
    for path in written:
        if data is not None and path.resolve() == data.resolve():
            raise InputError(f"{path}: is the input corpus; choose another output file")
    if len(written) == 2 and written[0].resolve() == written[1].resolve():
        raise InputError(f"{written[0]}: --output and --output-clean must be different files")


class _Run:
    def __init__(self, options: CorpusOptions, source: Source, summary: Summary) -> None:
        self.options = options
        self.source = source
        self.summary = summary
        self.bar: tqdm[Any] | None = None
        self.warned: set[str] = set()

    def say(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def resume(self, out_path: Path | None, clean_path: Path | None) -> set[str]:
        """Ids already in the output (fed to the summary), after repairing an interrupted write."""
        if out_path is None:
            return set()
        if output.cut_truncated_tail(out_path):
            self.say(f"textlint: {out_path}: removed an incomplete last line; that record is linted again")
        kept = sum(bool(entry.get("kept")) for entry in output.previous_entries(out_path))
        if clean_path is not None and output.align_clean(clean_path, kept):
            self.say(f"textlint: {clean_path}: removed a record written after the last complete one")
        dropped = output.drop_incomplete(out_path, clean_path)
        if dropped:
            self.say(f"textlint: {out_path}: {dropped} records were not fully checked; checking them again")
        done: set[str] = set()
        for entry in output.previous_entries(out_path):
            done.add(id_key(entry["id"]))
            self.summary.add(Digest.of(entry), resumed=True)
        if done:
            self.say(f"textlint: {out_path}: {len(done)} records already done, skipping them")
        return done

    def lint(self, config: Config, done: set[str], out: TextIO, clean: TextIO | None) -> None:
        setup = LinterSetup(config, self.options.data, self.options.markup, self.options.keep_below)
        self.bar = self._progress_bar(len(done))
        try:
            for outcome in self._outcomes(setup, frozenset(done)):
                if isinstance(outcome, Malformed):
                    self.summary.add_malformed(outcome)
                    self.say(f"textlint: skipped {self._where(outcome.line)}: {outcome.reason}")
                else:
                    for reason in outcome.digest.unchecked:
                        self._warn(
                            f"{reason} (record {outcome.digest.id} and maybe others; "
                            "a resumed run checks them again)"
                        )
                    self._write(outcome, out, clean)
                self.bar.update()
        finally:
            self.bar.close()
            self.bar = None

    def _outcomes(self, setup: LinterSetup, done: frozenset[str]) -> Iterator[Outcome]:
        options = self.options
        wanted = Wanted(
            options.fields,
            options.id_field,
            whole_rows=options.output_clean is not None,
            limit=options.limit,
            sample=options.sample,
            seed=options.seed,
            done=done,
        )
        if options.engine == "ray":
            return _ray_engine()(self.source, wanted, setup, options.jobs, options.ray_address)
        fields, id_field, whole_rows = wanted.fields, wanted.id_field, wanted.whole_rows
        entries = choose(read_records(self.source, fields, id_field, whole_rows), self.source.unit, wanted)
        return lint_in_order(entries, setup, options.jobs or 1)

    def _where(self, line: int) -> str:
        if self.source.unit == "row":
            return f"{self.options.data}: row {line}"
        return f"{self.options.data}:{line}"

    def _write(self, linted: Linted, out: TextIO, clean: TextIO | None) -> None:
        # The clean line goes first: after a crash between the two writes, resuming finds
        # one clean record too many (and drops it), never one missing.
        if linted.original is not None and clean is not None:
            output.write_line(clean, linted.original)
        output.write_line(out, linted.line)
        self.summary.add(linted.digest)

    def _warn(self, warning: str) -> None:
        if warning not in self.warned:
            self.warned.add(warning)
            self.say(f"textlint: warning: {warning}")

    def _progress_bar(self, already_done: int) -> tqdm[Any]:
        options = self.options
        show = options.progress if options.progress is not None else sys.stderr.isatty()
        total = count_records(self.source) if show else None
        if total is not None:
            for cap in (options.limit, options.sample):
                if cap is not None:
                    total = min(total, cap)
            total = max(total - already_done, 0)
        return tqdm(total=total, disable=not show, unit=" records", file=sys.stderr, dynamic_ncols=True)


def _write_summary(options: CorpusOptions, summary: Summary) -> None:
    if options.summary_format == "json":
        text = json.dumps(summary.as_json(), ensure_ascii=False, indent=2) + "\n"
    else:
        text = summary.as_text()
    if options.summary is None:
        sys.stderr.write(text)
    else:
        write_atomically(Path(options.summary), text.encode("utf-8"), what="the summary")
