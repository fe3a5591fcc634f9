import hashlib
import json

import pytest

from mediakit import ArticleError, Columns, LoadOptions, article_from_text, load_articles
from mediakit.io.articles import clean_body, slugify

from .conftest import RAW, SEED


def test_seed_title_outlet_hash_and_clutter(seed_article):
    a = seed_article
    assert a.id == "israel-hamas-war-latest-news"
    assert a.title == "Israel-Hamas War: Latest News"
    assert a.outlet == "New York Times"
    assert a.sha256 == hashlib.sha256(SEED.read_bytes()).hexdigest()
    # The seed ends with two web-clutter lines; both are removed and reported.
    assert [(c.line, c.text) for c in a.clutter] == [(31, "Related Article"),
                                                     (34, "Leave a Comment")]
    assert "Related Article" in a.raw_body and "Related Article" not in a.body
    assert "Leave a Comment" not in a.body
    assert a.body.endswith("the growing number of civilian casualties.")
    # Nothing else is lost: the clean body is the raw body minus those lines.
    assert a.body == a.raw_body.replace("\n\nRelated Article\n\n\nLeave a Comment", "")


def test_raw_folder_loads_every_sample_with_unique_ids():
    articles = load_articles(RAW)
    assert len(articles) >= 7
    assert len({a.id for a in articles}) == len(articles)
    assert all(a.body.strip() and a.title for a in articles)
    assert articles.failures == []


def test_clutter_only_whole_lines():
    body, removed = clean_body(
        "Read more about the war in Gaza here.\nRead more\n\nAdvertisement\nText.")
    assert body == "Read more about the war in Gaza here.\n\nText."
    assert [(c.line, c.text) for c in removed] == [(2, "Read more"), (4, "Advertisement")]


@pytest.mark.parametrize("name,expected", [
    ("../../etc/passwd", "etc-passwd"), ("Ünïcode Title!", "unicode-title"), ("...", "article"),
    ("a/b\\c", "a-b-c"),
])
def test_slugify_is_safe(name, expected):
    assert slugify(name) == expected


def test_txt_title_outlet_separators(tmp_path):
    (tmp_path / "a.txt").write_text("\n\nHeadline here | The Paper\n\nBody text.\n", "utf-8")
    (tmp_path / "b.txt").write_text("Plain headline\nBody.", "utf-8")
    a, b = load_articles(tmp_path)
    assert (a.title, a.outlet, a.body) == ("Headline here", "The Paper", "Body text.")
    assert (b.title, b.outlet, b.body) == ("Plain headline", None, "Body.")


def test_markdown_front_matter(tmp_path):
    p = tmp_path / "story.md"
    p.write_text("---\ntitle: \"A: title\"\noutlet: Daily\ndate: 2024-03-01\nid: ../evil\n---\n"
                 "First para.\n\nSecond para.\n", "utf-8")
    (a,) = load_articles(p)
    assert (a.id, a.title, a.outlet, a.date) == ("evil", "A: title", "Daily", "2024-03-01")
    assert a.body == "First para.\n\nSecond para."


def test_json_jsonl_csv_with_custom_columns(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"headline": "H", "text": "Body one."}), "utf-8")
    (tmp_path / "many.jsonl").write_text(
        json.dumps({"headline": "A", "text": "Body A.", "id": "x1"}) + "\n"
        + "{not json\n"
        + json.dumps({"headline": "C", "text": "   "}) + "\n"
        + json.dumps({"headline": "D", "text": "Body D."}) + "\n", "utf-8")
    (tmp_path / "rows.csv").write_text(
        'headline,text\nE,"Body E, with comma."\nF\nG,Body G.\n', "utf-8")
    options = LoadOptions(columns=Columns(text="text", title="headline"))
    loaded = load_articles(tmp_path, options, errors="collect")
    assert [a.id for a in loaded] == ["x1", "many-4", "one", "rows-2", "rows-4"]
    assert [a.title for a in loaded] == ["A", "D", "H", "E", "G"]
    problems = sorted((f.path.rsplit("/", 1)[-1], f.row, f.problem) for f in loaded.failures)
    assert problems[0][:2] == ("many.jsonl", 2) and "malformed JSON" in problems[0][2]
    assert problems[1] == ("many.jsonl", 3, "article text is empty")
    assert problems[2][:2] == ("rows.csv", 3) and "1 fields" in problems[2][2]
    with pytest.raises(ArticleError, match=r"many.jsonl, line 2: malformed JSON"):
        load_articles(tmp_path / "many.jsonl", options)


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(ArticleError, match="nope.txt: no such file or folder"):
        load_articles(tmp_path / "nope.txt")
    (tmp_path / "notes.py").write_text("x = 1")
    with pytest.raises(ArticleError, match="folder holds no article files"):
        load_articles(tmp_path)


