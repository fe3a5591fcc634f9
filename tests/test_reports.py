"""Reports: the notebook run through papermill, HTML, batches, resume, determinism, safety."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mediakit.cli.main import main
from mediakit.errors import ParameterError
from mediakit.io.articles import load_articles
from mediakit.run.analyzer import analyze
from mediakit.run.reports import (
    DONE_FILE,
    export_html,
    is_current,
    kernel_manager_class,
    notebook_path,
    plan_jobs,
    run_batch,
)

from .conftest import SEED

pytestmark = pytest.mark.slow

# Article text is untrusted: each payload sets window.__pwned if it ever runs.
MALICIOUS_MD = "\n".join([
    "---",
    "title: '<script>window.__pwned = \"title\"</script><img src=x onerror=\"window.__pwned=1\">"
    " **bold** [x](javascript:alert(1)) \"quoted\" {braces}'",
    "outlet: '<b onmouseover=\"window.__pwned=3\">Evil Outlet</b> $x^2$'",
    "date: 2024-05-01",
    "---",
    "The minister said \"<script>window.__pwned = 'quote'</script> this is a wonderful, "
    "excellent day\".",
    "",
    "Officials warned of terrible, horrible losses. <img src=\"http://example.com/track.png\" "
    "onerror=\"window.__pwned=2\"> was posted.",
    "",
    "Residents described the scene as calm. [a link](http://example.com/) and "
    "![pic](https://example.com/x.png) and <iframe src=\"http://example.com\"></iframe>.",
    "",
])

GOOD_TWO = """Second story about a flood barrier – Millbrook Gazette

The council approved the new flood barrier on Tuesday. Residents welcomed the decision.

Engineers said the work would take two years. Some people worried about the cost.
"""


def expected_figures(metrics: dict) -> list[str]:
    """The alt texts of a report's figures: three always, then one per family with data."""
    alts = ["Reading grade by paragraph", "Sentiment arc", "Distribution of sentence sentiment"]
    diversity = (metrics.get("sources") or {}).get("diversity") or {}
    if any(((diversity.get(k) or {}).get("counts") or {}).get("sources") for k in ("roles",
                                                                                   "sides")):
        alts.append("Sources by role; Sources by side")
    if (metrics.get("civilian_voice") or {}).get("strip"):
        alts.append("Who speaks in each paragraph (▼ civilian; filled: direct quote)")
    if (metrics.get("framing") or {}).get("by_side"):
        alts.append("How harm is told, by victim side")
    return alts


def _html_checks(html: str) -> None:
    # Nothing is loaded from another address: no script or stylesheet with a src/href.
    assert not re.search(r"<script[^>]*\bsrc=", html)
    assert not re.search(r"<link[^>]*\bhref=[\"']?https?:", html)
    assert "cdnjs" not in html and "mathjax" not in html.lower().replace("mathjax_", "")


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed")
    result = run_batch([SEED], out, compare=False, progress=False)
    return out, result


def test_seed_report_through_papermill(seed_run):
    out, result = seed_run
    [outcome] = result.outcomes
    assert outcome.status == "done", outcome.error
    folder = out / "israel-hamas-war-latest-news"
    assert sorted(p.name for p in folder.iterdir()) == [".done.json", "metrics.json",
                                                        "report.html", "report.ipynb"]
    metrics = json.loads((folder / "metrics.json").read_text())
    expected = analyze(load_articles(SEED)[0]).to_dict()
    notebook = metrics["provenance"].pop("notebook")
    # The notebook's figures are mediakit's own: same record as `mediakit analyze`.
    assert metrics == json.loads(json.dumps(expected))
    import hashlib

    nb_sha = hashlib.sha256(notebook_path("article_report").read_bytes()).hexdigest()
    assert notebook["sha256"] == nb_sha and notebook["name"] == "article_report"
    assert notebook["parameters"]["article_path"] == str(SEED)
    assert "output_dir" not in notebook["parameters"]
    assert metrics["provenance"]["input_sha256"] == hashlib.sha256(SEED.read_bytes()).hexdigest()
    done = json.loads((folder / DONE_FILE).read_text())
    assert done["notebook_sha256"] == nb_sha and done["mediakit_version"] == "0.1.0"
    assert done["schema_version"] == metrics["schema_version"] == "2.0"


