"""The server's pure logic: form fields, annotated text, UTF-16 offsets, context, rule choices."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textlint.config import Config, LanguageToolSettings
from textlint.document import Document
from textlint.linter import Linter
from textlint.serve.annotated import AnnotationError, parse
from textlint.serve.answer import Utf16, context
from textlint.serve.languages import french_variant
from textlint.serve.linters import Linters
from textlint.serve.params import CheckRequest, RequestError, form_fields, utf16_length

NO_GRAMMAR = Config(languagetool=LanguageToolSettings(enabled=False))


def test_form_fields_from_query_and_body_whatever_the_type() -> None:
    fields = form_fields("language=fr&text=query", b"text=Le+Le+chat+%C3%A9t%C3%A9&&enabledOnly=")
    assert fields == {"language": "fr", "text": "Le Le chat été", "enabledOnly": ""}
    for body in (b'{"text": "x"}', b"justtext", b"\xff=1"):
        with pytest.raises(RequestError):
            form_fields("", body)


def test_check_request_refusals() -> None:
    assert CheckRequest.parse(
        {"text": "a", "language": "fr", "enabledOnly": "yes", "enabledRules": "X"}
    ).enabled_only
    assert not CheckRequest.parse({"text": "a", "language": "fr", "enabledOnly": "false"}).enabled_only
    assert CheckRequest.parse({"data": "{}", "language": "auto", "level": "picky"}).picky
    for fields in ({"language": "fr"}, {"text": "a"}, {"text": "a", "data": "{}", "language": "fr"}):
        with pytest.raises(RequestError) as refused:
            CheckRequest.parse(fields)
        assert refused.value.status == 400


def test_french_variants() -> None:
    assert french_variant("fr") == "fr-FR"
    assert french_variant("FR-ca") == "fr-CA"
    assert french_variant("auto", ("en-US", "fr-CH")) == "fr-CH"
    assert french_variant("auto", ("en-GB",)) == "fr-FR"
    assert french_variant("en-US") is None


PARTS = [
    {"markup": "# "},
    {"text": "Titre 🎉"},
    {"markup": "\n\n", "interpretAs": "\n\n"},
    {"text": "Le "},
    {"markup": "**", "interpretAs": ""},
    {"text": "Le chat"},
    {"markup": "**"},
    {"text": " dort."},
]


def test_annotated_text_is_checked_without_markup_and_mapped_back() -> None:
    annotated = parse(json.dumps({"annotation": PARTS}))
    assert annotated.plain == "Titre 🎉\n\nLe Le chat dort."
    assert annotated.source == "# Titre 🎉\n\nLe **Le chat** dort."
    view = annotated.document("<request>")
    issues = Linter(NO_GRAMMAR).lint(view).issues
    doubled = next(issue for issue in issues if issue.rule == "mt.doubled-word")
    # The issue spans markup in the source: its fix is a suggestion there, never applied over markup.
    assert annotated.source[doubled.start : doubled.end] == "Le **Le"
    assert doubled.fix is not None and doubled.fix.safety.label == "suggestion"
    assert annotated.to_plain(annotated.source.index("chat")) == annotated.plain.index("chat")
    assert parse('{"text": "Bonjour"}').plain == "Bonjour"
    for bad in ("[]", '{"annotation": [{"text": 1}]}', '{"annotation": [{"markup": "x", "text": "y"}]}', "{"):
        with pytest.raises(AnnotationError):
            parse(bad)


@given(st.text(alphabet="ab 🎉\n𝕏é", max_size=120), st.data())
def test_context_and_offsets_are_utf16_and_point_at_the_span(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    units = Utf16(text)
    start16, end16 = units(start), units(end)
    assert utf16_length(text[:start]) == start16
    shown = context(text, start16, end16)
    encoded = shown["text"].encode("utf-16-le")
    flagged = encoded[2 * shown["offset"] : 2 * (shown["offset"] + shown["length"])].decode("utf-16-le")
    assert flagged == text[start:end].replace("\n", " ")
    assert not any(0xD800 <= ord(char) <= 0xDFFF for char in shown["text"])  # no half of a pair


def test_request_choices_become_the_command_lines_selection() -> None:
    linters = Linters(NO_GRAMMAR)
    request = CheckRequest.parse(
        {
            "text": "x",
            "language": "fr",
            "disabledRules": "mt.doubled-word,FR_SPELLING_RULE",
            "disabledCategories": "TEXTLINT_TYPOGRAPHY,TYPOS",
            "enabledRules": "D_N",
        }
    )
    choice = linters.choice(request, "fr-CA")
    config = choice.config
    assert config.language == "fr-CA"
    assert "mt.doubled-word" in config.ignore and "LT:FR_SPELLING_RULE" in config.ignore
    assert set(linters.by_category["TEXTLINT_TYPOGRAPHY"]) <= set(config.ignore)
    assert config.languagetool.disable == ("FR_SPELLING_RULE",) and config.languagetool.enable == ("D_N",)
    assert choice.lt_disabled_categories == {"TYPOS"}
    linter = linters.get(config)
    assert linters.get(config) is linter
    text = "Le Le chat dort : oui."
    assert [i.rule for i in linter.lint(Document(text)).issues] == []
    only = linters.choice(
        CheckRequest.parse(
            {"text": "x", "language": "fr", "enabledOnly": "true", "enabledRules": "mt.doubled-word"}
        ),
        "fr-FR",
    )
    assert [i.rule for i in linters.get(only.config).lint(Document(text)).issues] == ["mt.doubled-word"]


def test_the_command_line_starts_without_the_server() -> None:
    """`textlint check` never imports the server or its web stack (the `serve` extra is optional)."""
    code = "import sys; from textlint.cli import build_parser; build_parser(); print(sorted(sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "'textlint.serve'" not in loaded and "starlette" not in loaded and "uvicorn" not in loaded
    assert "'textlint.cli.serve'" in loaded
