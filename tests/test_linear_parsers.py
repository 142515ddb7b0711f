"""Every parser's work grows as its input does, not as its square (issue 17, finding 7).

The work is counted, never timed: the Markdown reader and the archive's JSON-LD scan add
up the characters their searches cross and the delimiters they pair. Each hostile input is
read at two sizes, ten times apart; the work must grow about ten times. And the Markdown
reader must say what the regular expressions it replaced said, on any input.
"""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.matching.archive.parse import json_ld_scripts, parse_archive
from factcheck.text.document import markdown_to_text, parse_document

HOSTILE_MARKDOWN = [
    "*a ",  # 100 KB of it took 22 s: every * looked for its closer to the end of the line
    "**a ", "_a ", "__a ", "*_", "a **b", "[a](", "[", "![a](", "[a][", "<a", "`a",
    "# a" + " " * 40, ">", "- ", "&", "*a*", "**a**",
]


def markdown_work(text: str) -> int:
    work = [0]
    markdown_to_text(text, work)
    return work[0]


@pytest.mark.parametrize("unit", HOSTILE_MARKDOWN)
def test_markdown_work_grows_linearly(unit):
    small = unit * (10_000 // len(unit))
    large = unit * (100_000 // len(unit))
    ratio = markdown_work(large) / markdown_work(small)
    assert 8 <= ratio <= 12, (unit, ratio)


def test_a_100_kb_line_of_stars_is_read_whole():
    doc = parse_document(("*a " * 35_000).encode(), "stars.md")
    assert doc.format == "md" and doc.text.count("a") >= 34_000


HOSTILE_HTML = [
    '<script type="application/ld+json">',  # never closed: each opener read to the end
    '<script type="application/ld+json" ',  # a tag that never ends
    "<script>", "<script ", "</script", "<",
    '<script type="application/ld+json">{"claimReviewed": "x"}</script>',
]


@pytest.mark.parametrize("unit", HOSTILE_HTML)
def test_the_json_ld_scan_grows_linearly(unit):
    def work(n: int) -> int:
        counted = [0]
        for _ in json_ld_scripts(unit * n, counted):
            pass
        return counted[0]

    ratio = work(20_000) / work(2_000)
    assert 8 <= ratio <= 12, (unit, ratio)


def test_unclosed_openers_are_refused_quickly_and_plainly():
    from factcheck.errors import InputError

    with pytest.raises(InputError, match="no JSON-LD"):
        parse_archive(b'<script type="application/ld+json">' * 20_000, "page.html")


def test_the_json_ld_scan_finds_what_the_pattern_found():
    page = ('<html><script src="x.js"></script><SCRIPT Type="application/ld+json" id=a>'
            '{"a": 1}</script ><p>text</p><script type=application/ld+json>[2]</SCRIPT>'
            '<script type="application/ld+json">never closed')
    assert [body for _, body in json_ld_scripts(page)] == ['{"a": 1}', "[2]"]
    assert _reference_scripts(page) == ['{"a": 1}', "[2]"]


def _reference_scripts(text: str) -> list[str]:
    """The pattern the scan replaced (quadratic on unclosed openers; fine on small pages)."""
    pattern = re.compile(
        r"<script\b[^>]*type\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>",
        re.IGNORECASE | re.DOTALL)
    return [m.group(1) for m in pattern.finditer(text)]


# ---------------------------------------------------------------- the same answers as before

# The Markdown reader as it was before it was made linear: the reference its answers are
# checked against. It is right, only slow on hostile lines.
_OLD_FENCE = re.compile(r"^\s*(```|~~~)")
_OLD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_OLD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_OLD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_OLD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_OLD_BULLET = re.compile(r"^\s*[-*+]\s+")
_OLD_LINKDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_OLD_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),
    (re.compile(r"</?[a-zA-Z][^>\n]*>"), ""),
]


def _old_inline(line: str) -> str:
    for pattern, replacement in _OLD_INLINE:
        line = pattern.sub(replacement, line)
    return html.unescape(line) if "&" in line else line


def _old_markdown(source: str) -> tuple[str, str | None]:
    out, title, in_fence = [], None, False
    lines, start = source.split("\n"), 0
    if lines[0].strip() == "---":  # front matter: unchanged, read by the same code
        for j in range(1, min(len(lines), 200)):
            if lines[j].strip() in ("---", "..."):
                for meta in lines[1:j]:
                    key, _, value = meta.partition(":")
                    if key.strip().lower() == "title" and value.strip():
                        title = value.strip().strip("\"'")
                start = j + 1
                break
    for line in lines[start:]:
        if _OLD_FENCE.match(line):
            in_fence = not in_fence
            out.append("")
            continue
        if in_fence or _OLD_LINKDEF.match(line) or _OLD_RULE.match(line):
            out.append("")
            continue
        if _OLD_SETEXT.match(line) and out and out[-1].strip():
            if title is None and line.strip().startswith("="):
                title = out[-1].strip()
            out.append("")
            continue
        heading = _OLD_HEADING.match(line)
        if heading:
            line = heading.group(1)
            if title is None:
                title = _old_inline(line).strip()
        while _OLD_QUOTE.match(line):
            line = _OLD_QUOTE.sub("", line, count=1)
        out.append(_old_inline(_OLD_BULLET.sub("", line)))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n"), title


MARKS = st.sampled_from(list("*_[]()!`<>#a b/é\t&-=~:") + [
    "**", "__", "![", "](", "][", "<a>", "</b>", "&amp;", "> ", "# ", "  ", "---", "```",
    "title: x"])


LINES = st.lists(MARKS, max_size=30).map("".join)


@settings(max_examples=3000, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=4).map("\n".join))
def test_the_linear_reader_says_what_the_patterns_said(source):
    assert markdown_to_text(source) == _old_markdown(source)


@pytest.mark.parametrize("line", [
    "**gras** et *italique* et __aussi__ et _ceci_", "un [lien](https://x.fr) et ![img](a.png)",
    "une [référence][1] puis `du code` et <b>html</b>", "### Titre ###", "> > citée",
    "snake_case_name et 2*3*4", "a ** b ** c", "***triple***", "# C#", "&amp; &lt;b&gt;",
])
def test_ordinary_markdown_reads_as_before(line):
    assert markdown_to_text(line) == _old_markdown(line)
