"""Output of a batch that survives interruption.

Records go to ``OUT.part`` as they are made. With a journal (JSON Lines output), after the last
record of each input file is flushed to disk a line ``<offset of OUT.part> <offset of OUT.held>
<path>`` is appended to ``OUT.part.journal``. A run that is killed leaves these files; the same
command run again cuts ``OUT.part`` back to the last journal line, skips the files the journal
lists, and goes on. Files that failed are journalled too (a line ``!`` tab ``[path, reason]``
before their checkpoint), so the resumed run reports them without reading them again. Only a
finished run renames ``OUT.part`` to ``OUT``: the output is never left
half-written. E-mails waiting for the release's custodian are kept in ``OUT.part.held`` meanwhile.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import IO, Any

from declass.pipeline import parse_all
from declass.read import ReadError


class Resumable:
    def __init__(self, out: Path, journal: bool = True) -> None:
        self.out = out
        self.part_path = out.with_name(out.name + ".part")
        self.held_path = out.with_name(out.name + ".part.held")
        self.journal_path = out.with_name(out.name + ".part.journal")
        self.use_journal = journal
        self.part: IO[str] = None  # type: ignore[assignment]
        self._held: IO[str] | None = None
        self._journal: IO[str] | None = None
        self.failures: list[tuple[str, str]] = []  # (path, reason) of files that failed in an interrupted run

    def open(self) -> set[str]:
        """Open the output, resuming an interrupted run; the input files already done."""
        done: set[str] = set()
        part_off = held_off = 0
        if self.use_journal and self.journal_path.exists() and self.part_path.exists():
            pending: list[tuple[str, str]] = []
            for line in self.journal_path.read_text(encoding="utf-8").splitlines():
                if line.startswith("!\t"):
                    try:
                        path, reason = json.loads(line[2:])
                    except (ValueError, TypeError):
                        continue  # a line cut short by the kill
                    pending.append((str(path), str(reason)))
                    continue
                fields = line.split("\t", 2)
                if len(fields) == 3 and fields[0].isdigit() and fields[1].isdigit():
                    part_off, held_off = int(fields[0]), int(fields[1])
                    done.add(fields[2])
                    self.failures.extend(pending)
                    pending = []
        if not done:
            self.failures = []
            for p in (self.part_path, self.held_path, self.journal_path):
                p.unlink(missing_ok=True)
        self.part = open(self.part_path, "a+", encoding="utf-8")
        self.part.truncate(part_off)  # what came after the last checkpoint is redone
        self.part.seek(part_off)
        if self.use_journal:
            self._held = open(self.held_path, "a+", encoding="utf-8")
            self._held.truncate(held_off)
            self._held.seek(held_off)
            self._journal = open(self.journal_path, "a", encoding="utf-8")
        return done

    @staticmethod
    def _lines(path: Path) -> Iterator[dict[str, Any]]:
        if path.exists():
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        yield json.loads(line)

    def written(self) -> Iterator[dict[str, Any]]:
        self.part.flush()
        return self._lines(self.part_path) if self.use_journal else iter(())

    def held(self) -> Iterator[dict[str, Any]]:
        if self._held is None:
            return iter(())
        self._held.flush()
        return self._lines(self.held_path)

    def hold(self, rec: dict[str, Any]) -> None:
        if self._held is not None:
            self._held.write(json.dumps(rec, ensure_ascii=False) + "\n")

    def checkpoint(self, path: str, failures: list[tuple[str, str]] | None = None) -> None:
        """Every record of input file ``path`` is written; ``failures``: its documents that
        could not be read, ``(path, reason)``."""
        if self._journal is None:
            return
        for fpath, reason in failures or []:
            self._journal.write("!\t" + json.dumps([fpath, reason], ensure_ascii=False) + "\n")
        for f in (self.part, self._held):
            if f is not None:
                f.flush()
                os.fsync(f.fileno())
        held_off = self._held.tell() if self._held is not None else 0
        self._journal.write(f"{self.part.tell()}\t{held_off}\t{path}\n")
        self._journal.flush()
        os.fsync(self._journal.fileno())

    def close(self, finished: bool) -> None:
        for f in (self.part, self._held, self._journal):
            if f is not None:
                f.flush()
                f.close()
        if finished:
            os.replace(self.part_path, self.out)
            self.held_path.unlink(missing_ok=True)
            self.journal_path.unlink(missing_ok=True)


def iter_files(paths: list[Path]) -> Iterator[Path]:
    for p in paths:
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield p


Result = tuple[str, dict[str, Any] | None, str | None]


def read_one(path: str) -> list[Result]:
    """The records of every document in one file (archives and e-mails hold several)."""
    out: list[Result] = []
    try:
        for r in parse_all(path):
            out.append((r[0], None, r[1]) if isinstance(r, tuple) else (r.source.path, r.to_dict(), None))
    except ReadError as e:
        out.append((path, None, str(e)))
    except Exception as e:  # a bug in a recognizer must not stop a batch
        out.append((path, None, f"internal error: {type(e).__name__}: {e}"))
    return out


def _die_with_parent() -> None:
    """A worker ends when the process that started it is killed (even by SIGKILL), instead of
    waiting forever for work (Linux; elsewhere nothing is done)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def results(files: list[str], workers: int) -> Iterator[list[Result]]:
    """The results of each file, in order, one list per file."""
    if workers <= 1 or len(files) < 2:
        for f in files:
            yield read_one(f)
        return
    # small chunks keep every core busy when some files are long scans; large ones cut the
    # per-file overhead on big folders of text
    chunk = max(1, min(16, len(files) // (workers * 16)))
    ex = ProcessPoolExecutor(max_workers=min(workers, len(files)), initializer=_die_with_parent)
    try:
        yield from ex.map(read_one, files, chunksize=chunk)
    finally:  # a caller that stops early (an error storing a batch) waits for no file not yet begun
        ex.shutdown(wait=True, cancel_futures=True)
