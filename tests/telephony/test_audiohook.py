import base64
import hashlib
import hmac
import json

import numpy as np
import pytest

from copilot.audio.format import AGENT, CUSTOMER
from copilot.events.assist import Suggestion
from copilot.events.core import TranscriptFinal, Word
from copilot.telephony import g711
from copilot.telephony.audiohook import (
    AudioHookSession,
    choose_media,
    parse_duration,
    verify_signature,
)
from copilot.telephony.common import (
    CallClosed,
    CallOpened,
    LegAudio,
    ProtocolError,
    ReplyText,
    UtteranceBreak,
)

SESSION_ID = "e160e428-53e2-487c-977d-96989bf5c99d"
ORG_ID = "d7934305-0972-4844-938e-9060eef73d05"
CONVERSATION_ID = "090eaa2f-72fa-480a-83e0-8667ff89c0ec"
PARTICIPANT = {
    "id": "883efee8-3d6c-4537-b500-6d7ca4b92fa0",
    "ani": "+1-555-555-1234",
    "aniName": "John Doe",
    "dnis": "+1-800-555-6789",
}
STEREO = {"type": "audio", "format": "PCMU", "channels": ["external", "internal"], "rate": 8000}
STEREO_SWAPPED = {**STEREO, "channels": ["internal", "external"]}
EXTERNAL = {"type": "audio", "format": "PCMU", "channels": ["external"], "rate": 8000}
INTERNAL = {"type": "audio", "format": "PCMU", "channels": ["internal"], "rate": 8000}
L16 = {"type": "audio", "format": "L16", "channels": ["external", "internal"], "rate": 8000}


class Client:
    """Builds client messages the way Genesys does: seq from 1, serverseq, position."""

    def __init__(self, session):
        self.session = session
        self.seq = 0
        self.serverseq = 0

    def send(self, kind, parameters=None, position="PT0S", **extra):
        self.seq += 1
        message = {
            "version": "2",
            "id": SESSION_ID,
            "type": kind,
            "seq": self.seq,
            "serverseq": self.serverseq,
            "position": position,
            "parameters": {} if parameters is None else parameters,
            **extra,
        }
        events = self.session.feed_text(json.dumps(message))
        for event in events:
            if isinstance(event, ReplyText):
                self.serverseq = json.loads(event.text)["seq"]
        return events

    def open(self, media=(STEREO, EXTERNAL, INTERNAL), **parameters):
        params = {
            "organizationId": ORG_ID,
            "conversationId": CONVERSATION_ID,
            "participant": PARTICIPANT,
            "media": list(media),
            "language": "en-US",
            **parameters,
        }
        return self.send("open", params)


def opened_session(media=(STEREO, EXTERNAL, INTERNAL)):
    session = AudioHookSession()
    client = Client(session)
    client.open(media)
    return session, client


def interleave(*channels):
    return np.stack(channels, axis=1).reshape(-1)


def test_open_selects_stereo_and_answers_opened():
    session = AudioHookSession()
    reply, opened = Client(session).open()
    assert json.loads(reply.text) == {
        "version": "2",
        "type": "opened",
        "id": SESSION_ID,
        "seq": 1,
        "clientseq": 1,
        "parameters": {"startPaused": False, "media": [STEREO]},
    }
    assert isinstance(opened, CallOpened)
    assert opened.call_id == CONVERSATION_ID
    assert opened.source == "audiohook"
    assert opened.legs == (CUSTOMER, AGENT)
    assert opened.metadata["organization_id"] == ORG_ID
    assert opened.metadata["participant"] == PARTICIPANT
    assert opened.metadata["audiohook_session_id"] == SESSION_ID
    assert opened.metadata["language"] == "en"  # the call's language; "en-US" stays for Genesys
    assert session.language_code == "en-US"
    assert "probe" not in opened.metadata


