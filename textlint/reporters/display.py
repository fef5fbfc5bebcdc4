"""Showing text in a terminal so that look-alike characters are told apart.

French typography hinges on characters a terminal draws identically: a plain space, a
no-break space (U+00A0) and a narrow no-break space (U+202F) all look blank. The text
format replaces them, tabs and invisible characters with distinct glyphs, and measures
what it shows in terminal cells so that carets stay under the right characters.
"""

from __future__ import annotations

import functools
import unicodedata

NBSP_GLYPH = "⍽"  # U+00A0 NO-BREAK SPACE
NNBSP_GLYPH = "˽"  # U+202F NARROW NO-BREAK SPACE
TAB_GLYPH = "→"
SPACE_GLYPH = "␣"  # a plain space at the edge of a suggestion
ELLIPSIS = "…"  # a long line was cut

_GLYPHS = {"\u00a0": NBSP_GLYPH, "\u202f": NNBSP_GLYPH, "\t": TAB_GLYPH}
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"})


def marker(char: str) -> str:
    """`⟨U+200B⟩`: how a character with no glyph of its own is shown."""
    return f"⟨U+{ord(char):04X}⟩"


def visible_char(char: str) -> str:
    """The glyph shown for one character of the source text."""
    glyph = _GLYPHS.get(char)
    if glyph is not None:
        return glyph
    if char != " " and unicodedata.category(char) in _INVISIBLE_CATEGORIES:
        return marker(char)
    return char


def visible(text: str) -> str:
    # `str.isprintable` is false exactly for the "Other" and "Separator" characters but the
    # ASCII space: a printable text has no glyph to swap and nothing invisible to mark.
    if text.isprintable():
        return text
    return "".join(visible_char(char) for char in text)


def visible_value(text: str) -> str:
    """A suggested value, with plain spaces at its edges shown as `␣` so they are not lost."""
    core = text.strip(" ")
    if not core:
        return SPACE_GLYPH * len(text)
    lead = len(text) - len(text.lstrip(" "))
    trail = len(text) - len(text.rstrip(" "))
    return SPACE_GLYPH * lead + visible(core) + SPACE_GLYPH * trail


@functools.cache
def char_width(char: str) -> int:
    """Terminal cells taken by one displayed character: 0 for combining marks, 2 for wide ones."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me"):
        return 0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 2
    return 1


def width(text: str) -> int:
    """Terminal cells taken by already visible text."""
    if max(text, default=" ") < "\u0300":  # Latin scripts below the combining marks: one cell each
        return len(text)
    return sum(char_width(char) for char in text)


def describe(replacement: str, flagged: str) -> str:
    """`« replacement »`, or `remove « flagged »` for an empty replacement."""
    if replacement:
        return f"« {visible_value(replacement)} »"
    return f"remove « {visible_value(flagged)} »"
