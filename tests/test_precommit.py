"""The hooks in .pre-commit-hooks.yaml, run by the real pre-commit in throwaway git repos.

pre-commit installs a hook repository the way a user's machine would: it clones it, builds a
virtualenv and pip-installs textlint with its dependencies from PyPI. That takes a while, so:

* the repository under test is a snapshot of this working tree (tracked and untracked files,
  minus what .gitignore hides) committed in a temporary git repo. try-repo on the checkout
  itself would only pick up *tracked* changes (its temporary commit is `git add -u` plus
  staged files), so a new or uncommitted hook manifest would not be tested;
* one PRE_COMMIT_HOME per module, so `pre-commit run` builds the hook environment once and
  every test after the first reuses it (and nothing lands in ~/.cache/pre-commit);
* `pre-commit try-repo` always installs into a fresh temporary store of its own, whatever
  PRE_COMMIT_HOME says, so only one test goes through it; the others use a config pinned to
  the snapshot's commit, which is what `try-repo` writes for itself anyway.

LanguageTool is disabled in the linted repos (.textlint.yaml), so no Java is needed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 900  # seconds; a cold pip cache downloads every dependency

BAD = "Il a a dit : non.\n"  # doubled word, ordinary space before the colon
FIXED = "Il a dit\u00a0: non.\n"
CLEAN = "Le conseil municipal a voté le budget.\n"

Run = Callable[..., subprocess.CompletedProcess[str]]


def _env(pre_commit_home: Path) -> dict[str, str]:
    # Drop GIT_* variables (GIT_DIR, GIT_INDEX_FILE, ... when pytest itself runs from a git
    # hook): they would point every git command here at the outer repository.
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update(
        PRE_COMMIT_HOME=str(pre_commit_home),
        PRE_COMMIT_COLOR="never",
        NO_COLOR="1",
        GIT_AUTHOR_NAME="textlint tests",
        GIT_AUTHOR_EMAIL="tests@example.invalid",
        GIT_COMMITTER_NAME="textlint tests",
        GIT_COMMITTER_EMAIL="tests@example.invalid",
        GIT_CONFIG_NOSYSTEM="1",
    )
    env.pop("PYTHONPATH", None)  # the hook must run the textlint pre-commit installed
    return env


def _git(cwd: Path, env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout


def _commit_all(repo: Path, env: dict[str, str]) -> str:
    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "-q", "--no-verify", "-m", "snapshot")
    return _git(repo, env, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, pre_commit_home: Path) -> tuple[Path, str]:
    """This working tree as a committed git repo: (path, commit)."""
    env = _env(pre_commit_home)
    listed = _git(ROOT, env, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    snapshot = tmp_path_factory.mktemp("textlint-hook-repo")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # tracked but deleted files are skipped
            target = snapshot / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    assert (snapshot / ".pre-commit-hooks.yaml").is_file()
    _git(snapshot, env, "init", "-q")
    return snapshot, _commit_all(snapshot, env)


@pytest.fixture
def lint_repo(tmp_path: Path, pre_commit_home: Path) -> Path:
    """A git repo to lint: LanguageTool off, one file with problems, clean ones, files not to lint."""
    env = _env(pre_commit_home)
    repo = tmp_path / "articles"
    repo.mkdir()
    (repo / ".textlint.yaml").write_text("languagetool:\n  enabled: false\n", encoding="utf-8")
    (repo / "bad.txt").write_text(BAD, encoding="utf-8")
    (repo / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (repo / "clean.md").write_text("# Budget\n\n" + CLEAN, encoding="utf-8")
    (repo / "script.py").write_text(f"TEXT = {BAD.strip()!r}\n", encoding="utf-8")  # not prose
    (repo / "LICENSE").write_text("Permission is granted: use it. Why not ? The the end.\n", encoding="utf-8")
    _git(repo, env, "init", "-q")
    _commit_all(repo, env)
    return repo


@pytest.fixture
def pre_commit(pre_commit_home: Path) -> Run:
    def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", *args],
            cwd=cwd,
            env=_env(pre_commit_home),
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )

    return run


@pytest.fixture
def run_hook(pre_commit: Run, hook_repo: tuple[Path, str]) -> Run:
    """`pre-commit run HOOK` with a config that uses this repository's hooks at the snapshot."""
    path, commit = hook_repo

    def run(hook: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        config = cwd / ".pre-commit-config.yaml"
        config.write_text(
            f"repos:\n  - repo: {path}\n    rev: {commit}\n"
            "    hooks:\n      - id: textlint\n      - id: textlint-fix\n",
            encoding="utf-8",
        )
        return pre_commit("run", hook, "--config", str(config), *args, cwd=cwd)

    return run


def _output(result: subprocess.CompletedProcess[str]) -> str:
    return result.stdout + result.stderr


def test_try_repo_fails_on_a_file_with_problems(
    pre_commit: Run, hook_repo: tuple[Path, str], lint_repo: Path
) -> None:
    path, _commit = hook_repo
    result = pre_commit("try-repo", str(path), "textlint", "--files", "bad.txt", cwd=lint_repo)
    out = _output(result)
    assert result.returncode == 1, out
    assert "textlint" in out and "Failed" in out, out
    assert "bad.txt:1:4: mt.doubled-word" in out, out
    assert "bad.txt:1:11: typo.space-before-colon" in out, out
    assert (lint_repo / "bad.txt").read_text(encoding="utf-8") == BAD  # check only, no fixing


def test_hook_passes_on_clean_files(run_hook: Run, lint_repo: Path) -> None:
    result = run_hook("textlint", "--files", "clean.txt", "clean.md", cwd=lint_repo)
    out = _output(result)
    assert result.returncode == 0, out
    assert "Passed" in out, out


def test_hook_lints_text_and_markdown_only(run_hook: Run, lint_repo: Path) -> None:
    (lint_repo / "notes.md").write_text(BAD, encoding="utf-8")
    result = run_hook("textlint", "--all-files", "--verbose", cwd=lint_repo)
    out = _output(result)
    assert result.returncode == 1, out
    assert "bad.txt:1:4: mt.doubled-word" in out, out
    assert "script.py" not in out, out  # types_or: [markdown, plain-text]
    assert "LICENSE" not in out, out  # plain-text to identify, but not *.txt/*.md/*.markdown
    # --all-files means tracked files: the untracked notes.md is not passed either.
    assert "notes.md" not in out, out


def test_fix_hook_rewrites_the_file_then_passes(run_hook: Run, lint_repo: Path) -> None:
    first = run_hook("textlint-fix", "--files", "bad.txt", "clean.txt", cwd=lint_repo)
    out = _output(first)
    assert first.returncode == 1, out
    assert "files were modified by this hook" in out, out
    assert (lint_repo / "bad.txt").read_text(encoding="utf-8") == FIXED
    assert (lint_repo / "clean.txt").read_text(encoding="utf-8") == CLEAN

    second = run_hook("textlint-fix", "--files", "bad.txt", cwd=lint_repo)
    assert second.returncode == 0, _output(second)
    assert run_hook("textlint", "--files", "bad.txt", cwd=lint_repo).returncode == 0
