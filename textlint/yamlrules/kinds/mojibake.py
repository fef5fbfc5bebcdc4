"""Kind `mojibake`: a word decoded with the wrong character set, repaired whole by ftfy.

The `markers` (« Ã© », « â€™ ») are literal phrases of the shared automaton, so finding
them costs nothing more than the other phrase rules. A marker only reveals the damage: the
issue covers the whole damaged word, and ftfy repairs it as a whole (« lâ€™Ã©tat » →
« l’état »), which a table of sequences cannot do for every combination.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from textlint.document import Document
from textlint.issues import Issue
from textlint.yamlrules.fields import Fields
from textlint.yamlrules.kinds.phrase import Entry, PhraseRule
from textlint.yamlrules.rule import Header

if TYPE_CHECKING:
    from ftfy import TextFixerConfig

# Punctuation around a damaged word that belongs to the sentence, not to the word.
_EDGE_PUNCTUATION = ".,;:!?()[]\"'"


@cache
def _config() -> TextFixerConfig:
    """Encoding repairs only: ftfy's other clean-ups (straight quotes, ligatures, HTML
    entities, line breaks) would rewrite text that is not damaged."""
    from ftfy import TextFixerConfig

    return TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_c1_controls=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )


def repair(text: str) -> str:
    from ftfy import fix_text

    return fix_text(text, _config())


class MojibakeRule(PhraseRule):
    """Flags each word holding one of `markers`; the fix is ftfy's repair, when it has one."""

    words = False  # markers sit inside words (« rÃ©seau »)

    def __init__(self, header: Header, fields: Fields) -> None:
        super().__init__(header)
        markers = fields.string_list("markers")
        if not markers or any(not marker for marker in markers):
            raise fields.error("markers", "should list at least one non-empty string")
        self.entries = tuple(Entry(marker, None, ()) for marker in markers)

    def issue_for(self, doc: Document, start: int, end: int, entry: Entry) -> Issue | None:
        start, end = _word_around(doc.text, start, end)
        damaged = doc.text[start:end]
        fixed = repair(damaged)
        return self.make_issue(doc, start, end, fixed if fixed != damaged else None)


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The blank-delimited word holding the marker at [start, end), without the sentence's
    punctuation around it."""
    word_start, word_end = start, end
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    while word_end < len(text) and not text[word_end].isspace():
        word_end += 1
    while word_start < start and text[word_start] in _EDGE_PUNCTUATION:
        word_start += 1
    while word_end > end and text[word_end - 1] in _EDGE_PUNCTUATION:
        word_end -= 1
    return word_start, word_end
