"""Assembling the checkers a configuration asks for, and linting documents with them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from textlint.config import Config
from textlint.document import Document
from textlint.engine import Checker, lint_document
from textlint.errors import TextlintError
from textlint.fixer import FixOutcome, fix_text
from textlint.formats import prose_view
from textlint.issues import Issue, Safety
from textlint.kinds.phrase import PhraseRule
from textlint.loader import Ruleset, builtin_rules_dir, load_rulesets
from textlint.results import FileResult, RuleDoc
from textlint.rule import Rule
from textlint.rulecheck import RuleChecker
from textlint.selection import Selection


@lru_cache(maxsize=16)
def rulesets_for(rule_dirs: tuple[Path, ...]) -> tuple[Ruleset, ...]:
    """The built-in rule sets plus a configuration's own, loaded once per run."""
    return tuple(load_rulesets([builtin_rules_dir(), *rule_dirs]))


class Linter:
    """Lints documents under one configuration."""

    def __init__(self, config: Config, report_unused_suppressions: bool = False) -> None:
        self.config = config
        self.report_unused_suppressions = report_unused_suppressions
        self.selection = Selection(
            config.select, config.extend_select, config.ignore, config.per_file_ignores
        )
        self.rulesets = [rs for rs in rulesets_for(config.rule_dirs) if rs.applies_to(config.language)]
        all_rules = [rule for ruleset in self.rulesets for rule in ruleset.rules]
        chosen = [rule for rule in all_rules if self.selection.enabled(rule.id, rule.header.enabled)]
        # A house-style alternative (`replaces`) turned on takes its default's place.
        replaced = {rule_id for rule in chosen for rule_id in rule.header.replaces}
        self.rules = [rule for rule in chosen if rule.id not in replaced]
        self.known_words = frozenset(
            form for rule in all_rules if isinstance(rule, PhraseRule) for form in rule.canonical_forms
        )
        self.checkers: list[Checker] = [RuleChecker(self.rules)]
        self.warnings: list[str] = []
        self.root = config.root.resolve() if config.source else None
        self._languagetool: Checker | None = self._make_languagetool()

    def _make_languagetool(self) -> Checker | None:
        settings = self.config.languagetool
        if not settings.enabled or not self.selection.may_enable("LT:"):
            return None
        from textlint.languagetool import LanguageToolChecker

        known = self.known_words | frozenset(settings.allow_words)
        return LanguageToolChecker(settings, self.config.language, known)

    @property
    def rule_docs(self) -> dict[str, RuleDoc]:
        return {rule.id: RuleDoc(rule.id, _summary(rule), rule.header.reference) for rule in self.rules}

    def issues(self, doc: Document) -> tuple[Issue, ...]:
        """Issues of a document as read (Markdown and HTML through their prose view)."""
        return self._issues(self.view(doc), self._active_checkers())

    def view(self, doc: Document, markup: str | None = None) -> Document:
        return prose_view(doc, self.config.front_matter, markup)

    def _issues(self, view: Document, checkers: Sequence[Checker]) -> tuple[Issue, ...]:
        return lint_document(view, checkers, self.selection, self.report_unused_suppressions, self.root)

    def _active_checkers(self) -> Sequence[Checker]:
        if self._languagetool is None:
            return self.checkers
        return [*self.checkers, _Guarded(self, self._languagetool)]

    def lint(self, doc: Document, markup: str | None = None) -> FileResult:
        """Lint a document; `markup` says how to read it when its name does not (corpus fields)."""
        view = self.view(doc, markup)
        return FileResult(doc, self._issues(view, self._active_checkers()), view.text)

    def fix(self, doc: Document, level: Safety) -> FixOutcome:
        """Fix a document's text, re-linting after each pass.

        LanguageTool takes part only when some of its rules are configured safe: otherwise it
        has no fix to apply and re-checking grammar each pass would be wasted work.
        """
        checkers = self._active_checkers() if self.config.languagetool.safe else self.checkers
        # Each pass re-reads the fixed source, so a Markdown or HTML view is rebuilt from it.
        return fix_text(
            doc.text,
            lambda text: lint_document(
                self.view(replace(doc, text=text)), checkers, self.selection, root=self.root
            ),
            level,
        )

    def skip_languagetool(self, reason: str) -> None:
        self._languagetool = None
        self.warnings.append(f"{reason}; grammar checks were skipped (see `textlint languagetool status`)")


def _summary(rule: Rule) -> str:
    """The first sentence of a rule's rationale (or its message), for one-line listings."""
    text = " ".join((rule.header.description or rule.header.message).split())
    sentence = text.split(". ")[0].split(" : ")[0]
    return sentence if len(sentence) <= 90 else sentence[:89] + "…"


class _Guarded:
    """LanguageTool behind the run's fault policy: warn and go on, or fail when required."""

    def __init__(self, linter: Linter, checker: Checker) -> None:
        self.linter = linter
        self.checker = checker

    def check(self, doc: Document) -> list[Issue]:
        try:
            return self.checker.check(doc)
        except TextlintError as error:
            if self.linter.config.languagetool.require:
                raise
            self.linter.skip_languagetool(str(error))
            return []
