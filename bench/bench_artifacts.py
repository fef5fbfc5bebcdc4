"""Recall per defect family on planted machine-translation and scraping defects, and false
alarms on clean French text.

Run: python bench/bench_artifacts.py
Every planted text below holds one defect of its family; it counts as found when an issue
of one of the family's rules overlaps the planted span (the text between [[ and ]]). False
alarms are the issues of every shipped rule (LanguageTool off) on the clean corpus
(tests/data/ordinary-sentences.txt, one document per line, plus the clean texts below),
per 1,000 words. Prints Markdown tables; the numbers in BENCHMARKS.md come from this script.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textlint.config import Config, LanguageToolSettings
from textlint.document import Document
from textlint.issues import Issue
from textlint.linter import Linter

ROOT = Path(__file__).resolve().parent.parent

# Family name, rule-id prefixes, planted texts (the defect between [[ and ]]).
FAMILIES: list[tuple[str, tuple[str, ...], list[str]]] = [
    (
        "doubled words",
        ("mt.doubled-word",),
        [
            "Le maire a présenté [[le Le]] projet aux habitants.",
            "Les travaux [[de de]] la gare commencent lundi.",
            "Elle a quitté [[la la]] réunion avant la fin.",
            "Le club a signé [[un un]] nouveau contrat.",
            "Les élus [[ont ont]] voté contre le texte.",
            "Le texte sera examiné [[en en]] commission mardi.",
            "La grève [[des des]] contrôleurs se prolonge.",
            "Il a rappelé [[que que]] rien n'était décidé.",
            "Le chantier [[du\ndu]] tramway prend du retard.",
            "Une hausse [[des Des]] prix est attendue.",
            "Le préfet a reçu [[les les]] syndicats hier.",
        ],
    ),
    (
        "redundant pronoun",
        ("mt.redundant-pronoun",),
        [
            "Après des mois de silence, [[Renault il]] confirme la vente.",
            "[[La mairie elle]] a refusé le permis.",
            "[[Le syndicat il]] appelle à la grève.",
            "Selon le rapport, [[Airbus il]] livre moins d'avions.",
            "[[La banque elle]] relève ses taux.",
            "[[Les habitants ils]] réclament un nouveau pont.",
            "[[L'entreprise elle]] embauche cent personnes.",
            "[[Le tribunal il]] a rendu sa décision.",
            "En fin de séance, [[la présidente elle]] a levé la séance.",
            "[[Les agriculteurs ils]] bloquent la route.",
        ],
    ),
    (
        "calques",
        ("mt.calque", "mt.anglicismes", "mt.faux-amis"),
        [
            "Le club a [[éventuellement]] recruté un gardien.",
            "La Bourse a [[pris une plongée]] lundi matin.",
            "La ville veut [[adresser]] le problème des déchets.",
            "Cette décision ne [[fait aucun sens]] pour les riverains.",
            "Le concert [[prendra place]] samedi au parc.",
            "Selon des sources [[familières avec]] le dossier, l'accord est proche.",
            "La loi [[viendra en effet]] en janvier.",
            "La banque centrale a [[coupé ses taux]] jeudi.",
            "Le festival est reporté [[dans 2026]] à cause de la pluie.",
            "Les joueurs sont [[excités de]] jouer la finale.",
        ],
    ),
    (
        "untranslated fragments",
        ("mt.untranslated-fragment",),
        [
            "Le directeur assure que [[the project is on track]] malgré les retards.",
            "Le maire a déclaré que [[we have no other choice]] devant le conseil.",
            "La porte-parole estime que [[this is a major step]] pour la région.",
            "Les experts pensent que [[the market will recover]] selon leurs notes.",
            "Il ajoute que [[the results were better than expected]] pour le trimestre.",
            "L'entraîneur dit que [[the team was not ready]] pour ce match.",
            "Le ministre rappelle que [[questa legge è molto importante]] pour Rome.",
            "Le document indique que [[el gobierno está muy preocupado]] par la crise.",
            "Le diplomate a noté que [[die Regierung ist nicht bereit]] selon Berlin.",
            "La société précise que [[our customers will not be affected]] par la panne.",
        ],
    ),
    (
        "title case",
        ("mt.title-case-heading",),
        [
            "[[Problèmes De Concurrence Dans Le Secteur]]\n\nLe régulateur enquête.",
            "Intro.\n\n[[Paris Des Géants De La Tech]]\n\nLa ville attire.",
            "[[La Réforme Des Retraites En Débat]]\n\nLes députés discutent.",
            "[[Un Budget Pour La Culture]]\n\nLa ministre présente ses crédits.",
            "[[Les Agriculteurs Face À La Sécheresse]]\n\nLes nappes baissent.",
            "[[Le Retour Du Train De Nuit]]\n\nLa ligne rouvre.",
            "[[Une Saison Record Pour Les Stations]]\n\nLa neige est tombée tôt.",
            "[[Les Enjeux Du Scrutin Municipal]]\n\nLe vote a lieu dimanche.",
            "[[Vers Une Hausse Des Tarifs]]\n\nLes prix montent.",
            "[[La Course Aux Batteries Et Aux Métaux]]\n\nLes usines ouvrent.",
        ],
    ),
    (
        "capitalised nouns",
        ("mt.capitalised-noun",),
        [
            "Le laboratoire a allumé le [[Superordinateur]] hier.",
            "Les clients de la [[Plateforme]] se plaignent.",
            "La banque a changé son [[Algorithme]] de crédit.",
            "Chaque usine a son directeur ; l'[[Usine]] de Metz ferme.",
            "Le port compte dix navires ; le [[Navire]] amiral est en panne.",
            "Le réseau est saturé, et le [[Réseau]] secondaire aussi.",
            "Les [[Utilisateurs]] signalent une panne.",
            "Le musée prête une toile ; la [[Toile]] part à Lyon.",
            "Les élèves aiment leur école ; cette [[École]] ouvre une classe.",
            "Une entreprise sur deux recrute ; l'[[Entreprise]] de Jean en fait partie.",
        ],
    ),
    (
        "mojibake",
        ("enc.mojibake",),
        [
            "Le [[rÃ©seau]] est en panne.",
            "La [[dÃ©cision]] tombe demain.",
            "Selon [[lâ€™Ã©tat-major]], rien ne change.",
            "Le maire [[sâ€™est]] exprimé.",
            "Le [[franÃ§ais]] est la langue officielle.",
            "Il fait [[30Â°C]] à Nîmes.",
            "Le [[thÃ©Ã¢tre]] rouvre.",
            "Une [[Å“uvre]] majeure est exposée.",
            "Il est parti [[Ã\u00a0]] Lyon.",
            "La [[rÃ©Ã©lection]] est acquise.",
        ],
    ),
    (
        "HTML entities and tags",
        ("enc.html-entity", "enc.html-tag"),
        [
            "Le groupe Procter [[&amp;]] Gamble ferme une usine.",
            "Le prix est de 10[[&nbsp;]]euros.",
            "Il a dit [[&laquo;]]non[[&raquo;]] au projet.",
            "[[<p>]]Le conseil a voté le budget.",
            "Le maire a parlé [[<strong>]]longuement.",
            "La séance est levée.[[</div>]] Les élus sortent.",
            "Première ligne[[<br>]]seconde ligne.",
            'Le texte [[<span class="x">]]entier est paru.',
            "Les recettes d[[&#39;]]impôt augmentent.",
            "Un mot [[<em>]]clé ici.",
        ],
    ),
    (
        "boilerplate",
        ("scrape.boilerplate-line",),
        [
            "Le conseil a voté le budget.\n[[Lire aussi - Le budget en hausse]]\nLe maire se réjouit.",
            "Le conseil a voté le budget.\n[[Partager sur Facebook]]\nLe maire se réjouit.",
            "La ligne rouvre.\n[[Partager sur Twitter]]\nLes usagers attendent.",
            "La ligne rouvre.\n[[Lire aussi : La SNCF recrute]]\nLes usagers attendent.",
            "Le musée rouvre.\n[[Abonnez-vous à notre newsletter]]\nLes visiteurs affluent.",
            "Le musée rouvre.\n[[Partager sur LinkedIn]]\nLes visiteurs affluent.",
            "Le club gagne.\n[[Lire aussi - Le mercato d'hiver]]\nLes supporteurs fêtent.",
            "Le club gagne.\n[[Partager sur WhatsApp]]\nLes supporteurs fêtent.",
            "La grève continue.\n[[À lire aussi : les trains annulés]]\nLes voyageurs patientent.",
            "La grève continue.\n[[Partager par e-mail]]\nLes voyageurs patientent.",
        ],
    ),
]

# Clean text written for this benchmark: headings, names, quotations, capitals French
# uses on purpose, English names of works and code, which no rule may flag.
CLEAN = [
    "Le budget de la ville\n\nLe conseil municipal a voté le budget de la ville mardi soir.",
    "Le Sénat a adopté le texte, et l'État en assumera le coût.",
    "Les Bleus affrontent l'Italie samedi au Stade de France.",
    "La Bourse de Paris a fini la séance en légère hausse.",
    "Le film «\u00a0The Social Network\u00a0» repasse à la télévision ce soir.",
    "La ministre de l'Économie a présenté le projet de loi de finances.",
    "Le président de la République recevra les syndicats à l'Élysée.",
    "Un chef cuisinier de Naples ouvre une trattoria à Lyon.",
    "La Federal Trade Commission a ouvert une enquête sur le rachat.",
    "Le développeur a publié la commande `pip install --upgrade the-package` sur son blog.",
    "Le rapport est disponible à l'adresse https://example.org/reports/the-state-of-the-art.",
    "Les élus du Parlement européen votent jeudi à Strasbourg.",
    "Des orages sont attendus dans le Sud-Ouest en fin de journée.",
    "Le slogan «\u00a0Yes we can\u00a0» reste dans les mémoires.",
    "La Réunion et la Guadeloupe se préparent au cyclone.",
]


def planted(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without its [[ ]] marks, and the spans they surrounded."""
    plain, spans, position = "", [], 0
    while (start := text.find("[[", position)) >= 0:
        end = text.index("]]", start)
        plain += text[position:start]
        spans.append((len(plain), len(plain) + end - start - 2))
        plain += text[start + 2 : end]
        position = end + 2
    return plain + text[position:], spans


