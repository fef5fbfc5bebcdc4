"""One contract test per LanguageTool client: the request it sends, every answer field it reads.

The requests replay what each client's source sends (see docs/serve.md and the client table
there); the answers come from `textlint serve` over real HTTP, behind a real LanguageTool.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode, urljoin

import language_tool_python
import pytest
import requests

from tests.conftest import SEED
from textlint.api import check_text

# Characters outside the BMP (two UTF-16 units each) before and among the seed's problems.
ASTRAL_SEED = "🎉 " + SEED.read_text(encoding="utf-8").replace(
    "Puissance de calcul", "𝕏 Puissance de calcul 😀"
)


def utf16_slice(text: str, offset: int, length: int) -> str:
    units = text.encode("utf-16-le")
    return units[2 * offset : 2 * (offset + length)].decode("utf-16-le")


def expected_spans(text: str) -> set[tuple[str, str]]:
    """(rule id as LanguageTool clients see it, flagged text) for what `textlint check` reports."""
    return {
        (issue.rule.removeprefix("LT:"), text[issue.start : issue.end]) for issue in check_text(text).issues
    }


def assert_match_fields(match: dict[str, Any], *paths: str) -> None:
    for path in paths:
        value: Any = match
        for key in path.split("."):
            assert isinstance(value, dict) and key in value, f"{path} missing in {json.dumps(match)[:300]}"
            value = value[key]


def test_python_client_gets_textlint_issues_at_the_right_characters(serve_url: str) -> None:
    tool = language_tool_python.LanguageTool("fr-FR", remote_server=serve_url)
    matches = tool.check(ASTRAL_SEED)
    categories = {match.category for match in matches}
    assert {"TEXTLINT_TYPOGRAPHY", "TEXTLINT_ENTITY", "TEXTLINT_MT"} <= categories
    # The library turns offsets into code points itself (not lengths, which stay in UTF-16).
    found = set()
    for match in matches:
        flagged = utf16_slice(ASTRAL_SEED[match.offset :], 0, match.error_length)
        found.add((match.rule_id, flagged))
        assert match.sentence and match.context and match.rule_issue_type
    assert found == expected_spans(ASTRAL_SEED)
    assert ("mt.doubled-word", "le Le") in found
    assert ("entity.anthropic", "Anthropique") in found or any(
        rule.startswith("entity.") for rule, _ in found
    )


def test_offsets_are_utf16_units_of_the_text(serve_url: str) -> None:
    answer = requests.post(
        f"{serve_url}/v2/check", data={"language": "fr-FR", "text": ASTRAL_SEED}, timeout=120
    )
    answer.raise_for_status()
    matches = answer.json()["matches"]
    found = {(m["rule"]["id"], utf16_slice(ASTRAL_SEED, m["offset"], m["length"])) for m in matches}
    assert found == expected_spans(ASTRAL_SEED)
    for match in matches:
        context = match["context"]
        shown = utf16_slice(context["text"], context["offset"], context["length"])
        assert shown == utf16_slice(ASTRAL_SEED, match["offset"], match["length"]).replace("\n", " ")


# A Markdown note as the Obsidian plug-ins and VS Code's linter annotate it: markup parts are
# skipped, paragraph breaks read as such, offsets count markup too.
MARKDOWN_PARTS = [
    {"markup": "# "},
    {"text": "Le partenariat d'Amazon"},
    {"markup": "\n\n", "interpretAs": "\n\n"},
    {"text": "Les modèles de "},
    {"markup": "**"},
    {"text": "Anthropique"},
    {"markup": "**"},
    {"text": " sont connus , et le Le premier geste 🎉 compte."},
]


def data_field() -> str:
    return json.dumps({"annotation": MARKDOWN_PARTS}, ensure_ascii=False)


def joined() -> str:
    return "".join(part.get("text") or part.get("markup") or "" for part in MARKDOWN_PARTS)


def check_data(serve_url: str, **fields: str) -> list[dict[str, Any]]:
    answer = requests.post(f"{serve_url}/v2/check", data={"data": data_field(), **fields}, timeout=120)
    assert answer.status_code == 200, answer.text
    matches: list[dict[str, Any]] = answer.json()["matches"]
    return matches


def test_obsidian_clemens_e(serve_url: str) -> None:
    """`data`, language=auto, enabledOnly=false, level=picky, preferredVariants; fetch() needs CORS."""
    answer = requests.post(
        f"{serve_url}/v2/check",
        data={
            "data": data_field(),
            "language": "auto",
            "enabledOnly": "false",
            "level": "picky",
            "preferredVariants": "fr-FR,en-US",
        },
        headers={"Origin": "app://obsidian.md"},
        timeout=120,
    )
    assert answer.status_code == 200, answer.text
    assert answer.headers["access-control-allow-origin"] == "app://obsidian.md"
    body = answer.json()
    assert body["language"]["code"] == "fr-FR" and body["language"]["detectedLanguage"]["code"] == "fr"
    text = joined()
    rules = set()
    for match in body["matches"]:
        assert_match_fields(
            match, "offset", "length", "message", "shortMessage", "rule.id", "rule.category.id"
        )
        assert all(isinstance(r["value"], str) for r in match["replacements"])
        rules.add((match["rule"]["id"], utf16_slice(text, match["offset"], match["length"])))
    assert ("mt.doubled-word", "le Le") in rules
    assert any(rule.startswith("entity.") and "Anthropique" in flagged for rule, flagged in rules)
    assert any(rule.startswith("typo.") and flagged.startswith(" ,") for rule, flagged in rules)
    # A fixed language with preferredVariants (Clemens-E sends both) is answered, not refused.
    assert check_data(serve_url, language="fr-FR", preferredVariants="fr-FR")
    refused = requests.post(
        f"{serve_url}/v2/check", data={"language": "fr-FR"}, headers={"Origin": "app://obsidian.md"}
    )
    assert (
        refused.status_code == 400 and refused.headers["access-control-allow-origin"] == "app://obsidian.md"
    )


def test_obsidian_wrenger_and_vscode_linter(serve_url: str) -> None:
    """Every match has every field they read (wrenger throws on a missing one); `software` is there."""
    answer = requests.post(
        f"{serve_url}/v2/check",
        data={"data": data_field(), "language": "fr", "level": "default", "disabledRules": "WHITESPACE_RULE"},
        timeout=120,
    )
    body = answer.json()
    assert body["software"]["name"] and body["software"]["version"]
    assert body["matches"]
    for match in body["matches"]:
        assert_match_fields(
            match, "shortMessage", "offset", "length", "message", "rule.id", "rule.category.id"
        )
        assert isinstance(match["shortMessage"], str)


@pytest.mark.parametrize(
    "address",
    [
        lambda uri: urljoin(uri, "v2/check"),  # ltex-ls: URL(URL(uri), "v2/check")
        lambda uri: uri + "/" + "/v2/check",  # ltex-ls-plus given an address ending in "/"
    ],
    ids=["ltex-ls", "ltex-ls-plus"],
)
def test_ltex(serve_url: str, address: Callable[[str], str]) -> None:
    """`data` always, level=picky, motherTongue, a form labelled application/json; sentence required."""
    url = address(serve_url)
    fields = {
        "language": "fr-FR",
        "data": data_field(),
        "level": "picky",
        "motherTongue": "en-US",
        "enabledRules": "",
    }
    answer = requests.post(
        url, data=urlencode(fields), headers={"Content-Type": "application/json"}, timeout=120
    )
    assert answer.status_code == 200, answer.text
    matches = answer.json()["matches"]
    assert matches
    for match in matches:
        assert_match_fields(match, "offset", "length", "message", "sentence", "rule.id", "replacements")
        assert match["sentence"] and "**" not in match["sentence"]


def test_libreoffice_and_java_client(serve_url: str) -> None:
    """POST /v2/configinfo first (else LibreOffice turns remote checking off), then checks."""
    info = requests.post(f"{serve_url}/v2/configinfo", data={"language": "fr-FR"}, timeout=60).json()
    assert isinstance(info["parameter"]["maxTextLength"], int)
    rules = {rule["ruleId"]: rule for rule in info["rules"]}
    for rule in rules.values():
        assert_match_fields(
            rule, "ruleId", "description", "categoryId", "categoryName", "locQualityIssueType"
        )
    assert "FR_SPELLING_RULE" in rules and "mt.doubled-word" in rules
    assert rules["mt.doubled-word"]["categoryId"] == "TEXTLINT_MT"
    assert (
        int(requests.get(f"{serve_url}/v2/maxtextlength", timeout=10).text)
        == info["parameter"]["maxTextLength"]
    )
    text = "Le Le gouvernemnt a pris les décision : oui."
    answer = requests.post(
        f"{serve_url}/v2/check",
        data={
            "text": text,
            "language": "fr-FR",
            "motherTongue": "de-DE",
            "enabledRules": "mt.doubled-word,D_N",
            "enabledOnly": "yes",
            "mode": "allButTextLevelOnly",
            "level": "default",
            "useragent": "LibreOffice",
        },
        timeout=120,
    )
    body = answer.json()
    for key in ("name", "version", "buildDate"):
        assert key in body["software"]
    assert body["language"]["name"] and body["language"]["code"]
    for match in body["matches"]:
        assert_match_fields(
            match,
            "offset",
            "length",
            "message",
            "rule.id",
            "rule.description",
            "context.text",
            "context.offset",
        )
    # enabledOnly: only the rules named, textlint's and LanguageTool's.
    assert {m["rule"]["id"] for m in body["matches"]} == {"mt.doubled-word", "D_N"}


def test_languages_info_and_other_languages(serve_url: str) -> None:
    languages = requests.get(f"{serve_url}/v2/languages", timeout=30).json()
    codes = {item["longCode"] for item in languages} | {item["code"] for item in languages}
    assert {"fr", "fr-FR", "fr-BE", "fr-CA", "fr-CH"} <= codes
    assert all(isinstance(item[key], str) for item in languages for key in ("name", "code", "longCode"))
    assert requests.get(f"{serve_url}/v2/info", timeout=10).json()["software"]["name"] == "textlint"
    # Not French: LanguageTool answers, unchanged (here it refuses a code it does not know).
    answer = requests.post(f"{serve_url}/v2/check", data={"language": "xx-YY", "text": "Hello."}, timeout=60)
    assert answer.status_code == 400 and answer.text.startswith("Error: ") and "xx-YY" in answer.text
    # `auto` on a text clearly in English: LanguageTool's own answer, whatever it makes of it.
    english = " ".join(
        ["The committee said on Tuesday that the new rules would apply to every member state."] * 3
    )
    relayed = requests.post(f"{serve_url}/v2/check", data={"language": "auto", "text": english}, timeout=60)
    assert relayed.text.startswith("Error: ") or relayed.json()["software"]["name"] == "LanguageTool"
