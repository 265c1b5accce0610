import base64
import json

import numpy as np
import pytest

from copilot.audio.format import AGENT, CUSTOMER
from copilot.telephony import g711
from copilot.telephony.common import (
    CallClosed,
    CallOpened,
    DtmfPressed,
    LegAudio,
    MarkPlayed,
    ProtocolError,
)
from copilot.telephony.twilio import (
    TwilioMediaStream,
    build_clear_message,
    build_mark_message,
    build_media_message,
)

STREAM_SID = "MZ18ad3ab5a668481ce02b83e7395059f0"
CALL_SID = "CA6b5d8b5e3c51ba2e1d52e0c2a9bf5a45"
ACCOUNT_SID = "AC25e16e9a716a4a1786a7c83f58e30482"

# Shaped like Twilio's own examples: ids repeated at top level, numbers as strings.
CONNECTED = {"event": "connected", "protocol": "Call", "version": "1.0.0"}


def start_message(tracks=("inbound", "outbound"), **overrides):
    start = {
        "accountSid": ACCOUNT_SID,
        "streamSid": STREAM_SID,
        "callSid": CALL_SID,
        "tracks": list(tracks),
        "customParameters": {"agent_id": "agent-17", "queue": "billing"},
        "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1},
    }
    start.update(overrides)
    return {"event": "start", "sequenceNumber": "1", "start": start, "streamSid": STREAM_SID}


def media_message(track, chunk, timestamp_ms, payload, seq):
    return {
        "event": "media",
        "sequenceNumber": str(seq),
        "media": {
            "track": track,
            "chunk": str(chunk),
            "timestamp": str(timestamp_ms),
            "payload": base64.b64encode(payload).decode("ascii"),
        },
        "streamSid": STREAM_SID,
    }


def feed(stream, message):
    return stream.feed_text(json.dumps(message))


def started(tracks=("inbound", "outbound")):
    stream = TwilioMediaStream()
    feed(stream, CONNECTED)
    feed(stream, start_message(tracks))
    return stream


def tone(n=160, amplitude=6000, freq=440.0, phase=0):
    t = (np.arange(n) + phase) / 8000
    return (amplitude * np.sin(2 * np.pi * freq * t)).astype(np.int16)


@pytest.mark.parametrize("version", ["1.0.0", "0.2.0"])
def test_connected_then_start_opens_the_call(version):
    stream = TwilioMediaStream()
    assert feed(stream, {**CONNECTED, "version": version}) == []
    [opened] = feed(stream, start_message())
    assert opened == CallOpened(
        call_id=CALL_SID,
        source="twilio",
        legs=(CUSTOMER, AGENT),
        metadata={
            "agent_id": "agent-17",
            "queue": "billing",
            "twilio_stream_sid": STREAM_SID,
            "twilio_call_sid": CALL_SID,
            "twilio_account_sid": ACCOUNT_SID,
            "twilio_tracks": ["inbound", "outbound"],
            "twilio_version": version,
        },
    )


def test_call_id_falls_back_to_stream_sid():
    stream = TwilioMediaStream()
    message = start_message()
    del message["start"]["callSid"]
    [opened] = feed(stream, message)
    assert opened.call_id == STREAM_SID


def test_custom_parameters_cannot_overwrite_twilio_ids():
    stream = TwilioMediaStream()
    message = start_message(customParameters={"twilio_call_sid": "spoofed"})
    [opened] = feed(stream, message)
    assert opened.metadata["twilio_call_sid"] == CALL_SID


def test_media_tracks_map_to_legs_and_timestamps_to_seconds():
    stream = started()
    customer, agent = tone(phase=0), tone(freq=300.0)
    # Outbound can arrive before inbound for the same instant: order by timestamp, not arrival.
    [a] = feed(stream, media_message("outbound", 1, 0, g711.ulaw_encode(agent), 2))
    [c] = feed(stream, media_message("inbound", 1, 0, g711.ulaw_encode(customer), 3))
    [c2] = feed(stream, media_message("inbound", 2, 20, g711.ulaw_encode(tone(phase=160)), 4))
    assert (a.leg, a.t, a.sample_rate) == (AGENT, 0.0, 8000)
    assert (c.leg, c.t) == (CUSTOMER, 0.0)
    assert c2.t == pytest.approx(0.02)
    assert c.samples.dtype == np.int16 and len(c.samples) == 160
    np.testing.assert_array_equal(c.samples, g711.ulaw_decode(g711.ulaw_encode(customer)))
    assert np.max(np.abs(c.samples.astype(int) - customer)) < 200  # mu-law step at 6000


def test_decodes_payload_bytes_exactly():
    stream = started()
    [audio] = feed(stream, media_message("inbound", 1, 1234, bytes([0xFF, 0x00, 0x80]), 2))
    assert audio.samples.tolist() == [0, -32124, 32124]
    assert audio.t == pytest.approx(1.234)


def test_large_timestamp_string():
    stream = started()
    [audio] = feed(stream, media_message("inbound", 180001, 3600000, b"\xff" * 160, 2))
    assert audio.t == 3600.0


def test_empty_payload_gives_no_audio():
    stream = started()
    assert feed(stream, media_message("inbound", 1, 0, b"", 2)) == []


