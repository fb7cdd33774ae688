"""PDF and OCR throughput, each beside its baseline in the same run.

    .venv/bin/python bench/pdf_ocr.py [--docs 100] [--ocr-pages 8] [--mem-pages 500]

1. Text-layer PDFs: pages/s of declass (PDFium text + the whole anatomy) beside ``pdftotext
   -layout`` (poppler) on the same files.
2. OCR: pages/s of declass on an image-only PDF (render at 300 dpi + Tesseract + anatomy) beside
   the plain ``tesseract`` command on the same page images, on one core and on all cores.
   declass's overhead over raw Tesseract is the goal (<= 10 %).
   (Entity extraction is off here, DECLASS_EXTRACT=0: bench/extract_throughput.py measures it.)
3. Memory: peak resident memory of declass reading a scanned PDF of N pages and of N/10 pages.
   The ratio should stay near 1: pages are streamed, not held.

Documents come from ../shared/corpora/state-foia-dev.jsonl.gz when it exists, else from
tests/fixtures. Needs Debian tesseract-ocr and poppler-utils (scripts/system-packages).
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the fixture makers the tests use
os.environ.setdefault("DECLASS_EXTRACT", "0")  # reading and anatomy; bench/extract_throughput.py measures extraction

import declass  # noqa: E402
import scanmake  # noqa: E402
from declass import settings  # noqa: E402
from declass.read import ocr  # noqa: E402
from pdfmake import text_pdf  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "state-foia-dev.jsonl.gz"
CORES = os.cpu_count() or 1


def texts(n: int) -> list[str]:
    out: list[str] = []
    if CORPUS.exists():
        with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
            for line in f:
                t = json.loads(line)["text"]
                if len(t) > 800:
                    out.append(t)
                if len(out) >= n:
                    return out
    fixtures = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures").iterdir()) if p.suffix in (".txt", ".md")]
    while len(out) < n:
        out.extend(fixtures)
    return out[:n]


def pdf_pages(text: str) -> list[list[str]]:
    """The document's pages (form feeds, else banner joins), laid out 60 lines a page."""
    pages: list[list[str]] = []
    for p in scanmake.split_pages(text):
        lines = scanmake.layout(p)
        pages.extend(lines[i : i + 60] for i in range(0, max(1, len(lines)), 60))
    return pages


def rate(n: int, seconds: float) -> str:
    return f"{n / seconds:8.1f} pages/s" if seconds > 0 else "n/a"


def bench_text_layer(tmp: Path, n_docs: int) -> None:
    files: list[Path] = []
    pages = 0
    for i, t in enumerate(texts(n_docs)):
        pp = pdf_pages(t)
        pages += len(pp)
        f = tmp / f"doc{i:04d}.pdf"
        f.write_bytes(text_pdf(pp))
        files.append(f)
    t0 = time.perf_counter()
    for f in files:
        subprocess.run(["pdftotext", "-layout", str(f), "-"], capture_output=True, check=True)
    base = time.perf_counter() - t0
    with settings.override(ocr="skip"):
        t0 = time.perf_counter()
        for f in files:
            declass.parse(f)
        ours = time.perf_counter() - t0
    print(f"text-layer PDF, {len(files)} files, {pages} pages, one core")
    print(f"  pdftotext -layout   {rate(pages, base)}")
    print(f"  declass parse       {rate(pages, ours)}   ({base / ours:.2f} x pdftotext; declass also reads the anatomy)")


def bench_ocr(tmp: Path, n_pages: int) -> None:
    images = []
    for t in texts(n_pages * 2):
        for p in pdf_pages(t):
            images.append(scanmake.render(p))
            if len(images) >= n_pages:
                break
        if len(images) >= n_pages:
            break
    pgms = [ocr.pgm(im.tobytes(), im.width, im.height) for im in images]
    scanned = tmp / "scanned.pdf"
    scanned.write_bytes(scanmake.image_pdf(images))
    cmd = ocr.command("eng", 300)
    env = ocr.environment()

    def tesseract(img: bytes) -> None:
        subprocess.run(cmd, input=img, capture_output=True, check=True, env=env)

    print(f"OCR, {len(images)} page images at 300 dpi ({ocr.tesseract_version()}, OMP_THREAD_LIMIT=1)")
    for jobs in sorted({1, CORES}):
        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=jobs) as ex:
            list(ex.map(tesseract, pgms))
        base = time.perf_counter() - t0
        with settings.override(ocr_jobs=jobs):
            t0 = time.perf_counter()
            rec = declass.parse(scanned)
            ours = time.perf_counter() - t0
        assert rec.source.ocr
        label = "one core " if jobs == 1 else f"{jobs} cores  "
        print(f"  {label} tesseract {rate(len(images), base)}   declass {rate(len(images), ours)}   overhead {ours / base - 1:+.1%}")


def peak_rss(pdf: Path) -> float:
    """Peak resident memory (MB) of a fresh process that parses ``pdf``."""
    # VmHWM, the peak of this process's own memory since exec (ru_maxrss would also count the
    # parent's pages a forked child shared before exec)
    code = "import re, sys, declass; declass.parse(sys.argv[1]); print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))"
    env = {**os.environ, "DECLASS_OCR_JOBS": str(CORES)}
    out = subprocess.run([sys.executable, "-c", code, str(pdf)], capture_output=True, text=True, check=True, env=env)
    return int(out.stdout.strip()) / 1024


def bench_memory(tmp: Path, n_pages: int) -> None:
    results = []
    for n in (max(1, n_pages // 10), n_pages):
        pdf = tmp / f"scan{n}.pdf"
        pages = [scanmake.render([f"Page {k + 1} of {n}", "", "RELEASED IN FULL", "A short line of typescript on each page."]) for k in range(min(n, 20))]
        images = [pages[k % len(pages)] for k in range(n)]
        pdf.write_bytes(scanmake.image_pdf(images))
        del pages, images
        gc.collect()
        t0 = time.perf_counter()
        mb = peak_rss(pdf)
        results.append((n, mb, time.perf_counter() - t0, pdf.stat().st_size / 1e6))
    print(f"memory, scanned PDF read with OCR on {CORES} cores")
    for n, mb, secs, size in results:
        print(f"  {n:5d} pages ({size:6.1f} MB file)   peak {mb:7.1f} MB   {rate(n, secs)}")
    print(f"  peak memory ratio {results[1][0]} / {results[0][0]} pages: {results[1][1] / results[0][1]:.2f} (1.00 = does not grow with page count)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100, help="text-layer PDFs")
    ap.add_argument("--ocr-pages", type=int, default=8, help="page images for the OCR comparison")
    ap.add_argument("--mem-pages", type=int, default=500, help="pages of the scanned PDF for the memory check (0: skip)")
    args = ap.parse_args()
    if ocr.tesseract_version() is None:
        sys.exit("bench/pdf_ocr.py needs Tesseract and pdftotext: run scripts/system-packages")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        bench_text_layer(tmp, args.docs)
        bench_ocr(tmp, args.ocr_pages)
        if args.mem_pages:
            bench_memory(tmp, args.mem_pages)


if __name__ == "__main__":
    main()
