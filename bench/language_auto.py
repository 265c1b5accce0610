"""`language = "auto"` on every test call: the decision, its confidence, and what it took.

Each call is segmented by the live pipeline and decided by the function QA replay runs
(`copilot.pipeline.offline.decide_language`, the multilingual base), clean and as an
8 kHz mu-law copy (`bench.asr_eval.telephony_copy`). The calls:

- fixture: the four shipped espeak-ng calls (stereo, nl and en);
- dev / held-out: the espeak-ng calls of `bench/call_scripts.py` and
  `bench/call_scripts_heldout.py`, rendered now (never used to set the thresholds);
- real: the Flemish clips (nl) and jfk / stereo_diarization (en), each a short recording
  of one or two utterances, and the two real-speech Flemish calls of `alert_quality`.

Per call: truth, decision, confidence, whether it was flagged unsure, the seconds of
speech and the call time it needed, and the CPU seconds of identification (measured one
call at a time, as `time.process_time` around it: a speed figure, rerun it on a quiet
machine).

    python -m bench.language_auto OUT.json   # this section alone, into OUT.json (no retry)
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from copilot.asr.jobs import TranscriptionJob
from copilot.asr.transcriber import WhisperTranscriber
from copilot.audio.files import call_frames, decode_file
from copilot.events.core import CallLanguage
from copilot.pipeline.call import CallPipeline, PipelineConfig
from copilot.pipeline.offline import decide_language
from copilot.pipeline.settings import LanguageDecisionConfig

from .alert_quality import REAL_CALLS, real_speech_call
from .asr_eval import telephony_copy
from .call_scripts import SCRIPTS, render_scripts
from .call_scripts_heldout import HELDOUT_SCRIPTS
from .clips import Models, fixture
from .machine import OtherLoad, code_version, machine_info, now_utc

FIXTURE_CALLS = {
    "call_escalating_nl.wav": "nl",
    "call_calm_nl.wav": "nl",
    "call_escalating_en.wav": "en",
    "call_calm_en.wav": "en",
}
REAL_CLIPS = {
    "vl00203.wav": "nl",
    "vl04108.wav": "nl",
    "vl09647.wav": "nl",
    "vl12745.wav": "nl",
    "vl14994.wav": "nl",
    "jfk.flac": "en",
    "stereo_diarization.wav": "en",
}
CONDITIONS = ("clean", "8k")


def decide_file(path: Path, multilingual: WhisperTranscriber) -> tuple[CallLanguage, float]:
    """The `call.language` QA replay would decide for this recording, and the CPU seconds
    identification took (process time, utterances identified but not needed included)."""
    call = decode_file(path)
    config = PipelineConfig(language="auto", partials=False, speculative_finals=False)
    pipeline = CallPipeline("bench", tuple(call.legs), config)
    pipeline.start()
    items = []
    for frames in call_frames(call, chunk_s=0.5):
        for frame in frames:
            items.extend(pipeline.feed(frame))
    items.extend(pipeline.finish())
    jobs = [i for i in items if isinstance(i, TranscriptionJob)]
    began = time.process_time()
    events = decide_language(pipeline, jobs, multilingual)
    cpu = time.process_time() - began
    decided = next(e for e in events if isinstance(e, CallLanguage))
    return decided, round(cpu, 3)


def _calls(folder: Path) -> list[tuple[str, str, str, Path]]:
    """(name, truth, kind, path) of every call the section decides, clean."""
    calls = [(n, lang, "fixture", fixture(n)) for n, lang in FIXTURE_CALLS.items()]
    for kind, scripts in (("dev", SCRIPTS), ("held-out", HELDOUT_SCRIPTS)):
        calls += [(n, lang, kind, path) for n, lang, path, _ in render_scripts(folder, scripts)]
    calls += [(n, lang, "real", fixture(n)) for n, lang in REAL_CLIPS.items()]
    for spec in REAL_CALLS:
        path, _, _ = real_speech_call(folder, spec)
        calls.append((spec.name, "nl", "real", path))
    return calls


def _summary(rows: list[dict]) -> list[dict]:
    out = []
    groups = sorted({(r["truth"], r["kind"], r["condition"]) for r in rows})
    for truth, kind, condition in groups:
        some = [
            r for r in rows if (r["truth"], r["kind"], r["condition"]) == (truth, kind, condition)
        ]
        out.append(
            {
                "truth": truth,
                "kind": kind,
                "condition": condition,
                "calls": len(some),
                "correct": sum(r["correct"] for r in some),
                "unsure": sum(r["unsure"] for r in some),
                "min_confidence": min(r["confidence"] for r in some),
                "mean_speech_s": round(sum(r["speech_s"] for r in some) / len(some), 2),
                "max_decided_at_s": max(r["decided_at_s"] for r in some),
                "mean_cpu_s": round(sum(r["cpu_s"] for r in some) / len(some), 3),
            }
        )
    return out


def language_auto(models: Models, quick: bool) -> dict:
    """Every test call decided with `auto`, clean and at 8 kHz."""
    multilingual = models.get("base")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        calls = _calls(folder)
        if quick:
            calls = [c for c in calls if c[2] in ("fixture", "real")]
        for name, truth, kind, path in calls:
            for condition in CONDITIONS:
                audio = path if condition == "clean" else telephony_copy(path, folder)
                decided, cpu = decide_file(audio, multilingual)
                rows.append(
                    {
                        "call": name,
                        "kind": kind,
                        "condition": condition,
                        "truth": truth,
                        "decision": decided.language,
                        "correct": decided.language == truth,
                        "confidence": decided.confidence,
                        "unsure": decided.unsure,
                        "probabilities": decided.probabilities,
                        "decided_at_s": decided.t,
                        "speech_s": decided.speech_s,
                        "utterances": decided.utterances,
                        "decoded": decided.decoded,
                        "legs": list(decided.legs),
                        "cpu_s": cpu,
                    }
                )
    config = LanguageDecisionConfig()
    return {
        "model": multilingual.name,
        "settings": {
            "candidates": list(config.candidates),
            "max_speech_s": config.max_speech_s,
            "min_speech_s": config.min_speech_s,
            "min_utterances": config.min_utterances,
            "sure": config.sure,
            "unsure_below": config.unsure_below,
        },
        "calls": rows,
        "summary": _summary(rows),
        "correct": sum(r["correct"] for r in rows),
        "total": len(rows),
    }


def main(argv: list[str] | None = None) -> int:
    """This section alone, measured once without waiting for a quiet machine (its decisions
    do not depend on load; its CPU seconds do, and the header records the load), into the
    JSON file given."""
    args = argv if argv is not None else sys.argv[1:]
    quick = "--quick" in args
    out = Path(next(a for a in args if not a.startswith("--")))
    machine = machine_info()
    header = {
        "date": now_utc(),
        "commit": code_version(),
        "quick": quick,
        "cpu": {"model": machine["cpu_model"], "instruction_sets": machine["instruction_sets"]},
    }
    models = Models()
    began, load = time.perf_counter(), OtherLoad()
    data = language_auto(models, quick)
    header["load"] = {**load.result(), "waited_for_quiet_s": 0, "attempt": 1}
    header["bench_seconds"] = round(time.perf_counter() - began, 1)
    out.write_text(json.dumps({**header, **data}, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {out}: {data['correct']} / {data['total']} right", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
