"""One summary per call for the supervisor list (and an agent's own call list).

Sans-I/O: `feed(event dict)` updates the call's summary and returns it when it
changed in a way a list of calls shows (start, end, new affect, new alert, new
line of transcript). Risk is what a supervisor sorts by: the customer's highest
recent signal, raised to the weight of the latest alert, so a call with a
take-over suggestion sits on top even when the last utterance was calm.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from copilot.events.affect import ALERT_WORDING_FIELDS

ALERT_RISK = {"early_warning": 0.5, "escalate": 0.75, "take_over": 1.0}
SIGNALS = ("frustration", "doubt", "load")
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
    last_line: str = ""

    @property
    def risk(self) -> float:
        """What supervisors sort by: the customer's highest signal, or the latest alert's weight."""
        signal = max(self.signals.values(), default=0.0)
        alert = ALERT_RISK.get(self.alerts[-1]["level"], 0.0) if self.alerts else 0.0
        return round(max(signal, alert), 3)

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
            "take_over": self.take_over,
            "signals": dict(self.signals),
            "trend": list(self.trend),
            "alerts": list(self.alerts),
            "last_line": self.last_line,
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
        if kind == "transcript.final":
            summary.last_line = f"{data.get('speaker', '')}: {data.get('text', '')}"[:200]
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
        ended = [s for s in self.calls.values() if not s.live]
        for summary in ended[: max(0, len(ended) - KEEP_ENDED)]:
            del self.calls[summary.call_id]
