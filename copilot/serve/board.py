"""One summary per call for the supervisor list (and an agent's own call list).

Sans-I/O: `feed(event dict)` updates the call's summary and returns it when it
changed in a way a list of calls shows (start, end, new affect, new alert, new
line of transcript). Risk is what a supervisor sorts by: the latest alert's level
first (take-over, escalate, early warning, none), the customer's highest recent
signal within it, so a call with a take-over suggestion sits on top even when the
last utterance was calm, and an early warning at 0.95 stays below an escalation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from copilot.events.affect import ALERT_WORDING_FIELDS, LEVELS

# Each alert level owns a band of risk; the customer's signal places the call inside its band.
# The bands' floors are the weights risk had before (0.5, 0.75, 1.0), so a reader that only
# compares against them reads the same; a take-over is 1.0 whatever the signal.
RISK_BANDS = {"": (0.0, 0.5), "early_warning": (0.5, 0.75), "escalate": (0.75, 1.0)}
LEVEL_RANK = {"": 0, **{level: rank for rank, level in enumerate(LEVELS, start=1)}}
SIGNALS = ("frustration", "doubt", "load")
TEAM_METADATA = ("queue", "team")  # as the affect stage reads it: the queue a call came in on
TREND_POINTS = 20  # sparkline length
RECENT_ALERTS = 5
KEEP_ENDED = 50  # ended calls stay on the board for a while, then drop off


@dataclass
class CallSummary:
    """One row of a call list: whose call, live or not, latest signals, recent alerts, last line."""

    call_id: str
    agent_id: str = ""
    source: str = ""
    live: bool = True
    end_reason: str = ""
    t: float = 0.0
    last_seq: int = 0
    signals: dict[str, float] = field(default_factory=lambda: dict.fromkeys(SIGNALS, 0.0))
    trend: list[float] = field(default_factory=list)  # customer frustration per utterance
    alerts: list[dict[str, Any]] = field(default_factory=list)
    last_speaker: str = ""
    last_text: str = ""
    queue: str = ""  # the queue the call came in on (metadata), which beats any later hint
    team_hint: str = ""  # else the team its alerts were weighed for, or it was handed to

    @property
    def level(self) -> str:
        """The latest alert's level ("" : no alert yet)."""
        return str(self.alerts[-1].get("level") or "") if self.alerts else ""

    @property
    def risk(self) -> float:
        """What supervisors sort by: the latest alert's band, the customer's signal inside it."""
        if self.level == "take_over":
            return 1.0
        low, high = RISK_BANDS.get(self.level, RISK_BANDS[""])
        signal = min(1.0, max(0.0, max(self.signals.values(), default=0.0)))
        # Kept below the band's top, so a signal of 1.0 never ties with the next level.
        return round(low + (high - low) * 0.99 * signal, 3)

    @property
    def team(self) -> str:
        """The call's queue or team ("" while none is known)."""
        return self.queue or self.team_hint

    @property
    def last_line(self) -> str:
        """The newest final as one line, speaker code first (kept for older readers)."""
        return f"{self.last_speaker}: {self.last_text}" if self.last_speaker else ""

    @property
    def take_over(self) -> bool:
        """True while the latest alert says a supervisor should take the call over."""
        return bool(self.alerts) and self.alerts[-1]["level"] == "take_over"

    def to_dict(self) -> dict[str, Any]:
        """The summary as clients receive it (`call.summary`, `calls`), risk included."""
        return {
            "call_id": self.call_id,
            "agent_id": self.agent_id,
            "source": self.source,
            "live": self.live,
            "end_reason": self.end_reason,
            "t": self.t,
            "last_seq": self.last_seq,
            "risk": self.risk,
            "level": self.level,
            "team": self.team,
            "take_over": self.take_over,
            "signals": dict(self.signals),
            "trend": list(self.trend),
            "alerts": list(self.alerts),
            "last_line": self.last_line,
            "last_speaker": self.last_speaker,
            "last_text": self.last_text,
        }


