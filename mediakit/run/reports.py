"""Reports: run the report notebook per article with papermill, export HTML, batch them.

One article gives ``DIR/<id>/report.ipynb`` (the executed notebook), ``report.html``
(code hidden unless asked, renders offline) and ``metrics.json`` (written by the
notebook through :func:`mediakit.io.writers.write_json`). A batch runs the articles in worker
*processes* (papermill's ``cwd`` handling changes the process-wide working directory,
so threads are unsafe), then the comparison notebook over ``DIR``.

The notebooks run are the package's own copies, ``mediakit/data/notebooks/`` (package
data, built from ``notebooks/src/`` by :mod:`mediakit.notebook_build` like the
``notebooks/`` copies users open in JupyterLab), so an installed mediakit needs no
project checkout.

Resumable and interrupt-safe: each finished article gets ``DIR/<id>/.done.json``,
written last and atomically, once the outputs have been read back and checked,
recording the input's SHA-256, the parameters, mediakit's version and the metrics
file's ``schema_version``, the notebook's SHA-256 and the SHA-256 of each output.
``resume=True`` skips an article only when all of these still match; a run stopped
half-way leaves no ``.done.json`` for the article it was on (it is removed before the
work starts).

One batch at a time writes a results folder: the run holds an exclusive lock
(``DIR/.mediakit.lock``, :func:`mediakit.io.output_lock`) from start to end, and its
worker processes exit when the run's main process dies (:mod:`mediakit.run.workers`), as
do their notebook kernels (ipykernel watches its parent).

Kernel: the notebooks run on the interpreter running mediakit (``sys.executable``)
through :func:`kernel_manager_class`, which builds the kernel spec in memory, so no
kernel has to be registered and a user-wide ``python3`` kernel pointing at another
Python is not picked up.

Heavy imports (papermill, nbconvert, jupyter_client) happen inside the functions that
need them, so the report notebook's kernel, which imports :func:`report_metrics` from
here, does not pay for them.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .. import __version__
from ..errors import MediakitError
from ..io.articles import Article, LoadFailure, _unique, check_input, iter_articles, slugify
from ..io.writers import output_lock, write_atomic, write_json
from .params import load_options_from_parameters, recorded_parameters, validate_parameters

__all__ = [
    "BatchResult",
    "NOTEBOOKS",
    "ReportJob",
    "ReportOutcome",
    "export_html",
    "is_current",
    "kernel_manager_class",
    "notebook_path",
    "plan_jobs",
    "report_metrics",
    "run_batch",
    "run_comparison",
    "run_jobs",
    "run_report",
]

# The packaged notebooks (mediakit.notebook_build.PACKAGED_DIR builds them here).
NOTEBOOKS = Path(str(resources.files("mediakit.data"))) / "notebooks"
DONE_FILE = ".done.json"
LOCK_FILE = ".mediakit.lock"
OUTPUTS = ("metrics.json", "report.html", "report.ipynb")


def notebook_path(name: str) -> Path:
    """The packaged notebook ``mediakit/data/notebooks/<name>.ipynb``.

    Parameters
    ----------
    name : str
        The notebook's name, e.g. ``"article_report"``.

    Returns
    -------
    Path

    Raises
    ------
    MediakitError
        If the package holds no such notebook.
    """
    path = NOTEBOOKS / f"{name}.ipynb"
    if not path.is_file():
        raise MediakitError(path, "notebook not found in the mediakit package (in a "
                            "checkout, build it with `python -m mediakit.notebook_build`)")
    return path


def _sha256_file(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# ------------------------------------------------------------- in the notebook


def report_metrics(values: Mapping) -> dict:
    """Analyse the article the report parameters name; write ``metrics.json``.

    Called by the report notebook right after its parameters are checked. The
    provenance gains ``notebook``: the notebook's name, SHA-256 and the recorded
    parameters (not ``output_dir``: where results go does not change them). With the
    parameter ``corrections`` the record gains ``corrected`` (see
    :func:`mediakit.coding.corrections.apply_corrections`) when the article is in the
    sheet.

    Parameters
    ----------
    values : Mapping
        Checked parameters (:func:`mediakit.run.params.check_notebook_parameters`).

    Returns
    -------
    dict
        The metrics-file object.
    """
    from .params import analyzer_from_parameters, article_from_parameters

    analyzer = analyzer_from_parameters(values)  # validates before any reading
    article = article_from_parameters(values)
    metrics = analyzer.analyze(article).to_dict()
    if values.get("corrections"):
        from ..coding.corrections import apply_corrections, load_corrections
        from ..coding.sheets import code_lists

        sheet = load_corrections(values["corrections"],
                                 code_lists(values["codebook"], values["harm_lexicon"]))
        apply_corrections(metrics, article, analyzer, sheet)
    metrics["provenance"]["notebook"] = {
        "name": "article_report",
        "sha256": values.get("notebook_sha256"),
        "parameters": recorded_parameters("article_report", values),
    }
    if values.get("output_dir"):
        write_json(Path(values["output_dir"]) / "metrics.json", metrics)
    return metrics


# ------------------------------------------------------------------ the kernel


@lru_cache(maxsize=1)
def kernel_manager_class():
    """A jupyter_client kernel manager that starts ipykernel on ``sys.executable``.

    The kernel spec is made in memory (argv ``[sys.executable, -m,
    ipykernel_launcher, -f, {connection_file}]``), so nothing has to be registered
    with ``jupyter kernelspec`` and no other ``python3`` kernel on the machine (for
    example one in ``~/.local/share/jupyter/kernels`` for another Python) is used.

    Returns
    -------
    type
        A subclass of ``jupyter_client.AsyncKernelManager`` for nbclient's
        ``kernel_manager_class``.
    """
    from jupyter_client import AsyncKernelManager
    from jupyter_client.kernelspec import KernelSpec

    spec = KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f",
                            "{connection_file}"],
                      name="python3", display_name="Python 3 (mediakit)", language="python",
                      interrupt_mode="signal", metadata={"debugger": False})

    class MediakitKernelManager(AsyncKernelManager):
        @property
        def kernel_spec(self):
            return spec

    return MediakitKernelManager


def _papermill_path(path: Path) -> str:
    # papermill formats output paths with str.format(**parameters): braces in a folder
    # name would be read as fields, so they are doubled.
    return str(path).replace("{", "{{").replace("}", "}}")


def _execute(notebook: Path, output: Path, parameters: dict):
    """Run a notebook with papermill on mediakit's interpreter; return the executed
    notebook. papermill writes ``output`` (also when a cell fails, then it raises
    PapermillExecutionError)."""
    import papermill

    return papermill.execute_notebook(
        _papermill_path(notebook), _papermill_path(output), parameters=parameters,
        kernel_name="python3", language="python", progress_bar=False, log_output=False,
        request_save_on_cell_execute=False, start_timeout=120,
        kernel_manager_class=kernel_manager_class(),
        # The kernel's own log (a warning that local TCP is unencrypted, the interrupt
        # sent at shutdown) would drown the progress bar; cell errors still reach the
        # notebook and the error list.
        extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        # Stop the kernel at once when the notebook is done (every output is written by
        # then; the kernel keeps its history in memory) instead of waiting for it to
        # exit gracefully, which costs up to a second or two per article.
        shutdown_kernel="immediate",
    )


def _error_line(exc: BaseException) -> str:
    from papermill.exceptions import PapermillExecutionError

    if isinstance(exc, PapermillExecutionError):
        text = f"{exc.ename}: {exc.evalue}"
    elif isinstance(exc, MediakitError):
        text = exc.message
    else:
        text = f"{type(exc).__name__}: {exc}"
    return " ".join(text.split())  # one line


# --------------------------------------------------------------------- HTML

# Extends the "lab" template and empties the blocks that load require.js, MathJax and
# mermaid from a CDN: the report needs none of them and must render offline. PNG
# outputs are always inlined as data: URIs (never a file name) with their alt text.
_OFFLINE_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{% block data_png scoped %}
<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">
<img alt="{{ ((output | get_metadata('alt', 'image/png')) or 'figure') | escape_html }}"
src="data:image/png;base64,{{ output.data['image/png'] | escape_html }}">
</div>
{%- endblock data_png %}
"""


