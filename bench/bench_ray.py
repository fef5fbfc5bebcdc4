"""Benchmark of `textlint corpus --engine ray` against the local engine, on the same corpus.

    python bench/bench_ray.py [--records 20000] [--lt-records 160] [--repeat 2]

Generates the JSONL corpus of bench_corpus.py, starts a local Ray cluster of 2 CPUs in this
process (on the loopback address), then runs the real command in a subprocess for each
configuration: the local engine with 1 and 2 jobs, Ray with 1 and 2 actors joining that
cluster (`--ray-address`), without LanguageTool on `--records` records (best of `--repeat`
runs) and with it on `--lt-records` records (`--no-cache`, one run each, each configuration
on its own slice of the corpus so that the server's sentence cache favours none). The
LanguageTool server is a private one (a temporary cache folder sharing the installed jars),
warmed up first, and stopped at the end. Prints a Markdown table, and Ray's overhead on one
worker in all and once running (over the last nine tenths of the records: Ray's start-up, its
actor's set-up and the first batches left out).
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_corpus import corpus_command, head, write_corpus  # noqa: E402

from textlint.languagetool import install, paths  # noqa: E402

# The cluster listens on the loopback address only, and drivers joining it bring its token.
os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"
# Ray runs its workers at niceness 15 by default: on a machine shared with other work they
# would get a fraction of the CPU the local engine's processes (niceness 0) get, and the
# comparison would measure the priority, not Ray.
os.environ["RAY_worker_niceness"] = "0"  # noqa: SIM112 - Ray reads this exact spelling
JOIN = {"RAY_AUTH_MODE": "token"}


@dataclass(frozen=True)
class Run:
    """Seconds until the first record was written (start-up: process, rules, Ray's actors),
    until a tenth of the records were, and until the command ended."""

    first: float
    tenth: float
    total: float

    def steady(self, records: int) -> float:
        """Records per second once running: the last nine tenths of the records, start-up and
        the first batches left out."""
        return (records - records // 10) / max(self.total - self.tenth, 1e-9)


def timed(command: list[str], out: Path, env: dict[str, str], records: int) -> Run:
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    first = tenth = None
    lines = 0
    reading = None
    while child.poll() is None:
        if reading is None and out.exists():
            reading = out.open("rb")
        if reading is not None:
            lines += reading.read().count(b"\n")  # the lines written since the last look
            now = time.perf_counter() - started
            first = now if first is None and lines else first
            tenth = now if tenth is None and lines >= records // 10 else tenth
        time.sleep(0.05)
    total = time.perf_counter() - started
    if reading is not None:
        reading.close()
    errors = child.stderr.read().decode() if child.stderr else ""
    if child.returncode not in (0, 1):
        raise SystemExit(f"textlint corpus failed ({child.returncode}): {errors[-2000:]}")
    return Run(first if first is not None else total, tenth if tenth is not None else total, total)


def configurations(address: str) -> list[tuple[str, list[str]]]:
    ray = ["--engine", "ray", "--ray-address", address]
    return [
        ("local, 1 job", ["--jobs", "1"]),
        ("local, 2 jobs", ["--jobs", "2"]),
        ("Ray, 1 worker", [*ray, "--jobs", "1"]),
        ("Ray, 2 workers", [*ray, "--jobs", "2"]),
    ]


def measure(data: Path, records: int, work: Path, flags: list[str], env: dict[str, str], repeat: int) -> Run:
    """The best of `repeat` runs (the shortest in all)."""
    out = work / "out.jsonl"
    runs = []
    for _ in range(repeat):
        out.unlink(missing_ok=True)
        runs.append(timed(corpus_command(data, out, "--no-progress", *flags), out, env, records))
    return min(runs, key=lambda run: run.total)


def private_cache(folder: Path) -> dict[str, str]:
    """A cache folder of its own (its own server), the installed jars linked in."""
    install.install(progress=install.to_stderr)
    (folder / "languagetool").mkdir(parents=True)
    (folder / "languagetool" / paths.LT_VERSION).symlink_to(paths.version_dir())
    return {paths.CACHE_ENV: str(folder)}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--lt-records", type=int, default=160)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="textlint-bench-ray-"))
    data = work / "corpus.jsonl"
    write_corpus(data, max(args.records, 5 * args.lt_records + 100))
    os.environ.update(private_cache(work / "cache"))  # the cluster's workers inherit it
    import ray

    context = ray.init(num_cpus=2, include_dashboard=False, logging_level=logging.WARNING)
    env = {**os.environ, **JOIN, "PYTHONPATH": str(ROOT)}
    rows = []
    try:
        subset = head(data, work / "records.jsonl", args.records)
        plain = configurations(str(context.address_info["gcs_address"]))
        for name, flags in plain:
            run = measure(subset, args.records, work, ["--no-languagetool", *flags], env, args.repeat)
            rows.append((name, "no", args.records, run))
        count = args.lt_records
        measure(head(data, work / "warm.jsonl", 20), 20, work, ["--no-cache"], env, 1)  # rule loading
        for index, (name, flags) in enumerate(plain):
            part = head(data, work / f"lt{index}.jsonl", count, skip=100 + index * count)
            run = measure(part, count, work, ["--no-cache", "--require-languagetool", *flags], env, 1)
            rows.append((name, "yes", count, run))
    finally:
        ray.shutdown()
        subprocess.run([sys.executable, "-m", "textlint", "languagetool", "stop"], env=env, check=False)
        shutil.rmtree(work, ignore_errors=True)

    print("| engine | LanguageTool | records | first record after (s) | seconds | records/s | once running |")
    print("|---|---|---|---|---|---|---|")
    for name, grammar, records, run in rows:
        cells = [name, grammar, records, f"{run.first:.1f}", f"{run.total:.1f}", f"{records / run.total:.1f}"]
        print("| " + " | ".join(map(str, [*cells, f"{run.steady(records):.1f}"])) + " |")
    runs = {(name, grammar): (records, run) for name, grammar, records, run in rows}
    for grammar in ("no", "yes"):
        (records, local), (_, ray_run) = runs[("local, 1 job", grammar)], runs[("Ray, 1 worker", grammar)]
        whole = ray_run.total / local.total - 1
        steady = local.steady(records) / ray_run.steady(records) - 1
        print(
            f"\nRay overhead on one worker, LanguageTool {grammar}: {100 * whole:+.1f} % in all, "
            f"{100 * steady:+.1f} % once running (start-up {ray_run.first - local.first:+.1f} s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
