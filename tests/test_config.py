"""Configuration files: found upward, strict about keys and values."""

from __future__ import annotations

from pathlib import Path

import pytest

from textlint.cli.discovery import walk
from textlint.config import Config, Severity, find_config, load_config
from textlint.errors import ConfigError


def test_pyproject_table_is_found_upward(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.textlint]\nlanguage = "fr-CA"\nfail-level = "error"\nignore = ["typo"]\n'
        'rule-dirs = ["maison"]\n[tool.textlint.languagetool]\nenabled = false\n',
        encoding="utf-8",
    )
    nested = tmp_path / "articles" / "2024"
    nested.mkdir(parents=True)
    config = find_config(nested)
    assert config.language == "fr-CA"
    assert config.fail_level is Severity.ERROR
    assert config.ignore == ("typo",)
    assert config.rule_dirs == (tmp_path.resolve() / "maison",)
    assert config.languagetool.enabled is False


def test_yaml_config_wins_over_pyproject_in_same_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.textlint]\nlanguage = "fr-CA"\n', encoding="utf-8")
    (tmp_path / ".textlint.yaml").write_text("language: fr-BE\n", encoding="utf-8")
    assert find_config(tmp_path).language == "fr-BE"


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert find_config(tmp_path).source is None


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("langage: fr-FR\n", "langage: unknown key"),
        ("language: es-ES\n", "language: should be one of"),
        ("fail-level: fatal\n", "fail-level: should be error, warning or info"),
        ("select: 3\n", "select: should be a string or a list of strings"),
        ("languagetool:\n  picky: oui\n", "languagetool.picky: should be true or false"),
        ("languagetool:\n  port: 8081\n", "languagetool.port: unknown key"),
        ("language: [\n", ":2:1: invalid YAML (expected the node content"),
    ],
)
def test_bad_config_names_the_key(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / ".textlint.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert str(raised.value).startswith(str(path))
    assert expected in str(raised.value)
    assert "\n" not in str(raised.value)


def test_folders_are_walked_without_what_git_ignores(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    for name in ("articles/a.md", "articles/brouillons/b.md", "build/c.txt", "articles/d.txt", "e.txt"):
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text("Texte.\n", encoding="utf-8")
    (repo / ".git").mkdir()
    (repo / ".gitignore").write_text("build/\n*.txt\n!articles/*.txt\n", encoding="utf-8")
    (repo / "articles" / ".gitignore").write_text("brouillons/\n", encoding="utf-8")
    config = Config(root=repo)
    found = sorted(path.relative_to(repo).as_posix() for path in walk(repo, config))
    assert found == ["articles/a.md", "articles/d.txt"]
    # Walking a subfolder still honours the repository root's .gitignore.
    assert [p.name for p in walk(repo / "articles", config)] == ["a.md", "d.txt"]
    everything = Config(root=repo, respect_gitignore=False)
    assert len(list(walk(repo, everything))) == 5
