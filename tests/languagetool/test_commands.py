"""`textlint languagetool install|status|start|stop` through argparse."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pytest

from textlint.cli.languagetool import register as register_commands
from textlint.languagetool import install, paths


def parse(*args: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="textlint")
    register_commands(parser.add_subparsers(dest="command"))
    return parser.parse_args(["languagetool", *args])


def test_status_of_an_empty_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(paths.CACHE_ENV, str(tmp_path))
    args = parse("status")
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert "not installed" in out
    assert "server: not running" in out


def test_stop_without_a_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(paths.CACHE_ENV, str(tmp_path))
    args = parse("stop")
    assert args.func(args) == 0
    assert "not running" in capsys.readouterr().out


def test_install_without_java_names_java_in_one_line_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(paths.CACHE_ENV, str(tmp_path))
    monkeypatch.setenv("PATH", str(tmp_path))  # neither mvn nor java
    args = parse("install")
    assert args.func(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("textlint: error: Java not found on PATH: LanguageTool needs Java 17")
    assert not paths.install_marker().exists()


def test_install_with_java_but_without_maven_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    java = shutil.which("java")
    assert java is not None
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "java").symlink_to(java)
    monkeypatch.setenv(paths.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setenv("PATH", str(bin_dir))  # java, but no mvn
    monkeypatch.setattr(install, "_install_with_language_tool_python", _offline_download)
    args = parse("install")
    assert args.func(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == "textlint: error: no download here; install Maven"
    assert not paths.install_marker().exists()


def _offline_download(version: str) -> tuple[str, ...]:
    raise install.LanguageToolError("no download here; install Maven")


def test_subcommand_is_required() -> None:
    with pytest.raises(SystemExit):
        parse()
