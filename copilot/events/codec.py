"""Events back from JSON: the one table of every event type, and a strict decoder.

The store, the relay, replay reports and the sidebars' feedback all read events
with `event_from_json`; a document that is not a valid event raises
`EventDecodeError` with a message for the client that sent it.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from copilot.events.affect import Affect, Alert
from copilot.events.assist import Draft, RouteToHuman, Suggestion
from copilot.events.core import (
    CallAssigned,
    CallEnded,
    CallLanguage,
    CallStarted,
    Dtmf,
    ErrorEvent,
    Event,
    LegsSplit,
    SpeechEnded,
    SpeechStarted,
    TranscriptFinal,
    TranscriptPartial,
    Word,
)
from copilot.events.feedback import DraftDelivery
from copilot.events.voicebot import BotDecision, BotSay, BotStop, Handoff


class EventDecodeError(ValueError):
    """A JSON document that is not a valid copilot event."""


EVENT_TYPES: dict[str, type[Event]] = {
    cls.type: cls
    for cls in (
        CallStarted,
        CallAssigned,
        CallLanguage,
        CallEnded,
        LegsSplit,
        SpeechStarted,
        SpeechEnded,
        TranscriptPartial,
        TranscriptFinal,
        Dtmf,
        ErrorEvent,
        Affect,
        Alert,
        Suggestion,
        Draft,
        RouteToHuman,
        DraftDelivery,
        BotSay,
        BotStop,
        BotDecision,
        Handoff,
    )
}


def event_from_dict(data: dict[str, Any]) -> Event:
    """The event a decoded JSON object stands for; anything else raises EventDecodeError."""
    if not isinstance(data, dict):
        raise EventDecodeError("an event must be a JSON object")
    type_name = data.get("type", "")
    cls = EVENT_TYPES.get(type_name) if isinstance(type_name, str) else None
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
    """The event in one JSON document; bad JSON or a bad event raises EventDecodeError."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise EventDecodeError(f"not JSON: {exc}") from exc
    return event_from_dict(data)
