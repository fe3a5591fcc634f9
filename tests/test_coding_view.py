"""The article view: paragraphs from 1, codes on the text, escaping, a browser look."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

import mediakit
from mediakit.errors import ArticleError
from mediakit.run.article_view import ArticleView, article_view_html, show

from .coding_helpers import small_article
from .conftest import SEED
from .test_reports import MALICIOUS_MD


def test_codes_on_the_text():
    article = small_article()
    view = show(article)
    h = view.html
    assert re.findall(r'<li value="(\d+)">', h) == ["1", "2"]  # paragraphs from 1
    # The ministry's statement, in the government colour, with footnote 1.
    assert re.search(r'<mark class="mk-role-government" title="\[1\] speaker: the health '
                     r'ministry; role: government; side: Palestine; kind: indirect; cue: said; '
                     r'cue type: speech; source type: named organisation; '
                     r'rule: indirect.content_speaker_said">[^<]*'
                     r'<span class="mk-harm"', h)
    assert '<sup class="mk-note">[1]</sup>' in h
    # Amal Hassan underlined, her quotation in the civilian colour.
    assert re.search(r'<u class="mk-speaker" title="\[2\] speaker: Amal Hassan \(civilian, '
                     r'Palestine\)">Amal Hassan</u>', h)
    assert re.search(r'<mark class="mk-role-civilian"[^>]*>We have nothing left</mark>', h)
    # The harm mention boxed and labelled "A" (active, with agent).
    assert re.search(r'<span class="mk-harm" title="harm: killing; construction: active, with '
                     r'agent; perpetrator: An airstrike; victims&#x27; side: Palestine; rule: '
                     r'verb.active_past_object; agent rule: agent.subject">killed</span></mark>'
                     r'<sup class="mk-harm-label">A</sup>', h)
    assert "mk-legend" in h and "<script" not in h
    assert view._repr_html_() == h and isinstance(mediakit.show(article), ArticleView)


def test_clutter_struck_out_and_metrics_of_another_text_refused(seed_article):
    h = show(seed_article).html
    assert "<del>Related Article</del> (line 31 of the file's body)" in h
    assert len(re.findall(r'<li value="\d+">', h)) == 15
    metrics = mediakit.analyze(small_article()).to_dict()
    with pytest.raises(ArticleError, match="another text"):
        show(seed_article, metrics)


def test_article_text_is_escaped(tmp_path):
    path = tmp_path / "evil.md"
    path.write_text(MALICIOUS_MD)
    h = show(path).html
    assert "<script" not in h and "<img" not in h and "<iframe" not in h
    assert "&lt;script&gt;window.__pwned" in h
    assert 'onerror="' not in h


@pytest.mark.slow
def test_article_view_in_a_browser(seed_article, tmp_path):
    """A screenshot of the seed article's view, kept in tests/artifacts/ (looked at)."""
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("chromium is not installed")
    from .test_coding_sheets import ARTIFACTS

    page = show(seed_article).save(tmp_path / "view.html")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "article_view.png"
    shot.unlink(missing_ok=True)
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                    "--host-resolver-rules=MAP * ~NOTFOUND", f"--screenshot={shot}",
                    "--window-size=1000,2400", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000


def test_article_view_html_takes_the_body():
    article = small_article()
    record = mediakit.analyze(article).to_dict()
    assert article_view_html(record, article.body) == show(article, record).html
    assert SEED.exists()


def test_report_shows_machine_and_corrected_figures(tmp_path):
    from mediakit.run.params import validate_parameters
    from mediakit.run.report_views import article_view, corrections_table
    from mediakit.run.reports import report_metrics

    from .coding_helpers import TEXT, code, write_sheet

    src = tmp_path / "t1.txt"
    src.write_text("Strike\n\n" + TEXT + "\n")
    sheet = write_sheet(tmp_path / "s.xlsx", mediakit.load_articles(src))
    from mediakit.coding.reading import read_codesheet

    rid = read_codesheet(sheet).rows["attributions"][1].unit
    code(sheet, sheet, "attributions", {rid: {"coder_role": "ngo"}})
    values = validate_parameters("article_report", {"article_path": str(src),
                                                    "corrections": str(sheet)})
    metrics = report_metrics(values)
    table = corrections_table(metrics)
    assert table.loc["Civilian share of sources"].tolist() == ["50%", "0%"]
    assert table.loc["Distinct sources"].tolist() == ["2", "2"]
    assert table.loc["Rows corrected, rejected, added", "corrected by the coders"] == "1, 0, 0"
    assert "Amal Hassan</u>" in article_view(metrics, values)
    plain = report_metrics(validate_parameters("article_report", {"article_path": str(src)}))
    assert corrections_table(plain) == ("<p>No coding sheet was given: the figures in this "
                                        "report are mediakit&#x27;s alone.</p>")
