"""Tables, figures and HTML fragments of the report notebooks (hand-made metrics)."""

from __future__ import annotations

import json

import pytest
from matplotlib.figure import Figure

from mediakit.errors import MediakitError
from mediakit.run import comparison_views as compare
from mediakit.run import report_views as views


def _metrics(**article) -> dict:
    sentences = [
        {"index": 0, "paragraph": 1, "compound": 0.5, "label": "positive", "text": "Good."},
        {"index": 1, "paragraph": 1, "compound": -0.7, "label": "negative", "text": "Bad."},
        {"index": 2, "paragraph": 2, "compound": 0.5, "label": "positive", "text": "Fine."},
        {"index": 3, "paragraph": 2, "compound": 0.0, "label": "neutral", "text": "So."},
    ]
    return {
        "schema_version": "2.0",
        "article": {"id": "a", "title": "T", "outlet": "O", "date": "2024-01-02",
                    "author": None, "url": None, "words": 4, "paragraphs": 2,
                    "sentences": 4, "clutter_removed": 0, "clutter_lines": [],
                    "warnings": [], **article},
        "readability": {"flesch_reading_ease": 80.0, "flesch_kincaid_grade": 3.5,
                        "bands": {"flesch_reading_ease": "easy"},
                        "paragraph_grades": [{"paragraph": 1, "grade": 3.0},
                                             {"paragraph": 2, "grade": 4.0}],
                        "paragraph_grade": {"min": 3.0, "median": 3.5, "max": 4.0}},
        "sentiment": {"n_sentences": 4, "mean_compound": 0.075, "median_compound": 0.25,
                      "positive_share": 0.5, "negative_share": 0.25, "neutral_share": 0.25,
                      "thresholds": {"positive": 0.05, "negative": -0.05},
                      "sentences": sentences,
                      "whole_text": {"scores": {"compound": 0.3, "pos": 0.2, "neu": 0.8,
                                                "neg": 0.0}, "note": "saturates"}},
        "provenance": {"mediakit_version": "0.1.0", "mediakit_commit": None,
                       "dependencies": {"pandas": "3.1.1"}, "parameters": {"max_bytes": 9},
                       "input_sha256": "ab", "notebook": {"sha256": "cd", "parameters": {}}},
    }


def test_heading_escapes_markup():
    html = views.heading_html(_metrics(title='<script>x()</script> & "q"', outlet="<b>O</b>"))
    assert html == ("<h1>&lt;script&gt;x()&lt;/script&gt; &amp; &quot;q&quot;</h1>"
                    "<p>&lt;b&gt;O&lt;/b&gt; · 2024-01-02</p>")


def test_at_a_glance_and_clutter():
    table = views.at_a_glance(_metrics())
    assert table.loc["Title", "value"] == "T" and table.loc["Author", "value"] == "—"
    assert table.loc["Clutter lines removed", "value"] == "0"
    assert views.clutter_view(_metrics()) == "<p>No lines were removed as web clutter.</p>"
    m = _metrics(clutter_removed=1, clutter_lines=[{"line": 7, "text": "Share this"}])
    assert views.clutter_view(m).to_dict("records") == [{"line": 7, "text": "Share this"}]


def test_readability_table_keeps_known_indices_with_bands():
    table = views.readability_table(_metrics())
    assert list(table.index) == ["Flesch Reading Ease", "Flesch-Kincaid grade"]
    assert table.loc["Flesch Reading Ease", "band"] == "easy"
    assert table.loc["Flesch-Kincaid grade", "band"] == ""


def test_extreme_sentences_rank_by_compound_ties_in_reading_order():
    top = views.extreme_sentences(_metrics(), 2, "positive")
    assert top.to_dict("records") == [
        {"sentence": 1, "paragraph": 1, "compound": 0.5, "text": "Good."},
        {"sentence": 3, "paragraph": 2, "compound": 0.5, "text": "Fine."}]
    bottom = views.extreme_sentences(_metrics(), 1, "negative")
    assert bottom["text"].tolist() == ["Bad."]
    with pytest.raises(ValueError):
        views.extreme_sentences(_metrics(), 1, "angry")


