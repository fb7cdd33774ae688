"""What a reader says about each page it read: how, and how well."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class PageInfo:
    method: str  # "text" (a text file), "pdf-text" (a PDF text layer), "ocr" (Tesseract)
    quality: float | None = None  # 0..1: common-word share of the text (see read.quality); None: too little text
    ocr_confidence: float | None = None  # 0..1: Tesseract's mean word confidence, OCR'd pages only
    note: str | None = None  # why the page was OCR'd, or why it has no text


@dataclass(slots=True)
class PageTexts:
    """What a paged reader returns: the text of each page, how each was read, the extractor's
    name and warnings."""

    pages: list[str] = field(default_factory=list)
    info: list[PageInfo] = field(default_factory=list)
    extractor: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def ocr(self) -> bool:
        return any(p.method == "ocr" for p in self.info)
