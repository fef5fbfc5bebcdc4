"""Configuration: `[tool.textlint]` in pyproject.toml or `.textlint.yaml`, found upward.

Every key is declared once in `_KEYS` (or `_LT_KEYS`) with its type; unknown keys and
values of the wrong type are errors that name the file and the key.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textlint.errors import ConfigError
from textlint.issues import Severity
from textlint.yamlmarks import toml_line, yaml_error, yaml_line

if TYPE_CHECKING:
    import tomllib

CONFIG_FILES = (".textlint.yaml", ".textlint.yml", "pyproject.toml")
LANGUAGES = ("fr-FR", "fr-BE", "fr-CA", "fr-CH")
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")
DEFAULT_FRONT_MATTER = ("title", "description")
DEFAULT_EXCLUDE = (".git", ".hg", ".venv", "venv", "node_modules", "__pycache__", ".tox")
URL_ENV = "TEXTLINT_LANGUAGETOOL_URL"


@dataclass(frozen=True)
class LanguageToolSettings:
    """How textlint runs or reaches LanguageTool."""

    enabled: bool = True
    url: str | None = None  # a team's own server; None means a local managed server
    require: bool = False  # unavailable LanguageTool is an error (exit 2), not a warning
    picky: bool = False
    cache: bool = True
    enable: tuple[str, ...] = ()  # LanguageTool rule ids to enable
    disable: tuple[str, ...] = ()  # LanguageTool rule ids to disable
    safe: tuple[str, ...] = ()  # LanguageTool rule ids whose first replacement is a safe fix
    allow_words: tuple[str, ...] = ()  # names never reported as spelling mistakes
    idle_timeout: int = 1800  # seconds before an idle managed server stops itself
    memory: str = "2g"  # the JVM's -Xmx
    timeout: float = 60.0  # seconds a check may wait for the server (a retry waits 3 times longer)


@dataclass(frozen=True)
class Config:
    """Settings for one checked file."""

    language: str = "fr-FR"
    fail_level: Severity = Severity.WARNING
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()  # rules that are off by default, turned on
    ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    respect_gitignore: bool = True  # folders are walked without what git ignores
    rule_dirs: tuple[Path, ...] = ()
    front_matter: tuple[str, ...] = DEFAULT_FRONT_MATTER  # Markdown front-matter fields that are prose
    languagetool: LanguageToolSettings = LanguageToolSettings()
    root: Path = Path(".")  # the folder of the config file; globs are relative to it
    source: str | None = None  # the config file, for messages


def _string_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise TypeError("should be a string or a list of strings")


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError("should be true or false")
    return value


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("should be a string")
    return value


def _positive_int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise TypeError("should be a positive integer")
    return value


def _positive_number(value: Any) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool) or not value > 0:
        raise TypeError("should be a positive number of seconds")
    return float(value)


def _language(value: Any) -> str:
    if value not in LANGUAGES:
        raise TypeError(f"should be one of {', '.join(LANGUAGES)}")
    return str(value)


def _severity(value: Any) -> Severity:
    try:
        return Severity.parse(_string(value))
    except ValueError:
        raise TypeError("should be error, warning or info") from None


def _per_file_ignores(value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise TypeError("should be a table of glob = [rule ids]")
    return {str(glob): _string_list(ids) for glob, ids in value.items()}


_LT_KEYS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "enabled": ("enabled", _boolean),
    "url": ("url", _string),
    "require": ("require", _boolean),
    "picky": ("picky", _boolean),
    "cache": ("cache", _boolean),
    "enable": ("enable", _string_list),
    "disable": ("disable", _string_list),
    "safe": ("safe", _string_list),
    "allow-words": ("allow_words", _string_list),
    "idle-timeout": ("idle_timeout", _positive_int),
    "memory": ("memory", _string),
    "timeout": ("timeout", _positive_number),
}


def _languagetool(value: Any) -> LanguageToolSettings:
    if not isinstance(value, dict):
        raise TypeError("should be a table")
    return LanguageToolSettings(**_convert(value, _LT_KEYS, "languagetool."))


_KEYS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "language": ("language", _language),
    "fail-level": ("fail_level", _severity),
    "select": ("select", _string_list),
    "extend-select": ("extend_select", _string_list),
    "ignore": ("ignore", _string_list),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "include": ("include", _string_list),
    "front-matter": ("front_matter", _string_list),
    "exclude": ("exclude", _string_list),
    "respect-gitignore": ("respect_gitignore", _boolean),
    "rule-dirs": ("rule_dirs", _string_list),
    "languagetool": ("languagetool", _languagetool),
}


class _KeyError(Exception):
    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}")
        self.keys = tuple(key.split("."))


def _convert(
    table: Mapping[str, Any], keys: Mapping[str, tuple[str, Callable[[Any], Any]]], prefix: str = ""
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, raw in table.items():
        name = key.replace("_", "-")
        if name not in keys:
            raise _KeyError(f"{prefix}{key}", f"unknown key (known: {', '.join(keys)})")
        attribute, convert = keys[name]
        try:
            values[attribute] = convert(raw)
        except _KeyError:
            raise
        except TypeError as error:
            raise _KeyError(f"{prefix}{key}", str(error)) from None
    return values


def config_from_table(table: Mapping[str, Any], path: Path) -> Config:
    """Build a Config from the parsed `[tool.textlint]` table of `path`."""
    try:
        values = _convert(table, _KEYS)
    except _KeyError as error:
        raise ConfigError(f"{_located(path, error.keys)}: {error}") from None
    root = path.parent.resolve()
    values["rule_dirs"] = tuple(root / Path(d) for d in values.get("rule_dirs", ()))
    return Config(**values, root=root, source=str(path))


def _read_table(path: Path) -> Mapping[str, Any] | None:
    """The textlint table of a config file, or None when the file holds none."""
    import tomllib  # only when a configuration file is read: an unchanged file's run reads none

    try:
        if path.suffix == ".toml":
            with path.open("rb") as stream:
                data = tomllib.load(stream)
            # pyproject.toml keeps textlint's settings under [tool.textlint]; a textlint.toml at the top.
            table = data.get("tool", {}).get("textlint") if path.name == "pyproject.toml" else data
        else:
            table = _read_yaml(path)
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(_toml_error(path, error)) from None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: the textlint configuration should be a table")
    return table


def _read_yaml(path: Path) -> Any:
    import yaml  # only for a YAML configuration: most runs read a pyproject.toml or none

    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise ConfigError(yaml_error(path, error)) from None


def _located(path: Path, keys: tuple[str, ...]) -> str:
    """`path:line` of a key of the textlint table, or `path` when it cannot be found."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return str(path)
    if path.suffix == ".toml":
        line = toml_line(text, "tool.textlint" if path.name == "pyproject.toml" else "", keys)
    else:
        line = yaml_line(text, keys)
    return f"{path}:{line}" if line is not None else str(path)


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def _toml_error(path: Path, error: tomllib.TOMLDecodeError) -> str:
    """`path:line:column: invalid TOML (what is wrong)`; tomllib puts the position in its message."""
    message = str(error).strip().splitlines()[0]
    position = _TOML_POSITION.search(message)
    if position is None:
        return f"{path}: invalid TOML ({message})"
    return f"{path}:{position.group(1)}:{position.group(2)}: invalid TOML ({message[: position.start()]})"


