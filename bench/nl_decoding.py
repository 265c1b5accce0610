"""Dutch decoding settings on clean and telephone audio: one knob at a time, chosen on dev data.

Every variant changes one setting from the deployed defaults (the multilingual base,
language nl, the default vocabulary prompt) and is scored through the live pipeline's
segmenter and transcriber on the *dev* set, clean and as an 8 kHz mu-law copy:

- dev, real speech: the three Flemish clips the ASR sections have always used;
- dev, rendered: both legs of the shipped espeak-ng Dutch calls.

A variant is *favoured* when it lowers the dev errors (real and rendered, both
conditions) by at least 2 % and adds no error on the real speech. The defaults the code
ships are then scored once more, next to the untouched baseline, on the *test* set:
the two held-out Flemish clips (never used to choose anything) and the Dutch calls
rendered at bench time. Figures per set say whether they rest on a human voice.
"""

from __future__ import annotations

import dataclasses
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import ctranslate2

from copilot.asr.transcriber import DecodingOptions, WhisperTranscriber
from copilot.audio.files import RESAMPLE_QUALITY
from copilot.config import Config
from copilot.pipeline.call import PipelineConfig
from copilot.pipeline.segmenter import SegmenterConfig
from copilot.runtime import decoding_options

from .asr_eval import score_clip, telephony_copy
from .call_scripts import render_scripts
from .clips import (
    CPU_THREADS,
    FLEMISH_CLIPS,
    call_script,
    fixture,
    leg_references,
    turn_references,
)

MODEL = "base"
CONDITIONS = ("clean", "8k")
HELD_OUT_CLIPS = ("vl12745.wav", "vl14994.wav")
DEV_CALLS = ("call_calm_nl.wav", "call_escalating_nl.wav")
# Favoured by the dev rule but not shipped, and why (shown in the report).
NOT_ADOPTED = {
    "beam 3": "its gain on real speech is one word of 56 (noise), and a held-out rendered"
    " caller line of the voicebot tests is lost with it",
}
MIN_GAIN = 0.02  # relative drop in dev errors a variant needs to be favoured
SEED = 1234  # sampling at a temperature is random; the bench must repeat itself


@dataclass(frozen=True)
class Variant:
    name: str
    knob: str  # the setting it changes; at most one variant per knob is favoured
    options: dict = field(default_factory=dict)  # DecodingOptions fields
    segmenter: dict = field(default_factory=dict)  # SegmenterConfig fields
    resample_quality: str = RESAMPLE_QUALITY


VARIANTS = (
    Variant("defaults", "-"),
    Variant("beam 1", "beam", {"beam_size": 1}),
    Variant("beam 3", "beam", {"beam_size": 3}),
    Variant("beam 8", "beam", {"beam_size": 8}),
    # The encoder window dominates a Dutch utterance's cost (beam 3 against 5 saves ~2 %):
    # 20 s was the minimum before 15 s was measured to keep the real speech's errors.
    Variant("window 20 s", "window", {"min_window_frames": 2000}),
    Variant("window 12 s", "window", {"min_window_frames": 1200}),
    Variant("window 10 s", "window", {"min_window_frames": 1000}),
    Variant(
        "temperature fallback 0.2-1.0",
        "temperature",
        {"temperature_fallback": (0.2, 0.4, 0.6, 0.8, 1.0)},
    ),
    Variant("no vocabulary prompt", "prompt", {"vocabulary": {}}),
    Variant("no_speech 0.4", "no_speech", {"no_speech_threshold": 0.4}),
    Variant("no_speech 0.8", "no_speech", {"no_speech_threshold": 0.8}),
    Variant("logprob -0.5", "logprob", {"logprob_threshold": -0.5}),
    Variant("logprob -1.5", "logprob", {"logprob_threshold": -1.5}),
    Variant("compression 2.0", "compression", {"compression_ratio_threshold": 2.0}),
    Variant("compression 3.0", "compression", {"compression_ratio_threshold": 3.0}),
    Variant("pre-roll 150 ms", "pre_roll", segmenter={"pre_roll_ms": 150}),
    Variant("pre-roll 500 ms", "pre_roll", segmenter={"pre_roll_ms": 500}),
    Variant(
        "end silence 350 ms",
        "end_silence",
        segmenter={"end_silence_ms": 350, "speculate_after_ms": 200},
    ),
    Variant("end silence 800 ms", "end_silence", segmenter={"end_silence_ms": 800}),
    Variant("resample LQ", "resample", resample_quality="LQ"),
    Variant("resample VHQ", "resample", resample_quality="VHQ"),
)


@dataclass(frozen=True)
class Source:
    path: Path
    references: dict[str, str]  # leg -> text
    real: bool


def _options(variant: Variant) -> DecodingOptions:
    return dataclasses.replace(decoding_options(Config()), **variant.options)


def _pipeline(variant: Variant) -> PipelineConfig:
    segmenter = dataclasses.replace(Config().segmenter, **variant.segmenter)
    return PipelineConfig(language="nl", segmenter=segmenter)


