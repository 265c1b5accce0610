"""Word error rate of the pipeline on reference clips: shared by the tests and `make bench`.

A clip is run through the same segmenter and transcriber as a live call; the
final transcripts of each leg are joined and scored against that leg's reference.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import soundfile as sf
import soxr

from copilot.asr.wer import word_errors
from copilot.audio.files import RESAMPLE_QUALITY, decode_file
from copilot.events.core import Event, TranscriptFinal
from copilot.pipeline.call import PipelineConfig
from copilot.pipeline.offline import TranscriberFor, run_call_offline


@dataclass(frozen=True)
class ClipScore:
    clip: str
    leg: str
    reference: str
    hypothesis: str
    errors: int
    words: int

    @property
    def wer(self) -> float:
        return self.errors / max(1, self.words)


def leg_texts(
    path: Path,
    transcriber_for: TranscriberFor,
    language: str,
    pipeline: PipelineConfig | None = None,
    resample_quality: str = RESAMPLE_QUALITY,
) -> dict[str, str]:
    """`pipeline` overrides the segmenter; its language is always `language`."""
    config = dataclasses.replace(pipeline or PipelineConfig(), language=language)
    call = decode_file(path, resample_quality=resample_quality)
    return texts_by_leg(run_call_offline(call, transcriber_for, config, call_id=path.stem))


def texts_by_leg(events: Iterable[Event]) -> dict[str, str]:
    """Each leg's final transcripts joined in order: what a leg's WER is scored on."""
    texts: dict[str, list[str]] = {}
    for event in events:
        if isinstance(event, TranscriptFinal):
            texts.setdefault(event.speaker, []).append(event.text)
    return {leg: " ".join(parts) for leg, parts in texts.items()}


def score_clip(
    path: Path,
    references: dict[str, str],
    transcriber_for: TranscriberFor,
    language: str,
    pipeline: PipelineConfig | None = None,
    resample_quality: str = RESAMPLE_QUALITY,
) -> list[ClipScore]:
    """`references` maps leg -> reference text; a leg with no transcript scores all deletions."""
    hypotheses = leg_texts(path, transcriber_for, language, pipeline, resample_quality)
    scores = []
    for leg, reference in references.items():
        hypothesis = hypotheses.get(leg, "")
        errors, words = word_errors(reference, hypothesis, language=language)
        scores.append(ClipScore(path.name, leg, reference, hypothesis, errors, words))
    return scores


def corpus_wer(scores: list[ClipScore]) -> float:
    return sum(s.errors for s in scores) / max(1, sum(s.words for s in scores))


def telephony_copy(path: Path, out_dir: Path, codec: str = "ULAW") -> Path:
    """The clip as a phone line would carry it: 8 kHz, G.711 mu-law (or A-law) WAV."""
    samples, rate = sf.read(path, dtype="float32", always_2d=True)
    narrow = soxr.resample(samples, rate, 8000)
    target = out_dir / f"{path.stem}.8k-{codec.lower()}.wav"
    sf.write(target, narrow, 8000, subtype=codec)
    return target
