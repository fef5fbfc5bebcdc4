"""Kind `foreign-word`: one word left in the source language inside French prose.

Machine translation leaves single words of the source behind (Portuguese « torcida »,
Spanish « concejal », Italian « integrazione »), which no run-of-words detector sees: one word
is too short for language identification. Word frequencies tell them apart instead: such a
word is next to unknown in French and common in the source language, and professionally
edited French writes foreign words only in quotations, italics and names, which are never
examined. Both frequencies come from the cached wordfreq tables (`textlint.frequency`); the
source languages are looked up only for the few words French does not know.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from textlint import frequency, regexes
from textlint.document import Document
from textlint.issues import Issue
from textlint.yamlrules.fields import Fields
from textlint.yamlrules.kinds.language import skipped_spans
from textlint.yamlrules.matching import unbudgeted
from textlint.yamlrules.rule import Header, Rule

NAMES = {"en": "anglais", "it": "italien", "es": "espagnol", "pt": "portugais", "de": "allemand"}
# A lower-case word of letters, not glued to an apostrophe, a hyphen, a digit or code
# characters: « porte-parole » halves, elided words and identifiers are not words of a language.
_WORD = regexes.compile(r"(?<![\w'’\-@#/.\\_=])\p{Ll}[\p{Ll}\p{M}]+(?![\w'’\-@/\\_=])")
# « irradia », « saqué »: the simple past (3rd person) and the participle of a French verb in
# -er are rarer in wordfreq's French than the verb itself, and « irradia » is also Italian.
_VERB_ENDING = regexes.compile(r"(?:a|èrent|é|ée|és|ées)$")
MIN_VERB = 2.0  # the verb's own frequency: once in ten million words of French
# « Garcinia cambogia », « Xylella fastidiosa »: the epithet of a Latin species name follows
# its genus, a capitalised Latin word French does not use on its own.
_GENUS = regexes.compile(r"(?<![\w'’\-])\p{Lu}\p{Ll}{2,}(?:a|us|um|is|es|ae|on|ops|ix|ex)[ \u00a0]$")
MAX_GENUS = 2.5
# « En langage jeans, on dit cropped », « le terme scrolling », « on les appelle les garimpeiros »:
# a word cited as a word.
_CITED = regexes.compile(
    r"\b(?:on\s+dit|on\s+parle\s+de|appel(?:é|ée|és|ées|le|lent)|surnomm(?:é|ée|és|ées)|le\s+terme|le\s+mot|"
    r"l['’]expression|en\s+anglais|dits?|dites?)"
    # « on les appelle les garimpeiros »: the name given, after its article.
    r"(?:\s+(?:les?|la|l['’]|des|un|une))?[ \t\u00a0:«\"“]*$",
    regex.IGNORECASE,
)

# « l'ONG Christian Aid ministries », « la Cassa depositi e prestiti »: after two capitalised
# words, a word in lower case is the rest of the name, written as its owner writes it.
_NAME_BEFORE = regexes.compile(r"(?:\p{Lu}[\p{L}\p{M}]+[ \u00a0]+){2}$")


@lru_cache(maxsize=8)
def _long_words(letters: int) -> regex.Pattern[str]:
    """The words of `_WORD` of at least `letters` letters, found faster: the same matches, since
    a word is matched whole or not at all (what follows a shorter part is a letter, which the
    lookahead refuses), and `\\b` only restates the lookbehind, for a quicker scan."""
    return regexes.compile(
        rf"\b(?<![\w'’\-@#/.\\_=])\p{{Ll}}[\p{{Ll}}\p{{M}}]{{{max(letters, 2) - 1},}}+(?![\w'’\-@/\\_=])"
    )


class ForeignWordRule(Rule):
    """Flags a lower-case word French barely knows that a source language uses commonly."""

    template_names = frozenset({"language"})

    def __init__(self, header: Header, fields: Fields) -> None:
        super().__init__(header)
        self.languages: tuple[str, ...] = fields.string_list("languages", ("en", "it", "es", "pt"))
        unknown = [code for code in self.languages if code not in NAMES]
        if unknown or not self.languages:
            raise fields.error("languages", f"should be among {', '.join(NAMES)}, not {unknown[:1]}")
        self.min_letters: int = fields.integer("min-letters", 5)
        self.max_french: float = fields.zipf("max-french", 1.5)
        self.min_source: float = fields.zipf("min-source", 2.5)

    def find(self, doc: Document) -> Iterator[Issue]:
        text = doc.text
        # Two passes over the words rather than a list of their matches: a document of 50 MB
        # has millions of words and a few thousand distinct ones. The first pass needs only
        # their strings (no match objects: it runs on every document).
        words = set(_long_words(self.min_letters).findall(text))
        sources = self._sources(words)
        if not sources:
            return
        skipped = skipped_spans(doc, 0, len(text))
        # A text cut in the middle of its last word (« … de leur contributi ») ends on a stump
        # of a French word, which scrape.truncated-ending reports.
        last = len(text.rstrip())
        for match in _WORD.finditer(text):
            language = sources.get(match.group())
            if (
                language is None
                or match.end() == last
                or any(start <= match.start() < end for start, end in skipped)
                or _species_epithet(text, match.start())
                or _CITED.search(text, max(0, match.start() - 40), match.start())
                or _NAME_BEFORE.search(text, max(0, match.start() - 60), match.start())
            ):
                continue
            fields = {"language": NAMES[language]}
            yield self.make_issue(doc, match.start(), match.end(), None, fields=fields)

    def _sources(self, words: set[str]) -> dict[str, str]:
        """The words French barely knows, each with the reported language that writes it commonly.

        A lookup is not a regex: building a language's table on first use (seconds, once per
        machine) is not charged to the rule's time budget.
        """
        with unbudgeted():
            rare = [
                word
                for word in words
                if frequency.zipf(word, "fr") < self.max_french and not _form_of_a_french_verb(word)
            ]
            found = {word: self._source_of(word) for word in rare}
        return {word: language for word, language in found.items() if language is not None}

    def _source_of(self, word: str) -> str | None:
        """The reported language that writes `word` most often, if it writes it commonly."""
        best = max(self.languages, key=lambda code: frequency.zipf(word, code))
        return best if frequency.zipf(word, best) >= self.min_source else None


def _form_of_a_french_verb(word: str) -> bool:
    """« irradia » (irradier), « saqué » (saquer): a form of a French verb in -er in use."""
    ending = _VERB_ENDING.search(word)
    return ending is not None and frequency.zipf(word[: ending.start()] + "er", "fr") >= MIN_VERB


def _species_epithet(text: str, start: int) -> bool:
    """Whether the word at `start` follows a Latin genus name (« Garcinia cambogia »)."""
    genus = _GENUS.search(text, max(0, start - 40), start)
    return genus is not None and frequency.zipf(genus.group().rstrip().lower(), "fr") < MAX_GENUS
