"""The opt-in event log of `copilot serve`: every event in a file that retention and erasure reach.

By default the server writes no event outside the store (serve/call_log.py logs operations).
`[serve] event_log` (`--event-log FILE`) opts in to the full stream: `EventLogFile` appends each
event as the store keeps it (redacted when redaction is on) as one JSON line, with one field
added in front, `logged_at`: the wall-clock time the line was written (Unix seconds). The file
is created readable by its owner only. Only this worker's own calls are written.

Retention and erasure reach the file:
- FILE holds one UTC day. At the first line of a later day it is renamed FILE.YYYY-MM-DD (the
  day its lines were written) and a new FILE begins. Retention deletes a day's file once the
  whole day lies before the cutoff, so every line it deletes belongs to a call that started
  before the cutoff; a call that runs past midnight keeps its later lines one day longer.
  Whole days, rather than rewriting one big file every purge round, keep retention cheap on a
  log that grows by hundreds of MB a day.
- Erasure rewrites only the files that mention one of the calls, without their lines.
- What leaves a file (a deleted day, the old copy of a rewritten file) is overwritten with
  zeros first, as SQLite's secure_delete does for the store (best effort on copy-on-write
  file systems such as btrfs or ZFS).

The server and `copilot erase` (another process) may work on the files at once: the server
appends under a shared flock, only to the file FILE still names; a rewrite copies the bulk
unlocked and takes the exclusive flock for the tail and the rename, so an append waits at most
for the tail. Rotating the files by other means (logrotate) would put lines out of reach.
"""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import json
import logging
import os
import re
import tempfile
import time
from collections.abc import Callable, Collection, Container
from pathlib import Path
from typing import BinaryIO

from copilot.config import ConfigError
from copilot.events.core import Event

log = logging.getLogger(__name__)

DAY_S = 86_400
EPOCH = datetime.date(1970, 1, 1)
MAX_PASSES = 5  # a file renamed under a rewrite (a rotation, another eraser) is looked at again
CHUNK = 1 << 24
OPEN_FLAGS = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC
_ROTATED = re.compile(r"\.(\d{4}-\d{2}-\d{2})(?:\.\d+)?")
_CALL_ID = re.compile(rb'"call_id":\s*("(?:[^"\\]|\\.)*")')


# -- the event log file ------------------------------------------------------------


