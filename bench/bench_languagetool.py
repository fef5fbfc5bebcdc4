"""Benchmark of the LanguageTool backend: cold start, warm check, cache, throughput.

    python bench/bench_languagetool.py [--articles 200] [--threads 1 2]

Stops the managed server of the current cache folder ($TEXTLINT_CACHE_DIR or the user
cache) to measure a cold start, and leaves a warm one running at the end. Results are
cached in a temporary file, never in the user's cache. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textlint.config import LanguageToolSettings  # noqa: E402
from textlint.document import Document  # noqa: E402
from textlint.languagetool import LanguageToolChecker, install, paths, process  # noqa: E402
from textlint.languagetool.checker import split_paragraphs  # noqa: E402

SEED = ROOT / "seeds" / "000_01c045c1145d32db.txt"

SUBJECTS = [
    "Le gouvernement",
    "La ministre de l'Économie",
    "Le conseil municipal de {ville}",
    "L'entreprise {societe}",
    "Les syndicats",
    "Le président de la région",
    "Une équipe de chercheurs de {ville}",
    "La direction de {societe}",
    "Les habitants de {ville}",
    "Le tribunal administratif",
]
VERBS = [
    "a annoncé",
    "a présenté",
    "a critiqué",
    "a confirmé",
    "prépare",
    "a rejeté",
    "envisage",
    "a défendu",
]
OBJECTS = [
    "un plan d'investissement de {n} millions d'euros",
    "une réforme des retraites très contestée",
    "la fermeture de {n} agences d'ici {annee}",
    "un nouveau projet de ligne de tramway",
    "une hausse de {n} % du budget consacré à la culture",
    "la construction de {n} logements sociaux",
    "un accord avec ses partenaires européens",
    "des mesures pour réduire la consommation d'énergie",
]
COMPLEMENTS = [
    "lors d'une conférence de presse organisée {jour}",
    "malgré l'opposition d'une partie des élus",
    "après plusieurs mois de négociations",
    "dans un communiqué publié {jour}",
    "sous la pression de l'opinion publique",
    "afin de répondre à la demande croissante",
]
COMMENTS = [
    "Selon les experts, cette décision pourrait avoir des conséquences importantes pour {ville}.",
    "Les opposants dénoncent un projet coûteux et mal préparé.",
    "« Nous attendons des garanties concrètes », a déclaré un porte-parole de {societe}.",
    "Les premiers résultats sont attendus avant la fin de l'année {annee}.",
    "Plusieurs associations ont demandé une consultation des habitants.",
    "Il sont nombreux à penser que le calendrier est trop serré.",  # deliberate error
    "Les enfant des écoles voisines participeront à la journée d'inauguration.",  # error
    "Cette annonce intervient alors que la croissance ralentit depuis {n} trimestres.",
    "La mesure doit encore être validée par le Parlement au printemps {annee}.",
    "Le maire a rappelé que la sécurité des riverains reste sa priorité.",
]
VILLES = ["Lyon", "Marseille", "Lille", "Nantes", "Bordeaux", "Rennes", "Toulouse", "Strasbourg"]
SOCIETES = ["Renault", "Orange", "la SNCF", "Airbus", "Danone", "Michelin", "Veolia", "Thales"]
JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def fill(template: str, rng: random.Random) -> str:
    return template.format(
        ville=rng.choice(VILLES),
        societe=rng.choice(SOCIETES),
        n=rng.randint(2, 950),
        annee=rng.randint(2025, 2035),
        jour=rng.choice(JOURS),
    )


def article(rng: random.Random) -> str:
    """About 250 words in five paragraphs, numbers varied so sentences rarely repeat."""
    paragraphs = []
    for _ in range(5):
        sentences = []
        for _ in range(rng.randint(2, 3)):
            parts = [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(COMPLEMENTS)]
            sentences.append(fill(" ".join(parts), rng) + ".")
        sentences.append(fill(rng.choice(COMMENTS), rng))
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def words(texts: list[str]) -> int:
    return sum(len(text.split()) for text in texts)


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def java_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def command_rows() -> list[tuple[str, str]]:
    """Wall time of a whole `textlint check` of the seed (warm server and cache), and without LT."""
    rows = []
    for name, flags in (("with LanguageTool, cached", []), ("--no-languagetool", ["--no-languagetool"])):
        command = [sys.executable, "-m", "textlint", "check", "--quiet", *flags, str(SEED)]
        subprocess.run(command, capture_output=True, check=False, cwd=ROOT)  # fills the cache
        best = min(
            timed(lambda c=command: subprocess.run(c, capture_output=True, check=False)) for _ in range(3)
        )
        rows.append((f"`textlint check` of the seed, whole command, {name}", f"{best * 1000:.0f} ms"))
    return rows


def fresh_variant(text: str, run: int) -> Document:
    """`text` with a short sentence added to each line, unique to `run`."""
    lines = [
        f"{line} Note {run}-{number}." if line.strip() else line
        for number, line in enumerate(text.split("\n"))
    ]
    return Document("\n".join(lines))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--memory", default="2g")
    args = parser.parse_args()

    install.install(progress=install.to_stderr)
    results = Path(tempfile.mkdtemp(prefix="textlint-bench-")) / "results.sqlite3"
    paths.results_db = lambda: results  # keep the user's result cache out of it
    rows: list[tuple[str, str]] = []
    seed = Document(SEED.read_text(encoding="utf-8"))
    no_cache = LanguageToolSettings(cache=False, memory=args.memory)

    process.stop()
    state = None

    def start() -> None:
        nonlocal state
        state = process.ensure_running(args.memory, 1800)

    rows.append(("server start, no server running (until health check answers)", f"{timed(start):.1f} s"))
    checker = LanguageToolChecker(no_cache, "fr-FR", frozenset())
    rows.append(
        (
            "first check after start (seed article, rules loading)",
            f"{timed(lambda: checker.check(seed)):.1f} s",
        )
    )
    # Each variant differs on every line, so neither textlint's cache nor the server's helps.
    variants = [fresh_variant(seed.text, run) for run in range(3)]
    warm = min(timed(lambda doc=doc: checker.check(doc)) for doc in variants)
    rows.append(
        (f"warm check of the seed article ({words([seed.text])} words, new text)", f"{warm * 1000:.0f} ms")
    )

    cached = LanguageToolChecker(LanguageToolSettings(memory=args.memory), "fr-FR", frozenset())
    cached.check(seed)
    again = LanguageToolChecker(LanguageToolSettings(memory=args.memory), "fr-FR", frozenset())
    recheck = timed(lambda: again.check(seed))
    rows.append(
        (f"re-check unchanged seed, new checker ({again.requests} server calls)", f"{recheck * 1000:.1f} ms")
    )

    # Warm the JIT on other text before measuring throughput.
    warmup = [Document(article(random.Random(10_000 + i))) for i in range(20)]
    for doc in warmup:
        checker.check(doc)
    for run, threads in enumerate(args.threads):
        rng = random.Random(run)
        docs = [Document(article(rng)) for _ in range(args.articles)]
        total = words([d.text for d in docs])
        shared = LanguageToolChecker(no_cache, "fr-FR", frozenset())
        started = time.perf_counter()
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(shared.check, docs))
        elapsed = time.perf_counter() - started
        rows.append(
            (
                f"throughput, {args.articles} articles ({total} words), {threads} thread(s)",
                f"{total / elapsed:.0f} words/s ({elapsed:.1f} s, {shared.requests} requests)",
            )
        )
    rows.extend(command_rows())
    rng = random.Random(99)
    docs = [Document(article(rng)) for _ in range(args.articles)]
    assert state is not None
    paragraphs = sum(len(list(split_paragraphs(d.text))) for d in docs)
    rows.append(("paragraphs per generated article", f"{paragraphs / len(docs):.1f}"))
    rows.append(
        (
            "Java server resident memory after the runs (-Xmx" + args.memory + ")",
            f"{java_rss_mb(state.pid):.0f} MB",
        )
    )

    print("| measurement | result |")
    print("| --- | --- |")
    for name, value in rows:
        print(f"| {name} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
