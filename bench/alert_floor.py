"""The phrase confidence floor, calibrated on the dev calls of the alert-quality set.

A call is transcribed once; a tap in front of the affect stage records what the stage was
given (each final utterance's audio job, then its transcript). The tape is then played
into fresh affect stages, one per candidate floor, so every floor sees the same words and
the same voice. The floor is chosen on the dev half alone, by these rules in order:
fewest alerts before the first tense turn, fewest false alerts, fewest missed
escalations, fewest missed alerts; a tie goes to the higher floor (fewer unsure words may
act). The test half is reported at every floor, never used to choose.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from copilot.affect.stage import AffectStage
from copilot.affect.text import TextAffectScorer
from copilot.affect.trend import AffectConfig
from copilot.asr.jobs import TranscriptionJob
from copilot.events.affect import Alert
from copilot.events.core import Event, TranscriptFinal
from copilot.replay.alert_eval import LabelledTurn, judge_call, summarise

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
    stage = AffectStage(TextAffectScorer(model, phrase_floor=floor), config)
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


def calibrate(recorded: list[Recorded], model) -> dict:
    """Per floor and split: the summary over every call and condition; the dev-chosen floor."""
    by_floor = {}
    for floor in FLOORS:
        judged = {"dev": [], "test": []}
        for r in recorded:
            alerts = alerts_at(floor, r.tape, model)
            judged[r.split].append(judge_call(r.call, r.language, r.condition, r.turns, alerts))
        by_floor[floor] = {split: summarise(j) for split, j in judged.items() if j}
    chosen = min(FLOORS, key=lambda f: (*_cost(by_floor[f]["dev"]), -f))
    return {
        "floors": {str(f): v for f, v in by_floor.items()},
        "chosen": chosen,
        "shipped": AffectConfig().phrase_confidence_floor,
        "rule": "dev only: fewest premature, then false, then missed escalations, then missed"
        " alerts; ties to the higher floor",
    }
