"""Start-up, warm checks, pre-commit and corpus throughput, side by side with their peers.

    python bench/bench_startup.py [--rounds 10] [--records 3000] [--lt-records 100]
                                  [--skip-corpus | --only-corpus] [--skip-languagetool]
                                  [--vale PATH]

Every command is a real subprocess, run in interleaved rounds (each round runs every
command once, so a busy moment of the machine hits all of them alike); the table gives the
median wall time, the median CPU time (user + system of the child), and each median as a
multiple of a bare `python -c pass` from the same environment. Each `textlint check` is run
twice a round: in its own process (`TEXTLINT_RESIDENT=0`) and answered by the resident
process (`TEXTLINT_RESIDENT=1`, rows marked « resident »), which the script starts first and
stops at the end; the CPU the resident's child spends is not the command's, so those rows
show the command's own CPU only. The package is byte-compiled
first, as an installed package is, so no command pays for compiling textlint's sources.

Peers: LanguageTool alone (one request with textlint's parameters, on text it has not seen:
every sentence of each round's copy of the seed carries a number of its own, which defeats
the server's sentence cache); Vale 3.22 on equivalent typography and entity rules (a style
generated from textlint's own registries and typography rules), when a `vale` binary is
given (`--vale`) or on the PATH — skipped with a note otherwise. The managed LanguageTool
server of the current cache folder is started (or reused) and warmed up first.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import yaml  # noqa: E402
from bench_corpus import run_corpus, write_corpus  # noqa: E402

from textlint.config import LanguageToolSettings  # noqa: E402
from textlint.languagetool import LanguageToolChecker  # noqa: E402

SEED = ROOT / "seeds" / "000_01c045c1145d32db.txt"
TEXTLINT = [sys.executable, "-m", "textlint"]
_SENTENCE_END = re.compile(r"(?<=[\w»)])([.!?])(?=\s|$)")
# Part of every fresh sentence's number: a run never meets the sentences of an earlier run in
# LanguageTool's sentence cache (it lives as long as the server) or textlint's result caches.
RUN = str(time.time_ns() // 1_000_000 % 100_000)


@dataclass
class Timings:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)


IN_PROCESS = {**os.environ, "TEXTLINT_RESIDENT": "0"}
RESIDENT = {**os.environ, "TEXTLINT_RESIDENT": "1"}
MODES = {"": IN_PROCESS, ", resident": RESIDENT}


def run_timed(command: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one subprocess (its exit code may be 1: issues found)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env or IN_PROCESS, capture_output=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.decode()[-1500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def fresh_copy(text: str, tag: str) -> str:
    """`text` with every sentence carrying a number of its own: nothing LanguageTool has seen."""
    count = iter(range(1, 10_000))
    return _SENTENCE_END.sub(lambda m: f" ({RUN}{tag}.{next(count)}){m.group(1)}", text)


class Bench:
    def __init__(self, rounds: int, work: Path, languagetool: bool) -> None:
        self.rounds = rounds
        self.work = work
        self.languagetool = languagetool
        self.seed = SEED.read_text(encoding="utf-8")
        self.rows: dict[str, Timings] = {}
        self.commands: dict[str, str] = {}

    def file(self, name: str, text: str) -> str:
        path = self.work / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    def measure(self, cases: dict[str, Callable[[int], tuple[float, float]]]) -> None:
        for number in range(self.rounds):
            for name, case in cases.items():
                wall, cpu = case(number)
                timings = self.rows.setdefault(name, Timings())
                timings.wall.append(wall)
                timings.cpu.append(cpu)

    def command(self, name: str, shown: str, argv: Sequence[str]) -> Callable[[int], tuple[float, float]]:
        self.commands[name] = shown
        return lambda _: run_timed(argv)

    def checks(
        self, name: str, shown: str, case: Callable[[int, dict[str, str]], tuple[float, float]]
    ) -> dict[str, Callable[[int], tuple[float, float]]]:
        """`case` run in its own process and by the resident: two rows."""
        rows: dict[str, Callable[[int], tuple[float, float]]] = {}
        for suffix, env in MODES.items():
            self.commands[name + suffix] = shown
            rows[name + suffix] = lambda number, env=env: case(number, env)  # type: ignore[misc]
        return rows

    def table(self, baseline: str) -> str:
        base = statistics.median(self.rows[baseline].wall)
        lines = [
            "| measurement | command | median wall (ms) | median CPU (ms) | × `python -c pass` |",
            "|---|---|---|---|---|",
        ]
        for name, timings in self.rows.items():
            wall = statistics.median(timings.wall)
            cpu = statistics.median(timings.cpu)
            lines.append(
                f"| {name} | `{self.commands.get(name, '')}` | {wall * 1000:.0f} | {cpu * 1000:.0f} | "
                f"{wall / base:.1f} |"
            )
        return "\n".join(lines)


def startup_cases(bench: Bench) -> dict[str, Callable[[int], tuple[float, float]]]:
    seed = str(SEED)
    no_lt = ["check", "--no-languagetool", "--quiet"]
    cases = {
        "bare interpreter": bench.command(
            "bare interpreter", "python -c pass", [sys.executable, "-c", "pass"]
        ),
        "version": bench.command("version", "textlint --version", [*TEXTLINT, "--version"]),
        "help": bench.command("help", "textlint --help", [*TEXTLINT, "--help"]),
        **bench.checks(
            "seed, no LT, result cached",
            "textlint check --no-languagetool SEED",
            lambda _, env: run_timed([*TEXTLINT, *no_lt, seed], env),
        ),
        **bench.checks(
            "seed, no LT, --no-cache",
            "textlint check --no-languagetool --no-cache SEED",
            lambda _, env: run_timed([*TEXTLINT, *no_lt, "--no-cache", seed], env),
        ),
    }
    if bench.languagetool:
        cases |= languagetool_cases(bench)
    return cases


def languagetool_cases(bench: Bench) -> dict[str, Callable[[int], tuple[float, float]]]:
    seed = str(SEED)
    checker = LanguageToolChecker(LanguageToolSettings(cache=False), "fr-FR", frozenset())

    def lt_alone(number: int) -> tuple[float, float]:
        text = fresh_copy(bench.seed, f"{number + 1}1")
        client = checker._client()
        started = time.perf_counter()
        client.check(text)
        return time.perf_counter() - started, 0.0  # the server's CPU, not a child's

    def warm_fresh(number: int, env: dict[str, str]) -> tuple[float, float]:
        tag = "2" if env is IN_PROCESS else "4"
        path = bench.file(f"fresh-{number}-{tag}.txt", fresh_copy(bench.seed, f"{number + 1}{tag}"))
        return run_timed([*TEXTLINT, "check", "--quiet", path], env)

    def precommit(count: int) -> Callable[[int, dict[str, str]], tuple[float, float]]:
        def case(number: int, env: dict[str, str]) -> tuple[float, float]:
            tag = "3" if env is IN_PROCESS else "5"
            files = [
                bench.file(
                    f"commit-{count}-{number}-{index}-{tag}.txt",
                    fresh_copy(bench.seed, f"{number + 1}{index}{tag}"),
                )
                for index in range(count)
            ]
            return run_timed([*TEXTLINT, "check", *files], env)

        return case

    bench.commands["LanguageTool alone, fresh sentences"] = (
        "POST /v2/check (textlint's parameters), in process"
    )
    return {
        **bench.checks(
            "seed, LT, result cached",
            "textlint check SEED",
            lambda _, env: run_timed([*TEXTLINT, "check", "--quiet", seed], env),
        ),
        **bench.checks(
            "seed, LT, --no-cache (same text)",
            "textlint check --no-cache SEED",
            lambda _, env: run_timed([*TEXTLINT, "check", "--quiet", "--no-cache", seed], env),
        ),
        **bench.checks("warm check, fresh sentences", "textlint check FRESH_COPY_OF_SEED", warm_fresh),
        "LanguageTool alone, fresh sentences": lt_alone,
        **bench.checks("pre-commit, 1 changed file", "textlint check FILE (the hook's entry)", precommit(1)),
        **bench.checks(
            "pre-commit, 5 changed files", "textlint check FILE×5 (the hook's entry)", precommit(5)
        ),
    }


# -- Vale -------------------------------------------------------------------------------


def vale_style(folder: Path) -> Path:
    """A Vale configuration with rules equivalent to textlint's typography and entity ones.

    Entities: every wrong variant of the shipped registries, as one `substitution` rule
    (Vale's equivalent of the registry scan). Typography: the same checks as textlint's
    main punctuation-space, apostrophe, ellipsis and quote rules, as `existence` rules.
    """
    swaps: dict[str, str] = {}
    for registry in sorted((ROOT / "rules" / "entities").glob("*.yaml")):
        data = yaml.safe_load(registry.read_text(encoding="utf-8"))
        for entity in data.get("entities", []):
            for variant in entity.get("variants") or []:
                swaps.setdefault(re.escape(variant), entity["name"])
    style = folder / "styles" / "Maison"
    style.mkdir(parents=True)
    (style / "Entites.yml").write_text(
        yaml.safe_dump(
            {
                "extends": "substitution",
                "message": "Écrivez « %s » et non « %s ».",
                "level": "error",
                "ignorecase": False,
                "swap": swaps,
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    typography = {
        "EspaceDeuxPoints": r"\w[:;!?](?=\s)",
        "EspaceOrdinaire": r"\w [:;!?»]",
        "Guillemets": r"\"\w",
        "Apostrophe": r"\w'\w",
        "PointsDeSuspension": r"\.\.\.",
        "DoubleEspace": r"\S  +\S",
    }
    for name, pattern in typography.items():
        (style / f"{name}.yml").write_text(
            yaml.safe_dump(
                {
                    "extends": "existence",
                    "message": "Typographie : '%s'.",
                    "level": "warning",
                    "nonword": True,
                    "raw": [pattern],
                },
                allow_unicode=True,
            ),
            encoding="utf-8",
        )
    config = folder / ".vale.ini"
    config.write_text(
        f"StylesPath = {folder / 'styles'}\nMinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = Maison\n"
    )
    return config


def vale_cases(bench: Bench, vale: str) -> dict[str, Callable[[int], tuple[float, float]]]:
    config = vale_style(bench.work / "vale")
    seed = str(SEED)
    bench.commands["Vale 3.22, typography + entities"] = "vale --config .vale.ini --output JSON SEED"
    selected = [*TEXTLINT, "check", "--quiet", "--no-languagetool", "--select", "typo,entity"]
    return {
        "Vale 3.22, typography + entities": lambda _: run_timed(
            [vale, "--config", str(config), "--output", "JSON", "--no-exit", seed]
        ),
        **bench.checks(
            "textlint, typography + entities, --no-cache",
            "textlint check --no-languagetool --no-cache --select typo,entity SEED",
            lambda _, env: run_timed([*selected, "--no-cache", seed], env),
        ),
        **bench.checks(
            "textlint, typography + entities, cached",
            "textlint check --no-languagetool --select typo,entity SEED",
            lambda _, env: run_timed([*selected, seed], env),
        ),
    }


def find_vale(given: str | None) -> str | None:
    if given:
        return given if Path(given).is_file() else None
    return shutil.which("vale")


# -- corpus -----------------------------------------------------------------------------


def corpus_rows(work: Path, records: int, lt_records: int, languagetool: bool) -> list[str]:
    data = work / "corpus.jsonl"
    write_corpus(data, records)
    runs: list[tuple[str, Path, int, list[str]]] = [
        (f"no LanguageTool, {jobs} job(s)", data, records, ["--no-languagetool", "--jobs", str(jobs)])
        for jobs in (1, 2)
    ]
    if languagetool:
        # Records the server has not seen in this run (its sentence cache lives as long as it).
        subset = work / "corpus-lt.jsonl"
        with data.open(encoding="utf-8") as stream:
            lines = stream.readlines()
        for jobs in (1, 2):
            part = subset.with_name(f"corpus-lt-{jobs}.jsonl")
            part.write_text("".join(lines[jobs * lt_records : (jobs + 1) * lt_records]), encoding="utf-8")
            runs.append(
                (
                    f"LanguageTool, {jobs} job(s), --no-cache",
                    part,
                    lt_records,
                    ["--no-cache", "--jobs", str(jobs)],
                )
            )
    rows = []
    for name, source, count, flags in runs:
        outcome = run_corpus(source, work / "out.jsonl", flags)
        rate = count / outcome.seconds
        rows.append(f"| {name} | {count} | {outcome.seconds:.1f} | {rate:.1f} | {outcome.python_cpu:.1f} |")
    return rows


def startup_table(args: argparse.Namespace, work: Path, languagetool: bool) -> None:
    bench = Bench(args.rounds, work, languagetool)
    cases = startup_cases(bench)
    vale = find_vale(args.vale)
    if vale is not None:
        cases |= vale_cases(bench, vale)
    bench.measure(cases)
    print(f"{args.rounds} interleaved rounds, {os.cpu_count()} CPUs\n")
    print(bench.table("bare interpreter"))
    if vale is None:
        print("\nVale: not found (give --vale PATH or put vale on the PATH); its rows are skipped.")


@contextlib.contextmanager
def resident() -> Iterator[None]:
    """The resident process, started and warm for the rows that use it, stopped afterwards."""
    subprocess.run([*TEXTLINT, "resident", "stop"], env=IN_PROCESS, capture_output=True, check=False)
    process = subprocess.Popen([*TEXTLINT, "resident", "run", "--quiet"], cwd=ROOT, env=IN_PROCESS)
    try:
        for _ in range(600):
            status = subprocess.run(
                [*TEXTLINT, "resident", "status"], env=IN_PROCESS, capture_output=True, check=False
            )
            if status.returncode == 0:
                break
            if process.poll() is not None:
                raise SystemExit("the resident process did not start (another one may be running)")
            time.sleep(0.1)
        yield
    finally:
        subprocess.run([*TEXTLINT, "resident", "stop"], env=IN_PROCESS, capture_output=True, check=False)
        process.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("--lt-records", type=int, default=100)
    parser.add_argument("--skip-languagetool", action="store_true")
    parser.add_argument("--skip-corpus", action="store_true")
    parser.add_argument("--only-corpus", action="store_true")
    parser.add_argument("--vale", help="the vale binary (default: vale on the PATH)")
    args = parser.parse_args()

    compileall.compile_dir(ROOT / "textlint", quiet=1)
    work = Path(tempfile.mkdtemp(prefix="textlint-bench-startup-"))
    languagetool = not args.skip_languagetool
    # Warm-up: the compiled-rules cache, the result cache of the seed, and (with LanguageTool)
    # the managed server, started if needed and past its first-request rule loading.
    for flags in (["--no-languagetool"], [] if languagetool else ["--no-languagetool"]):
        subprocess.run(
            [*TEXTLINT, "check", "--quiet", *flags, str(SEED)],
            cwd=ROOT,
            env=IN_PROCESS,
            capture_output=True,
            check=False,
        )

    if not args.only_corpus:
        with resident():
            startup_table(args, work, languagetool)
    if not args.skip_corpus:
        print("\n| corpus run | records | seconds | records/s | Python CPU (s) |\n|---|---|---|---|---|")
        print("\n".join(corpus_rows(work, args.records, args.lt_records, languagetool)))
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
