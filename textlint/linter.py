"""Assembling the checkers a configuration asks for, and linting documents with them.

One `Linter` serves many documents, and many threads at once: it holds the loaded rules and
the checkers, never anything about one document. Each lint returns its own result, with the
checks that could not run on that document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from textlint.config import Config
from textlint.document import Document
from textlint.engine import Checker, Findings, lint_document
from textlint.fixer import FixOutcome, fix_text
from textlint.formats import prose_view
from textlint.issues import Safety
from textlint.langid import NAMES, foreign_document
from textlint.results import FileResult, RuleDoc
from textlint.selection import Selection
from textlint.yamlrules import RuleChecker, Ruleset, builtin_rules_dir
from textlint.yamlrules.compiled import compiled_rulesets
from textlint.yamlrules.rule import Rule

if TYPE_CHECKING:
    from textlint.languagetool import LanguageToolChecker

# The check that skips documents in another language; ignore it (per file) to lint them anyway.
NOT_FRENCH = "textlint.not-french"


@lru_cache(maxsize=16)
def rulesets_for(rule_dirs: tuple[Path, ...]) -> tuple[Ruleset, ...]:
    """The built-in rule sets plus a configuration's own, loaded once per process (and read
    from the compiled-rules cache when their files have not changed since the last run)."""
    return compiled_rulesets([builtin_rules_dir(), *rule_dirs])


class Linter:
    """Lints documents under one configuration."""

    def __init__(self, config: Config, report_unused_suppressions: bool = False) -> None:
        self.config = config
        self.report_unused_suppressions = report_unused_suppressions
        loaded = rulesets_for(config.rule_dirs)
        selection = Selection(config.select, config.extend_select, config.ignore, config.per_file_ignores)
        # Unknown selectors are errors; `notes` tell about renamed rule ids that were redirected.
        self.selection, self.notes = selection.validated(r.id for rs in loaded for r in rs.rules)
        rulesets = [ruleset for ruleset in loaded if ruleset.applies_to(config.language)]
        all_rules = [rule for ruleset in rulesets for rule in ruleset.rules]
        chosen = [rule for rule in all_rules if self.selection.enabled(rule.id, rule.header.enabled)]
        # A house-style alternative (`replaces`) turned on takes its default's place.
        replaced = {rule_id for rule in chosen for rule_id in rule.header.replaces}
        self.rules = [rule for rule in chosen if rule.id not in replaced]
        self.known_words = frozenset(form for rule in all_rules for form in rule.canonical_forms)
        self.root = config.root.resolve() if config.source else None
        self.rule_checker = RuleChecker(self.rules)
        self.grammar = self._make_languagetool()
        self.checkers: list[Checker] = [self.rule_checker, *([self.grammar] if self.grammar else [])]

    def _make_languagetool(self) -> LanguageToolChecker | None:
        settings = self.config.languagetool
        if not settings.enabled or not self.selection.may_enable("LT:"):
            return None
        from textlint.languagetool import LanguageToolChecker

        return LanguageToolChecker(settings, self.config.language, self.known_words)

    @property
    def rule_docs(self) -> dict[str, RuleDoc]:
        return {rule.id: RuleDoc(rule.id, _summary(rule), rule.header.reference) for rule in self.rules}

    def view(self, doc: Document, markup: str | None = None) -> Document:
        """What checkers read: the document itself, or the prose of Markdown and HTML."""
        return prose_view(doc, self.config.front_matter, markup)

    def lint(self, doc: Document, markup: str | None = None) -> FileResult:
        """Lint a document; `markup` says how to read it when its name does not (corpus fields).

        A document that is clearly not French (an English README) is not checked at all, and
        its result says so, unless the selection turns `textlint.not-french` off for it.
        """
        view = self.view(doc, markup)
        language = self._foreign_language(view)
        if language is not None:
            return FileResult(doc, (), view.text, skipped=f"not French ({NAMES[language]}): not checked")
        found = self._findings(view, self.checkers)
        return FileResult(doc, found.issues, view.text, found.unchecked)

    def _foreign_language(self, view: Document) -> str | None:
        if not self.selection.for_path(view.path, self.root).enabled(NOT_FRENCH):
            return None
        return foreign_document(view.text)

    def _findings(self, view: Document, checkers: Sequence[Checker]) -> Findings:
        return lint_document(view, checkers, self.selection, self.report_unused_suppressions, self.root)

    def fix(self, doc: Document, level: Safety) -> FixOutcome:
        """Fix a document's text, re-linting after each pass.

        LanguageTool takes part only when some of its rules are configured safe: otherwise it
        has no fix to apply and re-checking grammar each pass would be wasted work.
        """
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


def _summary(rule: Rule) -> str:
    """The first sentence of a rule's rationale (or its message), for one-line listings."""
    text = " ".join((rule.header.description or rule.header.message).split())
    sentence = text.split(". ")[0].split(" : ")[0]
    return sentence if len(sentence) <= 90 else sentence[:89] + "…"
