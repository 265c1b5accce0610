"""Learning from agent feedback: stored in SQLite, applied at once, replayed after a restart."""

from __future__ import annotations

import pytest

from copilot.assist.domain_check import load_domain
from copilot.assist.evaluation import PARCELS, learning_curve
from copilot.assist.learning import FeedbackError, FeedbackLearner
from copilot.assist.models import load_assist_models
from copilot.assist.settings import AssistConfig
from copilot.encoders.sentence import load_sentence_encoder
from copilot.events.assist import Draft, Suggestion
from copilot.events.feedback import Feedback


@pytest.fixture()
def models():
    # Function scope: learning changes the models, and each test starts from the seeds.
    return load_assist_models(AssistConfig(), load_sentence_encoder())


def intent_card(text: str, intent: str) -> Suggestion:
    return Suggestion(
        "C1",
        3,
        1.0,
        suggestion_id="C1:intent:" + intent,
        kind="intent",
        item=intent,
        intent=intent,
        quote=text,
    )


def test_an_intent_correction_changes_the_next_prediction(models, tmp_path):
    text = "Mijn kluiscode is verlopen voordat ik er was"
    before = models.intents.classify(text).intent
    wanted = "parcel_status" if before != "parcel_status" else "technical_issue"
    learner = FeedbackLearner(models, tmp_path / "fb.sqlite")
    for _ in range(3):
        learner.record(
            Feedback("C1", "suggestion", "C1:intent:x", "edit", wanted, "agent-7"),
            intent_card(text, before),
        )
    assert models.intents.classify(text).intent == wanted
    assert learner.summary() == {"edit": 3}


def test_feedback_survives_a_restart(models, tmp_path):
    db = tmp_path / "fb.sqlite"
    text = "Mijn kluiscode is verlopen voordat ik er was"
    before = models.intents.classify(text).intent
    wanted = "parcel_status" if before != "parcel_status" else "technical_issue"
    learner = FeedbackLearner(models, db)
    for _ in range(3):
        learner.record(
            Feedback("C1", "suggestion", "C1:intent:x", "edit", wanted, "agent-7"),
            intent_card(text, before),
        )
    fresh = load_assist_models(AssistConfig(), load_sentence_encoder())
    assert fresh.intents.classify(text).intent == before
    assert FeedbackLearner(fresh, db).replay() == 3
    assert fresh.intents.classify(text).intent == wanted
    row = learner.db.execute("SELECT agent_id, action, edited_text FROM assist_feedback").fetchone()
    assert row == ("agent-7", "edit", wanted)


def test_dismissed_articles_sink_and_accepted_ones_rise(models):
    question = "How long does my parcel stay in the locker?"
    first, second = [m.article_id for m in models.kb.search(question, "en", k=2)]
    learner = FeedbackLearner(models)
    for n in range(4):
        learner.record(
            Feedback(f"C{n}", "suggestion", f"C{n}:article:{first}", "dismiss"),
            Suggestion("C", 1, 0.0, kind="article", item=first),
        )
        learner.record(
            Feedback(f"C{n}", "suggestion", f"C{n}:article:{second}", "accept"),
            Suggestion("C", 1, 0.0, kind="article", item=second),
        )
    boosts = models.ranking.boosts("article", 0.05)
    reranked = [m.article_id for m in models.kb.search(question, "en", k=2, boosts=boosts)]
    assert reranked == [second, first]


def test_an_edited_sent_draft_becomes_the_template(models):
    learner = FeedbackLearner(models)
    facts = {"tracking_code": "VP111111111NL", "name": "Anna"}
    draft = Draft(
        "C",
        1,
        0.0,
        suggestion_id="C:draft:email",
        language="en",
        intent="parcel_status",
        facts=facts,
    )
    edited = "Hi Anna,\nYour parcel VP111111111NL is on its way again.\nVlotpost"
    learner.record(Feedback("C", "draft", "C:draft:email", "send", edited, "agent-1"), draft)
    text = models.drafts.write(
        "parcel_status", "en", {"tracking_code": "VP222222222NL", "name": "Bob"}
    )
    assert "Hi Bob," in text.body and "VP222222222NL is on its way again" in text.body


def test_unknown_actions_and_unnamed_cards_are_refused(models):
    learner = FeedbackLearner(models)
    with pytest.raises(FeedbackError):
        learner.record(Feedback("C", "suggestion", "C:intent:billing", "like"))
    with pytest.raises(FeedbackError):
        learner.record(Feedback("C", "suggestion", "", "accept"))


def test_learning_curve_rises():
    intents = load_domain(PARCELS).intents
    curve = learning_curve(load_sentence_encoder(), intents, checkpoints=(0, 60))
    before, after = curve[0]["accuracy"], curve[-1]["accuracy"]
    assert after["en"] > before["en"] and after["nl"] > before["nl"]
