"""A batch killed with SIGKILL and started again ends with exactly one record per document."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

FIX = Path(__file__).parent / "fixtures"
CLI = [sys.executable, "-m", "declass.cli"]


def make_folder(folder: Path, n: int) -> None:
    texts = [p.read_bytes() for p in sorted(FIX.iterdir()) if p.suffix in (".txt", ".md")]
    folder.mkdir()
    for i in range(n):
        (folder / f"doc{i:04d}.txt").write_bytes(texts[i % len(texts)] + f"\nCopy {i}.\n".encode())


def test_killed_batch_resumes_without_loss_or_repeats(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    make_folder(docs, 600)
    out = tmp_path / "records.jsonl"
    journal = tmp_path / "records.jsonl.part.journal"
    cmd = [*CLI, "parse", "--jsonl", "--no-raw-text", "--workers", "1", "--out", str(out), str(docs)]
    env = {**os.environ, "DECLASS_SPACY_MODEL": "none"}  # the batch is under test here, not the model
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.time() + 60
    while time.time() < deadline and (not journal.exists() or journal.stat().st_size < 2000):
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists(), "a killed run must not leave a finished-looking output"
    assert journal.exists()
    first_pass = len(journal.read_text().splitlines())
    assert 0 < first_pass < 600
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert p.returncode == 0, p.stderr
    assert "resuming" in p.stderr
    names = [Path(json.loads(line)["source"]["path"]).name for line in out.read_text().splitlines()]
    assert len(names) == len(set(names)) == 600
    assert not journal.exists() and not (tmp_path / "records.jsonl.part").exists()


def test_finished_run_replaces_output_and_a_new_run_starts_fresh(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    make_folder(docs, 12)
    out = tmp_path / "r.jsonl"
    cmd = [*CLI, "parse", "--jsonl", "--out", str(out), str(docs)]
    subprocess.run(cmd, check=True, capture_output=True)
    subprocess.run(cmd, check=True, capture_output=True)
    assert len(out.read_text().splitlines()) == 12


def _running_with(arg: str) -> list[int]:
    """Live processes whose command line holds ``arg``."""
    pids = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                cmd = (d / "cmdline").read_bytes().split(b"\0")
                status = (d / "status").read_text()
            except OSError:
                continue
            if arg.encode() in cmd and "State:\tZ" not in status:
                pids.append(int(d.name))
    return pids


def make_mixed_folder(folder: Path) -> int:
    """1,000 files of every kind a release holds: text, text-layer PDFs, page scans, e-mails with
    attachments, zips, byte-for-byte duplicates and one corrupt PDF. Returns the number of
    distinct documents in it."""
    import io
    import zipfile
    from email.message import EmailMessage

    import scanmake
    from pdfmake import text_pdf

    texts = [p.read_bytes() for p in sorted(FIX.iterdir()) if p.suffix in (".txt", ".md")]
    folder.mkdir()
    n_docs = 0
    for i in range(700):
        (folder / f"t{i:04d}.txt").write_bytes(texts[i % len(texts)] + f"\nCopy {i}.\n".encode())
        n_docs += 1
    for i in range(100):  # the same bytes under another name: one record
        (folder / f"dup{i:03d}.txt").write_bytes((folder / f"t{i * 7:04d}.txt").read_bytes())
    for i in range(150):
        lines = ["RELEASE IN FULL", f"UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C0{5700000 + i} Date: 08/31/2015", f"Subject: Note {i}", "A page of text."]
        (folder / f"p{i:03d}.pdf").write_bytes(text_pdf([lines]))
        n_docs += 1
    for i in range(20):
        im = scanmake.render(["RELEASED IN FULL", "", f"Memorandum number {i} on the visit of the delegation."])
        (folder / f"scan{i:02d}.png").write_bytes(scanmake.png(im))
        n_docs += 1
    for i in range(20):
        msg = EmailMessage()
        msg["From"] = "Mills, Cheryl D <MillsCD@state.gov>"
        msg["To"] = "H"
        msg["Subject"] = f"Note {i}"
        msg.set_content(f"See the attached note {i}.\n")
        msg.add_attachment(f"Attached note {i}.\n".encode(), maintype="text", subtype="plain", filename=f"a{i}.txt")
        (folder / f"m{i:02d}.eml").write_bytes(bytes(msg))
        n_docs += 2
    for i in range(9):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            for k in range(3):
                z.writestr(f"z{i}/{k}.txt", f"Zipped document {i}-{k}.\nRELEASE IN FULL\n")
        (folder / f"z{i}.zip").write_bytes(buf.getvalue())
        n_docs += 3
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    assert len(list(folder.iterdir())) == 1000
    return n_docs


def test_mixed_folder_of_1000_files_killed_and_restarted(tmp_path: Path) -> None:
    """Two workers, a progress bar on a terminal, SIGKILL half-way, the same command again:
    exactly one record per distinct document, the corrupt file reported, nothing half-written."""
    import pty

    docs = tmp_path / "docs"
    distinct = make_mixed_folder(docs)
    out = tmp_path / "records.jsonl"
    journal = tmp_path / "records.jsonl.part.journal"
    cmd = [*CLI, "parse", "--jsonl", "--no-raw-text", "--workers", "2", "--out", str(out), str(docs)]

    def on_terminal(kill_after: int | None) -> tuple[int, str]:
        """Run with stderr on a pseudo-terminal (so the progress bar draws); SIGKILL it once the
        journal lists ``kill_after`` finished files."""
        master, slave = pty.openpty()
        env = {**os.environ, "COLUMNS": "120", "DECLASS_SPACY_MODEL": "none"}  # the batch is under test, not the model
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=slave, env=env)
        os.close(slave)
        seen = b""
        deadline = time.time() + 600
        os.set_blocking(master, False)
        while proc.poll() is None and time.time() < deadline:
            try:
                seen += os.read(master, 65536)
            except (BlockingIOError, OSError):
                time.sleep(0.02)
            if kill_after is not None and journal.exists() and len(journal.read_bytes().splitlines()) >= kill_after:
                os.kill(proc.pid, signal.SIGKILL)
                break
        proc.wait()
        try:
            while chunk := os.read(master, 65536):
                seen += chunk
        except (BlockingIOError, OSError):
            pass
        os.close(master)
        return proc.returncode, seen.decode("utf-8", "replace")

    code, screen = on_terminal(kill_after=500)
    assert code == -signal.SIGKILL
    # the killed run's worker processes end with it (they carry its command line)
    deadline = time.time() + 10
    while time.time() < deadline and _running_with(str(out)):
        time.sleep(0.1)
    assert not _running_with(str(out)), "workers outlived the killed batch"
    assert "reading" in screen and "docs/s" in screen  # the progress bar with its rate
    assert not out.exists()
    code, screen = on_terminal(kill_after=None)
    assert code == 1, screen  # one file failed: the corrupt PDF
    assert "resuming" in screen and "broken.pdf" in screen
    records = [json.loads(line) for line in out.read_text().splitlines()]
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)) == distinct
    files = {Path(r["source"]["path"].split("!")[0]).name for r in records}
    assert len(files) == 1000 - 1 - 100 and "broken.pdf" not in files
    assert all((f"dup{i:03d}.txt" in files) != (f"t{i * 7:04d}.txt" in files) for i in range(100))  # one of each pair
    assert sum(r["source"]["ocr"] for r in records) == 20
