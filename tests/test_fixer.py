"""Fixes: only fixed spans change, a second run changes nothing, non-convergence is an error."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

import textlint
from textlint.config import Config
from textlint.document import Document
from textlint.errors import FixError
from textlint.fixer import applicable, apply_once, fix_text
from textlint.issues import Fix, Issue, Safety, Severity
from textlint.linter import Linter

NO_LT = Config(languagetool=textlint.LanguageToolSettings(enabled=False))
LINTER = Linter(NO_LT)

# Text built from French words, the punctuation the rules care about, and odd whitespace.
PIECES = st.sampled_from(
    [
        "le",
        "Le",
        "la",
        "de",
        "État",
        "Etat",
        "été",
        "l'",
        "l’",
        "d’",
        " ",
        "  ",
        "\u00a0",
        "\u202f",
        "\n",
        "\r\n",
        ":",
        "?",
        "!",
        ";",
        "«",
        "»",
        "...",
        "…",
        "Deepmind",
        "12:30",
        "😀",
        "\t",
        ",",
        ".",
    ]
)
TEXTS = st.lists(PIECES, max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_only_fixed_spans_change(text: str) -> None:
    issues = applicable(LINTER.lint(Document(text)).issues, Safety.UNSAFE)
    fixed, applied = apply_once(text, issues)
    # Rebuild the expected text from the original outside the applied spans.
    expected, cursor = [], 0
    for issue in applied:
        assert issue.fix is not None
        expected += [text[cursor : issue.start], issue.fix.replacement]
        cursor = issue.end
    expected.append(text[cursor:])
    assert fixed == "".join(expected)
    for a, b in pairwise(applied):
        assert a.end <= b.start


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_fixing_twice_changes_nothing(text: str) -> None:
    once = LINTER.fix(Document(text), Safety.SAFE).text
    assert LINTER.fix(Document(once), Safety.SAFE).text == once
    assert applicable(LINTER.lint(Document(once)).issues, Safety.SAFE) == []


def test_unsafe_fixes_need_the_unsafe_level() -> None:
    unsafe = Issue("r", "yaml", Severity.WARNING, 0, 1, "m", fix=Fix("X", Safety.UNSAFE))
    suggestion = Issue("s", "yaml", Severity.WARNING, 1, 2, "m", fix=Fix("Y", Safety.SUGGESTION))
    assert applicable([unsafe, suggestion], Safety.SAFE) == []
    assert applicable([unsafe, suggestion], Safety.UNSAFE) == [unsafe]


def test_overlapping_fixes_wait_for_the_next_pass() -> None:
    first = Issue("a", "yaml", Severity.WARNING, 0, 3, "m", fix=Fix("ABC", Safety.SAFE))
    second = Issue("b", "yaml", Severity.WARNING, 2, 5, "m", fix=Fix("xyz", Safety.SAFE))
    assert apply_once("abcde", [first, second]) == ("ABCde", [first])


def test_non_convergence_names_the_rules() -> None:
    def flip(text: str) -> list[Issue]:
        replacement = "b" if text == "a" else "a"
        return [
            Issue("maison.ping-pong", "yaml", Severity.WARNING, 0, 1, "m", fix=Fix(replacement, Safety.SAFE))
        ]

    try:
        fix_text("a", flip, Safety.SAFE)
    except FixError as error:
        assert "maison.ping-pong" in str(error)
    else:
        raise AssertionError("a fix that never converges must be an error")


def test_seed_is_fixed_in_one_run() -> None:
    from tests.conftest import SEED, SEED_CALQUES

    text = SEED.read_text(encoding="utf-8")
    fixed = textlint.fix_text(text, config=NO_LT)
    assert fixed != text
    remaining = {issue.rule for issue in textlint.lint_text(fixed, config=NO_LT)}
    # Left for a person: ambiguous names and calques (suggestions), the redundant pronoun (unsafe fix).
    assert remaining == {"entity.technology", "mt.redundant-pronoun", *SEED_CALQUES}
