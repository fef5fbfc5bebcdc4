"""Which rules run: select / ignore by full id or prefix, and per-file ignores."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path, PurePath


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
