"""Decoding every supported container and codec into 16 kHz PCM16 legs, and refusing the rest."""

import numpy as np
import pytest
import soundfile as sf
import soxr

from copilot.audio.files import AudioDecodeError, StreamResampler, decode_file
from copilot.audio.format import PIPELINE_RATE
from tests.conftest import fixture_path


@pytest.mark.parametrize(
    ("name", "legs", "duration"),
    [
        (
            "jfk.flac",
            {"customer"},
            11.0,
        ),  # 44.1 kHz 24-bit FLAC with identical channels: one speaker
        ("stereo_diarization.wav", {"agent", "customer"}, 5.0),
        ("hotwords.mp3", {"customer"}, 4.0),
        ("multilingual.mp3", {"customer"}, 59.9),
        ("vl00203.wav", {"customer"}, 2.315),
    ],
)
def test_fixture_recordings_decode_to_pipeline_rate(name, legs, duration):
    call = decode_file(fixture_path(name))
    assert set(call.legs) == legs
    for pcm in call.legs.values():
        assert pcm.dtype == np.int16
        assert np.abs(pcm).max() > 1000  # real speech, not silence
    assert call.duration == pytest.approx(duration, abs=0.05)


def test_stereo_channels_map_to_agent_left_customer_right_and_can_be_swapped():
    wav = fixture_path("stereo_diarization.wav")
    default = decode_file(wav)
    swapped = decode_file(wav, stereo_legs=("customer", "agent"))
    assert np.array_equal(default.legs["agent"], swapped.legs["customer"])
    # The right channel of this clip is silent after ~2.7 s; the left speaks until ~4.7 s.
    tail = slice(int(3.2 * PIPELINE_RATE), int(4.5 * PIPELINE_RATE))
    assert (
        np.abs(default.legs["customer"][tail]).mean()
        < np.abs(default.legs["agent"][tail]).mean() / 5
    )


@pytest.mark.parametrize("subtype", ["ULAW", "ALAW"])
def test_8khz_telephony_wav_is_decoded_and_upsampled(tmp_path, subtype):
    source, rate = sf.read(fixture_path("vl09647.wav"), dtype="float32")
    narrow = soxr.resample(source, rate, 8000)
    path = tmp_path / f"clip_{subtype}.wav"
    sf.write(path, narrow, 8000, subtype=subtype)
    call = decode_file(path)
    assert call.source_rate == 8000 and subtype in call.source_format
    pcm = call.legs["customer"]
    assert len(pcm) == pytest.approx(len(narrow) * 2, abs=4)
    # The telephony copy keeps the speech: its 10 ms loudness envelope follows the original's.
    original = decode_file(fixture_path("vl09647.wav")).legs["customer"]
    assert np.corrcoef(_envelope(original), _envelope(pcm))[0, 1] > 0.9


def _envelope(pcm: np.ndarray, n_windows: int = 200) -> np.ndarray:
    usable = pcm[: n_windows * 160].astype(float)
    return np.abs(usable).reshape(n_windows, 160).mean(axis=1)


def test_ogg_and_any_sample_rate(tmp_path):
    source, rate = sf.read(fixture_path("vl04108.wav"), dtype="float32")
    path = tmp_path / "clip.ogg"
    sf.write(path, soxr.resample(source, rate, 48000), 48000, format="OGG", subtype="VORBIS")
    call = decode_file(path)
    assert call.source_rate == 48000
    assert call.duration == pytest.approx(len(source) / rate, abs=0.05)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"this is not audio at all, just text\n" * 20, "not a readable audio file"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", "not a readable audio file"),  # truncated header
    ],
)
def test_unreadable_files_give_a_clear_error(tmp_path, content, expected):
    path = tmp_path / "bad.wav"
    path.write_bytes(content)
    with pytest.raises(AudioDecodeError, match=expected):
        decode_file(path)


def test_missing_file_and_zero_sample_file(tmp_path):
    with pytest.raises(AudioDecodeError, match="no such file"):
        decode_file(tmp_path / "nope.wav")
    empty = tmp_path / "empty.wav"
    sf.write(empty, np.zeros(0, dtype=np.int16), 16000)
    with pytest.raises(AudioDecodeError, match="no audio samples"):
        decode_file(empty)


def test_truncated_data_chunk_still_decodes_what_is_there(tmp_path):
    full = fixture_path("stereo_diarization.wav").read_bytes()
    path = tmp_path / "cut.wav"
    path.write_bytes(full[: len(full) // 2])
    call = decode_file(path)
    assert 2.0 < call.duration < 3.0


def test_stream_resampler_matches_one_shot_resampling():
    rng = np.random.default_rng(1)
    samples = (rng.standard_normal(8000) * 3000).astype(np.int16)
    stream = StreamResampler(8000)
    pieces = [stream.feed(samples[i : i + 160]) for i in range(0, 8000, 160)]
    pieces.append(stream.feed(np.zeros(0, np.int16), last=True))
    streamed = np.concatenate(pieces)
    assert len(streamed) == pytest.approx(16000, abs=2)


def test_live_packets_keep_their_timeline_through_the_bursty_resampler():
    from copilot.asr.service import TranscriberPool, TranscriptionService
    from copilot.pipeline.call_session import CallSession

    # 4 s of a phone leg in 20 ms packets stamped with their send time, as Twilio does.
    rng = np.random.default_rng(3)
    phone = (rng.standard_normal(4 * 8000) * 300).astype(np.int16)
    session = CallSession("t", ("customer",), TranscriptionService(TranscriberPool()), print)
    resampler_out = 0
    for offset in range(0, len(phone), 160):
        session.push_pcm("customer", phone[offset : offset + 160], 8000, offset / 8000)
        resampler_out = session._resamplers[("customer", 8000)]._samples_out
    fed = session.pipeline._segmenters["customer"].position * PIPELINE_RATE
    # Every resampled sample reached the segmenter once: no lag read as lost audio
    # (padded silence) and no burst read as a replay (dropped samples).
    assert round(fed) == resampler_out > 3.9 * PIPELINE_RATE
