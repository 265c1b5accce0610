"""One event sink for terminals: JSON lines, readable lines, or a live view.

`copilot transcribe` and `copilot listen` print JSON or readable lines, and `copilot
demo` shows a live view where a partial overwrites itself until its final arrives. Into a
file or a pipe the live view is plain lines: no terminal control sequences and no
partials, each final on a line of its own. A reader that goes away (`| head`) stops the
printing quietly instead of failing the call.
`copilot serve` prints no events: it logs operations, and writes events only to its
opt-in event log file (serve/event_log.py), which retention and erasure reach.
"""

from __future__ import annotations

import time
from typing import TextIO

from copilot.events.core import Event, TranscriptPartial
from copilot.events.text import readable_line
from copilot.events.wording import ENGLISH, Words

MODES = ("json", "text", "live")


class EventPrinter:
    """Writes each event to a stream in one of MODES; readable lines in `words`' language."""

    def __init__(self, stream: TextIO | None, mode: str = "text", words: Words = ENGLISH) -> None:
        if mode not in MODES:
            raise ValueError(f"printer mode must be one of {', '.join(MODES)}")
        self.stream = stream
        self.mode = mode
        self.words = words
        self.began = time.monotonic()
        # Only a terminal can overwrite a line: anywhere else partials would pile up on one.
        self.terminal = bool(stream is not None and stream.isatty())

    def __call__(self, event: Event) -> None:
        """Writes one event; once the reader has gone (a broken pipe), writes nothing more."""
        if self.stream is None:
            return
        try:
            self._write(event, self.stream)
        except BrokenPipeError:
            self.stream = None  # the reader went away (e.g. `| head`); stop writing quietly

    def say(self, text: str) -> None:
        """A line of the command's own (how a demo ended), over any partial on a terminal."""
        if self.stream is None:
            return
        try:
            self.stream.write(("\r\033[K" if self.terminal else "") + text + "\n")
            self.stream.flush()
        except BrokenPipeError:
            self.stream = None

    def _write(self, event: Event, stream: TextIO) -> None:
        if self.mode == "json":
            stream.write(event.to_json() + "\n")
        elif self.mode == "live":
            stream.write(self._live_line(event))
        else:
            line = readable_line(event, self.words)
            if line is None:
                return
            stream.write(line + "\n")
        stream.flush()

    def _live_line(self, event: Event) -> str:
        clock = f"{time.monotonic() - self.began:6.1f}s"
        erase = "\r\033[K" if self.terminal else ""  # back to the line's start, cleared
        if isinstance(event, TranscriptPartial):
            return f"{erase}{clock}  {event.speaker:>8}… {event.text[-70:]}" if erase else ""
        if event.type in ("call.started", "call.ended"):
            return f"{erase}{clock}  [{event.type}] {event.call_id}\n"
        line = readable_line(event, self.words)
        return "" if line is None else f"{erase}{clock}  {line}\n"
