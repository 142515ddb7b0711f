"""Articles: decoded text in (see ``decode``), one normalised visible text out.

The text the store keeps is the article's text: for HTML the article that ``extract``
finds in the page (headline, standfirst, paragraphs; no menus, captions or footers), or,
when it finds none, the page's visible text without script or style; for Markdown the prose
without its markup.  It is normalised once (LF line endings, NFC, no control characters)
and every claim offset points into that exact string.
"""

from __future__ import annotations

import hashlib
import html
import re
from bisect import bisect_left
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..errors import InputError
from .decode import CONTROL_CHARS, decode_bytes
from .extract import decode_html, extract_article

_LINE_SEPARATORS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_LINE_SEPARATOR_CHARS = "\r\u2028\u2029\x0b\x0c\x85"


# How the text of an HTML document was found (Document.extraction).
ARTICLE = "article"
VISIBLE_TEXT = "visible text"
FALLBACK_NOTICE = "no article body found; imported the page's visible text"


@dataclass(frozen=True)
class Document:
    text: str  # normalised visible text
    format: str  # txt | md | html
    encoding: str
    title: str | None  # a title found in the document itself, if any
    # what an HTML page says of itself (None for other formats, or when it does not say)
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    language: str | None = None  # as declared by the page, e.g. fr
    site_name: str | None = None
    extraction: str | None = None  # ARTICLE or VISIBLE_TEXT, for HTML

    @property
    def notice(self) -> str | None:
        """What the import should tell the editor about how the text was found."""
        return FALLBACK_NOTICE if self.extraction == VISIBLE_TEXT else None


def normalise(text: str) -> str:
    """The one normalisation every stored article goes through (twice gives the same)."""
    text = text.lstrip("\ufeff")
    if any(sep in text for sep in _LINE_SEPARATOR_CHARS):  # most texts have none
        text = _LINE_SEPARATORS.sub("\n", text)
    text = CONTROL_CHARS.sub("", text)
    text = text.replace("\ufeff", "")
    return unicodedata.normalize("NFC", text)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- HTML

_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "title", "svg", "math",
              "iframe", "object", "embed", "canvas", "select", "button"}
_BLOCK_TAGS = {
    "p", "div", "br", "hr", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5",
    "h6", "section", "article", "header", "footer", "aside", "nav", "main", "blockquote",
    "pre", "table", "tr", "td", "th", "thead", "tbody", "figure", "figcaption", "caption",
    "address", "details", "summary", "form", "fieldset", "body", "html",
}
_VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "wbr",
              "source", "track", "param", "embed"}


_WS = re.compile(r"\s+")


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0  # depth inside a skipped element
        self.skip_stack: list[str] = []
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self._in_title = False
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            self._in_title = True
        if tag in _SKIP_TAGS and tag not in _VOID_TAGS:
            self.skip_stack.append(tag)
            return
        if self.skip_stack:
            return
        if tag == "h1" and not self.h1_parts:
            self._in_h1 = True
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if not self.skip_stack and tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self.skip_stack:
            if tag in self.skip_stack:
                # close up to the matching tag, forgiving unclosed children
                while self.skip_stack and self.skip_stack.pop() != tag:
                    pass
            return
        if tag == "h1":
            self._in_h1 = False
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        if self.skip_stack:
            return
        if self._in_h1:
            self.h1_parts.append(data)
        self.parts.append(_WS.sub(" ", data))


def html_to_text(source: str) -> tuple[str, str | None]:
    parser = _VisibleText()
    try:
        parser.feed(source)
        parser.close()
    except Exception:  # html.parser is forgiving; this is a last resort
        raise InputError("the HTML could not be parsed") from None
    lines = []
    for line in "".join(parser.parts).split("\n"):
        line = re.sub(r"[ \t\u00a0]+", " ", line).strip()
        lines.append(line)
    text = "\n".join(line for line in lines if line)
    title = " ".join("".join(parser.title_parts).split()) or " ".join(
        "".join(parser.h1_parts).split()
    )
    return text, title or None


# ---------------------------------------------------------------- Markdown
#
# Every pass over a line is linear in its length: a pattern that scans from an opener to
# its closer fails, when no closer follows, only after reaching the end of the line, and
# tried from each of n openers that is n² steps (100 KB of "*a " took 22 s). So the
# patterns here are anchored at the start of the line (one try each), or the closers are
# found once and each opener paired with the next one (``_bracketed``, ``_delimited``).

