"""Kind `language`: a run of words in another language left untranslated inside French text.

Machine translation sometimes leaves a clause in English (or Italian, Spanish, German). The
statistical detector (lingua) is accurate on a few words but costs seconds to load its
models, so it runs only on candidate runs that a cheap prefilter found: several words in a
row with no French mark (no letter only French uses, no elision, no French-only function
word), outside quotations, names, code and URLs, and holding at least one function word of a
reported language. The detector is built once per process, on the first candidate.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from textlint import langid, regexes
from textlint.document import Document
from textlint.issues import Issue
from textlint.yamlrules.fields import Fields
from textlint.yamlrules.kinds.phrase import Entry, PhraseRule
from textlint.yamlrules.matching import unbudgeted
from textlint.yamlrules.rule import Header


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words frequent in each language and never written as French words, so one of
# them in a run is a sign worth asking the detector about.
MARKERS: dict[str, frozenset[str]] = {
    "en": _words(
        "the of and is are was were with for that this these those which will would have has had "
        "been be it its you we they our your their not from by at into what when who "
        "there here can could should about than then them him her his my does did"
    ),
    "it": _words(
        "di che della delle dello degli gli sono è anche questo questa per nel nella alla "
        "molto come essere stato più ha hanno nulla niente nei dei dal sul quale quanto "
        "secondo potuto fatto sempre ancora dopo però perché già così"
    ),
    "es": _words(
        "el los las del una con para por pero muy está como cuando esta este hay sus también ser más "
        "según sobre fue han había sido porque después todavía"
    ),
    "de": _words(
        "der die das und ist nicht mit von zu auf für ein eine einen den dem sich wir ich sie "
        "auch wird sind war noch nur über"
    ),
}
NAMES = {"en": "anglais", "it": "italien", "es": "espagnol", "de": "allemand"}

# Frequent words only French writes: they end a candidate run. Words French shares with a
# reported language (« a », « un », « es », « y ») stay, and are no markers either.
_FRENCH_WORDS = _words(
    "le la les des du au aux et est sont une dans pour avec sur pas ne ni ou où qui que quoi "
    "ce cet cette ces il ils elle elles nous vous je tu leur leurs mais donc car aussi très plus "
    "été être avait avoir fait selon entre vers chez sans sous lors dont comme puis depuis pendant "
    "devant derrière avant après encore toujours jamais ainsi alors cependant lorsque quand"
)
_FRENCH_LETTERS = regexes.compile(r"[âêîôûëïÿçœæÂÊÎÔÛËÏŸÇŒÆ]")
_ELISION = regexes.compile(r"(?i)(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’]")
_WORD = regexes.compile(r"\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*")
# What may stand between two words of one run: blanks only; any punctuation ends a run.
_GAP = regexes.compile(r"[ \t\u00a0\u202f]+")
# Stretches never examined: quotations, inline code, URLs and e-mail addresses.
_SKIPPED = regexes.compile(
    r"«[^»\n]*»|“[^”\n]*”|\"[^\"\n]*\"|`[^`\n]*`|\b(?:https?://|www\.)\S+|\S+@\S+\.\w+|\*[^*\n]+\*|_[^_\n]+_"
)
# Quotation openers and their closers; a quoted sentence ends with a stop and closing marks.
_QUOTATIONS = {"«": "»", "“": "”"}
_QUOTED_SENTENCE = regexes.compile(r"[^\s.!?…][^.!?…]*[.!?…]*")
# A sentence left in another language inside a French quotation: as short as « I can't
# believe it. », but not a word or two of code-switching.
_MIN_QUOTED_WORDS = 3
_MIN_FRENCH_WORDS = 5
# A word glued to one of these is part of code, a path or markup.
_CODE_NEIGHBOURS = set("/\\=_{}<>[]#@$|~^*+`")


class _Word(NamedTuple):
    start: int
    end: int
    text: str


class LanguageRule(PhraseRule):
    """Flags a run of at least `min-words` words the detector gives to one of `languages`."""

    words = False  # the marker phrases carry their own spaces

    template_names = frozenset({"language"})

    def __init__(self, header: Header, fields: Fields) -> None:
        super().__init__(header)
        self.languages: tuple[str, ...] = fields.string_list("languages", ("en",))
        unknown = [code for code in self.languages if code not in MARKERS]
        if unknown or not self.languages:
            raise fields.error("languages", f"should be among {', '.join(MARKERS)}, not {unknown[:1]}")
        self.min_words: int = fields.integer("min-words", 4)
        self.min_confidence: float = fields.fraction("min-confidence", 0.5)
        self.markers = frozenset().union(*(MARKERS[code] for code in self.languages))
        # The markers are phrases of the shared automaton: a line is looked at only when it
        # holds one.
        # Written between spaces so that « is » never hits inside « avis »: a hit in the
        # middle of a word would cost a boundary check, and French has many.
        self.entries = tuple(Entry(f" {marker} ", None, ()) for marker in sorted(self.markers))
        # A quotation opener is a phrase too: a French quotation may hold a sentence left in
        # the speaker's language (« … I can't believe it. Quand j'étais enfant… »).
        self.entries += tuple(Entry(opener, None, ()) for opener in _QUOTATIONS)

    def issue_for(self, doc: Document, start: int, end: int, entry: Entry) -> Issue | None:
        """The fragment holding the marker found (with its spaces) at [start, end), if any."""
        if entry.phrase in _QUOTATIONS:
            return self._quoted_sentence(doc, start, _QUOTATIONS[entry.phrase])
        start, end = start + 1, end - 1
        for first, last, language in self._line_fragments(doc, start):
            if first <= start and end <= last:
                return self.make_issue(doc, first, last, None, fields={"language": NAMES[language]})
        return None

    def _quoted_sentence(self, doc: Document, opener: int, closer: str) -> Issue | None:
        """A whole sentence in a reported language inside a quotation whose other sentences are
        French: a quotation in a foreign language is deliberate, a sentence of it left among
        French ones is not."""
        text = doc.text
        line_end = text.find("\n", opener)
        close = text.find(closer, opener + 1, len(text) if line_end < 0 else line_end)
        if close < 0:
            return None
        sentences = [m.span() for m in _QUOTED_SENTENCE.finditer(text, opener + 1, close)]
        foreign = [(first, last) for first, last in sentences if self._may_be_foreign(text[first:last])]
        if not foreign or len(sentences) < 2:
            return None
        found = [(span, self._language_of(text[slice(*span)])) for span in sentences]
        french = sum(len(_WORD.findall(text[slice(*span)])) for span, language in found if language == "fr")
        # The quotation must be French at heart: a word of thanks in French closing an
        # English quotation (« …we've ever played for. Merci beaucoup! ») is the speaker's.
        if french < _MIN_FRENCH_WORDS or french <= sum(len(_WORD.findall(text[a:b])) for a, b in foreign):
            return None
        for (first, last), language in found:
            if language in self.languages and (first, last) in foreign:
                return self.make_issue(doc, first, last, None, fields={"language": NAMES[language]})
        return None

    def _may_be_foreign(self, sentence: str) -> bool:
        words = _WORD.findall(sentence)
        return len(words) >= _MIN_QUOTED_WORDS and any(word.lower() in self.markers for word in words)

    def _language_of(self, sentence: str) -> str | None:
        """The detector's language for a sentence, when confident; None otherwise."""
        code, confidence = _best_guess(sentence)
        if confidence < self.min_confidence:
            return None
        words = _WORD.findall(sentence)
        return code if code == "fr" or all(_written_in(word, code) for word in words) else None

    def _line_fragments(self, doc: Document, offset: int) -> list[tuple[int, int, str]]:
        """(start, end, language) of the fragments on the line of `offset`, worked out once per
        line for the line's other markers."""
        text = doc.text
        line_start = text.rfind("\n", 0, offset) + 1
        line_end = text.find("\n", offset)
        line_end = len(text) if line_end < 0 else line_end
        return doc.memo(
            f"{self.id}:{line_start}",
            lambda: [
                (run[first].start, run[last].end, language)
                for run in self._runs(doc, line_start, line_end)
                for first, last, language in self._fragments(text, run)
                if not _title_of_a_work(text, run[first : last + 1])
            ],
        )

    def _fragments(self, text: str, run: list[_Word]) -> Iterator[tuple[int, int, str]]:
        """(first, last, language) of the longest foreign windows of a run, left to right.

        A run often holds French words the prefilter could not rule out (« depuis lundi »),
        which drown the foreign part: the longest window the detector gives to a reported
        language is the fragment, without French edge words, and the words on each side are
        searched again.
        """
        for size in range(len(run), self.min_words - 1, -1):
            for first in range(len(run) - size + 1):
                found = self._judge(text, run[first : first + size])
                if found is not None:
                    left, right = self._trim(run, first, first + size - 1, found[0])
                    yield from self._fragments(text, run[:left])
                    yield left, right, found[0]
                    for start, end, other in self._fragments(text, run[right + 1 :]):
                        yield start + right + 1, end + right + 1, other
                    return

    def _trim(self, run: list[_Word], first: int, last: int, language: str) -> tuple[int, int]:
        """Drop edge words the detector, word by word, does not give to the fragment's language
        (« selon », « depuis », « relu », « hier » at the edge of an English fragment).

        A marker is never dropped: it is the reason the run was looked at. A fragment keeps at
        least `min-words` words.
        """
        while last - first + 1 > self.min_words and self._stray_edge(run[last], language):
            last -= 1
        while last - first + 1 > self.min_words and self._stray_edge(run[first], language):
            first += 1
        return first, last

    def _stray_edge(self, word: _Word, language: str) -> bool:
        if word.text.lower() in self.markers:
            return False
        return _word_language(word.text) != language

    def _judge(self, text: str, window: list[_Word]) -> tuple[str, float] | None:
        """The reported language of a window holding a marker, and the detector's confidence."""
        if not any(word.text.lower() in self.markers for word in window):
            return None
        code, confidence = _best_guess(text[window[0].start : window[-1].end])
        if code not in self.languages or confidence < self.min_confidence:
            return None
        # A word the language cannot write (« publié » among English words) is French left
        # in the window: a smaller window without it is tried next.
        if not all(_written_in(word.text, code) for word in window):
            return None
        return code, confidence

    def _runs(self, doc: Document, start: int, end: int) -> Iterator[list[_Word]]:
        text = doc.text
        skipped = skipped_spans(doc, start, end)
        words = [_Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]
        joined = [
            i > 0 and _GAP.fullmatch(text, words[i - 1].end, w.start) is not None for i, w in enumerate(words)
        ]
        run: list[_Word] = []
        for index, word in enumerate(words):
            usable = self._foreign_looking(text, word) and not _in_name(words, joined, index)
            usable = usable and not any(s_start <= word.start < s_end for s_start, s_end in skipped)
            if not (usable and joined[index]):
                yield from self._worth_asking(run)
                run = []
            if usable:
                run.append(word)
        yield from self._worth_asking(run)

    @staticmethod
    def _foreign_looking(text: str, word: _Word) -> bool:
        """No French mark on `word`, and not glued to code or markup."""
        if word.text.lower() in _FRENCH_WORDS or _FRENCH_LETTERS.search(word.text):
            return False
        if _ELISION.match(word.text) or (len(word.text) > 1 and word.text.isupper()):
            return False
        before = text[word.start - 1] if word.start > 0 else " "
        after = text[word.end] if word.end < len(text) else " "
        return before not in _CODE_NEIGHBOURS and after not in _CODE_NEIGHBOURS

    def _worth_asking(self, run: list[_Word]) -> Iterator[list[_Word]]:
        """A run long enough, holding a function word of a reported language."""
        if len(run) >= self.min_words and any(word.text.lower() in self.markers for word in run):
            yield run


