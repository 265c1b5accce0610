"""Prometheus text exposition for `/metrics`, without a client library.

Counters and histograms are updated from the event flow (`observe_event`) and the
shells; gauges (active calls, queue depths) are read at scrape time from
callables, so they can never drift from the real state.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

# Seconds from end of speech to its final transcript: sub-second is the goal, 5 s is useless.
LATENCY_BUCKETS = (0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0)
STORE_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1)


@dataclass
class Histogram:
    """A Prometheus histogram: per-bucket counts, their sum and how many were observed."""

    buckets: tuple[float, ...]
    counts: list[int] = field(default_factory=list)
    total: float = 0.0
    n: int = 0

    def __post_init__(self) -> None:
        self.counts = [0] * len(self.buckets)

    def observe(self, value: float) -> None:
        """Count one value in the first bucket it fits under (beyond the last: only in +Inf)."""
        index = bisect.bisect_left(self.buckets, value)
        if index < len(self.counts):
            self.counts[index] += 1
        self.total += value
        self.n += 1

    def lines(self, name: str) -> list[str]:
        """The histogram as Prometheus text lines: cumulative buckets, +Inf, sum and count."""
        out, running = [], 0
        for bound, c in zip(self.buckets, self.counts, strict=True):
            running += c
            out.append(f'{name}_bucket{{le="{bound}"}} {running}')
        out.append(f'{name}_bucket{{le="+Inf"}} {self.n}')
        out.append(f"{name}_sum {self.total:.6f}")
        out.append(f"{name}_count {self.n}")
        return out


class Metrics:
    """The server's counters and histograms, and the gauges read at scrape time, for /metrics."""

    def __init__(self) -> None:
        self.events: dict[str, int] = {}
        self.utterances: dict[str, int] = {}
        self.alerts: dict[str, int] = {}
        self.feedback: dict[str, int] = {}
        self.client_errors = 0
        self.store_errors = 0  # events given up while the store was away (beyond those held)
        self.transcript_latency = Histogram(LATENCY_BUCKETS)
        self.store_latency = Histogram(STORE_BUCKETS)
        self.gauges: dict[str, tuple[str, str, Callable[[], float]]] = {}

    def gauge(self, name: str, help_text: str, read: Callable[[], float]) -> None:
        """A value read at scrape time."""
        self.gauges[name] = ("gauge", help_text, read)

    def counter(self, name: str, help_text: str, read: Callable[[], float]) -> None:
        """A running total kept elsewhere (e.g. by the hub), read at scrape time."""
        self.gauges[name] = ("counter", help_text, read)

    def observe_event(self, data: dict) -> None:
        """Count a stored event by type, a final transcript also by speaker, an alert by level."""
        kind = data.get("type", "")
        self.events[kind] = self.events.get(kind, 0) + 1
        if kind == "transcript.final":
            speaker = str(data.get("speaker", ""))
            self.utterances[speaker] = self.utterances.get(speaker, 0) + 1
        elif kind == "alert":
            level = str(data.get("level", ""))
            self.alerts[level] = self.alerts.get(level, 0) + 1

    def count_feedback(self, action: str) -> None:
        """Count one piece of stored agent feedback by its action."""
        self.feedback[action] = self.feedback.get(action, 0) + 1

    def render(self) -> str:
        """Everything, in the Prometheus text format `/metrics` serves."""
        lines: list[str] = []
        for name, (kind, help_text, read) in sorted(self.gauges.items()):
            lines += [f"# HELP {name} {help_text}", f"# TYPE {name} {kind}", f"{name} {read():g}"]
        lines += _counter("copilot_events_total", "events stored, by type", "type", self.events)
        lines += _counter(
            "copilot_utterances_total", "final transcripts, by speaker", "speaker", self.utterances
        )
        lines += _counter("copilot_alerts_total", "alerts, by level", "level", self.alerts)
        lines += _counter(
            "copilot_feedback_total", "agent feedback, by action", "action", self.feedback
        )
        lines += [
            "# HELP copilot_client_errors_total malformed messages from sidebar clients",
            "# TYPE copilot_client_errors_total counter",
            f"copilot_client_errors_total {self.client_errors}",
            "# HELP copilot_store_errors_total events given up: the store was away so long that"
            " more than 20000 waited",
            "# TYPE copilot_store_errors_total counter",
            f"copilot_store_errors_total {self.store_errors}",
        ]
        lines += _histogram(
            "copilot_transcript_latency_seconds",
            "end of speech to its final transcript",
            self.transcript_latency,
        )
        lines += _histogram("copilot_store_append_seconds", "storing one event", self.store_latency)
        return "\n".join(lines) + "\n"


def _counter(name: str, help_text: str, label: str, values: dict[str, int]) -> list[str]:
    lines = [f"# HELP {name} {help_text}", f"# TYPE {name} counter"]
    for key, value in sorted(values.items()):
        lines.append(f'{name}{{{label}="{_escape(key)}"}} {value}')
    return lines


def _histogram(name: str, help_text: str, histogram: Histogram) -> list[str]:
    return [f"# HELP {name} {help_text}", f"# TYPE {name} histogram", *histogram.lines(name)]


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
