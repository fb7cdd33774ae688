from __future__ import annotations

import json
from pathlib import Path

import pytest

import declass
from declass.record import Record

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def seed() -> Record:
    return declass.parse(FIXTURES / "state-inr-mexico-2010.txt")


@pytest.fixture(scope="session")
def seed_gold() -> dict:  # type: ignore[type-arg]
    return json.loads((FIXTURES / "state-inr-mexico-2010.gold.json").read_text())
