"""Precision guards: the stretches of a document where typography rules must not report.

A colon in « NASDAQ: NVDA », a hyphen in « 3-1 », dots in « 3.12.1 » or « 0x1F » are not
French punctuation; a headline or a caption is not a sentence. Every rule names, in its
header (or its rule set's), the guards that apply to it; the spans of every guard are worked
out once per document, through `Document.memo`, and shared by all rules and threads.

Two families of guards:

- span guards: protected stretches of text (URLs, e-mail addresses, handles, code…); an issue
  that overlaps one is dropped;
- line guards (`heading`, `caption`, `fragment`): an issue on a line of that kind
  (see `textlint.layout`) is dropped.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from functools import cached_property

import regex

from textlint import regexes
from textlint.document import Document
from textlint.layout import LineKind, kind_at

_ENGLISH_WORDS = (
    r"the|and|is|are|was|were|you|we|they|of|to|with|this|that|have|has|will|not|it|my|your|our"
    r"|don't|don’t|i'm|i’m|we're|we’re|it's|it’s|what|for|be|yes|just|can|all|get|back"
)


# Each span guard is one regular expression; what it matches is protected.
class Expression:
    """A guard's regular expression, compiled when first used: compiling them all costs more
    than a short document's whole check, and most documents need few of them (see `CLUES`)."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags

    @cached_property
    def compiled(self) -> regex.Pattern[str]:
        return regexes.compile(self.source, self.flags)


