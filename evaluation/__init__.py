"""Evaluation harnesses for annotated corpora kept outside the repository (not shipped).

``python -m evaluation polnear PATH [--split dev]`` scores attribution extraction on PolNeAR;
``python -m evaluation unknown-roles PATH [--split train]`` counts sources of role unknown
and by source type on PolNeAR; ``python -m evaluation casualty PATH`` scores harm mentions
and victim sides on the casualty sentences; ``python -m evaluation gold tests/gold`` scores
the project's own hand gold on
every task. Scoring on a researcher's own gold ships with the package:
``python -m mediakit.evaluate``.
"""
