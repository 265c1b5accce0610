"""The agent-assist section of docs/benchmarks.md."""

from __future__ import annotations

from .markdown import pct, stamp, table


def assist_line(sec: dict) -> str:
    acc = sec["intent_accuracy"]
    lat = sec["latency_ms"]
    met = "met" if lat["p95"] <= sec["target_p95_ms"] else "**not met**"
    first, last = sec["learning_curve"][0], sec["learning_curve"][-1]
    blind = sec.get("intent_accuracy_blind")
    blind_text = (
        ", blind set "
        + " / ".join(f"{lang.upper()} {pct(blind[lang]['accuracy'])}" for lang in sorted(blind))
        if blind
        else ""
    )
    return (
        f"- Agent assist: intent accuracy EN {pct(acc['en']['accuracy'])} / NL"
        f" {pct(acc['nl']['accuracy'])}{blind_text} (target 90 %); KB recall@3"
        f" {pct(sec['kb_recall']['all']['recall@3'])}; {lat['p50']} / {lat['p95']} ms per utterance"
        f" p50 / p95 (target p95 <= {sec['target_p95_ms']} ms: {met}); cold-start intent accuracy"
        f" NL {pct(first['accuracy']['nl'])} -> {pct(last['accuracy']['nl'])} after"
        f" {last['feedback']} feedback events"
    )


def assist_section(sec: dict) -> list[str]:
    acc = sec["intent_accuracy"]
    kb = sec["kb_recall"]
    lat = sec["latency_ms"]
    curve = [
        [
            row["feedback"],
            pct(row["accuracy"]["en"]),
            pct(row["accuracy"]["nl"]),
            pct(row["acceptance_so_far"]) if row["acceptance_so_far"] is not None else None,
        ]
        for row in sec["learning_curve"]
    ]
    return [
        "## Agent assist (`assist`)",
        "",
        stamp(sec),
        "",
        "Intent model (seed examples in `assist_data/intents_train.yaml`; embedding head, nearest"
        " examples and character n-gram naive Bayes, weighted by cross-validation on the seeds:"
        " `python -m copilot.assist.evaluation --cv`) on `assist_data/intents_eval.yaml`, which"
        " nothing trains on; knowledge-base retrieval on `assist_data/kb_questions.yaml`.",
        "",
        *table(
            [
                "language",
                "intent accuracy",
                "utterances",
                "most frequent confusions",
                "KB recall@3",
                "questions",
            ],
            [
                [
                    lang,
                    pct(acc[lang]["accuracy"]),
                    acc[lang]["n"],
                    ", ".join(f"{k} ({v})" for k, v in acc[lang]["confusions"].items()),
                    pct(kb[lang]["recall@3"]),
                    kb[lang]["n"],
                ]
                for lang in ("en", "nl")
            ],
        ),
        *_blind_table(sec.get("intent_accuracy_blind")),
        f"Assist stage per customer utterance (embedding, intent, retrieval, facts, checks, next"
        f" steps) over {lat['utterances']} utterances: p50 {lat['p50']} ms, p95 {lat['p95']} ms,"
        f" max {lat['max']} ms (target p95 <= {sec['target_p95_ms']} ms).",
        "",
        "Learning curve: the intent model cold-started from one seed per intent and language; a"
        " simulated agent accepts right intents and corrects wrong ones (the other seeds, shuffled)"
        " through the feedback learner; accuracy on the evaluation set after N feedback events.",
        "",
        *table(["feedback events", "accuracy EN", "accuracy NL", "acceptance so far"], curve),
    ]


def _blind_table(blind: dict | None) -> list[str]:
    """The second evaluation set, kept from everyone who works on the intent model."""
    if not blind:
        return []
    return [
        "Intent accuracy on the blind second set `assist_data/intents_eval_blind.yaml`, written"
        " apart from the first and never looked at while the model and its seeds were made:",
        "",
        *table(
            ["language", "intent accuracy", "utterances", "most frequent confusions"],
            [
                [
                    lang,
                    pct(blind[lang]["accuracy"]),
                    blind[lang]["n"],
                    ", ".join(f"{k} ({v})" for k, v in blind[lang]["confusions"].items()),
                ]
                for lang in sorted(blind)
            ],
        ),
    ]
