"""Alert quality judged against labelled turns: precision, recall, lead time, premature alerts."""

import json
from pathlib import Path

import pytest

from bench.alert_eval import (
    LabelledTurn,
    judge_call,
    mood_of,
    summarise,
    warranted_levels,
)
from copilot.events.affect import Alert

FIXTURES = Path(__file__).resolve().parents[2] / "audio_fixtures"


def alert(level: str, t: float) -> Alert:
    return Alert("c", 0, t, level=level, signal="frustration")


ESCALATING = [
    LabelledTurn(0, 4, "calm"),
    LabelledTurn(10, 14, "doubtful"),
    LabelledTurn(20, 24, "tense"),
    LabelledTurn(30, 34, "angry"),
    LabelledTurn(40, 44, "angry"),
]
CALM = [LabelledTurn(0, 4, "calm"), LabelledTurn(10, 14, "calm")]


def test_moods_follow_the_fixture_labels():
    assert mood_of(["calm", "doubt"]) == "calm"
    assert mood_of(["doubt"]) == "doubtful"
    assert mood_of(["frustrated", "repeat_contact"]) == "tense"
    assert mood_of(["frustrated", "manager_request"]) == "angry"
    assert mood_of(["load"]) == "distressed"
    with pytest.raises(ValueError, match="unknown mood"):
        LabelledTurn(0, 1, "sleepy")


def test_the_levels_a_call_warrants_follow_its_moods():
    assert warranted_levels(ESCALATING) == {"early_warning", "escalate", "take_over"}
    assert warranted_levels(ESCALATING[:4]) == {"early_warning", "escalate"}
    assert warranted_levels([*CALM, LabelledTurn(20, 22, "distressed")]) == {"early_warning"}
    assert warranted_levels(CALM) == set()


def test_a_call_with_timely_alerts_scores_true_positives_and_its_lead_time():
    alerts = [alert("early_warning", 24.0), alert("escalate", 34.0), alert("escalate", 44.0)]
    judged = judge_call("a", "en", "clean", ESCALATING, alerts)
    assert judged.outcome == {"early_warning": "tp", "escalate": "tp", "take_over": "fn"}
    assert judged.lead_time == 14.0  # from the doubtful turn at 10 s to the warning at 24 s
    assert judged.premature == 0


def test_a_higher_level_also_raises_the_levels_below_it():
    judged = judge_call("a", "nl", "clean", ESCALATING, [alert("take_over", 44.0)])
    assert judged.outcome == {"early_warning": "tp", "escalate": "tp", "take_over": "tp"}
    assert judged.raised == {"early_warning": 44.0, "escalate": 44.0, "take_over": 44.0}
    calm = judge_call("b", "nl", "clean", CALM, [alert("escalate", 12.0)])
    assert calm.outcome == {"early_warning": "fp", "escalate": "fp", "take_over": "tn"}


def test_an_alert_before_the_first_tense_turn_is_premature_and_a_false_positive():
    judged = judge_call("a", "nl", "8k", ESCALATING, [alert("escalate", 4.5)])
    assert judged.outcome["escalate"] == "fp"
    assert judged.premature == 1
    calm = judge_call("b", "nl", "8k", CALM, [alert("early_warning", 14.0)])
    assert calm.outcome["early_warning"] == "fp" and calm.premature == 1
    assert calm.lead_time is None


def test_summary_counts_per_call_and_level():
    judged = [
        judge_call("a", "en", "clean", ESCALATING, [alert("escalate", 34.0)]),
        judge_call("b", "en", "clean", ESCALATING, []),
        judge_call("c", "en", "clean", CALM, [alert("escalate", 3.0)]),
        judge_call("d", "en", "clean", CALM, []),
    ]
    summary = summarise(judged)
    escalate = summary["levels"]["escalate"]
    assert (escalate["tp"], escalate["fp"], escalate["fn"]) == (1, 1, 1)
    assert escalate["precision"] == 0.5 and escalate["recall"] == 0.5
    assert summary["levels"]["take_over"]["precision"] is None  # never raised
    assert summary["premature_alerts"] == 1 and summary["calls_with_premature_alerts"] == 1
    assert summary["lead_time_s"]["median"] == 24.0


def test_every_shipped_call_turn_maps_to_a_mood():
    for name in ("call_escalating_en", "call_escalating_nl", "call_calm_en", "call_calm_nl"):
        call = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
        moods = [mood_of(t["expect"]) for t in call["turns"] if t["speaker"] == "customer"]
        if "escalating" in name:
            assert moods == ["calm", "doubtful", "tense", "tense", "angry", "angry"]
        else:
            assert set(moods) == {"calm"}
