"""The audio the benchmarks run on: reference clips, generated calls and their turns, and models."""

from __future__ import annotations

import gc
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from copilot.asr.transcriber import DecodingOptions, TranscriptionRequest, WhisperTranscriber
from copilot.audio.files import decode_file, pcm16_to_float
from copilot.audio.format import AGENT, CUSTOMER, PIPELINE_RATE
from copilot.config import Config
from copilot.runtime import decoding_options

from .machine import REPO, rss_mb

FIXTURES = REPO / "audio_fixtures"
CPU_THREADS = Config().cpu_threads  # whisper threads as deployed (1: fastest on 2 cores)
WHISPER_WORKERS = Config().whisper_worker_count()  # as deployed: one per core
WHISPER_NICE = Config().whisper_nice

# Leg -> reference text per clip; stereo_diarization is one speaker per channel.
ENGLISH_CLIPS = ("jfk.flac", "stereo_diarization.wav")
FLEMISH_CLIPS = ("vl00203.wav", "vl04108.wav", "vl09647.wav")

# Same pre-roll and tail the segmenter keeps around speech (SegmenterConfig defaults).
PRE_ROLL_S = 0.3
TAIL_S = 0.15


def fixture(name: str) -> Path:
    return FIXTURES / name


@cache
def _references() -> dict:
    return json.loads((FIXTURES / "references.json").read_text(encoding="utf-8"))


def leg_references(name: str) -> dict[str, str]:
    """leg -> reference text, the way bench.asr_eval.score_clip wants it."""
    ref = _references()[name]
    if ref.get("channel_texts"):
        return {AGENT: ref["channel_texts"]["left"], CUSTOMER: ref["channel_texts"]["right"]}
    return {CUSTOMER: ref["text"]}


def turn_references(turns: list[dict]) -> dict[str, str]:
    """leg -> the text of its turns in order: a whole call's references for score_clip."""
    legs = sorted({t["speaker"] for t in turns})
    return {leg: " ".join(t["text"] for t in turns if t["speaker"] == leg) for leg in legs}


def call_script(name: str) -> dict:
    """The sidecar JSON (turns with speaker, start, end, text) of a generated call."""
    return json.loads((FIXTURES / f"{Path(name).stem}.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Utterance:
    source: str
    speaker: str
    text: str
    audio: np.ndarray  # float32 at 16 kHz

    @property
    def seconds(self) -> float:
        return len(self.audio) / PIPELINE_RATE

    def request(self, language: str = "en") -> TranscriptionRequest:
        return TranscriptionRequest(self.audio, language)


def call_turns(name: str) -> list[Utterance]:
    """Each sidecar turn cut from its own leg, with the segmenter's pre-roll and tail."""
    call = decode_file(fixture(name))
    out = []
    for turn in call_script(name)["turns"]:
        pcm = call.legs[turn["speaker"]]
        first = max(0, int((turn["start"] - PRE_ROLL_S) * PIPELINE_RATE))
        last = min(len(pcm), int((turn["end"] + TAIL_S) * PIPELINE_RATE))
        out.append(Utterance(name, turn["speaker"], turn["text"], pcm16_to_float(pcm[first:last])))
    return out


def interleaved_turns(names: tuple[str, ...]) -> list[Utterance]:
    """Turns of several calls taken in turn, as if the calls ran side by side."""
    per_call = [call_turns(n) for n in names]
    out = []
    for i in range(max(len(turns) for turns in per_call)):
        out.extend(turns[i] for turns in per_call if i < len(turns))
    return out


def warm_up(transcriber: WhisperTranscriber, batch: int = 1, seconds: float = 0.0) -> None:
    """First calls allocate buffers and build tokenizers; keep them out of any timing.

    `seconds` repeats the clip to that length, so the encoder sees a window that long.
    """
    audio = pcm16_to_float(decode_file(fixture("jfk.flac")).legs[CUSTOMER])
    if seconds:
        audio = np.resize(audio, int(seconds * PIPELINE_RATE))
    transcriber.transcribe_batch([TranscriptionRequest(audio, "en")] * batch)


class Models:
    """tiny.en and base loaded once (RSS noted after each load), plus throwaway variants."""

    NAMES = ("tiny.en", "base")

    def __init__(self) -> None:
        self.rss_before_mb = rss_mb()
        self.rss_after_mb: dict[str, float] = {}
        self._loaded: dict[str, WhisperTranscriber] = {}
        for name in self.NAMES:
            # As the default deployment decodes (its vocabulary included).
            options = decoding_options(Config())
            self._loaded[name] = WhisperTranscriber(
                name,
                cpu_threads=CPU_THREADS,
                options=options,
                workers=WHISPER_WORKERS,
                nice=WHISPER_NICE,
            )
            self.rss_after_mb[name] = rss_mb()

    def get(self, name: str) -> WhisperTranscriber:
        return self._loaded[name]

    @staticmethod
    def variant(name: str, options: DecodingOptions) -> WhisperTranscriber:
        """A separate instance with other decoding options (loading takes well under a second)."""
        gc.collect()  # let the previous variant go first
        return WhisperTranscriber(name, cpu_threads=CPU_THREADS, options=options)
