"""Which LanguageTool findings reach the editor.

LanguageTool's French speller knows the dictionary, not the news: it flags the people,
places, teams and companies every article names, acronyms, tickers and product ids, words
quoted in English, Italian or Spanish, and the regional or new words edited papers print.
Its grammar rules misread names (« la Gruyère ») and judge headlines as sentences. Measured
on the team's news texts, those were nearly all of its alarms. What is dropped, and why:

- a finding about a sentence (final stop, first capital) on a line that is no sentence: a
  headline, a caption, a list item (`textlint.layout`);
- a finding about spoken French (« c'est pas grave ») inside a quotation, which transcribes speech;
- a finding on the stump of a text cut in the middle of its last sentence, and a lowercase
  word starting a line that continues the sentence above (text wrapped at a fixed width);
- a finding inside a passage in another language (a quotation, a parenthesis, a sentence of
  English: « décrets présidentiels (executive orders) »), or on a term cited in its own
  language (« (en anglais transformer) »);
- a grammar finding whose words are proper nouns (capitalised mid-sentence, or vouched for
  by the document writing them so elsewhere);
- a spelling finding on anything but a plain lower-case word (names, acronyms, ids,
  versions, tickers, handles, hashtags, units, codes), on a name the loaded registries know,
  on a word French writers use (in wordfreq's French lists) or on a demonym, unless one of
  the first suggestions is a slight respelling of the word (accents, apostrophe, hyphen, a
  doubled, missing or swapped letter), which is how real typing mistakes look, and unless the
  document writes the same word twice or more (a term its writer means), accents aside;
- grammar findings on look-alikes LanguageTool's French rules misread (see `lookalikes`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from functools import cache

import regex
from rapidfuzz.distance import DamerauLevenshtein, Levenshtein

from textlint import frequency, regexes
from textlint.document import Document
from textlint.guards import TECHNICAL, protects
from textlint.langid import is_foreign, load_fast_detector, may_be_foreign
from textlint.languagetool.lookalikes import grammar_lookalike
from textlint.languagetool.mapping import Match
from textlint.languagetool.ruleset import SENTENCE_RULES, is_spelling
from textlint.layout import PARAGRAPH_END, LineKind, cut_short, kind_at
from textlint.names import vouched_names


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A plain lower-case French word, maybe hyphenated or elided inside (« porte-parole »).
_PLAIN_WORD = regexes.compile(r"\p{Ll}+(?:[-'’]\p{Ll}+)*")
# Characters that glue a word to code, a path, a handle or a hashtag.
_CODE_NEIGHBOURS = set("#@/\\_.=<>[]{}|~^*+`$%0123456789")
# Demonyms (« fribourgeois », « abitibienne », « dakarois »): derived from place names the
# dictionary cannot list.
_DEMONYM = regexes.compile(r"(?:ois|oise|ien|ienne|éen|éenne|ain|aine|ais|aise|in|ine|ard|arde|ote)s?$")
_PARTICIPLE_ENDING = regexes.compile(r"(?:é|ée|és|ées)$")
COMMON_ZIPF = 1.0  # at least once in 100 million words of French (wordfreq's Zipf scale)
MIN_ENGLISH_ZIPF = 2.0  # an English word in use: once in ten million words of English
MIN_ENGLISH_VERB_ZIPF = 3.0  # an English verb in common use (« stake », « trade »)
MAX_DISTANCE = 1  # edits between an unknown word and its best suggestion, for a typo
# « préamorçage », « prédémarrage », « surinvestir »: a prefix French builds words with, before a
# word in use, makes a coinage the dictionary lacks, not a slip.
_PREFIXES = (
    "pré",
    "post",
    "ré",
    "re",
    "co",
    "anti",
    "auto",
    "contre",
    "sur",
    "sous",
    "inter",
    "multi",
    "hyper",
    "super",
    "ultra",
    "micro",
    "macro",
    "mini",
    "méga",
    "néo",
    "semi",
    "cyber",
    "éco",
)
PREFIXED_REST_ZIPF = 2.5  # the word after the prefix: once in three million words of French
MIN_PREFIXED_REST = 5  # letters after the prefix
# Quotations, and parentheses, which often gloss a term in its language (« les décrets
# présidentiels (executive orders) »): each is judged as a passage of its own.
_QUOTATION = regexes.compile(r"«[^«»\n]*»|“[^“”\n]*”|\"[^\"\n]*\"")
_ENCLOSED = regexes.compile(_QUOTATION.pattern + r"|\([^()\n]*\)")
_SENTENCE = regexes.compile(r"[^.!?…\n]+(?:[.!?…]+|$)")
# Rules about spoken French (« c'est pas grave », without « ne »; « va m'tuer », an elision
# before a consonant; « y'a »): inside a quotation the press transcribes speech as it was said, on purpose.
_SPOKEN_RULES = frozenset({"P_V_PAS", "PAS_D_ELISION", "Y_A"})
# LanguageTool's category of rules about one word's written form (« noeud » for « nœud »).
_TYPOGRAPHY_CATEGORY = "CAT_TYPOGRAPHIE"
# Words after a grammar finding that still leave it on the stump of a cut text (« ce sont »).
_CUT_WORDS = 2
_SENTENCE_END_IN = regexes.compile(r"[.!?…]")
_CUT_TAIL = 200  # characters after a finding, at most, for it to stand among a text's last words
SUGGESTIONS_LOOKED_AT = 3  # LT's suggestions searched for a slight respelling
MIN_SLIP_LENGTH = 6  # letters of the right word, for one extra consonant to count as a slip
_VOWELS = frozenset("aeiouy")
_NAME_WORD = regexes.compile(r"\p{L}[\p{L}\p{M}-]*")  # an elided article is a word of its own
_DETERMINERS = _words("le la les l l’ l' un une des du de d d’ d' au aux ce cette ces son sa ses")
_NUMERAL_RULES = "AGREEMENT_NUMERAL"
# A term cited in its language, in parentheses: « (en anglais deep learning) », « (de l'italien
# tifosi) ». Its words are no French to check.
_CITED_TERM = regexes.compile(
    r"\((?:en|de\s+l['’]|du|de)\s*(?:anglais|américain|italien|espagnol|portugais|allemand|latin|"
    r"néerlandais|russe|arabe|chinois|japonais|coréen|grec|hébreu|turc|polonais)\b[^()\n]*\)",
    regex.IGNORECASE,
)
_NUMBER_BEFORE = regexes.compile(r"(\d+(?:[.,]\d+)+|\d+)[ \u00a0\u202f]*$")


def keep(match: Match, doc: Document, base: int, known_words: frozenset[str]) -> bool:
    """Whether `match`, found in the paragraph starting at `base`, is worth reporting."""
    start, end = base + match.start, base + match.end
    if match.rule_id in SENTENCE_RULES and kind_at(doc, start) is not LineKind.SENTENCES:
        return False
    if _in_abbreviation(doc.text, end) or _counts_an_id(match.rule_id, doc.text, start):
        return False
    spelling = is_spelling(match.rule_id, match.category_id)
    word_form = spelling or match.category_id == _TYPOGRAPHY_CATEGORY
    if _explained_by_its_place(match.rule_id, doc, start, end, word_form):
        return False
    if protects(doc, TECHNICAL, start, end):  # URLs, handles, tickers, versions, code, files
        return False
    if spelling:
        worth = credible_misspelling(doc, start, end, match.replacements, known_words)
    else:
        worth = not names_only(doc, start, end) and not grammar_lookalike(match.rule_id, doc.text, start, end)
    return worth and not _cited_term(doc.text, start, end) and not in_foreign_passage(doc, start, end)


def credible_misspelling(
    doc: Document, start: int, end: int, suggestions: tuple[str, ...], known_words: frozenset[str]
) -> bool:
    """Whether a spelling finding on doc.text[start:end] looks like a real typing mistake."""
    word = doc.text[start:end]
    if word in known_words or not _PLAIN_WORD.fullmatch(word) or _glued_to_code(doc.text, start, end):
        return False
    if _english_ing_word(word) or _participle_of_an_english_verb(word):
        return False
    if not suggestions or _prefixed_coinage(word, suggestions):
        return False
    candidates = _candidates(word, suggestions)
    meant = _written_again(doc.text, word) and not any(fold(word) == fold(other) for other in candidates)
    slip = any(slight_respelling(word, other) and not _variant(word, other) for other in candidates)
    if slip and not meant:
        return True
    best = suggestions[0]
    if meant or zipf(word) >= COMMON_ZIPF or _participle_of_a_verb_in_use(word) or _DEMONYM.search(word):
        return False
    return " " not in best and best[:1].islower() and _distance(fold(word), fold(best)) <= MAX_DISTANCE


def _prefixed_coinage(word: str, suggestions: tuple[str, ...]) -> bool:
    """« prédémarrage », « prémobilisées »: a prefix before a word in use. A word whose only
    fault is its accents is a slip, prefix or not (« cooperation » for « coopération »)."""
    if any(fold(word) == fold(other) for other in suggestions):
        return False
    lower = word.lower()
    return any(
        lower.startswith(prefix)
        and len(lower) - len(prefix) >= MIN_PREFIXED_REST
        and zipf(lower[len(prefix) :]) >= PREFIXED_REST_ZIPF
        for prefix in _PREFIXES
    )


def _written_again(text: str, word: str) -> bool:
    """Whether `word` stands twice or more in the text: a writer who spells a rare word the
    same way twice means it (« le popiste Vincent Keller… le popiste », « containeur » in
    Switzerland, a court's acronym in lower case), where a typing slip is seldom repeated. A
    word that only lacks its accents (« pélerinage ») is still a slip however often it comes."""
    seen = 0
    at = text.find(word)
    while at != -1:
        before, after = text[at - 1 : at], text[at + len(word) : at + len(word) + 1]
        if not _inside_a_word(before) and not _inside_a_word(after):
            seen += 1
            if seen == 2:
                return True
        at = text.find(word, at + 1)
    return False


def _inside_a_word(char: str) -> bool:
    return char.isalnum() or char == "-"


def _english_ing_word(word: str) -> bool:
    """« staking », « ray tracing », « breakings »: an English word in -ing, a loanword of the
    specialised press or a word left untranslated, is no typing slip of a French word."""
    lower = word.lower()
    stem = lower[:-1] if lower.endswith("ings") else lower
    return stem.endswith("ing") and frequency.zipf(stem, "en") >= MIN_ENGLISH_ZIPF


def _participle_of_an_english_verb(word: str) -> bool:
    """« les ETH stakés », « il s'est tradé »: an English verb given a French participle ending,
    the jargon of the specialised press; French has no verb of that stem in use."""
    ending = _PARTICIPLE_ENDING.search(word.lower())
    if ending is None:
        return False
    stem = word.lower()[: ending.start()]
    english = max(frequency.zipf(stem, "en"), frequency.zipf(stem + "e", "en"))
    return english >= MIN_ENGLISH_VERB_ZIPF and zipf(stem + "er") < COMMON_ZIPF


def _variant(word: str, suggestion: str) -> bool:
    """« ubérisation » for LT's « uberisation »: a spelling French writers use at least as often
    as the one the dictionary has is a variant, not a slip (a slip is far rarer than its word:
    « developpement » 3.1 against 5.2 on wordfreq's scale)."""
    return zipf(word) >= max(COMMON_ZIPF, zipf(suggestion))


def _participle_of_a_verb_in_use(word: str) -> bool:
    """« ubérisé », « dédiabolisée »: the participle of a verb in -er French writers use
    (« ubériser »), which wordfreq lists more often than its inflected forms."""
    ending = _PARTICIPLE_ENDING.search(word)
    return ending is not None and zipf(word[: ending.start()] + "er") >= COMMON_ZIPF


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
    while words and words[0].group().lower() in _DETERMINERS and not _acronym(words[0].group()):
        words.pop(0)
    if not words or not all(word.group()[:1].isupper() for word in words):
        return False
    first = words[0]
    vouched = first.group() in vouched_names(doc) or first.group().isupper()
    return vouched or not _sentence_start(doc.text, first.start())


def _acronym(word: str) -> bool:
    """« la SA Immobilière », « le TA de Montreuil »: a determiner's letters in capitals are a
    company form or an institution (société anonyme, tribunal administratif)."""
    return len(word) > 1 and word.isupper()


def prepare(doc: Document) -> None:
    """Load what filtering `doc`'s findings may need, while the server is still working: the
    fast language detector (a tenth of a second of models), when one of the passages
    `in_foreign_passage` looks at may be asked about."""
    for pattern in (_ENCLOSED, _SENTENCE):
        if any(may_be_foreign(found.group()) for found in pattern.finditer(doc.text)):
            load_fast_detector()
            return


def in_foreign_passage(doc: Document, start: int, end: int) -> bool:
    """Whether [start, end) lies in a quotation, parenthesis or sentence in another language than
    French."""
    passage = _passage(doc.text, start, end)
    if passage is None:
        return False
    return doc.memo(f"foreign:{passage[0]}:{passage[1]}", lambda: is_foreign(doc.text[slice(*passage)]))


def _passage(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The innermost quotation or parenthesis holding [start, end), else its sentence."""
    line = _line_around(text, start, end)
    for pattern in (_ENCLOSED, _SENTENCE):
        for found in pattern.finditer(text, *line):
            if found.start() <= start and end <= found.end():
                return found.span()
    return None


def _cited_term(text: str, start: int, end: int) -> bool:
    """Whether [start, end) lies in a parenthesis citing a term in another language."""
    opening = text.rfind("(", max(0, start - 80), start)
    if opening < 0:
        return False
    cited = _CITED_TERM.match(text, opening)
    return cited is not None and end <= cited.end()


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


def _wrapped_line(doc: Document, start: int) -> bool:
    """Whether `start` begins a line that continues the sentence of the line above (a text
    wrapped at a fixed width, « … tout ce qui n'est pas\nbu dans la semaine », or a paragraph
    break the page put inside a sentence, which scrape.split-sentence reports): a lowercase word
    there starts no sentence. After a heading it does."""
    before = doc.text[:start].rstrip(" \t\u00a0\n")
    breaks = doc.text[len(before) : start].count("\n")
    if not breaks or not before or before[-1] in PARAGRAPH_END + ":":
        return False
    # Lines of a wrapped text are not headings, whatever the layout makes of them.
    return breaks == 1 or kind_at(doc, before.rfind("\n") + 1) is not LineKind.HEADING


def _explained_by_its_place(rule_id: str, doc: Document, start: int, end: int, word_form: bool) -> bool:
    """A finding on the stump of a cut text, spoken French inside a quotation, or, for grammar,
    near the end of a cut text or at a line break inside a sentence (a misspelt word, « noeud »
    for « nœud », is one wherever it stands)."""
    if _on_a_cut_ending(doc.text, end, 0 if word_form else _CUT_WORDS):
        return True
    if not word_form and _at_a_wrap(doc, start, end):
        return True
    return rule_id in _SPOKEN_RULES and _quoted(doc.text, start, end)


def _at_a_wrap(doc: Document, start: int, end: int) -> bool:
    """Whether a finding starts a line that continues the sentence above, or ends a line the
    next one continues (« les trois opérateurs de téléphonie\nmobile vont », « ne concentre
    pourtant «que»\n46 % »): LanguageTool ends a sentence at every line break, and reads the two
    halves as sentences of their own."""
    text = doc.text
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and _wrapped_line(doc, line_start):
        return True
    line_end = text.find("\n", end)
    if line_end < 0 or text[end:line_end].strip():
        return False
    following = line_end
    while following < len(text) and text[following] in " \t\u00a0\n":
        following += 1
    return following < len(text) and _wrapped_line(doc, following)


def _quoted(text: str, start: int, end: int) -> bool:
    quotations = _QUOTATION.finditer(text, *_line_around(text, start, end))
    return any(found.start() < start and end < found.end() for found in quotations)


def _line_around(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the line holding [start, end)."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


def _on_a_cut_ending(text: str, end: int, words_after: int) -> bool:
    """Whether a finding stands among the last words of a text cut in the middle of a sentence
    (« … la première date limite de la d », « l'une des explications, ce sont »): the stump is no
    mistake, and scrape.truncated-ending says the text was cut. A text without a finished
    sentence (a headline) is not cut."""
    # Only the last few words can qualify: a finding far from the end is rejected without
    # copying the rest of a long document (this runs for every finding).
    if len(text) - end > _CUT_TAIL:
        return False
    rest = text[end:]
    return len(rest.split()) <= words_after and not _SENTENCE_END_IN.search(rest) and cut_short(text)


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
    return frequency.zipf(word)


def _distance(word: str, other: str) -> int:
    return int(DamerauLevenshtein.distance(word, other))
