"""Genesys AudioHook v2: JSON control messages plus binary PCMU audio on one websocket.

The client (Genesys) sends `open` offering media; we answer `opened` with exactly one
of them (or none), and only then may audio arrive. Each binary frame is interleaved
PCMU whose channel i is `channels[i]` of the chosen media, and that order can be
["internal", "external"]. external = customer, internal = agent. Frames have no
fixed duration (one client sends 200 ms).

Timeline: a call from AudioHook runs on the stream's own timeline, AudioHook's
`position` (samples received / 8000), as Genesys' own reference server does. Audio the
client dropped (`discarded`, or `resumed` after a pause) is left out of it, not filled:
filling it with silence would cut a sentence that was still going on, and a spliced-in
stretch of digital silence sounds like speech starting to the voice detector. What was
dropped is counted (`discarded_seconds`). Offsets sent back to Genesys are therefore
the event times themselves.

`verify_signature` checks the HTTP Message Signature (RFC 9421, hmac-sha256) that
Genesys puts on the websocket upgrade request when a client secret is configured.
"""

from __future__ import annotations

import base64
import json
import re
import uuid
from collections.abc import Mapping
from typing import Any

import numpy as np

from copilot.audio.format import AGENT, CUSTOMER
from copilot.events.assist import Suggestion
from copilot.events.core import TranscriptFinal, Word, heard_confidence
from copilot.telephony import g711, httpsig
from copilot.telephony.common import (
    CallClosed,
    CallOpened,
    LegAudio,
    ProtocolError,
    ProtocolEvent,
    ReplyText,
    UtteranceBreak,
    decode_json_object,
    json_field,
)

SOURCE = "audiohook"
# What `opened` lists when the client asks (`supportedLanguages`): copilot's models hear
# English and Dutch, whichever region the Genesys queue names.
SUPPORTED_LANGUAGES = ("en-US", "en-GB", "en-AU", "nl-NL", "nl-BE")
SAMPLE_RATE = 8000
# ~4 s of stereo PCMU: far above what Genesys sends, low enough to bound memory.
MAX_FRAME_BYTES = 64 * 1024
CHANNEL_LEGS = {"external": CUSTOMER, "internal": AGENT}
# Genesys probes a configured endpoint with an all-zero conversation id.
_NULL_UUID = "00000000-0000-0000-0000-000000000000"
_DURATION = re.compile(
    r"PT(?:([0-9]{1,9})H)?(?:([0-9]{1,9})M)?(?:([0-9]{1,12}(?:\.[0-9]{1,9})?)S)?"
)


def parse_duration(text: str) -> float:
    """An AudioHook ISO-8601 duration ("PT1.2S", "PT0S", "PT1M2.5S") in seconds."""
    match = _DURATION.fullmatch(text) if isinstance(text, str) else None
    if match is None or not any(match.groups()):
        raise ProtocolError("bad_duration", f"{str(text)[:40]!r} is not an ISO-8601 duration")
    hours, minutes, seconds = match.groups()
    return int(hours or 0) * 3600 + int(minutes or 0) * 60 + float(seconds or 0)


def choose_media(offered: list[Any]) -> dict[str, Any] | None:
    """Stereo PCMU 8 kHz with both channels if offered, else single-channel PCMU, else None."""
    stereo = mono = None
    for media in offered:
        if not isinstance(media, dict):
            raise ProtocolError("bad_media", "AudioHook open: media entries must be objects")
        channels = media.get("channels")
        rate = media.get("rate")
        if media.get("type") != "audio" or media.get("format") != "PCMU":
            continue
        if isinstance(rate, bool) or rate != SAMPLE_RATE or not isinstance(channels, list):
            continue
        if stereo is None and channels in (["external", "internal"], ["internal", "external"]):
            stereo = media
        elif mono is None and len(channels) == 1 and channels[0] in ("external", "internal"):
            mono = media
    return stereo if stereo is not None else mono


