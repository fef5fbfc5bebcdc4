"""A `/v2/check` request as LanguageTool's clients send it, read and validated.

Clients differ in what they send (see docs/serve.md): every field is read from the query
string and from the body, the body always as a form whatever its content type (LTeX labels
its form `application/json`), and every refusal is LanguageTool's: status 400 or 413 and a
plain-text `Error: …` body.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

MAX_FIELDS = 100
TRUE = frozenset({"true", "yes"})  # LanguageTool counts only these as true for `enabledOnly`
LEVELS = frozenset({"default", "picky"})


class RequestError(Exception):
    """A request LanguageTool would refuse; `status` is 400 or 413."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def form_fields(query: str, body: bytes) -> dict[str, str]:
    """The query string's fields, then the body's (which win), both read as a form."""
    fields: dict[str, str] = {}
    for raw, where in ((query, "query string"), (_decoded(body), "body")):
        # Empty segments (a trailing `&`) are harmless; anything else must be `name=value`.
        cleaned = "&".join(segment for segment in raw.split("&") if segment)
        try:
            pairs = parse_qsl(cleaned, keep_blank_values=True, strict_parsing=True, max_num_fields=MAX_FIELDS)
        except ValueError as error:
            raise RequestError(f"the {where} is not a form (name=value&…): {error}") from None
        fields.update(pairs)
    return fields


def _decoded(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise RequestError("the request body is not UTF-8") from None


def _ids(value: str | None) -> tuple[str, ...]:
    return tuple(item.strip() for item in (value or "").split(",") if item.strip())


@dataclass(frozen=True)
class CheckRequest:
    """The fields of a `/v2/check` request that textlint uses; `fields` holds them all."""

    fields: dict[str, str]
    language: str
    text: str | None
    data: str | None
    enabled_rules: tuple[str, ...]
    disabled_rules: tuple[str, ...]
    enabled_categories: tuple[str, ...]
    disabled_categories: tuple[str, ...]
    enabled_only: bool
    picky: bool
    preferred_variants: tuple[str, ...]

    @classmethod
    def parse(cls, fields: dict[str, str]) -> CheckRequest:
        text, data = fields.get("text"), fields.get("data")
        if text is None and data is None:
            raise RequestError("Missing 'text' or 'data' parameter")
        if text is not None and data is not None:
            raise RequestError("Set only 'text' or 'data' parameter, not both")
        language = fields.get("language", "").strip()
        if not language:
            raise RequestError(
                "Missing 'language' parameter, e.g. 'language=fr-FR' for French (France) or 'language=auto'"
            )
        level = fields.get("level", "default") or "default"
        if level not in LEVELS:
            raise RequestError(f"Unknown value for 'level': {level!r} (use 'default' or 'picky')")
        request = cls(
            fields=fields,
            language=language,
            text=text,
            data=data,
            enabled_rules=_ids(fields.get("enabledRules")),
            disabled_rules=_ids(fields.get("disabledRules")),
            enabled_categories=_ids(fields.get("enabledCategories")),
            disabled_categories=_ids(fields.get("disabledCategories")),
            enabled_only=fields.get("enabledOnly", "").lower() in TRUE,
            picky=level == "picky",
            preferred_variants=_ids(fields.get("preferredVariants")),
        )
        if request.enabled_only and not (request.enabled_rules or request.enabled_categories):
            raise RequestError(
                "You cannot specify 'enabledOnly' without 'enabledRules' or 'enabledCategories'"
            )
        return request


def utf16_length(text: str) -> int:
    """The length LanguageTool (Java) counts: UTF-16 code units."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)
