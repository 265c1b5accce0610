"""The voice encoder's input is computed as Resemblyzer computed it (librosa), and the
shipped ONNX model is the one its provenance file names."""

import hashlib
import json
from pathlib import Path

import numpy as np

from copilot.audio.files import decode_file
from copilot.speakers.embedder import MODEL_PATH, OnnxVoiceEncoder
from copilot.speakers.features import mel_filters, mel_power
from tests.conftest import fixture_path

HERE = Path(__file__).parent


def test_mel_power_matches_librosa_on_a_real_clip():
    reference = json.loads((HERE / "librosa_mel_vl09647.json").read_text(encoding="utf-8"))
    pcm = next(iter(decode_file(fixture_path("vl09647.wav")).legs.values()))
    mels = mel_power(pcm.astype(np.float32) / 32768)
    assert len(mels) == reference["frames"]
    for row, want in zip(reference["rows"], reference["values"], strict=True):
        np.testing.assert_allclose(mels[row], want, rtol=1e-4, atol=1e-7)


def test_filters_cover_the_band_once_each():
    filters = mel_filters()
    assert filters.shape == (40, 201) and (filters >= 0).all()
    peaks = np.argmax(filters, axis=1)
    assert (np.diff(peaks) >= 0).all()  # low bands first


def test_model_file_is_the_exported_one_and_small():
    info = json.loads(MODEL_PATH.with_suffix(".json").read_text(encoding="utf-8"))
    assert hashlib.sha256(MODEL_PATH.read_bytes()).hexdigest() == info["onnx_sha256"]
    assert MODEL_PATH.stat().st_size < 50_000_000
    assert (MODEL_PATH.parent / "speaker_encoder.LICENSE").is_file()


def test_same_voice_is_closer_than_another_voice():
    encoder = OnnxVoiceEncoder()
    flemish = [
        next(iter(decode_file(fixture_path(n)).legs.values()))
        for n in ("vl04108.wav", "vl12745.wav")
    ]
    jfk = next(iter(decode_file(fixture_path("jfk.flac")).legs.values()))

    def vector(pcm):
        mels = mel_power(pcm.astype(np.float32) / 32768 * 4)[:160]
        mels = np.pad(mels, ((0, 160 - len(mels)), (0, 0)))
        return encoder.embed(mels[None])[0]

    a, b, c = vector(flemish[0]), vector(flemish[1]), vector(jfk)
    assert abs(float(np.linalg.norm(a)) - 1.0) < 1e-4
    assert float(a @ b) > float(a @ c) + 0.1