class AudioHookSession:
    """Parser for one AudioHook websocket (the server side of the protocol).

    `feed_text(text)` returns ReplyText for the shell to send (`opened`, `pong`), CallOpened
    on `open`, UtteranceBreak on `paused` and `update`, and CallClosed(reason) on `close`;
    the `closed` answer (`closed_answer`) follows once the call's last events are out.
    With the transcript connector on for the session's organisation, `transcript_events`
    and `assist_event` turn copilot's finals and article suggestions into AudioHook
    `event` messages.
    `feed_binary(data)` returns one LegAudio per channel of the chosen media.
    `pause()`, `resume()` and `disconnect()` build server-initiated messages.
    """

    def __init__(
        self,
        transcripts_for: tuple[str, ...] = (),
        assist_for: tuple[str, ...] = (),
        languages: tuple[str, ...] = SUPPORTED_LANGUAGES,
    ) -> None:
        # Genesys organisation ids ("*": all) whose sessions get copilot's finals back as
        # transcript events, and its article suggestions as agent-assist events.
        self.transcripts_for = transcripts_for
        self.assist_for = assist_for
        self.languages = languages
        self.send_transcripts = False
        self.send_assist = False
        self.language_code = ""  # as Genesys names it, e.g. "nl-NL"
        self.session_id: str | None = None
        self.call_id: str | None = None
        self.media: dict[str, Any] | None = None
        self.legs: tuple[str, ...] = ()
        self.state = "new"  # new -> open -> closed
        self.paused = False
        self.language: str | None = None
        self.last_error: dict[str, Any] | None = None
        self.client_seq = 0
        self.server_seq = 0
        self.samples_received = 0  # per channel, i.e. AudioHook's stream position
        self.discarded_seconds = 0.0

    # --- client -> server ---

    def feed_text(self, text: str) -> list[ProtocolEvent]:
        """MessageParser.feed_text: one AudioHook control message in, items out."""
        message = decode_json_object(text)
        kind = self._check_envelope(message)
        parameters = json_field(message, "parameters", dict, f"AudioHook {kind}", default={})
        handler = _HANDLERS[kind]
        return handler(self, parameters)

    def feed_binary(self, data: bytes) -> list[ProtocolEvent]:
        """MessageParser.feed_binary: one PCMU frame in, one LegAudio per channel out."""
        if not isinstance(data, bytes | bytearray | memoryview):
            raise ProtocolError("not_bytes", f"expected bytes, got {type(data).__name__}")
        if self.state != "open":
            when = "before opened" if self.state == "new" else "after close"
            raise ProtocolError("unexpected_audio", f"AudioHook audio {when}")
        if self.media is None:
            raise ProtocolError("unexpected_audio", "AudioHook audio but no media was selected")
        channels = len(self.legs)
        if len(data) > MAX_FRAME_BYTES:
            raise ProtocolError("oversized", f"AudioHook frame of {len(data)} bytes is too large")
        if len(data) % channels:
            raise ProtocolError(
                "partial_frame",
                f"AudioHook frame of {len(data)} bytes is not a multiple of {channels} channels",
            )
        if not data:
            return []
        frames = g711.ulaw_decode(data).reshape(-1, channels)
        t = self.samples_received / SAMPLE_RATE  # the stream's position, see the module doc
        self.samples_received += frames.shape[0]
        return [
            LegAudio(
                leg=leg, samples=np.ascontiguousarray(frames[:, i]), sample_rate=SAMPLE_RATE, t=t
            )
            for i, leg in enumerate(self.legs)
        ]

    def _check_envelope(self, message: dict[str, Any]) -> str:
        version = message.get("version")
        if version != "2":
            raise ProtocolError(
                "bad_version", f'AudioHook version must be "2", got {version!r:.20}'
            )
        kind = json_field(message, "type", str, "AudioHook message")
        where = f"AudioHook {kind[:20]}"
        if kind not in _HANDLERS:
            raise ProtocolError("unknown_type", f"unknown AudioHook message type {kind[:40]!r}")
        session_id = json_field(message, "id", str, where)
        if not 0 < len(session_id) <= 128:
            raise ProtocolError("bad_id", f"{where}: id must be 1-128 characters")
        if self.session_id is not None and session_id != self.session_id:
            raise ProtocolError("wrong_session", f"{where}: id {session_id!r} is not this session")
        seq = json_field(message, "seq", int, where)
        if seq != self.client_seq + 1:
            raise ProtocolError("bad_seq", f"{where}: seq {seq} after {self.client_seq}")
        serverseq = json_field(message, "serverseq", int, where, default=0)
        if not 0 <= serverseq <= self.server_seq:
            raise ProtocolError("bad_serverseq", f"{where}: serverseq {serverseq} never sent")
        position = json_field(message, "position", str, where, default=None)
        if position is not None:
            parse_duration(position)
        if self.state == "closed":
            raise ProtocolError("after_close", f"{where} after close")
        if self.state == "new" and kind not in ("open", "ping", "close", "error"):
            raise ProtocolError("before_open", f"{where} before open")
        self.session_id, self.client_seq = session_id, seq
        return kind

    def _open(self, parameters: dict[str, Any]) -> list[ProtocolEvent]:
        if self.state != "new":
            raise ProtocolError("duplicate_open", "second AudioHook open on one session")
        where = "AudioHook open.parameters"
        offered = json_field(parameters, "media", list, where)
        conversation_id = json_field(parameters, "conversationId", str, where, default="")
        metadata: dict[str, Any] = {"audiohook_session_id": self.session_id}
        for key, name, kind in _OPEN_METADATA:
            value = json_field(parameters, key, kind, where, default=None)
            if value is not None:
                metadata[name] = value
        if conversation_id == _NULL_UUID:
            metadata["probe"] = True  # a connection test, not a real call
        self.media = choose_media(offered)
        self.legs = tuple(CHANNEL_LEGS[c] for c in self.media["channels"]) if self.media else ()
        self.language = metadata.get("language")
        self.language_code = str(self.language or "")
        if self.language_code:
            # Genesys names a language and region ("nl-NL"); a call's language is "nl".
            metadata["language"] = self.language_code.split("-")[0].lower()
        organization = str(metadata.get("organization_id", ""))
        self.send_transcripts = _enabled(self.transcripts_for, organization)
        self.send_assist = _enabled(self.assist_for, organization)
        self.call_id = conversation_id or self.session_id or ""
        self.state = "open"
        answer: dict[str, Any] = {
            "startPaused": False,
            "media": [self.media] if self.media else [],
        }
        if parameters.get("supportedLanguages") is True:
            answer["supportedLanguages"] = list(self.languages)
        opened = self._reply("opened", answer)
        metadata["media"] = self.media
        return [opened, CallOpened(self.call_id, SOURCE, self.legs, metadata)]

    def _ping(self, parameters: dict[str, Any]) -> list[ProtocolEvent]:
        # Genesys closes the session after ~5 s without a pong, so answer at once.
        return [self._reply("pong", {})]

    def _close(self, parameters: dict[str, Any]) -> list[ProtocolEvent]:
        reason = json_field(parameters, "reason", str, "AudioHook close.parameters", default="end")
        self.state = "closed"
        # `closed` goes out once the call's last transcripts have: see `closed_answer`.
        return [CallClosed(reason=reason[:64], answer_after_end=True)]

    def closed_answer(self) -> ReplyText:
        """The answer to `close`, once everything else for the call has been sent."""
        return self._reply("closed", {})

    def _paused(self, parameters: dict[str, Any]) -> list[ProtocolEvent]:
        # What was said up to the pause is complete; audio after it is a new utterance.
        self.paused = True
        return [UtteranceBreak("paused")]

    def _resumed(self, parameters: dict[str, Any]) -> list[ProtocolEvent]:
        # `resumed` says how much audio the client dropped while paused.
        self.paused = False
        self._add_discarded(parameters, "AudioHook resumed.parameters", required=False)
        return []

    def _discarded(self, parameters: dict[str, Any]) -> list[ProtocolEvent]:
        self._add_discarded(parameters, "AudioHook discarded.parameters", required=True)
        return []

    def _update(self, parameters: dict[str, Any]) -> list[ProtocolEvent]:
        where = "AudioHook update.parameters"
        self.language = json_field(parameters, "language", str, where, default=self.language)
        self.language_code = str(self.language or self.language_code)
        return [UtteranceBreak("update")]  # the words so far were said in the old setting

    def _error(self, parameters: dict[str, Any]) -> list[ProtocolEvent]:
        # The client reports a problem and will follow with `close`; keep it for the log.
        self.last_error = dict(parameters)
        return []

    def _add_discarded(self, parameters: dict[str, Any], where: str, *, required: bool) -> None:
        if not required and "discarded" not in parameters:
            return
        parse_duration(json_field(parameters, "start", str, where))
        self.discarded_seconds += parse_duration(json_field(parameters, "discarded", str, where))

    # --- server -> client ---

    def transcript_events(self, final: TranscriptFinal) -> list[ReplyText]:
        """copilot's final as AudioHook transcript events, one per sentence of it.

        Genesys shows each transcript entity as a phrase of the interaction: an utterance
        of several sentences goes as several, each with its own offsets and tokens.
        Without word timings the final goes whole.
        """
        if not self.send_transcripts or final.speaker not in self.legs or not final.text:
            return []
        sentences = _sentences(final.words) if final.words else []
        if not sentences:
            return [self._transcript(final, final.text, final.start, final.end, (), 0)]
        return [
            self._transcript(final, " ".join(w.word for w in words), start, end, words, i)
            for i, (words, start, end) in enumerate(sentences)
        ]

    def _transcript(
        self,
        final: TranscriptFinal,
        text: str,
        start: float,
        end: float,
        words: tuple[Word, ...],
        index: int,
    ) -> ReplyText:
        tokens, seen = [], set()  # event times are stream positions: no conversion
        for word in words:
            if not any(c.isalnum() for c in word.word):
                continue  # punctuation rides on its word in `transcript`
            at = word.start
            while round(at, 3) in seen:  # every token has its own offset
                at += 0.001
            seen.add(round(at, 3))
            tokens.append(
                {
                    "type": "word",
                    "value": word.word,
                    "confidence": _unit(word.probability),
                    "offset": _duration(at),
                    "duration": _duration(max(0.0, word.end - word.start)),
                }
            )
        confidence = heard_confidence(words or final.words)
        name = f"{self.call_id}/{final.utterance_id}/{index}"
        data = {
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, name)),
            "channelId": self.legs.index(final.speaker),
            "isFinal": True,
            "offset": _duration(start),
            "duration": _duration(end - start),
            "alternatives": [
                {
                    "confidence": _unit(confidence),
                    "languages": [self.language_code or _region(final.language)],
                    "interpretations": [
                        {"type": "display", "transcript": _joined(text), "tokens": tokens}
                    ],
                }
            ],
        }
        return self._reply("event", {"entities": [{"type": "transcript", "data": data}]})

    def assist_event(self, suggestion: Suggestion) -> ReplyText | None:
        """A knowledge-base article copilot suggests, as an AudioHook agent-assist event."""
        if not self.send_assist or suggestion.kind != "article":
            return None
        article = {
            "type": "article",
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, suggestion.suggestion_id)),
            "confidence": _unit(suggestion.confidence),
            "position": _duration(suggestion.t),
            "title": suggestion.title,
            "excerpts": [suggestion.text] if suggestion.text else [],
            "documentUri": f"urn:copilot:kb:{suggestion.item}",
            "metadata": {"language": suggestion.language, "heard": f"{suggestion.heard:.2f}"},
        }
        data = {
            "id": str(
                uuid.uuid5(uuid.NAMESPACE_URL, f"{suggestion.suggestion_id}/{suggestion.seq}")
            ),
            "suggestions": [article],
        }
        return self._reply("event", {"entities": [{"type": "agentassist", "data": data}]})

    def disconnect(self, reason: str, info: str | None = None) -> ReplyText:
        """Ask Genesys to close: reason "completed", "unauthorized" or "error"."""
        parameters = {"reason": reason} if info is None else {"reason": reason, "info": info}
        return self._reply("disconnect", parameters)

    def _reply(self, kind: str, parameters: dict[str, Any]) -> ReplyText:
        if self.session_id is None:
            raise ValueError("no AudioHook session id yet: nothing has been received")
        self.server_seq += 1
        message = {
            "version": "2",
            "type": kind,
            "seq": self.server_seq,
            "clientseq": self.client_seq,
            "id": self.session_id,
            "parameters": parameters,
        }
        return ReplyText(json.dumps(message, separators=(",", ":")))


