import uuid

import numpy as np
import pytest

from copilot.audio.format import AGENT, CUSTOMER
from copilot.telephony.audiosocket import (
    AudioSocketParser,
    build_audio,
    build_dtmf,
    build_error,
    build_hangup,
    build_packet,
    build_uuid,
)
from copilot.telephony.common import (
    CallClosed,
    CallOpened,
    DtmfPressed,
    LegAudio,
    PeerError,
    ProtocolError,
)

CALL_UUID = "40d3b2b4-5f2e-4b6e-9c1a-8f6f0c2f4a11"


def tone(n, amplitude=9000):
    return (amplitude * np.sin(2 * np.pi * 400 * np.arange(n) / 8000)).astype(np.int16)


def call_bytes():
    """A short call as Asterisk sends it: UUID, 20 ms slin frames, an odd-sized frame, DTMF."""
    return (
        build_uuid(CALL_UUID)
        + build_audio(tone(480))  # three 320-byte packets
        + build_packet(0x10, tone(50).astype("<i2").tobytes())  # not a 20 ms multiple
        + build_dtmf("7")
        + build_hangup()
    )


def summarise(events):
    """Events with audio merged per leg, so different packet splits compare equal."""
    out, audio = [], []
    for event in events:
        if isinstance(event, LegAudio):
            audio.append(event.samples)
        else:
            out.append(event)
    return out, np.concatenate(audio) if audio else np.zeros(0, np.int16)


def test_whole_call_in_one_read():
    parser = AudioSocketParser(CUSTOMER)
    events = parser.feed(call_bytes())
    assert events[0] == CallOpened(call_id=CALL_UUID, source="audiosocket", legs=(CUSTOMER,))
    audio = [e for e in events if isinstance(e, LegAudio)]
    assert [len(a.samples) for a in audio] == [160, 160, 160, 50]
    assert all(a.leg == CUSTOMER and a.sample_rate == 8000 and a.t is None for a in audio)
    np.testing.assert_array_equal(np.concatenate([a.samples for a in audio[:3]]), tone(480))
    assert events[-2:] == [DtmfPressed(leg=CUSTOMER, digit="7"), CallClosed(reason="hangup")]
    assert parser.buffered == 0


def test_split_at_every_byte_boundary():
    data = call_bytes()
    expected = summarise(AudioSocketParser(AGENT).feed(data))
    parser = AudioSocketParser(AGENT)
    events = []
    for i in range(len(data)):
        events += parser.feed(data[i : i + 1])
    got = summarise(events)
    assert got[0] == expected[0]
    np.testing.assert_array_equal(got[1], expected[1])


@pytest.mark.parametrize("cut", range(0, 40))
def test_split_anywhere_in_the_first_packets(cut):
    data = call_bytes()
    parser = AudioSocketParser(AGENT)
    events = parser.feed(data[:cut]) + parser.feed(data[cut:])
    assert events[0].call_id == CALL_UUID
    assert len(events) == 1 + 4 + 2


def test_little_endian_samples_and_big_endian_length():
    # Header 0x10, length 0x0004 (big-endian), then two little-endian int16 samples.
    parser = AudioSocketParser(AGENT)
    parser.feed(build_uuid(CALL_UUID))
    [audio] = parser.feed(b"\x10\x00\x04" + b"\x01\x00\xff\xff")
    assert audio.samples.dtype == np.int16
    assert audio.samples.tolist() == [1, -1]


def test_uuid_is_rendered_from_raw_bytes():
    raw = uuid.UUID(CALL_UUID).bytes
    [opened] = AudioSocketParser(AGENT).feed(b"\x01\x00\x10" + raw)
    assert opened.call_id == CALL_UUID


def test_eof_is_a_hangup():
    parser = AudioSocketParser(CUSTOMER)
    parser.feed(build_uuid(CALL_UUID) + build_audio(tone(160)))
    assert parser.eof() == [CallClosed(reason="hangup")]
    assert parser.eof() == []


def test_eof_after_hangup_packet_and_before_uuid():
    parser = AudioSocketParser(CUSTOMER)
    parser.feed(build_uuid(CALL_UUID) + build_hangup())
    assert parser.eof() == []
    assert AudioSocketParser(CUSTOMER).eof() == []


@pytest.mark.parametrize(
    "code,reason,meaning",
    [
        (None, "error", "without a code"),
        (0x01, "hangup", "the calling party hung up"),
        (0x02, "error", "frame forwarding error"),
        (0x04, "error", "memory (allocation) error"),
        (0x08, "error", "an unknown error"),
    ],
)
def test_error_packet_says_what_asterisk_meant_then_closes_the_leg(code, reason, meaning):
    parser = AudioSocketParser(CUSTOMER)
    events = parser.feed(build_uuid(CALL_UUID) + build_error(code))
    [error] = [e for e in events if isinstance(e, PeerError)]
    assert meaning in error.message
    assert error.code == (
        "audiosocket_error" if code is None else f"audiosocket_error_0x{code:02x}"
    )
    assert events[-1] == CallClosed(reason=reason)


