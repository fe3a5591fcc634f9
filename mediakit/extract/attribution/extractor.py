"""The extractor: the three passes over one document, then speaker resolution."""

from __future__ import annotations

from pathlib import Path

from ...text import Document
from .context import _Ctx
from .direct import _frame_quotations
from .headline import _headline_colon
from .indirect import _report_speech
from .inherit import _inherit_quotations
from .nominal import _nominal_cues
from .record import Attribution
from .resolve import _resolve


def extract_attributions(
    doc: Document, *, verbs_path: str | Path | None = None
) -> list[Attribution]:
    """Find who is quoted or cited in a document.

    Parameters
    ----------
    doc : Document
        A segmented text (:func:`mediakit.text.segment`).
    verbs_path : str or Path, optional
        A reporting-verb list replacing ``mediakit/data/reporting_verbs.txt``.

    Returns
    -------
    list of Attribution
        In text order. Direct quotes (``kind="direct"``), reported speech holding a
        quoted fragment (``"partial"``) and reported speech (``"indirect"``), each
        with content and speaker offsets into ``doc.text`` and a resolved speaker.

    Notes
    -----
    This is the single boundary a statistical backend would replace. The rules are
    described pattern by pattern in ``docs/metrics.md`` (attribution extraction); the run time
    is linear in the length of the text.

    References
    ----------
    Pareti (2016); Newell, Margolin & Ruths (2018); Asr et al. (2021).
    """
    ctx = _Ctx(doc, None if verbs_path is None else str(verbs_path))
    raws, pendings = _frame_quotations(ctx)
    raws = _report_speech(ctx, raws, pendings)
    raws = _nominal_cues(ctx, raws)
    raws = _inherit_quotations(ctx, raws)
    heads = _headline_colon(ctx)
    if heads:
        raws = sorted(raws + heads, key=lambda r: r.anchor)
    return _resolve(ctx, raws)
