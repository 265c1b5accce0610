"""Answers to alerts in real SQLite, and what the affect stage makes of them on the next call.

A team's agents dismiss the false alert a harmless phrase raises ("my account manager",
"overstappen op een groter pakket"); the same phrase on a new call of that team raises
none, on another team's call it still does, and a clear request for a manager always does.
"""

import sqlite3
from dataclasses import replace

import pytest

from copilot.affect.alert_learning import (
    AlertLearner,
    count_alert_calls,
    forget_alert_calls,
)
from copilot.affect.cue_weights import CueWeights
from copilot.affect.settings import AffectConfig
from copilot.affect.stage import AffectStage
from copilot.affect.text import TextAffectScorer, clear_request_codes
from copilot.cli import main
from copilot.events.affect import Alert, Cue
from copilot.events.assist import Suggestion
from copilot.events.core import CallStarted
from copilot.events.feedback import Feedback
from tests.stages import final, run_stage

CONFIG = AffectConfig()
ACCOUNT_MANAGER = "My account manager told me to call you about the new invoice."
UPGRADE_NL = "Ik wil graag overstappen op het grotere pakket, dat lijkt me handig."
CLEAR_EN = "I want to speak to your manager about this."
CLEAR_NL = "Ik wil graag uw leidinggevende spreken."


@pytest.fixture(scope="module")
def scorer() -> TextAffectScorer:
    return TextAffectScorer()


def learner_on(db=None) -> AlertLearner:
    return AlertLearner(CueWeights.from_config(CONFIG, clear_request_codes()), db)


def call(scorer, learner, call_id: str, team: str, *lines: str, language: str = "en"):
    """One call of `team`'s queue: its customer lines through the affect stage; its alerts."""
    started = CallStarted("", 0, 0.0, source="chat", metadata={"queue": team} if team else {})
    finals = [
        replace(final(text, t=1.0 + 5 * i), language=language) for i, text in enumerate(lines)
    ]
    events = run_stage(AffectStage(scorer, CONFIG, learner), [started, *finals], call_id)
    return [e for e in events if isinstance(e, Alert)]


def answer(learner: AlertLearner, alerts: list[Alert], action: str = "dismiss") -> None:
    for alert in alerts:
        feedback = Feedback(alert.call_id, "alert", str(alert.seq), action, agent_id="agent-7")
        learner.record(feedback, alert.to_dict())  # as the server hands it: the stored JSON


def dismiss_calls(scorer, learner, team: str, line: str, n: int, language: str = "en") -> list:
    raised = []
    for i in range(n):
        alerts = call(scorer, learner, f"{team}-false-{i}", team, line, language=language)
        answer(learner, alerts)
        raised.append(len(alerts))
    return raised


@pytest.mark.parametrize(
    ("line", "clear", "language"),
    [(ACCOUNT_MANAGER, CLEAR_EN, "en"), (UPGRADE_NL, CLEAR_NL, "nl")],
)
def test_after_two_dismissals_a_teams_false_cue_is_quiet_there_and_nowhere_else(
    scorer, line, clear, language
):
    learner = learner_on()
    assert dismiss_calls(scorer, learner, "sales", line, 2, language) == [1, 1]
    assert call(scorer, learner, "sales-next", "sales", line, language=language) == []
    # Another team never dismissed it: its calls still get the alert.
    (other,) = call(scorer, learner, "support-next", "support", line, language=language)
    assert other.level == "escalate" and other.team == "support"
    # A clear request for a manager escalates on the team that dismissed the bare word.
    (request,) = call(scorer, learner, "sales-clear", "sales", clear, language=language)
    assert (request.level, request.basis) == ("escalate", "request")


def test_a_clear_manager_request_escalates_however_often_it_was_dismissed(scorer):
    learner = learner_on()
    assert dismiss_calls(scorer, learner, "sales", CLEAR_EN, 8) == [1] * 8
    assert dismiss_calls(scorer, learner, "sales", ACCOUNT_MANAGER, 6) == [1, 1, 0, 0, 0, 0]
    (alert,) = call(scorer, learner, "sales-angry", "sales", CLEAR_EN)
    assert alert.basis == "request" and all(c.learned is None for c in alert.cues)


def test_a_weakened_cue_is_marked_and_still_counts_for_a_truly_angry_caller(scorer):
    learner = learner_on()
    # Learning stops itself: once the cue raises no alert, nobody dismisses one.
    assert dismiss_calls(scorer, learner, "sales", ACCOUNT_MANAGER, 6) == [1, 1, 0, 0, 0, 0]
    for n in range(4):  # more dismissals, as alerts the cue shared with other evidence bring
        learner.weights.note(f"more-{n}", _key(learner, "sales"), True, learner.clock())
    angry = (
        "This is the third time I'm calling and my account manager never called back.",
        "This is ridiculous, I am fed up with you people. Unacceptable!",
        "Still nothing works. This is absurd.",
    )
    alerts = call(scorer, learner, "sales-angry", "sales", *angry)
    assert "escalate" in {a.level for a in alerts}  # the other evidence carries it
    weakened = [c for a in alerts for c in a.cues if c.learned is not None]
    assert weakened and all(c.learned == pytest.approx(0.5, abs=1e-6) for c in weakened)


def test_acknowledged_alerts_bring_the_cue_back(scorer):
    learner = learner_on()
    dismiss_calls(scorer, learner, "sales", ACCOUNT_MANAGER, 2)
    assert call(scorer, learner, "quiet", "sales", ACCOUNT_MANAGER) == []
    # The team acknowledges the alert on a call where the same cue was a real escalation.
    learner.weights.note("ack-1", _key(learner, "sales"), False, learner.clock())
    learner.weights.note("ack-2", _key(learner, "sales"), False, learner.clock())
    assert len(call(scorer, learner, "loud-again", "sales", ACCOUNT_MANAGER)) == 1


