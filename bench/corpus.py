"""A generated French news corpus for benchmarks: varied sentences, a few defects on purpose."""

from __future__ import annotations

import random
import time

from textlint.document import Document
from textlint.linter import Linter

SUBJECTS = [
    "Le gouvernement",
    "La maire de Lyon",
    "Le conseil municipal",
    "La Commission européenne",
    "Le syndicat des transports",
    "L'entreprise",
    "Le ministre de l'Économie",
    "La députée",
    "Le club de football",
    "La start-up nantaise",
    "Le tribunal administratif",
    "La préfecture",
]
VERBS = [
    "a annoncé",
    "prévoit",
    "a confirmé",
    "conteste",
    "présentera",
    "a rejeté",
    "étudie",
    "soutient",
    "a dévoilé",
    "réclame",
    "finance",
    "reporte",
]
OBJECTS = [
    "un plan d'investissement de 4 milliards d'euros",
    "la réforme des retraites",
    "une hausse des tarifs de 3,5 %",
    "le projet de ligne à grande vitesse",
    "un nouveau budget",
    "la fermeture de deux usines",
    "un accord avec les syndicats",
    "la création de 300 emplois",
    "un partenariat avec une société américaine",
    "le calendrier des travaux",
]
TAILS = [
    " selon un communiqué publié mardi",
    " malgré l'opposition des élus",
    " d'ici à la fin de l'année",
    " après des mois de négociations",
    "",
    "",
    " pour la deuxième fois cette année",
]
# Defects a real scraped or translated article carries now and then.
DEFECTS = [
    "Il l'a dit : « rien ne presse ».",
    "Pourquoi ? Personne ne le sait.",
    "Le le texte est adopté.",
    "Google a racheté Deepmind.",
    "Les Etats-Unis observent...",
    "Une décision  surprenante.",
]


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.03:
        return rng.choice(DEFECTS)
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(TAILS)}."


def article(rng: random.Random, paragraphs: int = 6) -> str:
    body = "\n\n".join(" ".join(sentence(rng) for _ in range(rng.randint(3, 7))) for _ in range(paragraphs))
    return f"Titre : {rng.choice(OBJECTS).capitalize()}\n\n{body}\n"


def corpus(megabytes: float, seed: int = 7) -> list[str]:
    """Articles adding up to about `megabytes` of UTF-8."""
    rng = random.Random(seed)
    articles: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        text = article(rng)
        articles.append(text)
        size += len(text.encode())
    return articles


def megabytes_of(articles: list[str]) -> float:
    return sum(len(text.encode()) for text in articles) / 1_000_000


def lint_all(
    linter: Linter, articles: list[str], repeat: int = 1, path: str = "<string>"
) -> tuple[float, int]:
    """Seconds to lint every article (the best of `repeat` runs), and the number of issues.

    `path` names each article, so its extension chooses plain text, Markdown or HTML.
    """
    best, issues = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        issues = sum(len(linter.lint(Document(text, path=path)).issues) for text in articles)
        best = min(best, time.perf_counter() - start)
    return best, issues
