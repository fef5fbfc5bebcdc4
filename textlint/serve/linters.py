"""One `Linter` per configuration a request asks for, shared by every request that asks it.

A request's rule and category choices become the same configuration `textlint check
--select/--ignore/--extend-select` would build, so an issue is found, merged and deduplicated
exactly as on the command line. Rule ids that are not textlint's are LanguageTool's
(`LT:ID`); category ids `TEXTLINT_*` are textlint's categories, others LanguageTool's.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from textlint.config import Config
from textlint.issues import Issue, Source
from textlint.linter import Linter, rulesets_for
from textlint.serve.params import CheckRequest

LT_PREFIX = "LT:"
CATEGORY_PREFIX = "TEXTLINT_"
MAX_LINTERS = 32  # configurations kept loaded; each costs about 0.1 s to build again


def category_id(category: str) -> str:
    """The LanguageTool-style id of a textlint category: `mt` → `TEXTLINT_MT`."""
    return CATEGORY_PREFIX + category.upper().replace("-", "_")


@dataclass(frozen=True)
class Choice:
    """A request's rule choices, split into textlint's and LanguageTool's."""

    config: Config
    lt_enabled_categories: frozenset[str] = frozenset()  # with enabledOnly: LT categories kept
    lt_enabled_rules: frozenset[str] = frozenset()  # with enabledOnly: LT rules kept
    lt_disabled_categories: frozenset[str] = frozenset()
    enabled_only: bool = False

    def keeps(self, issue: Issue, lt_category: str | None) -> bool:
        """Whether an LT issue survives the request's LanguageTool category choices.

        textlint's configuration has no LanguageTool categories, so they apply to its answer.
        """
        if issue.source != Source.LANGUAGETOOL:
            return True
        if lt_category in self.lt_disabled_categories:
            return False
        if self.enabled_only:
            rule = issue.rule.removeprefix(LT_PREFIX)
            return rule in self.lt_enabled_rules or lt_category in self.lt_enabled_categories
        return True


class Linters:
    """The linters of the server's base configuration and of each request's variation of it."""

    def __init__(self, base: Config) -> None:
        self.base = base
        rules = [rule for ruleset in rulesets_for(base.rule_dirs) for rule in ruleset.rules]
        self.rule_ids = frozenset(rule.id for rule in rules)
        self.by_category: dict[str, tuple[str, ...]] = {}
        for rule in rules:
            key = category_id(rule.header.category)
            self.by_category[key] = (*self.by_category.get(key, ()), rule.id)
        self._lock = threading.Lock()
        self._linters: OrderedDict[tuple[object, ...], Linter] = OrderedDict()

    def choice(self, request: CheckRequest, language: str) -> Choice:
        """The configuration and the LanguageTool filters a request asks for."""
        enabled_own, enabled_lt = self._split(request.enabled_rules)
        disabled_own, disabled_lt = self._split(request.disabled_rules)
        enabled_cats = self._own_categories(request.enabled_categories)
        disabled_cats = self._own_categories(request.disabled_categories)
        lt_enabled_cats = frozenset(c for c in request.enabled_categories if c not in self.by_category)
        base = self.base
        lt = replace(
            base.languagetool,
            picky=base.languagetool.picky or request.picky,
            enable=tuple(dict.fromkeys((*base.languagetool.enable, *enabled_lt))),
            disable=tuple(dict.fromkeys((*base.languagetool.disable, *disabled_lt))),
        )
        ignore = (*base.ignore, *disabled_own, *disabled_cats, *(LT_PREFIX + r for r in disabled_lt))
        own = (*enabled_own, *enabled_cats)
        select: tuple[str, ...]
        extend: tuple[str, ...]
        if request.enabled_only:
            lt_selected = (*(LT_PREFIX + r for r in enabled_lt), *(("LT",) if lt_enabled_cats else ()))
            select, extend = (*own, *lt_selected), ()
        else:
            select, extend = base.select, (*base.extend_select, *own)
        config = replace(
            base,
            language=language,
            select=tuple(dict.fromkeys(select)),
            extend_select=tuple(dict.fromkeys(extend)),
            ignore=tuple(dict.fromkeys(ignore)),
            languagetool=lt,
        )
        return Choice(
            config,
            lt_enabled_categories=lt_enabled_cats,
            lt_enabled_rules=frozenset(enabled_lt),
            lt_disabled_categories=frozenset(
                c for c in request.disabled_categories if c not in self.by_category
            ),
            enabled_only=request.enabled_only,
        )

    def _split(self, ids: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """textlint's rule ids, and LanguageTool's (without a prefix)."""
        own, other = [], []
        for rule in ids:
            if rule in self.rule_ids or rule.startswith("textlint."):
                own.append(rule)
            else:
                other.append(rule.removeprefix(LT_PREFIX))
        return tuple(own), tuple(other)

    def _own_categories(self, ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(rule for category in ids for rule in self.by_category.get(category, ()))

    def get(self, config: Config) -> Linter:
        """The linter of `config`, built on first use (least recently used ones are let go)."""
        key = (
            config.language,
            config.select,
            config.extend_select,
            config.ignore,
            config.languagetool,
        )
        with self._lock:
            linter = self._linters.get(key)
            if linter is not None:
                self._linters.move_to_end(key)
                return linter
        linter = Linter(config)
        with self._lock:
            linter = self._linters.setdefault(key, linter)
            while len(self._linters) > MAX_LINTERS:
                self._linters.popitem(last=False)
        return linter
