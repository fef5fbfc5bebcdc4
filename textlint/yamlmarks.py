"""Where a key of a YAML or TOML file is written, so that an error message can give its line.

Files are read with the fast loaders, which keep no positions; the file is parsed again for
its positions only when an error needs one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the YAML parser is imported only when an error needs a line
    import yaml

Key = str | int  # a mapping key, or a position in a list


def yaml_line(text: str, keys: Sequence[Key]) -> int | None:
    """The 1-based line of the deepest of `keys` (a path into the document) that is in it."""
    import yaml

    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    line = None
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if k.value == key), None)
            if found is None:
                break
            line, node = found[0].start_mark.line + 1, found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line


def toml_line(text: str, table: str, keys: Sequence[str]) -> int | None:
    """The 1-based line of a key under `[table]` (`keys[:-1]` naming sub-tables), or of the table."""
    wanted = ".".join([*([table] if table else []), *keys[:-1]])
    line = None
    section = ""  # before the first header: the top level
    key = re.compile(rf"""\s*["']?{re.escape(keys[-1])}["']?\s*=""") if keys else None
    for number, content in enumerate(text.splitlines(), start=1):
        header = re.match(r"\s*\[\s*([^\]]+?)\s*\]", content)
        if header:
            section = header.group(1).replace(" ", "")
            if section in (table, wanted) and section and line is None:
                line = number
        elif section == wanted and key is not None and key.match(content):
            return number
    return line


def yaml_error(path: object, error: yaml.YAMLError) -> str:
    """`path:line:column: invalid YAML (what is wrong)` from a YAML parser error."""
    mark = getattr(error, "problem_mark", None)
    where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark is not None else str(path)
    problem = getattr(error, "problem", None) or str(error)
    return f"{where}: invalid YAML ({' '.join(str(problem).split())})"
