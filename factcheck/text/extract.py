"""A web page's article: its paragraphs without the page around them, and its metadata.

trafilatura finds the main text of a page (it scores the page's blocks and drops menus,
footers, comments, captions and most boxes) and reads its metadata (JSON-LD, Open Graph,
``<meta>``, ``<time>``). Around it this module does what a fact-checking desk needs:

* before extraction, it removes blocks whose class or id names them as advertising,
  "read also" links, tables of contents, key-point summaries, reading times, video players,
  paywall notices or copyright lines: those sit *inside* the article's container on many
  sites, where a main-text extractor keeps them;
* after extraction, it drops the lines that still read as such furniture ("Publicité",
  "Read more: …", "© 2025 …", "Temps de lecture : 3 min");
* it puts the headline, then the standfirst when the page shows one, above the body: a
  headline is checked like any other sentence.

``decode_html`` turns the page's bytes into text, honouring the charset the server
declared, then the page's own ``<meta charset>``, then detection (``decode.decode_bytes``).
Nothing here touches the network.
"""

from __future__ import annotations

import codecs
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from .decode import decode_bytes

# trafilatura and its helpers log each page they give up on; the desk says it in one line.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False


@dataclass(frozen=True)
class PageArticle:
    text: str  # headline, standfirst, then one line per paragraph or sub-heading
    title: str | None
    author: str | None
    published: str | None  # YYYY-MM-DD, the first publication
    language: str | None  # as the page declares it: fr, en…
    site_name: str | None
    description: str | None


# ---------------------------------------------------------------- charset

