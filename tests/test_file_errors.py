"""A malformed configuration or rule file: one message naming the file and the line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from textlint.config import load_config
from textlint.errors import ConfigError, RuleError
from textlint.yamlrules.loader import load_ruleset, load_rulesets

CONFIGS = [
    (
        ".textlint.yaml",
        "language: fr-FR\nlanguagetool:\n  timeout: 2\n  idle-timout: 5\n",
        ":4: languagetool.idle-timout: unknown key (known: enabled,",
    ),
    (".textlint.yaml", "language: [fr\n  x: y\n", ":2:4: invalid YAML (expected ',' or ']', but got ':')"),
    (
        "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.textlint]\nlanguage = "fr-FR"\nfail-level = "erreur"\n',
        ":6: fail-level: should be error, warning or info",
    ),
    (
        "pyproject.toml",
        '[tool.textlint]\nlanguage = "fr-FR"\n\n[tool.textlint.languagetool]\ntimeout = -1\n',
        ":5: languagetool.timeout: should be a positive number of seconds",
    ),
    (
        "pyproject.toml",
        '[tool.textlint]\nlanguage = "fr-FR\n',
        ":2:18: invalid TOML (Illegal character '\\n')",
    ),
]


@pytest.mark.parametrize(("name", "text", "message"), CONFIGS)
def test_configuration_errors_name_the_line(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="^" + re.escape(f"{path}{message}")):
        load_config(path)


HEAD = "ruleset:\n  prefix: maison\nrules:\n"
RULE_FILES = [
    (
        "  - id: a\n    kind: pattern\n    message: m\n    pattern: '(x'\n",
        ":7: rule maison.a: field 'pattern': ",
    ),
    (
        "  - id: a\n    kind: pattern\n    message: m\n    pattern: x\n    colour: red\n",
        ":8: rule maison.a: field 'colour'",
    ),
    ("  - id: a\n    kind: pattern\n    message: m\n", ":4: rule maison.a: field 'pattern': is required"),
    ("  - id: A b\n    kind: pattern\n", ":4: rules[0]: field 'id': should be lower-case"),
    (
        "  - id: a\n    kind: pattern\n    message: m\n  pattern: x\n",
        ":7:3: invalid YAML (did not find expected '-'",
    ),
    (
        "  - id: a\n    kind: existence\n    message: m\n    phrases: 3\n",
        ":7: rule maison.a: field 'phrases'",
    ),
]


@pytest.mark.parametrize(("body", "message"), RULE_FILES)
def test_rule_file_errors_name_the_line(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "maison.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    with pytest.raises(RuleError, match="^" + re.escape(f"{path}{message}")):
        load_ruleset(path)


def test_a_duplicate_id_names_its_line(tmp_path: Path) -> None:
    rule = "  - id: {}\n    kind: pattern\n    message: m\n    pattern: x\n"
    (tmp_path / "a.yaml").write_text(HEAD + rule.format("un"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(HEAD + rule.format("deux") + rule.format("un"), encoding="utf-8")
    with pytest.raises(
        RuleError, match="^" + re.escape(f"{tmp_path / 'b.yaml'}:8: rule maison.un: id already used")
    ):
        load_rulesets([tmp_path])
