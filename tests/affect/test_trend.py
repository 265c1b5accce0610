"""CallTracker on sequences of per-utterance scores: trends, hysteresis, cooldown, reasons."""

import dataclasses
import json

import pytest

from copilot.affect.settings import AffectConfig
from copilot.affect.stage import AffectStage
from copilot.affect.text import TextAffectScorer
from copilot.affect.trend import CallTracker
from copilot.affect.types import TextAffect
from copilot.config import ConfigError, load_config
from copilot.events.affect import Affect, Alert, Cue
from copilot.events.codec import EventDecodeError, event_from_json
from copilot.events.wording import ENGLISH, Words
from tests.stages import final, run_stage


def phrase(topic: str, words: str, weight: float = 0.7, confidence: float = 1.0) -> Cue:
    """A phrase cue as the text scorer makes it: its topic and the words that matched."""
    evidence = f"{topic}: {words!r}"
    return Cue("frustration", "phrase", evidence, weight, confidence, topic=topic, phrase=words)


MANAGER = phrase("asks for a manager", "manager")
REPEAT = phrase("repeated contact", "third time")


def annoyed(probability: float) -> Cue:
    evidence = f"annoyance {probability:.2f}"
    return Cue(
        "frustration", "emotion", evidence, probability, emotion="annoyance", score=probability
    )


def scores(frustration=0.05, doubt=0.05, load=0.05, cues=(), annoyance=None) -> TextAffect:
    emotions = {"neutral": 0.8}
    if annoyance is not None:
        emotions["annoyance"] = annoyance
        cues = (*cues, annoyed(annoyance))
    return TextAffect(emotions, frustration, doubt, load, tuple(cues), "en")


def run(sequence, config=None, speaker="customer", gap_s=6.0):
    """Feed scores as one customer utterance every `gap_s`; return (index, alert) pairs."""
    tracker = CallTracker(config or AffectConfig())
    fired = []
    for i, item in enumerate(sequence):
        for alert in tracker.observe(speaker, f"{speaker}-{i + 1}", (i + 1) * gap_s, item):
            fired.append((i, alert))
    return tracker, fired


def levels(fired):
    return [(i, a.level, a.signal) for i, a in fired]


def test_calm_call_with_one_doubt_and_one_load_moment_raises_nothing():
    calm = [scores(0.05), scores(0.1), scores(0.1, load=0.8), scores(0.08, doubt=0.75)]
    _, fired = run([*calm, scores(0.05), scores(0.1)])
    assert fired == []


def test_rising_frustration_warns_early_then_escalates_then_suggests_take_over():
    values = [0.1, 0.3, 0.7, 0.75, 0.8, 0.85]
    _, fired = run([scores(v) for v in values])
    assert levels(fired) == [
        (2, "early_warning", "frustration"),
        (4, "escalate", "frustration"),
        (5, "take_over", "frustration"),
    ]
    early = fired[0][1]
    assert early.speaker == "customer" and early.score == 0.7 and 0.35 <= early.trend < 0.55


def test_a_manager_request_escalates_at_once():
    _, fired = run([scores(0.05), scores(0.3, cues=(MANAGER,))])
    assert levels(fired) == [(1, "escalate", "frustration")]
    assert "manager" in fired[0][1].reason and fired[0][1].cues[0] == MANAGER


def test_alerts_cite_the_utterances_and_cues_behind_them_in_words():
    sequence = [
        scores(0.05),
        scores(0.7, cues=(REPEAT,), annoyance=0.71),
        scores(0.8, annoyance=0.8),
        scores(0.85, annoyance=0.9),
        scores(0.9, annoyance=0.9),
    ]
    _, fired = run(sequence)
    early = next(a for _, a in fired if a.level == "early_warning")
    assert early.utterance_ids == ("customer-2",)
    assert early.reason.startswith("frustration rising: 'third time' (repeated contact)")
    assert "annoyance 0.71" in early.reason
    escalate = next(a for _, a in fired if a.level == "escalate")
    assert escalate.utterance_ids == ("customer-2", "customer-3", "customer-4")
    assert REPEAT in escalate.cues  # the phrase behind the trend is still cited
    assert "high for 2 utterances" in escalate.reason


