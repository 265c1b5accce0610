"""One replayed call's events condensed into what a QA reviewer reads.

The report pages, the index and the CSV are all drawn from this dict, and it is
stored next to the events in `calls/<id>.json`, so a report can be rebuilt
without replaying the audio again.
"""

from __future__ import annotations

from typing import Any

from copilot.audio.format import CUSTOMER
from copilot.events.affect import ALERT_WORDING_FIELDS, SIGNALS
from copilot.events.assist import NOT_SURE
from copilot.events.core import Event
from copilot.events.wording import ENGLISH, Words
from copilot.replay.language_report import language_decision
from copilot.replay.scorecard import ScorecardItem, Utterance, score_call, scorecard_total
from copilot.replay.sidecars import Sidecars, score_against_sidecars

ALERT_RANK = {"early_warning": 1, "escalate": 2, "take_over": 3}
# The alert as the report words it (in its own language), links it to its utterances, and
# the thresholds it was judged by.
ALERT_FIELDS = (*ALERT_WORDING_FIELDS, "speaker", "utterance_ids", "thresholds")
# What the affect stage judged the words by: the page marks unsure words and lines with them.
HEARD_THRESHOLDS = ("phrase_floor", "trust_high")


def summarise_call(
    call_id: str,
    events: list[Event],
    duration: float,
    scorecard: list[ScorecardItem],
    sidecars: Sidecars | None = None,
) -> dict[str, Any]:
    """One call's report dict, from which its page, the index and the CSV are drawn.

    With `sidecars`, it also holds the scores against the recording's annotations.
    """
    dicts = [e.to_dict() for e in events]
    transcript = [
        {
            **{k: d[k] for k in ("utterance_id", "speaker", "start", "end", "text")},
            "words": [[w["word"], w["probability"]] for w in d.get("words", ())],
        }
        for d in dicts
        if d["type"] == "transcript.final"
    ]
    transcript.sort(key=lambda u: (u["start"], u["speaker"]))
    language = next((d["language"] for d in dicts if d["type"] == "transcript.final"), "")
    affect = [
        {k: d[k] for k in ("utterance_id", "speaker", "t", *SIGNALS)}
        for d in dicts
        if d["type"] == "affect"
    ]
    customer = [a for a in affect if a["speaker"] == CUSTOMER]
    alerts = [{k: d.get(k) for k in ALERT_FIELDS} for d in dicts if d["type"] == "alert"]
    assist = assist_items(dicts)
    utterances = [Utterance(u["speaker"], u["start"], u["end"], u["text"]) for u in transcript]
    rose_at = next((a["t"] for a in alerts if a["signal"] == "frustration"), None)
    results = score_call(scorecard, utterances, rose_at, language or "en", duration)
    started = next((d for d in dicts if d["type"] == "call.started"), {})
    report: dict[str, Any] = {
        "call_id": call_id,
        "path": started.get("metadata", {}).get("path", ""),
        "duration": round(duration, 2),
        "language": language,
        "language_decision": language_decision(dicts, language),
        "utterances": len(transcript),
        "transcript": transcript,
        "affect": affect,
        "peaks": {s: max((a[s] for a in customer), default=0.0) for s in SIGNALS},
        "alerts": alerts,
        "heard_thresholds": heard_thresholds(dicts),
        "top_alert": max((a["level"] for a in alerts), key=_alert_rank, default=""),
        **assist,
        "scorecard": results,
        "scorecard_score": scorecard_total(results),
        "errors": [d["message"] for d in dicts if d["type"] == "error"],
        "bot": bot_part(dicts),
        "leg_source": leg_source_part(started),
    }
    report["outcome_id"] = outcome_id(report)
    report["outcome"] = outcome(report)
    report["summary"] = post_call_summary(report)
    if sidecars is not None:
        hypothesis = " ".join(u["text"] for u in transcript)
        scored = score_against_sidecars(
            sidecars, hypothesis, alerts, report["intents"], language or "en"
        )
        if scored:  # a recording without annotations has nothing to be measured against
            report["sidecar"] = scored
    return report


def leg_source_part(started: dict) -> dict[str, Any]:
    """How the call's legs were found (stereo channels, one mono leg, or a mono split with
    the agent's rule and confidence), from the call's metadata; {} for older reports."""
    return dict(started.get("metadata", {}).get("leg_source") or {})


def _alert_rank(level: str | None) -> int:
    # A level this version does not know (or none) ranks lowest.
    return ALERT_RANK.get(level, 0) if level is not None else 0


