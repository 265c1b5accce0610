"""Alert quality on whole labelled calls, per language and audio condition.

Each labelled call is replayed through the QA replay's pipeline (the affect stage as
deployed, with its default model per language) once as recorded (16 kHz) and once as
a phone line carries it (8 kHz mu-law). Its alerts are judged against the customer
turns' moods by `bench.alert_eval`: precision and recall per level, lead time
from the first non-calm turn, and alerts raised before any non-calm turn.

The set has two halves. *Dev*: the shipped calls and those of `bench/call_scripts.py`,
on which cues and thresholds were changed. *Test*: the calls of
`bench/call_scripts_heldout.py`, written before those changes and never used to make them,
and two calls of real human speech (the Flemish clips spliced into a calm customer leg
with pauses, level changes and line hiss). Real calm speech is the case where an alert
would be a pure false alarm, and its customer-leg WER per condition is the Dutch figure
that rests on a human voice. Everything else is an espeak-ng rendering.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf
import soxr

from copilot.affect.stage import AffectStage
from copilot.affect.text import TextAffectScorer
from copilot.affect.trend import AffectConfig
from copilot.asr.wer import word_errors
from copilot.config import Config
from copilot.events.affect import Alert
from copilot.replay.worker import CallReplayer, Recording

from .alert_eval import LabelledTurn, judge_call, mood_of, summarise
from .alert_floor import Recorded, TappingStages, calibrate, play_tape, script_finals
from .asr_eval import telephony_copy, texts_by_leg
from .call_scripts import SCRIPTS, render_scripts
from .call_scripts_heldout import HELDOUT_SCRIPTS
from .clips import FLEMISH_CLIPS, Models, call_script, fixture, leg_references

# The labelled calls: (file, how it was made). Every customer turn has a mood.
CALLS = (
    ("call_escalating_en.wav", "rendered"),
    ("call_calm_en.wav", "rendered"),
    ("call_escalating_nl.wav", "rendered"),
    ("call_calm_nl.wav", "rendered"),
)
CONDITIONS = ("clean", "8k")
# The script's own words as the transcript (heard for sure, no voice): what the affect stage
# makes of a call when the recogniser is out of the way. Audio conditions minus this one is
# what the recogniser costs, per language.
SCRIPT = "script text"
SPLITS = ("dev", "test")
# The two held-out clips were never used to tune anything; the first three are the ones
# the ASR tests and sections have always used.
REAL_NL_CLIPS = (*FLEMISH_CLIPS, "vl12745.wav", "vl14994.wav")
RATE = 16_000


@dataclass(frozen=True)
class RealCall:
    """Real Flemish clips spliced into one calm customer leg: pauses, level changes, line hiss."""

    name: str
    clips: tuple[str, ...]
    gains_db: tuple[float, ...]  # per clip: a caller moving to and from the handset
    gap_s: float
    hiss_dbfs: float


REAL_CALLS = (
    RealCall("real_flemish_calm_nl.wav", REAL_NL_CLIPS, (0.0, -10.0, 4.0, -6.0, 0.0), 2.0, -66.0),
    # The same voice on a worse line: quieter, faster turn-taking, louder hiss, other order.
    RealCall(
        "real_flemish_quiet_nl.wav",
        tuple(reversed(REAL_NL_CLIPS)),
        (-12.0, -4.0, -9.0, -2.0, -15.0),
        1.2,
        -52.0,
    ),
)


def real_speech_call(folder: Path, spec: RealCall) -> tuple[Path, list[LabelledTurn], str]:
    """The clips as the right (customer) leg; the agent leg carries only the line hiss.

    Returns the file, its calm turns and the customer leg's reference text.
    """
    rng = np.random.default_rng(7)
    pieces, turns, texts, position = [np.zeros(int(0.5 * RATE), np.float32)], [], [], 0.5
    for clip, gain in zip(spec.clips, spec.gains_db, strict=True):
        audio, rate = sf.read(fixture(clip), dtype="float32")
        audio = soxr.resample(audio, rate, RATE) * 10 ** (gain / 20)
        seconds = len(audio) / RATE
        turns.append(LabelledTurn(round(position, 3), round(position + seconds, 3), "calm"))
        texts.append(leg_references(clip)["customer"])
        pieces += [audio, np.zeros(int(spec.gap_s * RATE), np.float32)]
        position += seconds + spec.gap_s
    customer = np.concatenate(pieces)
    hiss = rng.normal(0.0, 10 ** (spec.hiss_dbfs / 20), size=(len(customer), 2)).astype(np.float32)
    hiss[:, 1] += customer
    path = folder / spec.name
    sf.write(path, np.clip(hiss, -1, 1), RATE, subtype="PCM_16")
    return path, turns, " ".join(texts)


def customer_turns(turns: list[dict]) -> list[LabelledTurn]:
    """A call's customer turns with the mood their fixture labels give."""
    return [
        LabelledTurn(t["start"], t["end"], mood_of(t.get("expect", [])))
        for t in turns
        if t["speaker"] == "customer"
    ]


@dataclass(frozen=True)
class LabelledCall:
    name: str
    language: str
    made: str  # how the audio was made: rendered, real speech
    split: str  # dev: what cues and thresholds were changed on; test: held out
    path: Path
    turns: list[LabelledTurn]
    said: list[dict]  # every turn of both legs: speaker, start, end, text
    reference: str = ""  # customer-leg text, for real speech (its WER is reported)


