"""Saved web pages, HTML columns and fetched URLs (mediakit.io.html, mediakit.io.fetch).

Every page is written for the project (tests/pages/README.md); the fetch tests run a
server on 127.0.0.1 started here, and nothing reaches the network.
"""

import csv
import hashlib
import http.server
import json
import shutil
import socket
import threading

import pytest

from mediakit.cli.main import main
from mediakit.io.articles import Columns, LoadOptions, load_articles
from mediakit.io.html import decode_html, extract_page

from .conftest import ROOT

PAGES = ROOT / "tests" / "pages"
NEWS = PAGES / "news-page.html"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_news_page_main_text_and_metadata():
    article = load_articles(NEWS)[0]
    assert (article.title, article.outlet, article.date, article.author, article.url) == (
        "Flooding forces thousands from homes in river valley", "The Valley Courier",
        "2024-03-14", "Maria Lopez",
        "https://courier.example.org/news/2024/03/14/valley-flooding")
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 5  # the six <p> of the article less the paywall notice
    assert paragraphs[0].startswith("More than 4,000 people were moved")
    assert '"We had twenty minutes to get the children out," said Ana Ribeiro' in article.body
    for gone in ("cookie", "Share on", "Rescue teams", "Subscribe", "Related stories",
                 "nobody does anything", "All rights reserved", "Environment correspondent"):
        assert gone not in article.body
    assert article.sha256 == hashlib.sha256(NEWS.read_bytes()).hexdigest()


def test_news_page_boilerplate_is_counted_block_by_block():
    blocks = load_articles(NEWS)[0].boilerplate
    # cookie text and button (2), five menu items (7), byline (8), share bar (9), the
    # embedded post's credit and text (11), paywall notice (12), "Related stories" and its
    # two links (15), the comments heading and two comments (18), the footer's two lines.
    assert len(blocks) == 20
    assert blocks[:3] == ("We use cookies to improve your experience. By continuing to "
                          "browse you accept our cookie policy.", "Accept all cookies", "Home")
    assert "Rescue teams are working through the night in the lower town. Stay away from "\
           "the riverbank." in blocks
    assert "Thoughts are with everyone in the lower town tonight." in blocks


def test_record_reports_boilerplate_like_clutter(capsys):
    code, out, err = run(capsys, "analyze", NEWS)
    assert code == 0, err
    art = json.loads(out)["article"]
    assert art["boilerplate_removed"] == 20 and len(art["boilerplate_blocks"]) == 20
    assert art["clutter_removed"] == 0 and art["paragraphs"] == 5


def test_folder_of_saved_pages(tmp_path):
    shutil.copy(NEWS, tmp_path / "a.html")
    shutil.copy(PAGES / "opinion-page.htm", tmp_path / "b.htm")
    articles = load_articles(tmp_path)
    assert [a.id for a in articles] == ["a", "b"]
    assert articles[1].title == "Why our town needs a second bridge"
    assert articles[1].date is None  # no date in the metadata; the footer's year is not one
    assert articles[1].boilerplate == ("Home Opinion", "Get our opinion newsletter every "
                                       "Friday. Sign up now.", "© 2024 The Valley Courier")


def test_html_column_of_jsonl_and_csv(tmp_path):
    page = NEWS.read_text("utf-8")
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text(json.dumps({"id": "p1", "page": page, "title": "Own title"}) + "\n")
    options = LoadOptions(columns=Columns(html="page"))
    article = load_articles(jsonl, options)[0]
    assert article.title == "Own title"  # the record's own metadata wins
    assert article.outlet == "The Valley Courier" and article.row == 1
    assert article.body == load_articles(NEWS)[0].body and len(article.boilerplate) == 20
    with (tmp_path / "pages.csv").open("w", newline="") as handle:
        csv.writer(handle).writerows([["id", "page"], ["p2", page]])
    assert load_articles(tmp_path / "pages.csv", options)[0].body == article.body


def test_html_column_missing_names_the_option(tmp_path):
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text(json.dumps({"id": "p1", "body": "x"}) + "\n")
    loaded = load_articles(jsonl, LoadOptions(columns=Columns(html="page")), errors="collect")
    assert loaded.failures[0].problem == ("no 'page' field (fields are: id, body; name the "
                                          "page field with --html-column)")


def test_cli_html_column(capsys, tmp_path):
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text(json.dumps({"id": "p1", "page": NEWS.read_text("utf-8")}) + "\n")
    code, out, err = run(capsys, "analyze", jsonl, "--html-column", "page")
    assert code == 0, err
    assert json.loads(out)["article"]["boilerplate_removed"] == 20


def _charset_page(declared: str, text: str, encoding: str) -> bytes:
    return (f'<html lang="en"><head><meta charset="{declared}"><title>T</title></head><body>'
            f"<article><p>{text}</p></article></body></html>").encode(encoding)


