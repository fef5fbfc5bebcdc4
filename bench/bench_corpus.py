"""Benchmark of `textlint corpus`: records/s with and without LanguageTool, 1 and 2 jobs, memory.

    python bench/bench_corpus.py [--records 10000] [--lt-records 500]

Generates a JSONL corpus (title + body of about 300 words, a few defects planted on
purpose), then runs the real command in a subprocess for each configuration. The
LanguageTool runs use the first `--lt-records` records and `--no-cache`, and compare the
jobs sharing the managed server of the current cache folder with one server per job (two
temporary cache folders sharing the installed jars, each job a separate `textlint corpus`
process on half of the records). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import DEFECTS, OBJECTS, SUBJECTS, TAILS, VERBS  # noqa: E402

from textlint.languagetool import install, paths, process  # noqa: E402

CITIES = ["Lyon", "Brest", "Lille", "Nantes", "Metz", "Rennes", "Dijon", "Grenoble", "Pau", "Nîmes"]
MONTHS = ["janvier", "mars", "avril", "juin", "juillet", "septembre", "octobre", "décembre"]
DETAILS = [
    "Le chantier doit durer {n} mois à {ville}.",
    "Selon la préfecture, {n} personnes sont concernées.",
    "La réunion aura lieu le {jour} {mois} à {ville}.",
    "Le coût total est estimé à {n} millions d'euros.",
    "Un premier bilan sera publié en {mois} prochain.",
    "Les élus de {ville} demandent un calendrier précis.",
]
# Records that read like a careless machine translation: many artifacts, for the worst list.
HEAVY = [
    "Le le projet avance.",
    "Il il faut attendre.",
    "Les Etats-Unis observent...",
    "Google a racheté Deepmind.",
]


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.03:
        return rng.choice(DEFECTS)
    if rng.random() < 0.3:
        template = rng.choice(DETAILS)
        return template.format(
            n=rng.randint(2, 9999), ville=rng.choice(CITIES), jour=rng.randint(1, 28), mois=rng.choice(MONTHS)
        )
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(TAILS)}."


def record(number: int, rng: random.Random) -> dict[str, object]:
    heavy = rng.random() < 0.02
    paragraphs = []
    for _ in range(4):
        sentences = [sentence(rng) for _ in range(rng.randint(4, 6))]
        if heavy:
            sentences.insert(1, rng.choice(HEAVY))
        paragraphs.append(" ".join(sentences))
    title = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    return {"id": f"r{number:05d}", "title": title, "body": "\n\n".join(paragraphs), "source": "bench"}


def write_corpus(path: Path, count: int, seed: int = 11) -> int:
    """Write `count` records; return the total number of words (as textlint counts them)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as stream:
        for number in range(count):
            stream.write(json.dumps(record(number, rng), ensure_ascii=False) + "\n")
    return count


