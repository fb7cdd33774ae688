"""Optical character recognition with Tesseract, one page image at a time.

declass runs the ``tesseract`` command (Debian ``tesseract-ocr`` and a language pack such as
``tesseract-ocr-eng``) on each page image, as a grayscale PGM on its standard input, and reads its
TSV output: the words, their lines and paragraphs, and a confidence for each word. Only one page
image is in memory at a time, and Tesseract runs single-threaded (``OMP_THREAD_LIMIT=1``): the
batch runs one worker process per core instead."""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache

from declass import settings


def _return_big_buffers_to_the_os() -> None:
    """Page images are megabytes each and made one after another, from several threads. glibc
    raises its mmap threshold after the first is freed and then keeps later ones in per-thread
    heaps, which grow with the page count; a fixed 1 MB threshold gives them back on free."""
    try:
        import ctypes
        import ctypes.util

        name = ctypes.util.find_library("c")
        if name:
            libc = ctypes.CDLL(name)
            libc.mallopt(-3, 1 << 20)  # M_MMAP_THRESHOLD
    except (OSError, AttributeError):
        pass  # not glibc: nothing to do


_return_big_buffers_to_the_os()


class OcrError(Exception):
    """OCR could not run on a page (Tesseract missing, failed, or too slow), with the reason."""


@dataclass(frozen=True, slots=True)
class OcrPage:
    text: str
    confidence: float | None  # mean word confidence, 0..1; None when no word was read
    words: int


@lru_cache(maxsize=1)
def tesseract_version() -> str | None:
    """``"tesseract 5.3.0"``, or None when Tesseract is not installed."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    first = (out.stdout or out.stderr).strip().splitlines()
    return first[0].strip() if first else "tesseract"


@lru_cache(maxsize=8)
def languages() -> frozenset[str]:
    try:
        out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(ln.strip() for ln in out.stdout.splitlines()[1:] if ln.strip())


def check(lang: str) -> str:
    """The Tesseract version string; raises :class:`OcrError` when OCR in ``lang`` cannot run."""
    version = tesseract_version()
    if version is None:
        raise OcrError("OCR needs Tesseract, which is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-eng)")
    missing = [part for part in lang.split("+") if part not in languages()]
    if missing:
        raise OcrError(f"Tesseract has no language data for {'+'.join(missing)} (Debian: apt-get install tesseract-ocr-{missing[0]})")
    return version


def pgm(gray: bytes, width: int, height: int, stride: int | None = None) -> bytes:
    """A binary PGM image from 8-bit grayscale rows (``stride`` bytes apart)."""
    stride = stride or width
    if stride != width:
        gray = b"".join(gray[r * stride : r * stride + width] for r in range(height))
    return b"P5\n%d %d\n255\n" % (width, height) + gray


def command(lang: str, dpi: int, fmt: str = "tsv") -> list[str]:
    """The Tesseract command line declass runs (also used by the benchmark as the baseline)."""
    return ["tesseract", "stdin", "stdout", "-l", lang, "--dpi", str(dpi), "--psm", "3", fmt]


def environment() -> dict[str, str]:
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def ocr_image(image: bytes, lang: str | None = None, dpi: int | None = None) -> OcrPage:
    """OCR one page image (any format Leptonica reads: PGM, PNG, TIFF, JPEG)."""
    s = settings.get()
    lang = lang or s.ocr_lang
    dpi = dpi or s.ocr_dpi
    check(lang)
    try:
        done = subprocess.run(command(lang, dpi), input=image, capture_output=True, timeout=s.ocr_timeout, env=environment())
    except subprocess.TimeoutExpired as e:
        raise OcrError(f"Tesseract took longer than {s.ocr_timeout} s on one page (setting ocr_timeout)") from e
    except OSError as e:
        raise OcrError(f"Tesseract could not run: {e}") from e
    if done.returncode != 0:
        err = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrError(f"Tesseract failed: {err[-1] if err else f'exit status {done.returncode}'}")
    return parse_tsv(done.stdout.decode("utf-8", "replace"))


GAP_CHARS = 3.0  # a space between words wider than this many characters is a column gap


def parse_tsv(tsv: str) -> OcrPage:
    """Text and confidence from Tesseract's TSV: words joined into lines, a blank line between
    paragraphs and blocks, and a tab where words on one line stand apart (a margin column: the
    exemption codes printed beside a withheld passage), as ``pdftotext -layout`` would space them."""
    lines: list[str] = []
    confs: list[float] = []
    cur_key: tuple[str, str, str] | None = None
    cur_par: tuple[str, str] | None = None
    words: list[tuple[str, int, int]] = []  # text, left, width

    def flush() -> None:
        if not words:
            return
        chars = sum(len(w) for w, _, _ in words)
        char_w = sum(wd for _, _, wd in words) / chars if chars else 0
        out = words[0][0]
        for (_, l0, w0), (w, l1, _) in itertools.pairwise(words):
            gap = l1 - (l0 + w0)
            out += ("\t" if char_w and gap > GAP_CHARS * char_w else " ") + w
        lines.append(out)
        words.clear()

    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        word = cols[11].strip()
        if not word:
            continue
        key = (cols[2], cols[3], cols[4])
        if key != cur_key:
            flush()
            par = (cols[2], cols[3])
            if cur_par is not None and par != cur_par:
                lines.append("")
            cur_key, cur_par = key, par
        try:
            left, width = int(cols[6]), int(cols[8])
        except ValueError:
            left, width = 0, 0
        words.append((word, left, width))
        try:
            c = float(cols[10])
        except ValueError:
            c = -1.0
        if c >= 0:
            confs.append(c)
    flush()
    conf = round(sum(confs) / len(confs) / 100.0, 3) if confs else None
    return OcrPage("\n".join(lines) + ("\n" if lines else ""), conf, len(confs))
