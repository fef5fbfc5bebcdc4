"""`python -m textlint` runs the command line."""

import sys

from textlint.cli import main

sys.exit(main())