class TreeMemory:
    """Peak of the summed resident memory of a process and its descendants, sampled."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(0.2):
            self.peak_kb = max(self.peak_kb, sum(rss_kb(pid) for pid in descendants(self.pid)))

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_kb / 1024


def descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        found.extend(frontier)
    return found


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Outcome:
    seconds: float
    peak_mb: float
    python_cpu: float  # user + system seconds of the textlint processes


def corpus_command(data: Path, out: Path, *flags: str) -> list[str]:
    fields = ["--field", "title", "--field", "body", "--id-field", "id"]
    return [sys.executable, "-m", "textlint", "corpus", str(data), *fields, "--output", str(out), *flags]


def run_corpus(data: Path, out: Path, flags: Sequence[str], env: dict[str, str] | None = None) -> Outcome:
    out.unlink(missing_ok=True)
    command = corpus_command(data, out, "--summary-format", "json", "--no-progress", *flags)
    return run_all([command], [env or dict(os.environ)])


def run_all(commands: list[list[str]], envs: list[dict[str, str]]) -> Outcome:
    """Run commands side by side; wall time, the peak of their summed memory, their CPU time."""
    before = _children_cpu()
    started = time.perf_counter()
    processes = [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for command, env in zip(commands, envs, strict=True)
    ]
    meters = [TreeMemory(child.pid) for child in processes]
    for child in processes:
        _, errors = child.communicate()
        if child.returncode not in (0, 1):
            raise SystemExit(f"textlint corpus failed ({child.returncode}): {errors.decode()[-2000:]}")
    seconds = time.perf_counter() - started
    peak = sum(meter.stop() for meter in meters)
    return Outcome(seconds, peak, _children_cpu() - before)


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def head(source: Path, target: Path, count: int, skip: int = 0) -> Path:
    with source.open(encoding="utf-8") as stream:
        lines = stream.readlines()[skip : skip + count]
    target.write_text("".join(lines), encoding="utf-8")
    return target


def private_server(folder: Path, memory: str) -> tuple[dict[str, str], process.ServerState]:
    """A second managed server: its own cache folder, the installed jars linked in."""
    version = paths.version_dir()
    (folder / "languagetool").mkdir(parents=True)
    (folder / "languagetool" / version.name).symlink_to(version)
    env = {**os.environ, paths.CACHE_ENV: str(folder)}
    subprocess.run(
        [sys.executable, "-m", "textlint", "languagetool", "start", "--memory", memory],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    state = json.loads((folder / "languagetool" / "server.json").read_text())
    return env, process.ServerState(**state)


def stop_private(env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-m", "textlint", "languagetool", "stop"], env=env, cwd=ROOT, check=False)


def row(name: str, records: int, outcome: Outcome, extra: str = "") -> str:
    rate = records / outcome.seconds
    return (
        f"| {name} | {records} | {outcome.seconds:.1f} | {rate:.1f} | {outcome.peak_mb:.0f} | "
        f"{outcome.python_cpu:.1f} | {extra} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--lt-records", type=int, default=500)
    parser.add_argument("--memory", default="2g")
    parser.add_argument("--skip-languagetool", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="textlint-bench-corpus-"))
    data = work / "corpus.jsonl"
    write_corpus(data, args.records)
    print(f"corpus: {args.records} records, {data.stat().st_size / 1e6:.1f} MB", file=sys.stderr)
    rows = []
    for jobs in (1, 2):
        outcome = run_corpus(data, work / "out.jsonl", ["--no-languagetool", "--jobs", str(jobs)])
        rows.append(row(f"no LanguageTool, {jobs} job(s)", args.records, outcome))
    (work / "out.jsonl").unlink()
    # The JSON summary of the whole corpus, for the words and issues it holds.
    summary_file = work / "summary.json"
    flags = ("--no-languagetool", "--summary", str(summary_file), "--summary-format", "json")
    summary = subprocess.run(
        corpus_command(data, work / "out.jsonl", *flags),
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    facts = json.loads(summary_file.read_text()) if summary.returncode in (0, 1) else {}

    if not args.skip_languagetool:
        rows.extend(languagetool_rows(data, work, args.lt_records, args.memory))

    print(
        f"words: {facts.get('words')}, issues: {facts.get('issues')}, above threshold: "
        f"{facts.get('share_above_threshold')}",
        file=sys.stderr,
    )
    print(
        "| configuration | records | seconds | records/s | peak memory (MB) | Python CPU (s) | LanguageTool |"
    )
    print("|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    return 0


def languagetool_rows(data: Path, work: Path, count: int, memory: str) -> list[str]:
    install.install(progress=install.to_stderr)
    subset = head(data, work / "subset.jsonl", count, skip=100)
    warmup = head(data, work / "warmup.jsonl", 20)
    rows = []
    shared = process.ensure_running(memory, 1800)
    run_corpus(warmup, work / "warm.jsonl", ["--no-cache", "--require-languagetool"])
    for jobs in (1, 2):
        java_before = cpu_seconds(shared.pid)
        outcome = run_corpus(
            subset, work / "lt.jsonl", ["--no-cache", "--require-languagetool", "--jobs", str(jobs)]
        )
        java = cpu_seconds(shared.pid) - java_before
        note = f"shared server: {java:.0f} s CPU, {rss_kb(shared.pid) / 1024:.0f} MB resident"
        rows.append(row(f"LanguageTool, {jobs} job(s), shared server", count, outcome, note))

    halves = [head(subset, work / f"half{i}.jsonl", count // 2, skip=i * (count // 2)) for i in (0, 1)]
    envs, states = [], []
    for index in (0, 1):
        env, state = private_server(work / f"cache{index}", memory)
        envs.append(env)
        states.append(state)
    try:
        for env, half in zip(envs, halves, strict=True):  # rule loading, once per server
            run_corpus(head(half, work / "w.jsonl", 10), work / "warm.jsonl", ["--no-cache"], env)
        java_before = sum(cpu_seconds(state.pid) for state in states)
        flags = ("--no-cache", "--no-progress", "--require-languagetool")
        commands = [corpus_command(half, work / f"own{i}.jsonl", *flags) for i, half in enumerate(halves)]
        outcome = run_all(commands, envs)
        java = sum(cpu_seconds(state.pid) for state in states) - java_before
        resident = sum(rss_kb(state.pid) for state in states) / 1024
        note = f"two servers: {java:.0f} s CPU, {resident:.0f} MB resident together"
        rows.append(row("LanguageTool, 2 jobs, one server each", count, outcome, note))
    finally:
        for env in envs:
            stop_private(env)
    return rows


if __name__ == "__main__":
    sys.exit(main())