@lru_cache(maxsize=2)
def _exporter(with_code: bool):
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="lab", exclude_input=not with_code,
                        exclude_input_prompt=True, exclude_output_prompt=True,
                        extra_loaders=[DictLoader({"mediakit_offline.html.j2":
                                                   _OFFLINE_TEMPLATE})],
                        template_file="mediakit_offline.html.j2")


def export_html(notebook, with_code: bool = False, title: str = "report") -> str:
    """HTML of an executed notebook, made in-process with nbconvert's HTMLExporter.

    Parameters
    ----------
    notebook : nbformat.NotebookNode or str or Path
        The executed notebook or its file.
    with_code : bool
        Show the code cells' inputs (hidden by default).
    title : str
        The page title (escaped by the template).

    Returns
    -------
    str
        A self-contained page: styles inline, figures as ``data:`` PNGs, no script or
        style loaded from any other address.
    """
    import nbformat

    if not isinstance(notebook, nbformat.NotebookNode):
        notebook = nbformat.read(str(notebook), as_version=4)
    body, _resources = _exporter(bool(with_code)).from_notebook_node(
        notebook, resources={"metadata": {"name": title}})
    return body


# -------------------------------------------------------------------- one job


@dataclass(frozen=True)
class ReportJob:
    """One article to report on.

    Attributes
    ----------
    article_id : str
        The output folder's name under ``out_dir``.
    source : str
        Where the article comes from (``path`` or ``path, line N``), for messages.
    parameters : dict
        The report notebook's parameters (checked), without ``output_dir`` and
        ``notebook_sha256``, which :func:`run_report` sets.
    out_dir : str
        The results folder (the article's folder is ``out_dir/article_id``).
    input_sha256 : str or None
        The input's SHA-256 (None when the article could not be loaded).
    notebook : str
        The report notebook to run.
    with_code : bool
        Show code in the HTML.
    """

    article_id: str
    source: str
    parameters: dict
    out_dir: str
    input_sha256: str | None
    notebook: str
    with_code: bool = False

    @property
    def folder(self) -> Path:
        return Path(self.out_dir) / self.article_id


