"""Agent assist: intent accuracy, knowledge-base recall, per-utterance latency, learning curve.

Quality comes from copilot.assist.evaluation on the shipped evaluation sets (never
trained on): intents_eval.yaml and, when present, the blind second set
intents_eval_blind.yaml. Latency is the assist stage alone handling one customer utterance
(embedding, intent, retrieval, facts, checks, next steps), wall time per
`ChatConversation.turn`, on the evaluation utterances fed as five-turn chats.
"""

from __future__ import annotations

import time

import numpy as np

from copilot.assist.evaluation import (
    INTENT_EVAL,
    INTENT_EVAL_BLIND,
    KB_ROOT,
    intent_accuracy,
    kb_recall,
    learning_curve,
)
from copilot.assist.intents import load_examples
from copilot.assist.knowledge import KnowledgeBase
from copilot.assist.models import load_assist_models
from copilot.assist.settings import DEFAULT_INTENTS, AssistConfig
from copilot.assist.stage import AssistStage
from copilot.encoders.sentence import load_sentence_encoder
from copilot.pipeline.chat import ChatConversation

TARGET_P95_MS = 50.0
TURNS_PER_CHAT = 5
WARM_UP = 10
CHECKPOINTS = (0, 25, 50, 100, 200, 400)
QUICK_CHECKPOINTS = (0, 50)


def assist(models, quick: bool) -> dict:
    encoder = load_sentence_encoder()
    assist_models = load_assist_models(AssistConfig(), encoder)
    texts = [text for text, _, _ in load_examples(INTENT_EVAL)]
    timings = _latencies(assist_models, texts[:60] if quick else texts)
    checkpoints = QUICK_CHECKPOINTS if quick else CHECKPOINTS
    return {
        "intent_accuracy": intent_accuracy(assist_models.intents),
        "intent_accuracy_blind": (
            intent_accuracy(assist_models.intents, INTENT_EVAL_BLIND)
            if INTENT_EVAL_BLIND.is_file()
            else None
        ),
        "kb_recall": kb_recall(KnowledgeBase(KB_ROOT, encoder)),
        "latency_ms": {
            "utterances": len(timings),
            "p50": round(float(np.percentile(timings, 50)), 2),
            "p95": round(float(np.percentile(timings, 95)), 2),
            "max": round(float(np.max(timings)), 2),
        },
        "target_p95_ms": TARGET_P95_MS,
        "learning_curve": learning_curve(encoder, DEFAULT_INTENTS, checkpoints),
    }


def _latencies(assist_models, texts: list[str]) -> list[float]:
    timings: list[float] = []
    for i in range(0, len(texts), TURNS_PER_CHAT):
        chat = ChatConversation(f"bench-{i}", [AssistStage(assist_models)], source="call")
        chat.start()
        for text in texts[i : i + TURNS_PER_CHAT]:
            began = time.perf_counter()
            chat.turn("customer", text)
            timings.append(1000 * (time.perf_counter() - began))
        chat.close()
    return timings[WARM_UP:]
