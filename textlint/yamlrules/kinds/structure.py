"""Kinds that look at a document's lines as a whole: a repeated paragraph, a sentence repeated
as a pull quote, a heading with nothing under it, a truncated ending.

Scraped articles often carry a paragraph twice (a teaser repeated in the body), a sentence of
the body again as a pull quote, the heading of a box whose content was not extracted, or stop
in the middle of a sentence (a paywall, a cut-off extraction); no pattern on a single match
sees it.
"""

from __future__ import annotations

from collections.abc import Iterator

import ahocorasick

from textlint import regexes
from textlint.document import Document
from textlint.frequency import starts_a_common_word, zipf
from textlint.issues import Issue
from textlint.layout import PARAGRAPH_END, LineKind, cut_short, lines
from textlint.yamlrules.fields import Fields
from textlint.yamlrules.rule import Header, Rule

_LAST_WORD = regexes.compile(r"\S+\s*$")
# A last line that is a contact, an address or a label with its value is a footer, not a cut
# sentence (« Contact presse : Léa Borel, presse@exemple.fr »).
_ADDRESS = regexes.compile(r"\S+@\S+\.\w+|https?://|www\.")
_FOOTER = regexes.compile(rf"{_ADDRESS.pattern}|^[^:]{{1,40}}\s:\s")
# Quotation marks and blanks around a pull quote, which the body writes without them.
_QUOTE_EDGES = " \t\u00a0\u202f«»“”\"'"
# A pull quote is a sentence or two; a longer paragraph is compared as a whole by duplicate-line.
_MAX_EXCERPT = 300
# A paragraph that is one quotation, from its opening mark to its closing one.
_WHOLE_QUOTATION = regexes.compile(r"«[^«»\n]+»|“[^“”\n]+”")
_SENTENCE_END = regexes.compile(r"[.!?…](?:[»”\"')\]]*)(?:\s|$)")
# What may stand before the first word of a credit line: « - Avec … », « (Avec AFP) ».
_LINE_OPENERS = " \t\u00a0-–—(["
# A signature closing the article, maybe after a dash: a name of two to four capitalised words,
# the first not in capitals (« Gilbert Dulac », « Jean-Paul de Rosny », « Khadija NDIAYE »:
# « ARTICLES CONNEXES » is a heading), with its outlet or initials after a slash.
_FIRST_NAME = r"\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)?"
_NAME_WORD = r"\p{Lu}(?:[\p{Ll}\p{M}'’]+|\p{Lu}+)(?:-\p{Lu}(?:[\p{Ll}\p{M}'’]+|\p{Lu}+))?"
# Other lines that close an article on purpose: an agency (« AFP », « /ATS »), its initials
# (« ats/fb », « afp/pza »),
# the source's web name alone (« Minute.bf »), an address with its telephone number (a review).
_SIGN_OFF = regexes.compile(
    # Initials, joined by slashes or, in the Swiss papers, after one with a plus (« /comm + fco »).
    r"[ \t(]*(?:/[ \t]*)?\p{Ll}{2,5}(?:[ \t]*[/+][ \t]*\p{Ll}{2,5})+[ \t)]*"
    r"|[ \t(/|]*(?:AFP|ATS|Keystone-ATS|Belga|Reuters|AP|MAP|APS|PC|QMI|ANP|DPA|AWP|Xinhua)[ \t)]*"
    r"|[ \t]*[\w-]+\.\p{Ll}{2,4}[ \t]*"
    r"|[^\n]*\b\d{3}[ .-]\d{3}[ .-]\d{4}\b[^\n]*"
    r"|[^\n]*\b0\d(?:[ .]\d{2}){4}\b[^\n]*"
    # Who spoke, under a quotation: a name in capitals, then a role (« GUY LAROCHE ATANGANA,
    # Promoteur de spectacle – Cameroun »).
    r"|[ \t]*\p{Lu}{2,}(?:[ \t'’-]+\p{Lu}{2,})+[ \t]*,[^\n]{2,80}"
    # A journalist's initials (« EFI »), maybe « pour » the outlet (« MH pour SOFOOT.com »).
    r"|[ \t]*(?:\p{Lu}\.?){2,4}(?:[ \t]+pour[ \t]+[^\n]{2,40})?[ \t]*"
    # A name with an initial, in any case (« Cheikh S. FALL », « CHEICKNA D. Salif »): headings
    # hold no initial.
    r"|[ \t–—-]*\p{Lu}[\p{L}\p{M}'’-]+(?:[ \t]+\p{Lu}\.)+[ \t]*\p{Lu}[\p{L}\p{M}'’-]+[ \t]*"
    # The source named after « Source : » (« Source : Défense nationale »).
    r"|[ \t]*(?:Source|Sources|Crédit|Crédits)[ \t\u00a0]*:[ \t\u00a0]*[^\n]{1,60}"
    # A photo credit (« © DR », « © Alain Wicht/La Liberté »).
    r"|[ \t]*(?:©|\(c\))[ \t\u00a0]*[^\n]{1,60}"
)
# The last entry of a list of figures (« Barrie Memorial: 240% ») or a rating (« Note : 4/5 »,
# « L’évaluation du woxx : XX »): data, not a heading.
_LIST_ENTRY = regexes.compile(
    r"[^\n:]{1,60}:[ \t\u00a0]*(?:[\d][\d \u00a0\u202f.,/]*[ \t\u00a0]*[%‰]?|[X★☆✩*]{1,6})[ \t]*"
)
# Practical information closing a review or an event (« Dès le 18 novembre », « Jusqu’au 3 mars
# au Grand Théâtre »): a date, not a heading.
_DATE_LINE = regexes.compile(
    r"[ \t]*(?:Dès|À partir|A partir|Jusqu|Du|Le|Les|En salles?|Sortie|Au cinéma|Sur)\b[^\n]{0,30}?"
    r"\b\d{1,2}(?:er)?[ \t\u00a0]+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre"
    r"|novembre|décembre)\b[^\n]{0,50}"
)
_PARTICLE = r"(?:de|du|da|di|van|von|le|la)[ \t]+"
_PLACE = r"\p{Lu}[\p{Ll}\p{M}'’-]+(?:[ \t-]+\p{Lu}[\p{Ll}\p{M}'’-]+)?"
# A first name given by its initials (« J.L Pradines », « J.-L. Roux »).
_INITIALS = r"\p{Lu}\.-?\p{Lu}\.?"
_SIGNATURE = regexes.compile(
    rf"[ \t|–—-]*(?:Par[ \t]+)?(?:{_FIRST_NAME}|{_INITIALS})(?:[ \t]+(?:{_PARTICLE})?{_NAME_WORD}){{1,3}}"
    # then the outlet or initials after a slash, the place after a comma (« , Abidjan »), or
    # the agency it wrote with (« Georges Dagou avec RFI »)
    rf"(?:[ \t]*/[ \t]*[^\n/]{{1,50}}|[ \t]*,[ \t]*{_PLACE}|[ \t]+avec[ \t]+[^\n]{{1,40}})?[ \t]*"
)
# A last line that is a sentence cut short: it opens on a subject pronoun (« Elles ferment
# également les portes… »), or ends on the stump of a word (« … à 1,1968 d », « Le mo ») or of a
# quotation (« "N »).
_CUT_SENTENCE = regexes.compile(
    r"(?m)^[ \t–—-]*(?:Il|Elle|Ils|Elles|On|Nous|Je|J['’])[ \t]+\p{Ll}|[ \t]\p{Ll}{1,2}$|[«\"“][ \t]*\p{Lu}?$"
)
# Credits after an article's last sentence: names, initials, outlets, each word capitalised
# but the particles of names, separated by commas, bars, slashes or dashes.
_CREDIT_WORD = regexes.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’-]*")
_CREDIT_PARTICLES = frozenset(
    ["de", "du", "da", "di", "van", "von", "le", "la", "et", "des", "avec", "reportage"]
)
_MAX_CREDIT_WORDS = 10
_CREDIT_OPENERS = "-–—/|("
_CREDIT_LEADS = frozenset(["Avec", "Par", "Source", "Sources"])
_INITIAL = regexes.compile(r"(?:^|[\s(])\p{Lu}\.$")
_NO_LIMIT = 1_000_000  # characters: `max-length` when a rule gives none
_MAX_CREDIT_LINE = 120  # characters: a longer line that opens like a credit is a paragraph
# A signature in capitals (« AYOBA FAYE »): two to four words that French rarely writes, where a
# heading in capitals is made of common words (« ARTICLES CONNEXES »).
_CAPITALS_NAME = regexes.compile(r"[ \t]*\p{Lu}{2,}(?:[ \t'’-]+\p{Lu}{2,}){1,3}[ \t]*")
_LETTERS = regexes.compile(r"\p{L}+")
# Sentences that open with a credit's first word (« Par ailleurs, 24 % des patients… », « Avec
# le temps, … »): prose, which a cut may end.
_PROSE_OPENING = regexes.compile(
    r"(?:Par[ \t]+(?:ailleurs|exemple|contre|conséquent|la[ \t]+suite|rapport|endroits|moments|chance|hasard|"
    r"ricochet|défaut)|Avec[ \t]+(?:ça|cela|le[ \t]+temps|raison))\b"
)
STUMP_ZIPF = 2.0  # a lower-case word rarer than this ending a last line: a word cut short
NAME_ZIPF = 4.0  # every word of a name in capitals is rarer than this in French (« MOUSSA » 3.5)


