"""The core never imports the screen: the CLI and the TUI are faces on it."""

import pkgutil
import subprocess
import sys

import factcheck

CORE = sorted(f"factcheck.{m.name}" for m in pkgutil.iter_modules(factcheck.__path__)
              if m.name not in ("tui", "__main__"))


def test_every_core_module_is_checked():
    for name in ("store", "segment", "facets", "sources", "suggest", "dupes", "archive",
                 "report", "report_html", "claimreview", "cli"):
        assert f"factcheck.{name}" in CORE


def test_core_modules_do_not_import_textual():
    code = ("import sys\n"
            + "".join(f"import {m}\n" for m in CORE)
            + "bad = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
            + "assert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], check=True)
