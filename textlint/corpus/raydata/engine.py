"""Running a corpus through Ray Data: read task → actor pool → this process, in input order.

This process (the driver) joins the cluster (or starts a local one), streams the outcomes
back in input order and hands them to the same writer and summary as the local engine, so
the output file is one JSON line per record, resumable by id, whatever happens to the
workers: Ray restarts a lost actor and runs its batch again, and the driver writes each
outcome once, when it arrives.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterator
from pathlib import Path

import ray
import ray.data
from ray.data import ActorPoolStrategy, DataContext

from textlint.corpus.linting import LinterSetup, Outcome
from textlint.corpus.raydata.source import CorpusDatasource, ReadFailure
from textlint.corpus.raydata.workers import OUTCOME, LintActor
from textlint.corpus.readers import Source
from textlint.corpus.sampling import Wanted
from textlint.errors import EngineError, InputError, TextlintError

# Records per Ray task. Without grammar a record takes about 1 ms: 128 make Ray's own cost
# per task (a few ms) small. With LanguageTool a record takes about 0.4 s: 8 keep the work a
# lost actor redoes small and the progress bar moving.
BLOCK_ROWS = 128
GRAMMAR_BLOCK_ROWS = 8


def lint_on_ray(
    source: Source, wanted: Wanted, setup: LinterSetup, jobs: int | None, address: str | None
) -> Iterator[Outcome]:
    """The outcome of every entry `wanted` chooses from `source`, linted on Ray, in input order.

    `jobs` actors lint (None: one per CPU of the cluster, started as work queues up).
    """
    started = _connect(address)
    try:
        yield from _outcomes(source, wanted, setup, jobs)
    except ray.exceptions.RayError as error:
        cause = getattr(error, "cause", None)
        if isinstance(cause, TextlintError):  # a worker's own error, e.g. a bad rule file
            raise type(cause)(str(cause).splitlines()[0]) from None
        raise
    finally:
        if started:
            ray.shutdown()


def _connect(address: str | None) -> bool:
    """Join the cluster at `address` (or start a local one); True when this call started Ray."""
    if ray.is_initialized():
        return False
    # Workers' own output stays in the session's logs (/tmp/ray/session_latest/logs): Ray would
    # print it on standard output, where the records may be going.
    try:
        if address is None:
            ray.init(include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
        else:
            ray.init(address=address, logging_level=logging.WARNING, log_to_driver=False)
    except ConnectionError as error:
        raise EngineError(f"cannot join the Ray cluster at {address} ({error})") from None
    return True


def _outcomes(source: Source, wanted: Wanted, setup: LinterSetup, jobs: int | None) -> Iterator[Outcome]:
    context = DataContext.get_current()
    context.execution_options.preserve_order = True  # the output is written in input order
    context.enable_progress_bars = False  # textlint shows its own
    context.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.ERROR)  # its notes go to the session's logs
    rows = GRAMMAR_BLOCK_ROWS if setup.config.languagetool.enabled else BLOCK_ROWS
    try:
        datasource = CorpusDatasource(_location(source.name), source, wanted, rows)
    except (OSError, ValueError) as error:
        raise InputError(f"{source.name}: cannot be read ({str(error).splitlines()[0]})") from None
    # The one read task streams for the whole run but parses far faster than the actors
    # lint: a CPU of its own would keep an actor from starting on a small cluster.
    data = ray.data.read_datasource(datasource, num_cpus=0)
    linted = data.map_batches(
        LintActor,
        fn_constructor_args=(setup,),
        batch_size=rows,
        batch_format="pyarrow",
        compute=_pool(jobs),
    )
    for batch in linted.iter_batches(batch_format="pyarrow", batch_size=None):
        for raw in batch.column(OUTCOME).to_pylist():
            item = pickle.loads(raw)
            if isinstance(item, ReadFailure):
                raise InputError(item.message)
            yield item


def _location(name: str) -> str:
    """What Ray opens: a local path made absolute (tasks may run in another folder), or the URI."""
    local = Path(name)
    return str(local.resolve()) if local.exists() else name


def _pool(jobs: int | None) -> ActorPoolStrategy:
    if jobs is not None:
        return ActorPoolStrategy(size=jobs)
    cpus = int(ray.cluster_resources().get("CPU", 1))  # type: ignore[no-untyped-call]
    return ActorPoolStrategy(min_size=1, max_size=max(cpus, 1))
