"""G.711 mu-law as numpy lookup tables.

Telephony hands us 8-bit companded audio (Twilio and AudioHook send PCMU, the only
G.711 law copilot accepts on the wire), so decoding is one table lookup per byte.
The tables are built once, at import, from the G.711 segment algorithm as the ITU-T
G.191 reference code writes it, so both directions match libsndfile
(python-soundfile) bit for bit. Recorded A-law files are read by libsndfile itself
(`audio/files.py`).
"""

from __future__ import annotations

import numpy as np

_ALL_BYTES = np.arange(256, dtype=np.int32)
# Every int16 value, indexed by its uint16 bit pattern: encoding is `table[samples.view(uint16)]`.
_ALL_SAMPLES = np.arange(65536, dtype=np.int32).astype(np.uint16).view(np.int16).astype(np.int32)


def _build_ulaw_decode() -> np.ndarray:
    u = ~_ALL_BYTES & 0xFF  # mu-law bytes are stored inverted
    exponent = (u >> 4) & 0x07
    mantissa = u & 0x0F
    # 0x84 (132) is the bias that makes every segment start on a power of two.
    magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84
    return np.where(u & 0x80, -magnitude, magnitude).astype(np.int16)


def _bit_length(value: np.ndarray) -> np.ndarray:
    # frexp gives v = m * 2**e with 0.5 <= m < 1, so e is the bit length (and 0 for 0), exactly.
    return np.frexp(value.astype(np.float64))[1]


# The encoder follows the ITU-T G.191 reference (`ulaw_compress`) on the sign-magnitude
# of the sample, i.e. negative values truncate toward zero like positive ones. That is
# what libsndfile does too, so our bytes equal soundfile's for every int16.


def _build_ulaw_encode() -> np.ndarray:
    # 14-bit magnitude plus the bias (33), clipped to the top of the last segment.
    magnitude = np.minimum((np.abs(_ALL_SAMPLES) >> 2) + 33, 0x1FFF)
    segment = 1 + _bit_length(magnitude >> 6)
    code = ((8 - segment) << 4) | (0x0F - ((magnitude >> segment) & 0x0F))
    return np.where(_ALL_SAMPLES >= 0, code | 0x80, code).astype(np.uint8)


ULAW_DECODE = _build_ulaw_decode()
ULAW_ENCODE = _build_ulaw_encode()
for _table in (ULAW_DECODE, ULAW_ENCODE):
    _table.flags.writeable = False  # shared by every call; a stray write would corrupt them all


def ulaw_decode(data: bytes | bytearray | memoryview) -> np.ndarray:
    """mu-law bytes -> int16 samples."""
    return ULAW_DECODE[np.frombuffer(data, dtype=np.uint8)]


def ulaw_encode(samples: np.ndarray) -> bytes:
    """int16 samples -> mu-law bytes."""
    return ULAW_ENCODE[_as_int16(samples).view(np.uint16)].tobytes()


def _as_int16(samples: np.ndarray) -> np.ndarray:
    arr = np.asarray(samples)
    if arr.dtype != np.int16:
        raise TypeError(f"G.711 encodes int16 samples, got {arr.dtype}")
    return np.ascontiguousarray(arr).reshape(-1)
