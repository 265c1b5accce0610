"""Alert quality on whole labelled calls: were the right alerts raised, in time, and none early?

Each customer turn of a labelled call carries a mood: calm, tense, angry, doubtful or
distressed. From the moods follow the alert levels the call warrants:

- early_warning: any turn that is not calm (something the agent should notice);
- escalate: an angry turn (asks for a manager, threatens to leave, shouts);
- take_over: two or more angry turns (the escalation did not settle it).

Levels are ordered: an alert raises its own level and every level below it (an escalation
is the early warning too, and the tracker rightly skips the lesser alert once it escalates).
A call raising a level is a true positive when the call warrants that level and the
first alert of that level comes after the first non-calm turn began; otherwise it is a
false positive. Any alert before the first non-calm turn (or on an all-calm call) is also
counted as premature. Lead time is from the start of the first non-calm turn to the call's
first alert. Counting is per call and level, so a repeated alert neither helps nor hurts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from statistics import median

from copilot.events.affect import LEVELS, Alert

MOODS = ("calm", "tense", "angry", "doubtful", "distressed")


def mood_of(expect: Iterable[str]) -> str:
    """A turn's mood from the fixture labels (`expect`) the shipped calls were written with."""
    labels = set(expect)
    if "calm" in labels:
        return "calm"
    if labels & {"manager_request", "churn_threat"}:
        return "angry"
    if "frustrated" in labels:
        return "tense"
    if "doubt" in labels:
        return "doubtful"
    return "distressed" if "load" in labels else "calm"


@dataclass(frozen=True)
class LabelledTurn:
    start: float
    end: float
    mood: str

    def __post_init__(self) -> None:
        if self.mood not in MOODS:
            raise ValueError(f"unknown mood {self.mood!r}; one of {', '.join(MOODS)}")


def warranted_levels(turns: list[LabelledTurn]) -> set[str]:
    angry = sum(t.mood == "angry" for t in turns)
    levels = set()
    if any(t.mood != "calm" for t in turns):
        levels.add("early_warning")
    if angry:
        levels.add("escalate")
    if angry >= 2:
        levels.add("take_over")
    return levels


@dataclass
class CallJudgement:
    call: str
    language: str
    condition: str  # "clean" | "8k"
    warranted: set[str]
    raised: dict[str, float]  # level -> time of the first alert at that level or above
    first_tense: float | None  # start of the first non-calm turn
    premature: int = 0  # alerts raised before the first non-calm turn
    outcome: dict[str, str] = field(default_factory=dict)  # level -> tp | fp | fn | tn

    @property
    def lead_time(self) -> float | None:
        if self.first_tense is None or not self.raised:
            return None
        return round(min(self.raised.values()) - self.first_tense, 2)


def judge_call(
    call: str,
    language: str,
    condition: str,
    turns: list[LabelledTurn],
    alerts: list[Alert],
) -> CallJudgement:
    turns = sorted(turns, key=lambda t: t.start)
    first_tense = next((t.start for t in turns if t.mood != "calm"), None)
    raised: dict[str, float] = {}
    premature = 0
    for alert in sorted(alerts, key=lambda a: a.t):
        for level in LEVELS[: LEVELS.index(alert.level) + 1]:
            raised.setdefault(level, alert.t)
        if first_tense is None or alert.t < first_tense:
            premature += 1
    warranted = warranted_levels(turns)
    judgement = CallJudgement(call, language, condition, warranted, raised, first_tense, premature)
    for level in LEVELS:
        fired, due = level in raised, level in warranted
        in_time = fired and first_tense is not None and raised[level] >= first_tense
        if fired:
            judgement.outcome[level] = "tp" if due and in_time else "fp"
        else:
            judgement.outcome[level] = "fn" if due else "tn"
    return judgement


def summarise(judgements: list[CallJudgement]) -> dict:
    """Precision and recall per level, lead times and premature alerts over a group of calls."""
    levels = {}
    for level in LEVELS:
        counts = {k: sum(j.outcome.get(level) == k for j in judgements) for k in ("tp", "fp", "fn")}
        raised = counts["tp"] + counts["fp"]
        due = counts["tp"] + counts["fn"]
        levels[level] = {
            **counts,
            "precision": round(counts["tp"] / raised, 3) if raised else None,
            "recall": round(counts["tp"] / due, 3) if due else None,
        }
    leads = [j.lead_time for j in judgements if j.lead_time is not None]
    return {
        "calls": len(judgements),
        "levels": levels,
        "lead_time_s": {
            "median": round(median(leads), 2) if leads else None,
            "max": max(leads) if leads else None,
        },
        "premature_alerts": sum(j.premature for j in judgements),
        "calls_with_premature_alerts": sum(j.premature > 0 for j in judgements),
    }