class DuplicateLineRule(Rule):
    """A paragraph (line) of at least `min-length` characters that appeared earlier, whole."""

    def __init__(self, header: Header, fields: Fields) -> None:
        super().__init__(header)
        self.min_length: int = fields.integer("min-length", 60)

    def find(self, doc: Document) -> Iterator[Issue]:
        seen: set[str] = set()
        offset = 0
        for line in doc.text.split("\n"):
            end = offset + len(line) + 1  # the line break goes with the line
            key = " ".join(line.split()) if len(line) >= self.min_length else ""
            if len(key) >= self.min_length:
                if key in seen:
                    # Removing the line with its break leaves the text as if it had never been pasted.
                    yield self.make_issue(doc, offset, min(end, len(doc.text)), "")
                seen.add(key)
            offset = end


class TruncatedEndingRule(Rule):
    """A document whose last line is long prose without final punctuation: it was cut off."""

    def __init__(self, header: Header, fields: Fields) -> None:
        super().__init__(header)
        self.min_length: int = fields.integer("min-length", 40)
        self.endings: str = fields.string("endings", '.!?…»"”)]:;|`*_>')
        # How the lines that close an article on purpose begin (see `closes_on_purpose`).
        self.closing: tuple[str, ...] = fields.string_list("closing", ())

    def find(self, doc: Document) -> Iterator[Issue]:
        body = doc.text.rstrip()
        last = body[body.rfind("\n") + 1 :]
        if not last or last[-1] in self.endings or _FOOTER.search(last):
            return
        if closes_on_purpose(last, self.closing):
            return
        # A short last line is a heading or a caption, unless it stops in the middle of a word.
        if len(last) < self.min_length and not _ends_on_a_stump(last):
            return
        if _signed(last):
            return
        word = _LAST_WORD.search(last)
        # A text with no finished sentence at all is a title or a caption, not a cut article.
        if word is not None and _SENTENCE_END.search(body):
            start = len(body) - len(last) + word.start()
            yield self.make_issue(doc, start, len(body), None)


