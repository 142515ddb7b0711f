"""Reading articles: encodings, formats and the inputs that must be refused."""

from __future__ import annotations

import codecs

import pytest

from factcheck.errors import InputError
from factcheck.text.document import parse_document

FR = "L’équipe « Superintelligence » a reçu 14,3 milliards de dollars, soit 49 %.\nÇa déçoit."


@pytest.mark.parametrize("data", [
    FR.encode("utf-8"),
    codecs.BOM_UTF8 + FR.encode("utf-8"),
    FR.encode("utf-16"),  # with BOM
    codecs.BOM_UTF16_BE + FR.encode("utf-16-be"),
    FR.replace("\n", "\r\n").encode("utf-8"),
    FR.encode("cp1252"),
])
def test_every_supported_encoding_gives_the_same_text(data):
    assert parse_document(data, "a.txt").text == FR


def test_latin1_without_cp1252_characters():
    text = "Élève à l'école, ça coûte 30 000 F.\nFin."
    assert parse_document(text.encode("latin-1"), "a.txt").text == text


def test_utf8_is_never_read_as_latin1():
    doc = parse_document("Déjà là.".encode("utf-8"), "a.txt")
    assert doc.text == "Déjà là." and "Ã" not in doc.text


def test_text_is_nfc_and_without_control_characters():
    decomposed = "Re\u0301sume\u0301 \x07ici.\r\nFin\x0c."
    doc = parse_document(decomposed.encode("utf-8"), "a.txt")
    assert doc.text == "Résumé ici.\nFin\n."


def test_html_keeps_visible_text_only():
    page = b"""<!doctype html><html><head><title>Le titre</title>
    <style>p { color: red }</style><script>var x = "Nope. Never.";</script></head>
    <body><h1>Meta paie</h1><p>Meta a pay\xc3\xa9 14,3&nbsp;milliards.
    Vraiment.</p><noscript>Enable JS</noscript><ul><li>Un point.</li></ul>
    <div><p>Nested <b>bold</b> text<p>unclosed</div></body></html>"""
    doc = parse_document(page, "page.html")
    assert doc.format == "html" and doc.title == "Le titre"
    assert "Nope" not in doc.text and "color" not in doc.text and "Enable JS" not in doc.text
    assert "Meta a payé 14,3 milliards. Vraiment." in doc.text
    assert "Nested bold text" in doc.text and "Un point." in doc.text


def test_deeply_nested_and_malformed_html():
    page = ("<div>" * 5000 + "Texte profond." + "</span>" * 10 + "<p <b>>x").encode()
    doc = parse_document(page, "deep.html")
    assert "Texte profond." in doc.text


def test_markdown_prose_without_markup():
    md = """---
title: Front matter title
---
# Le titre

Meta a **payé** [14,3 milliards](https://x.example) de _dollars_.

- Un point `code`.
> Une citation.

```
code = "not prose."
```
"""
    doc = parse_document(md.encode(), "a.md")
    assert doc.title == "Front matter title"
    assert "Meta a payé 14,3 milliards de dollars." in doc.text
    assert "Un point code." in doc.text and "Une citation." in doc.text
    assert "not prose" not in doc.text and "**" not in doc.text and "https" not in doc.text


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"   \n\t\n  ", "empty or only whitespace"),
    (b"abc\x00def", "NUL"),
    (b"%PDF-1.4 binary", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (bytes(range(256)) * 4, "NUL"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "not valid"),
    (bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x01, 0x02, 0x03]) * 50, "not readable text"),
    (b"<html><script>only script</script></html>", "no visible text"),
])
def test_bad_input_is_refused_with_a_clear_reason(data, message):
    with pytest.raises(InputError, match=message):
        parse_document(data, "x.html" if data.startswith(b"<html") else "x.txt")
