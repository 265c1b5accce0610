"""The live view of `copilot demo`: overwritten partials on a terminal, plain lines elsewhere."""

import io
import re

from copilot.events.core import CallEnded, CallStarted, TranscriptFinal, TranscriptPartial
from copilot.events.printer import EventPrinter


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def call(partials_per_line: int = 3) -> list:
    """Two lines of a call, each after a few partials that grow towards it."""
    events: list = [CallStarted("C1", 1, 0.0, source="file")]
    for n, text in enumerate(("Where is my parcel?", "It is on its way.")):
        words = text.split()
        for i in range(1, partials_per_line + 1):
            partial = " ".join(words[: max(1, len(words) * i // partials_per_line)])
            events.append(
                TranscriptPartial(
                    "C1", 0, 1.0 + n, speaker="customer", utterance_id=f"u{n}", text=partial
                )
            )
        events.append(
            TranscriptFinal(
                "C1",
                0,
                2.0 + n,
                speaker="customer",
                utterance_id=f"u{n}",
                start=n,
                end=n + 1,
                text=text,
            )
        )
    return [*events, CallEnded("C1", 0, 3.0, duration=3.0)]


def shown(stream) -> str:
    printer = EventPrinter(stream, "live")
    for event in call():
        printer(event)
    printer.say("demo over")
    return stream.getvalue()


def test_into_a_file_the_live_view_is_plain_lines():
    out = shown(io.StringIO())
    lines = out.splitlines()
    assert "\x1b" not in out and "\r" not in out
    said = [re.sub(r"^\s*\d+\.\ds  ", "", line) for line in lines]  # without the clock
    assert said[1:3] == [
        "[   0.00 -    1.00] customer: Where is my parcel?",
        "[   1.00 -    2.00] customer: It is on its way.",
    ]
    assert len(lines) == 5 and lines[-1] == "demo over"  # started, two finals, ended, closing


def test_on_a_terminal_a_partial_is_overwritten_by_the_next_line():
    out = shown(Terminal())
    assert out.count("\r\x1b[K") == 2 * 3 + 2 + 2 + 1  # partials, finals, start/end, closing
    # A partial has no line end: the next one, or its final, erases it and takes its place.
    assert out.count("\n") == 5
    first = out.split("\n")[1]  # the first line's three partials, then its final
    assert first.count("\r\x1b[K") == 4 and first.endswith("customer: Where is my parcel?")
