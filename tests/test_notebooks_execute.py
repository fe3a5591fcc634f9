"""Every notebook in the repository runs from top to bottom in a kernel.

The report and comparison notebooks run in ``tests/test_reports.py`` (through
``mediakit batch``); this module runs the corpus comparison and every teaching exercise,
the solution and the student's copy, on small inputs. An executed solution must get
"correct" from every check; a fresh student copy must run without error and get "not
answered yet" from every check.
"""

from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest

from mediakit.notebook_build import (
    NOTEBOOK_DIR,
    SOLUTIONS_DIR,
    TEACHING_DIR,
    TEACHING_SOURCE_DIR,
    parse_percent,
    select_variant,
)
from mediakit.run.reports import _execute

from .conftest import ROOT

pytestmark = pytest.mark.slow

EXERCISES = sorted(p.stem for p in TEACHING_SOURCE_DIR.glob("*.py"))
# Where each notebook that is not run in this module is run.
RUN_ELSEWHERE = {
    "notebooks/article_report.ipynb": "tests/test_reports.py (mediakit batch)",
    "notebooks/compare_articles.ipynb": "tests/test_reports.py (comparison report)",
}
MARK = {"✔": "correct", "≈": "close", "✘": "wrong", "…": "missing", "ℹ": "info"}


def _feedback(nb) -> list[tuple[str, str]]:
    """(task, status) of every Feedback shown in an executed notebook."""
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            text = out.get("data", {}).get("text/plain", "")
            m = re.match(r"^([✔≈✘…ℹ]) (\d\.\d [^:]+):", text)
            if m:
                found.append((m.group(2), MARK[m.group(1)]))
    return found


def _checks_in_source(name: str) -> int:
    text = (TEACHING_SOURCE_DIR / f"{name}.py").read_text("utf-8")
    return len(re.findall(r"teaching\.check_\w+\(", text))


def test_every_notebook_is_executed_by_a_test():
    notebooks = {p.relative_to(ROOT).as_posix() for p in NOTEBOOK_DIR.rglob("*.ipynb")
                 if ".ipynb_checkpoints" not in p.parts}
    here = {"notebooks/compare_corpus.ipynb"}
    here |= {f"notebooks/teaching/{n}.ipynb" for n in EXERCISES}
    here |= {f"notebooks/teaching/solutions/{n}.ipynb" for n in EXERCISES}
    assert notebooks == here | set(RUN_ELSEWHERE)
    for test_file in RUN_ELSEWHERE.values():
        assert (ROOT / test_file.split()[0]).is_file()


def test_there_are_at_least_four_exercises_each_with_a_solution():
    assert len(EXERCISES) >= 4
    for name in EXERCISES:
        assert (TEACHING_DIR / f"{name}.ipynb").is_file()
        assert (SOLUTIONS_DIR / f"{name}.ipynb").is_file()


@pytest.mark.parametrize("name", EXERCISES)
def test_solution_gets_correct_from_every_check(name, tmp_path):
    nb = _execute(SOLUTIONS_DIR / f"{name}.ipynb", tmp_path / "out.ipynb", {})
    feedback = _feedback(nb)
    assert len(feedback) == _checks_in_source(name), feedback
    assert all(status == "correct" for _, status in feedback), feedback


@pytest.mark.parametrize("name", EXERCISES)
def test_student_copy_runs_and_every_check_waits_for_an_answer(name, tmp_path):
    nb = _execute(TEACHING_DIR / f"{name}.ipynb", tmp_path / "out.ipynb", {})
    feedback = _feedback(nb)
    assert len(feedback) == _checks_in_source(name), feedback
    assert all(status == "missing" for _, status in feedback), feedback


@pytest.mark.parametrize("name", EXERCISES)
def test_student_copy_holds_no_solution(name):
    text = (TEACHING_SOURCE_DIR / f"{name}.py").read_text("utf-8")
    student = nbformat.read(TEACHING_DIR / f"{name}.ipynb", as_version=4)
    solution = nbformat.read(SOLUTIONS_DIR / f"{name}.ipynb", as_version=4)
    student_text = "\n".join(c["source"] for c in student.cells)
    solution_text = "\n".join(c["source"] for c in solution.cells)
    only_solution = set(select_variant(text, "solution").splitlines()) - set(
        select_variant(text, "student").splitlines())
    lines = [x.strip() for x in only_solution if len(x.strip()) > 12 and x.strip() != "#"]
    assert lines, "the exercise should have solution lines"
    student_lines = {x.strip() for x in student_text.splitlines()}
    for line in lines:
        assert line not in student_lines and line.lstrip("# ") not in student_lines, line
    tagged = [c["source"] for c in parse_percent(text) if "solution" in c["tags"]]
    assert tagged, "the exercise should have solution cells"
    for source in tagged:
        assert source in solution_text and source not in student_text
    assert "Solution notebook, for instructors" in solution_text
    assert "Solution notebook" not in student_text
    assert "BEGIN" not in student_text + solution_text
    # The student's copy has the same tasks and check cells as the solution.
    checks = [c["source"] for c in student.cells if "teaching.check_" in c["source"]]
    assert checks == [c["source"] for c in solution.cells if "teaching.check_" in c["source"]]