def test_higher_rate_audio_is_skipped_unless_configured():
    packet = build_packet(0x12, tone(320).astype("<i2").tobytes())
    parser = AudioSocketParser(AGENT)
    assert parser.feed(build_uuid(CALL_UUID) + packet)[1:] == []
    assert parser.skipped_packets == 1
    mapped = AudioSocketParser(AGENT, extra_audio_rates={0x12: 16000})
    [_, audio] = mapped.feed(build_uuid(CALL_UUID) + packet)
    assert audio.sample_rate == 16000 and len(audio.samples) == 320


def test_buffer_holds_at_most_one_partial_packet():
    parser = AudioSocketParser(AGENT)
    parser.feed(build_uuid(CALL_UUID))
    big = build_packet(0x10, b"\x00\x01" * 32767)  # the largest even payload
    assert parser.feed(big[:-1]) == []
    assert parser.buffered == len(big) - 1 <= 3 + 0xFFFF
    [audio] = parser.feed(big[-1:])
    assert len(audio.samples) == 32767 and parser.buffered == 0


@pytest.mark.parametrize(
    "data,match",
    [
        (build_audio(tone(160)), "before the UUID"),
        (build_dtmf("1"), "before the UUID"),
        (build_packet(0x01, b"\x00" * 15), "expected 16"),
        (build_uuid(CALL_UUID) + build_uuid(CALL_UUID), "second AudioSocket UUID"),
        (build_uuid(CALL_UUID) + build_packet(0x10, b"\x00\x01\x02"), "not 16-bit"),
        (build_uuid(CALL_UUID) + build_packet(0x42, b"x"), "unknown AudioSocket packet kind 0x42"),
        (build_uuid(CALL_UUID) + build_packet(0x03, b"x"), "DTMF"),
        (build_uuid(CALL_UUID) + build_packet(0x03, b"12"), "DTMF"),
        (build_uuid(CALL_UUID) + build_hangup() + build_audio(tone(8)), "after hang-up"),
    ],
)
def test_protocol_errors(data, match):
    with pytest.raises(ProtocolError, match=match):
        AudioSocketParser(CUSTOMER).feed(data)


MALFORMED_AFTER_UUID = [
    build_packet(0x01, b"\x00" * 15),
    build_uuid(CALL_UUID),
    build_packet(0x10, b"\x00\x01\x02"),
    build_packet(0x42, b"x"),
    build_packet(0x03, b"12"),
    build_hangup() + build_audio(tone(8)),
]


@pytest.mark.parametrize("bad", MALFORMED_AFTER_UUID)
def test_a_bad_packet_is_handled_the_same_however_tcp_splits_the_stream(bad):
    """What came before the bad packet counts, split at any byte or all in one read."""
    stream = build_uuid(CALL_UUID) + build_audio(tone(320)) + bad

    def outcome(pieces):
        parser, events, error = AudioSocketParser(CUSTOMER), [], None
        for piece in pieces:
            try:
                events += parser.feed(piece)
            except ProtocolError as exc:
                events += exc.parsed
                error = exc.code
                break
        return summarise(events), error

    (coalesced, audio), error = outcome([stream])
    assert isinstance(coalesced[0], CallOpened) and len(audio) == 320 and error is not None
    for cut in range(1, len(stream)):
        (events, split_audio), split_error = outcome([stream[:cut], stream[cut:]])
        assert events == coalesced and split_error == error, cut
        np.testing.assert_array_equal(split_audio, audio)


def test_stream_stays_failed_after_an_error():
    parser = AudioSocketParser(CUSTOMER)
    with pytest.raises(ProtocolError):
        parser.feed(b"\x42\x00\x00")
    with pytest.raises(ProtocolError, match="already failed"):
        parser.feed(build_uuid(CALL_UUID))


def test_leg_must_be_known():
    with pytest.raises(ValueError):
        AudioSocketParser("supervisor")


def test_build_audio_frames_and_hangup_bytes():
    packets = build_audio(tone(400))
    assert packets[:3] == b"\x10\x01\x40"  # 320 bytes, big-endian length
    assert len(packets) == 2 * (3 + 320) + 3 + 160
    assert build_hangup() == b"\x00\x00\x00"
    with pytest.raises(ValueError):
        build_packet(0x10, b"\x00" * 65536)
