"""Shared fixtures: paths of the repository's sample data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
SEED = RAW / "israel-hamas-war-latest-news.txt"


@pytest.fixture(scope="session")
def seed_article():
    from mediakit import load_articles

    return load_articles(SEED)[0]


@pytest.fixture(scope="session")
def seed_doc(seed_article):
    from mediakit.text import segment

    return segment(seed_article.body)