SPAN_GUARDS: Mapping[str, Expression] = {
    "url": Expression(
        r"(?:https?://|ftp://|www\.)[^\s«»<>\"]+[^\s«»<>\".,;:!?)\]’']"
        r"|(?<![\w@.])(?:[\w-]+\.)+(?:fr|com|org|net|io|eu|be|ch|ca|lu|gouv\.fr|ai|co|uk|de|info|tv)"
        r"(?:/[^\s«»<>\"]*[^\s«»<>\".,;:!?)\]’'])?(?![\w-])",
        regex.IGNORECASE,
    ),
    "email": Expression(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    "handle": Expression(r"(?<![\w@])@\w+"),
    "hashtag": Expression(r"(?<![\w#&])#\w+"),
    # A stock ticker after its exchange: « NASDAQ: NVDA », « (NYSE: BA) », « Euronext : MC ».
    "ticker": Expression(
        r"\b(?:NASDAQ|Nasdaq|NYSE|AMEX|Euronext|EPA|LSE|TSX|SIX|XETRA|ETR|BIT|BME|OTC|HKEX|TYO|SWX)"
        r"[ \u00a0\u202f]?:[ \u00a0\u202f]?[A-Z][A-Z0-9.]{0,6}\b"
    ),
    # Versions and dotted numbers that are not decimals: « 3.12.1 », « v2.0 », IP addresses.
    "version": Expression(
        r"(?<![\w.])(?:[vV]\d+(?:\.\d+)+|(?!\d{1,3}(?:\.\d{3}){2,}(?![\d.]))\d+(?:\.\d+){2,})(?:[-+][\w.]+)?(?![\w])"
        r"|(?<=\b(?:version|iOS|Android|Windows|macOS|Python|Java|Linux|GPT|Gemini|Llama|HTTP|USB|Wi-Fi|Bluetooth|PHP)"
        r"[ \u00a0]?)\d+(?:\.\d+)+[a-z]?\b"
    ),
    "hex": Expression(r"\b0[xX][0-9A-Fa-f]+\b|(?<![\w&])#[0-9A-Fa-f]{3,8}\b"),
    # Product and document ids mixing letters and digits (A320neo, RTX 4090, IPv6 addresses,
    # legal references « L. 1234-5 », « art. 49.3 »).
    "id": Expression(
        r"\b(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z\d]+(?:[-_/][A-Za-z\d]+)*\b"
        r"|\b[\da-fA-F]{1,4}(?::[\da-fA-F]{0,4}){2,7}\b"
        r"|\b(?:[LRD]|art)\.[ \u00a0]?\d+(?:[-.]\d+)*"
        r"|\b[A-Z]{2,}[ \u00a0]\d{2,}\b"
    ),
    # Clock times and durations written with colons: « 12:30 », « 1:58:32 ».
    "time": Expression(r"(?<![\w:])\d{1,2}:\d{2}(?::\d{2})?(?![\w:])"),
    # Scores, results and ratios: « 3-1 », « 2 - 0 », « 16:9 », « 6-4, 7-5 ».
    "score": Expression(r"(?<![\w.,-])\d{1,3}[ \u00a0]?[-–:/][ \u00a0]?\d{1,3}(?![\w.,]\d)(?![\w-])"),
    # File names and extensions: « settings.json », « .docx ».
    "file": Expression(
        r"(?<![\w.])[\w-]*(?:\.[\w-]+)*\.(?:json|xlsx?|docx?|pptx?|pdf|txt|csv|py|js|ts|html?|exe|zip|png"
        r"|jpe?g|gif|mp[34]|xml|ya?ml|sh|md|odt|ods)(?![\w])"
    ),
    # Code: between backticks, function calls, or a quoted passage holding programming operators.
    "code": Expression(
        r"`[^`\n]+`|\b[\w.]+\([^()\s]*\)"
        r"|«[^»\n]*?(?:==|!=|<=|>=|=>|->|::|\(\)|[{}]|\w\(|;\s*$|\bdef |\breturn\b|\bif \w+ ?=)[^»\n]*»"
    ),
    # A quotation in English (its quotes included): its punctuation follows English rules.
    "quoted-english": Expression(
        rf"[«“\"‘][ \u00a0\u202f]?(?=[^«»“”\"\n]*\b(?i:{_ENGLISH_WORDS})\b)"
        # A closing ’ is a quote only when no letter follows: in « What’s Going On? » it is
        # the English apostrophe, and the quotation runs on to ».
        r"(?![^«»“”\"\n]*[àâçéèêëîïôûùœ])[^«»“”\"\n]{1,300}?[ \u00a0\u202f]?(?:[»”\"]|’(?!\p{L}))"
    ),
}

# Proper names, acronyms and amounts in symbols for the spelling checker: a capitalised word
# that does not start a sentence (« Pichon », « Keolis »), a word with inner capitals or digits
# (« NVDA », « db8 », « iPhone »), « M€ » and « Md€ ».
SPAN_GUARDS = {
    **SPAN_GUARDS,
    "name": Expression(
        r"(?<=\d[ \u00a0\u202f]?)(?:k|M|Md|Mds|G)[€$£]"
        r"|(?:(?<=[\p{L}\p{M}\d,;:)»”][ \u00a0\u202f]|[«“(/’'-][ \u00a0\u202f]?)"
        r"|(?<=\b(?:M|MM|Mmes?|Mlle|Dr|Pr|Me|Mgr|St|Ste)\.?[ \u00a0]))\p{Lu}[\w\p{M}]*(?:[’'-]\w+)*"
        r"|\b\w*[\p{Lu}\d]\w*[\p{Lu}\d]\w*|\b\p{Ll}+\p{Lu}\w*|\b\p{L}+\d\w*"
    ),
}

# What every match of a span guard holds, found by a far cheaper scan: ordinary prose has no
# URL, code or version, and most documents are spared the guard's own expression.
CLUES: Mapping[str, regex.Pattern[str]] = {
    name: regexes.compile(clue)
    for name, clue in {
        "url": r"://|(?i:www)\.|[\w-]\.\w",
        "email": "@",
        "handle": "@",
        "hashtag": "#",
        "ticker": ":",
        "version": r"\d\.\d",
        "hex": r"0[xX]|#",
        "time": r"\d:\d",
        "score": r"\d[ \u00a0]?[-–:/]",
        "file": r"\.\w",
        "code": r"[`(«]",
        "quoted-english": r"[«“\"‘]",
    }.items()
}

LINE_GUARDS: Mapping[str, LineKind] = {
    "heading": LineKind.HEADING,
    "caption": LineKind.CAPTION,
    "fragment": LineKind.FRAGMENT,
}

GUARDS: tuple[str, ...] = (*SPAN_GUARDS, *LINE_GUARDS)

Spans = tuple[tuple[int, ...], tuple[int, ...]]  # starts and ends, sorted by start, merged


def _merged(found: Iterable[tuple[int, int]]) -> Spans:
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(found):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return tuple(starts), tuple(ends)


def _spans(doc: Document, name: str) -> Spans:
    """The merged spans one guard protects in `doc`, computed once per document."""

    def compute() -> Spans:
        clue = CLUES.get(name)
        if clue is not None and clue.search(doc.text) is None:
            return (), ()
        return _merged(match.span() for match in SPAN_GUARDS[name].compiled.finditer(doc.text))

    return doc.memo(f"guard:{name}", compute)


def _overlaps(spans: Spans, start: int, end: int) -> bool:
    starts, ends = spans
    index = bisect_right(starts, max(start, end - 1)) - 1
    if index < 0:
        return False
    if start == end:  # an insertion point is protected strictly inside a span
        return starts[index] < start < ends[index]
    return ends[index] > start


def protects(doc: Document, guards: Iterable[str], start: int, end: int) -> bool:
    """Whether one of `guards` covers the span [start, end) of `doc`."""
    for name in guards:
        line_kind = LINE_GUARDS.get(name)
        if line_kind is not None:
            if kind_at(doc, start) is line_kind:
                return True
        elif _overlaps(_spans(doc, name), start, end):
            return True
    return False


# Stretches no checker of French reads as French: the guards every LanguageTool finding goes
# through (see `textlint.languagetool.filters`).
TECHNICAL: tuple[str, ...] = ("url", "email", "handle", "hashtag", "ticker", "version", "hex", "code", "file")
