"""PDF text layers, page by page, through PDFium (pypdfium2).

Pages without a usable text layer (scans) are reported in the warnings; reading them with OCR is
the next step (issue 3)."""

from __future__ import annotations

import pypdfium2 as pdfium

MIN_PAGE_CHARS = 20  # fewer printable characters than this: the page has no real text layer


class PdfError(Exception):
    """A PDF that PDFium cannot open, with the reason."""


def read(data: bytes) -> tuple[list[str], str, list[str]]:
    """(text of each page, extractor name, warnings)."""
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        msg = str(e)
        if "password" in msg.lower():
            raise PdfError("encrypted PDF: a password is needed to read it") from e
        raise PdfError(f"not a readable PDF ({msg})") from e
    pages: list[str] = []
    warnings: list[str] = []
    empty: list[int] = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            try:
                text = textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n")
            finally:
                textpage.close()
                page.close()
            if sum(ch.isalnum() for ch in text) < MIN_PAGE_CHARS:
                empty.append(i + 1)
            pages.append(text)
    finally:
        doc.close()
    if empty:
        listed = ", ".join(map(str, empty[:20])) + (" …" if len(empty) > 20 else "")
        warnings.append(f"{len(empty)} of {len(pages)} pages have no text layer (scanned?): page {listed}; OCR is not in this version")
    return pages, f"pdf-text (pdfium, pypdfium2 {pdfium.version.PYPDFIUM_INFO})", warnings
