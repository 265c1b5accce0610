"""A supervisor wall's worth of calls, published straight into a server's sink (no audio).

50 live calls with every alert level, queues and trends of 1 to 6 points, and 200 calls
ended today: what the wall tests (and the docs screenshot) draw. Texts are Dutch and ids
neutral, so a Dutch page's English can only come from the page itself.
"""

from __future__ import annotations

from copilot.events.affect import Affect, Alert
from copilot.events.core import CallEnded, CallStarted, TranscriptFinal

QUEUES = ("billing", "delivery", "retention", "")
SOURCES = ("twilio", "audiohook", "raw", "chat")
REASONS = ("hangup", "stop", "disconnected")
LINES = (
    "Ik wacht al twee weken op mijn pakket.",
    "Dat begrijp ik, ik kijk het voor u na.",
    "Dit is nu al de derde keer dat ik bel!",
)
# Live call i's alert: take-over on every tenth, then escalations with a calm last utterance,
# then early warnings at a very high signal, then none.
LIVE_LEVELS = ("take_over", "escalate", "escalate", "early_warning", "early_warning")
LIVE_LEVELS += ("early_warning", "", "", "", "")


def live_level(i: int) -> str:
    """The latest alert level of live call i ("" : none)."""
    return LIVE_LEVELS[i % 10]


def live_signal(i: int) -> float:
    """The customer's latest frustration on live call i."""
    level = live_level(i)
    if level == "escalate":
        return 0.1 + 0.01 * i
    if level == "early_warning":
        return 0.95
    return 0.05 + 0.015 * i


def agent_of(i: int) -> str:
    """Seven agents share the calls."""
    return f"mw-{i % 7:02d}"


def publish_call(server, call_id: str, i: int, level: str, signal: float, ended: str = "") -> None:
    """One call: started, 1-6 customer affect points ending at `signal`, a line each way,
    an alert of `level` (none for ""), and its end (`ended`: the reason) if it ended."""
    publish = server.live.sink_for(call_id)
    metadata = {"agent_id": agent_of(i), "queue": QUEUES[i % len(QUEUES)]}
    publish(
        CallStarted(
            call_id,
            1,
            0.0,
            source=SOURCES[i % len(SOURCES)],
            legs=("agent", "customer"),
            metadata=metadata,
        )
    )
    seq, points = 2, 1 + i % 6
    for k in range(points):
        frustration = signal if k == points - 1 else round(0.1 + 0.7 * ((k * 37 + i) % 10) / 10, 2)
        publish(Affect(call_id, seq, 5.0 * (k + 1), speaker="customer", frustration=frustration))
        seq += 1
    for speaker, text in (("customer", LINES[i % 3]), ("agent", LINES[1])):
        at = 5.0 * points + seq
        line = {"speaker": speaker, "utterance_id": f"{speaker}-{seq}", "text": text, "end": at}
        publish(TranscriptFinal(call_id, seq, at, **line))
        seq += 1
    if level:
        alert = {
            "signal": "frustration",
            "score": signal,
            "trend": signal,
            "basis": "sustained",
            "run": 3,
        }
        publish(Alert(call_id, seq, 5.0 * points + seq, level=level, **alert))
        seq += 1
    if ended:
        publish(
            CallEnded(call_id, seq, 5.0 * points + seq, duration=5.0 * points + seq, reason=ended)
        )


def ended_level(i: int) -> str:
    """The highest alert of ended call i: a take-over on one in 16, an escalation on one in 8."""
    return "take_over" if i % 16 == 1 else "escalate" if i % 8 == 0 else ""


def publish_wall(server, live: int = 50, ended: int = 200) -> None:
    """`ended` calls that ended today, then `live` calls still running."""
    for i in range(ended):
        publish_call(server, f"GS-E{i:03d}", i, ended_level(i), 0.3, REASONS[i % 3])
    for i in range(live):
        publish_call(server, f"GS-L{i:02d}", i, live_level(i), live_signal(i))