def test_dtmf_mark_and_stop():
    stream = TwilioMediaStream()
    feed(stream, CONNECTED)
    feed(stream, start_message(tracks=["inbound"]))
    dtmf = {
        "event": "dtmf",
        "streamSid": STREAM_SID,
        "sequenceNumber": "5",
        "dtmf": {"track": "inbound_track", "digit": "5"},
    }
    assert feed(stream, dtmf) == [DtmfPressed(leg=CUSTOMER, digit="5")]
    mark = {
        "event": "mark",
        "sequenceNumber": "6",
        "streamSid": STREAM_SID,
        "mark": {"name": "greeting-done"},
    }
    assert feed(stream, mark) == [MarkPlayed("greeting-done")]
    assert feed(stream, {**mark, "mark": {}}) == []  # no name: not one of ours
    stop = {
        "event": "stop",
        "sequenceNumber": "7",
        "streamSid": STREAM_SID,
        "stop": {"accountSid": ACCOUNT_SID, "callSid": CALL_SID},
    }
    assert feed(stream, stop) == [CallClosed(reason="stop")]
    with pytest.raises(ProtocolError, match="after stop"):
        feed(stream, media_message("inbound", 9, 100, b"\xff", 8))


def _media_with(**media_overrides):
    message = media_message("inbound", 1, 0, b"\xff" * 160, 2)
    message["media"].update(media_overrides)
    return json.dumps(message)


@pytest.mark.parametrize(
    "text,match",
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ('"media"', "JSON object"),
        ('{"event": "hello"}', "unknown Twilio event"),
        ('{"protocol": "Call"}', "missing field 'event'"),
        ('{"event": 7}', "must be a string"),
        ('{"event": "media", "media": NaN}', "not valid JSON"),
        ("[" * 5000 + "]" * 5000, "not valid JSON"),
        (_media_with(payload="not base64!!"), "not base64"),
        (_media_with(timestamp="2.5"), "not a decimal string"),
        (_media_with(timestamp="-20"), "not a decimal string"),
        (_media_with(timestamp=2.5), "not a whole number"),
        (_media_with(timestamp=-20), "not a whole number"),
        (_media_with(timestamp=True), "not a whole number"),
        (_media_with(timestamp=None), "missing field 'timestamp'"),
        (_media_with(track="both"), "unknown track"),
        (_media_with(payload=base64.b64encode(b"\xff" * 8001).decode()), "1 s of audio"),
        (json.dumps({**media_message("inbound", 1, 0, b"", 2), "streamSid": "MZother"}), "stream"),
        (json.dumps(start_message()), "second Twilio start"),
        ('{"event":"media","media":{"track":"inbound"},"pad":"' + "x" * 70000 + '"}', "exceeds"),
    ],
)
def test_malformed_messages_raise_protocol_error(text, match):
    stream = started()
    with pytest.raises(ProtocolError, match=match):
        stream.feed_text(text)


def test_media_before_start():
    stream = TwilioMediaStream()
    feed(stream, CONNECTED)
    with pytest.raises(ProtocolError, match="before start") as info:
        feed(stream, media_message("inbound", 1, 0, b"\xff", 1))
    assert info.value.code == "before_start"


def test_track_not_announced_in_start():
    stream = started(tracks=["inbound"])
    with pytest.raises(ProtocolError, match="not in start.tracks"):
        feed(stream, media_message("outbound", 1, 0, b"\xff", 2))


@pytest.mark.parametrize(
    "media_format",
    [
        {"encoding": "audio/x-alaw", "sampleRate": 8000, "channels": 1},
        {"encoding": "audio/x-mulaw", "sampleRate": 16000, "channels": 1},
        {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 2},
        {"encoding": "audio/x-mulaw", "sampleRate": "8000", "channels": 1},
        {"encoding": "audio/x-mulaw", "sampleRate": True, "channels": 1},
    ],
)
def test_start_rejects_other_media_formats(media_format):
    with pytest.raises(ProtocolError, match="mediaFormat"):
        feed(TwilioMediaStream(), start_message(mediaFormat=media_format))


@pytest.mark.parametrize("tracks", [[], ["sideways"], "inbound", [{"track": "inbound"}]])
def test_start_rejects_bad_tracks(tracks):
    with pytest.raises(ProtocolError):
        feed(TwilioMediaStream(), start_message(tracks=tracks))


def test_non_text_input():
    with pytest.raises(ProtocolError, match="text message"):
        TwilioMediaStream().feed_text(b'{"event": "connected"}')


def test_outbound_message_builders():
    samples = tone()
    media = json.loads(build_media_message(STREAM_SID, samples))
    assert media["event"] == "media" and media["streamSid"] == STREAM_SID
    payload = base64.b64decode(media["media"]["payload"])
    assert payload == g711.ulaw_encode(samples) and len(payload) == 160
    assert json.loads(build_mark_message(STREAM_SID, "utt-3")) == {
        "event": "mark",
        "streamSid": STREAM_SID,
        "mark": {"name": "utt-3"},
    }
    assert json.loads(build_clear_message(STREAM_SID)) == {
        "event": "clear",
        "streamSid": STREAM_SID,
    }


def test_every_event_is_a_protocol_event_type():
    stream = started()
    events = feed(stream, media_message("inbound", 1, 0, b"\x00" * 160, 2))
    assert all(isinstance(e, LegAudio) for e in events)


def test_numbers_where_twilio_sends_strings_are_taken_and_unused_fields_ignored():
    """A platform or proxy that sends numbers must not lose the call or its audio."""
    stream = TwilioMediaStream()
    feed(stream, CONNECTED)
    start = start_message()
    start["sequenceNumber"] = 1
    [opened] = feed(stream, start)
    assert opened.call_id == CALL_SID
    message = media_message("inbound", 1, 40, b"\xff" * 160, 2)
    message["sequenceNumber"] = 2
    message["media"].update(chunk=1, timestamp=40, extra={"anything": True})
    message["unknown"] = [1, 2]
    [audio] = feed(stream, message)
    assert audio.t == 0.04 and len(audio.samples) == 160
    message["media"].update(chunk="not a number", timestamp="60")
    message["sequenceNumber"] = None
    [later] = feed(stream, message)
    assert later.t == 0.06
