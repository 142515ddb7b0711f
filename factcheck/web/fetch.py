"""Fetch one web page with httpx, bounded in time, size, redirects and kind.

* Time: a connect timeout, a read timeout (the longest silence allowed between two pieces
  of the page) and a deadline for the whole download, so that a server dripping a byte at
  a time is cut off too.
* Size: the page is counted as it is decoded, chunk by chunk, and refused past
  ``max_bytes`` (10 MB). The content encoding (gzip, deflate, br) is undone here with a cap
  on each step's output, so a small compressed "bomb" never grows past the cap in memory.
* Redirects: followed by hand, at most ``max_redirects`` (5), to http(s) addresses only.
* Kind: text/html, application/xhtml+xml or text/plain; anything else is refused before
  its body is read.

Every failure is a ``FetchError`` whose message is one line naming the address and the
reason (DNS, refused, timeout, TLS, an HTTP status, too big, not a web page, too many
redirects). A malformed address is an ``InputError``. Nothing is fetched when the desk is
offline (``--offline`` or FACTCHECK_OFFLINE).
"""

from __future__ import annotations

import hashlib
import socket
import ssl
import time
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import brotli
import httpx

from .. import __version__
from ..errors import FactcheckError, InputError
from . import OFFLINE_ENV, offline_requested

USER_AGENT = f"factcheck/{__version__} (newsroom fact-checking desk)"
MB = 1024 * 1024
# Media types imported, and the document format each becomes.
ACCEPTED_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "txt"}
_REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(FactcheckError):
    """A page that could not be fetched; the message says which and why, in one line."""


class OfflineError(FetchError):
    """A URL asked for while the desk is offline."""


@dataclass(frozen=True)
class Limits:
    connect: float = 10.0  # seconds to open the connection
    read: float = 20.0  # longest silence between two pieces of the page
    total: float = 60.0  # the whole download, redirects included
    max_bytes: int = 10 * MB  # the page once decoded
    max_redirects: int = 5

    @classmethod
    def with_timeout(cls, seconds: float) -> Limits:
        """One timeout for connecting and reading; three times as long for the whole."""
        return cls(connect=seconds, read=seconds, total=3 * seconds)


@dataclass(frozen=True)
class Page:
    url: str  # as asked
    final_url: str  # after redirects
    status: int
    fetched_at: str  # UTC, ISO 8601
    content_type: str  # the media type, e.g. text/html
    charset: str | None  # as the server declared it
    body: bytes  # the page as served, its content encoding undone
    redirects: tuple[str, ...] = ()

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()

    @property
    def format(self) -> str:
        return ACCEPTED_TYPES[self.content_type]


