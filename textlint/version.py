"""textlint's version, in a module of its own so that `textlint --version` imports nothing else.

The packaging reads it from here (`[tool.hatch.version]`), so it has one source.
"""

__version__ = "0.1.0"
