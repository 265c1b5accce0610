"""Every event copilot emits, as frozen dataclasses with one JSON contract.

The server, the store, the sidebar and the replay report all speak this module's
JSON. `docs/protocol.md` documents it for outsiders; bump PROTOCOL_VERSION when
a field changes meaning or disappears (adding an optional field does not).
"""

from __future__ import annotations

import dataclasses
import importlib
import json
from dataclasses import dataclass, field
from typing import Any, ClassVar

PROTOCOL_VERSION = 1


class EventDecodeError(ValueError):
    """A JSON document that is not a valid copilot event."""


@dataclass(frozen=True)
class Event:
    """Fields every event carries. `t` is seconds since the start of the call."""

    call_id: str
    seq: int
    t: float
    type: ClassVar[str] = "event"

    def to_dict(self) -> dict[str, Any]:
        data = {"type": self.type, "v": PROTOCOL_VERSION}
        for f in dataclasses.fields(self):
            data[f.name] = _plain(getattr(self, f.name))
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 3)
    return value


@dataclass(frozen=True)
class Word:
    word: str
    start: float
    end: float
    probability: float


@dataclass(frozen=True)
class CallStarted(Event):
    source: str = ""
    legs: tuple[str, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)
    type: ClassVar[str] = "call.started"


@dataclass(frozen=True)
class CallEnded(Event):
    duration: float = 0.0
    reason: str = "end"
    type: ClassVar[str] = "call.ended"


@dataclass(frozen=True)
class SpeechStarted(Event):
    speaker: str = ""
    utterance_id: str = ""
    type: ClassVar[str] = "speech.started"


@dataclass(frozen=True)
class TranscriptPartial(Event):
    speaker: str = ""
    utterance_id: str = ""
    start: float = 0.0
    end: float = 0.0
    text: str = ""
    type: ClassVar[str] = "transcript.partial"


@dataclass(frozen=True)
class TranscriptFinal(Event):
    speaker: str = ""
    utterance_id: str = ""
    start: float = 0.0
    end: float = 0.0
    text: str = ""
    language: str = ""
    words: tuple[Word, ...] = ()
    type: ClassVar[str] = "transcript.final"


@dataclass(frozen=True)
class Dtmf(Event):
    speaker: str = ""
    digit: str = ""
    type: ClassVar[str] = "dtmf"


@dataclass(frozen=True)
class ErrorEvent(Event):
    """Something went wrong for this call or this client only."""

    code: str = ""
    message: str = ""
    type: ClassVar[str] = "error"


EVENT_TYPES: dict[str, type[Event]] = {
    cls.type: cls
    for cls in (
        CallStarted,
        CallEnded,
        SpeechStarted,
        TranscriptPartial,
        TranscriptFinal,
        Dtmf,
        ErrorEvent,
    )
}


def register(cls: type[Event]) -> type[Event]:
    """Class decorator for event types defined by later stages."""
    EVENT_TYPES[cls.type] = cls
    return cls


# Where stage-defined event types live: a reader that never imported the stage (the store,
# a replay report) still decodes them.
STAGE_EVENT_MODULES = {
    "affect": "copilot.affect_stage",
    "alert": "copilot.call_tracker",
    "suggestion": "copilot.assist.events",
    "draft": "copilot.assist.events",
    "route_to_human": "copilot.assist.events",
    "bot.say": "copilot.voicebot_events",
    "bot.stop": "copilot.voicebot_events",
    "bot.decision": "copilot.voicebot_events",
    "handoff": "copilot.voicebot_events",
}


def _event_class(type_name: Any) -> type[Event] | None:
    if not isinstance(type_name, str):
        return None
    if type_name not in EVENT_TYPES and type_name in STAGE_EVENT_MODULES:
        importlib.import_module(STAGE_EVENT_MODULES[type_name])  # registers on import
    return EVENT_TYPES.get(type_name)


def event_from_dict(data: dict[str, Any]) -> Event:
    if not isinstance(data, dict):
        raise EventDecodeError("an event must be a JSON object")
    cls = _event_class(data.get("type", ""))
    if cls is None:
        raise EventDecodeError(f"unknown event type {data.get('type')!r}")
    _check_base_fields(data)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            continue
        kwargs[f.name] = _field_value(cls, f.name, data[f.name])
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise EventDecodeError(f"bad {cls.type} event: {exc}") from exc


def _check_base_fields(data: dict[str, Any]) -> None:
    if not isinstance(data.get("call_id", ""), str):
        raise EventDecodeError("call_id must be a string")
    seq = data.get("seq", 0)
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        raise EventDecodeError("seq must be a non-negative integer")
    t = data.get("t", 0.0)
    if not isinstance(t, int | float) or isinstance(t, bool):
        raise EventDecodeError("t must be a number")


def _field_value(cls: type[Event], name: str, value: Any) -> Any:
    if name == "words" and isinstance(value, list):
        try:
            return tuple(Word(**w) for w in value)
        except TypeError as exc:
            raise EventDecodeError(f"bad word timing in {cls.type}: {exc}") from None
    if isinstance(value, list):
        return tuple(value)
    return value


def event_from_json(text: str | bytes) -> Event:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise EventDecodeError(f"not JSON: {exc}") from exc
    return event_from_dict(data)


class EventSequencer:
    """Stamps a call's events with a monotonically increasing `seq` (from 1)."""

    def __init__(self, call_id: str) -> None:
        self.call_id = call_id
        self.last_seq = 0

    def stamp(self, event: Event) -> Event:
        self.last_seq += 1
        return dataclasses.replace(event, call_id=self.call_id, seq=self.last_seq)