def test_figures_are_deterministic_pngs_with_titles():
    m = _metrics()
    fig = views.sentiment_arc_figure(m)
    assert isinstance(fig, Figure) and fig.axes[0].get_title() == "Sentiment arc"
    png = views.figure_png(fig)
    assert png.startswith(b"\x89PNG") and png == views.figure_png(views.sentiment_arc_figure(m))
    assert [p.get_height() for p in views.paragraph_grade_figure(m).axes[0].patches] == [3, 4]


def test_family_views_say_when_the_family_is_missing():
    m = _metrics()
    note = ("<p>This metrics file has no &#x27;{}&#x27; measures (made by an older mediakit, "
            "or the measure is not available).</p>")
    assert views.sources_table(m) == note.format("sources")
    assert views.voice_strip_figure(m) == note.format("civilian_voice")
    assert views.framing_figure(m) == note.format("framing")


def test_framing_table_percentages():
    m = _metrics()
    m["framing"] = {"n_mentions": 4, "agentless_share": 0.75,
                    "shares": {"active_agent": 0.25, "passive_agentless": 0.75},
                    "by_side": {"x": {"mentions": 4, "agentless_share": 0.75,
                                      "shares": {"active_agent": 0.25, "nominal": 0.75}}}}
    table = views.framing_table(m)
    assert table.loc["all mentions", "passive agentless"] == "75%"
    # A side is a name (the code 'x' shown as 'X'); the percentages align right.
    assert table.loc["X", "nominal"] == "75%" and table.loc["X", "agentless"] == "75%"
    assert 'text-align:right">75%<' in views.table_html(table)
    assert table.loc["all mentions", "intransitive"] == "—"


def test_load_results_and_comparison_csv_is_formula_safe(tmp_path):
    for name, outlet, title in (("b", "Z", "=HYPERLINK(\"http://x\")"), ("a", None, "Plain")):
        (tmp_path / name).mkdir()
        m = _metrics(id=name, outlet=outlet, title=title)
        (tmp_path / name / "metrics.json").write_text(json.dumps(m))
    results = compare.load_results(tmp_path)
    assert list(results.index) == ["a", "b"]
    assert compare.outlets(results) == ["(no outlet)", "Z"]
    path = compare.write_comparison_csv(compare.comparison_table(results), tmp_path / "c.csv")
    lines = path.read_text().splitlines()
    assert lines[0].startswith("id,title,outlet,date,words,flesch_reading_ease,")
    assert lines[2].startswith("b,\"'=HYPERLINK(\"\"http://x\"\")\",Z,")
    assert ",0.075," in lines[1]  # the mean compound, a number, is left alone


def test_load_results_errors(tmp_path):
    with pytest.raises(MediakitError, match="no such folder"):
        compare.load_results(tmp_path / "nope")
    with pytest.raises(MediakitError, match="no \\*/metrics.json"):
        compare.load_results(tmp_path)
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "metrics.json").write_text("{not json")
    with pytest.raises(MediakitError, match="x/metrics.json: not a metrics file"):
        compare.load_results(tmp_path)


def _who_speaks(m: dict, base: int) -> dict:
    """Sources and civilian voice of a two-paragraph article, paragraphs from ``base``."""
    m["sources"] = {
        "speakers": [{"speaker": "Ana Diaz", "named": True, "role": "civilian", "side": "x",
                      "n_attributions": 2, "n_direct": 1, "n_partial": 0, "n_indirect": 1,
                      "quoted_words": 6, "first_paragraph": base + 1, "description": "a nurse",
                      "role_rule": "titles: nurse", "side_rule": "context: X"}],
        "attributions": [{"paragraph": base + 1, "speaker": None, "role": "unknown",
                          "side": "unknown", "kind": "direct", "cue": None, "text": "<b>hi</b>"}],
        "diversity": {"n_sources": 1, "unnamed_share": 0.0,
                      "official": {"sources": {"share": 0.0, "ratio": None}},
                      "roles": {"counts": {"sources": {"civilian": 1}}, "shannon": 0.0},
                      "sides": {"counts": {"sources": {"x": 1}}}}}
    m["civilian_voice"] = {
        "n_sources": 1, "n_civilian_sources": 1, "source_share": 1.0, "attribution_share": 0.5,
        "quoted_word_share": None, "any_direct": True, "humanisation_score": 0.4,
        "first_voice": {"paragraph": base + 1, "n_paragraphs": 2, "speaker": "Ana Diaz"},
        "humanisation": [], "strip": [
            {"paragraph": base, "roles": [], "civilian": False, "civilian_direct": False},
            {"paragraph": base + 1, "roles": ["civilian", "unknown"], "civilian": True,
             "civilian_direct": True}]}
    return m


