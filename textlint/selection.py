"""Which rules run: select / ignore by full id or prefix, and per-file ignores.

As in ruff, a selector that names no rule is an error (with the closest id), and renamed
rule ids keep working through `REDIRECTS`, with a note saying the new id.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from pathlib import Path, PurePath

from textlint.errors import ConfigError

# Renamed rule ids: old id -> new id. A selector naming an old id selects the new one.
# The purists' anglicisms moved from `mt` to the opt-in `style` set: newspapers print them.
REDIRECTS: dict[str, str] = {
    "mt.calque-realiser": "style.realiser-que",
    "mt.calque-supporter": "style.supporter-equipe",
    "mt.calque-impacter": "style.impacter",
    "mt.calque-initier": "style.initier",
    "mt.calque-securiser": "style.securiser",
    "mt.calque-implementer": "style.implementer",
    "mt.calque-booster": "style.booster",
    "mt.calque-focuser": "style.focuser",
    "mt.calque-performer": "style.performer",
    "mt.calque-ceduler": "style.ceduler",
    "mt.calque-canceller": "style.canceller",
    "mt.calque-checker": "style.checker",
    "mt.calque-spoiler": "style.spoiler",
    "mt.calque-en-charge-de": "style.en-charge-de",
    "mt.calque-prendre-pour-acquis": "style.prendre-pour-acquis",
    "mt.calque-eligible": "style.eligible",
    "mt.calque-opportunite": "style.opportunite",
    "mt.calque-en-termes-de": "style.en-termes-de",
    "mt.calque-digital": "style.digital",
    "mt.anglicismes-numerique": "style.anglicismes-numerique",
    "mt.anglicismes-entreprise": "style.anglicismes-entreprise",
    "mt.calque-faire-sens": "style.faire-sens",
    # Folded into the lexicon of English calques, with their guards.
    "mt.calque-adresser": "mt.calques-anglais",
    "mt.calque-familier-avec": "mt.calques-anglais",
}

# Ids that are not rules of the rule sets but may be selected: LanguageTool's rules (any id
# after `LT:`, checked by the server) and textlint's own reports about itself.
OPEN_PREFIXES = ("LT", "textlint")


def matches(rule_id: str, selector: str) -> bool:
    """`typo` selects `typo.colon-space`; `LT` selects `LT:ACCORD`; a full id selects itself."""
    if selector in (rule_id, "ALL"):
        return True
    return rule_id.startswith(selector) and rule_id[len(selector)] in ".:-"


def matches_any(rule_id: str, selectors: Iterable[str]) -> bool:
    return any(matches(rule_id, selector) for selector in selectors)


@dataclass(frozen=True)
class Selection:
    """Rule selection for one file."""

    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def for_path(self, path: str, root: Path | None = None) -> Selection:
        """This selection with the per-file ignores that match `path` folded into `ignore`.

        Globs match the path relative to `root` (the configuration's folder) when the file lies
        under it, so the result does not depend on where textlint is run from.
        """
        if root is not None:
            with contextlib.suppress(ValueError):
                path = Path(path).resolve().relative_to(root).as_posix()
        extra = [ids for glob, ids in self.per_file_ignores.items() if _path_matches(path, glob)]
        if not extra:
            return self
        ignore = self.ignore + tuple(i for ids in extra for i in ids)
        return Selection(self.select, self.extend_select, ignore)

    def validated(self, known: Iterable[str]) -> tuple[Selection, tuple[str, ...]]:
        """This selection with renamed ids redirected, and the notes saying so.

        Raises ConfigError for a selector that matches none of the `known` rule ids.
        """
        known = sorted(set(known))
        notes: list[str] = []

        def resolve(selectors: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(_resolve(selector, known, notes) for selector in selectors)

        resolved = replace(
            self,
            select=resolve(self.select),
            extend_select=resolve(self.extend_select),
            ignore=resolve(self.ignore),
            per_file_ignores={glob: resolve(ids) for glob, ids in self.per_file_ignores.items()},
        )
        return resolved, tuple(dict.fromkeys(notes))

    def may_enable(self, prefix: str) -> bool:
        """Whether some rule whose id starts with `prefix` (such as `LT:`) can be selected."""
        if not self.select:
            return True
        selectors = (*self.select, *self.extend_select)
        return any(s == "ALL" or s.startswith(prefix) or prefix.startswith(s) for s in selectors)

    def enabled(self, rule_id: str, on_by_default: bool = True) -> bool:
        if matches_any(rule_id, self.ignore):
            return False
        if matches_any(rule_id, self.extend_select):
            return True
        if self.select:
            # A prefix selects the rules that are on by default; an off-by-default rule needs its id.
            return matches_any(rule_id, self.select) and (on_by_default or rule_id in self.select)
        return on_by_default


def _path_matches(path: str, glob: str) -> bool:
    pure = PurePath(path)
    return fnmatch(path, glob) or fnmatch(pure.name, glob) or pure.match(glob)


def _resolve(selector: str, known: list[str], notes: list[str]) -> str:
    if selector in REDIRECTS:
        notes.append(f"rule {selector} was renamed {REDIRECTS[selector]}: select it by its new id")
        return REDIRECTS[selector]
    if selector == "ALL" or any(selector == p or selector.startswith(p + ":") for p in OPEN_PREFIXES):
        return selector
    if selector.startswith(f"{OPEN_PREFIXES[1]}.") or any(matches(rule, selector) for rule in known):
        return selector
    prefixes = {rule.split(".", 1)[0] for rule in known}
    import difflib  # only to name the closest id in an error

    closest = difflib.get_close_matches(selector, [*known, *prefixes], n=1, cutoff=0.5)
    hint = f"; did you mean {closest[0]}?" if closest else ""
    raise ConfigError(f"unknown rule id or prefix {selector!r}{hint} (see `textlint rules list`)")
