"""Which LanguageTool rules textlint asks for, and how LT's categories map onto textlint's.

Every rule or category turned off here says why: either a textlint rule reports the same
problem with a better message and a safe fix, or the rule was measured wrong more often than
right on the team's professionally written news (`tests/corpus/news-fr/dev/`, see
docs/languagetool.md and BENCHMARKS.md). Rule and category ids were checked against
LanguageTool 6.8's French rules (`/v2/configinfo?language=fr`).
"""

from __future__ import annotations

from textlint.issues import Severity

# French typography that textlint's own YAML rules check, with fixes LT cannot make safely
# (non-breaking and narrow spaces, apostrophes, ellipses, dashes). Asking for both would
# report every finding twice, so these LT rules are off unless the configuration enables them.
COVERED_BY_YAML: dict[str, str] = {
    "FRENCH_WHITESPACE": "typo.space-before-* (space before ? ! ; : and inside « »)",
    "FRENCH_WHITESPACE_STRICT": "typo.space-before-* (the same, demanding U+00A0 / U+202F)",
    "WHITESPACE_RULE": "typo.double-space",
    "DOUBLES_ESPACES": "typo.double-space",
    "COMMA_PARENTHESIS_WHITESPACE": "typo.* spacing rules (space before , . ) or after ( )",
    "DOUBLE_PUNCTUATION": "typo.* punctuation rules",
    "APOS_TYP": "typo.apostrophe-* rules",
    "POINTS_SUSPENSION": "typo.ellipsis-* rules",
    "ESPACE_UNITES": "typo.number-unit-space",
    "FRENCH_WORD_REPEAT_RULE": "mt.doubled-word",
    "DEUX_POINTS_ESPACE": "typo.missing-space-after-punctuation (a colon glued to the next word, "
    "when a space before it shows it is French punctuation; LT also flags IPv6 addresses, "
    "« 2001:db8::1 », and code)",
    "ACCORD_PLURIEL_ORDINAUX": "typo.ordinal-* rules (« 1ère », « 2ème », « la 1er »): LT's fixes write "
    "Unicode modifier letters, « 1ʳᵉ », « 5ᵉˢ », which French typesetting does not use",
    "TIRET": "typo.*dash* rules (it also fires on list items and on the en dash of Québec "
    "compound place names, « Saguenay–Lac-Saint-Jean »)",
}