def test_who_speaks_views_on_a_hand_made_record():
    m = _who_speaks(_metrics(), 1)
    row = views.sources_table(m).iloc[0]
    assert (row["source"], row["first paragraph"], row["quoted words"]) == ("Ana Diaz", 2, 6)
    assert views.quotes_table(m).to_dict("records")[0] == {
        "paragraph": 2, "speaker": "(no speaker)", "role": "unknown", "side": "unknown",
        "kind": "direct", "cue": None, "text": "<b>hi</b>"}
    d = views.diversity_table(m)
    assert d.loc["Official sources", "value"] == "0%"
    assert d.loc["Official / non-official sources", "value"] == "—"
    c = views.civilian_summary(m)
    assert c.loc["Civilian sources", "value"] == "1 of 1 (100%)"
    assert c.loc["Share of quoted words", "value"] == "—"
    assert c.loc["First civilian voice", "value"] == "paragraph 2 of 2 (Ana Diaz)"
    strip = views.voice_strip_figure(m).axes[0]
    # one grey bar for the silent paragraph, two half bars for the second
    assert sorted(p.get_height() for p in strip.patches) == [0.5, 0.5, 1]
    mix = views.source_mix_figure(m)
    assert [ax.get_title() for ax in mix.axes] == ["Sources by role", "Sources by side"]


def test_a_schema_1_file_counting_paragraphs_from_0_is_shown_from_1():
    old = _who_speaks(_metrics(), 0)
    old["schema_version"] = "1.0"
    for s in old["sentiment"]["sentences"]:
        s["paragraph"] -= 1
    for g in old["readability"]["paragraph_grades"]:
        g["paragraph"] -= 1
    new = _who_speaks(_metrics(), 1)
    assert views.paragraph_number(old, 0) == 1 and views.paragraph_number(new, 1) == 1
    assert views.paragraph_number(old, None) is None
    assert views.quotes_table(old).equals(views.quotes_table(new))
    assert views.quotes_table(old)["paragraph"].tolist() == [2]
    assert views.sources_table(old).equals(views.sources_table(new))
    assert views.extreme_sentences(old, 4)["paragraph"].tolist() == [1, 2, 2, 1]
    assert (views.civilian_summary(old).loc["First civilian voice", "value"]
            == "paragraph 2 of 2 (Ana Diaz)")
    bars = views.paragraph_grade_figure(old).axes[0].patches
    assert [round(p.get_x() + p.get_width() / 2) for p in bars] == [1, 2]


def test_empty_families_give_a_sentence_not_an_empty_chart():
    m = _metrics()
    m["sources"] = {"speakers": [], "attributions": [],
                    "diversity": {"roles": {"shannon": -0.0, "evenness": None, "simpson": 0.0},
                                  "sides": {}}}
    m["civilian_voice"] = {"humanisation": [], "strip": []}
    m["framing"] = {"n_mentions": 0, "by_side": {}}
    assert views.sources_table(m) == "<p>No one is quoted or cited in this article.</p>"
    assert views.source_mix_figure(m) == "<p>No sources to chart.</p>"
    assert views.humanisation_table(m) == "<p>No civilian sources in this article.</p>"
    assert views.framing_figure(m) == "<p>No mentions of harm to people in this article.</p>"
    assert views.diversity_table(m).loc["Roles: Shannon / evenness / Simpson",
                                        "value"] == "0.00 / — / 0.00"


