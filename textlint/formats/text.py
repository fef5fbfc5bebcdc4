"""What the Markdown and HTML front ends share: URLs in prose and suppression comments."""

from __future__ import annotations

import re

# A bare URL or e-mail address in running text, without the punctuation that ends a sentence.
URL = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>«»\"]*[^\s<>«»\".,;:!?)\]’']"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
)

_DIRECTIVE_COMMENT = re.compile(r"\s*<!--\s*textlint-(?:disable|enable)[\s\S]*-->\s*")


def is_directive(html: str) -> bool:
    """Whether an HTML comment is a textlint suppression (kept in the view for the engine)."""
    return _DIRECTIVE_COMMENT.fullmatch(html) is not None