_MD_FENCE = re.compile(r"^\s*(```|~~~)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*)$")  # its closing #s are stripped apart
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_MD_QUOTES = re.compile(r"^(?:\s{0,3}>\s?)+")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+")
_MD_LINKDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_MD_CODE = re.compile(r"`([^`]+)`")  # [^`]+ stops at the next backtick: linear as it is
_MD_TAG = re.compile(r"</?[a-zA-Z][^>\n]*>")
# Where ** / __ (strong) and * / _ (emphasis) may open and close, as zero-width matches:
# an opener is followed by a non-space, a closer preceded by one; emphasis does not open
# after a letter or a star, nor close before one.
_STRONG_OPENERS = re.compile(r"(?=(\*\*|__)\S)")
_STRONG_CLOSERS = re.compile(r"(?<=\S)(?=(\*\*|__))")
_EM_OPENERS = re.compile(r"(?<![\w*])(?=([*_])\S)")
_EM_CLOSERS = re.compile(r"(?<=\S)(?=([*_])(?![\w*]))")


def markdown_to_text(source: str, work: list[int] | None = None) -> tuple[str, str | None]:
    """The prose of a Markdown document, and its title (front matter, first heading).

    ``work``, if given, is increased by the steps taken (characters scanned, delimiters
    paired): the tests check that it grows as the input does, not as its square."""
    lines = source.split("\n")
    out: list[str] = []
    title: str | None = None
    in_fence = False
    i = 0
    if lines and lines[0].strip() == "---":  # YAML front matter
        for j in range(1, min(len(lines), 200)):
            if lines[j].strip() in ("---", "..."):
                for meta in lines[1:j]:
                    key, _, value = meta.partition(":")
                    if key.strip().lower() == "title" and value.strip():
                        title = value.strip().strip("\"'")
                i = j + 1
                break
    for line in lines[i:]:
        _count(work, len(line) + 1)
        if _MD_FENCE.match(line):
            in_fence = not in_fence
            out.append("")
            continue
        if in_fence or _MD_LINKDEF.match(line):
            out.append("")
            continue
        if _MD_RULE.match(line):
            out.append("")
            continue
        if _MD_SETEXT.match(line) and out and out[-1].strip():
            if title is None and line.strip().startswith("="):
                title = out[-1].strip()
            out.append("")
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            line = heading.group(1).rstrip().rstrip("#").rstrip()
            if title is None:
                title = _md_inline(line).strip()
        line = _MD_QUOTES.sub("", line, count=1)
        line = _MD_BULLET.sub("", line)
        out.append(_md_inline(line, work))
    text = "\n".join(out)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return text, title


def _md_inline(line: str, work: list[int] | None = None) -> str:
    line = _bracketed(line, "![", "(", ")", work, empty=True)  # image: its alt text
    line = _bracketed(line, "[", "(", ")", work)  # [text](url)
    line = _bracketed(line, "[", "[", "]", work)  # [text][ref]
    line = _MD_CODE.sub(r"\1", line)
    line = _delimited(line, _STRONG_OPENERS, _STRONG_CLOSERS, 2, work)
    line = _delimited(line, _EM_OPENERS, _EM_CLOSERS, 1, work)
    last = line.rfind(">")  # a tag needs a > after it: past the last one, none can end
    if last >= 0:
        line = _MD_TAG.sub("", line[:last + 1]) + line[last + 1:]
    _count(work, 4 * len(line))
    return html.unescape(line) if "&" in line else line


def _bracketed(line: str, opener: str, then: str, closer: str, work: list[int] | None,
               empty: bool = False) -> str:
    r"""``opener`` text ``]`` ``then`` target ``closer`` replaced by its text, leftmost
    first, as the pattern ``\[([^\]]+)\]\([^)]*\)`` (for a link) would.

    Every opener before one ``]`` shares that ``]``, so when it is not followed by
    ``then`` they all fail at once; when no ``]`` or no ``closer`` is left, no later opener
    can succeed either. Each character is crossed a bounded number of times."""
    p = line.find(opener)
    if p < 0:
        return line
    out, kept, size = [], 0, len(opener)
    while p >= 0:
        q = line.find("]", p + size)
        if q < 0:
            _count(work, len(line) - p)
            break
        _count(work, q - p + 1)
        if q == p + size and not empty:  # "[]": no text
            p = line.find(opener, p + 1)
            continue
        if not line.startswith(then, q + 1):
            p = line.find(opener, q + 1)
            continue
        r = line.find(closer, q + 2)
        if r < 0:
            _count(work, len(line) - q)
            break
        _count(work, r - q)
        out += (line[kept:p], line[p + size:q])
        kept = r + 1
        p = line.find(opener, kept)
    if not out:
        return line
    out.append(line[kept:])
    return "".join(out)


