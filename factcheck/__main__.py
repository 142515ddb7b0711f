"""`python -m factcheck`: the same as the `factcheck` script (see ``cli.entry``)."""

import gc

gc.disable()  # before the imports below: start-up only allocates

from .cli import entry  # noqa: E402

entry()
