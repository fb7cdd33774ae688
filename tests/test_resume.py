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
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and (not journal.exists() or journal.stat().st_size < 2000):
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists(), "a killed run must not leave a finished-looking output"
    assert journal.exists()
    first_pass = len(journal.read_text().splitlines())
    assert 0 < first_pass < 600
    p = subprocess.run(cmd, capture_output=True, text=True)
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
