"""Property tests for what users hand copilot besides telephony: config files, recordings, events.

Whatever the bytes, the answer is the documented error type with a message (ConfigError,
AudioDecodeError, EventDecodeError) or a valid result: never another exception. CI runs a
few hundred examples per property; `make bench` (section `fuzz`) runs many more.
"""

import json
import os

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copilot.audio.files import AudioDecodeError, DecodedCall, decode_file
from copilot.config import Config, ConfigError, load_config
from copilot.events.codec import EventDecodeError, event_from_json
from copilot.events.core import Event

FUZZ = settings(
    max_examples=int(os.environ.get("COPILOT_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

KNOWN_KEYS = [
    "language",
    "model",
    "cpu_threads",
    "beam_size",
    "max_batch",
    "stereo_legs",
    "mono_leg",
    "partials",
    "stages",
    "segmenter.aggressiveness",
    "segmenter.end_silence_ms",
    "segmenter.max_utterance_s",
    "serve.port",
    "serve.host",
    "serve.ingest_api_key",
    "affect.ema_alpha",
    "affect.early_threshold",
    "affect.escalation_phrases",
]
TOML_VALUES = st.one_of(
    st.integers(-(2**40), 2**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(
        lambda f: {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(str(f), repr(f))
    ),
    st.booleans().map(lambda b: str(b).lower()),
    st.text(max_size=20).map(json.dumps),
    st.lists(st.text(max_size=8).map(json.dumps), max_size=4).map(lambda v: f"[{', '.join(v)}]"),
    st.text(max_size=12),  # not a TOML value at all
)


def _toml(pairs: list[tuple[str, str]]) -> str:
    lines, section = [], None
    for key, value in pairs:
        head, _, name = key.rpartition(".")
        if head != section:
            lines.append(f"[{head}]" if head else "")
            section = head
        lines.append(f"{name} = {value}")
    return "\n".join(lines) + "\n"


def _load(tmp_path, text: str | bytes) -> Config | None:
    path = tmp_path / "copilot.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
    try:
        config = load_config(path)
    except ConfigError as exc:
        assert str(exc)
        return None
    assert isinstance(config, Config)
    return config


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(KNOWN_KEYS), TOML_VALUES), max_size=6))
def test_config_files_with_known_keys(tmp_path, pairs):
    config = _load(tmp_path, _toml(sorted(pairs, key=lambda p: p[0].count("."))))
    if config is not None:
        assert config.language in ("en", "nl", "auto") and 1 <= config.cpu_threads <= 64


@FUZZ
@given(st.one_of(st.binary(max_size=300), st.text(max_size=300)))
def test_config_files_of_any_bytes(tmp_path, data):
    _load(tmp_path, data)


# Real containers' first bytes, so the decoders get past the magic number and into the body.
HEADERS = [
    b"RIFF\x24\x08\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x40\x1f\x00\x00\x80>\x00\x00\x02\x00\x10\x00data",
    b"RIFF\x00\x00\x00\x00WAVEfmt \x12\x00\x00\x00\x07\x00\x01\x00\x40\x1f\x00\x00",
    b"fLaC\x00\x00\x00\x22",
    b"OggS\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00",
    b"ID3\x04\x00\x00\x00\x00\x00\x00\xff\xfb\x90\x64",
    b"\xff\xfb\x90\x64\x00",
    b"",
]


@FUZZ
@given(
    st.sampled_from(HEADERS),
    st.binary(max_size=2000),
    st.sampled_from(["wav", "flac", "ogg", "mp3"]),
)
def test_recordings_of_any_bytes(tmp_path, header, body, suffix):
    path = tmp_path / f"call.{suffix}"
    path.write_bytes(header + body)
    try:
        call = decode_file(path)
    except AudioDecodeError as exc:
        assert str(path) in str(exc)
        return
    assert isinstance(call, DecodedCall)
    for samples in call.legs.values():
        assert samples.dtype == np.int16


EVENT_TYPES = ["call.started", "transcript.final", "affect", "alert", "error", "nonsense", 7, None]
JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10)),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@FUZZ
@given(
    st.sampled_from(EVENT_TYPES),
    st.dictionaries(
        st.sampled_from(["call_id", "seq", "t", "speaker", "text", "words", "cues", "level", "x"]),
        JSON_VALUES,
        max_size=6,
    ),
)
def test_stored_events_decode_or_say_why(type_, fields):
    text = json.dumps({"type": type_, **fields})
    try:
        event = event_from_json(text)
    except EventDecodeError as exc:
        assert str(exc)
        return
    assert isinstance(event, Event)
    event.to_json()  # what decodes must encode again


@pytest.mark.parametrize("text", ["", "{", "[]", '"x"', "\ud800", b"\xff\xfe"])
def test_event_decoding_of_garbage(text):
    with pytest.raises(EventDecodeError):
        event_from_json(text)