def test_binary_channels_follow_the_selected_channel_order():
    # Genesys may offer ["internal", "external"]: channel 0 is then the agent.
    session, _ = opened_session(media=(STEREO_SWAPPED,))
    assert session.legs == (AGENT, CUSTOMER)
    agent_code, customer_code = np.full(160, 0x80, np.uint8), np.full(160, 0x00, np.uint8)
    frame = interleave(agent_code, customer_code).tobytes()
    agent, customer = session.feed_binary(frame)
    assert (agent.leg, customer.leg) == (AGENT, CUSTOMER)
    assert agent.samples.tolist() == [32124] * 160
    assert customer.samples.tolist() == [-32124] * 160
    assert agent.sample_rate == customer.sample_rate == 8000


def test_frames_of_any_duration_advance_the_timeline():
    session, _ = opened_session()
    t = np.arange(1600) / 8000
    customer = (5000 * np.sin(2 * np.pi * 300 * t)).astype(np.int16)
    agent = (5000 * np.sin(2 * np.pi * 500 * t)).astype(np.int16)
    pcmu = interleave(
        np.frombuffer(g711.ulaw_encode(customer), np.uint8),
        np.frombuffer(g711.ulaw_encode(agent), np.uint8),
    ).tobytes()
    first = session.feed_binary(pcmu)  # one 200 ms frame, as one Genesys client sends
    second = session.feed_binary(pcmu[:320])  # then a 20 ms one
    assert [(e.leg, e.t, len(e.samples)) for e in first] == [
        (CUSTOMER, 0.0, 1600),
        (AGENT, 0.0, 1600),
    ]
    assert [(e.leg, e.t, len(e.samples)) for e in second] == [
        (CUSTOMER, 0.2, 160),
        (AGENT, 0.2, 160),
    ]
    np.testing.assert_array_equal(first[0].samples, g711.ulaw_decode(g711.ulaw_encode(customer)))
    assert np.max(np.abs(first[1].samples.astype(int) - agent)) < 200


def test_discarded_audio_is_counted_and_the_stream_stays_contiguous():
    """As in Genesys' reference server: the call runs on the stream's own position."""
    session, client = opened_session()
    session.feed_binary(b"\xff" * 16000)  # 1 s stereo
    assert client.send("discarded", {"start": "PT1S", "discarded": "PT0.5S"}, "PT1S") == []
    [customer, agent] = session.feed_binary(b"\xff" * 320)
    assert customer.t == agent.t == pytest.approx(1.0)
    assert session.discarded_seconds == pytest.approx(0.5)


def test_pause_and_resume_with_discarded_audio():
    session, client = opened_session()
    session.feed_binary(b"\xff" * 3200)  # 0.2 s
    assert client.send("paused", position="PT0.2S") == [UtteranceBreak("paused")]
    assert session.paused
    client.send("resumed", {"start": "PT0.2S", "discarded": "PT3.25S"}, "PT0.2S")
    assert not session.paused
    [customer, _] = session.feed_binary(b"\xff" * 320)
    assert customer.t == pytest.approx(0.2) and session.discarded_seconds == pytest.approx(3.25)


def test_mono_offer_is_chosen_when_no_stereo():
    session, _ = opened_session(media=(L16, INTERNAL))
    assert session.media == INTERNAL
    assert session.legs == (AGENT,)
    [audio] = session.feed_binary(b"\x80\x00\xff")  # odd length is fine for one channel
    assert audio.leg == AGENT and audio.samples.tolist() == [32124, -32124, 0]


def test_no_acceptable_media_answers_empty_and_refuses_audio():
    session = AudioHookSession()
    reply, opened = Client(session).open(media=(L16,))
    assert json.loads(reply.text)["parameters"]["media"] == []
    assert opened.legs == ()
    with pytest.raises(ProtocolError, match="no media"):
        session.feed_binary(b"\xff\xff")


