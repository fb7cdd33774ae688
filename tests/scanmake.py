"""Make scanned (image-only) documents for tests: text typeset onto 300 dpi page images,
clean or degraded (noise, skew, blur), saved as image-only PDFs, TIFFs or PNGs."""

from __future__ import annotations

import io
import random
import re
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

DPI = 300
PAGE = (2550, 3300)  # US letter at 300 dpi
MARGIN = 200
FONT_PX = 38  # about 9 pt at 300 dpi
WIDTH_CHARS = 84
LINES_PER_PAGE = 60

_FONTS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
]


def font() -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for f in _FONTS:
        if Path(f).exists():
            return ImageFont.truetype(f, FONT_PX)
    return ImageFont.load_default(size=FONT_PX)


def split_pages(text: str) -> list[str]:
    """The printed pages of a text file with no form feeds: a page ends where a banner line at
    the foot (and perhaps a stamp line under it) is followed by the same banner at the head of
    the next page."""
    if "\f" in text:
        return text.split("\f")
    lines = text.split("\n")
    banner = re.compile(r"[A-Z][A-Z/ ]{5,}")
    pages: list[list[str]] = [[]]
    i = 0
    while i < len(lines):
        pages[-1].append(lines[i])
        cur = lines[i].strip()
        if banner.fullmatch(cur):
            ahead = [j for j in range(i + 1, len(lines)) if lines[j].strip()][:2]
            nxt = next((j for j in ahead if lines[j].strip() == cur), None)
            if nxt is not None:
                pages[-1].extend(lines[i + 1 : nxt])
                pages.append([])
                i = nxt
                continue
        i += 1
    return ["\n".join(p) for p in pages]


def layout(page_text: str) -> list[str]:
    """Typescript lines: a tab is a wide gap (a margin column), long lines wrapped."""
    out: list[str] = []
    for line in page_text.replace("\t", " " * 8).split("\n"):
        out.extend(textwrap.wrap(line, WIDTH_CHARS, replace_whitespace=False, drop_whitespace=True) if line.strip() else [""])
    return out


def render(lines: list[str]) -> Image.Image:
    im = Image.new("L", PAGE, 255)
    draw = ImageDraw.Draw(im)
    f = font()
    for k, line in enumerate(lines[:LINES_PER_PAGE]):
        draw.text((MARGIN, MARGIN + k * int(FONT_PX * 1.35)), line, fill=0, font=f)
    return im


def degrade(im: Image.Image, seed: int = 7, skew: float = 1.2, blur: float = 1.0, noise: float = 0.004) -> Image.Image:
    """A poor photocopy: rotated by ``skew`` degrees, blurred, speckled."""
    rnd = random.Random(seed)
    out = im.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
    out = out.filter(ImageFilter.GaussianBlur(blur))
    px = out.load()
    assert px is not None
    w, h = out.size
    for _ in range(int(w * h * noise)):
        px[rnd.randrange(w), rnd.randrange(h)] = rnd.choice((0, 90, 255))
    return out


def pages_of(text: str, degraded: bool = False) -> list[Image.Image]:
    ims = [render(layout(p)) for p in split_pages(text)]
    return [degrade(im, seed=i) for i, im in enumerate(ims)] if degraded else ims


def image_pdf(images: list[Image.Image]) -> bytes:
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=DPI, save_all=True, append_images=images[1:])
    return buf.getvalue()


def tiff(images: list[Image.Image]) -> bytes:
    buf = io.BytesIO()
    images[0].save(buf, "TIFF", dpi=(DPI, DPI), compression="group4" if images[0].mode == "1" else "tiff_lzw", save_all=True, append_images=images[1:])
    return buf.getvalue()


def png(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "PNG", dpi=(DPI, DPI))
    return buf.getvalue()


def jpeg(image: Image.Image) -> tuple[bytes, int, int]:
    """A grayscale JPEG and its size, to embed in a PDF (see pdfmake.text_pdf)."""
    buf = io.BytesIO()
    image.convert("L").save(buf, "JPEG", quality=85, dpi=(DPI, DPI))
    return buf.getvalue(), image.width, image.height
