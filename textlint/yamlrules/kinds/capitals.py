"""Kinds `title-case` and `capitalised-noun`: English capitalisation carried into French.

English capitalises every word of a title (« Problèmes De Concurrence ») and machine
translation sometimes keeps a capital on a common noun (« le Superordinateur »). French
capitalises the first word of a title and names only. Both kinds prefer silence to a wrong
alarm: names the loaded entity registries know (the shipped ones and a newsroom's own, handed
over as the `Vocabulary`) are left alone, and so are, in headings, the words listed in `keep`
(the capitals French uses on purpose: l’État, le Sénat, les Bleus) and names the document
vouches for.
"""

from __future__ import annotations

import regex

from textlint import frequency, regexes
from textlint.document import Document
from textlint.issues import Issue
from textlint.layout import heading_at
from textlint.names import WORD, capitalised, mid_sentence, mid_sentence_capitals, vouched_names
from textlint.yamlrules.fields import Fields
from textlint.yamlrules.kinds.phrase import Entry, PhraseRule
from textlint.yamlrules.rule import Header, Vocabulary

# Punctuation of captions, credits and bylines (« Marc Tessier, sergent », « Photo / AFP »).
_CAPTION_MARKS = regexes.compile(r"[,;/()|–—]")
_ELIDED = frozenset({"l", "d", "j", "m", "n", "s", "t", "c", "qu"})
_LOWER = "abcdefghijklmnopqrstuvwxyzàâäéèêëîïôöùûüç"


