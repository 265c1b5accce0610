"""Shared test fixtures: real clips from audio_fixtures/ and the real whisper models, loaded once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copilot.asr.transcriber import WhisperTranscriber
from copilot.config import Config
from copilot.runtime import decoding_options

FIXTURES = Path(__file__).resolve().parent.parent / "audio_fixtures"


def fixture_path(name: str) -> Path:
    return FIXTURES / name


def reference(name: str) -> dict:
    return json.loads((FIXTURES / "references.json").read_text(encoding="utf-8"))[name]


def call_script(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def tiny_en() -> WhisperTranscriber:
    # Decoded as the default deployment decodes (its vocabulary included).
    return WhisperTranscriber("tiny.en", options=decoding_options(Config()))


@pytest.fixture(scope="session")
def base_multilingual() -> WhisperTranscriber:
    return WhisperTranscriber("base", options=decoding_options(Config()))