@dataclass(frozen=True)
class ReportOutcome:
    """What happened to one job: ``status`` is ``done``, ``skipped`` or ``failed``."""

    article_id: str
    source: str
    status: str
    folder: str
    error: str | None = None
    seconds: float = 0.0
    notebook_kept: bool = False

    @property
    def ok(self) -> bool:
        return self.status != "failed"

    def to_dict(self) -> dict:
        return asdict(self)


def _done_record(job: ReportJob, notebook_sha: str) -> dict:
    from .analyzer import SCHEMA_VERSION

    return {
        "article_id": job.article_id,
        "input_sha256": job.input_sha256,
        "mediakit_version": __version__,
        "schema_version": SCHEMA_VERSION,  # outputs of an older layout are not current
        "notebook_sha256": notebook_sha,
        "parameters": recorded_parameters("article_report", job.parameters),
        "with_code": job.with_code,  # changes report.html
    }


def is_current(job: ReportJob) -> bool:
    """Whether the job's outputs exist and were made from the same input, parameters,
    mediakit version, notebook and code-display choice (and are unchanged since).

    Parameters
    ----------
    job : ReportJob

    Returns
    -------
    bool
    """
    if job.input_sha256 is None:
        return False
    try:
        done = json.loads((job.folder / DONE_FILE).read_text("utf-8"))
        expected = _done_record(job, _sha256_file(Path(job.notebook)))
        if any(done.get(k) != v for k, v in expected.items()):
            return False
        outputs = done["outputs"]
        return all(outputs.get(name) == _sha256_file(job.folder / name) for name in OUTPUTS)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False


