"""``python -m helpers ...``: see :mod:`helpers.cli`."""

__all__: list[str] = []

import sys

from helpers.cli import main

sys.exit(main())