def test_html_hides_code_renders_offline_and_embeds_plots(seed_run):
    out, _ = seed_run
    folder = out / "israel-hamas-war-latest-news"
    html = (folder / "report.html").read_text()
    _html_checks(html)
    assert "check_notebook_parameters" not in html  # inputs hidden by default
    metrics = json.loads((folder / "metrics.json").read_text())
    alts = expected_figures(metrics)
    assert len(alts) == 6  # the seed has sources, civilians and harm mentions
    assert html.count('src="data:image/png;base64,') == len(alts)
    assert re.findall(r'<img alt="([^"]*)"', html) == alts
    for section in ("The article at a glance", "Readability", "Sentiment", "Provenance"):
        assert f">{section}<" in html or f"{section}<a" in html
    with_code = export_html(folder / "report.ipynb", with_code=True)
    assert "check_notebook_parameters" in with_code
    _html_checks(with_code)


def test_determinism_and_braces_in_the_output_path(seed_run, tmp_path):
    out, _ = seed_run
    other = tmp_path / "run {two}"  # papermill formats paths with str.format
    result = run_batch([SEED], other, compare=False, progress=False)
    assert result.outcomes[0].status == "done", result.outcomes[0].error
    name = "israel-hamas-war-latest-news/metrics.json"
    assert (other / name).read_bytes() == (out / name).read_bytes()


@pytest.fixture(scope="module")
def batch_dir(tmp_path_factory):
    base = tmp_path_factory.mktemp("batch")
    src = base / "in"
    src.mkdir()
    (src / "a-seed.txt").write_bytes(SEED.read_bytes())
    (src / "b-flood.txt").write_text(GOOD_TWO)
    (src / "c-broken.json").write_text('{"title": "no body field"}')
    return base