def run_report(job: ReportJob) -> ReportOutcome:
    """Run the report notebook for one article and export its HTML.

    The order makes an interrupted run safe: the old ``.done.json`` and outputs are
    removed first, the notebook writes ``metrics.json``, then ``report.html`` and
    ``report.ipynb`` are put in place atomically, and ``.done.json`` comes last.

    Parameters
    ----------
    job : ReportJob

    Returns
    -------
    ReportOutcome
        ``failed`` with a one-line reason when the notebook raised (its executed
        notebook, with the error, is kept as ``report.ipynb``).
    """
    start = time.perf_counter()
    folder = job.folder
    folder.mkdir(parents=True, exist_ok=True)
    for name in (DONE_FILE, *OUTPUTS):
        (folder / name).unlink(missing_ok=True)
    notebook = Path(job.notebook)
    notebook_sha = _sha256_file(notebook)
    parameters = dict(job.parameters, output_dir=str(folder), notebook_sha256=notebook_sha)
    partial = folder / f".report.partial.{os.getpid()}.ipynb"  # one per process
    try:
        executed = _execute(notebook, partial, parameters)
    except KeyboardInterrupt:
        partial.unlink(missing_ok=True)  # half a notebook helps no one
        raise
    except Exception as exc:  # noqa: BLE001 - one failing article must not stop a batch
        kept = partial.is_file()
        if kept:
            os.replace(partial, folder / "report.ipynb")
        return ReportOutcome(job.article_id, job.source, "failed", str(folder),
                             _error_line(exc), time.perf_counter() - start, kept)
    problem = _check_outputs(job, folder, partial)
    if problem is not None:
        if partial.is_file():
            os.replace(partial, folder / "report.ipynb")
        return ReportOutcome(job.article_id, job.source, "failed", str(folder), problem,
                             time.perf_counter() - start, (folder / "report.ipynb").is_file())
    write_atomic(folder / "report.html", export_html(executed, job.with_code,
                                                     title=job.article_id))
    os.replace(partial, folder / "report.ipynb")
    record = _done_record(job, notebook_sha)
    record["outputs"] = {name: _sha256_file(folder / name) for name in OUTPUTS}
    write_json(folder / DONE_FILE, record)  # last: marks the outputs as complete
    return ReportOutcome(job.article_id, job.source, "done", str(folder), None,
                         time.perf_counter() - start)


def _check_outputs(job: ReportJob, folder: Path, partial: Path) -> str | None:
    """Read back what the notebook wrote; say what is wrong, or None.

    ``metrics.json`` must parse and be of this job's input (its provenance names the
    input's SHA-256), and the executed notebook must read back as a notebook, before
    anything is marked done."""
    import nbformat

    try:
        metrics = json.loads((folder / "metrics.json").read_text("utf-8"))
    except FileNotFoundError:
        return "the notebook wrote no metrics.json"
    except (OSError, ValueError) as exc:
        return f"metrics.json does not read back ({exc})"
    found = (metrics.get("provenance") or {}).get("input_sha256") \
        if isinstance(metrics, dict) else None
    if job.input_sha256 is not None and found != job.input_sha256:
        return ("metrics.json is not of this input (its SHA-256 differs: the input changed "
                "while the batch ran?)")
    try:
        nbformat.read(str(partial), as_version=4)
    except Exception as exc:  # noqa: BLE001 - any failure to read back is the same problem
        return f"the executed notebook does not read back ({type(exc).__name__}: {exc})"
    return None


# -------------------------------------------------------------------- batches


@dataclass
class BatchResult:
    """Outcome of :func:`run_batch`: one :class:`ReportOutcome` per article, in input order,
    and the comparison report (when run)."""

    outcomes: list[ReportOutcome] = field(default_factory=list)
    comparison: ReportOutcome | None = None

    @property
    def failures(self) -> list[ReportOutcome]:
        found = [o for o in self.outcomes if o.status == "failed"]
        if self.comparison is not None and self.comparison.status == "failed":
            found.append(self.comparison)
        return found

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)


def _source(path: str, row: int | None) -> str:
    return path if row is None else f"{path}, line {row}"


