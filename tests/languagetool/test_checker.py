"""LanguageToolChecker against the real server: findings, offsets, names, cache, faults."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from textlint.config import LanguageToolSettings
from textlint.document import Document
from textlint.issues import Issue, Safety, Severity
from textlint.languagetool import LanguageToolChecker, LanguageToolError, process
from textlint.languagetool.process import ServerState

from .conftest import SEED

pytestmark = pytest.mark.languagetool

NAMES = frozenset({"Anthropic", "OpenAI", "ChatGPT"})
NO_CACHE = LanguageToolSettings(cache=False)


def found(issues: list[Issue], text: str) -> set[tuple[str, str]]:
    return {(issue.rule, text[issue.start : issue.end]) for issue in issues}


def test_seed_article_findings(lt_url: ServerState) -> None:
    text = SEED.read_text(encoding="utf-8")
    issues = LanguageToolChecker(NO_CACHE, "fr-FR", NAMES).check(Document(text))
    spans = found(issues, text)
    # Names are not spelling mistakes for LanguageTool; the entity registry reports Deepmind.
    assert not any(rule == "LT:FR_SPELLING_RULE" for rule, _ in spans)
    assert ("LT:VIRG_NON_TROUVEE", " il") in spans  # "Amazon il devient"
    # The comma before « mais » + clause is advised, not required: off unless a house style asks.
    assert not any(rule == "LT:PLACE_DE_LA_VIRGULE" for rule, _ in spans)
    # Headings are paragraphs of their own: « Problèmes de concurrence » does not run into
    # « Tout le monde ne voit pas », which is correct French and must not be flagged.
    assert not any(rule == "LT:ACCORD_SUJET_VERBE" for rule, _ in spans)
    assert not any(rule == "LT:PRONOMS_PERSONNELS_MINUSCULE" for rule, _ in spans)
    amazon_il = text.index("Amazon il devient") + len("Amazon")
    assert any(i.rule == "LT:VIRG_NON_TROUVEE" and i.start == amazon_il for i in issues)
    # Rules textlint's YAML rules cover stay off: "le Le premier" is not reported by LT.
    assert not any(i.rule == "LT:FRENCH_WORD_REPEAT_RULE" for i in issues)
    assert issues == sorted(issues, key=Issue.sort_key)


def test_a_house_style_can_ask_for_the_comma_before_mais(lt_url: ServerState) -> None:
    text = SEED.read_text(encoding="utf-8")
    settings = LanguageToolSettings(cache=False, enable=("PLACE_DE_LA_VIRGULE",))
    issues = LanguageToolChecker(settings, "fr-FR", NAMES).check(Document(text))
    comma = next(i for i in issues if i.rule == "LT:PLACE_DE_LA_VIRGULE")
    assert text[comma.start : comma.end] == " mais"
    assert comma.suggestions[0] == ", mais"
    assert (comma.category, comma.severity) == ("grammar", Severity.ERROR)
    assert comma.fix is not None
    assert comma.fix.safety is Safety.SUGGESTION


def test_emoji_before_the_error(lt_url: ServerState) -> None:
    text = "Bonjour 😀 à tous.\n\n😀😀 Hier, il sont partis 😀 tôt."
    issues = LanguageToolChecker(NO_CACHE, "fr-FR", frozenset()).check(Document(text))
    [issue] = [i for i in issues if i.rule == "LT:ILS_ONT"]
    assert text[issue.start : issue.end] == "il sont"


def test_names_are_not_spelling_mistakes_but_typing_slips_are(lt_url: ServerState) -> None:
    text = "Kyutai et LightOn répondent à Anthropic, OpenAI et ChatGPT."
    assert LanguageToolChecker(NO_CACHE, "fr-FR", frozenset()).check(Document(text)) == []
    slip = "Le gouvernemnt a présenté son budget hier soir."
    [issue] = LanguageToolChecker(NO_CACHE, "fr-FR", frozenset()).check(Document(slip))
    assert (issue.rule, slip[issue.start : issue.end]) == ("LT:FR_SPELLING_RULE", "gouvernemnt")
    assert issue.message == "Mot inconnu du dictionnaire : « gouvernemnt » (suggestion : « gouvernement »)"
    # A newsroom's own words (`allow-words`) are never spelling mistakes, case-sensitively.
    allowed = LanguageToolSettings(cache=False, allow_words=("gouvernemnt",))
    assert LanguageToolChecker(allowed, "fr-FR", frozenset()).check(Document(slip)) == []


def test_settings_reach_the_server(lt_url: ServerState) -> None:
    doc = Document("Quoi? Il est parti.")
    default = LanguageToolChecker(NO_CACHE, "fr-FR", frozenset()).check(doc)
    assert not any(i.rule == "LT:FRENCH_WHITESPACE" for i in default)
    enabled = LanguageToolChecker(
        LanguageToolSettings(cache=False, enable=("FRENCH_WHITESPACE",), safe=("FRENCH_WHITESPACE",)),
        "fr-FR",
        frozenset(),
    ).check(doc)
    [space] = [i for i in enabled if i.rule == "LT:FRENCH_WHITESPACE"]
    assert space.category == "typography"
    assert space.fix is not None
    assert space.fix.safety is Safety.SAFE
    picky = LanguageToolChecker(LanguageToolSettings(cache=False, picky=True), "fr-FR", frozenset()).check(
        Document("Il attendait... puis il partit.")
    )
    assert any(i.rule == "LT:POINTS_SUSPENSION" for i in picky) is False  # covered by YAML
    # A regional variant is passed through (each one costs the server a few seconds once).
    belgian = LanguageToolChecker(NO_CACHE, "fr-BE", frozenset()).check(Document("Il sont partis."))
    assert any(i.rule == "LT:ILS_ONT" for i in belgian)


def test_unchanged_text_costs_no_server_call(
    lt_url: ServerState, results_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = SEED.read_text(encoding="utf-8")
    first = LanguageToolChecker(LanguageToolSettings(), "fr-FR", NAMES)
    issues = first.check(Document(text))
    assert first.requests > 0
    again = first.check(Document(text))
    assert again == issues
    # A new checker (a later textlint run) with no server to talk to at all.
    monkeypatch.setattr(process, "ensure_running", _no_server)
    second = LanguageToolChecker(LanguageToolSettings(), "fr-FR", NAMES)
    assert second.check(Document(text)) == issues
    assert second.requests == 0
    # One edited paragraph is the only one sent again (and needs the server).
    monkeypatch.undo()
    monkeypatch.setattr("textlint.languagetool.paths.results_db", lambda: results_db)
    edited = text.replace("Problèmes de concurrence", "Problèmes de concurence")
    third = LanguageToolChecker(LanguageToolSettings(), "fr-FR", NAMES)
    third.check(Document(edited))
    assert third.requests == 1


def _no_server(*_args: object) -> ServerState:
    raise AssertionError("the server was asked for")


def test_unreachable_team_server_raises_one_line_error() -> None:
    settings = LanguageToolSettings(cache=False, url="http://127.0.0.1:9")
    started = time.monotonic()
    with pytest.raises(LanguageToolError) as error:
        LanguageToolChecker(settings, "fr-FR", frozenset()).check(Document("Il sont partis."))
    assert "http://127.0.0.1:9" in str(error.value)
    assert "\n" not in str(error.value)
    assert time.monotonic() - started < 30


def test_second_checker_reuses_the_server(lt_url: ServerState) -> None:
    LanguageToolChecker(NO_CACHE, "fr-FR", frozenset()).check(Document("Il sont partis."))
    before = process.read_state()
    LanguageToolChecker(NO_CACHE, "fr-FR", frozenset()).check(Document("Il sont partis."))
    assert process.read_state() == before
