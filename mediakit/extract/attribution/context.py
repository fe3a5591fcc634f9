"""Per-document state shared by the passes (:class:`_Ctx`), and the raw attribution
(:class:`_Raw`) they build before speakers are resolved."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ...text import Document
from ..lexicon import load_cue_types, load_cue_words
from ..not_quotations import _not_quotations
from ..noun_phrases import _NP
from ..quotes import quotations
from ..tokens import _Tokens
from .cues import _Cue, _find_cues


@dataclass
class _Raw:
    cs: int
    ce: int
    kind: str
    cue: _Cue | None
    np: _NP | None
    anchor: int  # offset used for ordering and sentence lookup (cue or content start)
    clause_a: int | None = None  # token where the attribution's clause starts
    quote: bool = False  # the content is one quotation (pass 1)
    quotes: list | None = None  # (cs, ce) of the quoted fragments inside (statements)
    continues: _Raw | None = None  # the earlier piece of the same statement
    lead: tuple[int, int] | None = None  # tokens of the content before a tag inside it
    inherit: _Raw | None = None
    elliptic: _Raw | None = None  # "..., but says": subject of an earlier cue
    speaker: str | None = None
    stype: str | None = None
    gender: str | None = None
    desc: str | None = None
    named: bool = False
    rule: str = ""  # the pattern that produced it (a key of RULES)


def _in_quote(tk: _Tokens, quotes: list) -> list[int]:
    """For each token, the index of the quotation (sorted, not overlapping) it starts
    inside, or -1."""
    inside = [-1] * tk.n
    for qi, q in enumerate(quotes):
        a, b = tk.index_at(q.cs), tk.index_at(q.ce)
        inside[a:b] = [qi] * (b - a)
    return inside


class _Ctx:
    """Per-document state shared by the passes."""

    def __init__(self, doc: Document, verbs_path: str | None):
        self.doc = doc
        self.orig = doc.text
        # The text as the quotation rules read it (same length as doc.text), and the
        # quotations: the document's shared layer.
        found = quotations(doc)
        self.t = found.text
        self.tk = _Tokens(self.t)
        self.verbs = load_cue_words(verbs_path)
        self.types = load_cue_types()
        tk = self.tk
        self.quotes = list(found.spans)
        # Titles, nicknames and scare quotes: marked, never attributed (not_quotations).
        self.not_quotation = _not_quotations(self.t, tk, self.quotes)
        self.in_quote = _in_quote(tk, self.quotes)
        # Token ranges of sentences and paragraphs.
        self.sent_starts = [x.start for x in doc.sentences]
        self.sent_tok = []
        for s in doc.sentences:
            self.sent_tok.append((tk.index_at(s.start), tk.index_at(s.end)))
        self.tok_sent = [0] * tk.n
        for si, (a, b) in enumerate(self.sent_tok):
            self.tok_sent[a:b] = [si] * (b - a)
        self.para_tok = [(tk.index_at(p.start), tk.index_at(p.end)) for p in doc.paragraphs]
        from .headline import _title_case_tokens

        self.title_case = _title_case_tokens(tk, self.para_tok)
        self.cues = _find_cues(tk, self.verbs, self.in_quote, self.types, self.title_case)
        self.cue_at = {c.k0: c for c in self.cues}
        self.cue_k0 = [c.k0 for c in self.cues]
        self.used: set[int] = set()  # cues that introduce an attribution
        self.framed: dict = {}  # quotation index -> its attribution (pass 1)
        self.quote_raws: dict = {}  # sentence -> attributions of quotations (pass 1)

    def sentence_of(self, offset: int) -> int:
        s = self.doc.sentence_at(offset)
        if s is not None:
            return s.index
        i = bisect.bisect_right(self.sent_starts, offset) - 1
        return max(i, 0)

    def para_of(self, offset: int) -> int:
        return self.doc.sentences[self.sentence_of(offset)].paragraph if self.doc.sentences else 0

    def cues_between(self, a: int, b: int) -> list[_Cue]:
        lo = bisect.bisect_left(self.cue_k0, a)
        hi = bisect.bisect_left(self.cue_k0, b)
        return self.cues[lo:hi]
