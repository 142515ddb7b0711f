"""The documentation says what the code does: the command reference is generated and
current, the README stays a short guide, and no link points nowhere."""

from __future__ import annotations

import argparse
import importlib.util
import re

from conftest import ROOT

from factcheck.cli import build_parser

DOCS = ROOT / "docs"
README = ROOT / "README.md"
PAGES = [README, ROOT / "CHANGELOG.md", *sorted(DOCS.glob("*.md"))]


def _gen_cli():
    spec = importlib.util.spec_from_file_location("gen_cli", DOCS / "gen_cli.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_command_reference_is_generated_from_the_current_help():
    gen = _gen_cli()
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    made_with = re.search(r"\(Python (\d+\.\d+)\)", page)
    assert made_with, "docs/cli.md has no generator header: run python docs/gen_cli.py"
    if made_with.group(1) == gen.python_version():
        assert page == gen.render(), "docs/cli.md is out of date: run python docs/gen_cli.py"
        return
    # argparse lays help out a little differently under another Python: check the substance
    for words, parser in gen.commands(build_parser(plugins=True)):
        assert f"\n## factcheck{''.join(' ' + w for w in words)}\n" in page
        for action in parser._actions:
            for option in action.option_strings:
                assert option in page, f"{option} of {words} is missing from docs/cli.md"


def test_the_readme_is_a_short_guide():
    assert len(README.read_text(encoding="utf-8")) < 10_000


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser(plugins=True)
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def test_the_readme_command_table_names_every_command_and_no_other():
    text = README.read_text(encoding="utf-8")
    section = text.split("## The command line", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    named = set()
    for row in rows:
        first_cell = row.split(" | ", 1)[0]
        for code in re.findall(r"`([^`]+)`", first_cell):
            words = code.split()
            if words[0] == "factcheck":
                words = words[1:]
            if words:
                named.add(words[0])
    commands = _commands()
    assert named - set(commands) == set(), "the README names commands that do not exist"
    assert set(commands) - named == set(), "commands missing from the README's table"


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def test_every_relative_link_and_anchor_exists():
    broken = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target):
                continue  # a web address
            path, _, anchor = target.partition("#")
            file = (page.parent / path).resolve() if path else page
            if not file.exists():
                broken.append(f"{page.name}: {target}")
                continue
            if anchor and file.suffix == ".md":
                headings = re.findall(r"^#+ (.+)$", file.read_text(encoding="utf-8"), re.M)
                if anchor not in {_slug(h) for h in headings}:
                    broken.append(f"{page.name}: {target} (no such heading)")
    assert broken == []


def test_the_generator_can_tell_when_the_page_is_stale(tmp_path, monkeypatch, capsys):
    gen = _gen_cli()
    stale = tmp_path / "cli.md"
    stale.write_text("# Command-line reference\n", encoding="utf-8")
    monkeypatch.setattr(gen, "TARGET", stale)
    monkeypatch.setattr(gen, "ROOT", tmp_path)
    assert gen.main(["--check"]) == 1
    assert "out of date" in capsys.readouterr().err
    assert gen.main([]) == 0 and gen.main(["--check"]) == 0
    assert stale.read_text(encoding="utf-8") == gen.render()