def test_choose_media_prefers_stereo_whatever_the_order():
    assert choose_media([EXTERNAL, L16, STEREO_SWAPPED]) == STEREO_SWAPPED
    assert choose_media([EXTERNAL, INTERNAL]) == EXTERNAL
    assert choose_media([{**STEREO, "rate": 16000}, {**EXTERNAL, "format": "L16"}]) is None
    assert choose_media([]) is None


def test_call_id_falls_back_to_session_id_and_flags_probes():
    session = AudioHookSession()
    client = Client(session)
    _, opened = client.send("open", {"media": [STEREO]})
    assert opened.call_id == SESSION_ID
    _, probe = Client(AudioHookSession()).open(
        conversationId="00000000-0000-0000-0000-000000000000"
    )
    assert probe.metadata["probe"] is True


def test_ping_gets_pong_with_clientseq():
    session, client = opened_session()
    [pong] = client.send("ping", {"rtt": "PT0.045S"})
    assert json.loads(pong.text) == {
        "version": "2",
        "type": "pong",
        "id": SESSION_ID,
        "seq": 2,
        "clientseq": 2,
        "parameters": {},
    }


def test_close_answers_closed_and_ends_the_call():
    session, client = opened_session()
    session.feed_binary(b"\xff" * 320)
    [end] = client.send("close", {"reason": "end"}, "PT0.02S")
    assert end == CallClosed(reason="end", answer_after_end=True)
    closed = session.closed_answer()  # once the call's last events have gone out
    assert json.loads(closed.text)["type"] == "closed"
    assert json.loads(closed.text)["clientseq"] == 2
    with pytest.raises(ProtocolError, match="after close"):
        session.feed_binary(b"\xff\xff")
    with pytest.raises(ProtocolError, match="after close"):
        client.send("ping")


def test_update_and_error_are_recorded():
    session, client = opened_session()
    assert client.send("update", {"language": "es-ES"}) == [UtteranceBreak("update")]
    assert session.language == "es-ES"
    assert client.send("error", {"code": 429, "message": "Too many requests"}) == []
    assert session.last_error == {"code": 429, "message": "Too many requests"}


def test_server_initiated_messages_carry_our_seq():
    session, client = opened_session()
    client.send("ping")
    disconnect = json.loads(session.disconnect("completed", "done").text)
    assert (disconnect["type"], disconnect["seq"], disconnect["clientseq"]) == ("disconnect", 3, 2)
    assert disconnect["parameters"] == {"reason": "completed", "info": "done"}


def test_binary_before_opened():
    session = AudioHookSession()
    with pytest.raises(ProtocolError, match="before opened"):
        session.feed_binary(b"\xff\xff")


def test_frame_must_be_whole_stereo_samples():
    session, _ = opened_session()
    with pytest.raises(ProtocolError, match="multiple of 2"):
        session.feed_binary(b"\xff\xff\xff")


def _envelope(**changes):
    message = {
        "version": "2",
        "id": SESSION_ID,
        "type": "open",
        "seq": 1,
        "serverseq": 0,
        "position": "PT0S",
        "parameters": {"media": [STEREO]},
    }
    message.update(changes)
    return json.dumps({k: v for k, v in message.items() if v is not None})


@pytest.mark.parametrize(
    "text,match",
    [
        (_envelope(version="1"), "version"),
        (_envelope(version=2), "version"),
        (_envelope(seq=2), "seq 2 after 0"),
        (_envelope(seq="1"), "must be an integer"),
        (_envelope(seq=True), "must be an integer"),
        (_envelope(id=None), "missing field 'id'"),
        (_envelope(type="hello"), "unknown AudioHook message type"),
        (_envelope(type="paused"), "before open"),
        (_envelope(position="PT1.2"), "ISO-8601"),
        (_envelope(serverseq=5), "serverseq"),
        (_envelope(parameters={"media": "PCMU"}), "must be a list"),
        (_envelope(parameters={"media": ["PCMU"]}), "must be objects"),
        ("not json", "not valid JSON"),
    ],
)
def test_bad_messages_raise_protocol_error(text, match):
    with pytest.raises(ProtocolError, match=match):
        AudioHookSession().feed_text(text)


