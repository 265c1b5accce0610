"""One readable line per event for terminals (`copilot transcribe`, `copilot demo`).

JSON lines are the contract; these lines are for a person watching a call. Event
types that a person does not need to see line by line (partials, speech starts)
return None here; the printers decide what to do with them. Cues and alert reasons
are worded from their fields (`wording.Words`), in English unless a printer asks for
another language.
"""

from __future__ import annotations

from copilot.events.affect import SIGNALS, Affect, Alert
from copilot.events.core import CallLanguage, Event, TranscriptFinal
from copilot.events.wording import ENGLISH, Words

SHOWN_AFFECT = 0.3  # an utterance is worth a line once one of its signals reaches this
CUES_SHOWN = 3


def readable_line(event: Event, words: Words = ENGLISH) -> str | None:
    """An event as a line for a person watching the call, or None when it needs none."""
    if isinstance(event, TranscriptFinal):
        return f"[{event.start:7.2f} - {event.end:7.2f}] {event.speaker:>8}: {event.text}"
    if isinstance(event, Affect):
        return _affect_line(event, words)
    if isinstance(event, Alert):
        return _alert_line(event, words)
    if isinstance(event, CallLanguage):
        key = "language.decided.unsure" if event.unsure else "language.decided"
        language = words.term("language", event.language)
        line = words(
            key,
            language=language,
            confidence=f"{event.confidence:.2f}",
            speech=f"{event.speech_s:.1f}",
        )
        return f"{'':>28}# {line}"
    for attr in ("describe",):  # later stages (assist) describe themselves
        describe = getattr(event, attr, None)
        if callable(describe):
            return describe()
    return None


def _signal(words: Words, signal: str) -> str:
    return words.term("signal", signal).lower()


def _affect_line(event: Affect, words: Words) -> str | None:
    raised = [
        f"{_signal(words, s)} {getattr(event, s):.2f}"
        for s in SIGNALS
        if getattr(event, s) >= SHOWN_AFFECT
    ]
    if not raised:
        return None  # calm utterances would only add noise to the transcript
    why = "; ".join(words.cue(c, event.phrase_floor) for c in event.cues[:CUES_SHOWN])
    return f"{'':>28}~ {', '.join(raised)}" + (f" ({why})" if why else "")


def _alert_line(event: Alert, words: Words) -> str:
    level = words.term("level", event.level).upper()
    return f"{'':>28}!! {level} [{_signal(words, event.signal)}] {words.alert_reason(event)}"