def skipped_spans(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of [start, end) where foreign words are deliberate: quotations, code,
    addresses, and the italics a front end saw (Markdown `*…*`, HTML `<i>`, `<cite>`: titles
    of works)."""
    skipped = [match.span() for match in _SKIPPED.finditer(doc.text, start, end)]
    emphasis = [(span.start, span.end) for span in doc.emphasis if span.start < end and start < span.end]
    return skipped + emphasis


# The letters beyond a–z each reported language writes.
_ALPHABETS = {"en": "", "it": "àèéìíîòóùú", "es": "áéíñóúü", "de": "äöüß"}


def _written_in(word: str, language: str) -> bool:
    """Whether every letter of `word` belongs to the language's alphabet."""
    letters = _ALPHABETS[language]
    return all(char.isascii() or char.lower() in letters for char in word if char.isalpha())


# Lower-case words that join the capitalised words of one name (« Royal College of Nursing »,
# « Banca d'Italia », « Universidad de Chile », the offer « Red by SFR »), one or two in a row
# (« Ursula von der Leyen »).
_NAME_LINKS = frozenset(
    {"of", "and", "for", "the", "on", "de", "di", "del", "della", "da", "do", "dos", "y"}
    | {"von", "van", "der", "den", "by"}
)
_MAX_LINKS = 2


def _in_name(words: list[_Word], joined: list[bool], index: int) -> bool:
    """Capitalised words in a row, or joined by one or two linking words, are a name (« Federal
    Trade Commission », « Royal College of Nursing », « Mme von der Leyen »)."""

    def capital(i: int) -> bool:
        return 0 <= i < len(words) and words[i].text[0].isupper()

    def link(i: int) -> bool:
        return 0 <= i < len(words) and words[i].text in _NAME_LINKS

    def reaches_capital(i: int, step: int) -> bool:
        """From words[i], adjacent words in direction `step` reach a capitalised word after at
        most `_MAX_LINKS` linking words."""
        for _ in range(_MAX_LINKS + 1):
            j = i + step
            if not (0 <= j < len(words) and joined[max(i, j)]):
                return False
            if capital(j):
                return True
            if not link(j):
                return False
            i = j
        return False

    if link(index):
        return reaches_capital(index, -1) and reaches_capital(index, 1)
    return capital(index) and (reaches_capital(index, -1) or reaches_capital(index, 1))


# « A mile in my shoes de Saïd Khallaf »: a title followed by its author.
_AUTHOR_AFTER = regexes.compile(r"[ \t\u00a0]+(?:de|d['’])[ \t\u00a0]*\p{Lu}")
# « la série originale anglaise Come dine with me »: the kind of work just before its title.
_WORK_BEFORE = regexes.compile(
    r"\b(?:série|film|émission|album|chanson|titre|livre|roman|jeu|podcast|spectacle|documentaire|"
    r"programme|tube|single|show|sitcom|pièce|saga|feuilleton|concept)s?(?:[ \t\u00a0]+\p{Ll}+){0,3}"
    r"[ \t\u00a0]*[:«\"“]?[ \t\u00a0]*$"
)
# « NRJ in the Park »: the word just before, in capitals or capitalised, starts the name.
_NAME_BEFORE = regexes.compile(r"(?:\p{Lu}{2,}|\p{Lu}\p{Ll}+)[ \t\u00a0]$")
_LONG_WORD = 4
# « repris en chœur Fly me to the moon », « enchaîne avec Ma il cielo è sempre più blu »: a
# capital in the middle of a clause (after a word in lower case), on the fragment's first word
# or on one of the two words before it, starts a title. A sentence left untranslated starts
# after a stop, a colon, a comma or « que ».
_CAPITAL_IN_CLAUSE = regexes.compile(
    r"(?<=\b\p{Ll}+[ \t\u00a0]+)(?<!\bque[ \t\u00a0]+)(?!I\b)\p{Lu}[\p{L}\p{M}'’]*"
    r"(?:[ \t\u00a0]+[\p{L}\p{M}'’]+){0,2}$"
)


def _title_of_a_work(text: str, fragment: list[_Word]) -> bool:
    """An English title or name in a French sentence, which the press writes in plain text
    (a series, a film, a song, a festival): in title case (« This is Going to Hurt »), followed
    by its author (« A mile in my shoes de Saïd Khallaf »), after the kind of work it is (« la
    série Come dine with me »), continuing a name with a capitalised word of its own (« NRJ in
    the Park »), or opened by a capital in the middle of a French clause (« a repris Fly me to
    the moon »). Machine translation leaves sentences, in sentence case, with no author and no
    name around them."""
    capitals = sum(1 for word in fragment if word.text[0].isupper())
    if fragment[0].text[0].isupper() and 2 * capitals >= len(fragment):
        return True
    # Title case leaves the short words in lower case (« I've got the World on a String »).
    long_words = [word.text[0].isupper() for word in fragment[1:] if len(word.text) >= _LONG_WORD]
    if fragment[0].text[0].isupper() and sum(long_words) >= 2 and 2 * sum(long_words) >= len(long_words):
        return True
    if _AUTHOR_AFTER.match(text, fragment[-1].end):
        return True
    if _WORK_BEFORE.search(text, max(0, fragment[0].start - 60), fragment[0].start):
        return True
    if _CAPITAL_IN_CLAUSE.search(text, max(0, fragment[0].start - 60), fragment[0].end):
        return True
    before = _NAME_BEFORE.search(text, max(0, fragment[0].start - 40), fragment[0].start)
    return before is not None and capitals > 0


# The detector is not a regex: the time it takes (models loading on first use) is not
# charged to the rule's time budget.
def _best_guess(text: str) -> tuple[str, float]:
    with unbudgeted():
        return langid.best_guess(text)


def _word_language(word: str) -> str | None:
    with unbudgeted():
        return langid.word_language(word)