def test_messages_must_stay_on_one_session_id():
    session, client = opened_session()
    message = {
        "version": "2",
        "id": "another",
        "type": "ping",
        "seq": 2,
        "serverseq": 1,
        "position": "PT0S",
        "parameters": {},
    }
    with pytest.raises(ProtocolError, match="not this session"):
        session.feed_text(json.dumps(message))


@pytest.mark.parametrize(
    "text,seconds",
    [
        ("PT1.2S", 1.2),
        ("PT0S", 0.0),
        ("PT1M2.5S", 62.5),
        ("PT2H", 7200.0),
        ("PT1H0M0.001S", 3600.001),
    ],
)
def test_parse_duration(text, seconds):
    assert parse_duration(text) == pytest.approx(seconds)


@pytest.mark.parametrize(
    "text", ["", "PT", "1.2S", "PT1.2", "PT-1S", "PT1.S", "PT1,5S", "P1D", "PT١S", "PT1S\n"]
)
def test_parse_duration_rejects(text):
    with pytest.raises(ProtocolError, match="ISO-8601"):
        parse_duration(text)


# --- upgrade signature -------------------------------------------------------------

# The example in Genesys' AudioHook documentation (as checked by their reference server).
DOC_SECRET = "TXlTdXBlclNlY3JldEtleVRlbGxOby0xITJAMyM0JDU="
DOC_HEADERS = {
    "Host": "audiohook.example.com",
    "Audiohook-Organization-Id": "d7934305-0972-4844-938e-9060eef73d05",
    "Audiohook-Session-Id": "30b0e395-84d3-4570-ac13-9a62d8f514c0",
    "Audiohook-Correlation-Id": "e160e428-53e2-487c-977d-96989bf5c99d",
    "X-API-KEY": "SGVsbG8sIEkgYW0gdGhlIEFQSSBrZXkh",
    "Signature": "sig1=:NZBwyBHRRyRoeLqy1IzOa9VYBuI8TgMFt2GRDkDuJh4=:",
    "Signature-Input": 'sig1=("@request-target" "@authority" "audiohook-organization-id" '
    '"audiohook-session-id" "audiohook-correlation-id" "x-api-key");'
    'keyid="SGVsbG8sIEkgYW0gdGhlIEFQSSBrZXkh";nonce="VGhpc0lzQVVuaXF1ZU5vbmNl";'
    'alg="hmac-sha256";created=1641013200;expires=3282026430',
}
DOC_PATH = "/api/v1/voicebiometrics/ws"


def test_genesys_documentation_example_verifies():
    verify_signature("GET", "audiohook.example.com", DOC_PATH, DOC_HEADERS, DOC_SECRET, 1641013205)


def test_genesys_example_rejects_other_path_and_secret():
    with pytest.raises(ProtocolError, match="does not match"):
        verify_signature("GET", "audiohook.example.com", "/ws", DOC_HEADERS, DOC_SECRET, 1641013205)
    other_secret = base64.b64encode(b"another secret").decode()
    with pytest.raises(ProtocolError, match="does not match"):
        verify_signature(
            "GET", "audiohook.example.com", DOC_PATH, DOC_HEADERS, other_secret, 1641013205
        )


SECRET = base64.b64encode(bytes(range(32))).decode()
NOW = 1_760_000_000
AUTHORITY = "copilot.example.net:8443"
PATH = "/audiohook/ws?tenant=acme"


