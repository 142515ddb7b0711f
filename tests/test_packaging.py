"""What an editor who installs factcheck gets: the script starts the way the benchmarks
measure it, and the demo runs from any folder out of an installed wheel."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
from importlib import metadata
from pathlib import Path

import pytest

from conftest import ROOT

EXPECTED_CLAIMS = 11  # the demo article's sentences (tests/test_segment.py checks them)


def test_the_installed_script_is_cli_entry():
    (script,) = metadata.entry_points(group="console_scripts", name="factcheck")
    assert script.value == "factcheck.cli:entry"


def _run_script_recording_the_collector(args: list[str], tmp_path: Path) -> dict:
    """Run the `factcheck` script installed next to this Python, as the shell would, with
    two probes: the collector's state while the parser is being built (start-up), and when
    the command starts."""
    script = Path(sys.executable).with_name("factcheck")
    assert script.exists(), f"no factcheck script next to {sys.executable}"
    probe = textwrap.dedent(f"""
        import gc, json, runpy, sys
        import factcheck.cli as cli
        from factcheck.cli import admin, articles
        seen = {{}}
        build = cli.build_parser
        def probed_build(*a, **k):
            seen["while parsing"] = gc.isenabled()
            return build(*a, **k)
        def probed(name, real):
            def command(args):
                seen[name] = gc.isenabled()
                seen["frozen"] = gc.get_freeze_count()
                return 0 if name == "desk" else real(args)
            return command
        cli.build_parser = probed_build
        admin.cmd_tui = probed("desk", admin.cmd_tui)
        articles.cmd_articles = probed("command", articles.cmd_articles)
        sys.argv = [{str(script)!r}] + {args!r}
        try:
            runpy.run_path({str(script)!r}, run_name="__main__")
        except SystemExit as exc:
            seen["exit"] = exc.code
        print(json.dumps(seen))
    """)
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_the_script_holds_the_collector_until_the_command_is_known(tmp_path):
    from factcheck.store import Store

    Store(tmp_path / "x.db").close()  # `articles` reads a store; it never makes one
    seen = _run_script_recording_the_collector(
        ["articles", "--db", str(tmp_path / "x.db")], tmp_path)
    assert seen["while parsing"] is False  # start-up only allocates
    assert seen["command"] is True and seen["frozen"] > 0  # start-up's objects frozen out
    assert seen["exit"] == 0


def test_the_desk_starts_with_the_collector_still_held(tmp_path):
    # the desk itself resumes it after its first frame (factcheck/tui)
    seen = _run_script_recording_the_collector(["--db", str(tmp_path / "x.db")], tmp_path)
    assert seen["while parsing"] is False and seen["desk"] is False


@pytest.mark.slow
def test_the_demo_runs_from_a_wheel_outside_the_repository(tmp_path):
    """Build the wheel offline, install it alone into a fresh venv, run the demo elsewhere.

    The runtime dependencies are not installed again: a .pth file shows the new venv this
    interpreter's site-packages, as --system-site-packages would show a system Python's.
    Folders named by a .pth file are not scanned for .pth files, so the repository's
    editable install stays out of sight; the test checks where factcheck is loaded from.
    """
    src = tmp_path / "src"
    shutil.copytree(ROOT / "factcheck", src / "factcheck",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    subprocess.run(pip + ["wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
                          "-w", str(tmp_path / "dist"), str(src)],
                   check=True, capture_output=True, timeout=300)
    (wheel,) = (tmp_path / "dist").glob("factcheck-*.whl")

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    python = venv / "bin" / "python"
    subprocess.run(pip + ["--python", str(python), "install", "--no-deps", "--no-index", "-q",
                          str(wheel)], check=True, capture_output=True, timeout=300)
    site = Path(subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True).stdout.strip())
    (site / "runtime-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "FACTCHECK_"))}
    env["FACTCHECK_EDITOR"] = "tester"
    where = subprocess.run([python, "-c", "import factcheck; print(factcheck.__file__)"],
                           cwd=elsewhere, env=env, check=True, capture_output=True, text=True)
    assert Path(where.stdout.strip()).is_relative_to(venv)

    script = venv / "bin" / "factcheck"
    assert "from factcheck.cli import entry" in script.read_text()
    for _ in range(2):  # the second run finds the demo already there
        proc = subprocess.run([script, "demo", "--print", "--db", "x.db"], cwd=elsewhere,
                              env=env, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        lines = proc.stdout.splitlines()
        assert len(lines) == EXPECTED_CLAIMS
        assert [line.split()[0] for line in lines] == [str(i) for i in range(1, 12)]
        assert any("14,3 milliards de dollars" in line for line in lines)
    assert (elsewhere / "x.db").exists()
