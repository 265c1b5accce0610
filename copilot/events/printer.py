"""One event sink for terminals and logs: JSON lines, readable lines, or a live view.

`copilot transcribe` prints JSON or readable lines, `copilot serve` appends JSON
lines to its event log (or stdout), and `copilot demo` shows a live view where a
partial overwrites itself until its final arrives. A reader that goes away
(`| head`) stops the printing quietly instead of failing the call.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from copilot.events.core import Event, TranscriptPartial
from copilot.events.text import readable_line

MODES = ("json", "text", "live")


class EventPrinter:
    """Writes each event to a stream in one of MODES."""

    def __init__(self, stream: TextIO | None, mode: str = "text") -> None:
        if mode not in MODES:
            raise ValueError(f"printer mode must be one of {', '.join(MODES)}")
        self.stream = stream
        self.mode = mode
        self.began = time.monotonic()

    @classmethod
    def json_log(cls, path: str = "") -> EventPrinter:
        """JSON lines appended to `path` (an append-only event log), or stdout without one."""
        stream = open(path, "a", encoding="utf-8") if path else sys.stdout  # noqa: SIM115
        return cls(stream, "json")

    def __call__(self, event: Event) -> None:
        if self.stream is None:
            return
        try:
            self._write(event)
        except BrokenPipeError:
            self.stream = None  # the reader went away (e.g. `| head`); stop writing quietly

    def _write(self, event: Event) -> None:
        if self.mode == "json":
            self.stream.write(event.to_json() + "\n")
        elif self.mode == "live":
            self.stream.write(self._live_line(event))
        else:
            line = readable_line(event)
            if line is None:
                return
            self.stream.write(line + "\n")
        self.stream.flush()

    def _live_line(self, event: Event) -> str:
        clock = f"{time.monotonic() - self.began:6.1f}s"
        if isinstance(event, TranscriptPartial):
            return f"\r\033[K{clock}  {event.speaker:>8}… {event.text[-70:]}"
        if event.type in ("call.started", "call.ended"):
            return f"\r\033[K{clock}  [{event.type}] {event.call_id}\n"
        line = readable_line(event)
        return "" if line is None else f"\r\033[K{clock}  {line}\n"