_SENTENCE_END = (".", "!", "?")


def _sentences(words: tuple[Word, ...]) -> list[tuple[tuple[Word, ...], float, float]]:
    """Whisper's words cut after each sentence mark: (words, first word start, last word end).

    Whisper gives the pause after a sentence to its full stop, so a sentence ends where
    its last spoken word does, not where the mark's token ends.
    """
    out, current = [], []
    for word in words:
        current.append(word)
        if word.word.endswith(_SENTENCE_END):
            out.append(tuple(current))
            current = []
    if current:
        out.append(tuple(current))
    spans = []
    for group in out:
        spoken = [w for w in group if any(c.isalnum() for c in w.word)]
        if spoken:
            spans.append((group, spoken[0].start, spoken[-1].end))
        elif spans:  # a stray mark belongs to the sentence before it
            previous, start, end = spans[-1]
            spans[-1] = (previous + group, start, end)
    return spans


def _joined(text: str) -> str:
    """Words joined with spaces, without the space whisper's tokens put before a mark."""
    return re.sub(r" ([.,!?;:])", r"\1", text)


def _enabled(organizations: tuple[str, ...], organization: str) -> bool:
    return "*" in organizations or (bool(organization) and organization in organizations)


def _unit(value: float) -> float:
    """A confidence as AudioHook takes it: in [0, 1], to three decimals."""
    return round(min(1.0, max(0.0, value)), 3)


