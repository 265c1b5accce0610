import io

import numpy as np
import pytest
import soundfile as sf

from copilot.telephony import g711

ALL_INT16 = np.arange(-32768, 32768, dtype=np.int16)


def _wav_data_chunk(wav: bytes) -> bytes:
    """The payload of the RIFF `data` chunk, walking the chunk list (fmt/fact come first)."""
    assert wav[:4] == b"RIFF" and wav[8:12] == b"WAVE"
    pos = 12
    while pos + 8 <= len(wav):
        chunk_id, size = wav[pos : pos + 4], int.from_bytes(wav[pos + 4 : pos + 8], "little")
        if chunk_id == b"data":
            return wav[pos + 8 : pos + 8 + size]
        pos += 8 + size + (size & 1)
    raise AssertionError("no data chunk")


def _soundfile_roundtrip(samples: np.ndarray) -> tuple[bytes, np.ndarray]:
    """(mu-law bytes libsndfile wrote for `samples`, samples libsndfile reads back from them)."""
    buf = io.BytesIO()
    sf.write(buf, samples, 8000, format="WAV", subtype="ULAW")
    wav = buf.getvalue()
    decoded, rate = sf.read(io.BytesIO(wav), dtype="int16")
    assert rate == 8000
    return _wav_data_chunk(wav), decoded


def test_decode_matches_soundfile_for_every_code():
    data, soundfile_decoded = _soundfile_roundtrip(ALL_INT16)
    assert len(data) == len(ALL_INT16)
    assert set(data) == set(range(256))  # every companded code occurs
    ours = g711.ulaw_decode(data)
    assert ours.dtype == np.int16
    np.testing.assert_array_equal(ours, soundfile_decoded)


def test_encode_matches_soundfile_bit_for_bit():
    data, _ = _soundfile_roundtrip(ALL_INT16)
    assert g711.ulaw_encode(ALL_INT16) == data


@pytest.mark.parametrize(
    "code,value",
    [(0xFF, 0), (0x7F, 0), (0x80, 32124), (0x00, -32124), (0xFE, 8), (0x7E, -8)],
)
def test_known_code_values(code, value):
    assert g711.ulaw_decode(bytes([code]))[0] == value


def _half_step(decoded: np.ndarray) -> np.ndarray:
    """Half the quantisation step of the mu-law segment each decoded value lies in."""
    magnitude = np.abs(decoded.astype(np.int64))
    # Segment e spans [(2**(e+7)) - 132, 2**(e+8) - 132) with step 2**(e+3).
    segment = np.clip(np.floor(np.log2(magnitude + 132)).astype(int) - 7, 0, 7)
    return 2 ** (segment + 2)


def test_round_trip_error_is_within_quantisation():
    decode, encode = g711.ulaw_decode, g711.ulaw_encode
    decoded = decode(encode(ALL_INT16))
    error = np.abs(decoded.astype(np.int64) - ALL_INT16)
    # Full-scale values are clipped to the codec's largest level, the rest round to
    # within half a step (+1 for the truncation to 14 bits before companding).
    top = int(np.abs(decode(bytes(range(256))).astype(np.int64)).max())
    in_range = np.abs(ALL_INT16.astype(np.int64)) <= top
    assert np.all(error[in_range] <= _half_step(decoded)[in_range] + 1)
    assert np.all(error[~in_range] <= 32768 - top)


def test_speech_level_sine_keeps_telephone_quality():
    t = np.arange(8000) / 8000
    sine = (8000 * np.sin(2 * np.pi * 440 * t)).astype(np.int16)
    decoded = g711.ulaw_decode(g711.ulaw_encode(sine)).astype(np.float64)
    noise = decoded - sine
    snr_db = 10 * np.log10(np.sum(sine.astype(np.float64) ** 2) / np.sum(noise**2))
    assert snr_db > 35  # G.711 gives ~38 dB on a loud tone


def test_decode_encode_is_identity_on_codes():
    codes = bytes(c for c in range(256) if c != 0x7F)  # -0 == +0
    assert g711.ulaw_encode(g711.ulaw_decode(codes)) == codes


def test_encode_refuses_non_int16():
    with pytest.raises(TypeError):
        g711.ulaw_encode(np.zeros(4, dtype=np.float32))


def test_empty_input():
    assert g711.ulaw_decode(b"").shape == (0,)
    assert g711.ulaw_encode(np.zeros(0, dtype=np.int16)) == b""
