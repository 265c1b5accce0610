"""Several utterances waiting at once: one transcribe_batch call versus one call each.

The utterances are real turns cut from the generated English calls (sidecar
timings), taken alternately from two calls as if both were live.
"""

from __future__ import annotations

import statistics
import time

from copilot.asr.transcriber import TranscriptionResult, WhisperTranscriber
from copilot.asr.wer import corpus_wer

from .clips import CPU_THREADS, Models, Utterance, interleaved_turns, warm_up

CALLS = ("call_escalating_en.wav", "call_calm_en.wav")
LEVELS = (1, 4, 8)
QUICK_LEVELS = (1, 4)


def _one_by_one(transcriber: WhisperTranscriber, utterances: list[Utterance]) -> list:
    return [transcriber.transcribe_batch([u.request()])[0] for u in utterances]


def _together(transcriber: WhisperTranscriber, utterances: list[Utterance]) -> list:
    return transcriber.transcribe_batch([u.request() for u in utterances])


def _timed(run, transcriber, utterances) -> tuple[list[TranscriptionResult], float]:
    began = time.perf_counter()
    results = run(transcriber, utterances)
    return results, time.perf_counter() - began


def _wer(utterances: list[Utterance], results: list[TranscriptionResult]) -> float:
    return round(
        corpus_wer([(u.text, r.text) for u, r in zip(utterances, results, strict=True)]), 4
    )


def batching(models: Models, quick: bool) -> dict:
    transcriber = models.get("tiny.en")
    warm_up(transcriber)
    pool = interleaved_turns(CALLS)
    repeats = 1 if quick else 3
    rows = []
    for n in QUICK_LEVELS if quick else LEVELS:
        utterances = pool[:n]
        alone_s, batched_s = [], []
        _one_by_one(transcriber, utterances)  # untimed: new window sizes allocate on first use
        _together(transcriber, utterances)
        for _ in range(repeats):
            alone, seconds = _timed(_one_by_one, transcriber, utterances)
            alone_s.append(seconds)
            together, seconds = _timed(_together, transcriber, utterances)
            batched_s.append(seconds)
        one, batch = statistics.median(alone_s), statistics.median(batched_s)
        rows.append(
            {
                "n": n,
                "audio_s": round(sum(u.seconds for u in utterances), 2),
                "longest_s": round(max(u.seconds for u in utterances), 2),
                "one_by_one_s": round(one, 3),
                "batched_s": round(batch, 3),
                "speedup": round(one / batch, 2),
                "batch_window_frames": together[0].window_frames,
                "texts_differ": sum(a.text != b.text for a, b in zip(alone, together, strict=True)),
                "wer_one_by_one": _wer(utterances, alone),
                "wer_batched": _wer(utterances, together),
            }
        )
        print(f"  batching n={n}: speed-up {rows[-1]['speedup']}x", flush=True)
    return {
        "model": transcriber.name,
        "cpu_threads": CPU_THREADS,
        "repeats": repeats,
        "calls": list(CALLS),
        "levels": rows,
    }