def test_exercise_parameters_point_at_a_teachers_article(tmp_path):
    own = tmp_path / "own.md"
    own.write_text(
        "---\ntitle: A short test story\n---\n"
        "Residents of the village said the bridge had been closed for three weeks, and "
        "that the nearest clinic was now two hours away on foot. “We carry the sick on our "
        "backs,” said Mirela Dobre, 61, a retired teacher. The county council said in a "
        "statement that repairs would begin in May, according to a spokesman.\n\n"
        "A second paragraph is short.\n", "utf-8")
    nb = _execute(SOLUTIONS_DIR / "01_readability_by_hand.ipynb", tmp_path / "o1.ipynb",
                  {"article_path": str(own), "paragraph": 1})  # from 1
    feedback = _feedback(nb)
    assert feedback and all(status == "correct" for _, status in feedback), feedback
    nb = _execute(SOLUTIONS_DIR / "03_who_speaks.ipynb", tmp_path / "o3.ipynb",
                  {"article_path": str(own)})
    statuses = dict(_feedback(nb))
    # No answer key for a teacher's own article: nothing is marked right or wrong.
    assert statuses["3.1 your annotation"] == "missing"
    assert statuses["3.3 who was right"] == "info"
    # An article with no sources and no harm: the shares are undefined (None), and the
    # solution still runs and is marked right.
    quiet = tmp_path / "quiet.txt"
    quiet.write_text("Council meets\n\nThe council met on Tuesday. It adjourned at noon.\n",
                     "utf-8")
    nb = _execute(SOLUTIONS_DIR / "04_civilian_voice.ipynb", tmp_path / "o4.ipynb",
                  {"article_a": str(quiet)})
    statuses = [status for task, status in _feedback(nb) if not task.startswith("4.4")]
    assert statuses and all(status == "correct" for status in statuses)


def test_exercise_refuses_an_unknown_parameter(tmp_path):
    from papermill.exceptions import PapermillExecutionError

    with pytest.raises(PapermillExecutionError, match="articel_path"):
        _execute(TEACHING_DIR / "02_sentiment_limits.ipynb", tmp_path / "o.ipynb",
                 {"articel_path": "x.md"})


def test_compare_corpus_notebook_runs_in_a_kernel(tmp_path):
    table = pd.DataFrame({
        "id": [f"a{i}" for i in range(6)],
        "outlet": ["A", "A", "A", "B", "B", "B"],
        "date": ["2024-01-03", "2024-01-20", "2024-02-01", "2024-01-05", "2024-02-07",
                 "2024-02-09"],
        "sentiment_mean_compound": [0.1, 0.2, 0.3, -0.4, -0.2, -0.3],
        "words": [100, 200, 300, 400, 500, 600],
    })
    table.to_parquet(tmp_path / "corpus.parquet")
    out_csv = tmp_path / "means.csv"
    _execute(NOTEBOOK_DIR / "compare_corpus.ipynb", tmp_path / "out.ipynb",
             {"results_path": str(tmp_path / "corpus.parquet"), "min_articles": 3,
              "metrics": "sentiment_mean_compound,words", "output_csv": str(out_csv)})
    means = pd.read_csv(out_csv)
    rows = means[means["group_by"] == "outlet"].set_index(["outlet", "metric"])
    # A: (0.1 + 0.2 + 0.3) / 3 = 0.2; B: (400 + 500 + 600) / 3 = 500
    assert rows.loc[("A", "sentiment_mean_compound"), "mean"] == pytest.approx(0.2)
    assert rows.loc[("B", "words"), "mean"] == pytest.approx(500)


def test_percent_sources_of_exercises_parse():
    for name in EXERCISES:
        for variant in ("solution", "student"):
            cells = parse_percent(select_variant(
                (TEACHING_SOURCE_DIR / f"{name}.py").read_text("utf-8"), variant))
            assert any("parameters" in c["tags"] for c in cells), (name, variant)