def signed_headers(
    created=NOW - 1,
    expires=NOW + 29,
    covered=None,
    keyid="api-key-123",
    nonce='"bm9uY2Utbm9uY2Utbm9uY2U"',
    authority=AUTHORITY,
    path=PATH,
):
    """Sign the way RFC 9421 section 2.5 lays out the signature base, built by hand.

    `nonce` is the parameter as serialised (a quoted string, or None for no nonce).
    """
    headers = {
        "Audiohook-Organization-Id": ORG_ID,
        "Audiohook-Session-Id": SESSION_ID,
        "Audiohook-Correlation-Id": "f2b6b3a4-1f7e-4c1f-9a57-5d1f0f7e0c11",
        "X-API-KEY": "api-key-123",
    }
    values = {
        "@request-target": path,
        "@authority": authority,
        **{name.lower(): value for name, value in headers.items()},
    }
    covered = covered or list(values)
    params = (
        "(" + " ".join(f'"{name}"' for name in covered) + ")"
        f';keyid="{keyid}"'
        + (f";nonce={nonce}" if nonce is not None else "")
        + ';alg="hmac-sha256"'
        f";created={created};expires={expires}"
    )
    base = "\n".join(
        [f'"{name}": {values[name]}' for name in covered] + [f'"@signature-params": {params}']
    )
    mac = hmac.new(base64.b64decode(SECRET), base.encode(), hashlib.sha256).digest()
    headers["Signature-Input"] = f"sig1={params}"
    headers["Signature"] = f"sig1=:{base64.b64encode(mac).decode()}:"
    return headers


def test_valid_signature_is_accepted():
    verify_signature("GET", AUTHORITY, PATH, signed_headers(), SECRET, NOW)


def test_a_verified_signature_names_its_nonce_and_how_long_it_is_valid():
    signature = verify_signature("GET", AUTHORITY, PATH, signed_headers(), SECRET, NOW)
    assert signature.replay_key == "nonce:bm9uY2Utbm9uY2Utbm9uY2U"
    assert signature.valid_until == NOW + 29  # its own expires, before created + 30 s + skew
    far = signed_headers(expires=NOW + 3600)
    assert verify_signature("GET", AUTHORITY, PATH, far, SECRET, NOW).valid_until == NOW - 1 + 33


def test_a_signature_without_nonce_is_accepted_and_its_mac_marks_it_used():
    headers = signed_headers(nonce=None)
    signature = verify_signature("GET", AUTHORITY, PATH, headers, SECRET, NOW)
    assert signature.nonce is None
    mac = base64.b64decode(headers["Signature"].split(":")[1])
    assert signature.replay_key == "mac:" + mac.hex()


@pytest.mark.parametrize("nonce", ['""', "42", "token-nonce", "?1"])
def test_a_nonce_that_is_not_a_string_is_rejected(nonce):
    with pytest.raises(ProtocolError, match="nonce") as info:
        verify_signature("GET", AUTHORITY, PATH, signed_headers(nonce=nonce), SECRET, NOW)
    assert info.value.code == "bad_signature"


def test_tampered_header_is_rejected():
    headers = signed_headers()
    headers["Audiohook-Session-Id"] = "00000000-0000-0000-0000-000000000001"
    with pytest.raises(ProtocolError, match="does not match") as info:
        verify_signature("GET", AUTHORITY, PATH, headers, SECRET, NOW)
    assert info.value.code == "bad_signature"


def test_expired_signature_is_rejected():
    headers = signed_headers(created=NOW - 40, expires=NOW - 10)
    with pytest.raises(ProtocolError, match="expired") as info:
        verify_signature("GET", AUTHORITY, PATH, headers, SECRET, NOW)
    assert info.value.code == "expired"


def test_old_signature_is_rejected_even_with_far_expiry():
    headers = signed_headers(created=NOW - 3600, expires=NOW + 3600)
    with pytest.raises(ProtocolError, match="expired"):
        verify_signature("GET", AUTHORITY, PATH, headers, SECRET, NOW)


def test_signature_from_the_future_is_rejected():
    headers = signed_headers(created=NOW + 60, expires=NOW + 90)
    with pytest.raises(ProtocolError, match="future"):
        verify_signature("GET", AUTHORITY, PATH, headers, SECRET, NOW)


