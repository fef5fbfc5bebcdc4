"""What the server does for each request, apart from HTTP: blocking, run in worker threads."""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath
from typing import Any

from textlint.document import Document
from textlint.issues import Source
from textlint.reporters.html import CATEGORY_LABELS
from textlint.reporters.json import file_entry
from textlint.results import FileResult
from textlint.serve.annotated import AnnotationError, parse
from textlint.serve.answer import Answer, JsonObject, LtRule, category_info, check_answer, software
from textlint.serve.languages import AUTO, FRENCH, detect, french_variant, is_french_text
from textlint.serve.linters import LT_PREFIX, Linters, category_id
from textlint.serve.params import CheckRequest, RequestError, utf16_length
from textlint.serve.settings import ServeSettings
from textlint.serve.upstream import Relayed, Upstream, UpstreamError

REQUEST_PATH = "<request>"  # what a checked text is called: requests never name files


class Service:
    """Shared by every request: the linters, the LanguageTool server, the limits."""

    def __init__(self, settings: ServeSettings) -> None:
        self.settings = settings
        self.linters = Linters(settings.config)
        self.upstream = Upstream(settings.config.languagetool, timeout=settings.time_limit)

    def warm_up(self) -> None:
        """Start (or reuse) LanguageTool and load the default rules before the first request."""
        linter = self.linters.get(self.settings.config)
        linter.lint(Document("Le texte est prêt.", path=REQUEST_PATH))

    # -- /v2/check ---------------------------------------------------------------------

    def check(self, request: CheckRequest) -> JsonObject | Relayed:
        try:
            annotated = parse(request.data) if request.data is not None else None
        except AnnotationError as error:
            raise RequestError(str(error)) from None
        plain = annotated.plain if annotated is not None else (request.text or "")
        length = utf16_length(plain)
        if length > self.settings.max_text_length:
            raise RequestError(
                f"Your text exceeds the limit of {self.settings.max_text_length} characters "
                f"(it's {length} characters). Please submit a shorter text.",
                413,
            )
        variant = french_variant(request.language, request.preferred_variants)
        if variant is not None and request.language.lower() == AUTO and not is_french_text(plain):
            variant = None
        if variant is None:
            return self._relay(request)
        choice = self.linters.choice(request, variant)
        linter = self.linters.get(choice.config)
        if annotated is not None:
            view = annotated.document(REQUEST_PATH)
            assert view.source_map is not None
            result = linter.lint(view)
            source, to_plain, from_plain = annotated.source, annotated.to_plain, view.source_map.start
        else:
            result = linter.lint(Document(plain, path=REQUEST_PATH))
            source, to_plain, from_plain = plain, _same, _same
        lt_rules = (
            self._lt_rules(variant) if any(i.source == Source.LANGUAGETOOL for i in result.issues) else {}
        )
        issues = [issue for issue in result.issues if choice.keeps(issue, _lt_category(lt_rules, issue.rule))]
        answer = Answer(source, plain, to_plain, from_plain, lt_rules, linter.rule_docs)
        language = {"name": FRENCH[variant], "code": variant, "detectedLanguage": detect(plain).as_json()}
        return check_answer(result, issues, answer, language)

    def _relay(self, request: CheckRequest) -> Relayed:
        # textlint's token is no LanguageTool credential: it is never passed on.
        secrets = {"token", "apiKey", "username"} if self.settings.token else {"token"}
        fields = {key: value for key, value in request.fields.items() if key not in secrets}
        try:
            return self.upstream.relay("/v2/check", fields)
        except UpstreamError as error:
            raise RequestError(
                f"'{request.language}' is not a language code textlint checks, and {error}"
            ) from None

    def _lt_rules(self, variant: str) -> dict[str, LtRule]:
        try:
            return self.upstream.rules(variant)
        except UpstreamError:
            return {}  # LanguageTool's findings keep textlint's names for their categories

    # -- other endpoints ---------------------------------------------------------------

    def languages(self) -> list[dict[str, str]]:
        try:
            listed = list(self.upstream.languages())
        except UpstreamError:
            listed = []
        known = {item.get("longCode") for item in listed}
        listed += [
            {"name": name, "code": "fr", "longCode": code}
            for code, name in FRENCH.items()
            if code not in known
        ]
        return sorted(listed, key=lambda item: (item.get("name", ""), item.get("longCode", "")))

    def configinfo(self, language: str) -> JsonObject | Relayed:
        variant = french_variant(language)
        if variant is None:
            try:
                return self.upstream.relay("/v2/configinfo", {"language": language})
            except UpstreamError as error:
                raise RequestError(
                    f"'{language}' is not a language code textlint checks, and {error}"
                ) from None
        try:
            rules: list[Any] = list(self.upstream.configinfo(variant)["rules"])
        except UpstreamError:
            rules = []
        linter = self.linters.get(replace(self.settings.config, language=variant))
        for rule in linter.rules:
            issue_type, name = category_info(rule.header.category)
            doc = linter.rule_docs[rule.id]
            rules.append(
                {
                    "ruleId": rule.id,
                    "description": doc.summary,
                    "categoryId": category_id(rule.header.category),
                    "categoryName": name,
                    "locQualityIssueType": issue_type,
                }
            )
        return {
            "software": software(),
            "parameter": {"maxTextLength": self.settings.max_text_length},
            "rules": rules,
        }

    # -- the review page ---------------------------------------------------------------

    def lint_json(self, text: str, name: str, language: str | None) -> JsonObject:
        """textlint's JSON report of one text (code-point offsets), for the review page."""
        if utf16_length(text) > self.settings.max_text_length:
            raise RequestError(
                f"the text exceeds the limit of {self.settings.max_text_length} characters", 413
            )
        variant = french_variant(language or self.settings.config.language) or self.settings.config.language
        linter = self.linters.get(replace(self.settings.config, language=variant))
        # The name only says how to read the text (its extension): no file is ever opened.
        path = PurePath(name).name or "article.txt"
        result: FileResult = linter.lint(Document(text, path=path))
        docs = linter.rule_docs
        return {
            "file": file_entry(result),
            "rules": {
                rule: {"summary": docs[rule].summary, "reference": docs[rule].reference} for rule in docs
            },
            "categories": CATEGORY_LABELS,
        }


def _same(offset: int) -> int:
    return offset


def _lt_category(lt_rules: dict[str, LtRule], rule: str) -> str | None:
    known = lt_rules.get(rule.removeprefix(LT_PREFIX))
    return known.category_id if known is not None else None
