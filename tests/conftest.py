"""Shared fixtures: one spaCy pipeline per test session, and the seed article."""

from pathlib import Path

import pytest

from helpers import config
from helpers.ingest.nlp import load_nlp

SEED = config.DATA_RAW / f"{config.DEFAULT_ARTICLE}.txt"
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


@pytest.fixture(scope="session")
def seed_path():
    return SEED
