"""Agent assist: intent accuracy, knowledge-base recall, per-utterance latency, learning curve;
and (`assist_abstention`) what agents are shown on labelled calls of both domains.

Quality comes from copilot.assist.evaluation on the shipped evaluation sets (never
trained on): intents_eval.yaml and, when present, the blind second set
intents_eval_blind.yaml. Latency is the assist stage alone handling one customer utterance
(embedding, intent, retrieval, facts, checks, next steps), wall time per
`ChatConversation.turn`, on the evaluation utterances fed as five-turn chats.
"""

from __future__ import annotations

import dataclasses
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
from copilot.assist.settings import AssistConfig
from copilot.assist.stage import AssistStage
from copilot.encoders.sentence import load_sentence_encoder
from copilot.pipeline.chat import ChatConversation

from .assist_calls_blind11 import BLIND11_CALLS
from .assist_calls_heldout import HELDOUT_CALLS
from .assist_floors import DEV_CALLS, TARGET_PRECISION, calibration
from .assist_floors import domain_models as load_domain_models
from .assist_heard import CONDITIONS, hear_calls
from .assist_kinds import judge, play, shown_on, summarise
from .assist_labels import calls_for
from .domains import shipped_domains

TARGET_P95_MS = 50.0
TURNS_PER_CHAT = 5
WARM_UP = 10
CHECKPOINTS = (0, 25, 50, 100, 200, 400)
QUICK_CHECKPOINTS = (0, 50)
# The set written blind after everything else was settled, measured once: the unbiased figure.
BLIND_SET = "blind11"
BLIND_CALLS = BLIND11_CALLS
# The held-out calls of issue 31: what the parcel service must not answer with a parcel.
ISSUE_CALLS = ("test_outage_cancel_en", "test_monteur_nl")
PARCEL_OR_ADDRESS = frozenset({"parcel_status", "address_change"})


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
        "learning_curve": learning_curve(encoder, assist_models.domain.intents, checkpoints),
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


def assist_abstention(models, quick: bool) -> dict:
    """Per shipped domain: the committed floors, the curves a fresh calibration reads them
    from on the dev calls, and per-kind precision/coverage on the held-out calls and on the
    BLIND_SET ones (a held-out set written blind after the rules, examples and floors
    were set, measured once).

    Every call is heard as that domain's deployment would hear it (its whisper prompt);
    `quick` hears only the typed condition (no whisper).
    """
    del models  # the replayer loads whisper as deployed for each domain
    conditions = ("text",) if quick else CONDITIONS
    out: dict = {"target_precision": TARGET_PRECISION, "conditions": list(conditions)}
    for folder in shipped_domains():
        domain_models = load_domain_models(folder)
        name = domain_models.domain.name
        dev = hear_calls(calls_for(name, DEV_CALLS), "dev", domain_models.config, conditions)
        test = hear_calls(calls_for(name, HELDOUT_CALLS), "test", domain_models.config, conditions)
        blind = hear_calls(
            calls_for(name, BLIND_CALLS), BLIND_SET, domain_models.config, conditions
        )
        fresh = calibration(domain_models, dev)
        out[folder.name] = {
            "floors": {
                f"{language} {condition}": dataclasses.asdict(floors)
                for (language, condition), floors in sorted(domain_models.floors.by_case.items())
            },
            "fresh_floors": fresh["floors"],
            "curves": fresh["curves"],
            "dev_calls": len({c.name for c in dev}),
            "held_out_calls": len({c.name for c in test}),
            "held_out": held_out(domain_models, test),
            "blind_set": BLIND_SET,
            "blind_calls": len({c.name for c in blind}),
            "blind": held_out(domain_models, blind),
            "issue_calls": {
                f"{c.name} {c.condition}": shown_on(play(domain_models, c))
                for c in test
                if c.name in ISSUE_CALLS
            },
        }
        out[folder.name]["issue_wrong"] = {
            call: parcel_or_address(domain_models, shown)
            for call, shown in out[folder.name]["issue_calls"].items()
        }
    return out


def parcel_or_address(models, shown: dict) -> list[str]:
    """What issue 31 forbids on its calls: parcel or address intents, drafts and articles,
    and a policy-gap hand-over."""
    written_for = {p.article_id: set(p.intents) for p in models.kb.passages}
    return [
        *(f"intent {i}" for i in shown["intents"] if i in PARCEL_OR_ADDRESS),
        *(f"draft {i}" for i in shown["drafts"] if i in PARCEL_OR_ADDRESS),
        *(
            f"article {a}"
            for a in shown["articles"]
            if written_for.get(a, set()) & PARCEL_OR_ADDRESS
        ),
        *(f"hand-over {r}" for r in shown["handovers"] if r == "policy_gap"),
    ]


def held_out(models, heard) -> dict:
    """Per kind precision and coverage per language and condition, and per condition overall."""
    return by_case(verdicts(models, heard))


def verdicts(models, heard) -> list[tuple[str, str, dict]]:
    """Each heard call played once and judged: (language, condition, verdict)."""
    return [
        (call.language, call.condition, judge(models, call, play(models, call))) for call in heard
    ]


def by_case(judged: list[tuple[str, str, dict]]) -> dict:
    """Verdicts summed per language and condition, and per condition overall."""
    cases: dict[tuple[str, str], list[dict]] = {}
    for language, condition, verdict in judged:
        cases.setdefault((language, condition), []).append(verdict)
    groups = {f"{lang} {cond}": summarise(j) for (lang, cond), j in sorted(cases.items())}
    for condition in sorted({cond for _, cond in cases}):
        both = [v for (_, cond), j in cases.items() if cond == condition for v in j]
        groups[f"all {condition}"] = summarise(both)
    return groups
