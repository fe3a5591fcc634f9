"""Extraction: what the text says about who speaks (quotations, speakers, cues).

Reads a :class:`~mediakit.text.Document`; knows nothing of metrics, reports or the CLI.

* :mod:`~mediakit.extract.lexicon`: the word lists (reporting verbs, attribution lexicon,
  first names) and closed word classes;
* :mod:`~mediakit.extract.tokens`: word tokens with offsets;
* :mod:`~mediakit.extract.quotes`: quotation spans;
* :mod:`~mediakit.extract.noun_phrases`: speaker noun phrases;
* :mod:`~mediakit.extract.persons`: the people a document names, with descriptions;
* :mod:`~mediakit.extract.attribution`: who said what (the patterns, by family, and
  speaker resolution).
"""
