import json

import numpy as np
import pytest

from copilot.audio.format import AGENT, CUSTOMER
from copilot.telephony.common import CallClosed, CallOpened, LegAudio, ProtocolError
from copilot.telephony.raw_ingest import SUPPORTED_RATES, RawIngestSession


def start(session=None, **fields):
    session = session or RawIngestSession()
    message = {"type": "start", "call_id": "call-42", "sample_rate": 16000, "channels": 2}
    message.update(fields)
    message = {k: v for k, v in message.items() if v is not None}
    return session, session.feed_text(json.dumps(message))


def pcm(*channels):
    return (
        np.stack([np.asarray(c, dtype=np.int16) for c in channels], axis=1).astype("<i2").tobytes()
    )


def test_stereo_start_defaults_to_agent_then_customer():
    session, [opened] = start(metadata={"agent_id": "a-9", "site": "Leeds"})
    assert opened == CallOpened(
        call_id="call-42",
        source="raw",
        legs=(AGENT, CUSTOMER),
        metadata={"agent_id": "a-9", "site": "Leeds"},
    )
    agent, customer = session.feed_binary(pcm([1, 2, 3], [-1, -2, -32768]))
    assert (agent.leg, customer.leg) == (AGENT, CUSTOMER)
    assert agent.samples.tolist() == [1, 2, 3]
    assert customer.samples.tolist() == [-1, -2, -32768]
    assert agent.samples.dtype == np.int16 and agent.samples.flags["C_CONTIGUOUS"]
    assert agent.sample_rate == 16000 and agent.t is None


def test_mono_defaults_to_customer():
    session, [opened] = start(channels=1, sample_rate=8000)
    assert opened.legs == (CUSTOMER,)
    [audio] = session.feed_binary(np.array([100, -100, 7], "<i2").tobytes())
    assert audio.leg == CUSTOMER and audio.samples.tolist() == [100, -100, 7]


def test_explicit_leg_order():
    session, [opened] = start(legs=["customer", "agent"])
    assert opened.legs == (CUSTOMER, AGENT)
    customer, agent = session.feed_binary(pcm([5], [6]))
    assert (customer.leg, customer.samples.tolist()) == (CUSTOMER, [5])
    assert (agent.leg, agent.samples.tolist()) == (AGENT, [6])


@pytest.mark.parametrize("rate", sorted(SUPPORTED_RATES))
def test_every_supported_rate_is_accepted(rate):
    session, [opened] = start(sample_rate=rate)
    second = np.zeros((rate, 2), "<i2").tobytes()  # exactly 1 s is still fine
    agent, customer = session.feed_binary(second)
    assert agent.sample_rate == rate and len(agent.samples) == rate


@pytest.mark.parametrize("rate", [11025, 96000, 0, -16000])
def test_unsupported_rate(rate):
    with pytest.raises(ProtocolError, match="unsupported sample rate") as info:
        start(sample_rate=rate)
    assert info.value.code == "unsupported_rate"


def test_oversized_frame():
    session, _ = start(sample_rate=8000, channels=1)
    with pytest.raises(ProtocolError, match="oversized frame"):
        session.feed_binary(b"\x00" * (8000 * 2 + 2))


@pytest.mark.parametrize("size", [1, 2, 3, 6])
def test_frame_must_be_whole_stereo_samples(size):
    session, _ = start()
    with pytest.raises(ProtocolError, match="not whole PCM16 frames"):
        session.feed_binary(b"\x00" * size)


def test_empty_frame_is_nothing():
    session, _ = start()
    assert session.feed_binary(b"") == []


def test_audio_before_start():
    with pytest.raises(ProtocolError, match="before start"):
        RawIngestSession().feed_binary(b"\x00\x00")


def test_stop_closes_and_nothing_follows():
    session, _ = start()
    assert session.feed_text('{"type": "stop"}') == [CallClosed(reason="stop")]
    with pytest.raises(ProtocolError, match="after stop"):
        session.feed_binary(b"\x00\x00\x00\x00")
    with pytest.raises(ProtocolError, match="after stop"):
        session.feed_text('{"type": "stop"}')


@pytest.mark.parametrize(
    "fields,match",
    [
        ({"legs": ["agent"]}, "legs must list 2"),
        ({"legs": ["agent", "agent"]}, "distinct"),
        ({"legs": ["agent", "supervisor"]}, "legs must list"),
        ({"legs": [{"leg": "agent"}, "customer"]}, "legs must list"),
        ({"legs": "agent,customer"}, "must be a list"),
        ({"channels": 3}, "channels must be 1 or 2"),
        ({"channels": True}, "must be an integer"),
        ({"sample_rate": "16000"}, "must be an integer"),
        ({"sample_rate": 16000.0}, "must be an integer"),
        ({"call_id": ""}, "call_id"),
        ({"call_id": 42}, "must be a string"),
        ({"call_id": None}, "missing field 'call_id'"),
        ({"metadata": ["a"]}, "must be an object"),
    ],
)
def test_bad_start(fields, match):
    with pytest.raises(ProtocolError, match=match):
        start(**fields)


@pytest.mark.parametrize(
    "text,match",
    [
        ("", "not valid JSON"),
        ("null", "JSON object"),
        ('{"type": "pause"}', "unknown ingest message type"),
        ('{"kind": "start"}', "missing field 'type'"),
        ('{"type": "stop"}', "before start"),
        ('{"type": "start", "pad": "' + "x" * 70000 + '"}', "exceeds"),
    ],
)
def test_bad_text(text, match):
    with pytest.raises(ProtocolError, match=match):
        RawIngestSession().feed_text(text)


def test_second_start_is_refused():
    session, _ = start()
    with pytest.raises(ProtocolError, match="second ingest start"):
        start(session)


def test_events_are_leg_audio():
    session, _ = start()
    assert all(isinstance(e, LegAudio) for e in session.feed_binary(b"\x00" * 8))
