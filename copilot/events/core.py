"""The events every call has: its start and end, speech, transcripts, DTMF and errors.

`Event` owns the JSON form of every event (`to_dict`, `to_json`); `codec` reads it
back. `docs/protocol.md` documents it for outsiders; bump PROTOCOL_VERSION when
a field changes meaning or disappears, PROTOCOL_MINOR when fields are added.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

# `v` on every event. A reader of version 1 reads every 1.x event: minor versions only add
# optional fields, so `v` stays the major version and a new field is known by its presence.
PROTOCOL_VERSION = 1
# 1.1: cues carry what they are made of (topic, phrase, emotion, score, feature, z…), alerts
# the thresholds they were judged by, affect events the word-confidence thresholds.
# 1.2: `bot.say` names the article card an answer came from (`suggestion_id`), article cards
# the intents their article is written for (`article_intents`); a chat bot's lines are also
# `transcript.final` events with speaker `bot`.
# 1.3: an intent card may say `status` `not_sure` (and what is `missing`) instead of a guess;
# `call.assigned` moves a call to another agent (a chat handed over to a routed team).
# 1.4: `call.language` says which language a call with language `auto` was decided to be in.
# Also: call summaries carry `level`, `team`, `last_speaker` and `last_text`, and risk ranks
# by the latest alert's level first; `/events` pages the day's ended calls (`history`).
# Also: `legs.split`: a live single mixed stream's voices told apart into agent and
# customer; `call.started` metadata `leg_source` says how a call's legs were found.
PROTOCOL_MINOR = 4


@dataclass(frozen=True)
class Event:
    """Fields every event carries. `t` is seconds since the start of the call."""

    call_id: str
    seq: int
    t: float
    type: ClassVar[str] = "event"

    def to_dict(self) -> dict[str, Any]:
        """The wire form: `type`, `v` and every field, nested values plain, floats to 3 places."""
        data = {"type": self.type, "v": PROTOCOL_VERSION}
        for f in dataclasses.fields(self):
            data[f.name] = _plain(getattr(self, f.name))
        return data

    def to_json(self) -> str:
        """`to_dict` as compact one-line JSON, non-ASCII characters kept as they are."""
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))


def _plain(value: Any) -> Any:
    own_form = getattr(value, "to_dict", None)
    if callable(own_form):  # a nested value that leaves out its unused fields (a Cue)
        return {k: _plain(v) for k, v in own_form().items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 3)
    return value


@dataclass(frozen=True)
class Word:
    """One word whisper heard: start and end in call seconds, and its probability."""

    word: str
    start: float
    end: float
    probability: float


@dataclass(frozen=True)
class CallStarted(Event):
    """First event of every call: its source, its legs and its metadata (platform ids, agent…)."""

    source: str = ""
    legs: tuple[str, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)
    type: ClassVar[str] = "call.started"


@dataclass(frozen=True)
class CallAssigned(Event):
    """The call belongs to `agent_id` from now on (the one in `call.started` metadata before):
    its sidebar may follow and answer it, the previous agent's no longer (protocol 1.3)."""

    agent_id: str = ""
    team: str = ""  # the queue or team the call was routed to
    type: ClassVar[str] = "call.assigned"


@dataclass(frozen=True)
class CallLanguage(Event):
    """The language `auto` decided for the call (protocol 1.4), at `t`, the end of the last
    utterance it needed; finals from then on are transcribed in it.

    `confidence` is the length-weighted mean probability of `language` over the utterances
    that voted; `unsure` when it is below `[language_detection] unsure_below`.
    """

    language: str = ""
    confidence: float = 0.0
    unsure: bool = False
    probabilities: dict[str, float] = field(default_factory=dict)  # per candidate language
    speech_s: float = 0.0  # seconds of speech it heard, both legs together
    utterances: int = 0  # utterances it heard
    decoded: int = 0  # of them, decoded in each candidate (whisper's language token unsure)
    legs: tuple[str, ...] = ()  # the legs it heard
    cpu_s: float = 0.0  # CPU seconds identification took
    type: ClassVar[str] = "call.language"


@dataclass(frozen=True)
class LegsSplit(Event):
    """A live mixed stream's two voices were told apart at `t` (protocol 1.4): audio until
    then was held and is labelled now (its utterances come after this event), later audio
    goes to a leg as it comes, about a second behind the line."""

    speakers: int = 2  # voices heard: 2, or 1 (all of it one leg) or 0
    agent_rule: str = ""  # voiceprint, first_speaker, or one_voice
    confidence: float = 0.0
    voice_similarity: float | None = None
    type: ClassVar[str] = "legs.split"


