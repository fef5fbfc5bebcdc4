"""LanguageTool answers to textlint issues, on recorded answers (no server needed)."""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path
from typing import Any

import language_tool_python

from textlint.issues import Safety, Severity
from textlint.languagetool.cache import ResultCache, cache_key
from textlint.languagetool.checker import split_paragraphs
from textlint.languagetool.mapping import (
    Match,
    matches_from_response,
    to_issue,
    utf16_to_codepoints,
)
from textlint.languagetool.ruleset import COVERED_BY_YAML, category_of

# Recorded from LanguageTool 6.8 for this text: offsets and lengths in UTF-16 units, and a
# message holding U+00A0 and U+202F.
TEXT = "😀 Les enfant 😀😀 Il sont partis."
RESPONSE: dict[str, Any] = {
    "matches": [
        {
            "message": "Le déterminant s’accorde avec le nom «\u00a0enfant\u00a0».",
            "replacements": [{"value": "L'enfant"}, {"value": "Les enfants"}],
            "offset": 3,
            "length": 10,
            "context": {"text": TEXT, "offset": 3, "length": 10},
            "sentence": "Les enfant",
            "rule": {
                "id": "D_N",
                "issueType": "uncategorized",
                "category": {"id": "AGREEMENT", "name": "Concordances"},
            },
        },
        {
            "message": "Voulez-vous écrire «\u00a0ils ont\u00a0»\u202f?",
            "replacements": [{"value": "Ils ont"}, {"value": "Ils sont"}],
            "offset": 19,
            "length": 7,
            "context": {"text": TEXT, "offset": 19, "length": 7},
            "sentence": "Il sont partis.",
            "rule": {
                "id": "ILS_ONT",
                "issueType": "uncategorized",
                "category": {"id": "CAT_HOMONYMES_PARONYMES"},
            },
        },
    ]
}


def test_utf16_table_is_none_without_astral_characters() -> None:
    assert utf16_to_codepoints("Les élèves « ici »") is None
    assert utf16_to_codepoints("a😀b") == [0, 1, 1, 2, 3]


def test_spans_are_code_points_after_emoji() -> None:
    matches = matches_from_response(TEXT, RESPONSE)
    assert [TEXT[m.start : m.end] for m in matches] == ["Les enfant", "Il sont"]


def test_span_containing_an_emoji_is_shortened_to_code_points() -> None:
    text = "x 😀😀 y"
    response = {"matches": [{"offset": 2, "length": 4, "rule": {"id": "R"}, "message": "m"}]}
    [match] = matches_from_response(text, response)
    assert text[match.start : match.end] == "😀😀"


def test_language_tool_python_length_is_utf16_which_is_why_raw_json_is_used() -> None:
    # The library converts the offset but keeps LT's UTF-16 length (wrong when the span
    # holds an emoji) and NFKC-normalises the message: both would be wrong in textlint.
    text = "x 😀😀 y"
    raw = {
        "offset": 2,
        "length": 4,
        "message": "«\u00a0m\u00a0»",
        "replacements": [],
        "context": {"text": text, "offset": 2, "length": 4},
        "sentence": text,
        "rule": {"id": "R", "issueType": "x", "category": {"id": "C"}},
    }
    library = language_tool_python.Match(copy.deepcopy(raw), text)
    assert (library.offset, library.error_length) == (2, 4)
    assert "\u00a0" not in library.message
    [ours] = matches_from_response(text, {"matches": [raw]})
    assert (ours.start, ours.end) == (2, 4)
    assert ours.message == "«\u00a0m\u00a0»"


def test_issue_fields() -> None:
    first, second = matches_from_response(TEXT, RESPONSE)
    issue = to_issue(second, "x" * 100 + TEXT, base=100, safe=frozenset())
    assert issue.rule == "LT:ILS_ONT"
    # The message names the flagged words and the best suggestion: it stands alone in CI.
    assert issue.message == (
        "« Il sont » : Voulez-vous écrire «\u00a0ils ont\u00a0»\u202f? (suggestion : « Ils ont »)"
    )
    assert issue.source == "languagetool"
    assert (issue.start, issue.end) == (116, 123)
    assert issue.category == "grammar"
    assert issue.severity is Severity.ERROR
    assert issue.suggestions == ("Ils ont", "Ils sont")
    assert issue.fix is not None
    assert (issue.fix.replacement, issue.fix.safety) == ("Ils ont", Safety.SUGGESTION)
    safe = to_issue(first, TEXT, base=0, safe=frozenset({"D_N"}))
    assert safe.fix is not None
    assert safe.fix.safety is Safety.SAFE


