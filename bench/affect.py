"""The text emotion model's cost per utterance, in batches, on the machine's cores.

The affect stage scores each final transcript as it arrives (batch 1); QA replay and
`copilot classify` score many at once. Both matter, so the section times the whole
text scorer (sentence encoder, emotion head, phrase cues, signals) at several batch
sizes on customer-service sentences from the check set and GoEmotions test comments
(timing only: no labels are looked at). Quality figures come from `make eval-affect`
(models/emotion_head_eval.json) and are quoted next to the timings.
"""

from __future__ import annotations

import json
import time

from copilot.affect.emotion_model import HEAD_PATH, load_emotion_model
from copilot.affect.text import TextAffectScorer
from copilot.affect.training.data import load_split
from copilot.affect.training.metrics import PARITY_SET, check_set_auc, load_check_set

from .clips import Models

BATCH_SIZES = (1, 8, 32, 128)
PASSES = 3
TARGET_MS = 5.0


def _texts(quick: bool) -> list[str]:
    check = [row["text"] for row in load_check_set()]
    comments = load_split("test").texts[: 128 if quick else 512]
    return check + list(comments)


def _ms_per_utterance(scorer: TextAffectScorer, texts: list[str], batch: int) -> list[float]:
    passes = []
    for _ in range(PASSES):
        began = time.perf_counter()
        for i in range(0, len(texts), batch):
            scorer.score(texts[i : i + batch])
        passes.append(round(1000 * (time.perf_counter() - began) / len(texts), 2))
    return passes


def affect_text(models: Models, quick: bool) -> dict:
    model = load_emotion_model()
    scorer = TextAffectScorer(model)
    texts = _texts(quick)
    scorer.score(texts[:8])  # first call pays for lazy set-up
    rows = []
    for batch in BATCH_SIZES:
        passes = _ms_per_utterance(scorer, texts, batch)
        rows.append({"batch": batch, "ms_per_utterance": min(passes), "passes_ms": passes})
    evaluation = json.loads(HEAD_PATH.with_name("emotion_head_eval.json").read_text("utf-8"))
    parity = load_check_set(PARITY_SET)
    parity_auc = check_set_auc(scorer.score([r["text"] for r in parity]), parity)
    return {
        "texts": len(texts),
        "mean_words": round(sum(len(t.split()) for t in texts) / len(texts), 1),
        "threads": 2,
        "target_ms": TARGET_MS,
        "batches": rows,
        "quality": {
            "macro_f1_28": evaluation["macro_f1_28"],
            "macro_f1_ekman": evaluation["macro_f1_ekman"],
            "macro_f1_ekman_from_28": evaluation.get("macro_f1_ekman_from_28"),
            "signal_f1": evaluation["signals_goemotions_test"]["f1"],
            "check_set_auc": evaluation["check_set"]["auc"],
            "parity_pairs": len(parity) // 2,
            "parity_auc": parity_auc,
            "parameters": evaluation["parameters"]["total"],
        },
    }