def of_family(issue: Issue, prefixes: tuple[str, ...]) -> bool:
    return issue.rule.startswith(prefixes)


def main() -> None:
    linter = Linter(Config(languagetool=LanguageToolSettings(enabled=False)))
    print("| family | planted | found | recall |\n|---|---|---|---|")
    for name, prefixes, texts in FAMILIES:
        found = 0
        for text in texts:
            plain, spans = planted(text)
            issues = [i for i in linter.lint(Document(plain)).issues if of_family(i, prefixes)]
            if all(any(i.start < end and start < i.end for i in issues) for start, end in spans):
                found += 1
        print(f"| {name} | {len(texts)} | {found} | {found / len(texts):.0%} |")
    corpus = (ROOT / "tests" / "data" / "ordinary-sentences.txt").read_text(encoding="utf-8").splitlines()
    documents = [text for text in corpus + CLEAN if text.strip()]
    words = sum(len(text.split()) for text in documents)
    alarms: Counter[str] = Counter()
    for text in documents:
        alarms.update(issue.rule for issue in linter.lint(Document(text)).issues)
    total = sum(alarms.values())
    print(f"\nclean corpus: {len(documents)} documents, {words} words")
    print(f"false alarms: {total} ({1000 * total / words:.2f} per 1,000 words)")
    for rule, count in alarms.most_common():
        print(f"  {rule}: {count}")


if __name__ == "__main__":
    main()
