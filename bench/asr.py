"""ASR accuracy and speed: the encoder window and beam per model, and whole calls on the batch path.

`asr_window` scores the reference clips with bench.asr_eval (the same segmenter and
transcriber as a live call), then times each utterance it produced on its own.
`asr_rtf` runs whole generated calls through copilot.pipeline.offline.run_call_offline.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from copilot.asr.transcriber import (
    BEAM_SIZE,
    FULL_WINDOW,
    SAFE_MIN_WINDOW,
    DecodingOptions,
    TranscriptionRequest,
    TranscriptionResult,
    WhisperTranscriber,
)
from copilot.asr.wer import word_errors
from copilot.audio.files import decode_file
from copilot.audio.format import PIPELINE_RATE
from copilot.config import Config
from copilot.events.core import TranscriptFinal
from copilot.pipeline.call import PipelineConfig
from copilot.pipeline.offline import run_call_offline
from copilot.runtime import decoding_options

from .asr_eval import ClipScore, corpus_wer, score_clip, telephony_copy
from .clips import (
    CPU_THREADS,
    ENGLISH_CLIPS,
    FLEMISH_CLIPS,
    Models,
    call_script,
    fixture,
    leg_references,
    turn_references,
    warm_up,
)


@dataclass(frozen=True)
class Suite:
    model: str
    language: str
    clips: tuple[str, ...]
    windows: tuple[int, ...]  # min_window_frames values; duplicates are measured once
    beams: tuple[int, ...]

    @property
    def default_window(self) -> int:
        return SAFE_MIN_WINDOW[self.model]

    @property
    def default_beam(self) -> int:
        return BEAM_SIZE[self.model]


SUITES = (
    Suite("tiny.en", "en", ENGLISH_CLIPS, (FULL_WINDOW, SAFE_MIN_WINDOW["tiny.en"], 0), (1,)),
    Suite("base", "nl", FLEMISH_CLIPS, (FULL_WINDOW, SAFE_MIN_WINDOW["base"], 1000), (1, 5)),
)

RTF_CALLS = (
    ("tiny.en", "call_escalating_en.wav", "en"),
    ("tiny.en", "call_calm_en.wav", "en"),
    ("base", "call_escalating_nl.wav", "nl"),
)


class RecordingTranscriber:
    """Passes batches to a real transcriber and keeps every request and result it saw."""

    def __init__(self, inner: WhisperTranscriber) -> None:
        self.inner = inner
        self.requests: list[TranscriptionRequest] = []
        self.results: list[TranscriptionResult] = []

    def transcribe_batch(self, requests: list[TranscriptionRequest]) -> list[TranscriptionResult]:
        results = self.inner.transcribe_batch(requests)
        self.requests += requests
        self.results += results
        return results


class OneByOne:
    """Each utterance as its own batch, as a live final usually is: its own, shorter window."""

    def __init__(self, inner: WhisperTranscriber) -> None:
        self.inner = inner

    def transcribe_batch(self, requests: list[TranscriptionRequest]) -> list[TranscriptionResult]:
        return [self.inner.transcribe_batch([request])[0] for request in requests]


def _score(suite: Suite, transcriber, path_for) -> list[ClipScore]:
    scores: list[ClipScore] = []
    for clip in suite.clips:
        refs = leg_references(clip)
        scores += score_clip(path_for(clip), refs, lambda _lang: transcriber, suite.language)
    return scores


def _wer_summary(scores: list[ClipScore]) -> dict:
    return {
        "wer": round(corpus_wer(scores), 4),
        "errors": sum(s.errors for s in scores),
        "words": sum(s.words for s in scores),
        "clips": [
            {"clip": s.clip, "leg": s.leg, "wer": round(s.wer, 4), "hypothesis": s.hypothesis}
            for s in scores
        ],
    }


def time_alone(
    transcriber: WhisperTranscriber, requests: list[TranscriptionRequest], repeats: int
) -> dict:
    """Each utterance as a batch of one; the median of `repeats` runs per utterance."""
    per_utterance = []
    results: list[TranscriptionResult] = []
    for request in requests:
        runs = []
        for _ in range(repeats):
            began = time.perf_counter()
            result = transcriber.transcribe_batch([request])[0]
            runs.append(time.perf_counter() - began)
        per_utterance.append(statistics.median(runs))
        results.append(result)
    audio_s = sum(len(r.audio) for r in requests) / PIPELINE_RATE
    processing_s = sum(per_utterance)
    return {
        "utterances": len(requests),
        "audio_s": round(audio_s, 2),
        "processing_s": round(processing_s, 3),
        "ms_per_utterance": round(1000 * processing_s / max(1, len(requests)), 1),
        "rtf": round(processing_s / audio_s, 4) if audio_s else None,
        # Alone, an utterance gets its own (shorter) window, which may loop where the batch did not.
        "windows_used": sorted({r.window_frames for r in results}),
        "redone": sum(bool(r.redone) for r in results),
    }


def _variant(suite: Suite, window: int, beam: int, repeats: int, tmp: Path) -> dict:
    # Every variant keeps the default deployment's vocabulary; only window and beam vary.
    vocabulary = decoding_options(Config()).vocabulary
    options = DecodingOptions(min_window_frames=window, beam_size=beam, vocabulary=vocabulary)
    transcriber = Models.variant(suite.model, options)
    warm_up(transcriber)
    recorder = RecordingTranscriber(transcriber)
    scores = _score(suite, recorder, fixture)
    is_default = window == suite.default_window and beam == suite.default_beam
    row = {
        "model": suite.model,
        "language": suite.language,
        "min_window_frames": window,
        "default_window": window == suite.default_window,
        "beam_size": beam,
        "default": is_default,
        **_wer_summary(scores),
        "alone": _wer_summary(_score(suite, OneByOne(transcriber), fixture)),
        "windows_used": sorted({r.window_frames for r in recorder.results}),
        "redone": sum(bool(r.redone) for r in recorder.results),
        "timing": time_alone(transcriber, recorder.requests, repeats),
    }
    if is_default:
        # A phone line carries 8 kHz G.711: score the same clips after that round trip.
        copies = {name: telephony_copy(fixture(name), tmp) for name in suite.clips}
        row["telephony_ulaw"] = _wer_summary(_score(suite, transcriber, copies.get))
        row["telephony_ulaw_alone"] = _wer_summary(_score(suite, OneByOne(transcriber), copies.get))
    return row


def asr_window(models: Models, quick: bool) -> dict:
    repeats = 1 if quick else 3
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-asr-") as tmp:
        for suite in SUITES:
            for window in dict.fromkeys(suite.windows):
                for beam in suite.beams:
                    rows.append(_variant(suite, window, beam, repeats, Path(tmp)))
                    print(
                        f"  asr_window {suite.model} window={window} beam={beam}: "
                        f"WER {rows[-1]['wer']:.3f}, RTF {rows[-1]['timing']['rtf']}",
                        flush=True,
                    )
    return {
        "cpu_threads": CPU_THREADS,
        "repeats": repeats,
        "full_window": FULL_WINDOW,
        "safe_min_window": dict(SAFE_MIN_WINDOW),
        "default_beam": dict(BEAM_SIZE),
        "variants": rows,
    }


def _call_wer(name: str, language: str, finals: list[TranscriptFinal]) -> dict:
    """Per-leg WER against the sidecar turns (numbers are spoken, so they count as errors)."""
    errors = words = 0
    for leg, reference in turn_references(call_script(name)["turns"]).items():
        hypothesis = " ".join(e.text for e in finals if e.speaker == leg)
        leg_errors, leg_words = word_errors(reference, hypothesis, language=language)
        errors += leg_errors
        words += leg_words
    return {"wer": round(errors / max(1, words), 4), "errors": errors, "words": words}


def asr_rtf(models: Models, quick: bool) -> dict:
    rows = []
    for model, name, language in RTF_CALLS:
        transcriber = models.get(model)
        warm_up(transcriber)
        call = decode_file(fixture(name))
        began = time.perf_counter()
        events = run_call_offline(
            call, lambda _lang, t=transcriber: t, PipelineConfig(language=language), call_id=name
        )
        wall = time.perf_counter() - began
        finals = [e for e in events if isinstance(e, TranscriptFinal)]
        rows.append(
            {
                "model": model,
                "call": name,
                "language": language,
                "beam_size": transcriber.beam_size,
                "min_window_frames": transcriber.min_window,
                "audio_s": round(call.duration, 2),
                "legs": len(call.legs),
                "utterances": len(finals),
                "speech_s": round(sum(e.end - e.start for e in finals), 2),
                "wall_s": round(wall, 2),
                "x_real_time": round(call.duration / wall, 1),
                **_call_wer(name, language, finals),
            }
        )
        print(f"  asr_rtf {model} {name}: {rows[-1]['x_real_time']}x real time", flush=True)
    return {"cpu_threads": CPU_THREADS, "batch_size": 8, "calls": rows}