class CallBoard:
    """The summaries of recent calls, kept current event by event; ended calls age out."""

    def __init__(self) -> None:
        self.calls: dict[str, CallSummary] = {}

    def feed(self, data: dict[str, Any]) -> dict[str, Any] | None:
        """The call's new summary when this event changes what a call list shows, else None."""
        kind, call_id = data.get("type"), str(data.get("call_id", ""))
        if kind == "call.started":
            metadata = data.get("metadata") or {}
            self.calls[call_id] = CallSummary(
                call_id, str(metadata.get("agent_id", "")), str(data.get("source", ""))
            )
            self.calls[call_id].queue = queue_of(metadata)
            self._prune()
        summary = self.calls.get(call_id)
        if summary is None:
            return None
        summary.t = max(summary.t, float(data.get("t", 0.0)))
        summary.last_seq = max(summary.last_seq, int(data.get("seq", 0)))
        if not self._apply(summary, kind, data):
            return None
        return summary.to_dict()

    def _apply(self, summary: CallSummary, kind: Any, data: dict[str, Any]) -> bool:
        if kind == "call.started":
            return True
        if kind == "call.assigned":  # the new agent's list gets the call
            summary.agent_id = str(data.get("agent_id", ""))
            return True
        if kind == "call.ended":
            summary.live = False
            summary.end_reason = str(data.get("reason", ""))
            return True
        hint = team_hint(data)
        if hint and hint != summary.team_hint:
            summary.team_hint = hint
            if not summary.queue and kind != "alert":  # the list shows the call's team
                return True
        if kind == "transcript.final":
            summary.last_speaker = str(data.get("speaker", ""))
            summary.last_text = str(data.get("text", ""))[:200]
            return True
        if kind == "affect" and data.get("speaker") == "customer":
            for name in SIGNALS:
                summary.signals[name] = float(data.get(name, 0.0))
            summary.trend = [*summary.trend, summary.signals["frustration"]][-TREND_POINTS:]
            return True
        if kind == "alert":
            # The fields the supervisor's page words the alert from, in its own language.
            fields = ("seq", *ALERT_WORDING_FIELDS)
            alert = {k: data.get(k) for k in fields}
            summary.alerts = [*summary.alerts, alert][-RECENT_ALERTS:]
            return True
        return False

    def mark_ended(self, call_id: str, reason: str) -> None:
        """Shows a live call as ended because the store says so (history loaded after a restart)."""
        summary = self.calls.get(call_id)
        if summary is not None and summary.live:
            summary.live = False
            summary.end_reason = reason

    def forget(self, call_id: str) -> None:
        """Drops a call's summary: an erased call leaves the board too."""
        self.calls.pop(call_id, None)

    def visible(self, can_see) -> list[dict[str, Any]]:
        """Summaries the caller may see, riskiest live call first."""
        shown = [s for s in self.calls.values() if can_see(s.agent_id)]
        shown.sort(key=lambda s: (not s.live, -s.risk, -s.t))
        return [s.to_dict() for s in shown]

    def _prune(self) -> None:
        # The board is the live wall's memory; looking back is the store's (call_history.py).
        ended = [s for s in self.calls.values() if not s.live]
        for summary in ended[: max(0, len(ended) - KEEP_ENDED)]:
            del self.calls[summary.call_id]


def queue_of(metadata: dict[str, Any]) -> str:
    """The queue or team a call came in on, from its `call.started` metadata ("" : none)."""
    named = (metadata.get(key) for key in TEAM_METADATA)
    return next((v.strip() for v in named if isinstance(v, str) and v.strip()), "")[:80]


def team_hint(data: dict[str, Any]) -> str:
    """The team an event places its call with: an alert's weighed-for team, a hand-over's
    queue, an intent card's routed team ("" : this event says none)."""
    kind = data.get("type")
    if kind == "alert":
        value = data.get("team")
    elif kind == "handoff":
        value = data.get("queue")
    elif kind == "suggestion" and data.get("kind") == "intent":
        value = data.get("team")
    else:
        return ""
    return value.strip()[:80] if isinstance(value, str) else ""
