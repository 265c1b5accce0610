"""One readable line per event for terminals (`copilot transcribe`, `copilot demo`).

JSON lines are the contract; these lines are for a person watching a call. Event
types that a person does not need to see line by line (partials, speech starts)
return None here; the printers decide what to do with them.
"""

from __future__ import annotations

from copilot.events.core import Event, TranscriptFinal

SIGNAL_NAMES = {"frustration": "frustration", "doubt": "doubt", "load": "emotional load"}


def readable_line(event: Event) -> str | None:
    if isinstance(event, TranscriptFinal):
        return f"[{event.start:7.2f} - {event.end:7.2f}] {event.speaker:>8}: {event.text}"
    if event.type == "affect":
        return _affect_line(event)
    if event.type == "alert":
        return _alert_line(event)
    for attr in ("describe",):  # later stages (assist) describe themselves
        describe = getattr(event, attr, None)
        if callable(describe):
            return describe()
    return None


def _affect_line(event) -> str | None:
    raised = [
        f"{SIGNAL_NAMES[s]} {getattr(event, s):.2f}"
        for s in ("frustration", "doubt", "load")
        if getattr(event, s) >= 0.3
    ]
    if not raised:
        return None  # calm utterances would only add noise to the transcript
    why = "; ".join(c.evidence for c in event.cues[:3])
    return f"{'':>28}~ {', '.join(raised)}" + (f" ({why})" if why else "")


def _alert_line(event) -> str:
    level = event.level.replace("_", " ").upper()
    return f"{'':>28}!! {level} [{SIGNAL_NAMES.get(event.signal, event.signal)}] {event.reason}"