class RepeatedExcerptRule(Rule):
    """A paragraph of at least `min-length` characters, ending like a sentence, that another,
    longer paragraph of the document holds word for word: a pull quote (« exergue ») the
    extraction kept in the text.

    The candidate sentences are the phrases of one Aho–Corasick automaton, so every paragraph
    is scanned once, whatever the size of the document (a short one searches each paragraph
    for each candidate instead). Paragraphs are compared as written:
    extraction copies the sentence, spaces included.
    """

    def __init__(self, header: Header, fields: Fields) -> None:
        super().__init__(header)
        self.min_length: int = fields.integer("min-length", 30)

    def find(self, doc: Document) -> Iterator[Issue]:
        found = _body_lines(doc)
        texts = [doc.text[start:end] for start, end in found]
        candidates = {
            i: e for i, text in enumerate(texts) if text[-1] in PARAGRAPH_END and (e := self._excerpt(text))
        }
        if not candidates:
            return
        # Only a paragraph longer than a candidate's own can hold it.
        shortest = min(len(texts[i]) for i in candidates)
        longer = [text for text in texts if len(text) > shortest]
        longest = _longest_holding(set(candidates.values()), longer)
        for i, excerpt in candidates.items():
            if longest.get(excerpt, 0) > len(texts[i]):
                start, end = found[i]
                yield self.make_issue(doc, start, _line_end(doc.text, end), "")

    def _excerpt(self, text: str) -> str:
        """The sentence a paragraph may repeat, without its quotation marks; "" if it is too
        short, or too long to be a pull quote (a sentence or two). A paragraph that is one
        whole quotation counts without a final stop: the body quotes it before « , a-t-il
        dit »."""
        excerpt = text.strip(_QUOTE_EDGES)
        fits = self.min_length <= len(excerpt) <= _MAX_EXCERPT
        quoted = _WHOLE_QUOTATION.fullmatch(text) is not None
        return excerpt if fits and (quoted or excerpt[-1] in ".!?…") else ""


