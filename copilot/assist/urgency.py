"""How urgent a contact is: low / normal / high / critical, from the words, the intent and the affect.

The affect stage already tracks the customer's frustration and raises alerts with
hysteresis; urgency reads those rather than judging emotion again. Words that
mean harm (medicine, a safety risk, fraud) make a contact critical whatever the
mood; a deadline ("today", "vandaag") or a complaint makes it high.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from copilot.assist.settings import URGENCIES

CRITICAL_WORDS = re.compile(
    r"\b(?:medicine|medication|insulin|medicijn\w*|dangerous|gevaarlijk|fire|brand|gas leak|"
    r"gaslek|stolen|gestolen|fraud\w*|fraude|police|politie|threat\w*|bedreig\w*)\b",
    re.IGNORECASE,
)
DEADLINE_WORDS = re.compile(
    r"\b(?:today|tonight|urgent\w*|asap|right now|immediately|vandaag|vanavond|dringend|"
    r"spoed|meteen|direct|nu meteen)\b",
    re.IGNORECASE,
)
HIGH_INTENTS = frozenset({"complaint", "request_human"})
LOW_INTENTS = frozenset({"other"})
# Frustration trend (customer, from `affect` events) that makes a contact high on its own;
# the affect stage's early-warning threshold, so both stages agree on what is "frustrated".
FRUSTRATED = 0.35
ALERT_URGENCY = {"early_warning": "high", "escalate": "high", "take_over": "critical"}


@dataclass
class UrgencyTracker:
    """One contact's urgency; only ever rises during a contact."""

    frustration: float = 0.0
    floor: str = "low"
    reasons: list[str] = field(default_factory=list)

    def note_affect(self, frustration: float, alpha: float = 0.5) -> None:
        self.frustration = alpha * frustration + (1 - alpha) * self.frustration

    def note_alert(self, level: str, reason: str) -> None:
        self._raise(ALERT_URGENCY.get(level, "normal"), f"alert: {reason}")

    def note_text(self, text: str) -> None:
        if match := CRITICAL_WORDS.search(text):
            self._raise("critical", f"mentions '{match.group(0)}'")
        elif match := DEADLINE_WORDS.search(text):
            self._raise("high", f"deadline: '{match.group(0)}'")

    def level(self, intent: str) -> str:
        level = "low" if intent in LOW_INTENTS or not intent else "normal"
        if intent in HIGH_INTENTS:
            level = _max(level, "high")
        if self.frustration >= FRUSTRATED:
            level = _max(level, "high")
        return _max(level, self.floor)

    def _raise(self, level: str, reason: str) -> None:
        if URGENCIES.index(level) > URGENCIES.index(self.floor):
            self.floor = level
        if reason not in self.reasons:
            self.reasons.append(reason)


def _max(a: str, b: str) -> str:
    return a if URGENCIES.index(a) >= URGENCIES.index(b) else b