@dataclass(frozen=True)
class CallEnded(Event):
    """Last event of every call, after every final: how long it lasted and why it ended."""

    duration: float = 0.0
    reason: str = "end"
    type: ClassVar[str] = "call.ended"


@dataclass(frozen=True)
class SpeechStarted(Event):
    """A leg began an utterance; it ends in a `transcript.final` or a `speech.ended`."""

    speaker: str = ""
    utterance_id: str = ""
    type: ClassVar[str] = "speech.started"


@dataclass(frozen=True)
class SpeechEnded(Event):
    """An utterance that closed without words: every `speech.started` ends in a final or this.

    `reason`: `too_short` (a click or breath under the segmenter's minimum) or `no_words`
    (whisper heard no words in it: a tone, noise, a cough).
    """

    speaker: str = ""
    utterance_id: str = ""
    start: float = 0.0
    end: float = 0.0
    reason: str = "no_words"
    type: ClassVar[str] = "speech.ended"


@dataclass(frozen=True)
class TranscriptPartial(Event):
    """Interim text of an utterance not yet final; later partials and its final replace it."""

    speaker: str = ""
    utterance_id: str = ""
    start: float = 0.0
    end: float = 0.0
    text: str = ""
    type: ClassVar[str] = "transcript.partial"


@dataclass(frozen=True)
class TranscriptFinal(Event):
    """An utterance's settled text, language and timed words: what affect and assist act on."""

    speaker: str = ""
    utterance_id: str = ""
    start: float = 0.0
    end: float = 0.0
    text: str = ""
    language: str = ""
    words: tuple[Word, ...] = ()
    type: ClassVar[str] = "transcript.final"


def clearly_heard_text(text: str, words: tuple[Word, ...] | list[Word], floor: float) -> str:
    """The final's text without the words whisper was less sure of than `floor`.

    Without word timings the text is all there is, and it is returned whole.
    """
    if not words:
        return text
    return " ".join(w.word for w in words if w.probability >= floor)


def heard_confidence(words: tuple[Word, ...] | list[Word]) -> float:
    """How sure whisper was of a final's words: their mean probability (1.0 without timings)."""
    if not words:
        return 1.0
    return sum(w.probability for w in words) / len(words)


@dataclass(frozen=True)
class Dtmf(Event):
    """A key pressed on a leg (Twilio `dtmf`, AudioSocket `0x03`)."""

    speaker: str = ""
    digit: str = ""
    type: ClassVar[str] = "dtmf"


@dataclass(frozen=True)
class ErrorEvent(Event):
    """Something went wrong for this call or this client only."""

    code: str = ""
    message: str = ""
    type: ClassVar[str] = "error"


class EventSequencer:
    """Stamps a call's events with a monotonically increasing `seq` (from 1)."""

    def __init__(self, call_id: str) -> None:
        self.call_id = call_id
        self.last_seq = 0

    def stamp(self, event: Event) -> Event:
        """The event with this call's id and the next seq."""
        self.last_seq += 1
        return dataclasses.replace(event, call_id=self.call_id, seq=self.last_seq)


def word_spans(text: str, words: Sequence[Word]) -> list[tuple[int, int, float]]:
    """(start, end, probability) of each timed word in `text`; words not found are left out."""
    spans, position = [], 0
    lowered = text.lower()
    for word in words:
        token = word.word.strip().lower()
        if not token:
            continue
        at = lowered.find(token, position)
        if at < 0:
            continue
        spans.append((at, at + len(token), float(word.probability)))
        position = at + len(token)
    return spans


def span_confidence(
    spans: list[tuple[int, int, float]], start: int, end: int, every: bool = False
) -> float:
    """Mean probability of the words overlapping [start, end); 1.0 without word timings.

    The mean, not the minimum: whisper is often unsure of a short function word inside a
    phrase it heard well ("dit is niet normaal"); a one-word request is that word alone.
    With `every`, the least sure word: for a phrase that counts only if all of it was heard.
    """
    if not spans:
        return 1.0
    inside = [p for s, e, p in spans if s < end and e > start]
    if inside:
        return round(min(inside) if every else sum(inside) / len(inside), 3)
    return round(sum(p for _, _, p in spans) / len(spans), 3)  # not aligned: the utterance's mean
