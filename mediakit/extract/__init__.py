"""Extraction: what the text says about who speaks (quotations, speakers, cues).

Reads a :class:`~mediakit.text.Document`; knows nothing of metrics, reports or the CLI.
"""
