"""Loading and validating YAML rule files into `Rule` objects.

The format is documented in docs/rules.md. A file holds one rule set: a `ruleset` header
(id prefix, language, description, reference, defaults) and a list of `rules`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex
import yaml

from textlint.document import SCOPES
from textlint.errors import RuleError
from textlint.guards import GUARDS
from textlint.issues import Safety, Severity
from textlint.yamlmarks import yaml_error
from textlint.yamlrules.fields import Fields, located
from textlint.yamlrules.files import rule_files
from textlint.yamlrules.kinds.table import KINDS
from textlint.yamlrules.matching import Case
from textlint.yamlrules.registry import PREFIX, load_registry
from textlint.yamlrules.rule import BadExample, Header, Rule, Vocabulary, template_fields

_ID = regex.compile(r"[a-z0-9][a-z0-9-]*")
_PREFIX = regex.compile(r"[a-z][a-z0-9-]*")
_LANGUAGE = regex.compile(r"fr(?:-(?:FR|BE|CA|CH))?")
_SAFETIES = ("safe", "unsafe", "suggestion")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Ruleset:
    """The rules of one file and the header they share."""

    prefix: str
    languages: tuple[str, ...]
    description: str
    reference: str | None
    path: str
    rules: tuple[Rule, ...]

    def applies_to(self, language: str) -> bool:
        """`fr` applies to every French variant, `fr-CA` only to fr-CA; a list names several."""
        return language in self.languages or language.split("-", maxsplit=1)[0] in self.languages


def load_rulesets(paths: Iterable[Path], known: Vocabulary | None = None) -> list[Ruleset]:
    """Load every rule file under `paths`; rule ids must be unique across all of them.

    Entity registries are built first: the names they hold are the vocabulary handed to the
    kinds that need it (the capitalisation kinds), so a newsroom's own registry counts too;
    `known` adds the names of registries loaded elsewhere (the built-in ones, when a
    newsroom's files are tested alone).
    """
    documents = [(path, _read(path)) for path in rule_files(paths)]
    registries = {path: _registry_ruleset(data, path) for path, data in documents if "registry" in data}
    vocabulary = Vocabulary.of(rule for ruleset in registries.values() for rule in ruleset.rules)
    if known is not None:
        vocabulary = known | vocabulary
    rulesets = [registries.get(path) or _ruleset(data, path, vocabulary) for path, data in documents]
    seen: dict[str, str] = {}
    for ruleset in rulesets:
        for index, rule in enumerate(ruleset.rules):
            if rule.id in seen:
                where = located(ruleset.path, ("rules", index, "id"))
                raise RuleError(f"{where}: rule {rule.id}: id already used in {seen[rule.id]}")
            seen[rule.id] = ruleset.path
    return rulesets


def load_ruleset(path: Path, vocabulary: Vocabulary | None = None) -> Ruleset:
    """One rule file alone (`vocabulary`: what the rest of the loaded rules would hand it)."""
    data = _read(path)
    if "registry" in data:
        return _registry_ruleset(data, path)
    return _ruleset(data, path, vocabulary or Vocabulary())


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, UnicodeDecodeError) as error:
        raise RuleError(f"{path}: cannot read ({error})") from None
    except yaml.YAMLError as error:
        raise RuleError(yaml_error(path, error)) from None
    if not isinstance(data, dict):
        raise RuleError(f"{path}: a rule file should be a mapping with 'ruleset' and 'rules'")
    return data


def _registry_ruleset(data: dict[str, Any], path: Path) -> Ruleset:
    rule = load_registry(data, str(path))
    return Ruleset(PREFIX, ("fr",), rule.header.description, rule.header.reference, str(path), (rule,))


def _ruleset(data: dict[str, Any], path: Path, vocabulary: Vocabulary) -> Ruleset:
    top = Fields(data, str(path), "file")
    head = Fields(top.mapping("ruleset"), str(path), "ruleset", ("ruleset",))
    raw_rules = top.raw("rules")
    top.finish()
    if not isinstance(raw_rules, list):
        raise top.error("rules", "should be a list of rules")
    prefix = head.string("prefix")
    if not _PREFIX.fullmatch(prefix):
        raise head.error("prefix", "should be lower-case letters, digits and hyphens")
    defaults = {
        "category": head.string("category", "style"),
        "severity": _severity(head, "warning").label,
        "reference": head.string("reference", None),
    }
    languages = head.string_list("language", ("fr",))
    wrong = [language for language in languages if not _LANGUAGE.fullmatch(language)]
    if wrong or not languages:
        raise head.error(
            "language", f"should be fr or French variants such as fr-CA, not {wrong[:1] or languages}"
        )
    defaults["languages"] = languages
    defaults["guards"] = _guards(head, ())
    ruleset = Ruleset(
        prefix=prefix,
        languages=languages,
        description=head.string("description", ""),
        reference=defaults["reference"],
        path=str(path),
        rules=tuple(
            _rule(raw, index, prefix, defaults, str(path), vocabulary) for index, raw in enumerate(raw_rules)
        ),
    )
    head.finish()
    return ruleset


def _rule(
    raw: Any, index: int, prefix: str, defaults: dict[str, Any], path: str, vocabulary: Vocabulary
) -> Rule:
    if not isinstance(raw, dict):
        raise RuleError(f"{located(path, ('rules', index))}: rules[{index}]: should be a mapping")
    name = raw.get("id")
    if not isinstance(name, str) or not _ID.fullmatch(name):
        where = located(path, ("rules", index, "id"))
        raise RuleError(
            f"{where}: rules[{index}]: field 'id': should be lower-case letters, digits and hyphens"
        )
    fields = Fields(raw, path, f"rule {prefix}.{name}", ("rules", index))
    kind_name = fields.choice("kind", tuple(KINDS), "pattern")
    header = _header(fields, f"{prefix}.{name}", kind_name, defaults)
    rule = KINDS[kind_name].build(header, fields, vocabulary)
    fields.finish()
    allowed = {"match", "replacement", *rule.template_names}
    unknown = sorted(template_fields(header.message) - allowed)
    if unknown:
        raise fields.error(
            "message", f"unknown template field {{{unknown[0]}}} (known: {', '.join(sorted(allowed))})"
        )
    return rule


def _header(fields: Fields, rule_id: str, kind_name: str, defaults: dict[str, Any]) -> Header:
    kind = KINDS[kind_name]
    fields.read.add("id")
    case = Case(fields.choice("case", tuple(c.value for c in Case), kind.case.value))
    message = fields.string("message")
    try:
        template_fields(message)
    except ValueError as error:
        raise fields.error("message", f"malformed template ({error})") from None
    scopes = fields.string_list("scope", SCOPES)
    if not set(scopes) <= set(SCOPES):
        raise fields.error("scope", f"should be among {', '.join(SCOPES)}")
    bad, good = _examples(fields)
    return Header(
        id=rule_id,
        kind=kind_name,
        message=message,
        severity=_severity(fields, defaults["severity"]),
        category=fields.string("category", defaults["category"]),
        description=fields.string("description", ""),
        reference=fields.string("reference", defaults["reference"]),
        scopes=frozenset(scopes),
        case=case,
        safety=Safety.parse(fields.choice("fix", _SAFETIES, kind.safety.label)),
        exceptions=tuple(fields.regex("exceptions", p, case) for p in fields.string_list("exceptions", ())),
        bad=bad,
        good=good,
        enabled=fields.boolean("enabled", True),
        path=fields.path,
        languages=defaults["languages"],
        replaces=fields.string_list("replaces", ()),
        guards=_guards(fields, defaults["guards"], fields.string_list("without-guards", ())),
    )


def _guards(fields: Fields, inherited: tuple[str, ...], dropped: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The precision guards of a rule set, or of a rule: its set's plus its own (textlint.guards),
    less those it drops (a rule about English quotations cannot be guarded from them)."""
    own: tuple[str, ...] = fields.string_list("guards", ())
    unknown = [name for name in (*own, *dropped) if name not in GUARDS]
    if unknown:
        field = "guards" if unknown[0] in own else "without-guards"
        raise fields.error(field, f"unknown guard {unknown[0]!r} (known: {', '.join(GUARDS)})")
    return tuple(name for name in dict.fromkeys((*inherited, *own)) if name not in dropped)


def _severity(fields: Fields, default: str) -> Severity:
    value = fields.string("severity", default)
    try:
        return Severity.parse(value)
    except ValueError as error:
        raise fields.error("severity", str(error)) from None


def _examples(fields: Fields) -> tuple[tuple[BadExample, ...], tuple[str, ...]]:
    examples = fields.mapping("examples", {})
    unknown = set(examples) - {"bad", "good"}
    if unknown:
        raise fields.error("examples", f"unknown key {sorted(unknown)[0]!r} (expected bad and good)")
    return _bad_examples(fields, examples.get("bad") or []), _good_examples(
        fields, examples.get("good") or []
    )


def _bad_examples(fields: Fields, raw: Sequence[Any]) -> tuple[BadExample, ...]:
    examples = []
    for item in raw:
        if isinstance(item, dict) and isinstance(item.get("text"), str) and set(item) <= {"text", "fixed"}:
            fixed = item.get("fixed")
            if fixed is not None and not isinstance(fixed, str):
                raise fields.error("examples.bad", "'fixed' should be a string")
            examples.append(BadExample(item["text"], fixed))
        else:
            raise fields.error("examples.bad", "each bad example should be a mapping with 'text' and 'fixed'")
    return tuple(examples)


def _good_examples(fields: Fields, raw: Sequence[Any]) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise fields.error("examples.good", "should be a list of strings")
    return tuple(raw)
