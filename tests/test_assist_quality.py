"""Intent accuracy and knowledge-base recall on the evaluation sets, with the real encoder.

The figures are computed here from assist_data/*_eval files that nothing trains on.
The floors are regression guards at the level measured when the sets were written
(docs/benchmarks.md has the numbers): English meets the 0.90 target, Dutch does not yet.
"""

from __future__ import annotations

import pytest

from copilot.assist.evaluation import (
    INTENT_EVAL,
    INTENT_SEEDS,
    KB_ROOT,
    intent_accuracy,
    kb_recall,
    load_examples,
    load_questions,
)
from copilot.assist.intents import build_intent_model
from copilot.assist.knowledge import KnowledgeBase
from copilot.assist.settings import DEFAULT_INTENTS
from copilot.emotion_model import load_emotion_model


@pytest.fixture(scope="module")
def encoder():
    return load_emotion_model().encoder


def test_evaluation_sets_are_big_enough_and_apart_from_training():
    train = {text for text, _, _ in load_examples(INTENT_SEEDS)}
    held_out = load_examples(INTENT_EVAL)
    assert not train & {text for text, _, _ in held_out}
    for language in ("en", "nl"):
        assert sum(lang == language for _, _, lang in held_out) >= 100
    assert len(load_questions()) >= 50


def test_intent_accuracy_per_language(encoder):
    model = build_intent_model(encoder, DEFAULT_INTENTS, INTENT_SEEDS)
    result = intent_accuracy(model)
    assert result["en"]["accuracy"] >= 0.90
    assert result["nl"]["accuracy"] >= 0.84  # below the 0.90 target: see docs/benchmarks.md


def test_kb_recall_at_3(encoder):
    result = kb_recall(KnowledgeBase(KB_ROOT, encoder))
    assert result["all"]["recall@3"] >= 0.90
    assert result["nl"]["recall@3"] >= 0.90 and result["en"]["recall@3"] >= 0.90
