"""The downstream stages of one conversation, and the numbering of what they produce.

Shared by the audio pipeline (CallPipeline) and text conversations (ChatConversation):
every event is stamped with the conversation's next seq, then shown to each stage in
order, and what a stage makes of it goes through the same chain (so later stages see
earlier stages' events, and every event keeps one seq order).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from copilot.events.core import Event, EventSequencer


class Stage(Protocol):
    """A downstream stage: sees each event of the call, may add events of its own.

    A stage may also define `on_utterance_audio(job: TranscriptionJob) -> None`: it then gets
    each final utterance's job (audio included) just before that utterance's transcript event.
    A stage that acts on silence (the voicebot) may define `on_clock(t: float) -> list[Event]`:
    it is told after each frame how far the call's audio has got, the only clock a replay has.
    """

    def feed(self, event: Event) -> list[Event]:
        """One event of the call in, the events this stage adds out (often none)."""
        ...

    def flush(self) -> list[Event]:
        """End of the call: what the stage still holds back (e.g. a drafted reply)."""
        ...


class StageChain:
    """The stages of one conversation in order; every event is numbered, then shown to each."""

    def __init__(self, call_id: str, stages: Sequence[Stage]) -> None:
        self.stages = list(stages)
        self._sequencer = EventSequencer(call_id)

    def emit(self, event: Event) -> list[Event]:
        """Stamp an event, then let every stage react to it (in order); all of it, in order."""
        stamped = self._sequencer.stamp(event)
        out = [stamped]
        for stage in self.stages:
            for produced in stage.feed(stamped):
                out.extend(self.emit(produced))
        return out

    def flush(self) -> list[Event]:
        """End of the conversation: what each stage still has to say."""
        out: list[Event] = []
        for stage in self.stages:
            for event in stage.flush():
                out.extend(self.emit(event))
        return out