class TrailingHeadingRule(Rule):
    """The last line of a document is a heading: the box it titled was not extracted (« À
    lire aussi », a related-content teaser), or its section is empty."""

    def __init__(self, header: Header, fields: Fields) -> None:
        super().__init__(header)
        # How the lines that close an article on purpose begin: credits (« Avec AFP »,
        # « Propos recueillis par … »), sources.
        self.closing: tuple[str, ...] = fields.string_list("closing", ())
        # A last line longer than this is a sentence cut short, which scrape.truncated-ending
        # reports, not a heading.
        self.max_length: int = fields.integer("max-length", _NO_LIMIT)

    def find(self, doc: Document) -> Iterator[Issue]:
        # Most documents end with a finished sentence: the layout is not worked out for them.
        if not cut_short(doc.text):
            return
        found = lines(doc)
        if len(found) < 2 or found[-1].kind is not LineKind.HEADING:
            return
        last = found[-1]
        if last.end - last.start > self.max_length:
            return
        line = doc.text[last.start : last.end]
        if closes_on_purpose(line, self.closing):
            return
        # A sentence cut short is no heading: scrape.truncated-ending reports the cut.
        if _CUT_SENTENCE.search(doc.text, last.start, last.end) or _ends_on_a_stump(line):
            return
        yield self.make_issue(doc, last.start, last.end, None)


def closes_on_purpose(line: str, openers: tuple[str, ...]) -> bool:
    """Whether the last line of an article closes it on purpose, whatever its punctuation: a
    contact (e-mail, web address), a signature, an agency or its initials, a credit or a source,
    a name in capitals, the last entry of a list of figures, a date line (« Dès le 18
    novembre »), or a line that begins like a credit (the rule's `closing` openers: « Avec AFP »,
    « Propos recueillis par … »)."""
    if _ADDRESS.search(line) or _SIGNATURE.fullmatch(line) or _SIGN_OFF.fullmatch(line):
        return True
    if _name_in_capitals(line) or _LIST_ENTRY.fullmatch(line) or _DATE_LINE.fullmatch(line):
        return True
    opening = line.lstrip(_LINE_OPENERS)
    # False when `openers` is empty; a paragraph that opens like a credit is prose.
    credit = len(opening) <= _MAX_CREDIT_LINE and not _PROSE_OPENING.match(opening)
    return credit and opening.startswith(openers)


