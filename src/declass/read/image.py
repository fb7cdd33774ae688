"""Page images (TIFF, PNG, JPEG, GIF; multi-page TIFF too) read with Tesseract OCR.

The image's size is checked from its header before any pixel is decoded (setting
``max_image_pixels``), and frames are OCR'd one at a time."""

from __future__ import annotations

import io

from PIL import Image, ImageSequence, UnidentifiedImageError

from declass import settings
from declass.read import ocr, quality
from declass.read.page import PageInfo, PageTexts

Image.MAX_IMAGE_PIXELS = None  # declass checks the size itself, with its own setting and message


class ImageError(Exception):
    """An image that cannot be read, with the reason."""


ImageText = PageTexts


def read(data: bytes, lang: str | None = None) -> ImageText:
    s = settings.get()
    lang = lang or s.ocr_lang
    if s.ocr == "skip":
        raise ImageError("a page image can only be read with OCR, and OCR is off (setting ocr=skip)")
    try:
        version = ocr.check(lang)
    except ocr.OcrError as e:
        raise ImageError(str(e)) from e
    try:
        im = Image.open(io.BytesIO(data))
    except (UnidentifiedImageError, OSError, ValueError) as e:
        raise ImageError(f"not a readable image ({e})") from e
    out = ImageText(extractor=version)
    with im:
        w, h = im.size
        if w * h > s.max_image_pixels:
            raise ImageError(f"image is {w:,} x {h:,} pixels, over the limit of {s.max_image_pixels:,} (setting max_image_pixels)")
        try:
            for i, frame in enumerate(ImageSequence.Iterator(im)):
                if i >= s.max_pages:
                    out.warnings.append(f"image has more than {s.max_pages:,} frames; only the first {s.max_pages:,} were read (setting max_pages)")
                    break
                fw, fh = frame.size
                if fw * fh > s.max_image_pixels:
                    raise ImageError(f"frame {i + 1} is {fw:,} x {fh:,} pixels, over the limit of {s.max_image_pixels:,} (setting max_image_pixels)")
                gray = frame.convert("L")
                dpi = _dpi(frame)
                try:
                    got = ocr.ocr_image(ocr.pgm(gray.tobytes(), fw, fh), lang, dpi)
                except ocr.OcrError as e:
                    out.pages.append("")
                    out.info.append(PageInfo("ocr", None, None, f"OCR failed: {e}"))
                    out.warnings.append(f"page {i + 1}: OCR failed: {e}")
                    continue
                out.pages.append(got.text)
                out.info.append(PageInfo("ocr", quality.assess(got.text).score, got.confidence, "page image"))
        except (OSError, ValueError, EOFError) as e:  # truncated or damaged image data
            if not out.pages:
                raise ImageError(f"damaged image ({e})") from e
            out.warnings.append(f"image damaged after page {len(out.pages)}: {e}")
    return out


def _dpi(frame: Image.Image) -> int:
    """The resolution the image says it has; 300 when it says nothing plausible."""
    dpi = frame.info.get("dpi")
    try:
        x = round(float(dpi[0])) if dpi else 0
    except (TypeError, ValueError, IndexError):
        x = 0
    return x if 70 <= x <= 1200 else settings.get().ocr_dpi