def test_flapping_input_never_repeats_an_alert_within_the_cooldown():
    config = AffectConfig()
    flapping = [scores(0.8 if i % 2 == 0 else 0.05, annoyance=0.6) for i in range(16)]
    _, fired = run(flapping, config, gap_s=4.0)
    assert fired, "the first spike should warn"
    last: dict[tuple[str, str], int] = {}
    for i, alert in fired:
        key = (alert.level, alert.signal)
        if key in last:
            assert i - last[key] >= config.cooldown_utterances
            assert (i - last[key]) * 4.0 >= config.cooldown_s
        last[key] = i
    assert len(fired) <= 3


def test_hysteresis_rearms_only_after_the_trend_falls_well_below():
    config = dataclasses.replace(AffectConfig(), cooldown_utterances=1, cooldown_s=0.0)
    # Up, hover just under the threshold (not re-armed), up again: one warning.
    hover = [0.8, 0.4, 0.4, 0.6, 0.6]
    _, fired = run([scores(v) for v in hover], config)
    assert levels(fired) == [(0, "early_warning", "frustration")]
    # Up, well down (re-armed), up again: two warnings.
    dip = [0.8, 0.0, 0.0, 0.0, 0.8, 0.8]
    _, fired = run([scores(v) for v in dip], config)
    assert [i for i, a in fired if a.level == "early_warning"] == [0, 4]


def test_a_repeated_manager_request_after_escalation_suggests_a_take_over():
    sequence = [
        scores(0.2),
        scores(0.4, cues=(MANAGER,)),
        scores(0.4),
        scores(0.5, cues=(MANAGER,)),
    ]
    _, fired = run(sequence)
    assert levels(fired) == [(1, "escalate", "frustration"), (3, "take_over", "frustration")]


def test_the_escalation_ends_when_the_caller_calms_down():
    sequence = [
        scores(0.3, cues=(MANAGER,)),
        scores(0.0),
        scores(0.0),
        scores(0.3, cues=(MANAGER,)),
    ]
    _, fired = run(sequence, gap_s=15.0)
    assert levels(fired) == [(0, "escalate", "frustration"), (3, "escalate", "frustration")]


def test_doubt_warns_only_when_it_persists_and_load_can_ask_for_a_take_over():
    _, fired = run([scores(doubt=0.9), scores(doubt=0.8), scores(), scores()])
    assert fired == []
    _, fired = run([scores(doubt=0.8)] * 4)
    assert levels(fired) == [(2, "early_warning", "doubt")]
    assert fired[0][1].reason.startswith("doubt up for 2 utterances")
    _, fired = run([scores(load=0.7)] * 3 + [scores(load=0.95)] * 3)
    assert levels(fired) == [(2, "early_warning", "load"), (4, "take_over", "load")]


def test_the_agent_is_tracked_but_never_alerted_about():
    tracker, fired = run([scores(v) for v in (0.5, 0.8, 0.9, 0.9)], speaker="agent")
    assert fired == [] and tracker.trend("agent", "frustration") > 0.7
    assert tracker.trend("customer", "frustration") == 0.0


def test_alert_events_round_trip_through_json_with_their_cues():
    _, fired = run([scores(0.05), scores(0.4, cues=(MANAGER,), annoyance=0.5)])
    alert = dataclasses.replace(fired[0][1], call_id="c1", seq=9)
    decoded = event_from_json(alert.to_json())
    assert isinstance(decoded, Alert) and decoded == alert
    assert isinstance(decoded.cues[0], Cue)
    assert alert.to_dict()["cues"][0]["kind"] == "phrase"
    bad = alert.to_dict() | {"cues": [{"signal": "frustration", "weight": "high"}]}
    with pytest.raises(EventDecodeError):
        event_from_json(json.dumps(bad))


def test_affect_section_of_the_config_file(tmp_path):
    path = tmp_path / "copilot.toml"
    path.write_text('[affect]\nearly_threshold = 0.3\nescalation_phrases = ["klacht"]\n')
    config = load_config(path)
    assert config.affect.early_threshold == 0.3 and config.affect.escalation_phrases == ("klacht",)
    path.write_text("[affect]\nearly_threshold = 0.9\n")
    with pytest.raises(ConfigError, match="early_threshold"):
        load_config(path)


# -- requests whisper was unsure of -------------------------------------------------


@pytest.fixture(scope="module")
def scorer():
    return TextAffectScorer()


def escalations(events):
    return [e for e in events if isinstance(e, Alert) and e.level == "escalate"]