def test_signature_must_cover_the_api_key():
    covered = [
        "@request-target",
        "@authority",
        "audiohook-organization-id",
        "audiohook-session-id",
        "audiohook-correlation-id",
    ]
    with pytest.raises(ProtocolError, match="does not cover x-api-key"):
        verify_signature("GET", AUTHORITY, PATH, signed_headers(covered=covered), SECRET, NOW)


def test_keyid_must_be_the_api_key():
    with pytest.raises(ProtocolError, match="keyid"):
        verify_signature("GET", AUTHORITY, PATH, signed_headers(keyid="other"), SECRET, NOW)


@pytest.mark.parametrize(
    "change",
    [
        {"Signature": None},
        {"Signature-Input": None},
        {"Signature": "sig1=:not base64!:"},
        {"Signature": "sig2=:AAAA:"},
        {"Signature-Input": "sig1=("},
        {"X-API-KEY": None},
    ],
)
def test_missing_or_malformed_signature_is_rejected(change):
    headers = signed_headers()
    for name, value in change.items():
        if value is None:
            del headers[name]
        else:
            headers[name] = value
    with pytest.raises(ProtocolError):
        verify_signature("GET", AUTHORITY, PATH, headers, SECRET, NOW)


def test_events_are_protocol_events():
    session, client = opened_session()
    events = session.feed_binary(b"\xff" * 4)
    assert all(isinstance(e, LegAudio) for e in events) and len(events) == 2


# --- the transcript connector: copilot's finals back to Genesys ---


def final(speaker, start, end, words):
    timed = tuple(Word(w, a, b, p) for w, a, b, p in words)
    text = " ".join(w for w, *_ in words)
    return TranscriptFinal(
        CONVERSATION_ID,
        7,
        end,
        speaker=speaker,
        utterance_id=f"{speaker}-3",
        start=start,
        end=end,
        text=text,
        language="nl",
        words=timed,
    )


def connector(organizations=(ORG_ID,), media=(STEREO_SWAPPED,), **open_parameters):
    session = AudioHookSession(transcripts_for=organizations, assist_for=organizations)
    client = Client(session)
    replies = client.open(media, language="nl-NL", **open_parameters)
    return session, client, replies


def test_supported_languages_are_listed_when_asked():
    _, _, (opened, _) = connector(supportedLanguages=True)
    languages = json.loads(opened.text)["parameters"]["supportedLanguages"]
    assert "nl-NL" in languages and "en-US" in languages
    _, _, (plain, _) = connector()
    assert "supportedLanguages" not in json.loads(plain.text)["parameters"]


def test_a_final_goes_back_as_a_transcript_event_on_its_channel():
    session, client, _ = connector()
    session.feed_binary(b"\xff" * 16000)  # 1 s
    words = [
        ("Waar", 0.2, 0.4, 0.9),
        ("blijft", 0.4, 0.7, 0.6),
        ("het", 0.7, 0.8, 0.3),
        ("?", 0.8, 0.8, 0.5),
    ]
    [reply] = session.transcript_events(final(CUSTOMER, 0.1, 0.9, words))
    message = json.loads(reply.text)
    assert message["type"] == "event" and message["seq"] == 2 and message["clientseq"] == 1
    [entity] = message["parameters"]["entities"]
    data = entity["data"]
    assert entity["type"] == "transcript" and data["isFinal"] is True
    assert data["channelId"] == 1  # external is the second channel of ["internal", "external"]
    assert (data["offset"], data["duration"]) == ("PT0.200S", "PT0.600S")  # its spoken words
    [alternative] = data["alternatives"]
    assert alternative["languages"] == ["nl-NL"]
    assert alternative["confidence"] == pytest.approx((0.9 + 0.6 + 0.3 + 0.5) / 4, abs=1e-3)
    [interpretation] = alternative["interpretations"]
    assert interpretation["transcript"] == "Waar blijft het?"
    tokens = interpretation["tokens"]
    assert [t["value"] for t in tokens] == ["Waar", "blijft", "het"]  # punctuation rides along
    assert [t["confidence"] for t in tokens] == [0.9, 0.6, 0.3]
    assert [t["offset"] for t in tokens] == ["PT0.200S", "PT0.400S", "PT0.700S"]
    [agent] = session.transcript_events(final(AGENT, 0.1, 0.9, words[:1]))
    assert json.loads(agent.text)["parameters"]["entities"][0]["data"]["channelId"] == 0


