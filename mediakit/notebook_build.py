"""Build the notebooks from their percent-format Python sources.

The notebooks are authored as plain Python files, ``notebooks/src/<name>.py``, in the
"percent" format that Jupytext, VS Code and Spyder understand: a line ``# %%`` starts a
code cell, ``# %% [markdown]`` a Markdown cell (its lines prefixed with ``# ``), and
``# %% tags=["parameters"]`` a cell with tags. Reviewers read and diff the ``.py``;
this module turns each into ``notebooks/<name>.ipynb`` with no outputs, no execution
counts and fixed cell ids, so the same source always gives the same bytes.

The notebooks that ``mediakit report`` and ``mediakit batch`` run (:data:`PACKAGED`) are
built a second time, into ``mediakit/data/notebooks/``, so they ship in the package (as
package data) and an installed mediakit runs them without the project checkout. Both
copies are builds of the one source; ``--check`` (and the test suite) fails when either
is stale.

Teaching exercises (``notebooks/src/teaching/<name>.py``) are written once, as the
solution, and built twice: ``notebooks/teaching/solutions/<name>.ipynb`` keeps the
solution, ``notebooks/teaching/<name>.ipynb`` (the student's copy) drops it, so the two
cannot drift apart. In a source, lines between ``### BEGIN SOLUTION`` and
``### END SOLUTION`` are the solution's only, lines between ``### BEGIN STUDENT`` and
``### END STUDENT`` the student's only (in a Markdown cell the marker lines are
``# ### BEGIN SOLUTION`` and so on); whole cells tagged ``solution`` or ``student`` go
to one version only. The markers and those two tags are not copied into either.

Usage::

    python -m mediakit.notebook_build          # rebuild every notebook
    python -m mediakit.notebook_build --check  # exit 1 if one is missing or stale
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import nbformat

from .errors import MediakitError
from .io.writers import write_atomic

__all__ = ["NOTEBOOK_DIR", "PACKAGED", "PACKAGED_DIR", "SOLUTIONS_DIR", "SOURCE_DIR", "TARGETS",
           "TEACHING_DIR", "TEACHING_SOURCE_DIR", "Target", "build_all", "build_notebook",
           "build_targets", "parse_percent", "render_notebook", "select_variant"]

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
SOURCE_DIR = NOTEBOOK_DIR / "src"
TEACHING_SOURCE_DIR = SOURCE_DIR / "teaching"
TEACHING_DIR = NOTEBOOK_DIR / "teaching"
SOLUTIONS_DIR = TEACHING_DIR / "solutions"
# The notebooks mediakit's commands run, shipped as package data of mediakit.data
# (mediakit.run.reports reads them from here).
PACKAGED_DIR = Path(str(resources.files("mediakit.data"))) / "notebooks"
PACKAGED = ("article_report", "compare_articles")

VARIANTS = ("full", "solution", "student")


@dataclass(frozen=True)
class Target:
    """One folder of sources built into one folder of notebooks, as one variant.

    ``names`` limits the build to those sources (stems); empty: every ``*.py``.
    """

    src_dir: Path
    out_dir: Path
    variant: str = "full"
    names: tuple[str, ...] = ()


# Everything `python -m mediakit.notebook_build` builds.
TARGETS = (
    Target(SOURCE_DIR, NOTEBOOK_DIR, "full"),
    Target(SOURCE_DIR, PACKAGED_DIR, "full", PACKAGED),
    Target(TEACHING_SOURCE_DIR, SOLUTIONS_DIR, "solution"),
    Target(TEACHING_SOURCE_DIR, TEACHING_DIR, "student"),
)

_VARIANT_MARKER = re.compile(r"^\s*(?:# )?### (?P<edge>BEGIN|END) (?P<part>SOLUTION|STUDENT)\s*$")

# "# %%", optionally followed by "[markdown]" and/or key=value metadata (tags=[...]).
_MARKER = re.compile(r"^# %%(?P<rest>.*)$")
_CELL_TYPE = re.compile(r"^\s*\[(?P<type>markdown|md|raw)\]")
_TAGS = re.compile(r"\btags\s*=\s*(?P<tags>\[[^\]]*\])")

# The kernel every notebook names. mediakit runs it on its own interpreter (see
# mediakit.run.reports.MediakitKernelManager), so no kernel has to be registered.
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def parse_percent(text: str, source: str = "<source>") -> list[dict]:
    """Split a percent-format file into cells.

    Parameters
    ----------
    text : str
        The file's content.
    source : str
        File name for error messages.

    Returns
    -------
    list of dict
        ``{"cell_type": "code"|"markdown"|"raw", "source": str, "tags": list}`` per cell.

    Raises
    ------
    MediakitError
        If a Markdown cell holds a line that is not a ``#`` comment, or tags are not
        a JSON list of strings.
    """
    cells: list[dict] = []
    current: dict | None = None
    lines: list[str] = []

    def close() -> None:
        if current is None:
            if any(line.strip() for line in lines):
                raise MediakitError(source, "code before the first '# %%' cell marker", 1)
            return
        body = list(lines)
        while body and not body[0].strip():
            body.pop(0)
        while body and not body[-1].strip():
            body.pop()
        if current["cell_type"] != "code":
            stripped = []
            for offset, line in enumerate(body):
                if line == "#":
                    stripped.append("")
                elif line.startswith("# "):
                    stripped.append(line[2:])
                else:
                    raise MediakitError(source, "a Markdown cell line must start with '# '",
                                        current["line"] + offset + 1)
            body = stripped
        current["source"] = "\n".join(body)
        cells.append(current)

    for number, line in enumerate(text.splitlines(), start=1):
        m = _MARKER.match(line)
        if m is None:
            lines.append(line.rstrip())
            continue
        close()
        rest = m.group("rest")
        kind = _CELL_TYPE.match(rest)
        cell_type = "code" if kind is None else ("raw" if kind.group("type") == "raw"
                                                 else "markdown")
        tags: list[str] = []
        t = _TAGS.search(rest)
        if t is not None:
            try:
                tags = json.loads(t.group("tags"))
            except json.JSONDecodeError:
                tags = None
            if not isinstance(tags, list) or not all(isinstance(x, str) for x in tags):
                raise MediakitError(source, "tags must be a JSON list of strings", number)
        current = {"cell_type": cell_type, "tags": tags, "line": number}
        lines = []
    close()
    for cell in cells:
        del cell["line"]
    return cells


def select_variant(text: str, variant: str, source: str = "<source>") -> str:
    """Keep the lines of one version of a teaching source.

    Parameters
    ----------
    text : str
        Percent-format source.
    variant : {"full", "solution", "student"}
        ``"full"`` returns the text unchanged; ``"solution"`` drops the
        ``### BEGIN STUDENT`` ... ``### END STUDENT`` blocks, ``"student"`` the
        ``### BEGIN SOLUTION`` ... ``### END SOLUTION`` blocks; both drop the marker lines.
    source : str
        File name for error messages.

    Returns
    -------
    str

    Raises
    ------
    MediakitError
        On an unknown variant, an ``END`` without its ``BEGIN``, a block opened inside
        another, or a block left open.
    """
    if variant not in VARIANTS:
        raise MediakitError(source, f"unknown notebook variant {variant!r} "
                            f"(known: {', '.join(VARIANTS)})")
    if variant == "full":
        return text
    drop = "STUDENT" if variant == "solution" else "SOLUTION"
    kept: list[str] = []
    open_part: str | None = None
    opened_at = 0
    for number, line in enumerate(text.splitlines(), start=1):
        m = _VARIANT_MARKER.match(line)
        if m is None:
            if open_part != drop:
                kept.append(line)
            continue
        part = m.group("part")
        if m.group("edge") == "BEGIN":
            if open_part is not None:
                raise MediakitError(source, f"### BEGIN {part} inside an open {open_part} "
                                    "block", number)
            open_part, opened_at = part, number
        else:
            if open_part != part:
                raise MediakitError(source, f"### END {part} without ### BEGIN {part}", number)
            open_part = None
    if open_part is not None:
        raise MediakitError(source, f"### BEGIN {open_part} is never closed", opened_at)
    return "\n".join(kept) + "\n"


def render_notebook(text: str, source: str = "<source>", variant: str = "full") -> str:
    """The ``.ipynb`` JSON text for a percent-format source (deterministic).

    Parameters
    ----------
    text : str
        Percent-format Python source.
    source : str
        File name for error messages.
    variant : {"full", "solution", "student"}
        Which version of a teaching source to build (see :func:`select_variant`); cells
        tagged ``student`` are left out of the solution and cells tagged ``solution``
        out of the student's copy.

    Returns
    -------
    str
        nbformat 4.5 JSON, one-space indent, sorted keys, final newline; cells have no
        outputs, no execution counts and ids ``cell-00``, ``cell-01``, ...
    """
    other = {"solution": "student", "student": "solution"}.get(variant)
    nb = nbformat.v4.new_notebook()
    nb.metadata = nbformat.from_dict({
        "kernelspec": dict(KERNELSPEC),
        "language_info": {"name": "python"},
    })
    cells = parse_percent(select_variant(text, variant, source), source)
    if other is not None:
        cells = [c for c in cells if other not in c["tags"]]
        for cell in cells:
            cell["tags"] = [t for t in cell["tags"] if t not in ("solution", "student")]
    for i, cell in enumerate(cells):
        meta = {"tags": cell["tags"]} if cell["tags"] else {}
        if cell["cell_type"] == "code":
            new = nbformat.v4.new_code_cell(cell["source"], metadata=meta)
        elif cell["cell_type"] == "markdown":
            new = nbformat.v4.new_markdown_cell(cell["source"], metadata=meta)
        else:
            new = nbformat.v4.new_raw_cell(cell["source"], metadata=meta)
        new["id"] = f"cell-{i:02d}"  # fixed, so rebuilding does not change the file
        nb.cells.append(new)
    nbformat.validate(nb)
    return nbformat.writes(nb) + "\n"


def build_notebook(source: Path, out_dir: Path = NOTEBOOK_DIR, check: bool = False,
                   variant: str = "full") -> bool:
    """Build one notebook; with ``check`` only compare.

    ``variant`` is passed to :func:`render_notebook`.

    Returns
    -------
    bool
        True if the ``.ipynb`` is (or now is) up to date; with ``check``, False when it
        is missing or differs from the build.
    """
    return not (_refresh(source, out_dir, check, variant) and check)


def _refresh(source: Path, out_dir: Path, check: bool, variant: str) -> bool:
    """Whether the notebook of ``source`` was missing or stale; rebuilt unless ``check``."""
    source = Path(source)
    target = Path(out_dir) / f"{source.stem}.ipynb"
    try:
        text = source.read_text("utf-8")
    except OSError as exc:
        raise MediakitError(source, f"cannot read notebook source ({exc.strerror})") from None
    built = render_notebook(text, str(source), variant)
    current = target.read_text("utf-8") if target.is_file() else None
    if current == built:
        return False
    if not check:
        write_atomic(target, built)
    return True


def build_all(src_dir: Path = SOURCE_DIR, out_dir: Path = NOTEBOOK_DIR,
              check: bool = False, variant: str = "full",
              names: tuple[str, ...] = ()) -> list[Path]:
    """Build every ``src_dir/*.py``; return the sources whose notebook was stale.

    Parameters
    ----------
    src_dir, out_dir : Path
        Sources and the folder of built notebooks.
    check : bool
        Only compare, write nothing.
    variant : {"full", "solution", "student"}
        Which version to build (see :func:`select_variant`).
    names : tuple of str
        Build only the sources with these stems (empty: all).

    Returns
    -------
    list of Path
        With ``check``: the sources whose notebook is missing or out of date. Without:
        the sources that were (re)built.
    """
    sources = sorted(Path(src_dir).glob("*.py"))
    if not sources:
        raise MediakitError(src_dir, "no notebook sources (*.py) here")
    if names:
        missing = sorted(set(names) - {source.stem for source in sources})
        if missing:
            raise MediakitError(src_dir, f"no notebook source {', '.join(missing)} "
                                "(*.py) here")
        sources = [source for source in sources if source.stem in names]
    return [source for source in sources if _refresh(source, out_dir, check, variant)]


def build_targets(targets: tuple[Target, ...] = TARGETS, check: bool = False) -> list[Path]:
    """Build (or with ``check`` compare) every target; return the stale notebooks.

    Returns
    -------
    list of Path
        The notebooks (``.ipynb`` paths) that were missing or out of date.
    """
    stale: list[Path] = []
    for target in targets:
        for source in build_all(target.src_dir, target.out_dir, check, target.variant,
                                target.names):
            stale.append(Path(target.out_dir) / f"{source.stem}.ipynb")
    return stale


def main(argv: list[str] | None = None) -> int:
    """``python -m mediakit.notebook_build [--check] [--src DIR] [--out DIR]``."""
    parser = argparse.ArgumentParser(
        prog="python -m mediakit.notebook_build",
        description="Build the notebooks from their sources in notebooks/src")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if a notebook is missing or stale")
    parser.add_argument("--src", type=Path, help="percent-format sources (default: "
                        "notebooks/src and notebooks/src/teaching, built into notebooks/ "
                        "and mediakit/data/notebooks/)")
    parser.add_argument("--out", type=Path, help="built notebooks (with --src)")
    parser.add_argument("--variant", choices=VARIANTS, default="full",
                        help="with --src: which version of teaching sources to build")
    args = parser.parse_args(argv)
    if args.src is None:
        targets = TARGETS
    else:
        targets = (Target(args.src, args.out or args.src, args.variant),)
    try:
        changed = build_targets(targets, check=args.check)
    except MediakitError as exc:
        print(f"notebook_build: {exc.message}", file=sys.stderr)
        return 2
    for notebook in changed:
        verb = "stale" if args.check else "built"
        print(f"{verb}: {notebook}", file=sys.stderr)
    if args.check and changed:
        print("notebook_build: run `python -m mediakit.notebook_build` and commit the result",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
