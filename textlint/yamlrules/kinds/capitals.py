"""Kinds `title-case` and `capitalised-noun`: English capitalisation carried into French.

English capitalises every word of a title (« Problèmes De Concurrence ») and machine
translation sometimes keeps a capital on a common noun (« le Superordinateur »). French
capitalises the first word of a title and names only. Both kinds prefer silence to a wrong
alarm: names the loaded entity registries know (the shipped ones and a newsroom's own, handed
over as the `Vocabulary`), the words listed in `keep` (the capitals French uses on purpose:
l’État, le Sénat, les Bleus) and names the document vouches for are left alone.
"""

from __future__ import annotations

import regex

from textlint.document import Document
from textlint.issues import Issue
from textlint.layout import heading_at
from textlint.names import WORD, capitalised, vouched_names
from textlint.yamlrules.fields import Fields
from textlint.yamlrules.kinds.phrase import Entry, PhraseRule
from textlint.yamlrules.rule import Header, Vocabulary

_DETERMINERS = (
    *("le", "la", "les", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette", "ces"),
    *("son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes"),
)
_ELIDED = frozenset({"l", "d", "j", "m", "n", "s", "t", "c", "qu"})
_LOWER = "abcdefghijklmnopqrstuvwxyzàâäéèêëîïôöùûüç"
_CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÂÄÉÈÊËÎÏÔÖÙÛÜÇŒÆ"
# Each determiner, after a space, and the capital after it is a literal phrase of the shared
# automaton, so the candidates cost no scan of their own; `_CANDIDATE` then confirms each one.
_PHRASES = tuple(
    [f" {det}{gap}{capital}" for det in _DETERMINERS for gap in (" ", "\u00a0") for capital in _CAPITALS]
    + [f" l{apostrophe}{capital}" for apostrophe in "'’" for capital in _CAPITALS]
)
# A lower-case determiner, then a capitalised word that is neither hyphenated, elided nor
# followed by another capitalised word (« la Federal Trade Commission » is a name).
_CANDIDATE = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}])(?:(?:{'|'.join(_DETERMINERS)})[ \u00a0]+|l['’])"
    r"(?P<word>\p{Lu}\p{Ll}[\p{Ll}\p{M}]+)(?![\p{L}\p{M}'’-])(?![ \u00a0]+\p{Lu})"
)


class TitleCaseRule(PhraseRule):
    """A heading whose function words and most other words carry a capital."""

    words = False  # phrases hold their own spaces
    uses_vocabulary = True

    def __init__(self, header: Header, fields: Fields, vocabulary: Vocabulary) -> None:
        super().__init__(header)
        self.names = vocabulary.names
        self.function_words = frozenset(w.lower() for w in fields.string_list("function-words"))
        self.keep = frozenset(fields.string_list("keep", ()))
        self.min_words: int = fields.integer("min-words", 3)
        self.min_ratio: float = fields.fraction("min-ratio", 0.75)
        # A capitalised function word after a word (« Problèmes De ») is a phrase of the
        # shared automaton: only the lines holding one are looked at.
        self.entries = tuple(Entry(phrase, None, ()) for phrase in _function_phrases(self.function_words))

    def issue_for(self, doc: Document, start: int, end: int, entry: Entry) -> Issue | None:
        heading = heading_at(doc, start)
        if heading is None:
            return None
        words = list(WORD.finditer(doc.text, *heading))
        if not self._title_case([match.group() for match in words]):
            return None
        fixed = _lower_words(doc.text, *heading, words[1:], self._names(doc), self.function_words)
        return self.make_issue(doc, *heading, fixed) if fixed != doc.text[slice(*heading)] else None

    def _names(self, doc: Document) -> frozenset[str]:
        """Words that keep their capital in `doc`, worked out once per document."""
        return vouched_names(doc) | self.keep | self.names

    def _title_case(self, words: list[str]) -> bool:
        rest = words[1:]
        if len(words) < self.min_words or not any(c.islower() for word in words for c in word):
            return False
        capitals = [word for word in rest if word[:1].isupper()]
        function_capitals = [word for word in capitals if word.lower() in self.function_words]
        return bool(function_capitals) and len(capitals) >= self.min_ratio * len(rest)


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
    """A capitalised word after a lower-case determiner, when it is a common noun.

    Evidence that it is one: the document writes the same word in lower case elsewhere, or
    it is listed in `nouns` (nouns machine translation is known to capitalise).
    """

    words = False  # the phrase ends inside the word (« le S » of « le Superordinateur »)
    uses_vocabulary = True

    def __init__(self, header: Header, fields: Fields, vocabulary: Vocabulary) -> None:
        super().__init__(header)
        self.names = vocabulary.names
        self.nouns = frozenset(word.lower() for word in fields.string_list("nouns", ()))
        self.keep = frozenset(fields.string_list("keep", ()))
        self.entries = tuple(Entry(phrase, None, ()) for phrase in _PHRASES)

    def issue_for(self, doc: Document, start: int, end: int, entry: Entry) -> Issue | None:
        match = _CANDIDATE.match(doc.text, start + 1)
        if match is None or match.group("word") in self.keep:
            return None
        word = match.group("word")
        start, end = match.span("word")
        if word.lower() not in self.nouns and not _written_in_lower_case(doc.text, word.lower()):
            return None
        if word in self.names or heading_at(doc, start) is not None:
            return None
        return self.make_issue(doc, start, end, word.lower())


def _written_in_lower_case(text: str, word: str) -> bool:
    """Whether `word` stands alone somewhere in `text` (a plain search: cheaper than words)."""
    position = text.find(word)
    while position >= 0:
        end = position + len(word)
        before = text[position - 1] if position else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or after.isalnum() or after in "-'’"):
            return True
        position = text.find(word, end)
    return False