def _score(
    transcriber: WhisperTranscriber, variant: Variant, sources: list[Source], tmp: Path
) -> dict:
    """Errors and words per condition and per kind of speech (real / rendered)."""
    out: dict = {}
    for condition in CONDITIONS:
        tally = {"real": [0, 0], "rendered": [0, 0]}
        for source in sources:
            path = source.path if condition == "clean" else telephony_copy(source.path, tmp)
            scores = score_clip(
                path,
                source.references,
                lambda _lang: transcriber,
                "nl",
                _pipeline(variant),
                variant.resample_quality,
            )
            kind = tally["real" if source.real else "rendered"]
            kind[0] += sum(s.errors for s in scores)
            kind[1] += sum(s.words for s in scores)
        out[condition] = {
            kind: {"errors": e, "words": w, "wer": round(e / w, 4) if w else None}
            for kind, (e, w) in tally.items()
            if w
        }
    return out


def _errors(scored: dict, kinds: tuple[str, ...] = ("real", "rendered")) -> int:
    return sum(scored[c][k]["errors"] for c in CONDITIONS for k in kinds if k in scored[c])


def _favoured(rows: list[dict]) -> dict[str, str]:
    """knob -> the variant dev data favours over the defaults (knobs with none are absent)."""
    base = next(r for r in rows if r["variant"] == "defaults")
    total, real = _errors(base["dev"]), _errors(base["dev"], ("real",))
    picks: dict[str, tuple[int, str]] = {}
    for row in rows:
        if row["variant"] == "defaults":
            continue
        errors = _errors(row["dev"])
        better = errors <= total * (1 - MIN_GAIN) and _errors(row["dev"], ("real",)) <= real
        if better and errors < picks.get(row["knob"], (total + 1, ""))[0]:
            picks[row["knob"]] = (errors, row["variant"])
    return {knob: name for knob, (_, name) in picks.items()}


def _shipped_variant() -> Variant:
    """What the code ships today, as a variant of the bench's baseline."""
    shipped, base = decoding_options(Config()), DecodingOptions()
    options = {
        name: getattr(shipped, name)
        for name in (
            "no_speech_threshold",
            "logprob_threshold",
            "compression_ratio_threshold",
            "temperature_fallback",
        )
        if getattr(shipped, name) != getattr(base, name)
    }
    segmenter = {
        f.name: getattr(Config().segmenter, f.name)
        for f in dataclasses.fields(SegmenterConfig)
        if getattr(Config().segmenter, f.name) != getattr(SegmenterConfig(), f.name)
    }
    return Variant("shipped defaults", "-", options, segmenter)


def nl_decoding(models, quick: bool) -> dict:
    del models  # each variant loads its own instance of the Dutch model
    ctranslate2.set_random_seed(SEED)
    variants = VARIANTS[:3] if quick else VARIANTS
    dev = [Source(fixture(c), leg_references(c), True) for c in FLEMISH_CLIPS]
    dev += [Source(fixture(c), turn_references(call_script(c)["turns"]), False) for c in DEV_CALLS]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        test = [Source(fixture(c), leg_references(c), True) for c in HELD_OUT_CLIPS]
        test += [
            Source(path, turn_references(turns), False)
            for _name, language, path, turns in render_scripts(tmp)
            if language == "nl"
        ]
        for variant in variants:
            transcriber = WhisperTranscriber(
                MODEL, cpu_threads=CPU_THREADS, options=_options(variant)
            )
            began, cpu_began = time.perf_counter(), time.process_time()
            scored = _score(transcriber, variant, dev, tmp)
            rows.append(
                {
                    "variant": variant.name,
                    "knob": variant.knob,
                    "dev": scored,
                    "dev_errors": _errors(scored),
                    "seconds": round(time.perf_counter() - began, 1),
                    "cpu_seconds": round(time.process_time() - cpu_began, 1),
                }
            )
        favoured = _favoured(rows)
        shipped = _shipped_variant()
        tests = {}
        # Beside what ships: what dev favours over it.
        also = [v for v in VARIANTS if v.name in favoured.values()]
        for variant in (shipped, *also):
            transcriber = WhisperTranscriber(
                MODEL, cpu_threads=CPU_THREADS, options=_options(variant)
            )
            tests[variant.name] = _score(transcriber, variant, test, tmp)
    return {
        "model": MODEL,
        "dev_set": {"real": list(FLEMISH_CLIPS), "rendered": list(DEV_CALLS)},
        "test_set": {
            "real": list(HELD_OUT_CLIPS),
            "rendered": "Dutch calls of bench/call_scripts.py",
        },
        "variants": rows,
        "favoured": favoured,
        "not_adopted": {
            name: why for name, why in NOT_ADOPTED.items() if name in favoured.values()
        },
        "shipped": {"options": shipped.options, "segmenter": shipped.segmenter},
        "test": tests,
    }
