"""Strict reading of one YAML mapping: typed getters, and errors that name file, rule and field.

Every getter marks its key as read; `finish()` then rejects the keys nobody read, so a typo
in a rule file is an error instead of a silently ignored setting.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import regex

from textlint.errors import RuleError
from textlint.yamlmarks import Key, yaml_line
from textlint.yamlrules.matching import Case, compile_pattern

_MISSING = object()


def located(path: str, keys: Sequence[Key]) -> str:
    """`path:line` for the YAML key at `keys` in the file, or `path` when it cannot be found."""
    try:
        line = yaml_line(Path(path).read_text(encoding="utf-8"), keys)
    except (OSError, UnicodeDecodeError):
        line = None
    return f"{path}:{line}" if line is not None else path


class Fields:
    """The fields of one rule (or of a rule set header), read once each."""

    def __init__(self, data: Mapping[str, Any], path: str, where: str, keys: Sequence[Key] = ()) -> None:
        self.data = data
        self.path = path
        self.where = where  # "rule typo.colon-space" or "ruleset"
        self.keys = tuple(keys)  # where the mapping is in the file: ("rules", 3)
        self.read: set[str] = set()

    def error(self, field: str, message: str) -> RuleError:
        """An error naming the file and the line of the field (or of its rule when it is missing)."""
        return RuleError(
            f"{located(self.path, (*self.keys, field))}: {self.where}: field '{field}': {message}"
        )

    def _get(self, name: str, default: Any) -> Any:
        self.read.add(name)
        value = self.data.get(name, _MISSING)
        if value is _MISSING:
            if default is _MISSING:
                raise self.error(name, "is required")
            return default
        return value

    def string(self, name: str, default: Any = _MISSING) -> Any:
        value = self._get(name, default)
        if value is not default and not isinstance(value, str):
            raise self.error(name, "should be a string")
        return value

    def boolean(self, name: str, default: bool) -> bool:
        value = self._get(name, default)
        if not isinstance(value, bool):
            raise self.error(name, "should be true or false")
        return value

    def integer(self, name: str, default: int) -> int:
        value = self._get(name, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise self.error(name, "should be a positive integer")
        return value

    def fraction(self, name: str, default: float) -> float:
        """A number between 0 (excluded) and 1 (included): a ratio or a confidence."""
        value = self._get(name, default)
        if not isinstance(value, int | float) or isinstance(value, bool) or not 0 < value <= 1:
            raise self.error(name, "should be a number greater than 0 and at most 1")
        return float(value)

    def zipf(self, name: str, default: float) -> float:
        """A word frequency on wordfreq's Zipf scale: a number from 0 to 8."""
        value = self._get(name, default)
        if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 8:
            raise self.error(name, "should be a number from 0 to 8 (Zipf scale)")
        return float(value)

    def string_list(self, name: str, default: Any = _MISSING) -> Any:
        value = self._get(name, default)
        if value is default:
            return value
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.error(name, "should be a string or a list of strings")
        return tuple(value)

    def mapping(self, name: str, default: Any = _MISSING) -> Any:
        value = self._get(name, default)
        if value is not default and not isinstance(value, dict):
            raise self.error(name, "should be a mapping")
        return value

    def raw(self, name: str, default: Any = _MISSING) -> Any:
        return self._get(name, default)

    def choice(self, name: str, choices: tuple[str, ...], default: str) -> str:
        value = self.string(name, default)
        if value not in choices:
            raise self.error(name, f"should be one of {', '.join(choices)}, not {value!r}")
        return str(value)

    def regex(self, name: str, source: str, case: Case, words: bool = False) -> regex.Pattern[str]:
        """Compile `source` (read from field `name`) or fail naming the field."""
        try:
            return compile_pattern(source, case, words)
        except (regex.error, ValueError) as error:
            raise self.error(name, f"invalid regular expression {source!r} ({error})") from None

    def finish(self) -> None:
        unknown = sorted(set(self.data) - self.read)
        if unknown:
            raise self.error(unknown[0], "unknown field")
