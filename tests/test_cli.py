"""The CLI: summary, --json and --jsonl over files and folders."""

import json
import subprocess
import sys
from pathlib import Path

FIX = Path(__file__).parent / "fixtures"
SEED = FIX / "state-inr-mexico-2010.txt"
CLI = [sys.executable, "-m", "declass.cli"]


def test_json_one_record_round_trips() -> None:
    p = subprocess.run([*CLI, "parse", "--json", str(SEED)], capture_output=True, text=True, check=True)
    rec = json.loads(p.stdout)
    assert rec["format"] == "declass/1"
    for key in (
        "id",
        "source",
        "raw_text",
        "text",
        "pages",
        "release",
        "classification",
        "header",
        "authorship",
        "date",
        "redactions",
        "entities",
        "events",
        "quantities",
        "warnings",
    ):
        assert key in rec
    assert rec["header"]["from"] is None and "from_" not in rec["header"]
    from declass.record import Record

    assert Record.from_dict(rec).to_dict() == rec


def test_jsonl_over_a_folder_in_parallel() -> None:
    p = subprocess.run([*CLI, "parse", "--jsonl", "--workers", "2", str(FIX)], capture_output=True, text=True, check=True)
    lines = p.stdout.splitlines()
    n_docs = len([f for f in FIX.iterdir() if f.is_file()])
    assert len(lines) == n_docs
    assert all(json.loads(line)["format"] == "declass/1" for line in lines)


def test_summary_is_readable() -> None:
    p = subprocess.run([*CLI, "parse", str(SEED)], capture_output=True, text=True, check=True)
    assert "released_in_part" in p.stdout and "SECRET//NOFORN//ORCON" in p.stdout and "Levi Chavous" in p.stdout


def test_identical_files_give_one_record(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_bytes(SEED.read_bytes())
    p = subprocess.run([*CLI, "parse", "--jsonl", str(tmp_path)], capture_output=True, text=True, check=True)
    assert len(p.stdout.splitlines()) == 1
    assert "2 documents repeated" in p.stderr


def test_empty_files_are_not_duplicates(tmp_path: Path) -> None:
    for name in ("104-10076-10056.md", "104-10076-10381.md"):
        (tmp_path / name).write_bytes(b"")
    p = subprocess.run([*CLI, "parse", "--jsonl", str(tmp_path)], capture_output=True, text=True, check=True)
    recs = [json.loads(line) for line in p.stdout.splitlines()]
    assert sorted(r["release"]["record_number"] for r in recs) == ["104-10076-10056", "104-10076-10381"]
