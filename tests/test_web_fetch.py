"""Fetching pages from a real HTTP server on 127.0.0.1: what is fetched, what is refused,
and how each refusal reads (one line naming the address and the reason)."""

from __future__ import annotations

import socket

import pytest
from web_fixtures.pages import pages
from web_fixtures.server import FRENCH_PAGE, serve

from factcheck import __version__
from factcheck.errors import InputError
from factcheck.web import is_url, offline_requested
from factcheck.web.fetch import FetchError, Limits, OfflineError, check_url, fetch

QUICK = Limits(connect=2, read=0.5, total=3)


@pytest.fixture(scope="module")
def base():
    with serve() as url:
        yield url


@pytest.fixture(autouse=True)
def _online(monkeypatch):
    monkeypatch.delenv("FACTCHECK_OFFLINE", raising=False)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy"):
        monkeypatch.delenv(name, raising=False)


def test_a_page_is_fetched_as_served_with_its_status_type_and_hash(base):
    page = fetch(f"{base}/news/inflation-mai")
    assert page.body == pages()["inflation-mai"][1]
    assert (page.status, page.content_type, page.charset) == (200, "text/html", "utf-8")
    assert page.final_url == page.url == f"{base}/news/inflation-mai"
    assert len(page.sha256) == 64 and page.fetched_at.endswith("Z") and page.format == "html"


@pytest.mark.parametrize("encoding", ["gzip", "br", "deflate"])
def test_compressed_pages_arrive_decoded(base, encoding):
    page = fetch(f"{base}/{encoding}/news/europe-power")
    assert page.body == pages()["europe-power"][1]


def test_redirects_are_followed_up_to_five_and_the_final_address_kept(base):
    page = fetch(f"{base}/hop/5/news/water-leaks")
    assert page.final_url == f"{base}/news/water-leaks"
    assert len(page.redirects) == 5 and page.redirects[-1] == page.final_url
    assert page.body == pages()["water-leaks"][1]


def test_a_sixth_redirect_is_refused(base):
    with pytest.raises(FetchError, match=r"too many redirects \(more than 5\)$"):
        fetch(f"{base}/hop/6/news/water-leaks")


def test_a_redirect_loop_is_named(base):
    with pytest.raises(FetchError, match=r"too many redirects \(more than 5\) \(a redirect loop\)"):
        fetch(f"{base}/loop/a")


@pytest.mark.parametrize("code, words", [(404, "HTTP 404 Not Found"),
                                         (500, "HTTP 500 Internal Server Error"),
                                         (403, "HTTP 403 Forbidden")])
def test_http_errors_name_the_status(base, code, words):
    with pytest.raises(FetchError) as caught:
        fetch(f"{base}/status/{code}")
    assert str(caught.value) == f"cannot fetch {base}/status/{code}: {words}"


@pytest.mark.parametrize("path, kind", [("/pdf", "application/pdf"),
                                        ("/json", "application/json"),
                                        ("/no-type", "of no declared type")])
def test_what_is_not_a_web_page_is_refused_before_its_body(base, path, kind):
    with pytest.raises(FetchError, match=f"it is {kind}, not a web page"):
        fetch(base + path)


def test_a_page_over_the_size_cap_is_refused_from_its_declared_length(base):
    # "the page is 50 MB" can only come from the declared length: refused before its body
    with pytest.raises(FetchError, match=r"the page is 50 MB, larger than the 10 MB limit$"):
        fetch(f"{base}/huge")


def test_a_page_over_the_size_cap_is_cut_off_as_it_streams(base):
    with pytest.raises(FetchError, match="larger than the 10 MB limit$"):
        fetch(f"{base}/huge-chunked")


def test_the_size_cap_can_be_lowered(base):
    with pytest.raises(FetchError, match=r"the page is [\d.]+ kB, larger than the 1000 bytes "
                                         "limit$"):
        fetch(f"{base}/news/inflation-mai", Limits(max_bytes=1000))


@pytest.mark.parametrize("path", ["/bomb.gz", "/bomb.br"])
def test_compression_bombs_are_refused_once_decompressed_past_the_cap(base, path):
    with pytest.raises(FetchError, match="larger than the 10 MB limit once decompressed"):
        fetch(base + path)


def test_a_silent_server_times_out(base):
    with pytest.raises(FetchError, match=r"timed out: 127\.0\.0\.1:\d+ sent nothing for 0.5 s"):
        fetch(f"{base}/slow-body", QUICK)


def test_a_dripping_server_hits_the_deadline(base):
    with pytest.raises(FetchError, match=r"timed out \(the download took more than 1 s\)"):
        fetch(f"{base}/drip", Limits(connect=1, read=1, total=1))


def test_a_refused_connection_is_one_line():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError) as caught:
        fetch(f"http://127.0.0.1:{port}/", QUICK)
    assert str(caught.value) == (f"cannot fetch http://127.0.0.1:{port}/: connection refused "
                                 f"by 127.0.0.1:{port}")


def test_an_unknown_host_is_a_dns_failure():
    with pytest.raises(FetchError, match=r"cannot find the server nowhere\.invalid "
                                         r"\(DNS lookup failed\)"):
        fetch("http://nowhere.invalid/page", QUICK)


def test_tls_to_a_server_that_does_not_speak_it_is_a_tls_error(base):
    with pytest.raises(FetchError, match="TLS error with 127.0.0.1"):
        fetch(base.replace("http://", "https://") + "/news/inflation-mai", QUICK)


def test_the_user_agent_names_factcheck_and_its_version(base):
    page = fetch(f"{base}/ua")
    assert page.body.decode().startswith(f"factcheck/{__version__} ")


def test_the_declared_charset_is_recorded(base):
    assert fetch(f"{base}/wrong-charset").charset == "iso-8859-1"
    assert fetch(f"{base}/meta-latin1").charset is None


@pytest.mark.parametrize("url", ["ftp://example.org/a", "example.org/a", "http://", "http://a b/",
                                 "http://example.org:99999/", "javascript:alert(1)"])
def test_a_malformed_address_is_an_input_error(url):
    with pytest.raises(InputError, match="not a web address"):
        check_url(url)


def test_offline_refuses_every_url(base, monkeypatch):
    monkeypatch.setenv("FACTCHECK_OFFLINE", "1")
    assert offline_requested()
    with pytest.raises(OfflineError, match="offline: .* was not fetched"):
        fetch(f"{base}/news/inflation-mai")


def test_is_url_means_http_or_https_only():
    assert is_url("https://x.example/a") and is_url("HTTP://x.example")
    assert not is_url("article.html") and not is_url("ftp://x") and not is_url("x.example/a")


def test_the_fixture_page_is_french():
    assert "Créteil" in FRENCH_PAGE
