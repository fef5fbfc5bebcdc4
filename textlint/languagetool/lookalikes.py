"""Constructions LanguageTool 6.8's French grammar rules misread on correct text.

Each family below is a look-alike of a real mistake: participles that never agree (impersonal
and intransitive verbs, complements of measure), « a » before a participle agreeing with
« que », a verb read as an adjective before its number, a conditional after a past tense
(the future in the past), the nouns « sommes » and « été » read as verbs, « dont deux
ferme » (a prison sentence), « -Est » ending a place name read as « est », a wrong
apostrophe character read as a space, a verb in -er with avoir read as taking être. Measured
on tests/cases/typography/agreement.yaml and the team's news; each test looks at the words
around the finding only, never at a particular sentence.
"""

from __future__ import annotations

from collections.abc import Callable

import regex


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Participles of verbs that never take a direct object: impersonal (« les mesures qu'il a
# fallu prendre ») or intransitive (« les trois heures qu'a duré la réunion »). They never agree.
_NEVER_AGREE = regex.compile(
    r"(?:fallu|duré|régné|dormi|semblé|paru|nui|ri|souri|suffi|existé|ressemblé|succédé|plu|neigé|grêlé)",
    regex.IGNORECASE,
)
# Verbs whose complement may be a measure (« les 80 euros que ce billet a coûté »): invariable
# when what comes before « que » is a quantity; they agree in the figurative sense
# (« les efforts que ce projet a coûtés »), so only quantities are let through.
_MEASURE_VERBS = regex.compile(r"(?:coûté|valu|pesé|mesuré|vécu|couru|marché)", regex.IGNORECASE)
_QUANTITY = regex.compile(
    r"\d|\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|"
    r"cinquante|soixante|cent|cents|mille|millions?|milliards?|quelques|plusieurs|heures?|minutes?|"
    r"secondes?|jours?|semaines?|mois|ans|années?|euros?|dollars?|francs?|kilos?|kilomètres?|mètres?|tonnes?)\b",
    regex.IGNORECASE,
)
_QUE = regex.compile(r"\bqu(?:e\b|['’])", regex.IGNORECASE)
_IL_Y_A = regex.compile(r"\by\s+(?:a|avait|aura|aurait|ait)\s+$", regex.IGNORECASE)
# « La chaleur qu'il a fait »: « il » is impersonal, the weather is not an object of « faire ».
_IMPERSONAL_FAIRE = regex.compile(
    r"\b(?:chaleur|froid|temps|canicule|vent|soleil|orage|pluie|neige|gel|sécheresse|tempête)s?"
    r"\s+qu['’]il\s+(?:a|avait|aura|aurait)\s+$",
    regex.IGNORECASE,
)
# « Les décisions que la ministre a prises »: « a » before a participle that agrees with « que »
# is the verb, not the preposition « à ».
_A_BEFORE_AGREEING_PARTICIPLE = regex.compile(r"\bqu(?:e\s|['’])(?:[^\s,.;:!?]+\s+){0,5}$")
_AGREEING_PARTICIPLE = regex.compile(r"\s*\p{Ll}+(?:é|i|u|is|it|ert|aint|eint|oint)(?:es?|s)\b")
# « La dette atteint 3 228 milliards »: a verb read as an adjective agreeing with the noun
# before it, when its object, a number, follows.
_NUMBER_AFTER = regex.compile(r"\s*\d")
# « j'ai compris que rien ne bougerait »: after a past tense and « que », the conditional is the
# future in the past, not a mistake for the future.
_PAST_THEN_QUE = regex.compile(
    r"(?:\b(?:a|ai|as|avons|avez|ont|avait|avais|avaient|eut|eurent)\s+(?:\p{L}+\s+)?\p{L}+"
    r"|\b\p{L}+(?:ait|aient))\s+qu(?:e\s+|['’])[^.!?;:]*$",
    regex.IGNORECASE,
)
_SUMMER_BEFORE = regex.compile(
    r"(?:\b(?:cet|chaque|un|bel|tout|dernier|prochain)\s+|\bl['’])été\s+$", regex.IGNORECASE
)
_FIRM_SENTENCE = regex.compile(
    r"(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente)\s+ferme",
    regex.IGNORECASE,
)
_AVOIR_PARTICIPLE = regex.compile(
    r"(?:a|ai|as|avons|avez|ont|avait|avaient|aura|auront|aurait|auraient)\s+(\p{Ll}+)é[.!?…]?",
    regex.IGNORECASE,
)
_ETRE_VERBS_IN_ER = _words(
    "all arriv entr rentr rest retourn tomb retomb décéd demeur pass repass mont remont"
)
_WRONG_APOSTROPHES = frozenset("´‘′`")
_DONT = regex.compile(r"\bdont\s+$")
_NAME_ENDS_IN_EST = regex.compile(r"\p{L}-Est\s+$")
CLAUSE_WINDOW = 300  # characters looked at before a finding
_CLAUSE_START = regex.compile(r"[.!?;:\n«»“”]")


def grammar_lookalike(rule_id: str, text: str, start: int, end: int) -> bool:
    """Whether an LT grammar finding on text[start:end] is a construction its rules misread."""
    misread = _LOOKALIKES.get(rule_id)
    return misread is not None and misread(text[_clause_start(text, start) : start], text, start, end)


def _invariable_participle(before: str, text: str, start: int, end: int) -> bool:
    participle = text[start:end]
    if _NEVER_AGREE.fullmatch(participle):
        return True
    antecedent = before[: max((q.start() for q in _QUE.finditer(before)), default=0)]
    if _MEASURE_VERBS.fullmatch(participle) and _QUANTITY.search(antecedent):
        return True
    if participle.lower() == "eu" and _IL_Y_A.search(before):
        return True  # « les pluies qu'il y a eu »: « il y a » is impersonal
    return participle.lower() == "fait" and _IMPERSONAL_FAIRE.search(before) is not None


def _auxiliary_before_participle(before: str, text: str, start: int, end: int) -> bool:
    return (
        text[start:end] == "a"
        and _A_BEFORE_AGREEING_PARTICIPLE.search(before) is not None
        and _AGREEING_PARTICIPLE.match(text, end) is not None
    )


def _verb_before_number(before: str, text: str, start: int, end: int) -> bool:
    return _NUMBER_AFTER.match(text, end) is not None


def _future_in_the_past(before: str, text: str, start: int, end: int) -> bool:
    return _PAST_THEN_QUE.search(before) is not None


def _amounts(before: str, text: str, start: int, end: int) -> bool:
    """« Les sommes dues »: after a determiner, « sommes » is the noun (amounts), not « être »."""
    return text[start:end].lower().endswith(" sommes")


def _summer(before: str, text: str, start: int, end: int) -> bool:
    """« cet été a provoqué »: after a determiner « été » is the season, and « a » its verb."""
    return _SUMMER_BEFORE.search(before) is not None


def _years_without_parole(before: str, text: str, start: int, end: int) -> bool:
    """« cinq ans, dont quatre ferme »: « ferme » after a number is the sentence's firm part, an
    adverb, not the noun « une ferme »."""
    return _FIRM_SENTENCE.fullmatch(text[start:end]) is not None and _DONT.search(before) is not None


def _compass_in_a_name(before: str, text: str, start: int, end: int) -> bool:
    """« la Montérégie-Est invite »: « -Est » ends a place name, it is not the verb « être »."""
    return _NAME_ENDS_IN_EST.search(before) is not None


def _wrong_apostrophe(before: str, text: str, start: int, end: int) -> bool:
    """« s´est »: LT glues the letter to the word before (« joueurs ») where the mistake is the
    character standing for the apostrophe, which typo.apostrophe-wrong-character replaces."""
    return bool(_WRONG_APOSTROPHES & set(text[start : end + 1]))


def _first_group_with_avoir(before: str, text: str, start: int, end: int) -> bool:
    """« Les prix ont grimpé. »: a verb in -er takes avoir, object or not, but for the few that
    take être (aller, arriver, entrer, rester, tomber…), which keep the finding."""
    found = _AVOIR_PARTICIPLE.fullmatch(text[start:end])
    return found is not None and found.group(1).lower() not in _ETRE_VERBS_IN_ER


# What each LT rule misreads: (clause before the finding, text, start, end) -> misread.
_LOOKALIKES: dict[str, Callable[[str, str, int, int], bool]] = {
    "QUE_AVOIR": _invariable_participle,
    "D_N_QUE_R_AVOIR_PPA": _invariable_participle,
    "A_ACCENT": _auxiliary_before_participle,
    "AGREEMENT_POSTPONED_ADJ": _verb_before_number,
    "CONFUSION_FUTUR_CON": _future_in_the_past,
    "MOTS_INCOMP": _amounts,
    "A_INFINITIF": _summer,
    "D_N": _years_without_parole,
    "AUX_AVOIR": _compass_in_a_name,
    "APOS_ESPACE": _wrong_apostrophe,
    "WRONG_ETRE_VPPA": _first_group_with_avoir,
}


def _clause_start(text: str, offset: int) -> int:
    """Where the sentence (or quotation) holding `offset` starts."""
    window = max(0, offset - CLAUSE_WINDOW)
    return max((found.end() for found in _CLAUSE_START.finditer(text, window, offset)), default=window)
