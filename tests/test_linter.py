"""One `Linter` shared by threads, rule selection like ruff, and a newsroom's registry reaching every kind."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import SEED, Runner
from textlint import selection
from textlint.config import Config, LanguageToolSettings, config_from_table
from textlint.document import Document
from textlint.errors import ConfigError
from textlint.linter import Linter

NO_LT = Config(languagetool=LanguageToolSettings(enabled=False))
DOCUMENTS = [
    SEED.read_text(encoding="utf-8"),
    "Problèmes De Concurrence\n\nLe régulateur a ouvert une enquête sur le Réseau.\n",
    "Le réseau a tenu, mais le Réseau de secours a lâché.\n\nIl dit : the board has voted for it hier.\n",
    "L'annonce de OpenAI ; le le ministre arrive. Photo : AFP\n",
    "Des Géants De La Tech Face Aux Régulateurs\n\nLes géants de la tech ont réagi hier.\n",
    "Texte propre, sans aucun défaut, écrit par un journaliste attentif.\n",
]


def test_eight_threads_on_one_linter_get_the_single_threaded_results() -> None:
    linter = Linter(NO_LT)
    alone = [linter.lint(Document(text, path=f"d{i}.txt")).issues for i, text in enumerate(DOCUMENTS)]
    assert all(alone[:5])  # every document but the clean one has issues
    jobs = [(i, text) for _ in range(12) for i, text in enumerate(DOCUMENTS)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(
            pool.map(lambda job: (job[0], linter.lint(Document(job[1], path=f"d{job[0]}.txt"))), jobs)
        )
    for index, result in results:
        assert result.issues == alone[index]


def test_a_house_registry_is_seen_by_the_capitalisation_rules(tmp_path: Path) -> None:
    text = "Le réseau a tenu.\n\nLa direction de Vireo Réseau a réagi, et le Réseau a tenu.\n"
    builtin = Linter(NO_LT).lint(Document(text)).issues
    assert any(issue.rule == "mt.capitalised-noun" for issue in builtin)
    rules = tmp_path / "regles"
    rules.mkdir()
    (rules / "maison.yaml").write_text(
        "registry:\n  id: maison\nentities:\n"
        "  - name: Réseau\n    type: organisation\n    variants: [Reseau]\n    good: [Le Réseau a tenu.]\n"
        "examples:\n  bad:\n    - text: Le Reseau a tenu.\n      fixed: Le Réseau a tenu.\n"
        "  good: [Le Réseau a tenu.]\n",
        encoding="utf-8",
    )
    config = config_from_table(
        {"rule-dirs": ["regles"], "languagetool": {"enabled": False}}, tmp_path / "x.toml"
    )
    house = Linter(config).lint(Document(text)).issues
    assert not any(issue.rule == "mt.capitalised-noun" for issue in house)


def test_an_unknown_selector_is_an_error_naming_the_closest_id() -> None:
    with pytest.raises(
        ConfigError,
        match=r"unknown rule id or prefix 'typo.space-befor-colon'; did you mean typo.space-before-colon\?",
    ):
        Linter(Config(select=("typo.space-befor-colon",), languagetool=LanguageToolSettings(enabled=False)))
    for known in (
        "typo",
        "typo.space-before-colon",
        "LT:ACCORD_SUJET_VERBE",
        "LT",
        "ALL",
        "textlint.not-french",
    ):
        Linter(Config(ignore=(known,), languagetool=LanguageToolSettings(enabled=False)))


def test_a_renamed_rule_id_keeps_working_with_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(selection.REDIRECTS, "typo.colon-space", "typo.space-before-colon")
    linter = Linter(Config(ignore=("typo.colon-space",), languagetool=LanguageToolSettings(enabled=False)))
    assert linter.notes == (
        "rule typo.colon-space was renamed typo.space-before-colon: select it by its new id",
    )
    issues = linter.lint(Document("Il dit : non.")).issues
    assert not any(issue.rule == "typo.space-before-colon" for issue in issues)


def test_check_with_an_unknown_selector_exits_2(textlint: Runner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Il dit : non.\n", encoding="utf-8")
    result = textlint("check", "--no-languagetool", "--select", "typo.nonexistent", str(article))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        "textlint: error: unknown rule id or prefix 'typo.nonexistent'; did you mean typo."
    )


def test_rules_list_shows_the_rules_in_force(textlint: Runner) -> None:
    everything = textlint("rules", "list").stdout.splitlines()
    selected = textlint("rules", "list", "--select", "typo.space-before").stdout.splitlines()
    assert len(selected) < len(everything)
    assert all(line.startswith("typo.space-before") for line in selected[:-1])
    assert selected[-1] == f"{len(selected) - 1} rules"
    ignored = textlint("rules", "list", "--ignore", "mt").stdout
    assert "mt.doubled-word" not in ignored
    shown = textlint("rules", "list", "--all", "--ignore", "mt").stdout
    assert "mt.doubled-word" in shown and "(off)" in shown


def test_not_french_documents_are_skipped_and_said_so(textlint: Runner, tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        "# English notes\n\nThis repository holds the newsroom's tools. Install them with pip, then run "
        "the checker on every article before you publish it: it will tell you what to fix and why.\n",
        encoding="utf-8",
    )
    report = json.loads(textlint("check", "--no-languagetool", "--format", "json", str(readme)).stdout)
    [entry] = report["files"]
    assert (entry["issues"], entry["skipped"]) == ([], "not French (anglais): not checked")
    text = textlint("check", "--no-languagetool", str(readme)).stdout
    assert f"{readme}: not French (anglais): not checked" in text
    assert text.splitlines()[-1] == "All checks passed; 1 file skipped (not French)."
    # Per path, a newsroom can lint such files anyway.
    (tmp_path / ".textlint.yaml").write_text(
        'per-file-ignores:\n  "*.md": [textlint.not-french]\n', encoding="utf-8"
    )
    forced = json.loads(textlint("check", "--no-languagetool", "--format", "json", str(readme)).stdout)
    assert forced["files"][0]["skipped"] is None