def test_spelling_message_names_the_word() -> None:
    match = Match(
        "FR_SPELLING_RULE",
        "TYPOS",
        "misspelling",
        4,
        15,
        "Faute de frappe possible trouvée.",
        ("gouvernement",),
    )
    issue = to_issue(match, "Le  gouvernemnt décide.", 0, frozenset())
    assert issue.message == "Mot inconnu du dictionnaire : « gouvernemnt » (suggestion : « gouvernement »)"


def test_no_replacement_means_no_fix() -> None:
    match = Match("R", "STYLE", "style", 0, 1, "m", ())
    issue = to_issue(match, "x", 0, frozenset())
    assert issue.fix is None
    assert issue.suggestions == ()
    assert issue.severity is Severity.WARNING


def test_categories() -> None:
    assert category_of("FR_SPELLING_RULE", "TYPOS", "misspelling") == "spelling"
    assert category_of("ESPACE_ENTRE_PRENOMS", "CAT_TYPOGRAPHIE", "typographical") == "typography"
    assert category_of("COMMA_PARENTHESIS_WHITESPACE", "TYPOGRAPHY", "whitespace") == "typography"
    assert category_of("UNPAIRED_BRACKETS", "PUNCTUATION", "typographical") == "typography"
    assert category_of("FRENCH_WHITESPACE", "MISC", "uncategorized") == "typography"
    assert category_of("ACCORD_SUJET_VERBE", "CAT_GRAMMAIRE", "uncategorized") == "grammar"
    assert category_of("D_N", "AGREEMENT", "uncategorized") == "grammar"
    assert category_of("FR_REPEATEDWORDS_X", "REPETITIONS_STYLE", "style") == "style"
    assert category_of("SOMETHING", "UNKNOWN", "uncategorized") == "style"
    # Measured: LT's calques add no machine-translation finding textlint misses (BENCHMARKS.md).
    assert category_of("ADRESSER_UN_PROBLEME", "CAT_CALQUES", "style") == "style"
    assert category_of("FOCUS", "CAT_ANGLICISMES_FOREIGN_TERMS", "style") == "style"
    assert "FRENCH_WHITESPACE" in COVERED_BY_YAML


def test_paragraphs_split_on_line_breaks_with_offsets() -> None:
    text = "Un titre\nDeux.\r\n\r\n  \nTrois.\n\n\n"
    paragraphs = list(split_paragraphs(text))
    assert [p.text for p in paragraphs] == ["Un titre", "Deux.", "Trois."]
    assert all(text[p.start : p.start + len(p.text)] == p.text for p in paragraphs)
    assert list(split_paragraphs(" \n\n ")) == []


def test_cache_round_trip_and_key(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "c.sqlite3")
    key = cache_key("Il sont.", "6.8", "fr-FR", ((), ("A",), False))
    assert key != cache_key("Il sont.", "6.8", "fr-CA", ((), ("A",), False))
    assert key != cache_key("Il sont.", "6.8", "fr-FR", ((), ("A",), True))
    assert cache.get(key) is None
    match = Match("ILS_ONT", "C", "t", 0, 7, "«\u00a0x\u00a0»", ("Ils ont",))
    cache.put(key, [match])
    assert cache.get(key) == [match]
    cache.close()
    assert ResultCache(tmp_path / "c.sqlite3").get(key) == [match]  # persistent


def test_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    cache = ResultCache(path)
    assert cache.enabled
    cache.put("k", [])
    assert cache.get("k") == []
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_disabled_cache_never_hits(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "c.sqlite3", enabled=False)
    cache.put("k", [])
    assert cache.get("k") is None
    assert not (tmp_path / "c.sqlite3").exists()