def test_sentiment_summary_shows_the_whole_text_compound_of_a_real_record():
    from mediakit import analyze

    record = analyze("The food is good. The service is slow.").to_dict()
    table = views.sentiment_summary(record)
    whole = table.loc["Whole-text compound (saturates on long texts)", "value"]
    assert whole == record["sentiment"]["whole_text"]["scores"]["compound"] != "—"


def test_every_view_reads_the_real_record_of_the_seed(seed_article):
    # Guards against views reading keys the real metrics file does not have.
    from mediakit.run.analyzer import analyze

    m = json.loads(json.dumps(analyze(seed_article).to_dict()))
    read = views.readability_table(m)
    assert len(read) == 9 and read["value"].notna().all() and (read["band"] != "").all()
    assert "textstat" in views.dale_chall_note(m)  # the other Dale-Chall figure, as a note
    assert "—" not in views.sentiment_summary(m)["value"].tolist()
    assert "—" not in views.at_a_glance(m).loc[["Title", "Outlet", "Words"], "value"].tolist()
    assert len(views.clutter_view(m)) == m["article"]["clutter_removed"] > 0
    prov = views.provenance_table(m)
    assert prov.loc["Input SHA-256", "value"] == seed_article.sha256
    sources = views.sources_table(m)
    assert len(sources) == m["sources"]["diversity"]["n_sources"] > 0
    assert sources["role"].notna().all() and sources["side"].notna().all()
    assert len(views.quotes_table(m)) == m["sources"]["diversity"]["n_attributions"]
    assert "—" not in views.diversity_table(m).loc[["Sources", "Official sources"],
                                                   "value"].tolist()
    civ = views.civilian_summary(m)
    n_civ = m["civilian_voice"]["n_civilian_sources"]
    assert civ.loc["Civilian sources", "value"].startswith(f"{n_civ} of ")
    assert len(views.humanisation_table(m)) == n_civ > 0
    assert views.framing_table(m).loc["all mentions", "mentions"] == m["framing"]["n_mentions"]
    for figure in (views.paragraph_grade_figure, views.sentiment_arc_figure,
                   views.sentiment_distribution_figure, views.source_mix_figure,
                   views.voice_strip_figure, views.framing_figure):
        assert isinstance(figure(m), Figure), figure.__name__


def test_tables_read_as_an_appendix():
    import pandas as pd

    table = pd.DataFrame({"role": ["armed_group", None], "share": [0.12345, float("nan")],
                          "direct": [True, False], "speaker": ["<b>Amal</b>", "UN"]},
                         index=pd.Index(["a", "b"], name="source_id"))
    html = views.table_html(table)
    # the index is a column like the others, labels in words, no pandas index column
    assert "<th style=\"text-align:left\">Source id</th>" in html
    assert ">armed group<" in html and ">Source id<" in html  # codes in words, case kept
    assert ">0.12<" in html and "nan" not in html.lower() and "None" not in html
    assert ">yes<" in html and ">no<" in html and "True" not in html
    assert "&lt;b&gt;Amal&lt;/b&gt;" in html  # text escaped
    assert "text-align:right\">0.12" in html  # numbers right, text left
    assert views.words("passive_agentless") == "Passive agentless"
    assert views.words("Sen. Maria Lopez") == "Sen. Maria Lopez"
    # An unnamed index has an empty heading, not "Index"; a column of shares, intervals
    # and dashes reads as numbers and aligns right; text stays left.
    mixed = pd.DataFrame({"value": ["46%", "—", "[-0.22, 0.05]"], "text": ["a", "b", "c"]},
                         index=["x", "y", "z"])
    html = views.table_html(mixed)
    assert "<th style=\"text-align:left\"></th>" in html and ">Index<" not in html
    assert 'text-align:right">46%<' in html and 'text-align:right">[-0.22, 0.05]<' in html
    assert 'text-align:left">a<' in html


