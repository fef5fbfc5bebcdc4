"""The compiled-rules cache and the whole-document result cache: used when nothing changed,
rebuilt when anything did, rebuilt when damaged, skipped (with one warning) when unwritable."""

from __future__ import annotations

import shutil
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import SEED, Runner, run_textlint
from textlint import cachestore
from textlint.cli.check import CheckOptions, _from_cache
from textlint.config import Config, LanguageToolSettings, LintOptions
from textlint.document import Document, read_document
from textlint.linter import Linter
from textlint.yamlrules import compiled
from textlint.yamlrules.compiled import compiled_checker, compiled_rulesets
from textlint.yamlrules.files import builtin_rules_dir

NO_LT = Config(languagetool=LanguageToolSettings(enabled=False))
OWN_RULE = """\
ruleset:
  prefix: maison
rules:
  - id: {id}
    kind: pattern
    pattern: '\\bderechef\\b'
    message: « derechef » est vieilli ; préférez « de nouveau ».
"""


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cachestore.CACHE_ENV, str(folder))
    return folder


# What a first `check` leaves in the rule caches: the built-in rules compiled, and the rule
# checker of the default rules. Built once for the module, as `check` builds it.
BUILT = ("rules", "checkers")


@pytest.fixture(scope="module")
def built_rules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("built") / "cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(cachestore.CACHE_ENV, str(folder))
        assert run_textlint("check", "--no-languagetool", "--no-cache", str(SEED)).returncode == 1
    assert all(entries(folder / name) for name in BUILT)
    return folder


@pytest.fixture
def built_cache_dir(cache_dir: Path, built_rules: Path) -> Path:
    """A cache folder holding the built-in rules already compiled (and their checker), for the
    tests about another cache, or about a damaged entry rather than a first build."""
    for name in BUILT:
        shutil.copytree(built_rules / name, cache_dir / name)
    return cache_dir


def entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.pickle")) if folder.exists() else []


def rule_ids(paths: list[Path]) -> list[str]:
    return [rule.id for ruleset in compiled_rulesets(paths).rulesets for rule in ruleset.rules]


def test_rules_are_read_back_from_the_cache_and_reloaded_when_a_file_changes(
    cache_dir: Path, tmp_path: Path
) -> None:
    own = tmp_path / "rules"
    own.mkdir()
    (own / "house.yaml").write_text(OWN_RULE.format(id="derechef"), encoding="utf-8")
    paths = [builtin_rules_dir(), own]
    first = rule_ids(paths)
    [entry] = entries(cache_dir / "rules")
    compiled.forget()  # as a new process: from the cache, not from this process's memory
    cached = compiled_rulesets(paths)
    assert cached.key is not None and cached._rulesets is None  # the index only, rules not yet built
    assert [rule.id for rs in cached.rulesets for rule in rs.rules] == first
    assert "maison.derechef" in first

    (own / "house.yaml").write_text(OWN_RULE.format(id="de-nouveau"), encoding="utf-8")
    changed = rule_ids(paths)
    assert "maison.de-nouveau" in changed and "maison.derechef" not in changed
    assert len(entries(cache_dir / "rules")) == 2 and entry.exists()