def test_batch_of_three_with_a_broken_file(batch_dir, capsys):
    out = batch_dir / "out"
    code = main(["batch", str(batch_dir / "in"), "--out", str(out), "--jobs", "2",
                 "--no-progress"])
    err = capsys.readouterr().err
    assert code == 1
    assert sorted(p.parent.name for p in out.glob("*/report.html")) == ["a-seed", "b-flood"]
    assert sorted(p.parent.name for p in out.glob("*/.done.json")) == ["a-seed", "b-flood"]
    # The failure is listed once, with the file and the reason, and its notebook kept.
    failed = [line for line in err.splitlines() if "FAILED" in line]
    assert len(failed) == 1
    assert f"FAILED c-broken ({batch_dir / 'in' / 'c-broken.json'}): ArticleError:" in failed[0]
    assert "no 'body' field" in failed[0] and "report.ipynb" in failed[0]
    kept = json.loads((out / "c-broken" / "report.ipynb").read_text())
    errors = [o for c in kept["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert [e["ename"] for e in errors] == ["ArticleError"]
    assert not (out / "c-broken" / "metrics.json").exists()
    # The comparison ran over the two reports.
    assert "comparison report:" in err
    csv = (out / "comparison.csv").read_text().splitlines()
    assert csv[0].startswith("id,title,outlet,") and len(csv) == 3
    assert {line.split(",")[0] for line in csv[1:]} == {"a-seed", "b-flood"}
    _html_checks((out / "comparison.html").read_text())
    families = "sources" in json.loads((out / "a-seed" / "metrics.json").read_text())
    n_plots = 4 if families else 2  # grades, sentiment (+ source mix, civilian/agentless)
    assert (out / "comparison.html").read_text().count('src="data:image/png;base64,') == n_plots


def test_resume_skips_current_outputs_and_redoes_the_rest(batch_dir, capsys):
    out = batch_dir / "out"
    if not (out / "a-seed" / DONE_FILE).exists():
        pytest.skip("needs test_batch_of_three_with_a_broken_file")
    params = {}
    jobs = plan_jobs([batch_dir / "in"], out, params)
    assert [is_current(j) for j in jobs] == [True, True, False]
    # A changed input, a tampered output and a different parameter all make it stale.
    seed_html = out / "a-seed" / "report.html"
    seed_html.write_text(seed_html.read_text() + " ")
    assert not is_current(jobs[0])
    assert not any(is_current(j) for j in plan_jobs([batch_dir / "in"], out,
                                                    {"positive_threshold": 0.1}))
    assert not any(is_current(j) for j in plan_jobs([batch_dir / "in"], out, {},
                                                    with_code=True))
    # Outputs of schema 1.0 (paragraphs from 0) are not current under 2.0.
    flood_done = out / "b-flood" / DONE_FILE
    kept = flood_done.read_text()
    flood_done.write_text(json.dumps({**json.loads(kept), "schema_version": "1.0"}))
    assert not is_current(jobs[1])
    flood_done.write_text(kept)
    assert is_current(jobs[1])
    mtime = (out / "b-flood" / "metrics.json").stat().st_mtime_ns
    code = main(["batch", str(batch_dir / "in"), "--out", str(out), "--resume",
                 "--no-progress"])
    err = capsys.readouterr().err
    assert code == 1  # c-broken still fails
    assert "1 report(s) written" in err and "1 already current (skipped)" in err
    assert (out / "b-flood" / "metrics.json").stat().st_mtime_ns == mtime
    assert is_current(plan_jobs([batch_dir / "in"], out, params)[0])


def test_bad_parameters_stop_before_any_work(tmp_path, capsys):
    with pytest.raises(ParameterError, match="'positive_threshold' must be a number"):
        run_batch([SEED], tmp_path / "x", {"positive_threshold": "abc"})
    with pytest.raises(ParameterError, match="unknown parameter 'threshold'"):
        run_batch([SEED], tmp_path / "x", {"threshold": 0.1})
    assert not (tmp_path / "x").exists()
    assert main(["batch", str(SEED), "--out", str(tmp_path / "y"),
                 "--positive-threshold", "2"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "positive_threshold must be a number in [-1, 1]" in err
    assert main(["report", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "y")]) == 2
    missing = tmp_path / "missing.txt"
    assert capsys.readouterr().err == f"mediakit: {missing}: no such file or folder\n"
    (tmp_path / "afile").write_text("x")
    assert main(["batch", str(SEED), "--out", str(tmp_path / "afile")]) == 2
    assert capsys.readouterr().err == (f"mediakit: {tmp_path / 'afile'}: is a file; --out "
                                       "needs a folder\n")


def test_papermill_coerced_parameter_stops_the_notebook_before_analysis(tmp_path):
    import papermill
    from papermill.exceptions import PapermillExecutionError

    with pytest.raises(PapermillExecutionError) as err:
        papermill.execute_notebook(
            str(notebook_path("article_report")), str(tmp_path / "out.ipynb"),
            parameters={"article_path": str(SEED), "article_id": 7,
                        "output_dir": str(tmp_path)},
            progress_bar=False, kernel_manager_class=kernel_manager_class())
    assert err.value.ename == "ParameterError"
    assert "parameter 'article_id' must be text (str) or None, got int 7" in err.value.evalue
    # Cells run: parameters (1), papermill's injected cell (2), the check (3): no analysis.
    assert err.value.exec_count == 3 and err.value.source.startswith("# Stop here")
    assert not (tmp_path / "metrics.json").exists()


def test_kernel_is_this_interpreter_even_with_another_python3_registered(tmp_path, monkeypatch):
    import nbformat
    import papermill

    # A user-wide "python3" kernel that is not ours (it would fail to start).
    spec = tmp_path / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": ["/nonexistent/python", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Other", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "jupyter"))
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "language": "python",
                                 "display_name": "Python 3"}
    nb.cells.append(nbformat.v4.new_code_cell("import sys; print(sys.executable)"))
    src = tmp_path / "probe.ipynb"
    nbformat.write(nb, str(src))
    done = papermill.execute_notebook(str(src), str(tmp_path / "probe-out.ipynb"),
                                      progress_bar=False,
                                      kernel_manager_class=kernel_manager_class())
    assert done.cells[0].outputs[0]["text"].strip() == sys.executable