def check_url(url: str) -> str:
    """The address, stripped, or an InputError if it is not an http(s) URL."""
    text = url.strip()
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 -- raises ValueError on a port that is not a number
    except ValueError as exc:
        raise InputError(f"not a web address: {url!r} ({exc})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(f"not a web address: {url!r} (use http:// or https://)")
    if not parts.hostname:
        raise InputError(f"not a web address: {url!r} (no host name)")
    if any(ch.isspace() for ch in text):
        raise InputError(f"not a web address: {url!r} (it has spaces)")
    return text


def fetch(url: str, limits: Limits | None = None, *,
          transport: httpx.BaseTransport | None = None) -> Page:
    """Fetch a page, or raise FetchError (InputError for a malformed address)."""
    url = check_url(url)
    if offline_requested():
        raise OfflineError(f"offline: {url} was not fetched (--offline or {OFFLINE_ENV} is set)")
    limits = limits or Limits()
    deadline = time.monotonic() + limits.total
    timeout = httpx.Timeout(connect=limits.connect, read=limits.read, write=limits.read,
                            pool=limits.connect)
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8",
        "Accept-Encoding": "gzip, deflate, br",
        "Accept-Language": "fr,en;q=0.8",
    }
    current, seen = url, [url]
    with httpx.Client(timeout=timeout, headers=headers, follow_redirects=False,
                      transport=transport) as client:
        for _hop in range(limits.max_redirects + 1):
            try:
                with client.stream("GET", current) as response:
                    location = response.headers.get("location")
                    if response.status_code in _REDIRECTS and location:
                        current = _redirect_target(url, current, location)
                        seen.append(current)
                        continue
                    _check_status(url, response)
                    media, charset = _content_type(url, response)
                    body = _read_body(url, response, limits, deadline)
                    return Page(url=url, final_url=str(response.url), status=response.status_code,
                                fetched_at=_now(), content_type=media, charset=charset, body=body,
                                redirects=tuple(seen[1:]))
            except httpx.HTTPError as exc:
                raise FetchError(f"cannot fetch {url}: {_explain(exc, current, limits)}") from None
            except (ssl.SSLError, OSError) as exc:
                raise FetchError(f"cannot fetch {url}: {_explain_os(exc, current)}") from None
    loop = " (a redirect loop)" if len(set(seen)) < len(seen) else ""
    raise FetchError(f"cannot fetch {url}: too many redirects (more than "
                     f"{limits.max_redirects}){loop}")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def _redirect_target(url: str, current: str, location: str) -> str:
    target = urljoin(current, location.strip())
    if urlsplit(target).scheme.lower() not in ("http", "https"):
        raise FetchError(f"cannot fetch {url}: it redirects to {target!r}, not a web address")
    return target


def _check_status(url: str, response: httpx.Response) -> None:
    code = response.status_code
    if 200 <= code < 300 and code != 204:
        return
    reason = response.reason_phrase or ""
    if code == 204:
        raise FetchError(f"cannot fetch {url}: HTTP 204 No Content (the server sent no page)")
    raise FetchError(f"cannot fetch {url}: HTTP {code} {reason}".rstrip())


def _content_type(url: str, response: httpx.Response) -> tuple[str, str | None]:
    value = response.headers.get("content-type", "")
    media, _, params = value.partition(";")
    media = media.strip().lower()
    if media not in ACCEPTED_TYPES:
        what = media or "of no declared type"
        raise FetchError(f"cannot fetch {url}: it is {what}, not a web page "
                         "(only text/html and text/plain are imported)")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return media, charset


def human_size(n: int) -> str:
    """1234567 → '1.2 MB', 10485760 → '10 MB', 900 → '900 bytes'."""
    for unit, size in (("MB", MB), ("kB", 1024)):
        if n >= size:
            return f"{n / size:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


def _too_big(url: str, limits: Limits, size: int | None = None,
             encoded: bool = False) -> FetchError:
    cap = human_size(limits.max_bytes)
    if size is not None:
        return FetchError(f"cannot fetch {url}: the page is {human_size(size)}, larger than "
                          f"the {cap} limit")
    how = " once decompressed" if encoded else ""
    return FetchError(f"cannot fetch {url}: the page is larger than the {cap} limit{how}")


def _read_body(url: str, response: httpx.Response, limits: Limits, deadline: float) -> bytes:
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    length = response.headers.get("content-length", "")
    if encoding in ("", "identity") and length.isdigit() and int(length) > limits.max_bytes:
        raise _too_big(url, limits, int(length))
    decoder = _decoder(url, encoding)
    parts: list[bytes] = []
    size = 0
    try:
        for raw in response.iter_raw():  # as it arrives: the deadline is checked each time
            out = decoder.feed(raw, limits.max_bytes + 1 - size)
            size += len(out)
            if size > limits.max_bytes:
                raise _too_big(url, limits, encoded=encoding not in ("", "identity"))
            parts.append(out)
            if time.monotonic() > deadline:
                raise FetchError(f"cannot fetch {url}: timed out (the download took more than "
                                 f"{limits.total:g} s)")
        out = decoder.flush(limits.max_bytes + 1 - size)
    except (zlib.error, brotli.error) as exc:
        raise FetchError(f"cannot fetch {url}: the page's {encoding} encoding is corrupt "
                         f"({exc})") from None
    size += len(out)
    if size > limits.max_bytes:
        raise _too_big(url, limits, encoded=True)
    parts.append(out)
    return b"".join(parts)


# ---------------------------------------------------------------- content encodings

class _Identity:
    def feed(self, data: bytes, limit: int) -> bytes:
        return data

    def flush(self, limit: int) -> bytes:
        return b""


class _Zlib:
    """gzip or deflate, never producing more than ``limit`` bytes at a call."""

    def __init__(self, wbits: int, raw_fallback: bool = False):
        self.wbits = wbits
        self.raw_fallback = raw_fallback  # "deflate" sent without its zlib header
        self.d = zlib.decompressobj(wbits)
        self.started = False

    def feed(self, data: bytes, limit: int) -> bytes:
        if not self.started and self.raw_fallback:
            self.started = True
            try:
                return self._feed(data, limit)
            except zlib.error:
                self.wbits = -zlib.MAX_WBITS
                self.d = zlib.decompressobj(self.wbits)
        self.started = True
        return self._feed(data, limit)

    def _feed(self, data: bytes, limit: int) -> bytes:
        out = self.d.decompress(data, limit)
        # concatenated gzip members are one body
        while self.d.eof and self.d.unused_data and len(out) < limit:
            rest = self.d.unused_data
            self.d = zlib.decompressobj(self.wbits)
            out += self.d.decompress(rest, limit - len(out))
        return out

    def flush(self, limit: int) -> bytes:
        out = self.d.decompress(self.d.unconsumed_tail, limit) if self.d.unconsumed_tail else b""
        return out + self.d.flush() if len(out) < limit else out


class _Brotli:
    def __init__(self) -> None:
        self.d = brotli.Decompressor()

    def feed(self, data: bytes, limit: int) -> bytes:
        out = self.d.process(data, output_buffer_limit=limit)
        while not self.d.can_accept_more_data() and len(out) < limit:
            out += self.d.process(b"", output_buffer_limit=limit - len(out))
        return out

    def flush(self, limit: int) -> bytes:
        return b""


def _decoder(url: str, encoding: str):
    if encoding in ("", "identity"):
        return _Identity()
    if encoding in ("gzip", "x-gzip"):
        return _Zlib(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return _Zlib(zlib.MAX_WBITS, raw_fallback=True)
    if encoding == "br":
        return _Brotli()
    raise FetchError(f"cannot fetch {url}: the page is sent with a content encoding "
                     f"factcheck does not read ({encoding})")


# ---------------------------------------------------------------- errors in one line

def _host(url: str) -> str:
    parts = urlsplit(url)
    return parts.netloc or url


def _causes(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def _explain(exc: httpx.HTTPError, url: str, limits: Limits) -> str:
    host = _host(url)
    if isinstance(exc, httpx.ConnectTimeout):
        return f"timed out connecting to {host} (no answer in {limits.connect:g} s)"
    if isinstance(exc, (httpx.ReadTimeout, httpx.WriteTimeout)):
        return f"timed out: {host} sent nothing for {limits.read:g} s"
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out waiting for {host}"
    for cause in _causes(exc):
        if isinstance(cause, (ssl.SSLError, socket.gaierror, ConnectionRefusedError)):
            return _explain_os(cause, url)
    text = str(exc) or type(exc).__name__
    lowered = text.lower()
    if "name or service not known" in lowered or "nodename nor servname" in lowered \
            or "name resolution" in lowered or "getaddrinfo" in lowered:
        return f"cannot find the server {host} (DNS lookup failed)"
    if "refused" in lowered:
        return f"connection refused by {host}"
    if "ssl" in lowered or "certificate" in lowered or "tls" in lowered:
        return f"TLS error with {host}: {text}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"{host} broke off the connection ({text})"
    if isinstance(exc, (httpx.ReadError, httpx.NetworkError)):
        return f"the connection to {host} failed ({text})"
    return f"{type(exc).__name__}: {text}"


def _explain_os(exc: BaseException, url: str) -> str:
    host = _host(url)
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"TLS error with {host}: the certificate is not valid ({exc.verify_message})"
    if isinstance(exc, ssl.SSLError):
        reason = exc.reason or str(exc)
        return f"TLS error with {host}: {reason}"
    if isinstance(exc, socket.gaierror):
        return f"cannot find the server {host} (DNS lookup failed)"
    if isinstance(exc, ConnectionRefusedError):
        return f"connection refused by {host}"
    return f"{type(exc).__name__}: {exc}"