class EventLogFile:
    """`[serve] event_log`: every event of this worker's calls as a JSON line, in daily files.

    `forget` and `purge_older_than` do blocking file work: from the event loop, run them in a
    thread (`asyncio.to_thread`); appends go on meanwhile.
    """

    def __init__(self, path: str | Path, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self.clock = clock
        self._failing = False
        self._fd = -1
        try:
            self._open()
        except OSError as exc:
            raise ConfigError(f"serve.event_log: cannot open {self.path}: {exc}") from exc

    def __call__(self, event: Event) -> None:
        """Append one event. A disk that fails is logged, never raised into the call."""
        now = self.clock()
        data = {"logged_at": round(now, 3), **event.to_dict()}
        line = json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
        try:
            self._append(line.encode(), int(now // DAY_S))
        except OSError as exc:
            if not self._failing:
                log.error("event log %s: cannot write (%s); events are not logged", self.path, exc)
            self._failing = True
            return
        if self._failing:
            log.warning("event log %s: writing again", self.path)
        self._failing = False

    def forget(self, calls: Container[str]) -> int:
        """Erasure on a running server: every line of the chosen calls goes (`calls`: their
        ids, or a test `call_id in calls`); the lines removed."""
        return erase_from_event_log(self.path, calls)

    def purge_older_than(self, cutoff_epoch_s: float) -> int:
        """Retention: the day files whose whole day lies before the cutoff; the lines removed."""
        return purge_event_log(self.path, cutoff_epoch_s)

    def close(self) -> None:
        """Close the log file (the server is stopping)."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def _open(self) -> None:
        self._fd = os.open(self.path, OPEN_FLAGS, 0o600)
        self._day = _day_of(self.path)  # None: empty, the next line's day
        self._torn = _ends_torn(self.path)  # a crash cut the last line: start on a new one

    def _reopen(self) -> None:
        self.close()
        self._open()

    def _append(self, line: bytes, day: int) -> None:
        for _ in range(MAX_PASSES):
            if self._day is not None and day > self._day:
                self._rotate()
            elif self._write_if_current(line):
                if self._day is None:
                    self._day = day
                return
            else:
                self._reopen()  # an eraser or retention replaced or removed the file
        raise OSError("the file keeps being replaced")

    def _write_if_current(self, line: bytes) -> bool:
        fcntl.flock(self._fd, fcntl.LOCK_SH)
        try:
            if not _still_named(self.path, self._fd):
                return False
            _write_all(self._fd, b"\n" + line if self._torn else line)
            self._torn = False
            return True
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    def _rotate(self) -> None:
        """FILE holds one UTC day: at the first line of a later day it becomes FILE.<day>."""
        fcntl.flock(self._fd, fcntl.LOCK_EX)  # no rewrite is between its tail and its rename
        try:
            if _still_named(self.path, self._fd) and self._day is not None:
                os.rename(self.path, _free_name(self.path, self._day))
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        self._reopen()


def erase_from_event_log(path: str | Path, calls: Container[str]) -> int:
    """Every line of the chosen calls out of the event log's files; the lines removed.

    `calls`: their ids (a set), or any test `call_id in calls` (the running server's
    erased calls, known by keyed hash only). Works offline (`copilot erase`) and while a
    server appends to the log.
    """
    if not str(path):
        return 0
    removed = 0
    for _ in range(MAX_PASSES):
        moved = False
        for file, _day in day_files(Path(path)):
            n = _rewrite_without(file, _chosen_in(file, calls))
            moved |= n is None
            removed += n or 0
        if not moved:
            return removed
    raise OSError(f"event log {path}: its files kept being replaced while erasing; run it again")


def count_in_event_log(path: str | Path, calls: Container[str]) -> int:
    """How many lines of the chosen calls the event log's files hold (`copilot erase --dry-run`)."""
    if not str(path):
        return 0
    found = 0
    for file, _day in day_files(Path(path)):
        ids = _chosen_in(file, calls)
        if ids:
            needles = _needles(ids)
            with contextlib.suppress(FileNotFoundError), open(file, "rb") as f:
                found += sum(1 for line in f if _is_of(line, ids, needles))
    return found


def purge_event_log(path: str | Path, cutoff_epoch_s: float) -> int:
    """Delete the day files whose whole day lies before the cutoff; the lines removed.

    A file renamed meanwhile (the server rotating it) is left for the next round.
    """
    removed = 0
    for file, day in day_files(Path(path)):
        if day is not None and (day + 1) * DAY_S <= cutoff_epoch_s:
            removed += _delete_file(file) or 0
    return removed


def day_files(path: Path) -> list[tuple[Path, int | None]]:
    """The event log's files with the UTC day (days since 1970) their lines were written,
    oldest first; FILE itself last (None: empty)."""
    files: list[tuple[Path, int | None]] = []
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(path.parent):
            if not entry.name.startswith(path.name) or not entry.is_file():
                continue
            match = _ROTATED.fullmatch(entry.name.removeprefix(path.name))
            if match:
                day = (datetime.date.fromisoformat(match[1]) - EPOCH).days
                files.append((path.with_name(entry.name), day))
    files.sort(key=lambda found: (found[1], found[0].name))
    if path.exists():
        files.append((path, _day_of(path)))
    return files


# -- rewriting and deleting under the lock ------------------------------------------


def _rewrite_without(file: Path, ids: set[str]) -> int | None:
    """`file` without the lines of these calls; None: it was renamed or replaced meanwhile."""
    if not ids:
        return 0
    needles = _needles(ids)
    try:
        old = open(file, "r+b")  # noqa: SIM115 - closed below, after zeroing
    except FileNotFoundError:
        return 0
    with old:
        removed = _replace_with_kept(file, old, ids, needles)
        fcntl.flock(old, fcntl.LOCK_UN)  # waiting appends go on, to the new file
        if removed:
            _zero(old)  # the erased lines must not linger in the old file's blocks
    return removed


def _replace_with_kept(
    file: Path, old: BinaryIO, ids: set[str], needles: list[bytes]
) -> int | None:
    """Copy the kept lines to a temp file beside `file` and rename it over `file`.

    From the tail on this holds the exclusive lock (the caller releases it).
    """
    fd, name = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".tmp")
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as new:
            removed = _copy_kept(old, new, ids, needles, to_end=False)
            fcntl.flock(old, fcntl.LOCK_EX)  # appends wait from here to the rename
            if not _still_named(file, old.fileno()):
                return None
            removed += _copy_kept(old, new, ids, needles, to_end=True)
            if not removed:
                return 0  # the ids were only quoted in other calls' text
            new.flush()
            _keep_attributes(new.fileno(), os.fstat(old.fileno()))
            os.fsync(new.fileno())
        os.replace(temp, file)
        _fsync_folder(file.parent)
        return removed
    finally:
        temp.unlink(missing_ok=True)  # gone already after the rename


def _copy_kept(
    old: BinaryIO, new: BinaryIO, ids: set[str], needles: list[bytes], to_end: bool
) -> int:
    """Copy `old`'s lines from where it stands, leaving out these calls'; the lines left out.

    Before the lock, a last line without its newline is an append under way: left for the tail.
    """
    removed = 0
    for line in iter(old.readline, b""):
        if not to_end and not line.endswith(b"\n"):
            old.seek(-len(line), os.SEEK_CUR)
            break
        if _is_of(line, ids, needles):
            removed += 1
        else:
            new.write(line)
    return removed


def _delete_file(file: Path) -> int | None:
    """Delete one day file, zeroed; its lines. None: it was renamed or replaced meanwhile."""
    try:
        old = open(file, "r+b")  # noqa: SIM115 - closed below, after zeroing
    except FileNotFoundError:
        return 0
    with old:
        fcntl.flock(old, fcntl.LOCK_EX)  # an append under way finishes first
        if not _still_named(file, old.fileno()):
            return None
        os.unlink(file)
        fcntl.flock(old, fcntl.LOCK_UN)  # a server holding it reopens FILE at its next line
        lines = _count_lines(old)
        _zero(old)
    return lines


# -- small file helpers ------------------------------------------------------------------


def _chosen_in(file: Path, calls: Container[str]) -> set[str]:
    """The chosen calls that may have lines in `file`: by a fast byte search for their ids
    when they are given, else by testing each call the file holds."""
    if isinstance(calls, Collection) and not isinstance(calls, str):
        ids = set(calls)
        return ids if ids and _mentions(file, _needles(ids)) else set()
    return {call_id for call_id in _calls_in(file) if call_id in calls}


def _calls_in(file: Path) -> set[str]:
    with contextlib.suppress(FileNotFoundError), open(file, "rb") as f:
        return {call_id for call_id in map(_call_of, f) if call_id is not None}
    return set()


def _needles(ids: set[str]) -> list[bytes]:
    """The call ids as they appear in a line: quick to look for before parsing it."""
    return [json.dumps(call_id, ensure_ascii=False).encode() for call_id in ids]


def _is_of(line: bytes, ids: set[str], needles: list[bytes]) -> bool:
    return any(needle in line for needle in needles) and _call_of(line) in ids


def _call_of(line: bytes) -> str | None:
    """A line's call: its first `"call_id":` is the event's (the field comes before any text,
    and a quote in a text is escaped), also in a line a crash cut short."""
    match = _CALL_ID.search(line)
    try:
        call_id = json.loads(match[1]) if match else None
    except ValueError:
        return None
    return call_id if isinstance(call_id, str) else None


def _mentions(file: Path, needles: list[bytes]) -> bool:
    """Whether any needle occurs in the file: a fast scan, so erasure rewrites only the files
    that hold the calls."""
    overlap = max(len(needle) for needle in needles) - 1
    carried = b""
    try:
        with open(file, "rb") as f:
            while chunk := f.read(CHUNK):
                window = carried + chunk
                if any(needle in window for needle in needles):
                    return True
                carried = window[-overlap:] if overlap else b""
    except FileNotFoundError:
        return False
    return False


def _day_of(path: Path) -> int | None:
    """The UTC day of a file's lines: its first line's `logged_at`, else (lines written before
    `logged_at` existed) its last change; None: empty or missing."""
    try:
        with open(path, "rb") as f:
            first = f.readline(1 << 16)
            changed = os.fstat(f.fileno()).st_mtime
    except FileNotFoundError:
        return None
    if not first:
        return None
    try:
        logged_at = json.loads(first).get("logged_at")
    except (ValueError, AttributeError):
        logged_at = None
    when = logged_at if isinstance(logged_at, int | float) else changed
    return int(when // DAY_S)


def _ends_torn(path: Path) -> bool:
    with open(path, "rb") as f:
        if f.seek(0, os.SEEK_END) == 0:
            return False
        f.seek(-1, os.SEEK_END)
        return f.read(1) != b"\n"


def _free_name(path: Path, day: int) -> Path:
    dated = path.with_name(f"{path.name}.{EPOCH + datetime.timedelta(days=day)}")
    n = 0
    candidate = dated
    while candidate.exists():  # the clock went back, or a restart found yesterday's FILE
        n += 1
        candidate = dated.with_name(f"{dated.name}.{n}")
    return candidate


def _still_named(path: Path, fd: int) -> bool:
    """Whether `path` still names the file open at `fd` (not renamed, replaced or deleted)."""
    try:
        named = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _write_all(fd: int, data: bytes) -> None:
    while data:
        data = data[os.write(fd, data) :]


def _keep_attributes(fd: int, old: os.stat_result) -> None:
    """The rewritten file keeps the old one's mode, owner and times: the server (another user
    than a root `copilot erase`) must still append to it."""
    os.fchmod(fd, old.st_mode & 0o7777)
    with contextlib.suppress(PermissionError):
        os.fchown(fd, old.st_uid, old.st_gid)
    os.utime(fd, ns=(old.st_atime_ns, old.st_mtime_ns))


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _count_lines(f: BinaryIO) -> int:
    f.seek(0)
    return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(CHUNK), b""))


def _zero(f: BinaryIO) -> None:
    size = os.fstat(f.fileno()).st_size
    zeros = bytes(min(size, CHUNK))
    f.seek(0)
    written = 0
    while written < size:
        written += f.write(zeros[: size - written])
    f.flush()
    os.fsync(f.fileno())
