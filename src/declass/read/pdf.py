"""PDFs, page by page: the text layer through PDFium (pypdfium2), Tesseract OCR for pages
without a usable one.

A page is OCR'd when the setting ``ocr`` is ``force``, or when it is ``auto`` (the default) and
the page has no text layer or a garbage one (see :mod:`declass.read.quality`). Each page is
rendered at ``ocr_dpi`` in grayscale and handed to Tesseract; at most ``2 x ocr_jobs`` page
images are held at once, so memory does not grow with the page count. ``ocr_jobs`` Tesseract
processes run at once on one PDF (the batch sets it so that all cores are used, never more)."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from declass import settings
from declass.read import ocr, quality
from declass.read.page import PageInfo, PageTexts

REOPEN_EVERY = 50  # pages read before the document is reopened
MIN_PAGE_CHARS = 20  # fewer letters and digits than this: the page has no real text layer
# why a page is OCR'd (PageInfo.note)
NO_LAYER = "no text layer"
GARBAGE = "garbage text layer"


class PdfError(Exception):
    """A PDF that PDFium cannot open, with the reason."""


PdfText = PageTexts


def _listed(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers[:20])) + (" …" if len(numbers) > 20 else "")


def read(data: bytes | str, mode: str | None = None, lang: str | None = None) -> PdfText:
    """Text of each page, how it was read, and warnings. ``data`` is the PDF's bytes or its path
    (PDFium then reads the file as it needs it: a large scan is never all in memory). ``mode`` is
    auto, force or skip (default: the ``ocr`` setting)."""
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
    # pages waiting for OCR: index -> (future, text layer, its quality, why OCR); at most
    # 2 x ocr_jobs rendered page images exist at any time
    pending: dict[int, tuple[Future[ocr.OcrPage], str, quality.Quality, str]] = {}
    jobs = max(1, s.ocr_jobs)
    pool = ThreadPoolExecutor(max_workers=jobs) if mode != "skip" else None

    def keep_layer(i: int, text: str, q: quality.Quality, reason: str) -> None:
        if reason == NO_LAYER:
            no_layer.append(i + 1)
        elif reason.startswith(GARBAGE):
            garbage.append(i + 1)
        out.pages[i] = text
        out.info[i] = PageInfo("pdf-text", q.score, None, reason or None)

    def collect(i: int) -> None:
        fut, text, q, reason = pending.pop(i)
        try:
            got = fut.result()
        except ocr.OcrError as e:
            failed.append((i + 1, str(e)))
            keep_layer(i, text, q, reason)
            return
        if got.words == 0:
            blank.append(i + 1)
        out.pages[i] = got.text
        out.info[i] = PageInfo("ocr", quality.assess(got.text).score, got.confidence, reason)

    try:
        n = len(doc)
        if n > s.max_pages:
            out.warnings.append(f"PDF has {n:,} pages; only the first {s.max_pages:,} were read (setting max_pages)")
            n = s.max_pages
        out.pages = [""] * n
        out.info = [PageInfo("pdf-text")] * n
        for i in range(n):
            if i and i % REOPEN_EVERY == 0:
                # PDFium caches decoded page content in the document: reopening it keeps memory
                # flat however many pages the file has
                doc.close()
                doc = pdfium.PdfDocument(data)
            page = doc[i]
            try:
                textpage = page.get_textpage()
                try:
                    text = textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n")
                finally:
                    textpage.close()
                q = quality.assess(text)
                if sum(ch.isalnum() for ch in text) < MIN_PAGE_CHARS:
                    reason = NO_LAYER
                elif quality.is_garbage(q):
                    reason = f"{GARBAGE} ({q.reason})"
                else:
                    reason = "OCR forced" if mode == "force" else ""
                want_ocr = mode == "force" or (mode == "auto" and bool(reason))
                if want_ocr and ocr_unavailable is None:
                    try:
                        ocr.check(lang)
                    except ocr.OcrError as e:
                        ocr_unavailable = str(e)
                if want_ocr and ocr_unavailable is None and pool is not None:
                    while len(pending) >= 2 * jobs:
                        collect(min(pending))
                    image, dpi = page_image(page, s.ocr_dpi, allow_text=mode != "force")
                    pending[i] = (pool.submit(ocr.ocr_image, image, lang, dpi), text, q, reason)
                else:
                    keep_layer(i, text, q, reason)
            finally:
                page.close()
        while pending:
            collect(min(pending))
    finally:
        for fut, *_ in pending.values():
            fut.cancel()
        if pool is not None:
            pool.shutdown(wait=True)
        doc.close()
    no_layer.sort()
    garbage.sort()
    blank.sort()
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


def page_image(page: pdfium.PdfPage, dpi: int, allow_text: bool = True) -> tuple[bytes, int]:
    """The page as a grayscale PGM and its resolution. A scan (one upright image covering the
    page, perhaps under an invisible text layer) gives its own pixels, decoded but not
    re-rendered; any other page is rendered at ``dpi``."""
    native = _scan_image(page, allow_text)
    return native if native is not None else (render(page, dpi), dpi)


def _scan_image(page: pdfium.PdfPage, allow_text: bool) -> tuple[bytes, int] | None:
    if page.get_rotation() % 360:
        return None
    images = []
    for obj in page.get_objects(max_depth=1):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images.append(obj)
        elif not (allow_text and obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT):
            return None
        if len(images) > 1:
            return None
    if len(images) != 1:
        return None
    img = images[0]
    m = img.get_matrix()
    if abs(m.b) > 1e-6 or abs(m.c) > 1e-6 or m.a <= 0 or m.d <= 0:
        return None  # rotated or mirrored: let PDFium render it
    width_pt, height_pt = page.get_size()
    left, bottom, right, top = img.get_bounds()
    if (right - left) * (top - bottom) < 0.9 * width_pt * height_pt:
        return None
    try:
        bitmap = img.get_bitmap(render=False)
    except pdfium.PdfiumError:
        return None
    # (a bitmap PDFium owns is freed with its image object: not closed here)
    if bitmap.n_channels != 1 or bitmap.width < 300:
        return None
    dpi = round(bitmap.width / (width_pt / 72))
    if not 70 <= dpi <= 1200:
        return None
    return ocr.pgm(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride), dpi


def render(page: pdfium.PdfPage, dpi: int) -> bytes:
    """One page as a grayscale PGM image at ``dpi``."""
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    try:
        return ocr.pgm(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride)
    finally:
        bitmap.close()