def plan_jobs(inputs: Iterable[str | Path], out_dir: str | Path, parameters: Mapping,
              *, notebook: str | Path | None = None, with_code: bool = False
              ) -> list[ReportJob]:
    """One job per article of the inputs; files that fail to load get a job too, so
    their executed notebook shows the error.

    Parameters
    ----------
    inputs : iterable of path
        Article files, corpus files (.jsonl, .csv) or folders.
    out_dir : path
        The results folder.
    parameters : Mapping
        Report parameters shared by every article (thresholds, codebook, ...).
    notebook : path, optional
        The report notebook (default: the packaged ``article_report.ipynb``).
    with_code : bool
        Show code in the HTML.

    Returns
    -------
    list of ReportJob
        Ids are unique across all inputs.

    Raises
    ------
    ArticleError
        If an input does not exist or is a folder without article files.
    """
    notebook = str(notebook or notebook_path("article_report"))
    base = validate_parameters("article_report", parameters)
    options = load_options_from_parameters(base)  # read as the notebook will read them
    seen: dict[str, int] = {}
    jobs = []

    def unique(slug: str) -> str:
        return _unique(seen, slug)  # the loader's rule: two articles never share a folder

    for path in inputs:
        for item in iter_articles(path, options):  # raises on a missing input
            if isinstance(item, Article):
                article_id = unique(item.id)
                params = dict(base, article_path=item.source_path, article_row=item.row,
                              article_id=article_id)
                jobs.append(ReportJob(article_id, _source(item.source_path, item.row), params,
                                      str(out_dir), item.sha256, notebook, with_code))
            else:
                assert isinstance(item, LoadFailure)
                stem = slugify(Path(item.path).stem)
                article_id = unique(stem if item.row is None else f"{stem}-{item.row}")
                params = dict(base, article_path=item.path, article_row=item.row,
                              article_id=article_id)
                jobs.append(ReportJob(article_id, _source(item.path, item.row), params,
                                      str(out_dir), None, notebook, with_code))
    return jobs


def _pool_context():
    import multiprocessing

    # fork: workers inherit the imported papermill/nbconvert (spawn re-imports them).
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _batch_worker(run_pid: int) -> None:
    """Initializer of a batch worker process: exit when the batch's main process dies."""
    from .workers import exit_with_parent

    exit_with_parent(run_pid)


def _warm_imports() -> None:
    """Import papermill and compile the HTML templates once, before forking workers, so
    that every worker inherits them instead of paying for them again."""
    import nbformat
    import papermill  # noqa: F401

    empty = nbformat.v4.new_notebook()
    for with_code in (False, True):
        export_html(empty, with_code)
    kernel_manager_class()


def run_jobs(jobs: list[ReportJob], *, jobs_n: int = 1, resume: bool = False,
             progress: bool | None = None) -> list[ReportOutcome]:
    """Run report jobs, ``jobs_n`` at a time in worker processes, with a progress bar.

    Parameters
    ----------
    jobs : list of ReportJob
    jobs_n : int
        Parallel worker processes (1 runs in this process).
    resume : bool
        Skip jobs whose outputs are current (:func:`is_current`).
    progress : bool or None
        Show a tqdm progress bar on standard error (None: only on a terminal).

    Returns
    -------
    list of ReportOutcome
        In the order of ``jobs``.
    """
    from tqdm import tqdm

    outcomes: dict[int, ReportOutcome] = {}
    todo = []
    for i, job in enumerate(jobs):
        if resume and is_current(job):
            outcomes[i] = ReportOutcome(job.article_id, job.source, "skipped", str(job.folder))
        else:
            todo.append(i)
    bar = tqdm(total=len(todo), desc="reports", unit="article", file=sys.stderr,
               disable=(None if progress is None else not progress), dynamic_ncols=True)
    try:
        if jobs_n <= 1 or len(todo) <= 1:
            for i in todo:
                outcomes[i] = run_report(jobs[i])
                bar.update()
        else:
            from concurrent.futures import ProcessPoolExecutor, as_completed

            _warm_imports()
            pool = ProcessPoolExecutor(max_workers=min(jobs_n, len(todo)),
                                       mp_context=_pool_context(), initializer=_batch_worker,
                                       initargs=(os.getpid(),))
            try:
                futures = {pool.submit(run_report, jobs[i]): i for i in todo}
                for future in as_completed(futures):
                    i = futures[future]
                    try:
                        outcomes[i] = future.result()
                    except Exception as exc:  # noqa: BLE001 - a worker died
                        job = jobs[i]
                        outcomes[i] = ReportOutcome(job.article_id, job.source, "failed",
                                                    str(job.folder), _error_line(exc))
                    bar.update()
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
            pool.shutdown()
    finally:
        bar.close()
    return [outcomes[i] for i in range(len(jobs))]