def _duration(seconds: float) -> str:
    """Seconds as an AudioHook ISO-8601 duration, to the millisecond ("PT1.234S")."""
    return f"PT{max(0.0, seconds):.3f}S"


def _region(language: str) -> str:
    return {"nl": "nl-NL", "en": "en-US"}.get(language, language or "en-US")


_HANDLERS = {
    "open": AudioHookSession._open,
    "ping": AudioHookSession._ping,
    "close": AudioHookSession._close,
    "paused": AudioHookSession._paused,
    "resumed": AudioHookSession._resumed,
    "discarded": AudioHookSession._discarded,
    "update": AudioHookSession._update,
    "error": AudioHookSession._error,
}
# open.parameters field -> CallOpened.metadata key, with its JSON type.
_OPEN_METADATA = (
    ("organizationId", "organization_id", str),
    ("conversationId", "conversation_id", str),
    ("participant", "participant", dict),
    ("language", "language", str),
    ("customConfig", "custom_config", dict),
)


# What a Genesys upgrade signature covers; one that leaves any of these out proves nothing.
SIGNED_COMPONENTS = (
    "@request-target",
    "@authority",
    "audiohook-organization-id",
    "audiohook-session-id",
    "audiohook-correlation-id",
    "x-api-key",
)


def verify_signature(
    method: str,
    authority: str,
    path: str,
    headers: Mapping[str, str],
    client_secret_b64: str,
    now: float,
    *,
    max_age: float = 30.0,
) -> httpsig.VerifiedSignature:
    """Raise ProtocolError unless the websocket upgrade carries a valid AudioHook signature.

    HTTP Message Signature, hmac-sha256 keyed with the base64-decoded client secret,
    covering SIGNED_COMPONENTS, keyid = the X-API-KEY header, `created` within
    `max_age` seconds of `now` (Unix time) and `expires` not passed. `path` is the
    request target as sent, `authority` the host[:port] the client dialled.

    The result's `replay_key` may be used once while the signature is valid (`valid_until`);
    the shell keeps that record. Genesys signs with a `nonce`, but AudioHook asks only for
    `created` / `expires` (Genesys' reference server does not require a nonce either), so
    a signature without one is accepted rather than refused: its MAC stands in for the
    nonce, and a replay of the same request is still refused.
    """
    try:
        key = base64.b64decode(client_secret_b64, validate=True)
    except (ValueError, TypeError):  # binascii.Error is a ValueError
        raise ProtocolError("config", "configured AudioHook client secret is not base64") from None
    api_key = next((v for k, v in headers.items() if str(k).lower() == "x-api-key"), None)
    if not isinstance(api_key, str) or not api_key:
        raise ProtocolError("unauthorized", "missing X-API-KEY header")
    return httpsig.verify_hmac_sha256(
        method,
        authority,
        path,
        headers,
        key,
        now,
        required=SIGNED_COMPONENTS,
        keyid=api_key.strip(),
        max_age=max_age,
    )