def _delimited(line: str, openers: re.Pattern, closers: re.Pattern, size: int,
               work: list[int] | None) -> str:
    r"""Text between a delimiter that may open and the next of the same kind that may
    close (at least one character in between) kept without them, leftmost first, as the
    lazy pattern ``(\*\*|__)(?=\S)(.+?)(?<=\S)\1`` would; every closer is found once."""
    if "*" not in line and "_" not in line:
        return line
    starts = [(m.start(), m.group(1)) for m in openers.finditer(line)]
    if not starts:
        return line
    ends: dict[str, list[int]] = {}
    for m in closers.finditer(line):
        ends.setdefault(m.group(1), []).append(m.start())
    _count(work, len(line) + len(starts))
    out, kept = [], 0
    for p, mark in starts:
        if p < kept:
            continue
        at = ends.get(mark)
        if not at:
            continue
        k = bisect_left(at, p + size + 1)
        if k == len(at):
            continue
        c = at[k]
        out += (line[kept:p], line[p + size:c])
        kept = c + size
    if not out:
        return line
    out.append(line[kept:])
    return "".join(out)


def _count(work: list[int] | None, steps: int) -> None:
    if work is not None:
        work[0] += steps


# ---------------------------------------------------------------- entry points

_HTML_SNIFF = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<p>|<div)", re.I)


def detect_format(name: str | None, text: str) -> str:
    suffix = Path(name).suffix.lower() if name else ""
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".md", ".markdown", ".mdown"):
        return "md"
    if suffix in (".txt", ".text"):
        return "txt"
    if _HTML_SNIFF.match(text[:2000]):
        return "html"
    return "txt"


def _plain_title(text: str) -> str | None:
    first = text.lstrip().split("\n", 1)[0].strip()
    if first and len(first) <= 120 and not re.search(r"[.!?…:;,]$", first):
        return first
    return None


def parse_document(data: bytes, name: str | None = None, fmt: str | None = None,
                   charset: str | None = None, url: str | None = None) -> Document:
    """Decode, extract the text and normalise it; raise InputError on bad input.

    ``charset`` is the one a server declared for the bytes (HTML only: a file's own
    ``<meta charset>`` is read in any case); ``url`` is the page's address, which helps
    the extraction of its metadata.
    """
    raw, encoding = decode_bytes(data)
    raw = normalise(raw)
    fmt = fmt or detect_format(name, raw)
    if fmt == "html":  # decoded again: a page's charset declarations come first
        return _html_document(data, charset, url)
    if fmt == "md":
        text, title = markdown_to_text(raw)
        text = normalise(text)
    else:  # plain text: raw is normalised already, and normalising again changes nothing
        text, title = raw, _plain_title(raw)
    if not text.strip():
        what = "visible text" if fmt != "txt" else "text"
        raise InputError(f"the file has no {what}: it is empty or only whitespace")
    return Document(text=text, format=fmt, encoding=encoding, title=title)


def _html_document(data: bytes, charset: str | None, url: str | None) -> Document:
    """The article of an HTML page, or its visible text when no article body is found."""
    raw, encoding = decode_html(data, charset)
    raw = normalise(raw)
    article = extract_article(raw, url, visible_text=lambda: html_to_text(raw)[0])
    if article is not None:
        text = normalise(article.text)
        if text.strip():
            return Document(text=text, format="html", encoding=encoding, title=article.title,
                            author=article.author, published=article.published,
                            language=article.language, site_name=article.site_name,
                            extraction=ARTICLE)
    text, title = html_to_text(raw)
    text = normalise(text)
    if not text.strip():
        raise InputError("the page has no visible text: nothing but markup or scripts")
    return Document(text=text, format="html", encoding=encoding, title=title,
                    extraction=VISIBLE_TEXT)