def _signed(line: str) -> bool:
    """Whether a last line ends with a finished sentence and, on the same line, the credit that
    closes the article: a signature (« … québécois. - Marc Cassivi »), an agency (« … la SNCB.
    -Belga- », « … 28,59 %. /ATS », « … Avec APS »), a television report's credits (« … de
    pêche. TF1 | Reportage C. Ebrel, J. Denniel »)."""
    # The last sentence's end, not an initial's period (« … selon M. Dupont » is cut short).
    ends = [end for end in _SENTENCE_END.finditer(line) if not _INITIAL.search(line, 0, end.start() + 1)]
    if not ends:
        return False
    tail = line[ends[-1].end() :]
    if _SIGN_OFF.fullmatch(tail):
        return True
    words = _CREDIT_WORD.findall(tail)
    if not words or len(words) > _MAX_CREDIT_WORDS or not all(_credit_word(word) for word in words):
        return False
    if tail.lstrip()[:1] in _CREDIT_OPENERS:
        return True  # set apart by a dash, a slash or a bar (« - Marc Cassivi », « -Belga- »)
    # Names and outlets, not the first words of a sentence cut short (« Météo Fra », « A Ale »,
    # « Cette »): two words at least, the first an acronym, an outlet or a rare word.
    named = words[1:] if words[0] in _CREDIT_LEADS else words
    first = named[0] if named else ""
    outlet = any(char.isdigit() for char in first) or (len(first) > 1 and first.isupper())
    return len(words) > 1 and (outlet or (bool(first) and zipf(first.lower()) < NAME_ZIPF))


def _credit_word(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit() or word in _CREDIT_PARTICLES


def _ends_on_a_stump(line: str) -> bool:
    """Whether the line ends on the stump of a word: a lower-case word French barely writes that
    begins a common one (« L'entreprise a par aill », « Les équip »): a text cut in the middle of
    a word. « Noticias relacionadas » ends on a foreign word, no stump."""
    words = _LETTERS.findall(line)
    if len(words) < 2 or not words[-1].islower() or zipf(words[-1]) >= STUMP_ZIPF:
        return False
    return starts_a_common_word(words[-1])


def _name_in_capitals(line: str) -> bool:
    if not _CAPITALS_NAME.fullmatch(line):
        return False
    return all(zipf(word.lower()) < NAME_ZIPF for word in _LETTERS.findall(line))


# Up to this many (excerpt, paragraph) pairs, each excerpt is searched for in each paragraph;
# beyond, one automaton scans every paragraph once. A news article has a few of each, and
# building an automaton costs more than a few substring searches.
_DIRECT_SEARCHES = 64


def _longest_holding(excerpts: set[str], texts: list[str]) -> dict[str, int]:
    """The length of the longest of `texts` holding each excerpt that one holds."""
    longest: dict[str, int] = {}
    if len(excerpts) * len(texts) <= _DIRECT_SEARCHES:
        for excerpt in excerpts:
            for text in texts:
                if excerpt in text:
                    longest[excerpt] = max(longest.get(excerpt, 0), len(text))
        return longest
    automaton = ahocorasick.Automaton()
    for excerpt in excerpts:
        automaton.add_word(excerpt, excerpt)
    automaton.make_automaton()
    for text in texts:
        for _, excerpt in automaton.iter(text):
            longest[excerpt] = max(longest.get(excerpt, 0), len(text))
    return longest


def _body_lines(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of the non-blank lines after the first (a headline), outside headings,
    without their edge blanks."""
    found = []
    position = 0
    for raw in doc.text.split("\n"):
        content = raw.strip()
        if content and (doc.regions is None or doc.scope_at(position) != "heading"):
            start = position + raw.find(content[0])
            found.append((start, start + len(content)))
        position += len(raw) + 1
    return found[1:]


def _line_end(text: str, end: int) -> int:
    """The end of a line with its line break, so that removing it leaves no blank line behind."""
    return end + 1 if text[end : end + 1] == "\n" else end
