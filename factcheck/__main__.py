import gc
import sys

# Start-up only allocates (modules, classes, Textual's widgets): the cycle collector would
# walk it all again and again and free next to nothing (50-80 ms before the desk's first
# paint).  `cli.main` turns it back on once the command is known, the desk after its
# first frame.
gc.disable()

from .cli import main  # noqa: E402

sys.exit(main())
