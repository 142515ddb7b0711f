"""The core never imports the screen: the CLI and the TUI are faces on it.

import-linter (pyproject.toml, run by `make test`) checks every import statement; this
test checks what actually lands in ``sys.modules`` when each core module is imported,
including imports made inside functions at import time.
"""

import pkgutil
import subprocess
import sys

import factcheck

FACES = ("factcheck.tui", "factcheck.cli", "factcheck.__main__")
CORE = sorted(m.name for m in pkgutil.walk_packages(factcheck.__path__, "factcheck.")
              if not m.name.startswith(FACES))


def test_the_core_is_every_layer_below_the_faces():
    layers = {name.split(".")[1] for name in CORE}
    assert {"text", "analysis", "store", "matching", "report", "ingest", "errors"} <= layers
    assert "factcheck.matching.dupes.index" in CORE and "factcheck.report.html" in CORE


def test_core_modules_do_not_import_textual():
    code = ("import sys\n"
            + "".join(f"import {m}\n" for m in CORE + ["factcheck.tui.services.lookup"])
            + "bad = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
            + "assert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], check=True)
