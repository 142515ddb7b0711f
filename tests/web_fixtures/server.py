"""A real HTTP server on 127.0.0.1, in a thread of the test process, serving the fixture
news pages and the hostile ones a desk meets on the web.

    with serve() as base:            # base is "http://127.0.0.1:PORT"
        fetch(base + "/news/inflation-mai")

Routes:
  /news/SLUG                 a fixture page (text/html; charset=utf-8)
  /gzip/news/SLUG, /br/news/SLUG, /deflate/news/SLUG   the same, content-encoded
  /hop/N/news/SLUG           N redirects (302, relative and absolute), then the page
  /loop/a, /loop/b           a redirect loop
  /status/CODE               that HTTP status, with a small HTML body
  /slow-body                 headers and the first bytes, then silence for 5 s
  /drip                      one byte every 0.05 s, for 10 s
  /huge                      50 MB of HTML, Content-Length declared
  /huge-chunked              50 MB of HTML, no Content-Length (counted as it streams)
  /bomb.gz, /bomb.br         100 MB of zeros, gzip or brotli, a few kB on the wire
  /pdf, /json, /no-type      not web pages
  /wrong-charset             UTF-8 French page served as charset=iso-8859-1
  /cp1252-as-utf8            a cp1252 French page served as charset=utf-8
  /meta-latin1               a Latin-1 page that says so only in its <meta>
  /scripts-only              nothing but scripts
  /no-article                a page whose only text is in its footer: no article body
  /plain                     an article as text/plain
  /ua                        echoes the request's User-Agent (text/plain)
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import threading
import time
import zlib
from collections.abc import Iterator

import brotli

from .pages import pages

MB = 1024 * 1024

FRENCH_PAGE = """<!DOCTYPE html><html lang="fr"><head><title>Le prix du pain</title></head>
<body><main><article><h1>Le prix du pain</h1>
<p>Le prix de la baguette a augmenté de 8 % en un an, selon l’Insee. À Paris, elle coûte
désormais 1,15 euro en moyenne, contre 1,06 euro l’été dernier.</p>
<p>Les boulangers évoquent la hausse du coût de l’électricité et de la farine. « Nous
n’avons pas le choix », explique Hélène Garçon, boulangère à Créteil.</p>
<p>Le gouvernement prévoit une aide de 30 millions d’euros pour les artisans les plus
touchés d’ici à décembre.</p></article></main></body></html>"""

LATIN1_PAGE = FRENCH_PAGE.replace("<head>", '<head><meta charset="iso-8859-1">')

PLAIN_ARTICLE = ("Le prix de la baguette a augmenté de 8 % en un an, selon l’Insee.\n"
                 "À Paris, elle coûte désormais 1,15 euro en moyenne.\n")

NO_ARTICLE = """<!DOCTYPE html><html lang="en"><head><title>Site map</title></head><body>
<footer><p>The site map lists 1,200 pages across 14 sections.</p></footer></body></html>"""

SCRIPTS_ONLY = ("<!DOCTYPE html><html><head><script>var a = 'Not text.';</script></head><body>"
                + "<script>document.write('Nope.');</script>" * 50
                + "<noscript></noscript><style>p{color:red}</style></body></html>")


@functools.lru_cache(maxsize=None)
def bomb(encoding: str) -> bytes:
    zeros = b"<html><body><p>" + b"\0" * (100 * MB)
    return gzip.compress(zeros, 6) if encoding == "gzip" else brotli.compress(zeros, quality=5)


@functools.lru_cache(maxsize=None)
def fixture_pages() -> dict[str, bytes]:
    return {slug: data for slug, (_a, data) in pages().items()}


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "FixtureNews/1.0"

    def log_message(self, *args) -> None:  # quiet tests
        pass

    def send(self, status: int, body: bytes, content_type: str | None = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None, length: bool = True) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):  # the client may hang up: that is what we test
            self.wfile.write(body)

    def redirect(self, location: str, status: int = 302) -> None:
        self.send(status, b"", content_type=None, headers={"Location": location})

    def do_GET(self) -> None:  # noqa: C901 -- one branch per route reads best here
        path = self.path.split("?", 1)[0]
        parts = [p for p in path.split("/") if p]
        if len(parts) == 2 and parts[0] == "news" and parts[1] in fixture_pages():
            return self.send(200, fixture_pages()[parts[1]])
        if len(parts) == 3 and parts[0] in ("gzip", "br", "deflate") and parts[1] == "news":
            data = fixture_pages().get(parts[2])
            if data is None:
                return self.send(404, b"<p>No such page</p>")
            coded = {"gzip": lambda: gzip.compress(data), "br": lambda: brotli.compress(data),
                     "deflate": lambda: zlib.compress(data)}[parts[0]]()
            return self.send(200, coded, headers={"Content-Encoding": parts[0]})
        if len(parts) >= 3 and parts[0] == "hop":
            left = int(parts[1])
            rest = "/".join(parts[2:])
            if left <= 1:
                return self.redirect(f"/{rest}")
            target = f"/hop/{left - 1}/{rest}"
            if left % 2:  # absolute and relative locations, as servers send both
                host, port = self.server.server_address[:2]
                target = f"http://{host}:{port}{target}"
            return self.redirect(target, 301 if left % 3 == 0 else 302)
        if parts[:1] == ["loop"]:
            return self.redirect("/loop/b" if parts[1:] == ["a"] else "/loop/a")
        if parts[:1] == ["status"]:
            code = int(parts[1])
            return self.send(code, f"<html><body><p>Status {code}</p></body></html>".encode())
        if path == "/slow-body":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            with contextlib.suppress(OSError):
                self.wfile.write(b"<html><body><p>Le d\xc3\xa9but")
                self.wfile.flush()
                time.sleep(5)
            return
        if path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            with contextlib.suppress(OSError):
                for _ in range(200):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.05)
            return
        if path in ("/huge", "/huge-chunked"):
            size = 50 * MB
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            if path == "/huge":
                self.send_header("Content-Length", str(size))
            self.end_headers()
            chunk = b"<p>" + b"a" * (MB - 7) + b"</p>\n"
            with contextlib.suppress(OSError):
                for _ in range(size // len(chunk)):
                    self.wfile.write(chunk)
            return
        if path in ("/bomb.gz", "/bomb.br"):
            encoding = "gzip" if path.endswith(".gz") else "br"
            return self.send(200, bomb(encoding), headers={"Content-Encoding": encoding})
        if path == "/pdf":
            return self.send(200, b"%PDF-1.7\n" + b"0" * 1000, "application/pdf")
        if path == "/json":
            return self.send(200, b'{"title": "not a page"}', "application/json")
        if path == "/no-type":
            return self.send(200, FRENCH_PAGE.encode(), content_type=None)
        if path == "/wrong-charset":
            return self.send(200, FRENCH_PAGE.encode("utf-8"), "text/html; charset=iso-8859-1")
        if path == "/cp1252-as-utf8":
            return self.send(200, FRENCH_PAGE.replace("«", "“").replace("»", "”")
                             .encode("cp1252"), "text/html; charset=utf-8")
        if path == "/meta-latin1":
            return self.send(200, LATIN1_PAGE.replace("’", "'").encode("latin-1"), "text/html")
        if path == "/scripts-only":
            return self.send(200, SCRIPTS_ONLY.encode())
        if path == "/no-article":
            return self.send(200, NO_ARTICLE.encode())
        if path == "/plain":
            return self.send(200, PLAIN_ARTICLE.encode(), "text/plain; charset=utf-8")
        if path == "/ua":
            ua = self.headers.get("User-Agent", "")
            return self.send(200, ua.encode(), "text/plain; charset=utf-8")
        return self.send(404, b"<html><body><p>Not found</p></body></html>")


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False


@contextlib.contextmanager
def serve() -> Iterator[str]:
    """Run the server on a free port of 127.0.0.1 for the length of the block."""
    bomb("gzip"), bomb("br")  # made before any request waits on them (half a second)
    server = _Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, name="fixture-news", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
