"""What an agent is shown on the labelled calls, per kind of suggestion: precision and coverage.

Each heard call (bench/assist_heard.py) is played into a fresh assist stage of a domain,
as deployed (its calibrated floors, the call's language and audio condition), and every
card it shows is judged against the call's labels (bench/assist_labels.py):
- intent: an intent card is right when the line that set it allows its intent;
- article: right when its article is written for an intent the line it answers allows;
- next step and draft: right when their intent is one the call's lines allow (a draft
  that quotes an article must quote one written for such an intent too);
- hand-over: right when the call's labels make its reason right (the customer asked for
  a person; a question of the domain no article answers).
A card is counted once, however often it is updated. Precision: right cards / shown
cards. Coverage, per call: of the calls that need a kind (a line that needs an intent;
for hand-overs, a labelled reason), the share that got at least one right card of it.
"Not sure yet" cards are abstentions: counted apart, never as shown intents.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from copilot.assist.models import AssistModels
from copilot.assist.stage import AssistStage
from copilot.audio.format import AGENT, CUSTOMER
from copilot.events.assist import NOT_SURE, Draft, RouteToHuman, Suggestion
from copilot.events.core import CallStarted, Event
from copilot.pipeline.stage_chain import StageChain

from .assist_heard import HeardCall
from .assist_labels import OTHER

KINDS = ("intent", "article", "next_step", "draft", "handover")


def play(models: AssistModels, call: HeardCall) -> list[Event]:
    """The call's finals through a fresh assist stage, as its condition would reach it."""
    stage = AssistStage(models, call.language)
    chain = StageChain(call.name, [stage])
    started = CallStarted(
        call.name, 0, 0.0, source="file", legs=(AGENT, CUSTOMER), metadata={"audio": call.condition}
    )
    events = chain.emit(started)
    for final in sorted(call.finals, key=lambda f: f.end):
        events += chain.emit(final)
    return events + chain.flush()


def judge(models: AssistModels, call: HeardCall, events: Sequence[Event]) -> dict[str, dict]:
    """Per kind: cards shown, right, and whether the call needed the kind and got it."""
    domain = models.domain.name
    allowed = call.intents(domain) - {OTHER}
    by_line = {f.utterance_id: f for f in call.finals if f.speaker == CUSTOMER}

    def line_allows(utterance_id: str) -> frozenset[str]:
        final = by_line.get(utterance_id)
        return call.acceptable(final, domain) - {OTHER} if final else frozenset()

    written_for = {p.article_id: set(p.intents) for p in models.kb.passages}
    cards = _unique(events)
    verdicts: dict[str, list[bool]] = {kind: [] for kind in KINDS}
    not_sure = 0
    for card in cards:
        if isinstance(card, Suggestion) and card.kind == "intent":
            if card.status == NOT_SURE:
                not_sure += 1
                continue
            verdicts["intent"].append(card.intent in line_allows(card.utterance_id))
        elif isinstance(card, Suggestion) and card.kind == "article":
            verdicts["article"].append(
                bool(set(card.article_intents) & line_allows(card.utterance_id))
            )
        elif isinstance(card, Suggestion) and card.kind == "next_step":
            verdicts["next_step"].append(card.intent in allowed)
        elif isinstance(card, Draft):
            quotes_right = not card.article or bool(written_for.get(card.article, set()) & allowed)
            verdicts["draft"].append(card.intent in allowed and quotes_right)
        elif isinstance(card, RouteToHuman):
            verdicts["handover"].append(card.reason in call.handovers(domain))
    needs_intent = bool(call.needed_intents(domain))
    needs = {kind: needs_intent for kind in KINDS} | {"handover": bool(call.handovers(domain))}
    out = {
        kind: {
            "shown": len(verdicts[kind]),
            "right": sum(verdicts[kind]),
            "needed": needs[kind],
            "covered": needs[kind] and any(verdicts[kind]),
        }
        for kind in KINDS
    }
    out["not_sure"] = {"shown": not_sure}
    return out


def _unique(events: Iterable[Event]) -> list[Event]:
    """The cards, each once (an updated card keeps its suggestion id)."""
    seen: set[str] = set()
    out = []
    for event in events:
        if not isinstance(event, Suggestion | Draft | RouteToHuman):
            continue
        if event.suggestion_id in seen:
            continue
        seen.add(event.suggestion_id)
        out.append(event)
    return out


def summarise(judged: Sequence[dict]) -> dict[str, dict]:
    """Precision and coverage per kind over several calls."""
    out: dict[str, dict] = {}
    for kind in KINDS:
        shown = sum(j[kind]["shown"] for j in judged)
        right = sum(j[kind]["right"] for j in judged)
        needed = sum(j[kind]["needed"] for j in judged)
        covered = sum(j[kind]["covered"] for j in judged)
        out[kind] = {
            "shown": shown,
            "right": right,
            "precision": round(right / shown, 3) if shown else None,
            "calls_needing": needed,
            "covered": covered,
            "coverage": round(covered / needed, 3) if needed else None,
        }
    out["not_sure"] = {"shown": sum(j["not_sure"]["shown"] for j in judged)}
    return out


def shown_on(events: Sequence[Event]) -> dict[str, list[str]]:
    """What a call showed, by kind: intents, articles, drafts (their intents), hand-overs."""
    cards = _unique(events)
    return {
        "intents": [
            c.intent
            for c in cards
            if isinstance(c, Suggestion) and c.kind == "intent" and c.status != NOT_SURE
        ],
        "not_sure": [
            c.missing for c in cards if isinstance(c, Suggestion) and c.status == NOT_SURE
        ],
        "articles": [c.item for c in cards if isinstance(c, Suggestion) and c.kind == "article"],
        "drafts": [c.intent for c in cards if isinstance(c, Draft)],
        "handovers": [c.reason for c in cards if isinstance(c, RouteToHuman)],
    }