_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""", re.IGNORECASE)
# What browsers read these labels as: a page that says Latin-1 means Windows-1252.
_BROWSER_ALIASES = {"iso8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252",
                    "iso8859-9": "cp1254"}


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return None  # only a byte-order mark can say so; a declaration in ASCII cannot be true
    return _BROWSER_ALIASES.get(name, name)


def _single_byte(codec: str) -> bool:
    return codecs.lookup(codec).name not in ("utf-8", "utf-8-sig") and not any(
        codec.startswith(p) for p in ("utf", "gb", "big5", "shift", "euc", "cp93", "cp94",
                                      "cp95", "iso2022", "hz"))


def _is_utf8_text(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return any(b >= 0x80 for b in data)


def declared_charset(data: bytes) -> str | None:
    """The charset a page's own ``<meta>`` declares, in its first 4 KB."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def decode_html(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """A page's text and the encoding it was read with.

    A byte-order mark wins; then the charset the server declared (``declared``), then the
    page's ``<meta charset>``; then detection. A declaration that the bytes contradict is
    passed over: bytes that are valid UTF-8 with accents are UTF-8 whatever a single-byte
    label says (the reverse misreading would need a page of mojibake), and bytes that are
    not valid in the declared charset are read by detection.
    """
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_bytes(data)
    wrong = []
    for label in (declared, declared_charset(data)):
        codec = _codec(label)
        if codec is None:
            continue
        if _single_byte(codec) and _is_utf8_text(data):
            return data.decode("utf-8"), f"utf-8 (declared {label})"
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            wrong.append(label)
    text, encoding = decode_bytes(data)
    return text, f"{encoding} (declared {wrong[0]})" if wrong else encoding


# ---------------------------------------------------------------- pruning

# Class, id or test-id words of blocks that are never the article, even inside its container. Matched
# as whole words of the attribute (split on spaces, '-', '_' and camel case), so that
# "header" is not "head" and "download" is not "ad".
_PRUNE_WORDS = {
    # advertising
    "ad", "ads", "adv", "advert", "advertisement", "advertising", "adslot", "adsbygoogle",
    "dfp", "inread", "pub", "publicite", "sponsored", "outbrain", "taboola",
    # links to other articles
    "catcher", "readalso", "alsoread", "lire", "related", "richlink", "readmore", "teaser",
    # summaries and furniture
    "toc", "keypoints", "highlights", "reading", "readtime", "readingtime", "video", "player",
    "jwplayer", "paywall", "copyright", "premium", "topics",
    # bylines and datelines
    "signature", "dateline", "pubtime", "pubdate",
    # promotion, partner content, pull quotes (a sentence of the article, shown twice)
    "promo", "partner", "partenaire", "pullquote", "trending",
}
_PRUNE_PAIRS = {("read", "also"), ("also", "read"), ("a", "lire"), ("key", "points"),
                ("reading", "time"), ("read", "time"), ("table", "of"), ("ad", "slot"),
                ("ad", "holder"), ("lire", "aussi"), ("read", "more"), ("rich", "link"),
                ("pull", "quote"), ("most", "read"), ("most", "shared"), ("most", "viewed"),
                ("most", "popular"), ("plus", "lus"), ("sign", "off")}
_SPLIT_WORDS = re.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")
_PRUNE_TAGS = {"div", "section", "aside", "p", "span", "ul", "ol", "figure", "ins", "iframe",
               "form", "blockquote"}


def _attr_words(value: str) -> list[str]:
    return [w.lower() for w in _SPLIT_WORDS.split(value) if w]


def _is_furniture(element) -> bool:
    for attr in ("class", "id", "data-testid", "data-component"):
        value = element.get(attr)
        if not value:
            continue
        words = _attr_words(value)
        if any(w in _PRUNE_WORDS for w in words):
            return True
        if any(pair in _PRUNE_PAIRS for pair in zip(words, words[1:])):
            return True
    return False


_NEVER_SHOWN = {"noscript", "template"}  # shown only without scripts, or never


def _prune(tree) -> None:
    doomed = [el for el in tree.iter() if isinstance(el.tag, str) and (
        el.tag in _NEVER_SHOWN
        or el.tag in _PRUNE_TAGS and _is_furniture(el) and not _holds_article(el))]
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            tail = el.tail
            parent.remove(el)
            if tail and tail.strip():  # keep the text that followed the removed block
                prev = parent[-1] if len(parent) else None
                if prev is not None:
                    prev.tail = (prev.tail or "") + tail
                else:
                    parent.text = (parent.text or "") + tail


def _holds_article(element) -> bool:
    """A block named like furniture that holds the article itself ("premium-article")."""
    return element.find(".//h1") is not None or len(element.findall(".//p")) >= 4


# ---------------------------------------------------------------- lines

_LEAD_INS = (r"lire aussi|à lire aussi|a lire aussi|lire également|à lire également|"
             r"voir aussi|à voir aussi|sur le même sujet|dans la même rubrique|notre dossier|"
             r"read more|read also|also read|see also|related|more on this story|"
             r"more from|recommended|watch|écouter|regarder")
_FURNITURE_LINES = [
    # "Lire aussi | …", "Read more: …", "RELATED: …": a link to another article
    re.compile(rf"^(?:{_LEAD_INS})\s*(?:[:|›»>–—-]|\.\.\.|…)", re.IGNORECASE),
    re.compile(rf"^(?:{_LEAD_INS})$", re.IGNORECASE),
    # … or set in capitals, with no punctuation after: "À LIRE AUSSI Immobilier : …"
    re.compile(r"^(?:À |A )?(?:LIRE AUSSI|LIRE ÉGALEMENT|VOIR AUSSI|READ MORE|READ ALSO|"
               r"ALSO READ|RELATED|SEE ALSO)\b"),
    # the wire's sign-off, and where a magazine article first appeared
    re.compile(r"^(?:(?:additional )?reporting by|writing by|editing by|compiled by)\b",
               re.IGNORECASE),
    re.compile(r"^(?:cet article (?:est paru|a été publié|a paru)|this (?:article|story) "
               r"(?:appeared|was published|first appeared)|a version of this (?:article|story) "
               r"appeared)\b", re.IGNORECASE),
    # ad labels and slots
    re.compile(r"^(?:publicité|pub|annonce|advertisement|advertising|ad|sponsored|"
               r"contenu sponsorisé|partenaire|story continues below advertisement)$",
               re.IGNORECASE),
    # reading times, subscriber notices, players, tables of contents
    re.compile(r"^(?:temps de lecture|durée de lecture|lecture|reading time)\s*:?\s*"
               r"(?:\d+\s*min(?:utes?)?\.?)?$", re.IGNORECASE),
    re.compile(r"^\d+\s*(?:min(?:utes?)?|mn)\.?\s*(?:de lecture|read|reading)\.?$",
               re.IGNORECASE),
    re.compile(r"^(?:article )?réservé aux abonnés\.?$|^(?:subscribers? only|for subscribers"
               r"|premium|exclusive to subscribers)\.?$", re.IGNORECASE),
    re.compile(r"^(?:table of contents|sommaire|contents|lecture en cours|"
               r"chargement(?: en cours)?…?|loading…?)$", re.IGNORECASE),
    # copyright lines
    re.compile(r"^(?:©|\(c\)|copyright\b)", re.IGNORECASE),
    # date stamps: "Publié le 13 juin", "Updated on May 2", "Published" alone
    re.compile(r"^(?:publié|mis à jour|modifié|actualisé)(?: le)?\s*:?\s*(?:$|\d|(?:lun|mar|mer|"
               r"jeu|ven|sam|dim)\w*\b)", re.IGNORECASE),
    re.compile(r"^(?:published|updated|posted|last (?:updated|modified))(?: on| at)?\s*:?\s*"
               r"(?:$|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|"
               r"fri|sat|sun)\w*\b)", re.IGNORECASE),
]
_RIGHTS = re.compile(r"all rights? reserved|tous droits réservés|reproduction interdite",
                     re.IGNORECASE)
# Promotion that closes an article: follow us, download the app, subscribe.
_TAIL_PROMO = re.compile(
    r"\b(?:download (?:the|our) [\w ]{0,40}app|télécharge[zr]? (?:l[’']|notre )application|"
    r"follow us on|suivez-nous|subscribe to (?:our|the)|abonnez-vous|sign up for our|"
    r"inscrivez-vous à (?:notre|la) newsletter|published under licence|"
    r"the original content can be found)\b", re.IGNORECASE)


# A call to sign up for a newsletter, in a line of its own.
_SIGN_UP = re.compile(
    r"(?:newsletter|bulletin|lettre d.information).{0,160}(?:sign up|subscribe|inscri|abonne)|"
    r"(?:sign up|subscribe|inscrivez-vous|abonnez-vous).{0,160}(?:newsletter|bulletin|"
    r"lettre d.information)", re.IGNORECASE)


def _furniture_line(line: str) -> bool:
    if any(p.search(line) for p in _FURNITURE_LINES):
        return True
    return len(line) < 300 and bool(_RIGHTS.search(line) or _SIGN_UP.search(line))


def _clean_lines(text: str) -> list[str]:
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if line and not _furniture_line(line)]
    while lines and len(lines[-1]) < 400 and _TAIL_PROMO.search(lines[-1]):
        lines.pop()
    return lines


# ---------------------------------------------------------------- metadata

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_BYLINE_WORD = re.compile(r"^(?:par|by|de)\s+", re.IGNORECASE)
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " : ", " :: ", " · ")


def page_language(html: str, tree=None) -> str | None:
    """The language the page declares (``<html lang>``, else its ``og:locale``)."""
    m = _HTML_LANG.search(html[:20000])
    if m:
        return m.group(1).lower()
    if tree is not None:
        for meta in tree.iter("meta"):
            if (meta.get("property") or "").lower() == "og:locale" and meta.get("content"):
                return meta.get("content")[:2].lower()
    return None


def _has_meta_title(tree) -> bool:
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        if key in ("og:title", "twitter:title") and (meta.get("content") or "").strip():
            return True
    return any("headline" in (script.text or "") for script in tree.iter("script")
               if (script.get("type") or "").lower() == "application/ld+json")


def _page_title(tree, found: str | None) -> str | None:
    """The page's title: from its metadata (JSON-LD, Open Graph) as trafilatura reads it,
    else its ``<title>``, else what trafilatura found (a headline)."""
    if _has_meta_title(tree):
        return found
    title = tree.find(".//title")
    text = " ".join(title.text_content().split()) if title is not None else ""
    return text or found


def _clean_title(title: str | None, site: str | None) -> str | None:
    if not title:
        return None
    title = " ".join(title.split())
    if site:
        for sep in _TITLE_SEPARATORS:
            if title.endswith(sep + site) and len(title) > len(sep + site):
                title = title[: -len(sep + site)].rstrip()
            elif title.startswith(site + sep) and len(title) > len(site + sep):
                title = title[len(site + sep):].lstrip()
    return title or None


def _declared_names(tree) -> list[str]:
    """Names as the page writes them (meta author and site name, JSON-LD names): the
    metadata reader changes their case ("franceinfo" becomes "Franceinfo")."""
    names = [meta.get("content") or "" for meta in tree.iter("meta")
             if (meta.get("name") or meta.get("property") or "").lower()
             in ("author", "article:author", "og:site_name", "application-name")]
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            names += list(_json_names(json.loads(script.text)))
        except ValueError:
            continue
    return [" ".join(n.split()) for n in names if n and n.strip()]


def _json_names(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "name" and isinstance(value, str):
                yield value
            else:
                yield from _json_names(value)
    elif isinstance(node, list):
        for item in node:
            yield from _json_names(item)


def _as_written(value: str | None, names: list[str]) -> str | None:
    if not value:
        return value
    folded = " ".join(value.split()).casefold()
    return next((n for n in names if n.casefold() == folded), value)


def _clean_author(author: str | None) -> str | None:
    if not author:
        return None
    author = _BYLINE_WORD.sub("", " ".join(author.split()))
    return author[:200] or None


_STANDFIRST_WORDS = {"standfirst", "chapo", "chapeau", "lede", "dek", "intro", "subtitle",
                     "subheadline", "summary", "desc", "description", "excerpt", "strapline"}
_BLOCKS = ("p", "h2", "h3", "div", "span", "strong")


def _block_text(el) -> str:
    return " ".join(el.text_content().split())


def _shown_on_page(tree, sentence: str) -> bool:
    """Is this text a whole block of the page (a standfirst under the headline)?"""
    target = " ".join(sentence.split())
    return any(_block_text(el) == target for el in tree.iter(*_BLOCKS))


def _standfirst(tree, description: str | None) -> str | None:
    """The standfirst the page shows under its headline: its description when the page
    shows it as a block, else the first block whose class names it as one."""
    if description and _shown_on_page(tree, description):
        return description
    h1 = next(tree.iter("h1"), None)
    if h1 is None:
        return None
    seen_h1 = False
    for el in tree.iter():
        if el is h1:
            seen_h1 = True
            continue
        if not seen_h1 or el.tag not in _BLOCKS:
            continue
        if el.tag == "p" and not el.get("class"):
            return None  # the body has begun
        words = set(_attr_words(el.get("class") or ""))
        if words & _STANDFIRST_WORDS:
            text = _block_text(el)
            if 30 <= len(text) <= 600:
                return text
    return None


# ---------------------------------------------------------------- the article

def _headline(tree, title: str | None) -> str | None:
    """The page's visible headline: its first ``<h1>`` when that is the title, or most of
    it (an ``<h1>`` may also hold a site's logo)."""
    h1 = next(tree.iter("h1"), None)
    text = " ".join(h1.text_content().split()) if h1 is not None else ""
    if not text or not title:
        return None
    words, title_words = set(text.lower().split()), set(title.lower().split())
    if text in title or title in text or len(words & title_words) >= 0.6 * len(title_words):
        return text
    return None


def _rejoin(lines: list[str], visible: str) -> list[str]:
    """Lines the extraction split inside one block of the page ("Nested", "bold", "text"
    for ``Nested <b>bold</b> text``), joined again as the page shows them."""
    shown = {" ".join(v.split()) for v in visible.split("\n")}
    flat = " ".join(visible.split())
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line not in shown:
            while i < len(lines) and lines[i] not in shown and f"{line} {lines[i]}" in flat:
                line = f"{line} {lines[i]}"
                i += 1
        out.append(line)
    return out


def extract_article(html: str, url: str | None = None,
                    visible_text: Callable[[], str] | None = None) -> PageArticle | None:
    """The article a page carries, or None when no article body is found.

    ``visible_text``, if given, returns the page's visible text, one block a line: lines
    that the extraction split inside a block are joined again as the page shows them.
    """
    # deferred: start-up (trafilatura and lxml take a quarter of a second to load)
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return None
    language = page_language(html, tree)
    _prune(tree)
    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_images=False,
        include_tables=True, include_formatting=False, include_links=False,
        deduplicate=False)
    if doc is None or not (doc.text or "").strip():
        return None
    body = _clean_lines(doc.text)
    if not body:
        return None
    if visible_text is not None and any(len(line.split()) < 4 for line in body):
        body = _rejoin(body, visible_text())
    names = _declared_names(tree)
    site = _as_written(" ".join(doc.sitename.split()), names) if doc.sitename else None
    title = _clean_title(_page_title(tree, doc.title), site)
    headline = _headline(tree, title)
    head = []
    top = [i for i, line in enumerate(body[:3]) if line in (title, headline)]
    if top:
        body = body[top[0]:]  # above the headline: a kicker, a section, a date
    elif headline or title:
        head.append(headline or title)
    description = " ".join(doc.description.split()) if doc.description else None
    standfirst = _standfirst(tree, description)
    if standfirst and standfirst not in body and standfirst not in (title, headline):
        head.append(standfirst)
    return PageArticle(
        text="\n".join(head + body), title=title,
        author=_as_written(_clean_author(doc.author), names),
        published=doc.date or None, language=language, site_name=site,
        description=description)