def test_another_format_of_the_compiled_rules_never_reads_an_entry_of_this_one(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "rules"
    own.mkdir()
    (own / "house.yaml").write_text(OWN_RULE.format(id="derechef"), encoding="utf-8")
    ids = ["fr", "maison.derechef"]
    stored = compiled_rulesets([own])
    compiled_checker(stored, lambda: [rule for rs in stored.rulesets for rule in rs.rules], ids)
    compiled.forget()
    assert compiled_rulesets([own])._rulesets is None  # read back from the cache
    monkeypatch.setattr(compiled, "FORMAT", "another")
    other = compiled_rulesets([own])
    assert other.key != stored.key and other._rulesets is not None  # loaded from the files again
    compiled_checker(other, lambda: [rule for rs in other.rulesets for rule in rs.rules], ids)
    assert len(entries(cache_dir / "rules")) == len(entries(cache_dir / "checkers")) == 2


def test_a_damaged_rules_entry_is_rebuilt_with_a_warning(
    built_cache_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache_dir = built_cache_dir
    expected = rule_ids([builtin_rules_dir()])
    [entry] = entries(cache_dir / "rules")
    entry.write_bytes(entry.read_bytes()[:1000])  # a write cut short
    compiled.forget()  # a new process reads the damaged entry
    assert rule_ids([builtin_rules_dir()]) == expected
    assert f"cache entry {entry} was damaged; building it again" in capsys.readouterr().err
    compiled.forget()
    assert compiled_rulesets([builtin_rules_dir()])._rulesets is None  # whole again: read from the cache


def test_an_unwritable_cache_is_skipped_with_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv(cachestore.CACHE_ENV, str(blocked))
    cachestore._warned.clear()
    expected = [
        rule.id for ruleset in compiled_rulesets([builtin_rules_dir()]).rulesets for rule in ruleset.rules
    ]
    assert rule_ids([builtin_rules_dir()]) == expected
    warnings = [line for line in capsys.readouterr().err.splitlines() if "not written" in line]
    assert len(warnings) == 1 and str(blocked) in warnings[0]


def test_an_unchanged_document_comes_from_the_result_cache_without_running_a_rule(cache_dir: Path) -> None:
    doc = Document(SEED.read_text(encoding="utf-8"), path=str(SEED))
    fresh = Linter(NO_LT, cache_results=True).lint(doc)
    assert fresh.issues and len(entries(cache_dir / "results")) == 1

    again = Linter(NO_LT, cache_results=True)
    assert again.lint(doc) == fresh
    assert again._rule_checker is None  # no rule was built, let alone run

    edited = Document(doc.text.replace("Le ", "Un ", 1), path=str(SEED))
    assert again.lint(edited) == Linter(NO_LT).lint(edited)
    assert again._rule_checker is not None and len(entries(cache_dir / "results")) == 2


def test_the_result_depends_on_the_configuration_and_the_path(cache_dir: Path) -> None:
    doc = Document(SEED.read_text(encoding="utf-8"), path=str(SEED))
    full = Linter(NO_LT, cache_results=True).lint(doc)
    ignoring = Config(languagetool=NO_LT.languagetool, ignore=("mt",))
    fewer = Linter(ignoring, cache_results=True).lint(doc)
    assert {i.rule for i in fewer.issues} == {i.rule for i in full.issues if not i.rule.startswith("mt.")}
    per_file = Config(languagetool=NO_LT.languagetool, per_file_ignores={"other/*.txt": ("mt",)})
    elsewhere = Document(doc.text, path="other/copy.txt")
    assert Linter(per_file, cache_results=True).lint(elsewhere).issues == fewer.issues


def test_a_result_missing_its_grammar_is_not_kept(cache_dir: Path) -> None:
    # Nothing listens on port 9 of the loopback: grammar cannot be checked, the rules can.
    unreachable = Config(languagetool=LanguageToolSettings(url="http://127.0.0.1:9", timeout=5))
    result = Linter(unreachable, cache_results=True).lint(Document("Il a dit : oui.", path="a.txt"))
    assert not result.complete
    assert entries(cache_dir / "results") == []


def test_no_cache_neither_reads_nor_writes_results(built_cache_dir: Path, textlint: Runner) -> None:
    cache_dir = built_cache_dir
    base = ["check", "--no-languagetool", "--format", "json", str(SEED)]
    plain = textlint(*base, "--no-cache")
    assert entries(cache_dir / "results") == []
    assert textlint(*base).stdout == plain.stdout
    assert len(entries(cache_dir / "results")) == 1
    assert textlint(*base).stdout == plain.stdout  # now from the cache


def test_the_rule_checker_is_read_back_with_its_rules(cache_dir: Path) -> None:
    doc = Document(SEED.read_text(encoding="utf-8"), path=str(SEED))
    first = Linter(NO_LT).lint(doc)
    assert len(entries(cache_dir / "checkers")) == 1
    again = Linter(NO_LT)
    assert again.lint(doc) == first
    assert again._rules is None  # the checker came whole from the cache, rules included
    fewer = Linter(Config(languagetool=NO_LT.languagetool, ignore=("mt",)))
    assert fewer.lint(doc).issues == tuple(i for i in first.issues if not i.rule.startswith("mt."))
    assert len(entries(cache_dir / "checkers")) == 2


def _run_options(*paths: Path, **lint: object) -> CheckOptions:
    return CheckOptions(paths=tuple(map(str, paths)), lint=LintOptions(languagetool=False, **lint))  # type: ignore[arg-type]


def test_an_unchanged_file_is_answered_by_its_run_record_until_something_changes(
    built_cache_dir: Path, tmp_path: Path, textlint: Runner
) -> None:
    cache_dir = built_cache_dir
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / "article.txt"
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    options = _run_options(article)
    assert _from_cache(options) is None  # never linted
    first = textlint("check", "--no-languagetool", "--format", "json", str(article))
    answered = _from_cache(options)
    assert answered is not None and len(entries(cache_dir / "runs")) == 1
    linted = Linter(replace(NO_LT, root=folder), cache_results=False).lint(read_document(str(article)))
    assert [file.issues for file in answered.result.files] == [linted.issues]
    assert textlint("check", "--no-languagetool", "--format", "json", str(article)).stdout == first.stdout

    # Other options, another configuration file up the tree: another record, linted first.
    assert _from_cache(_run_options(article, ignore=("mt",))) is None
    (tmp_path / "pyproject.toml").write_text('[tool.textlint]\nignore = ["mt"]\n', encoding="utf-8")
    assert _from_cache(options) is None
    fewer = textlint("check", "--no-languagetool", "--format", "json", str(article))
    assert fewer.stdout != first.stdout
    again = _from_cache(options)
    assert again is not None and all(not i.rule.startswith("mt.") for i in again.result.files[0].issues)


def test_a_rule_file_edited_added_or_removed_is_a_miss(
    cache_dir: Path, tmp_path: Path, textlint: Runner
) -> None:
    own = tmp_path / "rules"
    own.mkdir()
    (own / "house.yaml").write_text(OWN_RULE.format(id="derechef"), encoding="utf-8")
    (tmp_path / ".textlint.yaml").write_text("rule-dirs: [rules]\n", encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("Il est revenu derechef au conseil municipal.\n", encoding="utf-8")
    options = _run_options(article)
    assert "maison.derechef" in textlint("check", "--no-languagetool", str(article)).stdout
    assert _from_cache(options) is not None

    (own / "house.yaml").write_text(OWN_RULE.format(id="de-nouveau"), encoding="utf-8")
    assert _from_cache(options) is None
    assert "maison.de-nouveau" in textlint("check", "--no-languagetool", str(article)).stdout
    assert _from_cache(options) is not None
    (own / "more.yaml").write_text(OWN_RULE.format(id="encore").replace("maison", "autre"), encoding="utf-8")
    assert _from_cache(options) is None


def test_a_file_changed_since_its_run_is_linted_again(
    built_cache_dir: Path, tmp_path: Path, textlint: Runner
) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Il a dit : oui.\n", encoding="utf-8")
    textlint("check", "--no-languagetool", str(article))
    assert _from_cache(_run_options(article)) is not None
    article.write_text("Il a dit\u00a0: oui.\n", encoding="utf-8")
    assert _from_cache(_run_options(article)) is None
    assert _from_cache(_run_options(article, cache=False)) is None


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG rule is Linux's")
def test_the_cache_folder_is_platformdirs_own(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import platformdirs

    monkeypatch.delenv(cachestore.CACHE_ENV, raising=False)
    for xdg in ("", "  ", str(tmp_path / "xdg")):
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
        assert cachestore.cache_root() == Path(platformdirs.user_cache_dir("textlint"))


def test_rules_loaded_in_this_process_serve_again_until_a_file_changes(
    cache_dir: Path, tmp_path: Path
) -> None:
    own = tmp_path / "rules"
    own.mkdir()
    house = own / "house.yaml"
    house.write_text(OWN_RULE.format(id="derechef"), encoding="utf-8")
    first = compiled_rulesets([own])
    assert compiled_rulesets([own]) is first  # the same objects, their regexes already rebuilt
    house.write_text(OWN_RULE.format(id="de-nouveau"), encoding="utf-8")
    changed = compiled_rulesets([own])
    assert changed is not first
    assert [rule.id for rs in changed.rulesets for rule in rs.rules] == ["maison.de-nouveau"]