def _key(learner: AlertLearner, team: str):
    (row,) = [r for r in learner.learned() if r.key.team == team]
    return row.key


def test_the_team_is_the_calls_queue_else_the_team_assist_routes_it_to(scorer):
    learner = learner_on()
    started = CallStarted("", 0, 0.0, source="twilio", metadata={"agent_id": "a"})
    routed = Suggestion("", 0, 0.5, suggestion_id="s1", kind="intent", item="x", team="billing")
    events = run_stage(
        AffectStage(scorer, CONFIG, learner), [started, routed, final(ACCOUNT_MANAGER)], "routed"
    )
    (alert,) = [e for e in events if isinstance(e, Alert)]
    assert (alert.team, alert.language) == ("billing", "en")
    (no_team,) = call(scorer, learner, "unrouted", "", ACCOUNT_MANAGER)
    assert no_team.team == ""


def test_answers_survive_a_restart_and_an_erasure_takes_them_back(scorer, tmp_path):
    db = tmp_path / "feedback.sqlite3"
    learner = learner_on(db)
    dismiss_calls(scorer, learner, "sales", ACCOUNT_MANAGER, 3)
    before = learner.multipliers("sales", "en")
    assert list(before.values()) == [pytest.approx(0.75)]  # two alerts: the third was quiet
    restarted = learner_on(db)
    assert restarted.multipliers("sales", "en") == pytest.approx(before)
    assert call(scorer, restarted, "after-restart", "sales", ACCOUNT_MANAGER) == []
    # Erase one of the two dismissing calls: the weight is what one dismissal makes.
    assert restarted.forget({"sales-false-0"}) == 1
    assert list(restarted.multipliers("sales", "en").values()) == [pytest.approx(0.875)]
    assert restarted.known_calls() == {"sales-false-1"}
    rows = sqlite3.connect(db).execute("SELECT call_id, action, team FROM alert_feedback")
    assert rows.fetchall() == [("sales-false-1", "dismiss", "sales")]


def test_the_stored_rows_hold_codes_and_no_words(scorer, tmp_path):
    db = tmp_path / "feedback.sqlite3"
    learner = learner_on(db)
    dismiss_calls(scorer, learner, "sales", ACCOUNT_MANAGER, 1)
    (row,) = sqlite3.connect(db).execute("SELECT * FROM alert_feedback").fetchall()
    assert "manager" not in " ".join(map(str, row)).lower() and "agent-7" not in row


def test_a_change_by_another_process_is_seen_at_the_next_utterance(scorer, tmp_path):
    db = tmp_path / "feedback.sqlite3"
    learner = learner_on(db)
    dismiss_calls(scorer, learner, "sales", ACCOUNT_MANAGER, 2)
    assert count_alert_calls(db, {"sales-false-0", "nope"}) == 1
    assert forget_alert_calls(db, {"sales-false-0", "sales-false-1"}) == 2  # `copilot erase`
    assert learner.multipliers("sales", "en") == {}
    assert len(call(scorer, learner, "loud-again", "sales", ACCOUNT_MANAGER)) == 1


def test_only_answers_to_alerts_with_phrase_codes_are_learned(scorer):
    learner = learner_on()
    (alert,) = call(scorer, learner, "c1", "sales", ACCOUNT_MANAGER)
    for target, action in (("alert", "edit"), ("suggestion", "dismiss"), ("draft", "dismiss")):
        assert learner.record(Feedback("c1", target, str(alert.seq), action), alert) == 0
    voice = Cue("frustration", "voice", "pitch", 0.3, feature="pitch", z=2.0, reference="typical")
    old = replace(alert, cues=(voice,))  # or an alert from before 1.3, without codes
    assert learner.record(Feedback("c1", "alert", str(alert.seq), "dismiss"), old) == 0
    assert learner.learned() == []


def test_reset_forgets_one_team_or_all(scorer):
    learner = learner_on()
    dismiss_calls(scorer, learner, "sales", ACCOUNT_MANAGER, 2)
    dismiss_calls(scorer, learner, "support", ACCOUNT_MANAGER, 2)
    assert learner.reset("sales") == 2
    assert learner.multipliers("sales", "en") == {} and learner.multipliers("support", "en")
    assert learner.reset() == 2 and learner.learned() == []


def test_the_command_lists_and_resets_what_was_learned(scorer, tmp_path, capsys):
    db = tmp_path / "feedback.sqlite3"
    toml = tmp_path / "copilot.toml"
    toml.write_text(f'[assist]\nfeedback_db = "{db}"\n', encoding="utf-8")
    dismiss_calls(scorer, learner_on(db), "sales", ACCOUNT_MANAGER, 2)
    assert main(["alert-cues", "--config", str(toml)]) == 0
    listed = capsys.readouterr().out
    assert "sales\ten\tasks for a manager\tmanager\tx0.75\tdismissed 2\tacknowledged 0" in listed
    assert main(["alert-cues", "--config", str(toml), "--reset", "--team", "support"]) == 0
    assert "forgot 0" in capsys.readouterr().out
    assert main(["alert-cues", "--config", str(toml), "--reset"]) == 0
    assert "forgot 2 answers to alerts of every team" in capsys.readouterr().out
    assert main(["alert-cues", "--config", str(toml)]) == 0
    assert "every phrase counts fully" in capsys.readouterr().out
    toml.write_text("", encoding="utf-8")
    assert main(["alert-cues", "--config", str(toml)]) == 2  # no file: nothing to show
    assert "feedback_db" in capsys.readouterr().err