@pytest.mark.parametrize("content,problem", [
    (b"", "file is empty"),
    (b"  \n\t\n ", "file is empty"),
    (b"Title\x00\x01\x02binary", "binary file"),
    (b"Only a title line\n", "only a title line, no body"),
    (b"\n\nTitle\n\n  \n", "only a title line, no body"),
    (b"Title\nRelated Article\nLeave a Comment\n", "empty once web clutter is removed"),
])
def test_bad_txt_files(tmp_path, content, problem):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(ArticleError, match=problem) as info:
        load_articles(p)
    assert str(p) in info.value.message


def test_non_utf8_is_decoded_as_cp1252_with_a_warning(tmp_path):
    p = tmp_path / "legacy.txt"
    p.write_bytes("Caf\u00e9 talks \u2013 Le Monde\nThe minister\u2019s aide said \u201cno\u201d."
                  .encode("cp1252"))
    with pytest.warns(UnicodeWarning, match="legacy.txt: not valid UTF-8"):
        (a,) = load_articles(p)
    assert a.title == "Café talks" and a.outlet == "Le Monde"
    assert a.body == "The minister\u2019s aide said \u201cno\u201d."
    assert a.warnings and "Windows-1252" in a.warnings[0]


def test_size_limit_is_configurable(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("Title\n" + "word " * 300, "utf-8")
    with pytest.raises(ArticleError, match="larger than the limit of 1000 bytes"):
        load_articles(p, LoadOptions(max_bytes=1000))
    assert load_articles(p, LoadOptions(max_bytes=10_000))[0].title == "Title"


def test_malformed_front_matter_names_the_line(tmp_path):
    p = tmp_path / "bad.md"
    p.write_text("---\ntitle: ok\noutlet: [unclosed\ndate: 2024\n---\nBody.\n", "utf-8")
    with pytest.raises(ArticleError) as info:
        load_articles(p)
    assert info.value.message.startswith(f"{p}, line ")
    assert "malformed front matter" in info.value.message
    q = tmp_path / "open.md"
    q.write_text("---\ntitle: x\nBody.\n", "utf-8")
    with pytest.raises(ArticleError, match="never closed"):
        load_articles(q)


def test_malformed_json_names_file_and_line(tmp_path):
    p = tmp_path / "a.json"
    p.write_text('{"title": "x",\n "body": }', "utf-8")
    with pytest.raises(ArticleError, match=r"a.json, line 2: malformed JSON"):
        load_articles(p)


def test_article_from_text_and_non_string():
    a = article_from_text("Hello there.", title="T")
    assert a.sha256 == hashlib.sha256(b"Hello there.").hexdigest() and a.id == "text"
    with pytest.raises(ArticleError, match="not text"):
        article_from_text(42)  # type: ignore[arg-type]


def test_errors_pickle_and_keep_fields():
    import pickle

    err = ArticleError("x.csv", "bad row", 3)
    back = pickle.loads(pickle.dumps(err))
    assert (back.path, back.problem, back.row, back.message) == ("x.csv", "bad row", 3,
                                                                "x.csv, line 3: bad row")


def test_csv_streams_and_keeps_the_encoding_policy(tmp_path):
    p = tmp_path / "legacy.csv"
    rows = "".join(f'"Title {i}","Caf\u00e9 n\u00b0{i} \u2013 calm."\n' for i in range(3))
    p.write_bytes(("title,body\n" + rows).encode("cp1252"))
    with pytest.warns(UnicodeWarning, match="legacy.csv: not valid UTF-8"):
        loaded = load_articles(p)
    assert [a.body for a in loaded] == [f"Caf\u00e9 n\u00b0{i} \u2013 calm." for i in range(3)]
    assert [a.row for a in loaded] == [2, 3, 4]
    (tmp_path / "empty.csv").write_text("", "utf-8")
    with pytest.raises(ArticleError, match="empty.csv: file is empty"):
        load_articles(tmp_path / "empty.csv")
    (tmp_path / "nul.csv").write_bytes(b"title,body\nx,\x00\n")
    with pytest.raises(ArticleError, match="binary file"):
        load_articles(tmp_path / "nul.csv")


def test_article_at_row_is_the_row_iter_articles_gives(tmp_path):
    from dataclasses import replace

    from mediakit.io.articles import LoadFailure, article_at_row, iter_articles

    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text('{"id": "a", "body": "First one."}\n{not json\n\n'
                     '{"id": "a", "body": "Third, same id."}\n', "utf-8")
    by_row = {item.row: item for item in iter_articles(jsonl)}
    third = article_at_row(jsonl, 4)
    # Everything but the id: the loader makes the second "a" unique ("a-2"); a single row
    # keeps the record's own id.
    assert by_row[4].id == "a-2" and third.id == "a"
    assert replace(third, id="a-2") == by_row[4]
    assert isinstance(article_at_row(jsonl, 2), LoadFailure)
    assert article_at_row(jsonl, 3) is None and article_at_row(jsonl, 9) is None

    csv_path = tmp_path / "c.csv"
    csv_path.write_text('id,body\nx,"One, two."\ny\nz,Last row.\n', "utf-8")
    by_row = {item.row: item for item in iter_articles(csv_path)}
    assert article_at_row(csv_path, 4) == by_row[4]
    assert isinstance(article_at_row(csv_path, 3), LoadFailure)  # too few fields
    assert article_at_row(csv_path, 7) is None


# ------------------------------------------------------------- encodings (BOMs)

BODY = "Caf\u00e9 talks \u2013 Le Monde\nThe minister\u2019s aide said \u201cno\u201d.\n"


@pytest.mark.parametrize("codec,bom", [
    ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
    ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff"),
])
def test_utf16_and_utf32_files_are_decoded_by_their_byte_order_mark(tmp_path, codec, bom):
    import warnings

    txt = tmp_path / "wide.txt"
    txt.write_bytes(bom + BODY.encode(codec))
    md = tmp_path / "front.md"
    md.write_bytes(bom + "---\ntitle: Caf\u00e9\n---\nBody \u2013 one.\n".encode(codec))
    jsonl = tmp_path / "wide.jsonl"
    jsonl.write_bytes(bom + ('{"id": "a", "body": "\u00c9t\u00e9 one."}\r\n\n'
                             '{"id": "b", "body": "Two \u2013 two."}\n').encode(codec))
    csv_path = tmp_path / "rows.csv"
    csv_path.write_bytes(bom + 'title,body\nT\u00e9,"One, \u2013 two."\n'.encode(codec))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a known encoding is no reason to warn
        loaded = load_articles(tmp_path)
    by_id = {a.id: a for a in loaded}
    assert (by_id["wide"].title, by_id["wide"].outlet) == ("Caf\u00e9 talks", "Le Monde")
    assert by_id["wide"].body == "The minister\u2019s aide said \u201cno\u201d."
    assert by_id["wide"].warnings == ()
    assert (by_id["front"].title, by_id["front"].body) == ("Caf\u00e9", "Body \u2013 one.")
    assert [(by_id[k].body, by_id[k].row) for k in ("a", "b")] == [("\u00c9t\u00e9 one.", 1),
                                                                   ("Two \u2013 two.", 3)]
    # A JSONL row's hash is of its line re-encoded as UTF-8.
    assert by_id["a"].sha256 == hashlib.sha256(
        '{"id": "a", "body": "\u00c9t\u00e9 one."}'.encode()).hexdigest()
    assert (by_id["rows-2"].title, by_id["rows-2"].body, by_id["rows-2"].row) == (
        "T\u00e9", "One, \u2013 two.", 2)
    assert by_id["wide"].sha256 == hashlib.sha256(txt.read_bytes()).hexdigest()


def test_a_broken_utf16_file_names_the_encoding(tmp_path):
    p = tmp_path / "odd.txt"
    p.write_bytes(b"\xff\xfe" + "Title\nBody.".encode("utf-16-le") + b"\x00")  # odd length
    with pytest.raises(ArticleError, match=r"odd.txt: starts with a UTF-16 LE byte-order "
                       r"mark but is not valid UTF-16 LE \(byte 24\)"):
        load_articles(p)
    q = tmp_path / "odd.jsonl"
    q.write_bytes(b"\xfe\xff" + '{"body": "x"}\n'.encode("utf-16-be") + b"\xd8\x00\n\x00")
    with pytest.raises(ArticleError, match=r"odd.jsonl: starts with a UTF-16 BE byte-order "
                       r"mark but is not valid"):
        load_articles(q)


def test_utf8_with_a_mark_and_nul_bytes_without_one_are_unchanged(tmp_path):
    (tmp_path / "sig.txt").write_bytes(b"\xef\xbb\xbfTitle\nBody.")
    (a,) = load_articles(tmp_path / "sig.txt")
    assert (a.title, a.body, a.warnings) == ("Title", "Body.", ())
    (tmp_path / "nul.txt").write_bytes("Title\nBody.".encode("utf-16-le"))  # no mark
    with pytest.raises(ArticleError, match="binary file"):
        load_articles(tmp_path / "nul.txt")


# ------------------------------------------------------------ non-regular files


def _fifo(path):
    import os

    os.mkfifo(path)
    return path


def test_a_named_pipe_or_device_is_refused_without_being_opened(tmp_path):
    import threading

    from mediakit.io.articles import article_at_row

    pipe = _fifo(tmp_path / "pipe.txt")
    outcome = []

    def load():
        try:
            load_articles(pipe)
        except ArticleError as exc:
            outcome.append(exc.message)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(timeout=5)  # opening a pipe blocks until a writer comes: never here
    assert outcome == [f"{pipe}: not a regular file (a named pipe); give an article file or "
                       "a folder"]
    with pytest.raises(ArticleError, match="not a regular file \\(a character device\\)"):
        load_articles("/dev/null")
    with pytest.raises(ArticleError, match="not a regular file \\(a named pipe\\)"):
        article_at_row(_fifo(tmp_path / "pipe.jsonl"), 1)


def test_a_folder_reports_what_it_skipped_in_one_line_each(tmp_path):
    import os

    (tmp_path / "a.txt").write_text("Title\nBody.", "utf-8")
    (tmp_path / ".draft.txt").write_text("Title\nDraft.", "utf-8")
    (tmp_path / ".notes.md").write_text("# Notes\nx", "utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")  # not an article file: not worth a line
    (tmp_path / "README.md").write_text("# About\nx", "utf-8")
    (tmp_path / "sub").mkdir()
    _fifo(tmp_path / "feed.jsonl")
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    with pytest.warns(Warning) as record:
        loaded = load_articles(tmp_path)
    assert [a.id for a in loaded] == ["a"]
    assert [str(w.message) for w in record] == [
        f"{tmp_path}: skipped 2 entries that are not a regular file: feed.jsonl (a named "
        "pipe), link.txt (a broken link)",
        f"{tmp_path}: skipped 2 hidden file(s): .draft.txt, .notes.md",
    ]
    from mediakit.errors import MediakitWarning

    assert all(w.category is MediakitWarning for w in record)


def test_ids_stay_unique_when_an_input_id_looks_like_a_made_one(tmp_path):
    # Sorted: a-2.txt, a.md, a.txt. The second "a" used to become "a-2" too, and its
    # metrics file (a-2.json) overwrote the first's.
    for name in ("a-2.txt", "a.md", "a.txt"):
        (tmp_path / name).write_text(f"Title\nBody of {name}.", "utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "a-3", "body": "x"}\n{"id": "a", "body": "y"}\n')
    assert [a.id for a in load_articles(tmp_path)] == ["a-2", "a", "a-3", "a-3-2", "a-4"]
