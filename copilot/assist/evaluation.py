"""Quality figures of the assist models on the shipped evaluation sets, computed, never typed in.

    python -m copilot.assist.evaluation       # intent accuracy per language, KB recall@3
    python -m copilot.assist.evaluation --cv  # cross-validation on the seeds, ~4 min (crossval.py)

The shipped parcel domain's evaluation sets (`domains/parcels/eval/intents.yaml`,
`eval/intents_blind.yaml`, `eval/kb_questions.yaml`) are never used for training or for
choosing a setting: settings are chosen by cross-validation on the training seeds (its
`examples.yaml`). The tests and `make bench` call these functions; `copilot domain eval`
measures any domain folder the same way (domain_eval.py).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

from copilot.assist.domain import EVAL_INTENTS, EVAL_INTENTS_BLIND, EVAL_KB_QUESTIONS, EXAMPLES_FILE
from copilot.assist.domain_eval import article_recall
from copilot.assist.domain_eval import load_questions as domain_questions
from copilot.assist.intents import IntentModel, build_intent_model, load_examples, unit_rows
from copilot.assist.knowledge import KnowledgeBase
from copilot.assist.learning import FeedbackLearner, Ranking
from copilot.assist.settings import DEFAULT_DOMAIN
from copilot.encoders.sentence import SentenceEncoder
from copilot.events.assist import Suggestion, suggestion_id
from copilot.events.feedback import Feedback

REPO = Path(__file__).resolve().parent.parent.parent
PARCELS = REPO / DEFAULT_DOMAIN  # the shipped sample domain
INTENT_SEEDS = PARCELS / EXAMPLES_FILE
INTENT_EVAL = PARCELS / EVAL_INTENTS
# A second held-out set, written apart from the first and never looked at by whoever
# works on the model; optional, so a deployment's own data need not have one.
INTENT_EVAL_BLIND = PARCELS / EVAL_INTENTS_BLIND
KB_QUESTIONS = PARCELS / EVAL_KB_QUESTIONS
KB_ROOT = PARCELS / "kb"


def intent_accuracy(model: IntentModel, path: Path = INTENT_EVAL) -> dict[str, dict]:
    """Per language: accuracy, number of utterances, and the most frequent confusions."""
    examples = load_examples(path)
    guesses = model.classify_many([text for text, _, _ in examples])
    out: dict[str, dict] = {}
    for language in sorted({lang for _, _, lang in examples}):
        rows = [
            (intent, guess.intent)
            for (_, intent, lang), guess in zip(examples, guesses, strict=True)
            if lang == language
        ]
        confusions = Counter(f"{want}->{got}" for want, got in rows if want != got)
        out[language] = {
            "accuracy": round(sum(w == g for w, g in rows) / len(rows), 4),
            "n": len(rows),
            "confusions": dict(confusions.most_common(5)),
        }
    return out


def load_questions(path: Path = KB_QUESTIONS) -> list[tuple[str, str, str]]:
    """(question, expected article id, language)."""
    return domain_questions(path)


def kb_recall(kb: KnowledgeBase, k: int = 3, path: Path = KB_QUESTIONS) -> dict[str, dict]:
    """Recall@k per language and overall: the expected article among the top k."""
    figures = article_recall(kb, path, (k,))["languages"]
    return {
        language: {f"recall@{k}": row[f"recall@{k}"], "n": row["questions"]}
        for language, row in figures.items()
    }


def learning_curve(
    encoder: SentenceEncoder,
    intents: tuple[str, ...],
    checkpoints: tuple[int, ...] = (0, 25, 50, 100, 200, 400),
    seed: int = 7,
) -> list[dict]:
    """Eval accuracy of a cold-started intent model as a simulated agent gives feedback.

    The model starts from the first seed of each intent and language; the other seeds,
    shuffled, play the customers. For each, the model suggests an intent and the simulated
    agent accepts it when right or corrects it (edit, the right intent) when wrong, through
    the real `FeedbackLearner` (SQLite in memory). After every checkpoint's number of
    feedback events, accuracy on the evaluation set, which no feedback ever comes from.
    """
    examples = load_examples(INTENT_SEEDS)
    first: dict[tuple[str, str], tuple[str, str, str]] = {}
    for example in examples:
        first.setdefault((example[1], example[2]), example)
    start = list(first.values())
    pool = [e for e in examples if e not in start]
    random.Random(seed).shuffle(pool)
    model = IntentModel(encoder, intents)
    model.add_examples([e[0] for e in start], [e[1] for e in start])
    learner = FeedbackLearner(SimpleNamespace(intents=model, ranking=Ranking(), drafts=None))
    held_out = load_examples(INTENT_EVAL)
    held_vectors = unit_rows(encoder.encode([e[0] for e in held_out]))
    pool_vectors = unit_rows(encoder.encode([e[0] for e in pool]))
    curve, accepted = [], 0
    for n in range(max(checkpoints) + 1):
        if n in checkpoints:
            guesses = model.classify_many([e[0] for e in held_out], held_vectors)
            by_language = {
                lang: _accuracy(
                    [
                        (e[1], g.intent)
                        for e, g in zip(held_out, guesses, strict=True)
                        if e[2] == lang
                    ]
                )
                for lang in ("en", "nl")
            }
            acceptance = accepted / n if n else None
            curve.append({"feedback": n, "accuracy": by_language, "acceptance_so_far": acceptance})
        if n >= len(pool):
            break
        text, truth, language = pool[n]
        guess = model.classify(text, pool_vectors[n])
        card = Suggestion(
            "sim",
            n,
            0.0,
            suggestion_id=suggestion_id("sim", "intent", str(n)),
            kind="intent",
            item=guess.intent,
            intent=guess.intent,
            language=language,
            quote=text,
        )
        right = guess.intent == truth
        accepted += right
        learner.record(
            Feedback(
                "sim",
                "suggestion",
                card.suggestion_id,
                "accept" if right else "edit",
                "" if right else truth,
                "sim-agent",
            ),
            card,
        )
    return curve


def _accuracy(pairs: list[tuple[str, str]]) -> float:
    return round(sum(want == got for want, got in pairs) / max(len(pairs), 1), 4)


def main(argv: list[str] | None = None) -> int:
    """Command line: the quality figures as JSON, or with `--cv` the cross-validation table."""
    from copilot.assist.crossval import cross_validate, cv_table
    from copilot.assist.domain_check import load_domain
    from copilot.encoders.sentence import load_sentence_encoder

    parser = argparse.ArgumentParser(prog="python -m copilot.assist.evaluation")
    parser.add_argument("--cv", action="store_true", help="cross-validate on the seeds instead")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=10)
    args = parser.parse_args(argv)
    encoder: SentenceEncoder = load_sentence_encoder()
    intents = load_domain(PARCELS).intents
    if args.cv:
        seeds = load_examples(INTENT_SEEDS)
        result = cross_validate(encoder, intents, seeds, k=args.folds, repeats=args.repeats)
        print(cv_table(result, seeds))
        return 0
    model = build_intent_model(encoder, intents, INTENT_SEEDS)
    report = {
        "intent_accuracy": intent_accuracy(model),
        "intent_accuracy_blind": (
            intent_accuracy(model, INTENT_EVAL_BLIND) if INTENT_EVAL_BLIND.is_file() else None
        ),
        "kb_recall": kb_recall(KnowledgeBase(KB_ROOT, encoder)),
        "learning_curve": learning_curve(encoder, intents),
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
