"""Text to speech for the voicebot: PCM16 mono at 16 kHz, offline, with a prompt cache.

Debian's espeak-ng is the default engine: a subprocess that writes a WAV to stdout
(about 40 ms for ten seconds of speech on one core). A Piper voice (an .onnx file
given by path) sounds far better and is used when configured and the `piper-tts`
package is importable; it is never required. Greetings, re-prompts and answers
repeat across calls, so synthesized prompts are kept in a small LRU cache that
every call of the process shares.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np

from copilot.audio.files import to_pipeline_pcm
from copilot.audio.format import PIPELINE_RATE
from copilot.voicebot.settings import VoicebotConfig

CACHE_PROMPTS = 256
MAX_TEXT_CHARS = 2000  # a spoken prompt longer than this is a bug upstream, not speech
ESPEAK_TIMEOUT_S = 10.0


class SpeechError(RuntimeError):
    """The engine could not speak this text; the message says which engine and why."""


class SpeechSynthesizer:
    """`synthesize(text, language) -> int16 samples at 16 kHz`, cached; thread-safe."""

    def __init__(
        self,
        engine: str = "espeak-ng",
        espeak_voices: dict[str, str] | None = None,
        words_per_minute: int = 165,
        piper_voices: dict[str, str] | None = None,
    ) -> None:
        self.espeak_voices = espeak_voices or {"nl": "nl", "en": "en"}
        self.words_per_minute = words_per_minute
        self.piper = _load_piper(piper_voices or {}) if engine == "piper" else {}
        self.engine = "piper" if self.piper else "espeak-ng"
        self._cache: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    @classmethod
    def from_config(cls, config: VoicebotConfig) -> SpeechSynthesizer:
        """The synthesizer `[voicebot]` asks for; espeak-ng unless Piper voices load."""
        return cls(
            config.tts_engine,
            {"nl": config.espeak_voice_nl, "en": config.espeak_voice_en},
            config.espeak_words_per_minute,
            {"nl": config.piper_voice_nl, "en": config.piper_voice_en},
        )

    def synthesize(self, text: str, language: str) -> np.ndarray:
        """`text` as read-only int16 samples at 16 kHz, from the cache when said before."""
        text = _speakable(text)
        key = (language, text)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        samples = self._speak(text, language) if text else np.zeros(0, np.int16)
        samples.flags.writeable = False  # shared by every call that plays this prompt
        with self._lock:
            self._cache[key] = samples
            while len(self._cache) > CACHE_PROMPTS:
                self._cache.popitem(last=False)
        return samples

    def duration(self, text: str, language: str) -> float:
        """Seconds of audio `text` becomes (synthesizes it, so the cache is warm for playback)."""
        return len(self.synthesize(text, language)) / PIPELINE_RATE

    def _speak(self, text: str, language: str) -> np.ndarray:
        voice = self.piper.get(language)
        if voice is not None:
            return _piper_speak(voice, text)
        return self._espeak(text, self.espeak_voices.get(language, language))

    def _espeak(self, text: str, voice: str) -> np.ndarray:
        binary = shutil.which("espeak-ng")
        if binary is None:
            raise SpeechError("espeak-ng is not installed (apt-get install espeak-ng)")
        # Text goes in on stdin, so a prompt starting with "-" is never read as an option.
        command = [binary, "--stdout", "-v", voice, "-s", str(self.words_per_minute)]
        try:
            done = subprocess.run(
                command, input=text.encode("utf-8"), capture_output=True, timeout=ESPEAK_TIMEOUT_S
            )
        except subprocess.TimeoutExpired:
            raise SpeechError(f"espeak-ng took over {ESPEAK_TIMEOUT_S} s") from None
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip()[:200]
            raise SpeechError(f"espeak-ng voice {voice!r} failed: {message}")
        samples, rate = wav_samples(done.stdout)
        return to_pipeline_pcm(samples, rate)


def wav_samples(data: bytes) -> tuple[np.ndarray, int]:
    """PCM16 mono samples and rate of a WAV in memory.

    espeak-ng writes to a pipe, so its RIFF and data sizes are placeholders
    (0x7fffffff): the data chunk is taken as "everything after its header".
    """
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise SpeechError("the engine's output is not a WAV file")
    pos, rate = 12, 0
    while pos + 8 <= len(data):
        chunk, size = data[pos : pos + 4], struct.unpack("<I", data[pos + 4 : pos + 8])[0]
        body = data[pos + 8 : pos + 8 + size]
        if chunk == b"fmt " and len(body) >= 16:
            fmt, channels, rate, _, _, bits = struct.unpack("<HHIIHH", body[:16])
            if (fmt, channels, bits) != (1, 1, 16):
                raise SpeechError(
                    f"expected PCM16 mono, got format {fmt}, {channels} ch, {bits} bit"
                )
        elif chunk == b"data":
            pcm = data[pos + 8 :][: size & ~1]
            if not rate:
                raise SpeechError("WAV data before its fmt chunk")
            return np.frombuffer(pcm[: len(pcm) & ~1], dtype="<i2").astype(np.int16), rate
        pos += 8 + size + (size & 1)
    raise SpeechError("WAV without a data chunk")


def _speakable(text: str) -> str:
    """One line of printable text, bounded (control characters would reach the engine raw)."""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in str(text))
    return " ".join(cleaned.split())[:MAX_TEXT_CHARS]


def _load_piper(paths: dict[str, str]) -> dict[str, object]:
    """Piper voices by language, for the paths that exist; {} when piper-tts is not installed."""
    wanted = {lang: Path(p) for lang, p in paths.items() if p and Path(p).is_file()}
    if not wanted:
        return {}
    try:
        from piper import PiperVoice  # optional: pip install piper-tts
    except ImportError:
        return {}
    return {lang: PiperVoice.load(str(path)) for lang, path in wanted.items()}


def _piper_speak(voice, text: str) -> np.ndarray:
    # piper-tts >= 1.3 yields AudioChunk objects, each with int16 samples and their rate.
    chunks = list(voice.synthesize(text))
    if not chunks:
        return np.zeros(0, np.int16)
    samples = np.concatenate([c.audio_int16_array for c in chunks])
    return to_pipeline_pcm(samples, chunks[0].sample_rate)