# Rules measured wrong more often than right on professionally written news.
NOISY_ON_NEWS: dict[str, str] = {
    "NORD_SUD": "capitalised compass points are parts of names (« Télécâble Nord », "
    "« Trois-Rivières-Ouest », « l'Afrique de l'Ouest », « le derby du Sud »): 10 wrong of 10",
    "NOMBRES_EN_LETTRES_2": "news writes numbers in digits (« 3 abstentions », « le hall 7 »): 3 wrong of 3",
    "NOMBRES_EN_LETTRES_2_IMPROVED": "the same rule's other version",
    "NOMBRES_EN_LETTRES": "a sentence opening on a figure (« 17 personnes ont été tuées. », « 24 heures "
    "après… ») and a count in a line of statistics (« 6 passes, 1 interception ») are how news writes "
    "numbers: 22 findings on 192,000 words of published news, every one printed that way",
    "CONSTRUCTION_DANS_LES_EXPRESSIONS": "« d'ici 2035 », « d'ici le printemps » are standard: 4 wrong of 4",
    "OU_LEQUEL": "« le marché où » is standard; a formal-register preference: 3 wrong of 3",
    "PAS_DE_VIRGULE": "a comma before « et » between long clauses is standard punctuation: 3 wrong of 3",
    "FAIRE_VPPA": "« », a-t-il fait valoir. » closes countless quotations: 1 wrong of 1",
    "ATTENDU": "« contre 5,7 % attendus cette année » agrees correctly: 1 wrong of 1",
    "CEST_CE_SONT": "« Ce sont des erreurs » is correct French: 1 wrong of 1",
    "PREP_PAYS": "« la province de Luxembourg », « la Bourse de Luxembourg »: 2 wrong of 2",
    "COUR_COURS_COURT": "« perd en Cour d'appel » (Québec) is right: 1 wrong of 1",
    "PAS_DE_TRAIT_UNION": "« projet-pilote » is the OQLF spelling: 1 wrong of 1",
    "AGREEMENT_PARTICULAR": "« des IIe et IIIe siècles », « un fonds … identifié »: 2 wrong of 2",
    "PLACE_ADJ": "an adjective after its noun is ordinary French and often another meaning (« un candidat "
    "jeune », « une convalescence longue », « la covid longue »): 5 wrong of 5 on "
    "tests/cases/lt-precision, never right",
    # Measured on 86,230 words of published news (excerpts of French-language newsrooms of
    # France, Belgium, Switzerland, Québec and Africa; BENCHMARKS.md).
    "ADMIN_PRESIDENT": "« l'administration Biden » is how the French press names a US government: "
    "3 wrong of 3 on published news",
    "VIRGULE_DEBUT_DE_PHRASE": "a comma after « Donc », « Aussi », « Toutefois » opening a sentence is "
    "optional, and « Soit ils… soit… » takes none: 5 wrong of 5 on published news",
    "FR_SPLIT_WORDS_HYPHEN": "« crypto-actifs » (the term of EU law), « pétro-gazier »: the hyphenated "
    "spellings are correct beside the welded ones (« bi-annuelle » too): 6 wrong of 6 on published news",
    "BOURRASQUE_DE_VENT": "« rafales de vent » is the weather services' own wording: 3 wrong of 3 on "
    "published news",
    "IL_FAUT": "« mieux vaut » is standard French, not familiar (« Mieux vaut arriver seul ! »): 2 wrong "
    "of 2 on published news",
    "VIRGULE_ET_CE": "the comma LT asks after « , et ce » is advised (« conseillée »), not required: "
    "5 findings on published news, every one printed without it",
    "VOIR_REGARDER": "« voir un film », « voir la vidéo ci-dessous », « Voyez le reportage » are standard "
    "French: 3 wrong of 3 on published news",
    "C_EST_QUOI": "« SwissCovid, c'est quoi ? » is a register the press uses on purpose, in explainers "
    "and headings, and in quotations: 4 wrong of 4 on published news",
    "COND_VS_FUTUR": "the conditional after « si » + present is how the press marks what is not "
    "confirmed (« Si c'est le cas, il s'agirait d'un record », « si les sondages sous-estiment Trump, son "
    "avance pourrait… »), and « je dirais » is courtesy: 4 wrong of 5 on published news",
    "DEBUTER_COMMENCER": "« débuter » with an object (« a débuté la construction », « va débuter son "
    "stage ») is a purist's objection the press ignores, and the rule also fires on the intransitive "
    "use (« les vendanges débuteront le 25 ») that nobody objects to: 9 wrong of 9 on published news",
    "DE_PAR_GRACE_A": "« de par sa nature », « de par son style » are standard French the press prints; "
    "LT calls the phrase outdated and proposes « grâce à »: 3 wrong of 4 on published news, and its message "
    "misleads on the fourth (« de part sa taille », a misspelling of « de par », which "
    "gram.de-part-pour-de-par reports)",
    "POSER_PROBLEME": "« poser problème » (« ça me pose problème », « l'axe Anvers-Bruxelles qui pose "
    "problème ») is the idiom the press prints, in its reporting and in the speech it quotes; LT asks "
    "for an article: 6 wrong of 6 on published news",
    "NEGATION_PERSONNE": "a « ne » after « sans que » (« sans que personne ne se rende compte », « sans que "
    "rien ne semble bouger ») is admitted usage the press prints: 3 wrong of 3 on published news",
    "PLACE_DE_LA_VIRGULE": "a comma before « mais » or « car » opening a clause is advised, not "
    "required (LT's own message says « conseillée »), and newsrooms leave it out daily: even "
    "narrowed to a clause with its own subject, 67 findings on 192,000 words of published news, "
    "every one printed that way by its newsroom; enable it for a house style that wants the comma",
    # Measured on the first readings of published news G–AI (BENCHMARKS.md).
    "ECRITURE_INCLUSIVE": "« président ou présidente », « échevin ou échevine » name both genders in "
    "full; LT proposes an inclusive spelling, a house style: 3 wrong of 3 on published news",
    "LE_COVID": "« le Covid » is how the French press writes it; LT asks for the Académie's « la "
    "Covid »: 6 findings on published news, every one printed that way",
    "HISTOIRE_DE_V": "« histoire de rassurer les Français » is an idiom the press prints; LT calls it "
    "familiar: 5 findings on published news, every one printed that way",
    "DE_TOUTE_FACON": "« de toutes façons » is admitted beside « de toute façon »: 3 findings on "
    "published news, every one printed that way",
}

# Whole categories measured as noise on news.
NOISY_CATEGORIES: dict[str, str] = {
    "REPETITIONS_STYLE": "a word used again in the next sentence is style, not an error: 8 alarms, "
    "none wanted",
    "CAT_REGIONALISMES": "regional French (Québec, Belgium, Switzerland, Africa) is correct in its "
    "country's press (« urgentologue »)",
}

# Rules about sentences: their final stop, their first capital. A headline, a caption or a
# list item is no sentence, so their findings there are dropped (see `textlint.layout`).
SENTENCE_RULES = frozenset(
    {"POINT", "POINTS_2", "UPPERCASE_SENTENCE_START", "DET_MAJ_SENT_START", "PRONOMS_PERSONNELS_MINUSCULE"}
)

