"""Kind `lost-apostrophe`: elided words run into the next one because the page lost its apostrophes.

A page that went through a tool dropping the typographic apostrophe (’) runs every elision
into the word after it: « lemployeur », « dautres », « jusquà », « Lorsquun ». Each such word
is next to unknown in French while the word after the elision is common. One of them alone
may be a name or a rare word that only looks so (« Lample », « lavant »), so the kind reports
only in a document holding several distinct ones: the damage is then the page's, not the
word's. The frequencies come from the cached wordfreq tables (`textlint.frequency`).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from textlint import frequency, regexes
from textlint.document import Document
from textlint.issues import Issue
from textlint.yamlrules.fields import Fields
from textlint.yamlrules.matching import unbudgeted
from textlint.yamlrules.rule import Header, Rule

# What ends the text before a capitalised word that starts a sentence: « Lorsquun employé… ».
_SENTENCE_END = tuple('.!?…:»"”\n')
_OPENING = ' \t\u00a0«"“'
_VOWELS = frozenset("aeiouyhàâäéèêëîïôöùûüœæ")
# The words of one or two letters an elision comes before (« jusqu’à », « d’un », « qu’il »):
# other short endings are abbreviations and names (« Ly », « daj »).
_SHORT_WORDS = frozenset(["à", "un", "en", "il", "on"])
APOSTROPHE = "’"


class LostApostropheRule(Rule):
    """Flags « lemployeur » for « l’employeur » in a document holding `min-words` such words."""

    def __init__(self, header: Header, fields: Fields) -> None:
        super().__init__(header)
        elisions = fields.string_list("elisions")
        if not elisions or any(not elision.isalpha() for elision in elisions):
            raise fields.error("elisions", "should list elided forms made of letters (« l », « qu »)")
        # The longest first: « jusquà » is « jusqu » + « à », not « j » + « usquà ».
        self.elisions = tuple(sorted({elision.casefold() for elision in elisions}, key=len, reverse=True))
        self.min_words = fields.integer("min-words", 3)
        self.max_glued = fields.zipf("max-glued", 3.0)
        self.min_word = fields.zipf("min-word", 3.0)
        self.margin = fields.zipf("margin", 2.0)
        # The candidates: words of letters, lower-case after the elision (its first letter may be
        # a capital), a word of three letters or more starting with a vowel or « h » after it (or
        # one of `_SHORT_WORDS`: « jusquà », « lorsquun »), not glued to an apostrophe, a hyphen, a
        # digit or code characters (« l’emploi », « porte-parole », identifiers). One scan finds
        # them; most words of a document are not candidates and are never looked up.
        elided = "|".join(regex.escape(elision) for elision in self.elisions)
        vowels = "".join(sorted(_VOWELS))
        short = "|".join(sorted(_SHORT_WORDS))
        self.candidates = regexes.compile(
            rf"\b(?<![\w'’\-@#/.\\_=])(?i:{elided})(?:[{vowels}][\p{{Ll}}\p{{M}}]{{2,}}|{short})"
            r"(?![\w'’\-@/\\_=])"
        )

    def find(self, doc: Document) -> Iterator[Issue]:
        text = doc.text
        cuts = self._cuts(set(self.candidates.findall(text)))
        if len({word.casefold() for word in cuts}) < self.min_words:
            return
        found = [
            match
            for match in self.candidates.finditer(text)
            if match.group() in cuts and (match.group()[0].islower() or _starts_sentence(text, match.start()))
        ]
        # Capitalised names not starting a sentence were left out: count again without them.
        if len({match.group().casefold() for match in found}) < self.min_words:
            return
        for match in found:
            word, cut = match.group(), cuts[match.group()]
            yield self.make_issue(doc, match.start(), match.end(), word[:cut] + APOSTROPHE + word[cut:])

    def _cuts(self, words: set[str]) -> dict[str, int]:
        """The words that read as an elision glued to a common word, each with where it splits."""
        with unbudgeted():  # frequency lookups, not regexes: not charged to the rule's time budget
            cuts = {word: self._cut(word) for word in words}
        return {word: cut for word, cut in cuts.items() if cut is not None}

    def _cut(self, word: str) -> int | None:
        folded = word.casefold()
        elision = next((e for e in self.elisions if folded.startswith(e) and len(folded) > len(e)), None)
        rest = folded[len(elision) :] if elision is not None else ""
        if not rest or rest[0] not in _VOWELS or (len(rest) < 3 and rest not in _SHORT_WORDS):
            return None
        glued = frequency.zipf(folded)
        if glued >= self.max_glued:
            return None
        after = frequency.zipf(rest)
        return len(folded) - len(rest) if after >= self.min_word and glued <= after - self.margin else None


def _starts_sentence(text: str, start: int) -> bool:
    head = text[max(0, start - 20) : start].rstrip(_OPENING)
    return head.endswith(_SENTENCE_END) or (not head and start <= 20)