def test_a_request_whisper_guessed_at_never_escalates_on_its_own(scorer):
    heard = final(
        "Ja, het is niet mee fucked mee, leidinggevende.", unsure={"leidinggevende.": 0.01}
    )
    events = run_stage(AffectStage(scorer), [heard])
    assert escalations(events) == []
    cue = next(c for e in events if isinstance(e, Affect) for c in e.cues if c.kind == "phrase")
    assert cue.confidence == 0.01 and cue.weight < 0.05  # the word barely counts


def test_a_clearly_heard_request_escalates_at_once(scorer):
    events = run_stage(AffectStage(scorer), [final("I want to speak to your manager now.")])
    (alert,) = escalations(events)
    assert "manager" in alert.reason and "unclear" not in alert.reason and alert.confidence > 0.9


def test_an_unsure_request_said_again_escalates_and_says_the_audio_was_unclear(scorer):
    unsure = {"manager.": 0.2}
    turns = [
        final("Get me your manager.", unsure=unsure),
        final("Get me your manager.", t=5.0, unsure=unsure),
    ]
    (alert,) = escalations(run_stage(AffectStage(scorer), turns))
    assert "unclear audio, p 0.20" in alert.reason and alert.confidence == 0.2


# -- what an alert is made of -------------------------------------------------------


def test_an_alert_carries_the_thresholds_it_was_judged_by_and_words_its_own_reason():
    config = dataclasses.replace(
        AffectConfig(), escalate_threshold=0.6, phrase_confidence_floor=0.4
    )
    _, fired = run([scores(0.05), scores(0.3, cues=(MANAGER,))], config)
    (alert,) = [a for _, a in fired]
    assert alert.thresholds == {"early_warning": 0.35, "escalate": 0.6, "take_over": 0.6}
    assert alert.phrase_floor == 0.4
    assert alert.reason == ENGLISH.alert_reason(alert)  # the log line is the English wording
    assert alert.reason.startswith("frustration escalation request: 'manager'")
    _, fired = run([scores(load=0.7)] * 3)
    assert fired[0][1].thresholds == {"early_warning": 0.5, "escalate": 0.5, "take_over": 0.8}


def test_a_request_is_found_by_its_words_when_a_scorer_names_no_topic():
    quoted_only = Cue("frustration", "phrase", "", 0.7, phrase="ik wil uw leidinggevende")
    _, fired = run([scores(0.05), scores(0.3, cues=(quoted_only,))])
    (alert,) = [a for _, a in fired]
    assert alert.basis == "request" and alert.reason.startswith(
        "frustration escalation request: 'ik wil uw leidinggevende' (trend"
    )


def test_cues_send_only_the_fields_of_their_kind():
    voice = Cue("frustration", "voice", "", 0.4, feature="pitch", z=2.04, reference="baseline")
    data = Alert("c", 1, 1.0, cues=(MANAGER, annoyed(0.61), voice)).to_dict()["cues"]
    assert data[0] == {
        "signal": "frustration",
        "kind": "phrase",
        "evidence": "asks for a manager: 'manager'",
        "weight": 0.7,
        "confidence": 1.0,
        "topic": "asks for a manager",
        "phrase": "manager",
    }
    assert {k: data[1][k] for k in ("emotion", "score")} == {"emotion": "annoyance", "score": 0.61}
    assert "phrase" not in data[1] and "z" not in data[1]
    assert {k: data[2][k] for k in ("feature", "z", "reference")} == {
        "feature": "pitch",
        "z": 2.04,
        "reference": "baseline",
    }


def test_an_alert_from_before_protocol_1_1_decodes_and_keeps_its_own_reason():
    old = {
        "type": "alert",
        "v": 1,
        "call_id": "CA1",
        "seq": 4,
        "t": 9.0,
        "level": "escalate",
        "signal": "frustration",
        "reason": "frustration escalation request: 'manager' (asks for a manager) (trend 0.40)",
        "basis": "request",
        "run": 0,
        "cues": [
            {
                "signal": "frustration",
                "kind": "phrase",
                "evidence": "asks for a manager: 'manager'",
                "weight": 0.7,
                "confidence": 0.9,
            }
        ],
    }
    alert = event_from_json(json.dumps(old))
    assert isinstance(alert, Alert) and alert.thresholds == {} and not alert.cues[0].structured
    assert ENGLISH.alert_reason(alert) == old["reason"]
    assert Words("nl").alert_reason(alert) == old["reason"]  # nothing to word it from
    assert Words("nl").cue(alert.cues[0]) == "asks for a manager: 'manager'"  # shown, not read