def test_each_sentence_of_a_final_is_its_own_transcript_event():
    session, _, _ = connector()
    words = [
        ("Hi", 0.0, 0.58, 0.9),
        ("!", 0.58, 1.18, 0.8),
        ("Thanks", 1.18, 1.44, 0.9),
        ("for", 1.44, 1.68, 0.9),
        ("calling", 1.68, 2.1, 0.7),
        (".", 2.1, 2.5, 0.9),
    ]
    replies = session.transcript_events(final(CUSTOMER, 0.0, 2.5, words))
    data = [json.loads(r.text)["parameters"]["entities"][0]["data"] for r in replies]
    texts = [d["alternatives"][0]["interpretations"][0]["transcript"] for d in data]
    assert texts == ["Hi!", "Thanks for calling."]
    assert [(d["offset"], d["duration"]) for d in data] == [
        ("PT0.000S", "PT0.580S"),
        ("PT1.180S", "PT0.920S"),
    ]
    assert len({d["id"] for d in data}) == 2
    assert [json.loads(r.text)["seq"] for r in replies] == [2, 3]


def test_offsets_are_stream_positions_past_discarded_audio():
    session, client, _ = connector()
    session.feed_binary(b"\xff" * 32000)  # 2 s
    client.send("discarded", {"start": "PT2S", "discarded": "PT1.5S"}, "PT2S")
    [later, _] = session.feed_binary(b"\xff" * 16000)
    assert later.t == pytest.approx(2.0)  # right after what was received, as Genesys counts
    words = [("dag", 1.8, 2.0, 0.9), ("hoor", 2.1, 2.4, 0.9)]
    [reply] = session.transcript_events(final(AGENT, 1.5, 2.5, words))
    entity = json.loads(reply.text)["parameters"]["entities"][0]["data"]
    assert (entity["offset"], entity["duration"]) == ("PT1.800S", "PT0.600S")
    tokens = entity["alternatives"][0]["interpretations"][0]["tokens"]
    assert [t["offset"] for t in tokens] == ["PT1.800S", "PT2.100S"]


def test_nothing_goes_back_unless_the_organisation_switched_it_on():
    session, _, _ = connector(organizations=("another-org",))
    words = [("hallo", 0.2, 0.4, 0.9)]
    assert session.transcript_events(final(CUSTOMER, 0.1, 0.5, words)) == []
    every, _, _ = connector(organizations=("*",))
    assert len(every.transcript_events(final(CUSTOMER, 0.1, 0.5, words))) == 1


def test_an_article_suggestion_goes_back_as_agent_assist():
    session, _, _ = connector()
    article = Suggestion(
        CONVERSATION_ID,
        9,
        4.2,
        suggestion_id=f"{CONVERSATION_ID}:article:delivery-times-nl",
        kind="article",
        item="delivery-times-nl",
        title="Levertijden",
        text="Binnen 2 dagen.",
        confidence=0.71,
        language="nl",
        heard=0.82,
    )
    message = json.loads(session.assist_event(article).text)
    [entity] = message["parameters"]["entities"]
    assert entity["type"] == "agentassist"
    [suggestion] = entity["data"]["suggestions"]
    assert suggestion["type"] == "article" and suggestion["title"] == "Levertijden"
    assert suggestion["excerpts"] == ["Binnen 2 dagen."] and suggestion["confidence"] == 0.71
    assert suggestion["documentUri"] == "urn:copilot:kb:delivery-times-nl"
    assert suggestion["position"] == "PT4.200S"
    intent = Suggestion(CONVERSATION_ID, 10, 4.3, kind="intent", item="parcel_status")
    assert session.assist_event(intent) is None
