"""Files that hold documents: zip and tar archives, e-mail messages (.eml) and mailboxes (.mbox).

:func:`expand` turns one file into the documents inside it, recursively: each archive member
and each e-mail attachment becomes a document of its own whose path says where it came from
(``release.zip!letters/C05765915.txt``, ``note.eml!report.pdf``) and whose ``parent`` is the
sha256 of the file that held it. Limits (settings) guard against zip bombs."""

from __future__ import annotations

import hashlib
import io
import re
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import parsedate_to_datetime

from declass import settings


class ContainerError(Exception):
    """A container (or one of its members) that cannot be opened, with the reason."""


@dataclass(slots=True)
class Item:
    """A document found inside a container: its bytes, or the error that kept them out."""

    path: str
    data: bytes | None
    parent: str | None
    error: str | None = None
    email_text: str | None = None  # an e-mail's header and body, already laid out as text


@dataclass(slots=True)
class _Budget:
    members: int = 0
    total: int = 0


# an mbox "From " separator line: sender, then an asctime date ("From x@y Fri Dec  4 13:03:00 2009")
_MBOX_FROM = re.compile(rb"From \S+ +\w{3} \w{3} +\d{1,2} \d\d:\d\d")


def kind(data: bytes, path: str) -> str | None:
    """``zip``, ``tar``, ``email``, ``mbox`` or ``None`` for an ordinary document."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "zip"
    if len(data) > 262 and data[257:262] == b"ustar":
        return "tar"
    if data[:2] == b"\x1f\x8b" and path.lower().endswith((".tar.gz", ".tgz")):
        return "tar"
    low = path.lower()
    head = data[:4096]
    if low.endswith(".mbox") or _MBOX_FROM.match(head):
        return "mbox"
    if low.endswith(".eml") or re.search(rb"(?im)^(?:Message-ID|MIME-Version|Received):", head):
        if re.search(rb"(?im)^(?:From|Subject):", head):
            return "email"
    return None


def expand(data: bytes, path: str, depth: int = 0, budget: _Budget | None = None) -> Iterator[Item]:
    """The documents in ``data``: itself if it is not a container."""
    budget = budget or _Budget()
    k = kind(data, path)
    if k is None:
        yield Item(path, data, None)
        return
    parent = hashlib.sha256(data).hexdigest()
    s = settings.get()
    if depth >= s.archive_max_depth:
        yield Item(path, None, None, f"containers nested deeper than {s.archive_max_depth} (setting archive_max_depth)")
        return
    try:
        if k == "zip":
            members = _zip(data, path, budget)
        elif k == "tar":
            members = _tar(data, path, budget)
        elif k == "mbox":
            members = _mbox(data, path)
        else:
            members = _email(data, path)
        for item in members:
            item.parent = item.parent or parent
            if item.data is not None and item.email_text is None:
                for inner in expand(item.data, item.path, depth + 1, budget):
                    inner.parent = inner.parent or parent
                    yield inner
            else:
                yield item
    except ContainerError as e:
        yield Item(path, None, None, str(e))


def _take(budget: _Budget, size: int, name: str) -> str | None:
    s = settings.get()
    if budget.members + 1 > s.archive_max_members:
        return f"more than {s.archive_max_members:,} members (setting archive_max_members)"
    if budget.total + size > s.archive_max_bytes:
        return f"archive over the size limit: uncompressed, it would pass {s.archive_max_bytes:,} bytes (setting archive_max_bytes)"
    budget.members += 1
    budget.total += size
    return None


def _zip(data: bytes, path: str, budget: _Budget) -> Iterator[Item]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as e:
        raise ContainerError(f"not a readable zip archive ({e})") from e
    with zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            name = f"{path}!{info.filename}"
            refused = _take(budget, info.file_size, name)
            if refused:
                yield Item(name, None, None, refused)
                if "members" in refused:
                    return
                continue
            try:
                with zf.open(info) as f:
                    member = f.read(info.file_size + 1)
                if len(member) > info.file_size:
                    yield Item(name, None, None, "member is larger than its header says (a zip bomb?)")
                    continue
                yield Item(name, member, None)
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as e:
                yield Item(name, None, None, f"cannot extract ({e})")


def _tar(data: bytes, path: str, budget: _Budget) -> Iterator[Item]:
    try:
        tf = tarfile.open(fileobj=io.BytesIO(data), mode="r:*")
    except (tarfile.TarError, OSError, EOFError) as e:
        raise ContainerError(f"not a readable tar archive ({e})") from e
    with tf:
        try:
            for info in tf:
                if not info.isfile():
                    continue
                name = f"{path}!{info.name}"
                refused = _take(budget, info.size, name)
                if refused:
                    yield Item(name, None, None, refused)
                    continue
                f = tf.extractfile(info)
                yield Item(name, f.read() if f else b"", None)
        except (tarfile.TarError, OSError, EOFError) as e:
            yield Item(path, None, None, f"tar archive broken part-way ({e})")


def _mbox(data: bytes, path: str) -> Iterator[Item]:
    chunks = re.split(rb"(?m)^From [^\n]*\n", data)
    n = 0
    for chunk in chunks:
        if chunk.strip():
            n += 1
            yield from _email(chunk, f"{path}!message-{n}")


def _email(data: bytes, path: str) -> Iterator[Item]:
    msg = BytesParser(policy=policy.default).parsebytes(data)
    if not isinstance(msg, EmailMessage):
        raise ContainerError("not a readable e-mail message")
    yield Item(path, data, None, email_text=_layout(msg))
    for n, part in enumerate(msg.iter_attachments(), start=1):
        name = part.get_filename() or f"attachment-{n}"
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes):
            yield Item(f"{path}!{name}", payload, None)


def _layout(msg: EmailMessage) -> str:
    """The message as the anatomy reader expects an e-mail: its header lines, then its text."""
    lines = []
    for label, key in (("From", "from"), ("Sent", "date"), ("To", "to"), ("Cc", "cc"), ("Subject", "subject")):
        value = str(msg.get(key, "") or "")
        if key == "date" and value:
            try:
                value = parsedate_to_datetime(value).strftime("%A, %B %d, %Y %I:%M %p")
            except (TypeError, ValueError):
                pass
        if value or key in ("to", "subject"):
            lines.append(f"{label}: {value}")
    body = msg.get_body(preferencelist=("plain", "html"))
    text = ""
    if body is not None:
        content = body.get_content()
        text = content if isinstance(content, str) else ""
        if body.get_content_type() == "text/html":
            text = re.sub(r"(?s)<(script|style).*?</\1>", " ", text)
            text = re.sub(r"<br\s*/?>|</p>|</div>", "\n", text, flags=re.I)
            text = re.sub(r"<[^>]+>", "", text)
    return "\n".join(lines) + "\n\n" + text.strip() + "\n"