@pytest.fixture(scope="module")
def malicious_report(tmp_path_factory):
    base = tmp_path_factory.mktemp("malicious")
    article = base / "evil.md"
    article.write_text(MALICIOUS_MD)
    out = base / "out"
    result = run_batch([article], out, compare=False, progress=False)
    assert result.outcomes[0].status == "done", result.outcomes[0].error
    return out / "evil" / "report.html"


def test_untrusted_text_appears_escaped(malicious_report):
    html = malicious_report.read_text()
    _html_checks(html)
    assert "window.__pwned" in html  # the text is shown ...
    assert "<script>window.__pwned" not in html  # ... but never as markup
    # (nbconvert re-serialises the page, so quotes in text come out as plain ")
    assert '&lt;script&gt;window.__pwned = "title"&lt;/script&gt;' in html
    # No real tag carries an event handler (article markup shows as &lt;...&gt; text).
    assert not re.search(r"<[a-zA-Z][^<>]*\son\w+\s*=", html)
    assert "<iframe" not in html
    assert "<b onmouseover" not in html and "&lt;b onmouseover=" in html
    assert not re.search(r"<img[^>]*src=\"?(x|https?:)", html)
    metrics = json.loads((malicious_report.parent / "metrics.json").read_text())
    # the plots and nothing else
    assert len(re.findall(r"<img\b", html)) == len(expected_figures(metrics))
    assert '**bold** [x](javascript:alert(1)) "quoted" {braces}</h1>' in html


def test_title_with_quotes_newlines_and_braces_through_the_parameters_cell(tmp_path):
    from mediakit.run.params import validate_parameters
    from mediakit.run.reports import ReportJob, run_report

    title = 'He said "no" \'twice\'\nthen {left} \\ $5 }{ """'
    params = validate_parameters("article_report", {"article_path": str(SEED), "title": title,
                                                    "article_id": "tricky"})
    job = ReportJob("tricky", str(SEED), params, str(tmp_path), None,
                    str(notebook_path("article_report")))
    outcome = run_report(job)
    assert outcome.status == "done", outcome.error
    assert json.loads((tmp_path / "tricky" / "metrics.json").read_text())["article"]["title"] \
        == title


def test_corpus_rows_become_reports(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "one", "outlet": "A", "body": GOOD_TWO}) + "\n"
                      + json.dumps({"id": "two", "outlet": "B", "body": "Short. Text."}) + "\n")
    jobs = plan_jobs([corpus], tmp_path / "out", {})
    assert [(j.article_id, j.parameters["article_row"], j.source) for j in jobs] == [
        ("one", 1, f"{corpus}, line 1"), ("two", 2, f"{corpus}, line 2")]


def test_interrupted_batch_leaves_nothing_resume_would_trust(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"art-{i}.txt").write_text(GOOD_TWO.replace("Tuesday", f"day {i}"))
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "mediakit.cli", "batch", str(src), "--out", str(out),
           "--no-progress", "--no-compare"]
    # Ctrl-C's default action in the child: a test run started in the background (a CI
    # job, nohup) ignores SIGINT, and the child would inherit that
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.time() + 180
    while time.time() < deadline and not (out / "art-0" / DONE_FILE).exists():
        time.sleep(0.05)
    assert (out / "art-0" / DONE_FILE).exists()
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    jobs = plan_jobs([src], out, {})
    current = [is_current(j) for j in jobs]
    assert current[0] is True
    for job, ok in zip(jobs, current):
        if not ok:  # whatever is there must not be trusted: no .done.json
            assert not (job.folder / DONE_FILE).exists()
    assert not list(out.glob("*/.*.tmp")) and not list(out.glob("*/.*partial*"))
    # --resume finishes the job and does not redo the finished article.
    result = run_batch([src], out, jobs=1, resume=True, compare=False, progress=False)
    statuses = [o.status for o in result.outcomes]
    assert statuses[0] == "skipped" and statuses.count("done") == current.count(False)
    assert all(is_current(j) for j in jobs)


