"""Text conversations (chat, or a typed transcript) through the same stages as a live call.

Each `speaker: text` turn becomes a `transcript.final` event, and the call's stages
(affect, assist, ...) see it exactly as they would see a transcribed utterance:
same events, same order, same `seq` stamping. `copilot assist` and the server's
chat ingest both use `ChatConversation`. A chat bot among the stages (`[chat] bot`)
adds its own lines as finals with speaker `bot`; turns only come from a customer or
an agent.

    stages = StageFactory(config).for_call("chat-17", metadata)
    chat = ChatConversation("chat-17", stages, metadata)
    events = chat.start()
    events += chat.turn("customer", "Waar blijft mijn pakketje?")
    events += chat.close()          # flushes the stages: the drafted reply comes here
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from copilot.audio.format import AGENT, CUSTOMER
from copilot.events.core import CallEnded, CallStarted, Event, TranscriptFinal
from copilot.pipeline.language import guess_language
from copilot.pipeline.stage_chain import Stage, StageChain

CHAT_SOURCE = "chat"
SPEAKER_NAMES = {
    "customer": CUSTOMER,
    "klant": CUSTOMER,
    "c": CUSTOMER,
    "caller": CUSTOMER,
    "user": CUSTOMER,
    "agent": AGENT,
    "medewerker": AGENT,
    "a": AGENT,
    "assistant": AGENT,
}
TURN_SECONDS = 1.0  # call time between turns when the caller gives none


class TurnFormatError(ValueError):
    """A conversation line that is neither `speaker: text` nor a JSON turn."""


class ChatConversation:
    """The text twin of `CallPipeline`: chat turns in, the same stages, the same events out."""

    def __init__(
        self,
        conversation_id: str,
        stages: Sequence[Stage],
        metadata: dict[str, Any] | None = None,
        language: str = "en",
        source: str = CHAT_SOURCE,
    ) -> None:
        self.conversation_id = conversation_id
        self.metadata = dict(metadata or {})
        self.language = language if language in ("en", "nl") else "en"
        self.source = source
        self._chain = StageChain(conversation_id, stages)
        self._turns = {CUSTOMER: 0, AGENT: 0}
        self.t = 0.0
        self.closed = False

    def start(self) -> list[Event]:
        """The conversation's `call.started` (both legs), and what the stages make of it."""
        legs = (AGENT, CUSTOMER)
        return self.emit(
            CallStarted(
                self.conversation_id, 0, 0.0, source=self.source, legs=legs, metadata=self.metadata
            )
        )

    def turn(
        self, speaker: str, text: str, language: str | None = None, t: float | None = None
    ) -> list[Event]:
        """One message; returns its transcript event and everything the stages made of it."""
        speaker = SPEAKER_NAMES.get(speaker.strip().lower(), speaker)
        if speaker not in self._turns:
            raise TurnFormatError(f"unknown speaker {speaker!r}: use customer or agent")
        self._turns[speaker] += 1
        start = self.t
        self.t = t if t is not None and t >= self.t else self.t + TURN_SECONDS
        final = TranscriptFinal(
            self.conversation_id,
            0,
            self.t,
            speaker=speaker,
            utterance_id=f"{speaker}-{self._turns[speaker]}",
            start=start,
            end=self.t,
            text=text.strip(),
            language=language or guess_language(text, self.language),
        )
        return self.emit(final)

    def close(self, reason: str = "end") -> list[Event]:
        """What the stages still hold, then `call.ended`; nothing once already closed."""
        if self.closed:
            return []
        self.closed = True
        return self._chain.flush() + self.emit(
            CallEnded(self.conversation_id, 0, self.t, duration=self.t, reason=reason)
        )

    def emit(self, event: Event) -> list[Event]:
        """Any event of this conversation (e.g. an error), numbered and shown to the stages."""
        return self._chain.emit(event)


def run_text_turns(
    turns: Iterable[tuple[str, str] | dict[str, Any]],
    stages: Sequence[Stage],
    conversation_id: str = "chat",
    metadata: dict[str, Any] | None = None,
    language: str = "en",
    source: str = CHAT_SOURCE,
) -> list[Event]:
    """A whole conversation at once: `(speaker, text)` pairs or `{speaker, text, language}` dicts."""
    chat = ChatConversation(conversation_id, stages, metadata, language, source)
    events = chat.start()
    for turn in turns:
        if isinstance(turn, dict):
            events += chat.turn(
                turn.get("speaker", CUSTOMER), str(turn.get("text", "")), turn.get("language")
            )
        else:
            events += chat.turn(turn[0], turn[1])
    return events + chat.close()


def parse_turns(text: str) -> list[dict[str, Any]]:
    """Turns from `speaker: text` lines, JSON lines, or one JSON list; `#` lines are comments."""
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            rows = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise TurnFormatError(f"not a JSON list of turns: {exc}") from None
        return [_json_turn(row) for row in rows]
    turns = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("{"):
            try:
                turns.append(_json_turn(json.loads(line)))
            except json.JSONDecodeError as exc:
                raise TurnFormatError(f"line {number}: not JSON: {exc}") from None
            continue
        speaker, sep, words = line.partition(":")
        if sep and speaker.strip().lower() in SPEAKER_NAMES:
            turns.append({"speaker": speaker.strip().lower(), "text": words.strip()})
        else:
            turns.append({"speaker": CUSTOMER, "text": line})
    return turns


def _json_turn(row: Any) -> dict[str, Any]:
    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
        raise TurnFormatError(f"a JSON turn needs a text: {row!r}")
    return {
        "speaker": str(row.get("speaker", CUSTOMER)),
        "text": row["text"],
        "language": row.get("language"),
    }
