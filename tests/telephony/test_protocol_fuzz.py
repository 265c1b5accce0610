"""Property tests: whatever a peer sends, parsers return ProtocolEvents or raise ProtocolError.

CI runs a few hundred examples per property; a benchmark run can ask for more with
COPILOT_FUZZ_EXAMPLES=20000.
"""

import base64
import copy
import json
import os
import uuid

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copilot.audio.format import LEGS
from copilot.telephony import audiosocket as asock
from copilot.telephony.audiohook import AudioHookSession, parse_duration, verify_signature
from copilot.telephony.audiosocket import AudioSocketParser
from copilot.telephony.common import LegAudio, ProtocolError, ProtocolEvent
from copilot.telephony.raw_ingest import RawIngestSession
from copilot.telephony.twilio import TwilioMediaStream

FUZZ = settings(
    max_examples=int(os.environ.get("COPILOT_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def check(call, *args):
    """Call a parser entry point; only ProtocolError may escape, results must be events."""
    try:
        events = call(*args)
    except ProtocolError as exc:
        assert exc.code and str(exc)
        return None
    assert isinstance(events, list)
    for event in events:
        assert isinstance(event, ProtocolEvent)
        if isinstance(event, LegAudio):
            assert event.leg in LEGS
            assert event.samples.dtype == np.int16 and event.samples.ndim == 1
            assert event.sample_rate > 0
    return events


# --- JSON building blocks -----------------------------------------------------------

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=24)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
# Values a real peer could plausibly put in the wrong place.
_PLAUSIBLE_TEXT = "0 20 -1 1.5 PT0S PT1.2S PT inbound outbound inbound_track external internal"
_PLAUSIBLE_OTHER = ["", "PCMU", "2", "//8=", "x" * 300, 0, 1, 2, 8000, 16000, -1, 2**31, True]
plausible = st.sampled_from(
    _PLAUSIBLE_TEXT.split() + _PLAUSIBLE_OTHER + [None, [], {}, ["external", "internal"]]
)
mutant_values = plausible | json_values


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, prefix + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, prefix + (index,))


@st.composite
def mutated(draw, template):
    """`template` with one field replaced, deleted or left alone, as JSON text."""
    message = copy.deepcopy(template)
    path = draw(st.sampled_from(list(_paths(message))[1:]))
    parent = message
    for key in path[:-1]:
        parent = parent[key]
    action = draw(st.sampled_from(["replace", "delete", "keep"]))
    if action == "replace":
        parent[path[-1]] = draw(mutant_values)
    elif action == "delete":
        del parent[path[-1]]
    return json.dumps(message)


text_garbage = st.text(max_size=200) | json_values.map(json.dumps)


# --- Twilio ---------------------------------------------------------------------------

MULAW_B64 = base64.b64encode(bytes(range(0, 256, 16)) * 10).decode()
TWILIO = [
    {"event": "connected", "protocol": "Call", "version": "1.0.0"},
    {
        "event": "start",
        "sequenceNumber": "1",
        "streamSid": "MZ1",
        "start": {
            "accountSid": "AC1",
            "streamSid": "MZ1",
            "callSid": "CA1",
            "tracks": ["inbound", "outbound"],
            "customParameters": {"agent": "7"},
            "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1},
        },
    },
    {
        "event": "media",
        "sequenceNumber": "2",
        "streamSid": "MZ1",
        "media": {"track": "inbound", "chunk": "1", "timestamp": "20", "payload": MULAW_B64},
    },
    {
        "event": "media",
        "sequenceNumber": "3",
        "streamSid": "MZ1",
        "media": {"track": "outbound", "chunk": "1", "timestamp": "20", "payload": MULAW_B64},
    },
    {
        "event": "dtmf",
        "sequenceNumber": "4",
        "streamSid": "MZ1",
        "dtmf": {"track": "inbound_track", "digit": "1"},
    },
    {"event": "mark", "sequenceNumber": "5", "streamSid": "MZ1", "mark": {"name": "m"}},
    {
        "event": "stop",
        "sequenceNumber": "6",
        "streamSid": "MZ1",
        "stop": {"accountSid": "AC1", "callSid": "CA1"},
    },
]
twilio_message = st.sampled_from(TWILIO).flatmap(mutated) | st.sampled_from(TWILIO).map(json.dumps)


@FUZZ
@given(st.lists(twilio_message | text_garbage, max_size=12))
def test_twilio_any_sequence(messages):
    stream = TwilioMediaStream()
    for text in messages:
        check(stream.feed_text, text)


@FUZZ
@given(st.sampled_from(TWILIO[2:]).flatmap(mutated))
def test_twilio_near_valid_after_start(text):
    stream = TwilioMediaStream()
    stream.feed_text(json.dumps(TWILIO[0]))
    stream.feed_text(json.dumps(TWILIO[1]))
    check(stream.feed_text, text)


@FUZZ
@given(st.binary(max_size=64) | st.integers() | st.none())
def test_twilio_non_text(value):
    check(TwilioMediaStream().feed_text, value)


# --- AudioHook ------------------------------------------------------------------------

SID = "e160e428-53e2-487c-977d-96989bf5c99d"
MEDIA = [
    {"type": "audio", "format": "PCMU", "channels": ["internal", "external"], "rate": 8000},
    {"type": "audio", "format": "PCMU", "channels": ["external"], "rate": 8000},
]
AUDIOHOOK_PARAMETERS = {
    "open": {
        "organizationId": "o",
        "conversationId": "c",
        "media": MEDIA,
        "language": "en-US",
        "participant": {"id": "p", "ani": "+1", "aniName": "n", "dnis": "+2"},
    },
    "ping": {"rtt": "PT0.05S"},
    "paused": {},
    "resumed": {"start": "PT1S", "discarded": "PT2.5S"},
    "discarded": {"start": "PT1S", "discarded": "PT0.2S"},
    "update": {"language": "fr-FR"},
    "error": {"code": 429, "message": "slow down"},
    "close": {"reason": "end"},
}


def audiohook_message(kind, seq, serverseq=0):
    return {
        "version": "2",
        "id": SID,
        "type": kind,
        "seq": seq,
        "serverseq": serverseq,
        "position": "PT1.5S",
        "parameters": copy.deepcopy(AUDIOHOOK_PARAMETERS[kind]),
    }


@FUZZ
@given(st.data())
def test_audiohook_session_sequences(data):
    session = AudioHookSession()
    seq = 0
    for _ in range(data.draw(st.integers(0, 10))):
        choice = data.draw(st.sampled_from(["valid", "mutated", "garbage", "binary"]))
        if choice == "binary":
            check(session.feed_binary, data.draw(st.binary(max_size=400)))
            continue
        kind = data.draw(st.sampled_from(sorted(AUDIOHOOK_PARAMETERS)))
        template = audiohook_message(kind, seq + 1, session.server_seq)
        if choice == "valid":
            text = json.dumps(template)
        elif choice == "mutated":
            text = data.draw(mutated(template))
        else:
            text = data.draw(text_garbage)
        if check(session.feed_text, text) is not None:
            seq = session.client_seq


@FUZZ
@given(st.binary(max_size=2000))
def test_audiohook_binary_after_open(frame):
    session = AudioHookSession()
    session.feed_text(json.dumps(audiohook_message("open", 1)))
    events = check(session.feed_binary, frame)
    if events:
        assert {e.leg for e in events} == {"agent", "customer"}
        assert all(len(e.samples) == len(frame) // 2 for e in events)


@FUZZ
@given(st.text(max_size=30) | st.from_regex(r"PT[0-9.HMS,\-]{0,12}", fullmatch=True))
def test_parse_duration_only_protocol_errors(text):
    try:
        seconds = parse_duration(text)
    except ProtocolError:
        return
    assert seconds >= 0


SIGNED = {
    "audiohook-organization-id": "d7934305-0972-4844-938e-9060eef73d05",
    "audiohook-session-id": SID,
    "audiohook-correlation-id": "e160e428-53e2-487c-977d-96989bf5c99d",
    "x-api-key": "key",
    "signature-input": 'sig1=("@request-target" "@authority" "audiohook-organization-id" '
    '"audiohook-session-id" "audiohook-correlation-id" "x-api-key");keyid="key";'
    'nonce="abc";alg="hmac-sha256";created=1700000000;expires=1700000030',
    "signature": "sig1=:NZBwyBHRRyRoeLqy1IzOa9VYBuI8TgMFt2GRDkDuJh4=:",
}
header_text = st.text(max_size=80) | st.sampled_from(
    [
        'sig1=("@method" "@query" "@path" "x");created=1;expires=?1',
        "sig1=:AAAA:, sig2=:=:",
        'sig1=();created=-5;alg=hmac-sha256;keyid="key"',
        'a=1;b, c=("x";y=:AA==:);z=tok/en',
        "=(",
    ]
)


@FUZZ
@given(
    st.dictionaries(st.sampled_from(sorted(SIGNED)), header_text, max_size=6),
    st.text(max_size=20),
    st.text(max_size=40),
    st.sampled_from(["c2VjcmV0", "", "not base64!"]),
    st.floats(min_value=0, max_value=4e9),
)
def test_verify_signature_only_protocol_errors(changes, authority, path, secret, now):
    headers = {**SIGNED, **changes}
    try:
        verify_signature("GET", authority, path, headers, secret, now)
    except ProtocolError as exc:
        assert exc.code
    else:
        raise AssertionError("a random signature verified")


# --- AudioSocket ----------------------------------------------------------------------

packet = st.one_of(
    st.just(asock.build_uuid(str(uuid.UUID(int=7)))),
    st.builds(
        asock.build_audio,
        st.lists(st.integers(-32768, 32767), max_size=300).map(
            lambda s: np.array(s, dtype=np.int16)
        ),
    ),
    st.sampled_from("0123456789*#ABCDx").map(lambda d: asock.build_packet(0x03, d.encode())),
    st.just(asock.build_hangup()),
    st.sampled_from([None, 1, 2, 4]).map(asock.build_error),
    st.builds(asock.build_packet, st.integers(0, 255), st.binary(max_size=40)),
)


@FUZZ
@given(
    st.lists(packet, max_size=12).map(b"".join) | st.binary(max_size=600),
    st.lists(st.integers(0, 4000), max_size=8),
)
def test_audiosocket_any_bytes_any_split(data, cuts):
    parser = AudioSocketParser("customer", extra_audio_rates={0x12: 16000})
    bounds = [0, *sorted(c for c in cuts if c < len(data)), len(data)]
    for start, end in zip(bounds, bounds[1:], strict=False):
        check(parser.feed, data[start:end])
        assert parser.buffered <= 3 + 0xFFFF
    check(parser.eof)


# --- raw ingest -----------------------------------------------------------------------

RAW = [
    {
        "type": "start",
        "call_id": "c",
        "sample_rate": 16000,
        "channels": 2,
        "legs": ["agent", "customer"],
        "metadata": {"agent_id": "a"},
    },
    {"type": "start", "call_id": "c", "sample_rate": 8000, "channels": 1},
    {"type": "stop"},
]


@FUZZ
@given(st.data())
def test_raw_ingest_sequences(data):
    session = RawIngestSession()
    for _ in range(data.draw(st.integers(0, 8))):
        choice = data.draw(st.sampled_from(["valid", "mutated", "garbage", "binary"]))
        if choice == "binary":
            check(session.feed_binary, data.draw(st.binary(max_size=400)))
        elif choice == "garbage":
            check(session.feed_text, data.draw(text_garbage))
        else:
            template = data.draw(st.sampled_from(RAW))
            text = json.dumps(template) if choice == "valid" else data.draw(mutated(template))
            check(session.feed_text, text)