@lru_cache(maxsize=16)
def load_config(path: Path) -> Config:
    """Load one config file given explicitly (`--config`)."""
    if not path.is_file():
        raise ConfigError(f"{path}: configuration file not found")
    table = _read_table(path)
    if table is None:
        raise ConfigError(f"{path}: no [tool.textlint] table")
    return config_from_table(table, path)


@lru_cache(maxsize=256)
def find_config(directory: Path) -> Config:
    """The config that applies to files in `directory`: the nearest one upward, or defaults."""
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                table = _read_table(candidate)
                if table is not None:
                    return config_from_table(table, candidate)
    return Config(root=directory)


def with_environment(config: Config) -> Config:
    """Apply environment overrides (the LanguageTool server URL)."""
    url = os.environ.get(URL_ENV)
    if url:
        return replace(config, languagetool=replace(config.languagetool, url=url))
    return config


@dataclass(frozen=True)
class LintOptions:
    """What a front door (command line, Python API, server) overrides in the configuration.

    None and False mean "as configured". Every front door builds one of these and asks it for
    the configuration of each file, so the overrides mean the same thing everywhere.
    """

    config: str | None = None  # a configuration file used for every file instead of discovery
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    language: str | None = None
    fail_level: str | None = None
    languagetool: bool | None = None  # False skips grammar checks
    require_languagetool: bool = False
    picky: bool = False
    cache: bool = True  # False: neither read nor write the grammar cache

    def config_for(self, directory: Path) -> Config:
        """The configuration of files in `directory`, with these overrides applied."""
        base = load_config(Path(self.config)) if self.config else find_config(directory.resolve())
        return self.apply(base)

    def apply(self, config: Config) -> Config:
        """`config` with the environment's and these overrides applied."""
        config = with_environment(config)
        lt = config.languagetool
        lt = replace(
            lt,
            enabled=lt.enabled if self.languagetool is None else self.languagetool,
            require=lt.require or self.require_languagetool,
            picky=lt.picky or self.picky,
            cache=lt.cache and self.cache,
        )
        return replace(
            config,
            select=self.select if self.select is not None else config.select,
            extend_select=config.extend_select + self.extend_select,
            ignore=config.ignore + self.ignore,
            language=self.language or config.language,
            fail_level=Severity.parse(self.fail_level) if self.fail_level else config.fail_level,
            languagetool=lt,
        )