def test_charset_declarations():
    text = "The café reopened on Monday, the owner said."
    assert decode_html(_charset_page("windows-1252", text, "cp1252"), "p")[0].count("café") == 1
    with pytest.raises(Exception, match="declares charset 'iso-8859-1' but its bytes are UTF-8"):
        decode_html(_charset_page("iso-8859-1", text, "utf-8"), "p.html")
    with pytest.raises(Exception, match="declares charset 'utf-8' but is not valid utf-8"):
        decode_html(_charset_page("utf-8", text, "cp1252"), "p.html")
    with pytest.raises(Exception, match="unknown charset 'klingon'"):
        decode_html(_charset_page("klingon", text, "utf-8"), "p.html")


def test_bad_pages_one_line_each_others_still_processed(capsys, tmp_path):
    body = " ".join(["The council met on Monday and the mayor said the bridge would open."] * 4)
    (tmp_path / "wrong-charset.html").write_bytes(_charset_page("iso-8859-1", body + " café",
                                                                "utf-8"))
    big = _charset_page("utf-8", body * 80_000, "utf-8")
    assert len(big) > 20_000_000
    (tmp_path / "big.html").write_bytes(big)
    for name in ("no-main-text.html", "other-language.html", "news-page.html"):
        shutil.copy(PAGES / name, tmp_path / name)
    code, out, err = run(capsys, "analyze", tmp_path, "--format", "table")
    lines = err.strip().splitlines()
    assert code == 1
    assert len(lines) == 4, err
    assert f"{tmp_path / 'big.html'}: file is {len(big)} bytes, larger than the limit" in err
    assert f"{tmp_path / 'no-main-text.html'}: no main text found in the page" in err
    assert f"{tmp_path / 'other-language.html'}: page is in another language " \
           '(lang="fr")' in err
    assert f"{tmp_path / 'wrong-charset.html'}: declares charset 'iso-8859-1' but its " \
           "bytes are UTF-8" in err
    assert "news-page" in out  # the good page was analysed


def test_text_that_does_not_read_as_english_without_a_lang_attribute():
    page = ("<html><body><article><p>" + " ".join(
        ["Plus de quatre mille personnes ont été évacuées mercredi selon les secours."] * 3)
        + "</p></article></body></html>")
    with pytest.raises(Exception, match="does not read as English"):
        extract_page(page, "p.html")


def test_extraction_opens_no_connection(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a connection was opened")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert extract_page(NEWS.read_bytes(), str(NEWS)).title.startswith("Flooding")


# ------------------------------------------------------------------------- fetching


@pytest.fixture
def server():
    """A web server on 127.0.0.1 serving tests/pages (started and stopped here)."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(PAGES), **kwargs)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_analyze_url_fetches_once_and_keeps_the_page(capsys, tmp_path, server):
    url = f"{server}/news-page.html"
    out = tmp_path / "out"
    code, _, err = run(capsys, "analyze", url, "--out", out)
    assert code == 0, err
    sha = hashlib.sha256(NEWS.read_bytes()).hexdigest()
    saved = out / "127-0-0-1-" f"{server.rsplit(':', 1)[1]}-news-page-html.html"
    assert saved.read_bytes() == NEWS.read_bytes()
    fetch = json.loads(saved.with_suffix("").with_suffix(".fetch.json").read_text())
    assert (fetch["url"], fetch["sha256"], fetch["status"]) == (url, sha, 200)
    record = json.loads((out / f"{saved.stem}.json").read_text())
    assert record["article"]["sha256"] == sha
    # the canonical URL of the page, not the address it was fetched from
    assert record["article"]["url"].startswith("https://courier.example.org/")
    # offline afterwards: the saved page gives the same metrics
    code, again, err = run(capsys, "analyze", saved)
    assert code == 0, err
    assert json.loads(again)["readability"] == record["readability"]


def test_url_that_fails_one_line_and_the_others_still_run(capsys, server):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    code, out, err = run(capsys, "analyze", f"http://127.0.0.1:{closed}/a.html",
                         f"{server}/missing.html", NEWS, "--format", "table")
    assert code == 1
    lines = [ln for ln in err.splitlines() if "cannot fetch" in ln]
    assert len(lines) == 2, err
    assert lines[0].startswith(f"mediakit: http://127.0.0.1:{closed}/a.html: cannot fetch the "
                               "page (Connection refused")
    assert lines[1] == f"mediakit: {server}/missing.html: cannot fetch the page (HTTP 404 " \
                       "File not found)"
    assert "news-page" in out


def test_url_that_does_not_answer_times_out(capsys):
    with socket.socket() as listener:  # accepts connections (backlog) but never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        code, _, err = run(capsys, "analyze", f"http://127.0.0.1:{port}/", "--timeout", "0.5")
    assert code == 1
    assert err.strip() == f"mediakit: http://127.0.0.1:{port}/: cannot fetch the page " \
                          "(timed out; offline? save the page and analyse the file)" or \
        err.strip() == f"mediakit: http://127.0.0.1:{port}/: cannot fetch the page (no " \
                       "answer within 0.5 s)"
