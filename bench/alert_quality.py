"""Alert quality on whole labelled calls, per language and audio condition.

Each labelled call is replayed through the QA replay's pipeline (the affect stage as
deployed, with its default model per language) once as recorded (16 kHz) and once as
a phone line carries it (8 kHz mu-law). Its alerts are judged against the customer
turns' moods by `copilot.replay.alert_eval`: precision and recall per level, lead time
from the first non-calm turn, and alerts raised before any non-calm turn.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from copilot.config import Config
from copilot.events.affect import Alert
from copilot.replay.alert_eval import LabelledTurn, judge_call, mood_of, summarise
from copilot.replay.asr_eval import telephony_copy
from copilot.replay.worker import CallReplayer, Recording

from .clips import Models, call_script, fixture

# The labelled calls: (file, how it was made). Every customer turn has a mood.
CALLS = (
    ("call_escalating_en.wav", "rendered"),
    ("call_calm_en.wav", "rendered"),
    ("call_escalating_nl.wav", "rendered"),
    ("call_calm_nl.wav", "rendered"),
)
CONDITIONS = ("clean", "8k")


def labelled_turns(name: str) -> list[LabelledTurn]:
    turns = call_script(name)["turns"]
    return [
        LabelledTurn(t["start"], t["end"], mood_of(t.get("expect", [])))
        for t in turns
        if t["speaker"] == "customer"
    ]


def alert_quality(models: Models, quick: bool) -> dict:
    del models, quick  # the replayer loads the deployed models itself; the set is small
    replayers = {
        language: CallReplayer(Config(language=language, stages=("affect",)))
        for language in ("en", "nl")
    }
    judgements, calls = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for name, made in CALLS:
            language = call_script(name)["language"]
            source = fixture(name)
            for condition in CONDITIONS:
                path = source if condition == "clean" else telephony_copy(source, Path(tmp))
                replayed = replayers[language].replay(Recording(Path(name).stem, path))
                alerts = [e for e in replayed.events if isinstance(e, Alert)]
                judged = judge_call(name, language, condition, labelled_turns(name), alerts)
                judgements.append(judged)
                calls.append(
                    {
                        "call": name,
                        "made": made,
                        "language": language,
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
                )
    groups = {
        f"{language} {condition}": summarise(
            [j for j in judgements if j.language == language and j.condition == condition]
        )
        for language in ("en", "nl")
        for condition in CONDITIONS
    }
    escalate_clean = [groups[f"{lang} clean"]["levels"]["escalate"] for lang in ("en", "nl")]
    return {
        "calls": calls,
        "groups": groups,
        "targets": {
            "no_premature_alerts": sum(g["premature_alerts"] for g in groups.values()) == 0,
            "escalate_clean_p_r_0_9": all(
                (e["precision"] or 0) >= 0.9 and (e["recall"] or 0) >= 0.9 for e in escalate_clean
            ),
        },
    }
