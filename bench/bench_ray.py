"""Benchmark of `textlint corpus --engine ray` against the local engine, on the same corpus.

    python bench/bench_ray.py [--records 20000] [--lt-records 160] [--repeat 2]

Generates the JSONL corpus of bench_corpus.py, starts a local Ray cluster of 2 CPUs in this
process (on the loopback address), then runs the real command in a subprocess for each
configuration: the local engine with 1 and 2 jobs, Ray with 1 and 2 actors joining that
cluster (`--ray-address`), without LanguageTool on `--records` records (best of `--repeat`
runs) and with it on `--lt-records` records (`--no-cache`, one run each, each configuration
on its own slice of the corpus so that the server's sentence cache favours none). The
LanguageTool server is a private one (a temporary cache folder sharing the installed jars),
warmed up first, and stopped at the end. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_corpus import corpus_command, head, write_corpus  # noqa: E402

from textlint.languagetool import install, paths  # noqa: E402

# The cluster listens on the loopback address only, and drivers joining it bring its token.
os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"
JOIN = {"RAY_AUTH_MODE": "token"}


def timed(command: list[str], out: Path, env: dict[str, str]) -> tuple[float, float]:
    """Seconds until the first record was written (start-up: process, rules, Ray's actors), and
    until the command ended."""
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    first = None
    while child.poll() is None:
        if first is None and out.exists() and out.stat().st_size:
            first = time.perf_counter() - started
        time.sleep(0.05)
    total = time.perf_counter() - started
    errors = child.stderr.read().decode() if child.stderr else ""
    if child.returncode not in (0, 1):
        raise SystemExit(f"textlint corpus failed ({child.returncode}): {errors[-2000:]}")
    return (first if first is not None else total), total


def configurations(address: str) -> list[tuple[str, list[str]]]:
    ray = ["--engine", "ray", "--ray-address", address]
    return [
        ("local, 1 job", ["--jobs", "1"]),
        ("local, 2 jobs", ["--jobs", "2"]),
        ("Ray, 1 worker", [*ray, "--jobs", "1"]),
        ("Ray, 2 workers", [*ray, "--jobs", "2"]),
    ]


def measure(
    data: Path, work: Path, flags: list[str], env: dict[str, str], repeat: int
) -> tuple[float, float]:
    """The best of `repeat` runs: (seconds to the first record, seconds in all)."""
    out = work / "out.jsonl"
    runs = []
    for _ in range(repeat):
        out.unlink(missing_ok=True)
        runs.append(timed(corpus_command(data, out, "--no-progress", *flags), out, env))
    return min(runs, key=lambda run: run[1])


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
            first, seconds = measure(subset, work, ["--no-languagetool", *flags], env, args.repeat)
            rows.append((name, "no", args.records, first, seconds))
        count = args.lt_records
        measure(head(data, work / "warm.jsonl", 20), work, ["--no-cache"], env, 1)  # rule loading
        for index, (name, flags) in enumerate(plain):
            part = head(data, work / f"lt{index}.jsonl", count, skip=100 + index * count)
            first, seconds = measure(part, work, ["--no-cache", "--require-languagetool", *flags], env, 1)
            rows.append((name, "yes", count, first, seconds))
    finally:
        ray.shutdown()
        subprocess.run([sys.executable, "-m", "textlint", "languagetool", "stop"], env=env, check=False)

    rates = {(name, grammar): records / seconds for name, grammar, records, _, seconds in rows}
    print("| engine | LanguageTool | records | first record after (s) | seconds | records/s |")
    print("|---|---|---|---|---|---|")
    for name, grammar, records, first, seconds in rows:
        print(f"| {name} | {grammar} | {records} | {first:.1f} | {seconds:.1f} | {records / seconds:.1f} |")
    for grammar in ("no", "yes"):
        overhead = rates[("local, 1 job", grammar)] / rates[("Ray, 1 worker", grammar)] - 1
        print(f"\nRay overhead on one worker, LanguageTool {grammar}: {100 * overhead:+.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
