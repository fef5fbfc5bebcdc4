"""Loading an entity registry file (`registry:` + `entities:`) into one `entity` rule.

The format is documented in docs/rules.md ("Entity registries"). Every key is checked;
errors name the file, the entity and the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import regex

from textlint.document import SCOPES
from textlint.errors import RuleError
from textlint.guards import TECHNICAL
from textlint.issues import Safety, Severity
from textlint.yamlrules.fields import Fields
from textlint.yamlrules.kinds.entity import ENTITY_TYPES, Entity, EntityRule, context_words
from textlint.yamlrules.matching import Case
from textlint.yamlrules.rule import BadExample, Header

PREFIX = "entity"
DEFAULT_MESSAGE = "Nom propre mal écrit ou traduit : « {replacement} » et non « {match} » ({type})"
_ID = regex.compile(r"[a-z0-9][a-z0-9-]*")


def load_registry(data: Mapping[str, Any], path: str) -> EntityRule:
    top = Fields(data, path, "file")
    head = Fields(top.mapping("registry"), path, "registry")
    raw_entities = top.raw("entities")
    examples = top.mapping("examples", {})
    top.finish()
    if set(examples) - {"bad", "good"}:
        raise top.error("examples", "should hold only 'bad' and 'good'")
    name = head.string("id")
    if not _ID.fullmatch(name):
        raise head.error("id", "should be lower-case letters, digits and hyphens")
    if not isinstance(raw_entities, list):
        raise top.error("entities", "should be a list of entities")
    entities, goods = _entities(raw_entities, path)
    header = Header(
        id=f"{PREFIX}.{name}",
        kind="entity",
        message=head.string("message", DEFAULT_MESSAGE),
        severity=Severity.WARNING,
        category="entity",
        description=head.string("description", ""),
        reference=head.string("reference", None),
        scopes=frozenset(SCOPES),
        case=Case.EXACT,
        safety=Safety.SAFE,
        exceptions=(),
        bad=_bad(top, examples.get("bad") or []),
        good=tuple(_strings(top, "examples.good", examples.get("good") or [])) + goods,
        enabled=True,
        path=path,
        # A name inside a handle, hashtag, URL or address (« @Elysee ») is an identifier,
        # spelt as its owner chose: never a misspelt name.
        guards=TECHNICAL,
    )
    head.finish()
    return EntityRule(header, entities)


def _entities(raw: list[Any], path: str) -> tuple[tuple[Entity, ...], tuple[str, ...]]:
    entities: list[Entity] = []
    goods: list[str] = []
    names: set[str] = set()
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            raise RuleError(f"{path}: entities[{index}]: should be a mapping")
        label = item.get("name") if isinstance(item.get("name"), str) else f"entities[{index}]"
        fields = Fields(item, path, f"entity {label!r}")
        entity = _entity(fields)
        entity_goods = fields.string_list("good", ())
        fields.finish()
        if entity.ambiguous and (not entity.context or len(entity_goods) < 2):
            raise fields.error(
                "ambiguous", "ambiguous variants need `context` words and at least 2 `good` sentences"
            )
        if entity.name in names:
            raise fields.error("name", "listed twice in this registry")
        names.add(entity.name)
        entities.append(entity)
        goods.extend(entity_goods)
    for entity in entities:
        clash = names.intersection(entity.variants)
        if clash:
            raise RuleError(
                f"{path}: entity {entity.name!r}: field 'variants': {sorted(clash)[0]!r} is a name"
            )
    return tuple(entities), tuple(goods)


def _entity(fields: Fields) -> Entity:
    name = fields.string("name")
    kind = fields.choice("type", tuple(ENTITY_TYPES), "organisation")
    variants = fields.string_list("variants", ())
    ambiguous = fields.string_list("ambiguous", ())
    if not set(ambiguous) <= set(variants):
        raise fields.error("ambiguous", "should list only entries of `variants`")
    if name in variants or any(not variant.strip() for variant in variants):
        raise fields.error("variants", "should not hold the name itself or empty strings")
    context = tuple(words for words in map(context_words, fields.string_list("context", ())) if words)
    capital = fields.boolean("capital-evidence", True)
    return Entity(name, kind, variants, frozenset(ambiguous), context, fields.string("french", None), capital)


def _strings(fields: Fields, where: str, raw: Any) -> list[str]:
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise fields.error(where, "should be a list of strings")
    return raw


def _bad(fields: Fields, raw: Any) -> tuple[BadExample, ...]:
    if not isinstance(raw, list):
        raise fields.error("examples.bad", "should be a list")
    examples = []
    for item in raw:
        if not (
            isinstance(item, dict) and isinstance(item.get("text"), str) and set(item) <= {"text", "fixed"}
        ):
            raise fields.error("examples.bad", "each bad example should be a mapping with 'text' and 'fixed'")
        examples.append(BadExample(item["text"], item.get("fixed")))
    return tuple(examples)
