"""French typography rules (rules/typography/): clean articles, cooperating fixes, settings.

The articles are typeset by hand: « ~ » stands for the no-break space U+00A0 and « ^ » for
the narrow no-break space U+202F, so that the invisible characters can be read and checked.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

import textlint
from tests.conftest import SEED
from textlint.config import Config, LanguageToolSettings
from textlint.issues import Issue

NO_LT = Config(languagetool=LanguageToolSettings(enabled=False))


def typeset(text: str) -> str:
    return text.replace("~", "\u00a0").replace("^", "\u202f")


def typo_issues(text: str, config: Config = NO_LT, language: str | None = None) -> list[tuple[str, str]]:
    issues = textlint.lint_text(text, config=config, language=language)
    return [(i.rule, text[max(0, i.start - 15) : i.end + 15]) for i in issues if i.rule.startswith("typo.")]


ARTICLE_FR = typeset(
    "Budget régional~: la majorité promet 1^200^000~€ pour les lycées\n"
    "\n"
    "Lyon, le 3 mars 2025 (AFP) – Le conseil régional a adopté jeudi, à 20~h~30, un budget de 4,2 "
    "milliards d’euros, en hausse de 3,5~% sur un an.\n"
    "La présidente, Mme Durand, parle d’un «~effort sans précédent~» pour les 312 lycées de la "
    "région. «~Nous tenons parole~», a-t-elle lancé devant l’assemblée.\n"
    "L’opposition dénonce au contraire un «~budget d’affichage~»^; son chef de file, M. Martin, "
    "cite le rapport de la chambre régionale des comptes (CRC), qui évoque des «~marges très "
    "réduites~».\n"
    "Pourquoi un tel écart^? Les chiffres de l’Insee montrent une population de 8^100^000 "
    "habitants, soit 60^000 de plus qu’en 2020.\n"
    "La séance a duré 6~h, de 14~h~30 à 20~h~30, et le vote final a réuni 112 voix contre 92.\n"
    "\n"
    "Des transports au cœur du projet\n"
    "\n"
    "Le plan prévoit 350~km de pistes cyclables et une ligne de car express de 25~km entre Lyon et "
    "Vienne, c.-à-d. un trajet de 40~min aux heures de pointe.\n"
    "Les travaux commenceront début septembre, pour une mise en service prévue le 1er janvier "
    "2027, soit avant la fin du XXIe siècle… et des débats.\n"
    "La 1re tranche, votée dès lundi, porte sur 18 gares^; la 2e suivra en 2026. Les écrans "
    "installés mesureront 1920~×~1080 pixels.\n"
    "Le projet figure dans le dossier n° 2025-0412, consultable sur "
    "https://www.region-exemple.fr/budget?annee=2025&page=2 et sur lemonde.fr.\n"
    "Les habitants peuvent écrire à concertation@region-exemple.fr ou appeler le 04 72 00 00 00, "
    "du lundi au vendredi, de 9~h à 17~h.\n"
    "\n"
    "Sport et culture\n"
    "\n"
    "Le club de la ville, vainqueur 3-1 samedi (2:0 à la mi-temps), recevra 12^500 euros de "
    "subvention, p.~ex. pour son centre de formation.\n"
    "L’entraîneur a résumé la soirée d’un mot~: «~Incroyable^!~» Puis, en anglais, pour la presse "
    "étrangère~: «~It’s “the best night” of my life~».\n"
    "Le festival de musique, qui fête sa 15e édition, attend 40^000 spectateurs^; l’affiche mêle "
    "rock, jazz, électro, etc.\n"
    "Un concert gratuit aura lieu le 21 juin à 22~h, place Bellecour, 69002 Lyon (accès par les "
    "rues voisines).\n"
    "Le billet coûte 35~€, ou 25~$ pour les visiteurs américains, et le fichier programme-2025.pdf "
    "est téléchargeable en ligne.\n"
    "\n"
    "Écologie et énergie\n"
    "\n"
    "La région vise une baisse de 40~% des émissions d’ici 2030^; la centrale solaire de 12~MW "
    "produira 15~GWh par an.\n"
    "Selon l’Ademe, la consommation moyenne d’un foyer atteint 4500~kWh, un chiffre stable depuis "
    "1998.\n"
    "«~Il faut aller plus vite~», estime Jean-Pierre Roux, du collectif Air pur, qui réclame «~un "
    "vrai plan~» et cite un rapport de 2024.\n"
    "Le préfet, lui, rappelle que l’État a déjà versé 2,3 millions d’euros~: «~La balle est dans "
    "le camp de la région~», a-t-il souligné.\n"
    "Réponse de la majorité^? «~Nous ferons le point en juin~», indique un communiqué publié à "
    "18~h~15.\n"
    "\n"
    "Infos pratiques\n"
    "\n"
    "Séance publique~: le 17 avril, à 10~h, à l’hôtel de région.\n"
    "Contact presse~: presse@region-exemple.fr^; site~: https://www.region-exemple.fr.\n"
    "Le compte rendu intégral (120 pages) sera publié sous 15 jours.\n"
    "Le ratio recettes/dépenses reste de 3:1, selon le rapport annuel.\n"
    "Note~: les montants sont exprimés en euros courants ;-)\n"
)

ARTICLE_CA = typeset(
    "Montréal~: la Ville injecte 12^500^000~$ dans le transport collectif\n"
    "\n"
    "Montréal, le 14 octobre 2025 – La mairesse a annoncé mardi, à 10~h~30, un plan de 12,5 "
    "millions de dollars.\n"
    "«~C’est un virage majeur~», a-t-elle déclaré devant le conseil municipal. Un virage vraiment "
    "nécessaire?\n"
    "L’opposition réclame des détails; son chef parle d’un «~plan électoraliste~»!\n"
    "Le réseau compte 1^900 autobus et 68 stations de métro, selon la Société de transport (STM).\n"
    "Les travaux débuteront en avril; la 1re phase coûtera 4,8 millions de dollars, soit 38~% de "
    "l’enveloppe.\n"
    "La ligne bleue sera prolongée de 6~km, et le trajet passera de 45 à 30~min aux heures de "
    "pointe.\n"
    "Les usagers peuvent écrire à info@stm-exemple.ca ou consulter "
    "https://www.stm-exemple.ca/projets?id=42.\n"
    "Le Canadien, vainqueur 4-2 samedi (2:1 après deux périodes), jouera jeudi à 19~h.\n"
    "Quand les travaux finiront-ils? «~Avant la fin du XXIe siècle!~», a lancé un conseiller, "
    "p.~ex. pour rire.\n"
    "Le rapport de 120 pages, c.-à-d. la version intégrale, est en ligne depuis lundi.\n"
)

MESSY = (
    'Le maire a tranché : "nous irons jusqu\'au bout" . Le chantier coûtera 4000000 € , soit 3.5 % '
    "de plus qu'en 2024; la séance , ouverte à 20h30 , a duré 3h...Les élus ( de l'opposition ) ont "
    "quitté la salle  !\nIls reviendront le 3 Mars, pour la 2ème lecture du texte,etc...  \n"
    "Mme. Durand parle d'un « tournant » : la 1ère étape , c.a.d. le vote, aura lieu ce Lundi."
)

MESSY_FIXED = typeset(
    "Le maire a tranché~: «^nous irons jusqu'au bout^». Le chantier coûtera 4^000^000~€, soit 3,5~% "
    "de plus qu'en 2024^; la séance, ouverte à 20~h~30, a duré 3~h... Les élus (de l'opposition) ont "
    "quitté la salle^!\nIls reviendront le 3 mars, pour la 2e lecture du texte, etc.\n"
    "Mme Durand parle d'un «^tournant^»~: la 1re étape, c.-à-d. le vote, aura lieu ce lundi."
)


def test_article_fr_is_clean() -> None:
    assert len(ARTICLE_FR.splitlines()) >= 35
    assert typo_issues(ARTICLE_FR) == []


def test_article_fr_is_clean_under_strict_settings() -> None:
    strict = replace(
        NO_LT,
        extend_select=(
            "typo.space-before-colon-strict",
            "typo.space-before-high-punctuation-strict",
            "typo.apostrophe-typographic",
        ),
    )
    assert typo_issues(ARTICLE_FR, strict) == []


@pytest.mark.parametrize("language", ["fr-BE", "fr-CH"])
def test_article_fr_is_clean_in_belgium_and_switzerland(language: str) -> None:
    assert typo_issues(ARTICLE_FR, language=language) == []


def test_article_ca_is_clean() -> None:
    assert typo_issues(ARTICLE_CA, language="fr-CA") == []


def test_rules_for_france_do_not_run_in_quebec_and_back() -> None:
    assert {rule for rule, _ in typo_issues(ARTICLE_CA, language="fr-FR")} == {
        "typo.space-before-high-punctuation"
    }
    glued = "Quelle surprise! Le texte est adopté."
    assert [rule for rule, _ in typo_issues(glued, language="fr-FR")] == [
        "typo.space-before-high-punctuation"
    ]
    assert typo_issues(glued, language="fr-CA") == []
    breaking = "Quelle surprise ! Le texte est adopté."
    assert [rule for rule, _ in typo_issues(breaking, language="fr-CA")] == [
        "typo.space-before-high-punctuation-ca"
    ]


def test_quebec_accepts_every_no_break_space_before_high_punctuation() -> None:
    for space in ("", "\u00a0", "\u202f"):
        text = f"Quelle surprise{space}! Le texte est adopté{space}; on s’en va{space}?"
        assert typo_issues(text, language="fr-CA") == []


def test_guillemets_fix_follows_the_locale() -> None:
    text = "La mairesse parle d’un «virage» et d’un « pari »."
    assert textlint.fix_text(text, config=NO_LT, language="fr-CA") == typeset(
        "La mairesse parle d’un «~virage~» et d’un «~pari~»."
    )
    assert textlint.fix_text(text, config=NO_LT, language="fr-FR") == typeset(
        "La mairesse parle d’un «^virage^» et d’un «^pari^»."
    )
    assert typo_issues(typeset("Un «^virage^» et un «~pari~»."), language="fr-CA") == []


def test_messy_paragraph_is_fixed_by_cooperating_rules() -> None:
    assert textlint.fix_text(MESSY, config=NO_LT, languagetool=False) == MESSY_FIXED
    assert typo_issues(MESSY_FIXED) == []


def test_quebec_fix() -> None:
    text = typeset("Qui paiera ? Personne ne le sait ; le maire se tait~! Il l’a dit : «~non~».")
    expected = typeset("Qui paiera? Personne ne le sait; le maire se tait~! Il l’a dit~: «~non~».")
    assert textlint.fix_text(text, config=NO_LT, language="fr-CA") == expected


def rules_on(text: str, *extend: str) -> list[str]:
    config = replace(NO_LT, extend_select=extend)
    return [rule for rule, _ in typo_issues(text, config)]


def test_time_setting_compact() -> None:
    text = typeset("Séance à 20h30, pause à 22 h, reprise à 23~h~15.")
    assert rules_on(text) == ["typo.time-format", "typo.time-format-hour"]
    assert rules_on(text, "typo.time-compact") == ["typo.time-compact", "typo.time-compact"]
    config = replace(NO_LT, extend_select=("typo.time-compact",))
    assert textlint.fix_text(text, config=config) == "Séance à 20h30, pause à 22h, reprise à 23h15."


def test_apostrophe_setting_typographic_everywhere() -> None:
    text = "L'équipe d'accueil a salué l'arrivée du président."
    assert rules_on(text) == []
    assert rules_on(text, "typo.apostrophe-typographic") == ["typo.apostrophe-typographic"] * 3
    mixed = "L’équipe d’accueil a salué l'arrivée du président."
    assert rules_on(mixed) == ["typo.apostrophe-consistency"]
    assert rules_on(mixed, "typo.apostrophe-typographic") == ["typo.apostrophe-typographic"]


def test_strict_space_settings() -> None:
    text = typeset("Le verdict^: coupable~! Pourquoi~?")
    assert rules_on(text) == []
    assert rules_on(text, "typo.space-before-high-punctuation-strict", "typo.space-before-colon-strict") == [
        "typo.space-before-colon-strict",
        "typo.space-before-high-punctuation-strict",
        "typo.space-before-high-punctuation-strict",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # A clock time in prose is « 12 h 30 » (typo.time-colon); a race time, a score, a
        # ratio and a port number are not.
        "Il a couru en 1:58:32, score 3:1, ratio 1:0 et https://exemple.fr:8080/a?b=1 ;-)",
        "Écrire à redaction@exemple.fr, lire X.ai et lemonde.fr, ouvrir rapport.pdf.",
        "J.-P. Martin, c.-à-d. le maire, et Mme Durand, p. ex. à 10~h.",
        "La version 3.5.1 tourne sur 192.168.1.10 depuis 2024, au 75011 Paris.",
        "Appeler le 01 23 45 67 89 ; la facture n° 123456 est datée du 1er mars.",
        "Il a dit «~c’est “the end”~» et la foule a crié «~encore~».",
    ],
)
def test_tricky_text_is_left_alone(text: str) -> None:
    text = typeset(text).replace(" ;", "\u202f;")
    assert typo_issues(text) == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Swiss usage: apostrophe thousands, no space (or a thin one) before ; ! ?
        ("Le préjudice atteint 450'000 francs.", "fr-CH", []),
        ("Le préjudice atteint 450'000 euros.", "fr-FR", ["typo.thousands-apostrophe"]),
        ("Le préjudice atteint 450'000 dollars.", "fr-CA", ["typo.thousands-apostrophe"]),
        ("Qui paiera? Personne; le syndic se tait!", "fr-CH", []),
        ("Qui paiera^? Personne~; le syndic se tait!", "fr-CH", []),
        ("Qui paiera ? Personne.", "fr-CH", ["typo.space-before-high-punctuation-ch"]),
        ("Qui paiera? Personne.", "fr-FR", ["typo.space-before-high-punctuation"]),
        ("Qui paiera? Personne.", "fr-BE", ["typo.space-before-high-punctuation"]),
        ("Qui paiera? Personne.", "fr-CA", []),
    ],
)
def test_regional_conventions(text: str, language: str, expected: list[str]) -> None:
    assert [rule for rule, _ in typo_issues(typeset(text), language=language)] == expected


# The seed article's typography problems, each with its fix (issue 15): ordinary spaces before
# « : » and « ? » and inside « », and 36 straight apostrophes among typographic ones.
SEED_TYPOGRAPHY = [
    ("typo.space-before-colon", 1, " :", "\u00a0:"),
    ("typo.space-inside-guillemets", 2, "« ", "«\u202f"),
    ("typo.space-inside-guillemets", 2, " »", "\u202f»"),
    ("typo.space-before-high-punctuation", 2, " ?", "\u202f?"),
    ("typo.space-before-high-punctuation", 7, " ?", "\u202f?"),
    ("typo.space-inside-guillemets", 8, "« ", "«\u202f"),
    ("typo.space-inside-guillemets", 8, " »", "\u202f»"),
    ("typo.space-before-high-punctuation", 9, " ?", "\u202f?"),
    ("typo.space-before-high-punctuation", 14, " ?", "\u202f?"),
    ("typo.space-before-colon", 15, " :", "\u00a0:"),
    ("typo.space-inside-guillemets", 15, "« ", "«\u202f"),
    ("typo.space-inside-guillemets", 15, " »", "\u202f»"),
    ("typo.space-before-colon", 18, " :", "\u00a0:"),
    ("typo.space-inside-guillemets", 18, "« ", "«\u202f"),
    ("typo.space-inside-guillemets", 18, " »", "\u202f»"),
]


def test_seed_typography_findings() -> None:
    text = SEED.read_text(encoding="utf-8")
    issues = [i for i in textlint.lint_text(text, config=NO_LT) if i.rule.startswith("typo.")]
    apostrophes = [i for i in issues if i.rule == "typo.apostrophe-consistency"]
    others = [i for i in issues if i.rule != "typo.apostrophe-consistency"]
    assert [(i.rule, text.count("\n", 0, i.start) + 1, text[i.start : i.end], _fix(i)) for i in others] == (
        SEED_TYPOGRAPHY
    )
    assert len(apostrophes) == text.count("'") == 36
    assert {(text[i.start : i.end], _fix(i)) for i in apostrophes} == {("'", "’")}


def _fix(issue: Issue) -> str | None:
    return issue.fix.replacement if issue.fix else None


def test_seed_fixed_has_typographic_apostrophes_and_no_typography_issue() -> None:
    fixed = textlint.fix_text(SEED.read_text(encoding="utf-8"), config=NO_LT, languagetool=False)
    assert "'" not in fixed
    assert "d’OpenAI" in fixed  # the entity's elision follows the apostrophe convention
    assert typo_issues(fixed) == []


def test_currency_before_millions_is_rewritten_after_the_amount() -> None:
    text = "Le groupe a levé $12 millions, €3,5 milliards, £1 million et CHF 20 millions."
    assert textlint.fix_text(text, config=NO_LT) == (
        "Le groupe a levé 12 millions de dollars, 3,5 milliards d’euros, 1 million de livres"
        " et 20 millions de francs suisses."
    )


def test_english_amounts_get_a_suggestion_not_a_fix() -> None:
    text = "Le contrat vaut $5 million, soit $3.2 billion sur dix ans."
    issues = [i for i in textlint.lint_text(text, config=NO_LT) if i.rule.startswith("typo.")]
    assert [i.rule for i in issues] == [
        "typo.currency-dollar-english-million",
        "typo.currency-before-large-amount",
    ]
    assert issues[0].fix is not None and issues[0].fix.replacement == "5 millions de dollars"
    assert textlint.fix_text(text, config=NO_LT) == text


def test_swiss_francs_before_the_amount_are_swiss_usage() -> None:
    text = "La banque a versé CHF 20 millions d’amende."
    assert [rule for rule, _ in typo_issues(text, language="fr-FR")] == [
        "typo.currency-franc-before-millions"
    ]
    assert typo_issues(text, language="fr-CH") == []
