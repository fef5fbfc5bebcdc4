"""Assembling the checkers a configuration asks for, and linting documents with them.

One `Linter` serves many documents, and many threads at once: it holds the loaded rules and
the checkers, never anything about one document. Each lint returns its own result, with the
checks that could not run on that document.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from textlint.cachestore import digest
from textlint.config import Config
from textlint.document import Document
from textlint.issues import TIMEOUT_RULE, Issue, Safety
from textlint.resultcache import DocumentCache, config_fingerprint
from textlint.results import FileResult, RuleDoc
from textlint.selection import Selection
from textlint.yamlrules.compiled import CompiledRules, compiled_checker, compiled_rulesets
from textlint.yamlrules.files import builtin_rules_dir

# What only linting (not a result from the cache) needs is imported when first used: the
# rule kinds, the engine, the markup parsers, language identification, LanguageTool's client.
if TYPE_CHECKING:
    from textlint.engine import Checker, Findings
    from textlint.fixer import FixOutcome
    from textlint.languagetool import LanguageToolChecker
    from textlint.yamlrules import RuleChecker, Ruleset
    from textlint.yamlrules.rule import Rule

# The check that skips documents in another language; ignore it (per file) to lint them anyway.
NOT_FRENCH = "textlint.not-french"


@lru_cache(maxsize=16)
def compiled_for(rule_dirs: tuple[Path, ...]) -> CompiledRules:
    """The built-in rule sets plus a configuration's own, loaded once per process (and read
    from the compiled-rules cache when their files have not changed since the last run)."""
    return compiled_rulesets([builtin_rules_dir(), *rule_dirs])


def rulesets_for(rule_dirs: tuple[Path, ...]) -> tuple[Ruleset, ...]:
    return compiled_for(rule_dirs).rulesets


class Linter:
    """Lints documents under one configuration."""

    def __init__(
        self, config: Config, report_unused_suppressions: bool = False, cache_results: bool = False
    ) -> None:
        """`cache_results`: keep each complete result in the whole-document result cache (and
        answer unchanged documents from it), unless the configuration turns caching off.
        The command line's `check` does; a corpus (records seen once) or a server does not."""
        self.config = config
        self.report_unused_suppressions = report_unused_suppressions
        self._compiled = compiled = compiled_for(config.rule_dirs)
        selection = Selection(config.select, config.extend_select, config.ignore, config.per_file_ignores)
        # Unknown selectors are errors; `notes` tell about renamed rule ids that were redirected.
        self.selection, self.notes = selection.validated(r.id for rs in compiled.index for r in rs.rules)
        rulesets = [ruleset for ruleset in compiled.index if ruleset.applies_to(config.language)]
        self._all_rules = all_rules = [rule for ruleset in rulesets for rule in ruleset.rules]
        chosen = [rule for rule in all_rules if self.selection.enabled(rule.id, rule.enabled)]
        # A house-style alternative (`replaces`) turned on takes its default's place.
        replaced = {rule_id for rule in chosen for rule_id in rule.replaces}
        self.rule_infos = [rule for rule in chosen if rule.id not in replaced]
        self._rules: list[Rule] | None = None
        self.root = config.root.resolve() if config.source else None
        self.wants_grammar = config.languagetool.enabled and self.selection.may_enable("LT:")
        # The checkers are built on first use: a run whose documents all come from the result
        # cache never builds the rule automata nor loads LanguageTool's client.
        self._building_rules = threading.Lock()
        self._building_grammar = threading.Lock()
        self._rule_checker: RuleChecker | None = None
        self._grammar: LanguageToolChecker | None = None
        caching = cache_results and config.languagetool.cache
        self.results = self._document_cache(compiled.key) if caching else None

    def _document_cache(self, rules_key: str | None) -> DocumentCache | None:
        """Results of unchanged documents; none when the rules' files could not be hashed."""
        if rules_key is None:
            return None
        grammar = ""
        if self.wants_grammar:
            from textlint.languagetool.paths import LT_VERSION

            grammar = LT_VERSION
        context = digest(
            rules_key,
            config_fingerprint(self.config),
            str(self.root),
            grammar,
            str(self.report_unused_suppressions),
        )
        return DocumentCache(context)

    @cached_property
    def known_words(self) -> frozenset[str]:
        """Names the rule sets vouch for, which LanguageTool's spelling must accept (worked out
        when grammar is first checked: a large registry's names cost milliseconds to parse)."""
        return frozenset(form for rule in self._all_rules for form in rule.canonical_forms)

    @property
    def rules(self) -> list[Rule]:
        """The rules in force, in the order of their files (built from the cache when first asked)."""
        if self._rules is None:
            wanted = {rule.id for rule in self.rule_infos}
            language = self.config.language
            rulesets = [rs for rs in self._compiled.rulesets if rs.applies_to(language)]
            self._rules = [rule for rs in rulesets for rule in rs.rules if rule.id in wanted]
        return self._rules

    @property
    def rule_checker(self) -> RuleChecker:
        """The checker of the rules in force, read from the compiled-rules cache when it holds it."""
        with self._building_rules:
            if self._rule_checker is None:
                ids = [self.config.language, *(rule.id for rule in self.rule_infos)]
                self._rule_checker = compiled_checker(self._compiled, lambda: self.rules, ids)
            return self._rule_checker

    @property
    def grammar(self) -> LanguageToolChecker | None:
        if not self.wants_grammar:
            return None
        with self._building_grammar:
            if self._grammar is None:
                from textlint.languagetool import LanguageToolChecker

                settings = self.config.languagetool
                self._grammar = LanguageToolChecker(settings, self.config.language, self.known_words)
            return self._grammar

    @property
    def checkers(self) -> list[Checker]:
        """The rule checker, then LanguageTool's. The rule checker is read from its cache by
        the first document it checks, after the engine has sent that document's grammar
        request: while the server works, not before the request is on its way."""
        grammar = self.grammar
        return [_Deferred(lambda: self.rule_checker), *([grammar] if grammar else [])]

    @property
    def rule_docs(self) -> dict[str, RuleDoc]:
        return {rule.id: RuleDoc(rule.id, rule.summary, rule.reference) for rule in self.rule_infos}

    def view(self, doc: Document, markup: str | None = None) -> Document:
        """What checkers read: the document itself, or the prose of Markdown and HTML."""
        from textlint.formats import prose_view

        return prose_view(doc, self.config.front_matter, markup)

    def lint(self, doc: Document, markup: str | None = None) -> FileResult:
        """Lint a document; `markup` says how to read it when its name does not (corpus fields).

        A document that is clearly not French (an English README) is not checked at all, and
        its result says so, unless the selection turns `textlint.not-french` off for it. An
        unchanged document under an unchanged configuration comes from the result cache.
        """
        cached = self.results.get(doc, markup) if self.results is not None else None
        if cached is not None:
            return cached
        result = self._lint(doc, markup)
        if self.results is not None and not any(issue.rule == TIMEOUT_RULE for issue in result.issues):
            self.results.put(result, markup)
        return result

    def _lint(self, doc: Document, markup: str | None) -> FileResult:
        view = self.view(doc, markup)
        language = self._foreign_language(view)
        if language is not None:
            from textlint.langid import NAMES

            return FileResult(doc, (), view.text, skipped=f"not French ({NAMES[language]}): not checked")
        found = self._findings(view, self.checkers)
        return FileResult(doc, found.issues, view.text, found.unchecked)

    def _foreign_language(self, view: Document) -> str | None:
        if not self.selection.for_path(view.path, self.root).enabled(NOT_FRENCH):
            return None
        from textlint.langid import foreign_document

        return foreign_document(view.text)

    def _findings(self, view: Document, checkers: Sequence[Checker]) -> Findings:
        from textlint.engine import lint_document

        return lint_document(view, checkers, self.selection, self.report_unused_suppressions, self.root)

    def fix(self, doc: Document, level: Safety) -> FixOutcome:
        """Fix a document's text, re-linting after each pass.

        LanguageTool takes part only when some of its rules are configured safe: otherwise it
        has no fix to apply and re-checking grammar each pass would be wasted work.
        """
        from textlint.engine import lint_document
        from textlint.fixer import fix_text

        checkers = self.checkers if self.config.languagetool.safe else [self.rule_checker]
        # Each pass re-reads the fixed source, so a Markdown or HTML view is rebuilt from it.
        return fix_text(
            doc.text,
            lambda text: (
                lint_document(
                    self.view(replace(doc, text=text)), checkers, self.selection, root=self.root
                ).issues
            ),
            level,
        )


class _Deferred:
    """A checker built when it first checks a document, in the thread that checks it."""

    def __init__(self, build: Callable[[], Checker]) -> None:
        self._build = build

    def check(self, doc: Document) -> list[Issue]:
        return self._build().check(doc)