def run_comparison(out_dir: str | Path, *, with_code: bool = False,
                   notebook: str | Path | None = None) -> ReportOutcome:
    """Run the comparison notebook over a results folder.

    Writes ``comparison.ipynb``, ``comparison.html`` and (from the notebook)
    ``comparison.csv`` in ``out_dir``.

    Returns
    -------
    ReportOutcome
        ``article_id`` is ``comparison``; ``folder`` is ``out_dir``.
    """
    start = time.perf_counter()
    out_dir = Path(out_dir)
    notebook = Path(notebook or notebook_path("compare_articles"))
    partial = out_dir / f".comparison.partial.{os.getpid()}.ipynb"
    for name in ("comparison.html", "comparison.ipynb"):
        (out_dir / name).unlink(missing_ok=True)
    parameters = validate_parameters("compare_articles", {"results_dir": str(out_dir)})
    try:
        executed = _execute(notebook, partial, parameters)
    except Exception as exc:  # noqa: BLE001
        kept = partial.is_file()
        if kept:
            os.replace(partial, out_dir / "comparison.ipynb")
        return ReportOutcome("comparison", str(out_dir), "failed", str(out_dir),
                             _error_line(exc), time.perf_counter() - start, kept)
    write_atomic(out_dir / "comparison.html", export_html(executed, with_code,
                                                          title="comparison"))
    os.replace(partial, out_dir / "comparison.ipynb")
    return ReportOutcome("comparison", str(out_dir), "done", str(out_dir), None,
                         time.perf_counter() - start)


def run_batch(inputs: Iterable[str | Path], out_dir: str | Path, parameters: Mapping | None = None,
              *, jobs: int = 1, resume: bool = False,
              with_code: bool = False, compare: bool = True, progress: bool | None = None,
              notebook: str | Path | None = None) -> BatchResult:
    """Report on every article of the inputs, then compare them.

    Parameters
    ----------
    inputs : iterable of path
        Article files, corpora (.jsonl, .csv) or folders.
    out_dir : path
        Results folder: ``out_dir/<id>/{report.ipynb,report.html,metrics.json}``.
    parameters : Mapping, optional
        Report-notebook parameters shared by all articles (e.g.
        ``{"positive_threshold": 0.1}``, ``{"columns": {"text": "content"}}``);
        checked before anything runs.
    jobs : int
        Worker processes.
    resume : bool
        Skip articles whose outputs are current.
    with_code : bool
        Show code in the HTML reports.
    compare : bool
        Run the comparison notebook over ``out_dir`` afterwards (when at least one
        report exists).
    progress : bool or None
        Progress bar (None: on a terminal only).
    notebook : path, optional
        Report notebook to run instead of the packaged ``article_report.ipynb``.

    Returns
    -------
    BatchResult

    Raises
    ------
    ParameterError
        On an unknown or ill-typed parameter, before any work.
    ArticleError
        If an input does not exist or is not a regular file or folder.
    OutputBusyError
        If another batch is writing ``out_dir`` (the message names its process).
    """
    from .params import analyzer_from_parameters

    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise MediakitError(None, f"jobs must be a positive integer, got {jobs!r}")
    inputs = [check_input(p) for p in inputs]
    if Path(out_dir).exists() and not Path(out_dir).is_dir():
        raise MediakitError(out_dir, "is a file; --out needs a folder")
    checked = validate_parameters("article_report", dict(parameters or {}))
    analyzer_from_parameters(checked)  # thresholds in range, codebook file exists, ...
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    with output_lock(out_dir, Path(out_dir) / LOCK_FILE):
        for pattern in ("*/.report.partial*.ipynb", ".comparison.partial*.ipynb"):
            for stale in Path(out_dir).glob(pattern):  # left by killed runs
                stale.unlink(missing_ok=True)
        plan = plan_jobs(inputs, out_dir, dict(parameters or {}), notebook=notebook,
                         with_code=with_code)
        result = BatchResult(run_jobs(plan, jobs_n=jobs, resume=resume, progress=progress))
        if compare and any((Path(o.folder) / "metrics.json").is_file()
                           for o in result.outcomes if o.ok):
            result.comparison = run_comparison(out_dir, with_code=with_code)
    return result