def labelled_calls(folder: Path) -> list[LabelledCall]:
    """Every call of the set: dev (shipped and bench/call_scripts.py), test (held out)."""
    calls = []
    for name, made in CALLS:
        script = call_script(name)
        turns, said = customer_turns(script["turns"]), script["turns"]
        calls.append(
            LabelledCall(name, script["language"], made, "dev", fixture(name), turns, said)
        )
    for split, scripts in (("dev", SCRIPTS), ("test", HELDOUT_SCRIPTS)):
        for name, language, path, turns in render_scripts(folder, scripts):
            made = "rendered at run time"
            calls.append(
                LabelledCall(name, language, made, split, path, customer_turns(turns), turns)
            )
    for spec in REAL_CALLS:
        path, turns, text = real_speech_call(folder, spec)
        made = "real speech (Flemish clips)"
        said = [
            {"speaker": "customer", "start": t.start, "end": t.end, "text": clip_text}
            for t, clip_text in zip(
                turns, [leg_references(c)["customer"] for c in spec.clips], strict=True
            )
        ]
        calls.append(LabelledCall(spec.name, "nl", made, "test", path, turns, said, text))
    return calls


def alert_quality(models: Models, quick: bool) -> dict:
    del models, quick  # the replayer loads the deployed models itself; the set is small
    scorer = TextAffectScorer(phrase_floor=AffectConfig().phrase_confidence_floor)
    # The affect stage as deployed, behind a tap that records its input for the floor study.
    taps = TappingStages(scorer, AffectConfig())
    replayers = {}
    for language in ("en", "nl"):
        replayers[language] = CallReplayer(Config(language=language, stages=("affect",)))
        replayers[language].stages = taps
    judgements, rows, real_wer, recorded = [], [], {}, []
    with tempfile.TemporaryDirectory() as tmp:
        for call in labelled_calls(Path(tmp)):
            script_alerts = _alerts_on_the_script(call, scorer)
            judged = judge_call(call.name, call.language, SCRIPT, call.turns, script_alerts)
            judgements.append((call.split, judged))
            rows.append(_row(call, SCRIPT, judged, script_alerts))
            for condition in CONDITIONS:
                path = call.path if condition == "clean" else telephony_copy(call.path, Path(tmp))
                replayed = replayers[call.language].replay(Recording(Path(call.name).stem, path))
                alerts = [e for e in replayed.events if isinstance(e, Alert)]
                judged = judge_call(call.name, call.language, condition, call.turns, alerts)
                if call.reference:
                    heard = texts_by_leg(replayed.events).get("customer", "")
                    errors, words = word_errors(call.reference, heard, language="nl")
                    real_wer.setdefault(call.name, {})[condition] = {
                        "wer": round(errors / words, 3),
                        "words": words,
                        "heard": heard,
                    }
                judgements.append((call.split, judged))
                rows.append(_row(call, condition, judged, alerts))
                tape = taps.last.tape if taps.last else []
                recorded.append(
                    Recorded(call.name, call.language, condition, call.split, call.turns, tape)
                )
    groups = {}
    for split in (*SPLITS, "all"):
        for language in ("en", "nl"):
            for condition in (*CONDITIONS, SCRIPT):
                chosen = [
                    j
                    for s, j in judgements
                    if split in ("all", s) and (j.language, j.condition) == (language, condition)
                ]
                if chosen:
                    groups[f"{split} {language} {condition}"] = summarise(chosen)
    return {
        "calls": rows,
        "groups": groups,
        "real_speech_wer_nl": real_wer,
        "targets": _targets(groups),
        "floor": calibrate(recorded, scorer.model),
    }


def _alerts_on_the_script(call: LabelledCall, scorer: TextAffectScorer) -> list[Alert]:
    """The call's own words through the affect stage as deployed, in the order they were said."""
    finals = script_finals(call.name, call.language, call.said)
    return play_tape(AffectStage(scorer, AffectConfig()), finals)


def _row(call: LabelledCall, condition: str, judged, alerts: list[Alert]) -> dict:
    return {
        "call": call.name,
        "made": call.made,
        "split": call.split,
        "language": call.language,
        "condition": condition,
        "warranted": sorted(judged.warranted),
        "outcome": judged.outcome,
        "lead_time_s": judged.lead_time,
        "premature": judged.premature,
        "alerts": [
            {
                "t": a.t,
                "level": a.level,
                "signal": a.signal,
                "confidence": a.confidence,
                "reason": a.reason,
            }
            for a in alerts
        ],
    }


def _targets(groups: dict) -> dict:
    def escalation_met(split: str) -> bool:
        levels = [groups[f"{split} {lang} clean"]["levels"]["escalate"] for lang in ("en", "nl")]
        return all((e["precision"] or 0) >= 0.9 and (e["recall"] or 0) >= 0.9 for e in levels)

    return {
        "no_premature_alerts": sum(
            g["premature_alerts"] for k, g in groups.items() if k.startswith("all ")
        )
        == 0,
        "escalate_clean_p_r_0_9": escalation_met("all"),
        "escalate_clean_p_r_0_9_test": escalation_met("test"),
    }
