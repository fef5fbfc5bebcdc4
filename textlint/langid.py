"""Which language a stretch of text is in: French, or one machine translation leaves behind.

Lingua detectors for the whole process, each built on first use (the accurate one's models
take a second or two to load, the fast one's a tenth of a second), shared by every thread:
the untranslated-fragment rule, the grammar layer (foreign quotations are not French
spelling mistakes) and the check that skips files that are not French.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

# French and the languages quoted in, or left untranslated by, French news.
CODES = ("fr", "en", "it", "es", "de", "pt")
NAMES = {
    "fr": "français",
    "en": "anglais",
    "it": "italien",
    "es": "espagnol",
    "de": "allemand",
    "pt": "portugais",
}
_LOCK = threading.Lock()
# A word: a letter, then letters, combining accents, apostrophes and hyphens. The standard
# library's `re` (a letter is a word character that is neither a digit nor « _ »): whether a
# file is French is settled before its grammar request is sent, and the `regex` module costs
# a tenth of a warm check to import, which it may then spend while the server works.
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f'’-])*")
# Frequent French words, leaving out those as frequent in Spanish or Italian (« un », « que »,
# « la »): a stretch holding enough of them is French without asking the detector.
FRENCH_MARKERS = frozenset(
    _WORD.findall(
        "le les des du et est une pour dans pas sur il elle au aux ne ce cette son sa ses leur "
        "avec par plus mais été sont nous vous qui ont"
    )
)
# The markers none of the other languages of `CODES` writes often (wordfreq: below 5 on its
# Zipf scale in each, where « il », « le », « qui », « son » or « mais » are common words of
# Italian, Spanish, English or Portuguese).
FRENCH_ONLY_MARKERS = frozenset(
    _WORD.findall("au aux avec cette dans elle est et leur nous ont pas pour ses sont une vous été")
)
# A passage is French, without asking the detector, when this share of its words are markers,
# or, holding one that only French writes, this lower share: French news holds names, figures
# and quotations, and two of its lines of three fall under the first share; drawn from
# wordfreq's frequencies, fewer than 1 passage in 400 of the other languages passes either.
SETTLED_FRENCH_SHARE = 0.25
SETTLED_FRENCH_SHARE_WITH_ONLY_MARKER = 0.1
# A passage is foreign when another language is likelier and French is this unlikely.
MAX_FRENCH_CONFIDENCE = 0.15
# A whole document is not French when it has enough words, next to no French marker, and
# the detector is this sure of another language.
MIN_DOCUMENT_WORDS = 20
FRENCH_DOCUMENT_SHARE = 0.05  # of French markers among its words: a French document
MIN_DOCUMENT_CONFIDENCE = 0.8
# From this many characters the fast detector's verdict is taken as it is (lingua's own
# evaluation: low-accuracy mode is as good from about 120 characters); below, only its
# confident « French ».
FAST_ENOUGH_LENGTH = 120
FAST_FRENCH_CONFIDENCE = 0.9
SAMPLE = 4000  # characters of a document the detector reads
OPENING = 600  # characters enough to tell most French documents at a glance


def detector(accurate: bool = True) -> LanguageDetector:
    """The process's detector, accurate or fast; the first call builds it."""
    with _LOCK:  # two threads asking first would each spend seconds building one
        return _build(accurate)


@cache
def _build(accurate: bool) -> LanguageDetector:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in CODES]
    builder = LanguageDetectorBuilder.from_languages(*languages)
    return (builder if accurate else builder.with_low_accuracy_mode()).build()


def confidences(text: str) -> dict[str, float]:
    """How likely `text` is in each language of `CODES` (ISO 639-1 codes), most likely first.

    The fast detector (trigrams only) loads in a tenth of a second, the accurate one in one
    to two seconds, which is most of a warm check's time. The fast one answers for long
    stretches, where lingua rates the two alike, and for short ones it finds plainly French
    (most of what is asked in French news); the accurate one decides the rest.
    """
    fast = _confidences(detector(accurate=False), text)
    if len(text) >= FAST_ENOUGH_LENGTH or fast.get("fr", 0.0) >= FAST_FRENCH_CONFIDENCE:
        return fast
    return _confidences(detector(), text)


def _confidences(model: LanguageDetector, text: str) -> dict[str, float]:
    values = model.compute_language_confidence_values(text)
    return {value.language.iso_code_639_1.name.lower(): value.value for value in values}


def best_guess(text: str) -> tuple[str, float]:
    """The most likely language of `text` (an ISO 639-1 code) and the detector's confidence."""
    return next(iter(confidences(text).items()))


def word_language(word: str) -> str | None:
    """The language the detector gives to a single word, if any."""
    found = detector().detect_language_of(word)
    return found.iso_code_639_1.name.lower() if found is not None else None


def french_share(words: list[str]) -> float:
    """The share of `words` (lower case) that only French writes."""
    return sum(word in FRENCH_MARKERS for word in words) / len(words) if words else 0.0


def _reads_french(opening: str) -> bool:
    """Whether a document's opening has enough words and enough French markers among them."""
    words = [word.lower() for word in _WORD.findall(opening)]
    return len(words) >= MIN_DOCUMENT_WORDS and french_share(words) >= FRENCH_DOCUMENT_SHARE


def is_foreign(passage: str, min_words: int = 2) -> bool:
    """Whether a quotation or sentence is in another language than French."""
    if not may_be_foreign(passage, min_words):
        return False  # a French stretch: cheaper than asking the detector
    likely = confidences(passage)
    return next(iter(likely)) != "fr" and likely.get("fr", 0.0) < MAX_FRENCH_CONFIDENCE


def may_be_foreign(passage: str, min_words: int = 2) -> bool:
    """Whether `is_foreign` would ask the detector about `passage` (too few French markers)."""
    words = [word.lower() for word in _WORD.findall(passage)]
    return len(words) >= min_words and not _settled_french(words)


def _settled_french(words: list[str]) -> bool:
    share = french_share(words)
    return share >= SETTLED_FRENCH_SHARE or (
        share >= SETTLED_FRENCH_SHARE_WITH_ONLY_MARKER and not FRENCH_ONLY_MARKERS.isdisjoint(words)
    )


def load_fast_detector() -> None:
    """Build the fast detector and load its models now (lingua loads them on first use)."""
    _confidences(detector(accurate=False), "textlint")


def foreign_document(text: str) -> str | None:
    """The language of a document that is clearly not French (an English README), else None."""
    if _reads_french(text[:OPENING]):
        return None  # most documents: their opening settles it, without reading the sample
    sample = text[:SAMPLE]
    words = [word.lower() for word in _WORD.findall(sample)]
    if len(words) < MIN_DOCUMENT_WORDS or french_share(words) >= FRENCH_DOCUMENT_SHARE:
        return None
    code, confidence = best_guess(sample)
    return code if code != "fr" and confidence >= MIN_DOCUMENT_CONFIDENCE else None