class TitleCaseRule(PhraseRule):
    """A heading whose function words and most other words carry a capital, or whose every
    word but the function words does (« Préparer la Garniture de Viande »)."""

    words = False  # phrases hold their own spaces
    uses_vocabulary = True

    def __init__(self, header: Header, fields: Fields, vocabulary: Vocabulary) -> None:
        super().__init__(header)
        self.names = vocabulary.names
        self.function_words = frozenset(w.lower() for w in fields.string_list("function-words"))
        self.keep = frozenset(fields.string_list("keep", ()))
        self.min_words: int = fields.integer("min-words", 3)
        self.min_ratio: float = fields.fraction("min-ratio", 0.75)
        self.min_common: int = fields.integer("min-common-words", 2)
        self.common: float = fields.zipf("common-word", 3.0)
        # A capitalised function word after a word (« Problèmes De »), or a function word in
        # lower case before a capital (« la Garniture »), is a phrase of the shared automaton:
        # only the lines holding one are looked at.
        phrases = _function_phrases(self.function_words) + _before_capital_phrases(self.function_words)
        self.entries = tuple(Entry(phrase, None, ()) for phrase in phrases)

    def issue_for(self, doc: Document, start: int, end: int, entry: Entry) -> Issue | None:
        heading = heading_at(doc, start)
        if heading is None:
            return None
        if entry.phrase.startswith(" "):  # a function word in lower case before a capital
            return self._content_issue(doc, heading)
        words = list(WORD.finditer(doc.text, *heading))
        if not self._title_case(self._without_name_particles(doc, heading, words)):
            return None
        return self._lowered(doc, heading, words, self._names(doc))

    def _content_issue(self, doc: Document, heading: tuple[int, int]) -> Issue | None:
        # The title after a label (« Étape 3 : Préparer la Garniture de Viande »).
        span = _after_label(doc.text, heading)
        # A caption, a credit or a byline holds names, not a title.
        if _CAPTION_MARKS.search(doc.text, *span):
            return None
        words = list(WORD.finditer(doc.text, *span))
        # A function word in lower case before a capital would vouch for it: only the rest
        # of the text may vouch for names here (worked out once per heading, whichever of
        # its phrases asks).
        outside = doc.memo(
            f"capitals-outside-{heading}",
            lambda: frozenset(mid_sentence_capitals(_without(doc.text, heading))),
        )
        names = self.keep | self.names | outside
        return self._lowered(doc, span, words, names) if self._content_title_case(words, names) else None

    def _lowered(
        self, doc: Document, span: tuple[int, int], words: list[regex.Match[str]], names: frozenset[str]
    ) -> Issue | None:
        fixed = _lower_words(doc.text, *span, words[1:], names, self.function_words)
        return self.make_issue(doc, *span, fixed) if fixed != doc.text[slice(*span)] else None

    def _names(self, doc: Document) -> frozenset[str]:
        """Words that keep their capital in `doc`, worked out once per document."""
        return vouched_names(doc) | self.keep | self.names

    def _without_name_particles(
        self, doc: Document, heading: tuple[int, int], words: list[regex.Match[str]]
    ) -> list[str]:
        """The heading's words, a capitalised function word lowered when it belongs to a name the
        document writes elsewhere with it (« Marine Le Pen », « Kevin De Bruyne » in a caption or
        a byline): the same two words outside the heading make it a name, not title case."""
        kept = [match.group() for match in words]
        for i in range(1, len(words) - 1):
            word = kept[i]
            if word[:1].isupper() and word.lower() in self.function_words:
                pair = (word, kept[i + 1])
                if any(_written_outside(doc.text, f"{word}{blank}{pair[1]}", heading) for blank in " \u00a0"):
                    kept[i] = word.lower()
        return kept

    def _title_case(self, words: list[str]) -> bool:
        rest = words[1:]
        if len(words) < self.min_words or not any(c.islower() for word in words for c in word):
            return False
        capitals = [word for word in rest if word[:1].isupper()]
        function_capitals = [word for word in capitals if word.lower() in self.function_words]
        return bool(function_capitals) and len(capitals) >= self.min_ratio * len(rest)

    def _content_title_case(self, matches: list[regex.Match[str]], names: frozenset[str]) -> bool:
        """Function words in lower case, every other word after the first capitalised, and at
        least `min-common-words` of them common French words that name nothing (« la
        Garniture de Viande »). A common word next to an uncommon capitalised one is part of
        a name (« Marc Tessier »), and the noun after a title's first article keeps its
        capital in French (« La Forêt de Biolo »); the rest of the text vouches for names."""
        words = [match.group() for match in matches]
        rest = words[1:]
        if len(words) < self.min_words or not any(word in self.function_words for word in rest):
            return False
        if any(word.islower() and word not in self.function_words for word in rest):
            return False
        common = [self._common(word, names) for word in words]
        counted = 0
        for i in range(1, len(words)):
            beside = [common[j] for j in (i - 1, i + 1) if 0 < j < len(words) and capitalised(words[j])]
            after_article = i == 1 and words[0].lower() in _ARTICLES
            counted += common[i] and all(beside) and not after_article
        return counted >= self.min_common

    def _common(self, word: str, names: frozenset[str]) -> bool:
        return capitalised(word) and word not in names and frequency.zipf(word.lower()) >= self.common


_ARTICLES = frozenset({"le", "la", "les", "un", "une", "des", "l"})


def _function_phrases(function_words: frozenset[str]) -> list[str]:
    """« s De », « e La », « r L’ »…: a capitalised function word after a lower-case letter and
    a blank. Sentences begin with « Le » or « La » all the time; headings in title case put
    one after another word."""
    phrases = []
    for word in function_words:
        capital = word[:1].upper() + word[1:]
        endings = "'’" if word in _ELIDED else (" ", "\u00a0")
        phrases += [
            f"{letter}{blank}{capital}{ending}"
            for letter in _LOWER
            for blank in (" ", "\u00a0")
            for ending in endings
        ]
    return phrases


def _before_capital_phrases(function_words: frozenset[str]) -> list[str]:
    """« de G », « la V »…: a function word in lower case before a capital, as in a heading
    capitalised on its other words (« Préparer la Garniture de Viande »)."""
    capitals = "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÂÉÈÊÎÔÛÇ"
    return [f" {word} {capital}" for word in function_words if word not in _ELIDED for capital in capitals]


