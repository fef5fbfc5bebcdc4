"""What the Markdown and HTML front ends share: URLs in prose and suppression comments."""

from __future__ import annotations

import re
from collections.abc import Callable

from textlint.sourcemap import ViewBuilder

# A bare URL or e-mail address in running text, without the punctuation that ends a sentence.
URL = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>«»\"]*[^\s<>«»\".,;:!?)\]’']"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
)

_DIRECTIVE_COMMENT = re.compile(r"\s*<!--\s*textlint-(?:disable|enable)[\s\S]*-->\s*")


def is_directive(html: str) -> bool:
    """Whether an HTML comment is a textlint suppression (kept in the view for the engine)."""
    return _DIRECTIVE_COMMENT.fullmatch(html) is not None


def show_hiding_urls(builder: ViewBuilder, start: int, text: str, show: Callable[[int, int], None]) -> None:
    """Show the source text at `start` (which reads `text`) with `show`, its URLs hidden."""
    position = start
    for url in URL.finditer(text):
        show(position, start + url.start())
        builder.hide(start + url.start(), start + url.end())
        position = start + url.end()
    show(position, start + len(text))
