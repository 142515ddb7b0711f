"""The core never imports the screen: the CLI and the TUI are faces on it."""

import subprocess
import sys

CORE = ["factcheck.textio", "factcheck.segment", "factcheck.facets", "factcheck.worthiness",
        "factcheck.language", "factcheck.migrations", "factcheck.store", "factcheck.report",
        "factcheck.cli"]


def test_core_modules_do_not_import_textual():
    code = ("import sys\n"
            + "".join(f"import {m}\n" for m in CORE)
            + "bad = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
            + "assert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], check=True)
