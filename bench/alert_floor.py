"""The phrase confidence floor, calibrated on the dev calls of the alert-quality set.

A call is transcribed once; a tap in front of the affect stage records what the stage was
given (each final utterance's audio job, then its transcript). The tape is then played
into fresh affect stages, one per candidate floor, so every floor sees the same words and
the same voice. Every escalation phrase whisper gave the customer leg is listed with its
word probability and whether the caller said it (an angry turn) or whisper made it up.
The floor is chosen on the dev half alone, by these rules in order: fewest alerts before
the first tense turn, fewest false alerts, fewest missed escalations, fewest missed
alerts, best separation of the callers' escalation words from made-up ones; a tie keeps
the floor nearest the shipped one. The test half is reported at every floor, never used
to choose.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from copilot.affect.stage import AffectStage
from copilot.affect.text import TextAffectScorer
from copilot.affect.trend import AffectConfig
from copilot.asr.jobs import TranscriptionJob
from copilot.audio.format import CUSTOMER
from copilot.events.affect import Alert
from copilot.events.core import Event, TranscriptFinal

from .alert_eval import LabelledTurn, judge_call, summarise

FLOORS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


class Tap:
    """Passes everything to the affect stage and keeps what it was given, in order."""

    def __init__(self, inner: AffectStage) -> None:
        self.inner = inner
        self.tape: list[TranscriptionJob | TranscriptFinal] = []

    def on_utterance_audio(self, job: TranscriptionJob) -> None:
        self.tape.append(job)
        self.inner.on_utterance_audio(job)

    def feed(self, event: Event) -> list[Event]:
        if isinstance(event, TranscriptFinal):
            self.tape.append(event)
        return self.inner.feed(event)

    def flush(self) -> list[Event]:
        return self.inner.flush()


class TappingStages:
    """Stands in for the replayer's stage factory: an affect stage behind a tap, per call."""

    def __init__(self, scorer: TextAffectScorer, config: AffectConfig) -> None:
        self.scorer, self.config = scorer, config
        self.last: Tap | None = None

    def for_call(self, call_id: str, metadata: dict | None = None) -> tuple[Tap, ...]:
        del call_id, metadata
        self.last = Tap(AffectStage(self.scorer, self.config))
        return (self.last,)


@dataclass
class Recorded:
    call: str
    language: str
    condition: str
    split: str
    turns: list[LabelledTurn]
    tape: list = field(default_factory=list)


def alerts_at(floor: float, tape: list, model) -> list[Alert]:
    config = dataclasses.replace(AffectConfig(), phrase_confidence_floor=floor)
    return play_tape(AffectStage(TextAffectScorer(model, phrase_floor=floor), config), tape)


def script_finals(name: str, language: str, turns: list[dict]) -> list[TranscriptFinal]:
    """The script's own lines as finals: words known for sure, as a typed chat gives them."""
    return [
        TranscriptFinal(
            name,
            0,
            turn["end"],
            speaker=turn["speaker"],
            utterance_id=f"{turn['speaker']}-{i}",
            start=turn["start"],
            end=turn["end"],
            text=turn["text"],
            language=language,
        )
        for i, turn in enumerate(sorted(turns, key=lambda t: t["end"]))
    ]


def play_tape(stage: AffectStage, tape: list) -> list[Alert]:
    """What an affect stage was given (audio jobs, finals), in order; the alerts it raises."""
    alerts: list[Alert] = []
    for item in tape:
        if isinstance(item, TranscriptionJob):
            stage.on_utterance_audio(item)
        else:
            alerts += [e for e in stage.feed(item) if isinstance(e, Alert)]
    return alerts


def _cost(summary: dict) -> tuple:
    levels = summary["levels"]
    return (
        summary["premature_alerts"],
        sum(level["fp"] for level in levels.values()),
        levels["escalate"]["fn"],
        sum(level["fn"] for level in levels.values()),
    )


def escalation_requests(recorded: list[Recorded], model) -> list[dict]:
    """Every escalation phrase whisper gave the customer leg, how surely, and on what turn.

    A request on an angry turn is the caller's; on any other turn whisper made it up (a
    misheard word, or one recited from the vocabulary prompt).
    """
    scorer = TextAffectScorer(model, phrase_floor=0.0)
    phrases = AffectConfig().escalation_phrases
    out = []
    for r in recorded:
        for item in r.tape:
            if not isinstance(item, TranscriptFinal) or item.speaker != CUSTOMER:
                continue
            (scores,) = scorer.score([item.text], item.language or None, [item.words])
            mood = _mood_at(r.turns, item.start, item.end)
            for cue in scores.cues:
                if cue.kind == "phrase" and any(p in cue.evidence.lower() for p in phrases):
                    out.append(
                        {
                            "split": r.split,
                            "call": r.call,
                            "condition": r.condition,
                            "evidence": cue.evidence,
                            "p": cue.confidence,
                            "said": mood == "angry",
                        }
                    )
    return out


def _mood_at(turns: list[LabelledTurn], start: float, end: float) -> str:
    overlap = [(min(end, t.end) - max(start, t.start), t.mood) for t in turns]
    best = max(overlap, default=(0.0, "calm"))
    return best[1] if best[0] > 0 else "calm"


def _separation(requests: list[dict], floor: float) -> float | None:
    """Share of the callers' requests at or above the floor minus share of made-up ones.

    None without both kinds: with no made-up word to keep out, a lower floor would always
    look better, which says nothing about the words it exists to stop.
    """
    said = [r["p"] >= floor for r in requests if r["said"]]
    made = [r["p"] >= floor for r in requests if not r["said"]]
    if not said or not made:
        return None
    return round(sum(said) / len(said) - sum(made) / len(made), 3)


def calibrate(recorded: list[Recorded], model) -> dict:
    """Per floor and split: the summary over every call and condition; the dev-chosen floor."""
    shipped = AffectConfig().phrase_confidence_floor
    requests = escalation_requests(recorded, model)
    by_floor = {}
    for floor in FLOORS:
        judged = {"dev": [], "test": []}
        for r in recorded:
            alerts = alerts_at(floor, r.tape, model)
            judged[r.split].append(judge_call(r.call, r.language, r.condition, r.turns, alerts))
        by_floor[floor] = {split: summarise(j) for split, j in judged.items() if j}
        for split in by_floor[floor]:
            chosen_requests = [q for q in requests if q["split"] == split]
            by_floor[floor][split]["separation"] = _separation(chosen_requests, floor)
    chosen = min(
        FLOORS,
        key=lambda f: (
            *_cost(by_floor[f]["dev"]),
            -(by_floor[f]["dev"]["separation"] or 0.0),
            abs(f - shipped),
        ),
    )
    return {
        "floors": {str(f): v for f, v in by_floor.items()},
        "chosen": chosen,
        "shipped": shipped,
        "requests": requests,
        "made_up_requests": {
            split: sum(not q["said"] for q in requests if q["split"] == split)
            for split in ("dev", "test")
        },
        "rule": "dev only: fewest premature, then false, then missed escalations, then missed"
        " alerts, then the best separation of the callers' escalation words from made-up"
        " ones; a tie keeps the floor nearest the shipped one",
    }
