"""PDFs, page by page: the text layer through PDFium (pypdfium2), Tesseract OCR for pages
without a usable one.

A page is OCR'd when the setting ``ocr`` is ``force``, or when it is ``auto`` (the default) and
the page has no text layer or a garbage one (see :mod:`declass.read.quality`). Each page is
rendered at ``ocr_dpi`` in grayscale, handed to Tesseract and dropped before the next one, so
memory does not grow with the page count."""

from __future__ import annotations

from dataclasses import dataclass, field

import pypdfium2 as pdfium

from declass import settings
from declass.read import ocr, quality
from declass.read.page import PageInfo

MIN_PAGE_CHARS = 20  # fewer letters and digits than this: the page has no real text layer


class PdfError(Exception):
    """A PDF that PDFium cannot open, with the reason."""


@dataclass(slots=True)
class PdfText:
    pages: list[str] = field(default_factory=list)
    info: list[PageInfo] = field(default_factory=list)
    extractor: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def ocr(self) -> bool:
        return any(p.method == "ocr" for p in self.info)


def _listed(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers[:20])) + (" …" if len(numbers) > 20 else "")


def read(data: bytes, mode: str | None = None, lang: str | None = None) -> PdfText:
    """Text of each page, how it was read, and warnings. ``mode`` is auto, force or skip (default:
    the ``ocr`` setting)."""
    s = settings.get()
    mode = mode or s.ocr
    lang = lang or s.ocr_lang
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        msg = str(e)
        if "password" in msg.lower():
            raise PdfError("encrypted PDF: a password is needed to read it") from e
        raise PdfError(f"not a readable PDF ({msg})") from e
    out = PdfText()
    no_layer: list[int] = []
    garbage: list[int] = []
    failed: list[tuple[int, str]] = []
    blank: list[int] = []  # OCR'd and found no words
    ocr_unavailable: str | None = None
    try:
        n = len(doc)
        if n > s.max_pages:
            out.warnings.append(f"PDF has {n:,} pages; only the first {s.max_pages:,} were read (setting max_pages)")
            n = s.max_pages
        for i in range(n):
            page = doc[i]
            try:
                textpage = page.get_textpage()
                try:
                    text = textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n")
                finally:
                    textpage.close()
                q = quality.assess(text)
                empty = sum(ch.isalnum() for ch in text) < MIN_PAGE_CHARS
                if empty:
                    reason = "no text layer"
                elif quality.is_garbage(q):
                    reason = f"garbage text layer ({q.reason})"
                else:
                    reason = "OCR forced" if mode == "force" else ""
                want_ocr = mode == "force" or (mode == "auto" and bool(reason))
                if want_ocr and ocr_unavailable is None:
                    try:
                        ocr.check(lang)
                    except ocr.OcrError as e:
                        ocr_unavailable = str(e)
                if want_ocr and ocr_unavailable is None:
                    try:
                        got = ocr.ocr_image(render(page, s.ocr_dpi), lang, s.ocr_dpi)
                    except ocr.OcrError as e:
                        failed.append((i + 1, str(e)))
                    else:
                        if got.words == 0:
                            blank.append(i + 1)
                        out.pages.append(got.text)
                        out.info.append(PageInfo("ocr", quality.assess(got.text).score, got.confidence, reason))
                        continue
                if empty:
                    no_layer.append(i + 1)
                elif quality.is_garbage(q):
                    garbage.append(i + 1)
                out.pages.append(text)
                out.info.append(PageInfo("pdf-text", q.score, None, reason or None))
            finally:
                page.close()
    finally:
        doc.close()
    total = len(out.pages)
    if no_layer:
        why = f"; not OCR'd: {ocr_unavailable}" if ocr_unavailable else ("; OCR is off (setting ocr=skip)" if mode == "skip" else "")
        out.warnings.append(f"{len(no_layer)} of {total} pages have no text layer (scanned?): page {_listed(no_layer)}{why}")
    if garbage:
        why = f"; not OCR'd: {ocr_unavailable}" if ocr_unavailable else ("; OCR is off (setting ocr=skip)" if mode == "skip" else "")
        out.warnings.append(f"{len(garbage)} of {total} pages have a garbage text layer: page {_listed(garbage)}{why}")
    if blank:
        out.warnings.append(f"{len(blank)} of {total} pages are blank (no text layer, and OCR found no words): page {_listed(blank)}")
    for number, reason in failed:
        out.warnings.append(f"page {number}: OCR failed, text layer kept: {reason}")
    methods = []
    if any(p.method == "pdf-text" for p in out.info):
        methods.append(f"pdf-text (pdfium {pdfium.version.PDFIUM_INFO.build})")
    if out.ocr:
        methods.append(ocr.tesseract_version() or "tesseract")
    out.extractor = " + ".join(methods) or f"pdf-text (pdfium {pdfium.version.PDFIUM_INFO.build})"
    return out


def render(page: pdfium.PdfPage, dpi: int) -> bytes:
    """One page as a grayscale PGM image at ``dpi``."""
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    try:
        return ocr.pgm(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride)
    finally:
        bitmap.close()
