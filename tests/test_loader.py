"""Rule files are validated at load: one error naming the file, the rule and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from textlint.document import Document
from textlint.errors import RuleError
from textlint.yamlrules.loader import load_ruleset, load_rulesets

HEADER = "ruleset:\n  prefix: maison\n  description: Règles de la maison\nrules:\n"
GOOD_RULE = """  - id: bientot
    kind: substitution
    message: "Écrire « {replacement} »"
    swap: {bientot: bientôt}
    examples:
      bad: [{text: "Il revient bientot.", fixed: "Il revient bientôt."}]
      good: ["Il revient bientôt."]
"""


def write(tmp_path: Path, body: str, name: str = "maison.yaml") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_valid_file_loads(tmp_path: Path) -> None:
    ruleset = load_ruleset(write(tmp_path, GOOD_RULE))
    assert [rule.id for rule in ruleset.rules] == ["maison.bientot"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("kind: substitution", "kind: magic"), "rule maison.bientot: field 'kind': should be one of"),
        (
            ("kind: substitution", "kind: substitution\n    severity: fatal"),
            "field 'severity': unknown severity",
        ),
        (("kind: substitution", "kind: substitution\n    colour: red"), "field 'colour': unknown field"),
        (
            ('message: "Écrire « {replacement} »"', 'message: "{oops}"'),
            "field 'message': unknown template field",
        ),
        (("swap: {bientot: bientôt}", "swap: []"), "field 'swap': should be a mapping"),
        (("kind: substitution", "kind: substitution\n    scope: [footer]"), "field 'scope': should be among"),
        (("kind: substitution", "kind: substitution\n    fix: maybe"), "field 'fix': should be one of"),
        (
            ("kind: substitution", "kind: substitution\n    exceptions: ['(unclosed']"),
            "field 'exceptions': invalid regular",
        ),
        (("id: bientot", "id: Bientôt!"), "rules[0]: field 'id'"),
        (
            ("kind: substitution", "kind: substitution\n    guards: [url, adresse]"),
            "field 'guards': unknown guard 'adresse' (known: url,",
        ),
        (
            ("kind: substitution", "kind: substitution\n    without-guards: [titre]"),
            "field 'without-guards': unknown guard 'titre'",
        ),
    ],
)
def test_invalid_rule_names_file_rule_and_field(
    tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    path = write(tmp_path, GOOD_RULE.replace(*change))
    with pytest.raises(RuleError) as raised:
        load_ruleset(path)
    message = str(raised.value)
    assert message.startswith(str(path)), message
    assert expected in message, message
    assert "\n" not in message


def test_invalid_pattern_is_reported(tmp_path: Path) -> None:
    body = """  - id: motif
    kind: pattern
    message: "x"
    pattern: '(?P<a>b'
"""
    with pytest.raises(RuleError, match=r"rule maison.motif: field 'pattern': invalid regular expression"):
        load_ruleset(write(tmp_path, body))


def test_a_case_class_in_a_case_insensitive_pattern_is_refused(tmp_path: Path) -> None:
    """Ignoring case, \\p{Lu} matches « quelle » too: the rule would not do what it says."""
    body = """  - id: motif
    kind: pattern
    message: "x"
    case: insensitive
    pattern: 'la\\s*\\p{Lu}\\p{L}+'
"""
    with pytest.raises(RuleError, match=r"field 'pattern': .*scope it as \(\?-i:\\p\{Lu\}\)"):
        load_ruleset(write(tmp_path, body))


def test_a_scoped_case_class_keeps_its_case_when_the_rule_ignores_case(tmp_path: Path) -> None:
    body = """  - id: motif
    kind: pattern
    message: "x"
    case: insensitive
    pattern: 'la\\s*(?-i:\\p{Lu})\\p{L}+'
"""
    rule = load_ruleset(write(tmp_path, body)).rules[0]
    text = "LA Poste et laquelle"
    assert [text[issue.start : issue.end] for issue in rule.find(Document(text))] == ["LA Poste"]


def test_invalid_yaml_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "cassé.yaml"
    path.write_text("ruleset: [\n  oops", encoding="utf-8")
    with pytest.raises(RuleError, match="invalid YAML") as raised:
        load_ruleset(path)
    assert "\n" not in str(raised.value)


def test_missing_ruleset_header(tmp_path: Path) -> None:
    path = tmp_path / "sans-tete.yaml"
    path.write_text("rules: []\n", encoding="utf-8")
    with pytest.raises(RuleError, match="field 'ruleset': is required"):
        load_ruleset(path)


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    write(tmp_path, GOOD_RULE, "a.yaml")
    write(tmp_path, GOOD_RULE, "b.yaml")
    with pytest.raises(RuleError, match="id already used in"):
        load_rulesets([tmp_path])


PATTERN = """  - id: motif
    kind: pattern
    message: "x"
    pattern: '(?P<verbe>a) voté'
"""


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("    swap: {a: ont}\n", "field 'swap-group': 'swap' and 'swap-group' go together"),
        ("    swap-group: verbe\n", "field 'swap': 'swap' and 'swap-group' go together"),
        ("    swap-group: sujet\n    swap: {a: ont}\n", "field 'swap-group': 'sujet' is not a named group"),
        ("    swap-group: verbe\n    swap: {a: ont}\n    replacement: x\n", "either 'replacement' or 'swap'"),
        ("    swap-group: verbe\n    swap: {a: [ont]}\n", "field 'swap': entry 'a' should map a string"),
        ("    transform: title\n", "field 'transform': should be one of lower, upper, capitalise, thousands"),
    ],
)
def test_invalid_pattern_fields(tmp_path: Path, extra: str, expected: str) -> None:
    with pytest.raises(RuleError) as raised:
        load_ruleset(write(tmp_path, PATTERN + extra))
    assert expected in str(raised.value)


def test_guards_are_inherited_added_and_dropped(tmp_path: Path) -> None:
    path = tmp_path / "maison.yaml"
    path.write_text(
        "ruleset:\n  prefix: maison\n  guards: [url, handle]\nrules:\n"
        + PATTERN
        + "    guards: [score]\n    without-guards: [handle]\n",
        encoding="utf-8",
    )
    assert load_ruleset(path).rules[0].header.guards == ("url", "score")