def test_cli_options_become_notebook_parameters():
    from mediakit.cli.main import build_parser
    from mediakit.cli.reports import _parameters

    args = build_parser().parse_args(["batch", "in", "--out", "o", "--text-column", "content",
                                      "--positive-threshold", "0.1", "--jobs", "2"])
    assert _parameters(args) == {"positive_threshold": 0.1, "columns": {"text": "content"}}
    assert args.jobs == 2 and args.resume is False and args.with_code is False
    defaults = build_parser().parse_args(["report", "a.txt"])
    assert _parameters(defaults) == {} and defaults.out == "reports"


def test_a_second_batch_into_the_same_folder_refuses_at_once(tmp_path, capsys):
    import socket

    from mediakit.io.writers import output_lock
    from mediakit.run.reports import LOCK_FILE

    out = tmp_path / "out"
    out.mkdir()
    with output_lock(out, out / LOCK_FILE):
        started = json.loads((out / LOCK_FILE).read_text())["started"]
        assert main(["batch", str(SEED), "--out", str(out), "--no-progress"]) == 2
    assert capsys.readouterr().err == (
        f"mediakit: {out}: another mediakit run is writing this output (pid {os.getpid()} on "
        f"{socket.gethostname()}, since {started}); wait for it to finish or stop it\n")
    assert sorted(p.name for p in out.iterdir()) == []  # nothing done, the lock gone


def _descendants(pid: int) -> dict[int, str]:
    """Every process below ``pid`` (read from /proc), with its command line."""
    children: dict[int, list[int]] = {}
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat_file.parent.name))
    found, todo = {}, [pid]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in found:
                try:
                    found[child] = (Path("/proc") / str(child) / "cmdline").read_bytes() \
                        .replace(b"\0", b" ").decode(errors="replace")
                except OSError:
                    found[child] = ""
                todo.append(child)
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_killed_batchs_workers_and_kernels_exit(tmp_path):
    from mediakit.run.workers import process_alive

    src = tmp_path / "in"
    src.mkdir()
    for i in range(2):
        (src / f"art-{i}.txt").write_text(GOOD_TWO.replace("Tuesday", f"day {i}"))
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "mediakit.cli", "batch", str(src), "--out",
                             str(out), "--no-progress", "--no-compare", "--jobs", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    below: dict[int, str] = {}
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        below.update(_descendants(proc.pid))
        if sum("ipykernel_launcher" in cmd for cmd in below.values()) >= 2:
            break
        time.sleep(0.05)
    kernels = [p for p, cmd in below.items() if "ipykernel_launcher" in cmd]
    proc.kill()
    proc.wait(timeout=10)
    assert len(kernels) == 2 and len(below) >= 4, below  # two workers, two kernels
    deadline = time.time() + 6  # workers at once, kernels within ipykernel's 1 s poll
    while any(process_alive(p) for p in below) and time.time() < deadline:
        time.sleep(0.05)
    assert not [(p, below[p]) for p in below if process_alive(p)]
    # Nothing goes on writing, and nothing half-done is marked done.
    before = sorted((p, p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file())
    time.sleep(1)
    assert sorted((p, p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()) == before
    for job in plan_jobs([src], out, {}):
        assert is_current(job) or not (job.folder / DONE_FILE).exists()


def test_outputs_that_do_not_check_out_are_never_marked_done(tmp_path):
    from mediakit.run.params import validate_parameters
    from mediakit.run.reports import ReportJob, run_report

    params = validate_parameters("article_report", {"article_path": str(SEED),
                                                    "article_id": "seed"})
    # The input's hash as planned differs from what the notebook read (the file changed).
    job = ReportJob("seed", str(SEED), params, str(tmp_path), "0" * 64,
                    str(notebook_path("article_report")))
    outcome = run_report(job)
    assert (outcome.status, outcome.error, outcome.notebook_kept) == (
        "failed", "metrics.json is not of this input (its SHA-256 differs: the input changed "
        "while the batch ran?)", True)
    assert not (tmp_path / "seed" / DONE_FILE).exists() and not is_current(job)
    assert not list((tmp_path / "seed").glob(".*partial*"))
