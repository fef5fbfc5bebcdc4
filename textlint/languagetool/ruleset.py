"""Which LanguageTool rules textlint turns off, and how LT's categories map onto textlint's.

Rule and category ids were checked against LanguageTool 6.8's French rule list
(`JLanguageTool.getAllRules()` for fr-FR).
"""

from __future__ import annotations

from textlint.issues import Severity

# French typography that textlint's own YAML rules check, with fixes LT cannot make safely
# (non-breaking and narrow spaces, apostrophes, ellipses). Reporting both would duplicate
# every finding, so these LT rules are disabled unless the configuration enables them.
COVERED_BY_YAML: tuple[str, ...] = (
    "FRENCH_WHITESPACE",  # space before ? ! ; : and inside « » (on by default)
    "FRENCH_WHITESPACE_STRICT",  # the same, demanding U+00A0 / U+202F (picky)
    "WHITESPACE_RULE",  # repeated spaces (generic)
    "DOUBLES_ESPACES",  # repeated spaces (French grammar.xml)
    "COMMA_PARENTHESIS_WHITESPACE",  # space before , . ) or after (
    "DOUBLE_PUNCTUATION",  # ".." and ",,"
    "APOS_TYP",  # straight apostrophe instead of ’ (picky)
    "POINTS_SUSPENSION",  # "..." instead of …
    "ESPACE_UNITES",  # missing (non-breaking) space between a number and its unit
    "FRENCH_WORD_REPEAT_RULE",  # doubled word ("le le")
)

# LanguageTool rules that are off by default in LT but worth sending in `enabledRules`: precise
# agreement, participle and conjugation checks on news prose. Measured with LT 6.8 on
# tests/cases/typography/agreement.yaml and tests/corpus/news-fr/dev (see docs/typography.md):
# none of the 23 rules grammar.xml turns off adds a found case (the picky level adds none
# either), and ACCORD_GENRE, ACCORD_NOMBRE and MULTI_ADJ_ fire on professionally written
# news. So nothing is turned on yet; a rule that passes the same measurement goes here.
ENABLED_BY_DEFAULT: tuple[str, ...] = ()

SPELLING, TYPOGRAPHY, GRAMMAR, STYLE = "spelling", "typography", "grammar", "style"

# LanguageTool category id -> textlint category. Categories not listed fall back on the
# rule's issue type (below), then on "style".
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

# Rule ids of LT's spell checkers, whose matches on known names are dropped.
SPELLING_RULES = frozenset({"FR_SPELLING_RULE", "MORFOLOGIK_RULE_FR"})


def category_of(rule_id: str, category_id: str, issue_type: str) -> str:
    """textlint's category for an LT rule: by LT category, then issue type, else style."""
    if rule_id in COVERED_BY_YAML:
        return TYPOGRAPHY  # whatever LT files them under, textlint reports them as typography
    return CATEGORIES.get(category_id) or ISSUE_TYPES.get(issue_type) or STYLE


def severity_of(category: str) -> Severity:
    return SEVERITIES.get(category, Severity.WARNING)


def is_spelling(rule_id: str, category_id: str) -> bool:
    return rule_id in SPELLING_RULES or category_id == "TYPOS"