DISABLED: dict[str, str] = {**COVERED_BY_YAML, **NOISY_ON_NEWS}

# LanguageTool rules that are off by default in LT but worth sending in `enabledRules`: precise
# agreement, participle and conjugation checks on news prose. Measured with LT 6.8 on
# tests/cases/typography/agreement.yaml and tests/corpus/news-fr/dev (see docs/typography.md):
# none of the 23 rules grammar.xml turns off adds a found case (the picky level adds none
# either), and ACCORD_GENRE, ACCORD_NOMBRE and MULTI_ADJ_ fire on professionally written
# news. Measured again on the ten agreement cases LT misses (distant subject, apposed
# participle, si + conditional, participle for an infinitive, quel, quatre-vingts…): still
# none, so those families are textlint's own rules (rules/grammar/). A rule that passes the
# same measurement goes here.
ENABLED_BY_DEFAULT: tuple[str, ...] = ()

SPELLING, TYPOGRAPHY, GRAMMAR, STYLE = "spelling", "typography", "grammar", "style"

# LanguageTool category id -> textlint category. Categories not listed fall back on the
# rule's issue type (below), then on "style". LT's calques and unadapted anglicisms
# (CAT_CALQUES, CAT_ANGLICISMES_FOREIGN_TERMS, run only at the picky level) stay "style", not
# "mt": on the team's machine-translated articles they found no defect textlint's own rules
# miss, and they fire on correct French (« temps supplémentaire » in Québec news, « focus »,
# « et/ou » in edited documentation); see BENCHMARKS.md, `bench/lt_calques.py`.
CATEGORIES: dict[str, str] = {
    "TYPOS": SPELLING,
    "MULTITOKEN_SPELLING": SPELLING,
    "CAT_TYPOGRAPHIE": TYPOGRAPHY,
    "TYPOGRAPHY": TYPOGRAPHY,
    "PUNCTUATION": TYPOGRAPHY,
    "PONCTUATION_POINT": TYPOGRAPHY,
    "CASING": TYPOGRAPHY,
    "CAT_MAJUSCULES": TYPOGRAPHY,
    "CAT_GRAMMAIRE": GRAMMAR,
    "GRAMMAR": GRAMMAR,
    "AGREEMENT": GRAMMAR,
    "CAT_HOMONYMES_PARONYMES": GRAMMAR,
    "CONFUSED_WORDS": GRAMMAR,
    "CAT_ELISION": GRAMMAR,
    "SEMANTICS": GRAMMAR,
    # Missing or misplaced commas change how a French sentence parses; LT files them apart
    # from typography and textlint's typography rules never look at them.
    "PONCTUATION_VIRGULE": GRAMMAR,
}

ISSUE_TYPES: dict[str, str] = {
    "misspelling": SPELLING,
    "typographical": TYPOGRAPHY,
    "whitespace": TYPOGRAPHY,
    "grammar": GRAMMAR,
}

# Spelling and grammar mistakes are errors in published news; typography and style
# findings are warnings, since house style may legitimately differ from LT's advice.
SEVERITIES: dict[str, Severity] = {
    SPELLING: Severity.ERROR,
    GRAMMAR: Severity.ERROR,
    TYPOGRAPHY: Severity.WARNING,
    STYLE: Severity.WARNING,
}

# Rule ids of LT's spell checkers; categories of its spelling rules.
SPELLING_RULES = frozenset({"FR_SPELLING_RULE", "MORFOLOGIK_RULE_FR"})
SPELLING_CATEGORIES = frozenset({"TYPOS", "MULTITOKEN_SPELLING"})


def category_of(rule_id: str, category_id: str, issue_type: str) -> str:
    """textlint's category for an LT rule: by LT category, then issue type, else style."""
    if rule_id in COVERED_BY_YAML:
        return TYPOGRAPHY  # whatever LT files them under, textlint reports them as typography
    return CATEGORIES.get(category_id) or ISSUE_TYPES.get(issue_type) or STYLE


def severity_of(category: str) -> Severity:
    return SEVERITIES.get(category, Severity.WARNING)


def is_spelling(rule_id: str, category_id: str) -> bool:
    return rule_id in SPELLING_RULES or category_id in SPELLING_CATEGORIES


def why_disabled(rule_id: str, category_id: str = "") -> str | None:
    """Why textlint turns an LT rule off by default, or None when it does not."""
    if rule_id in COVERED_BY_YAML:
        return f"covered by textlint's {COVERED_BY_YAML[rule_id]}"
    if rule_id in NOISY_ON_NEWS:
        return f"wrong on professionally written news ({NOISY_ON_NEWS[rule_id]})"
    if category_id in NOISY_CATEGORIES:
        return f"category {category_id} is noise on news ({NOISY_CATEGORIES[category_id]})"
    return None