def _lower_words(
    text: str,
    start: int,
    end: int,
    words: list[regex.Match[str]],
    vouched: frozenset[str],
    function_words: frozenset[str],
) -> str:
    """The heading with every capitalised word lowered, except names; function words are
    lowered even when a name holds them (« La » of « La Poste »)."""
    pieces = []
    position = start
    for match in words:
        word = match.group()
        function_word = word.lower() in function_words
        # « L’Europe »: the elided article is one capital letter, lowered like any function word.
        if (
            (capitalised(word) or function_word)
            and word[:1].isupper()
            and (function_word or word not in vouched)
        ):
            pieces += [text[position : match.start()], word.lower()]
            position = match.end()
    return "".join([*pieces, text[position:end]])


class CapitalisedNounRule(PhraseRule):
    """A common noun of `nouns` written with a capital in the middle of a sentence.

    Only nouns machine translation is known to capitalise are candidates: French capitalises
    many nouns on purpose (« la Région », « l’Hôpital fribourgeois », « les Mauves », « le Prix
    des libraires »), so a capital alone, or the same word in lower case elsewhere, is no evidence.
    """

    uses_vocabulary = True

    def __init__(self, header: Header, fields: Fields, vocabulary: Vocabulary) -> None:
        super().__init__(header)
        self.names = vocabulary.names
        nouns = fields.string_list("nouns")
        if not nouns or any(not noun.islower() for noun in nouns):
            raise fields.error("nouns", "should list common nouns, written in lower case")
        # Each noun with its capital is a phrase of the shared automaton.
        self.entries = tuple(Entry(noun[0].upper() + noun[1:], noun, ()) for noun in nouns)

    def issue_for(self, doc: Document, start: int, end: int, entry: Entry) -> Issue | None:
        text = doc.text
        if text[start:end] in self.names or not mid_sentence(text, start):
            return None
        if _in_name(text, start, end) or heading_at(doc, start) is not None:
            return None
        return self.make_issue(doc, start, end, entry.replacement)


# Before the noun, a capitalised word or an acronym (« SNCF Réseau »); after it, a hyphen or an
# apostrophe (« Plateforme-X »), another capitalised word (« Plateforme Nationale »), or a
# complement ending with an acronym or a short name in brackets (« la Plateforme de lutte contre
# la cybercriminalité (PLCC) », « le Réseau des relevés glaciologiques suisse (Glamos) »): the
# noun is part of a name.
_NAME_BEFORE = regexes.compile(r"\p{Lu}[\p{L}\p{M}&.-]*[ \u00a0]+$")
_NAME_AFTER = regexes.compile(
    r"[-'’]|[ \u00a0]+\p{Lu}|[^.!?;:()\n]{0,80}\((?:\p{Lu}[\p{L}\d&-]+)\)", regex.VERSION1
)


def _in_name(text: str, start: int, end: int) -> bool:
    if _NAME_AFTER.match(text, end) is not None:
        return True
    before = _NAME_BEFORE.search(text, max(0, start - 40), start)
    # A capitalised word only starting its sentence (« Les Utilisateurs ») names nothing.
    return before is not None and (before.group().strip().isupper() or mid_sentence(text, before.start()))


def _after_label(text: str, heading: tuple[int, int]) -> tuple[int, int]:
    """The heading after its last colon and the blanks that follow it, or the whole heading."""
    colon = text.rfind(":", *heading)
    if colon < 0:
        return heading
    start = colon + 1
    while start < heading[1] and text[start] in " \u00a0\u202f":
        start += 1
    return (start, heading[1])


def _without(text: str, span: tuple[int, int]) -> str:
    return f"{text[: span[0]]}\n{text[span[1] :]}"


def _written_outside(text: str, phrase: str, heading: tuple[int, int]) -> bool:
    """Whether `phrase` stands, as whole words, somewhere in `text` outside the heading."""
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        whole = (at == 0 or not text[at - 1].isalpha()) and (end == len(text) or not text[end].isalpha())
        if whole and not heading[0] <= at < heading[1]:
            return True
        at = text.find(phrase, at + 1)
    return False
