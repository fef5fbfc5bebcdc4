"""Which LanguageTool findings reach the editor.

LanguageTool's French speller knows the dictionary, not the news: it flags the people,
places, teams and companies every article names, acronyms, tickers and product ids, words
quoted in English, Italian or Spanish, and the regional or new words edited papers print.
Its grammar rules misread names (« la Gruyère ») and judge headlines as sentences. Measured
on the team's news texts, those were nearly all of its alarms. What is dropped, and why:

- a finding about a sentence (final stop, first capital) on a line that is no sentence: a
  headline, a caption, a list item (`textlint.layout`);
- a finding inside a passage in another language (a quotation, a sentence of English);
- a grammar finding whose words are proper nouns (capitalised mid-sentence, or vouched for
  by the document writing them so elsewhere);
- a spelling finding on anything but a plain lower-case word (names, acronyms, ids,
  versions, tickers, handles, hashtags, units, codes), on a name the loaded registries know,
  on a word French writers use (in wordfreq's French lists) or on a demonym, unless one of
  the first suggestions is a slight respelling of the word (accents, apostrophe, hyphen, a
  doubled, missing or swapped letter), which is how real typing mistakes look;
- grammar findings on look-alikes LanguageTool's French rules misread (`grammar_lookalike`):
  participles that never agree (impersonal and intransitive verbs, complements of measure),
  « a » before a participle agreeing with « que », a verb read as an adjective before its
  number, a conditional after a past tense (the future in the past), the nouns « sommes »
  and « été » read as verbs, « dont deux ferme » (a prison sentence), « -Est » ending a
  place name read as « est », a wrong apostrophe character read as a space, a verb in -er
  with avoir read as taking être.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import replace
from functools import cache

import regex

from textlint.document import Document
from textlint.guards import TECHNICAL, protects
from textlint.langid import is_foreign
from textlint.languagetool.mapping import Match
from textlint.languagetool.ruleset import SENTENCE_RULES, is_spelling
from textlint.layout import LineKind, kind_at
from textlint.names import vouched_names


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A plain lower-case French word, maybe hyphenated or elided inside (« porte-parole »).
_PLAIN_WORD = regex.compile(r"\p{Ll}+(?:[-'’]\p{Ll}+)*")
# Characters that glue a word to code, a path, a handle or a hashtag.
_CODE_NEIGHBOURS = set("#@/\\_.=<>[]{}|~^*+`$%0123456789")
# Demonyms (« fribourgeois », « abitibienne », « dakarois »): derived from place names the
# dictionary cannot list.
_DEMONYM = regex.compile(r"(?:ois|oise|ien|ienne|éen|éenne|ain|aine|ais|aise|in|ine|ard|arde|ote)s?$")
COMMON_ZIPF = 1.0  # at least once in 100 million words of French (wordfreq's Zipf scale)
MAX_DISTANCE = 1  # edits between an unknown word and its best suggestion, for a typo
_QUOTE = regex.compile(r"«[^«»\n]*»|“[^“”\n]*”|\"[^\"\n]*\"")
_SENTENCE = regex.compile(r"[^.!?…\n]+(?:[.!?…]+|$)")
SUGGESTIONS_LOOKED_AT = 3  # LT's suggestions searched for a slight respelling
MIN_SLIP_LENGTH = 6  # letters of the right word, for one extra consonant to count as a slip
_VOWELS = frozenset("aeiouy")
_NAME_WORD = regex.compile(r"\p{L}[\p{L}\p{M}-]*")  # an elided article is a word of its own
_DETERMINERS = _words("le la les l l’ l' un une des du de d d’ d' au aux ce cette ces son sa ses")
_NUMERAL_RULES = "AGREEMENT_NUMERAL"
_NUMBER_BEFORE = regex.compile(r"(\d+(?:[.,]\d+)+|\d+)[ \u00a0\u202f]*$")


def keep(match: Match, doc: Document, base: int, known_words: frozenset[str]) -> bool:
    """Whether `match`, found in the paragraph starting at `base`, is worth reporting."""
    start, end = base + match.start, base + match.end
    if match.rule_id in SENTENCE_RULES and kind_at(doc, start) is not LineKind.SENTENCES:
        return False
    if _in_abbreviation(doc.text, end) or _counts_an_id(match.rule_id, doc.text, start):
        return False
    if protects(doc, TECHNICAL, start, end):  # URLs, handles, tickers, versions, code, files
        return False
    if is_spelling(match.rule_id, match.category_id):
        worth = credible_misspelling(doc, start, end, match.replacements, known_words)
    else:
        worth = not names_only(doc, start, end) and not grammar_lookalike(match.rule_id, doc.text, start, end)
    return worth and not in_foreign_passage(doc, start, end)


def credible_misspelling(
    doc: Document, start: int, end: int, suggestions: tuple[str, ...], known_words: frozenset[str]
) -> bool:
    """Whether a spelling finding on doc.text[start:end] looks like a real typing mistake."""
    word = doc.text[start:end]
    if word in known_words or not _PLAIN_WORD.fullmatch(word) or _glued_to_code(doc.text, start, end):
        return False
    if not suggestions:
        return False
    if any(slight_respelling(word, suggestion) for suggestion in _candidates(word, suggestions)):
        return True
    best = suggestions[0]
    if zipf(word) >= COMMON_ZIPF or _DEMONYM.search(word):
        return False
    return " " not in best and best[:1].islower() and _distance(fold(word), fold(best)) <= MAX_DISTANCE


def slight_respelling(word: str, suggestion: str) -> bool:
    """Accents, an apostrophe or hyphen, a letter doubled, slipped in or swapped: a typing slip.

    A suggestion in capitals (« FinTech », « d'EL ») is a name the word resembles, not a slip.
    """
    if suggestion != suggestion.lower():
        return False
    plain, other = fold(word), fold(suggestion)
    if plain == other:
        return True  # accents only: « developpement », « ministére »
    if plain == regex.sub(r"['’-]", "", other):
        return True  # « aujourdhui »
    from rapidfuzz.distance import DamerauLevenshtein, Levenshtein

    if DamerauLevenshtein.distance(plain, other) == 1 and Levenshtein.distance(plain, other) == 2:
        return True  # two letters swapped: « acceuil »
    return _one_letter_more(plain, other) or _one_letter_more(other, plain)


def _one_letter_more(longer: str, shorter: str) -> bool:
    """A doubled letter (« dévellopement »), or a consonant slipped into a long word
    (« croivent » for « croient »); short words are left out, where one letter more makes
    another word (« maul », « mol »)."""
    if len(longer) != len(shorter) + 1:
        return False
    dropped = [i for i in range(1, len(longer)) if longer[:i] + longer[i + 1 :] == shorter]
    return any(longer[i] == longer[i - 1] for i in dropped) or (
        len(shorter) >= MIN_SLIP_LENGTH
        and any(longer[i].isalpha() and longer[i] not in _VOWELS and i < len(longer) - 1 for i in dropped)
    )


def _candidates(word: str, suggestions: tuple[str, ...]) -> tuple[str, ...]:
    """The suggestions searched for a slight respelling of `word`. LT ranks by its own measure
    (« croivent »: « croisement », then « croient »), so a long word's first few are searched;
    a short word has too many neighbours (« apr. »: « a pr », « par »), only its first."""
    return suggestions[: SUGGESTIONS_LOOKED_AT if len(word) >= MIN_SLIP_LENGTH else 1]


def ranked(match: Match, text: str, base: int) -> Match:
    """`match` with a slight respelling of the word first among its suggestions, for a spelling
    finding: the typing slip LT ranked second (« croivent »: « croisement », « croient »)."""
    if not is_spelling(match.rule_id, match.category_id):
        return match
    word = text[base + match.start : base + match.end]
    if not match.replacements or _distance(fold(word), fold(match.replacements[0])) <= MAX_DISTANCE:
        return match  # LT's first suggestion is already one edit away (« gouvernemnt »)
    candidates = _candidates(word, match.replacements)
    slip = next((suggestion for suggestion in candidates if slight_respelling(word, suggestion)), None)
    if slip is None:
        return match
    return replace(match, replacements=(slip, *(r for r in match.replacements if r != slip)))


def names_only(doc: Document, start: int, end: int) -> bool:
    """Whether the words of doc.text[start:end], past a determiner, are all proper nouns."""
    words = list(_NAME_WORD.finditer(doc.text, start, end))
    while words and words[0].group().lower() in _DETERMINERS:
        words.pop(0)
    if not words or not all(word.group()[:1].isupper() for word in words):
        return False
    first = words[0]
    vouched = first.group() in vouched_names(doc) or first.group().isupper()
    return vouched or not _sentence_start(doc.text, first.start())


def in_foreign_passage(doc: Document, start: int, end: int) -> bool:
    """Whether [start, end) lies in a quotation or sentence in another language than French."""
    passage = _passage(doc.text, start, end)
    if passage is None:
        return False
    return doc.memo(f"foreign:{passage[0]}:{passage[1]}", lambda: is_foreign(doc.text[slice(*passage)]))


def _passage(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The innermost quotation holding [start, end), else its sentence."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    for pattern in (_QUOTE, _SENTENCE):
        for found in pattern.finditer(text, line_start, line_end):
            if found.start() <= start and end <= found.end():
                return found.span()
    return None


def _in_abbreviation(text: str, end: int) -> bool:
    """« a.p. », « p.ex. »: the flagged word is the first letter group of an abbreviation."""
    return text[end : end + 1] == "." and text[end + 1 : end + 2].isalpha()


def _counts_an_id(rule_id: str, text: str, start: int) -> bool:
    """A number-agreement finding after a version or model number (« Llama 3.1 hébergé »)."""
    if not rule_id.startswith(_NUMERAL_RULES):
        return False
    before = _NUMBER_BEFORE.search(text, max(0, start - 24), start)
    return before is not None and "." in before.group(1)


def _sentence_start(text: str, offset: int) -> bool:
    before = text[text.rfind("\n", 0, offset) + 1 : offset].rstrip(" \t\u00a0\u202f«“\"'(—–-")
    return not before or before[-1] in ".!?…:"


def _glued_to_code(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before in _CODE_NEIGHBOURS or (after in _CODE_NEIGHBOURS and after != ".")


def fold(word: str) -> str:
    """Lower case without accents: « Ministére » → « ministere »."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).replace("œ", "oe")


@cache
def zipf(word: str) -> float:
    """How common `word` is in written French (wordfreq's Zipf scale, 0 for unknown)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "fr"))


def _distance(word: str, other: str) -> int:
    from rapidfuzz.distance import DamerauLevenshtein

    return int(DamerauLevenshtein.distance(word, other))


# -- grammar look-alikes --------------------------------------------------------------------
#
# Each family below is a construction LanguageTool 6.8's French rules misread on correct text
# (measured on tests/cases/typography/agreement.yaml and the team's news); each test looks at
# the words around the finding only, never at a particular sentence.

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