def test_sides_are_names_and_codes_are_words():
    from mediakit.run.labels import code_words, measure_label, side_name

    assert side_name("united_states") == "United States" and side_name("israel") == "Israel"
    assert side_name("other") == "other" and side_name(None) == "unknown"
    assert code_words("armed_group") == "armed group" and code_words("Gaza City") == "Gaza City"
    assert measure_label("readability_flesch_kincaid_grade") == "Flesch-Kincaid grade"
    assert measure_label("sources_official_sources_share") == "Official share of sources"
    assert measure_label("civilian_source_share") == "Civilian share of sources"
    assert measure_label("role_armed_group") == "Share of sources: armed group"
    assert measure_label("readability_smog_index") == "SMOG"
    assert measure_label("y") == "y" and measure_label("new_measure") == "New measure"


def test_provenance_lists_each_parameter_once(seed_article):
    import json

    from mediakit import analyze

    m = json.loads(json.dumps(analyze(seed_article).to_dict()))
    m["provenance"]["notebook"] = {"sha256": "ab" * 32,
                                   "parameters": dict(m["provenance"]["parameters"])}
    prov = views.provenance_table(m)
    labels = list(prov.index)
    assert len(labels) == len(set(labels)) == 8  # compact: one row per kind of fact
    given = prov.loc["Parameters", "value"]
    assert given.count("positive_threshold = 0.05") == 1
    assert "exclude_flagged = no" in given and "notebook_sha256" not in given
    unset = prov.loc["Parameters left unset", "value"].split(", ")
    assert "codebook" in unset and "reporting_verbs" in unset and "columns" not in unset
    files = prov.loc["Data files (SHA-256, first 12 digits)", "value"]
    assert "mediakit/data/reporting_verbs.txt " in files
    assert prov.loc["Notebook SHA-256", "value"] == "ab" * 32
    assert "Dependencies" in labels and "False" not in prov["value"].str.cat()


def test_comparison_and_group_means_are_shown_in_words(tmp_path):
    import pandas as pd

    from mediakit.run import frame

    for name, outlet in (("b", "Y"), ("a", "X")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "metrics.json").write_text(json.dumps(_metrics(id=name,
                                                                          outlet=outlet)))
    parts = compare.comparison_display(compare.comparison_table(compare.load_results(tmp_path)))
    # No sources family in these files: the third part is left out.
    assert [heading for heading, _ in parts] == ["Articles", "Readability and sentiment"]
    articles, scores = parts[0][1], parts[1][1]
    assert list(articles.columns) == ["Article", "Title", "Outlet", "Date", "Words"]
    assert articles["Article"].tolist() == ["a", "b"] and isinstance(articles.index,
                                                                     pd.RangeIndex)
    assert list(scores.columns) == ["Article", "Flesch reading ease", "Flesch-Kincaid grade",
                                    "Median paragraph grade", "Mean compound",
                                    "Positive share", "Negative share"]
    # By hand: X has 1 and 3 (mean 2, SD sqrt 2 = 1.41, t(0.975, 1) = 12.706, half-width
    # 12.706 * 1.41421 / sqrt 2 = 12.71); Y has one value, so no SD and no interval.
    means = frame.grouped_means(pd.DataFrame({"outlet": ["X", "X", "Y"],
                                              "sources_n_sources": [1.0, 3.0, 5.0]}),
                                "outlet", ["sources_n_sources"])
    table = compare.means_table(means)
    assert table.to_dict("records") == [
        {"Outlet": "X", "Measure": "Sources", "n": 2, "Mean": "2.00", "SD": "1.41",
         "95% CI": "[-10.71, 14.71]"},
        {"Outlet": "Y", "Measure": "Sources", "n": 1, "Mean": "5.00", "SD": "—",
         "95% CI": "—"}]
    html = views.table_html(table)
    assert '<th style="text-align:right">n</th>' in html  # n stays lower case
    assert 'text-align:right">[-10.71, 14.71]<' in html
    note = compare.bootstrap_note({"statistic": "difference of means", "method": "BCa",
                                   "confidence": 0.95, "n_resamples": 2000, "seed": 0,
                                   "min_articles": 2, "scipy": "1.17.1"})
    assert note == ("Bootstrap: statistic difference of means; interval BCa; confidence "
                    "0.95; resamples 2000; seed 0; fewest articles in a group 2; scipy 1.17.1.")