def heard_thresholds(dicts: list[dict]) -> dict[str, float] | None:
    """The word-confidence thresholds of the call's affect events, None when none carried them."""
    return next(
        (
            {k: d[k] for k in HEARD_THRESHOLDS}
            for d in dicts
            if d["type"] == "affect" and all(d.get(k) is not None for k in HEARD_THRESHOLDS)
        ),
        None,
    )


def bot_part(dicts: list[dict]) -> dict[str, Any]:
    """What the voicebot said and decided on the call, for QA to replay its judgement."""
    said = [
        {k: d[k] for k in ("t", "purpose", "text", "then", "article")}
        for d in dicts
        if d["type"] == "bot.say"
    ]
    decisions = [
        {k: d[k] for k in ("t", "action", "reason", "utterance_id")}
        for d in dicts
        if d["type"] == "bot.decision"
    ]
    handoff = next(
        (
            {k: d[k] for k in ("t", "queue", "priority", "reason", "intent", "urgency")}
            for d in dicts
            if d["type"] == "handoff"
        ),
        None,
    )
    return {"said": said, "decisions": decisions, "handoff": handoff}


def assist_items(dicts: list[dict]) -> dict[str, Any]:
    """Intents, articles, next steps, drafts and hand-offs from the assist stage's events."""
    suggestions = [d for d in dicts if d["type"] == "suggestion"]
    by_kind: dict[str, list[dict]] = {}
    for s in suggestions:
        by_kind.setdefault(str(s.get("kind", "")), []).append(s)
    # "Not sure yet" cards (protocol 1.3) are no intent: QA sees what the agent was told.
    known = [s for s in by_kind.get("intent", []) if s.get("status") != NOT_SURE]
    intents: list[str] = []
    for s in known:
        name = s.get("intent") or s.get("title") or ""
        if name and name not in intents:
            intents.append(name)
    drafts = [d for d in dicts if d["type"] == "draft"]
    return {
        "intents": intents,
        "urgency": next((s.get("urgency") for s in reversed(known)), None),
        "articles": _unique(by_kind.get("article", []), "title"),
        "next_steps": _unique(by_kind.get("next_step", []), "title"),
        "route_to_human": [d for d in dicts if d["type"] == "route_to_human"],
        "draft": drafts[-1] if drafts else None,
    }


def _unique(items: list[dict], key: str) -> list[dict]:
    seen, out = set(), []
    for item in items:
        name = item.get(key) or item.get("text") or ""
        if name not in seen:
            seen.add(name)
            out.append(item)
    return out


def outcome_id(report: dict) -> str:
    """How the call went, as a catalogue key (`outcome.<id>`): take_over, routed, escalated…"""
    if report["top_alert"] == "take_over":
        return "take_over"
    if report["route_to_human"]:
        return "routed"
    if report["top_alert"] == "escalate":
        return "escalated"
    closing = next((r for r in report["scorecard"] if r["id"] == "closing"), None)
    if closing and closing["passed"]:
        return "closed"
    return "no_closing"


def outcome(report: dict, words: Words = ENGLISH) -> str:
    """How the call went, in `words`' language."""
    return words(f"outcome.{outcome_id(report)}")


def post_call_summary(report: dict, words: Words = ENGLISH) -> str:
    """A few sentences for the QA reviewer, in `words`' language; quotes stay as said."""
    parts = []
    if report["intents"]:
        intents = ", ".join(words.intent(i) for i in report["intents"])
        parts.append(words("summary.about", intents=intents))
    first = next((u for u in report["transcript"] if u["speaker"] == CUSTOMER), None)
    if first:
        parts.append(words("summary.opened", text=first["text"]))
    peak = max(SIGNALS, key=lambda s: report["peaks"][s])
    if report["peaks"][peak] >= 0.5:
        name = words.term("signal", peak).lower()
        parts.append(words("summary.peak", signal=name, value=f"{report['peaks'][peak]:.2f}"))
    if report["alerts"]:
        last = report["alerts"][-1]
        level = words.term("level", last["level"]).lower()
        reason = words.alert_reason(last)
        n = len(report["alerts"])
        parts.append(words("summary.alerts", n=n, level=level, t=f"{last['t']:.0f}", reason=reason))
    step = next((r for r in report["scorecard"] if r["id"] == "next_step" and r["passed"]), None)
    if step:
        parts.append(words("summary.next", quote=step["evidence"]))  # with its own full stop
    parts.append(words("summary.outcome", outcome=outcome(report, words)))
    return " ".join(parts)
