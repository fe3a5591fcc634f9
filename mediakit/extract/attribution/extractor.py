"""The extractor: the three passes over one document, then speaker resolution."""

from __future__ import annotations

from pathlib import Path

from ...text import Document
from ..not_quotations import _records
from ..page_lines import page_lines
from ..quotes import open_quotations
from .context import _Ctx
from .direct import _frame_quotations
from .headline import _headline_colon
from .indirect import _report_speech
from .inherit import _inherit_quotations
from .nominal import _nominal_cues
from .record import Attribution
from .resolve import _resolve
from .statements import _finish, _lead_pieces, _whole_statements


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
        quoted fragment (``"partial"``, the whole reported clause, its fragments in
        ``quotes``) and reported speech (``"indirect"``), each with content and speaker
        offsets into ``doc.text``, a resolved speaker and its statement
        (``quote_group``, ``continuation``; :mod:`.statements`).

    Notes
    -----
    This is the single boundary a statistical backend would replace. The rules are
    described pattern by pattern in ``docs/metrics.md`` (attribution extraction); the run time
    is linear in the length of the text.

    References
    ----------
    Pareti (2016); Newell, Margolin & Ruths (2018); Asr et al. (2021).
    """
    return _extract(doc, verbs_path)[0]


def extract_with_marks(
    doc: Document, *, verbs_path: str | Path | None = None
) -> tuple[list[Attribution], dict]:
    """The attributions of a document and what its quotation marks and lines say besides.

    Parameters
    ----------
    doc : Document
        A segmented text.
    verbs_path : str or Path, optional
        A reporting-verb list replacing the packaged one.

    Returns
    -------
    (list of Attribution, dict)
        :func:`extract_attributions`'s records, and ``open_quotations``
        (:func:`mediakit.extract.quotes.open_quotations`), ``not_quotations``
        (:func:`mediakit.extract.not_quotations.not_quotations`) and ``page_lines``
        (:func:`mediakit.extract.page_lines.page_lines`), read in the same pass.
    """
    atts, ctx, lines = _extract(doc, verbs_path)
    return atts, {"open_quotations": open_quotations(doc),
                  "not_quotations": _records(doc, ctx.quotes, ctx.not_quotation),
                  "page_lines": lines}


def _extract(doc: Document, verbs_path: str | Path | None
             ) -> tuple[list[Attribution], _Ctx, dict[int, str]]:
    ctx = _Ctx(doc, None if verbs_path is None else str(verbs_path))
    raws, pendings = _frame_quotations(ctx)
    raws = _report_speech(ctx, raws, pendings)
    raws = _nominal_cues(ctx, raws)
    raws = _lead_pieces(ctx, _whole_statements(ctx, raws))
    raws = _inherit_quotations(ctx, raws)
    heads = _headline_colon(ctx)
    if heads:
        raws = sorted(raws + heads, key=lambda r: r.anchor)
    lines = page_lines(doc)
    return _finish(ctx, raws, _resolve(ctx, raws), lines), ctx, lines
