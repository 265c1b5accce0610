"""Decode recordings into 16 kHz PCM16 per leg.

libsndfile (via soundfile) reads WAV (PCM, float, mu-law, A-law), FLAC, OGG and
MP3; PyAV (FFmpeg) is the fallback for anything else it cannot open. soxr does
the resampling. A stereo file is two legs (left = agent, right = customer by
default); a mono file is one leg.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf
import soxr

from copilot.audio.format import AGENT, CUSTOMER, PIPELINE_RATE, AudioFrame

# A contact-centre recording longer than this is almost certainly a mistake
# (a whole day's line capture); refuse instead of eating the memory.
MAX_DURATION_S = 4 * 3600
CHUNK_S = 0.02  # telephony platforms send 20 ms packets; files are cut the same way
# soxr's filter for 8 kHz lines and other rates up to 16 kHz. Its other qualities (LQ, MQ,
# VHQ) moved Dutch WER by no more than noise in `make bench` (nl_decoding) and VHQ costs more.
RESAMPLE_QUALITY = "HQ"


class AudioDecodeError(ValueError):
    """The file cannot be turned into call audio; the message says why."""


@dataclass(frozen=True)
class DecodedCall:
    """Per-leg PCM16 at PIPELINE_RATE, all legs the same length."""

    legs: dict[str, np.ndarray]
    source_rate: int
    source_channels: int
    source_format: str

    @property
    def duration(self) -> float:
        """Length of the call in seconds (every leg is this long)."""
        first = next(iter(self.legs.values()), np.zeros(0))
        return len(first) / PIPELINE_RATE


def decode_file(
    path: str | Path,
    stereo_legs: tuple[str, str] = (AGENT, CUSTOMER),
    mono_leg: str = CUSTOMER,
    resample_quality: str = RESAMPLE_QUALITY,
) -> DecodedCall:
    """Read any supported recording; raise AudioDecodeError with a clear reason otherwise."""
    path = Path(path)
    if not path.is_file():
        raise AudioDecodeError(f"{path}: no such file")
    if path.stat().st_size == 0:
        raise AudioDecodeError(f"{path}: the file is empty")
    try:
        with native_stderr_silenced():  # libmpg123 prints "Note: ..." lines on bad MP3 data
            samples, rate, fmt = _read_soundfile(path)
    except (sf.LibsndfileError, RuntimeError, TypeError, ValueError) as sf_error:
        try:
            with native_stderr_silenced():
                samples, rate, fmt = _read_with_av(path)
        except AudioDecodeError:
            raise AudioDecodeError(f"{path}: not a readable audio file ({sf_error})") from None
    return _to_call(path, samples, rate, fmt, stereo_legs, mono_leg, resample_quality)


@contextlib.contextmanager
def native_stderr_silenced() -> Iterator[None]:
    """Hide what C libraries (libmpg123, PortAudio, ALSA) print straight to fd 2.

    Python-level errors still reach the caller as exceptions with a clear message.
    """
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(devnull)
        os.close(saved)


def _read_soundfile(path: Path) -> tuple[np.ndarray, int, str]:
    with sf.SoundFile(path) as f:
        if f.frames > MAX_DURATION_S * f.samplerate:
            raise AudioDecodeError(f"{path}: longer than {MAX_DURATION_S // 3600} hours")
        data = f.read(dtype="float32", always_2d=True)
        return data, f.samplerate, f"{f.format}/{f.subtype}"


def _read_with_av(path: Path) -> tuple[np.ndarray, int, str]:
    import av  # imported lazily: only needed for formats libsndfile lacks

    try:
        with av.open(str(path)) as container:
            stream = next(iter(container.streams.audio), None)  # the first audio stream
            if stream is None:
                raise AudioDecodeError("no audio stream")
            chunks = []
            rate = stream.rate or stream.codec_context.sample_rate
            for frame in container.decode(stream):
                chunk = frame.to_ndarray()
                if not frame.format.is_planar:
                    chunk = chunk.reshape(-1, len(frame.layout.channels)).T
                chunks.append(chunk.astype(np.float32) / _full_scale(chunk.dtype))
            if not chunks:
                raise AudioDecodeError("no audio frames")
            return np.concatenate(chunks, axis=1).T, int(rate), f"av/{stream.codec_context.name}"
    except (av.error.FFmpegError, ValueError, OSError) as exc:
        raise AudioDecodeError(str(exc)) from exc


def _full_scale(dtype: np.dtype) -> float:
    if np.issubdtype(dtype, np.integer):
        return float(np.iinfo(dtype).max) + 1.0
    return 1.0


def _to_call(
    path: Path,
    samples: np.ndarray,
    rate: int,
    fmt: str,
    stereo_legs: tuple[str, str],
    mono_leg: str,
    resample_quality: str = RESAMPLE_QUALITY,
) -> DecodedCall:
    if samples.shape[0] == 0:
        raise AudioDecodeError(f"{path}: the file holds no audio samples")
    channels = samples.shape[1]
    if channels == 1 or _is_dual_mono(samples):
        columns = {mono_leg: samples[:, 0]}
    else:
        # Multi-channel beyond stereo: the first two channels carry the legs.
        columns = {stereo_legs[0]: samples[:, 0], stereo_legs[1]: samples[:, 1]}
    legs = {leg: to_pipeline_pcm(col, rate, resample_quality) for leg, col in columns.items()}
    return DecodedCall(legs=legs, source_rate=rate, source_channels=channels, source_format=fmt)


def _is_dual_mono(samples: np.ndarray) -> bool:
    """A "stereo" file whose two channels carry the same signal is one speaker, not two legs."""
    left, right = samples[:, 0], samples[:, 1]
    energy = float(np.mean(left**2) + np.mean(right**2))
    if energy == 0.0:
        return True
    return float(np.mean((left - right) ** 2)) < 1e-3 * energy


def to_pipeline_pcm(samples: np.ndarray, rate: int, quality: str = RESAMPLE_QUALITY) -> np.ndarray:
    """Float or int16 mono samples at `rate` -> int16 at PIPELINE_RATE."""
    if samples.dtype == np.int16:
        samples = samples.astype(np.float32) / 32768.0
    if rate != PIPELINE_RATE:
        samples = soxr.resample(samples, rate, PIPELINE_RATE, quality=quality)
    return float_to_pcm16(samples)


def float_to_pcm16(samples: np.ndarray) -> np.ndarray:
    """Float samples in [-1, 1] -> int16, clipped so a full-scale peak cannot wrap around."""
    return (np.clip(samples, -1.0, 32767 / 32768) * 32768.0).astype(np.int16)


def pcm16_to_float(samples: np.ndarray) -> np.ndarray:
    """Int16 samples -> float32 in [-1, 1), what whisper and soxr take."""
    return samples.astype(np.float32) / 32768.0


class StreamResampler:
    """Streaming resampler for one live leg (keeps filter state between chunks).

    soxr holds input back for its filter and hands output out in bursts (a 20 ms
    packet may give nothing, the next one 100 ms), so the output of one call does
    not line up with that call's input. `held_back` says by how much.
    """

    def __init__(self, in_rate: int) -> None:
        self.in_rate = in_rate
        self._stream = (
            soxr.ResampleStream(
                in_rate, PIPELINE_RATE, 1, dtype="float32", quality=RESAMPLE_QUALITY
            )
            if in_rate != PIPELINE_RATE
            else None
        )
        self._samples_in = 0
        self._samples_out = 0

    @property
    def held_back(self) -> float:
        """Seconds of input taken in but not yet given out."""
        return self._samples_in / self.in_rate - self._samples_out / PIPELINE_RATE

    def feed(self, samples: np.ndarray, last: bool = False) -> np.ndarray:
        """Int16 at `in_rate` -> whatever int16 at PIPELINE_RATE is ready; `last` drains it."""
        self._samples_in += len(samples)
        if self._stream is None:
            out = samples.astype(np.int16, copy=False)
        else:
            out = float_to_pcm16(self._stream.resample_chunk(pcm16_to_float(samples), last=last))
        self._samples_out += len(out)
        return out


def call_frames(call: DecodedCall, chunk_s: float = CHUNK_S) -> Iterator[list[AudioFrame]]:
    """The call's legs cut into time-aligned chunks: one list of frames per time step."""
    step = int(chunk_s * PIPELINE_RATE)
    total = max((len(pcm) for pcm in call.legs.values()), default=0)
    for offset in range(0, total, step):
        yield [
            AudioFrame(leg, pcm[offset : offset + step], offset / PIPELINE_RATE)
            for leg, pcm in call.legs.items()
            if offset < len(pcm)
        ]
