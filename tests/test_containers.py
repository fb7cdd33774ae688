"""Archives and e-mail: each member or attachment is a document of its own; bad members are
clear errors and the rest of the batch is read."""

import io
import json
import os
import subprocess
import sys
import tarfile
import zipfile
from email.message import EmailMessage
from pathlib import Path

import declass
from pdfmake import text_pdf

FIX = Path(__file__).parent / "fixtures"
SEED = (FIX / "state-inr-mexico-2010.txt").read_bytes()
EMAIL_DOC = (FIX / "C05765915.txt").read_bytes()
CLI = [sys.executable, "-m", "declass.cli"]


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_zip_of_mixed_files_nested_and_corrupt(tmp_path: Path) -> None:
    inner = _zip({"C05765915.txt": EMAIL_DOC})
    archive = _zip({"seed.txt": SEED, "nested/inner.zip": inner, "broken.pdf": b"%PDF-1.7 truncated", "blob.bin": b"\x00\x01" * 50})
    path = tmp_path / "release.zip"
    path.write_bytes(archive)
    results = list(declass.parse_all(path))
    recs = [r for r in results if not isinstance(r, tuple)]
    errors = dict(r for r in results if isinstance(r, tuple))
    assert sorted(r.source.path for r in recs) == [f"{path}!nested/inner.zip!C05765915.txt", f"{path}!seed.txt"]
    assert set(errors) == {f"{path}!broken.pdf", f"{path}!blob.bin"}
    assert "PDF" in errors[f"{path}!broken.pdf"]
    seed = next(r for r in recs if r.source.path.endswith("seed.txt"))
    assert seed.release.case_number == "F-2010-06516" and seed.source.parent is not None


def test_tar_gz(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as t:
        info = tarfile.TarInfo("docs/seed.txt")
        info.size = len(SEED)
        t.addfile(info, io.BytesIO(SEED))
    path = tmp_path / "release.tar.gz"
    path.write_bytes(buf.getvalue())
    recs = list(declass.parse_all(path))
    assert len(recs) == 1 and not isinstance(recs[0], tuple) and recs[0].release.doc_number == "C05285746"


def test_archive_limits_are_settings(tmp_path: Path) -> None:
    path = tmp_path / "many.zip"
    path.write_bytes(_zip({f"d{i}.txt": SEED + f"\nCopy {i}.\n".encode() for i in range(5)}))
    env = {**os.environ, "DECLASS_ARCHIVE_MAX_MEMBERS": "3"}
    p = subprocess.run([*CLI, "parse", "--jsonl", str(path)], capture_output=True, text=True, env=env)
    assert len(p.stdout.splitlines()) == 3
    assert "archive_max_members" in p.stderr and p.returncode >= 1


def test_email_with_pdf_attachment(tmp_path: Path) -> None:
    msg = EmailMessage()
    msg["From"] = "Mills, Cheryl D <MillsCD@state.gov>"
    msg["To"] = "H"
    msg["Date"] = "Fri, 04 Dec 2009 13:03:00 -0500"
    msg["Subject"] = "Fw: Release"
    msg.set_content("See the attached release.\n")
    msg.add_attachment(
        text_pdf(
            [
                [
                    "RELEASE IN FULL",
                    "UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05765917 Date: 08/31/2015",
                    "A page of the attached document.",
                ]
            ]
        ),
        maintype="application",
        subtype="pdf",
        filename="release.pdf",
    )
    path = tmp_path / "note.eml"
    path.write_bytes(bytes(msg))
    recs = [r for r in declass.parse_all(path) if not isinstance(r, tuple)]
    assert len(recs) == 2
    mail, attachment = recs
    assert mail.header.kind == "email" and mail.header.subject == "Fw: Release" and mail.header.to == ["H"]
    assert mail.header.date == "2009-12-04T13:03" and mail.source.media_type == "message/rfc822"
    assert attachment.source.path == f"{path}!release.pdf" and attachment.source.parent == mail.id
    assert attachment.release.doc_number == "C05765917"


def test_cli_reads_archives_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.zip").write_bytes(_zip({"seed.txt": SEED, "mail.txt": EMAIL_DOC}))
    (tmp_path / "b.txt").write_bytes(SEED + b"\nAnother copy.\n")
    p = subprocess.run([*CLI, "parse", "--jsonl", str(tmp_path)], capture_output=True, text=True, check=True)
    paths = sorted(Path(json.loads(line)["source"]["path"]).name for line in p.stdout.splitlines())
    assert paths == ["a.zip!mail.txt", "a.zip!seed.txt", "b.txt"]


def test_mbox_and_text_that_only_looks_like_mail(tmp_path: Path) -> None:
    box = (
        b"From mills@state.gov Fri Dec  4 13:03:00 2009\nFrom: Mills, Cheryl D\nTo: H\nSubject: One\n\nFirst.\n\n"
        b"From abedin@state.gov Fri Dec  4 14:03:00 2009\nFrom: Abedin, Huma\nTo: H\nSubject: Two\n\nSecond.\n"
    )
    (tmp_path / "box.mbox").write_bytes(box)
    recs = [r for r in declass.parse_all(tmp_path / "box.mbox") if not isinstance(r, tuple)]
    assert [r.header.subject for r in recs] == ["One", "Two"]
    memo = b"From the Director of Central Intelligence\nDate: 2 April 1968\nSubject: Australian press request\n\nText.\n"
    (tmp_path / "memo.txt").write_bytes(memo)
    (rec,) = declass.parse_all(tmp_path / "memo.txt")
    assert not isinstance(rec, tuple) and rec.source.media_type == "text/plain"
