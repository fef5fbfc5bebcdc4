"""The engine: selection, suppressions, merging across sources."""

from __future__ import annotations

from pathlib import Path

import textlint
from textlint.config import Config
from textlint.engine import merge
from textlint.issues import Issue, Severity

NO_LT = Config(languagetool=textlint.LanguageToolSettings(enabled=False))


def rules_of(text: str, **config: object) -> list[str]:
    from dataclasses import replace

    return [issue.rule for issue in textlint.lint_text(text, config=replace(NO_LT, **config))]


def test_select_and_ignore_by_prefix_and_id() -> None:
    text = "Il dit : non. Le le chat."
    assert rules_of(text) == ["typo.space-before-colon", "mt.doubled-word"]
    assert rules_of(text, select=("typo",)) == ["typo.space-before-colon"]
    assert rules_of(text, ignore=("typo.space-before-colon",)) == ["mt.doubled-word"]
    assert rules_of(text, select=("mt.doubled-word",), ignore=("mt",)) == []


def test_per_file_ignores() -> None:
    from dataclasses import replace

    config = replace(NO_LT, per_file_ignores={"archives/*.txt": ("typo",)})
    text = "Il dit : non."
    assert textlint.lint_text(text, config=config, path="archives/2019.txt") == []
    assert [i.rule for i in textlint.lint_text(text, config=config, path="actu/2024.txt")] == [
        "typo.space-before-colon"
    ]


def test_disable_enable_block_in_html_comments() -> None:
    text = (
        "Il dit : non.\n"
        "<!-- textlint-disable typo.space-before-colon -->\n"
        "Elle dit : oui.\n"
        "Le le chat.\n"
        "<!-- textlint-enable -->\n"
        "Ils disent : peut-être.\n"
    )
    issues = textlint.lint_text(text, config=NO_LT)
    lines = [(issue.rule, text[: issue.start].count("\n") + 1) for issue in issues]
    assert lines == [("typo.space-before-colon", 1), ("mt.doubled-word", 4), ("typo.space-before-colon", 6)]


def test_disable_next_line_in_plain_text_and_all_rules() -> None:
    text = "# textlint-disable-next-line\nIl dit : non. Le le chat.\nElle dit : oui.\n"
    assert [issue.rule for issue in textlint.lint_text(text, config=NO_LT)] == ["typo.space-before-colon"]


def test_unused_suppressions_are_reported() -> None:
    from textlint.document import Document
    from textlint.linter import Linter

    text = "<!-- textlint-disable-next-line mt.doubled-word -->\nIl dit\u00a0: non.\n"
    linter = Linter(NO_LT, report_unused_suppressions=True)
    issues = linter.lint(Document(text)).issues
    assert [issue.rule for issue in issues] == ["textlint.unused-suppression"]
    assert "mt.doubled-word" in issues[0].message
    assert Linter(NO_LT).lint(Document(text)).issues == ()


def issue(rule: str, source: str, start: int, end: int, category: str = "typography") -> Issue:
    return Issue(rule, source, Severity.WARNING, start, end, "m", category)


def test_merge_keeps_the_yaml_issue_and_records_the_other_origin() -> None:
    own = issue("typo.space-before-colon", "yaml", 10, 12)
    other = issue("LT:FRENCH_WHITESPACE", "languagetool", 11, 12)
    grammar = issue("LT:ACCORD", "languagetool", 11, 12, "grammar")
    merged = merge([own, other, grammar, own])
    assert [(i.rule, i.origins) for i in merged] == [
        ("typo.space-before-colon", ("LT:FRENCH_WHITESPACE",)),
        ("LT:ACCORD", ()),
    ]


def test_merge_folds_a_spelling_match_into_an_entity_issue() -> None:
    own = issue("entity.tech-spelling", "yaml", 10, 18, "entity")
    other = issue("LT:FR_SPELLING_RULE", "languagetool", 10, 18, "spelling")
    assert [(i.rule, i.origins) for i in merge([own, other])] == [
        ("entity.tech-spelling", ("LT:FR_SPELLING_RULE",))
    ]


def test_merge_folds_any_issue_inside_a_misspelt_name() -> None:
    own = issue("entity.technology", "yaml", 10, 14, "entity")
    inside = issue("LT:AIT_AIE_AIES_EST", "languagetool", 12, 14, "grammar")
    beside = issue("LT:ACCORD", "languagetool", 14, 18, "grammar")
    assert [(i.rule, i.origins) for i in merge([own, inside, beside])] == [
        ("entity.technology", ("LT:AIT_AIE_AIES_EST",)),
        ("LT:ACCORD", ()),
    ]


def test_merge_folds_a_yaml_issue_inside_a_name_another_yaml_rule_rewrites() -> None:
    from dataclasses import replace

    from textlint.issues import Fix, Safety

    name = replace(issue("entity.politics-world", "yaml", 4, 33, "entity"), fix=Fix("Fonds", Safety.SAFE))
    adjective = issue("entity.institution-capitals", "yaml", 10, 19, "entity")
    other_problem = issue("typo.double-space", "yaml", 12, 14)  # typography: another problem
    after = issue("entity.institution-capitals", "yaml", 40, 48, "entity")
    merged = merge([adjective, name, other_problem, after])
    assert [(i.rule, i.start, i.origins) for i in merged] == [
        ("entity.politics-world", 4, ("entity.institution-capitals",)),
        ("typo.double-space", 12, ()),
        ("entity.institution-capitals", 40, ()),
    ]
    without_fix = replace(name, fix=None)  # a diagnosis without a fix does not stand for the other
    assert len(merge([adjective, without_fix])) == 2


def test_merge_keeps_disjoint_spans() -> None:
    own = issue("typo.space-before-colon", "yaml", 10, 12)
    other = issue("LT:FRENCH_WHITESPACE", "languagetool", 12, 14)
    assert len(merge([own, other])) == 2


def test_extend_select_turns_on_an_alternative_that_replaces_the_default(tmp_path: Path) -> None:
    from dataclasses import replace

    (tmp_path / "heures.yaml").write_text(
        "ruleset:\n  prefix: maison\nrules:\n"
        "  - id: heure-espacee\n    kind: pattern\n    message: m\n"
        "    pattern: '(\\d)h(\\d\\d)'\n    replacement: '\\1 h \\2'\n"
        "  - id: heure-compacte\n    kind: pattern\n    message: m\n    enabled: false\n"
        "    replaces: [maison.heure-espacee]\n"
        "    pattern: '(\\d) h (\\d\\d)'\n    replacement: '\\1h\\2'\n",
        encoding="utf-8",
    )
    config = replace(NO_LT, rule_dirs=(tmp_path,), select=("maison",))
    text = "À 20h30 puis à 21 h 15."
    assert [i.rule for i in textlint.lint_text(text, config=config)] == ["maison.heure-espacee"]
    chosen = replace(config, extend_select=("maison.heure-compacte",))
    assert [i.rule for i in textlint.lint_text(text, config=chosen)] == ["maison.heure-compacte"]
