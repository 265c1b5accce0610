"""How urgent a contact is: low / normal / high / critical, from the words, the intent and the affect.

The affect stage already tracks the customer's frustration and raises alerts with
hysteresis; urgency reads those rather than judging emotion again. Words that
mean harm (medicine, a safety risk, fraud) make a contact critical whatever the
mood; a deadline ("today", "vandaag") or a complaint makes it high.

Why it rose is kept as data (`UrgencyReason`), not as a sentence: the sidebar,
the QA report and the hand-over card word it in their reader's language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

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


@dataclass(frozen=True)
class UrgencyWords:
    """The words that raise a contact's urgency: copilot's own, and a domain's added to them."""

    critical: re.Pattern[str] = CRITICAL_WORDS
    deadline: re.Pattern[str] = DEADLINE_WORDS

    @classmethod
    def with_domain(cls, patterns: Mapping[str, Mapping[str, Sequence[str]]]) -> UrgencyWords:
        """Copilot's words and the domain's: {"critical" / "deadline": {language: [regex]}}."""
        return cls(
            _with_more(CRITICAL_WORDS, patterns.get("critical", {})),
            _with_more(DEADLINE_WORDS, patterns.get("deadline", {})),
        )


def _with_more(words: re.Pattern[str], by_language: Mapping[str, Sequence[str]]) -> re.Pattern[str]:
    more = [pattern for patterns in by_language.values() for pattern in patterns]
    if not more:
        return words
    return re.compile(rf"{words.pattern}|\b(?:{'|'.join(more)})\b", re.IGNORECASE)


HIGH_INTENTS = frozenset({"complaint", "request_human"})
LOW_INTENTS = frozenset({"other"})
# Frustration trend (customer, from `affect` events) that makes a contact high on its own;
# the affect stage's early-warning threshold, so both stages agree on what is "frustrated".
FRUSTRATED = 0.35
ALERT_URGENCY = {"early_warning": "high", "escalate": "high", "take_over": "critical"}


REASON_KINDS = ("alert", "deadline", "critical")


@dataclass(frozen=True)
class UrgencyReason:
    """Why a contact's urgency rose: an alert (its level, signal and basis), or the customer's
    words that mean a deadline or harm, as said."""

    kind: str  # one of REASON_KINDS
    words: str = ""  # deadline / critical: the words that matched
    level: str = ""  # alert: early_warning / escalate / take_over
    signal: str = ""  # alert: frustration / doubt / load
    basis: str = ""  # alert: why that level (the alert's `basis`; "" before protocol 1.1)
    run: int = 0  # alert: utterances the trend stayed high (a sustained / raised basis)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: the fields of its kind only."""
        if self.kind == "alert":
            fields = ("level", "signal", "basis", "run")
            return {"kind": self.kind, **{name: getattr(self, name) for name in fields}}
        return {"kind": self.kind, "words": self.words}

    @property
    def topic(self) -> tuple[str, ...]:
        """What makes two reasons one: the same alert again with a longer run is not news."""
        return (self.kind, self.words, self.level, self.signal, self.basis)


@dataclass
class UrgencyTracker:
    """One contact's urgency; only ever rises during a contact."""

    frustration: float = 0.0
    floor: str = "low"
    reasons: list[UrgencyReason] = field(default_factory=list)
    words: UrgencyWords = field(default_factory=UrgencyWords)  # the domain's words included

    def note_affect(self, frustration: float, alpha: float = 0.5) -> None:
        """A customer's frustration: noted as a moving average, the new score weighing `alpha`."""
        self.frustration = alpha * frustration + (1 - alpha) * self.frustration

    def note_alert(self, level: str, signal: str = "", basis: str = "", run: int = 0) -> None:
        """An affect alert: noted by what it is, never by its English `reason` line."""
        why = UrgencyReason("alert", level=level, signal=signal, basis=basis, run=run)
        self._raise(ALERT_URGENCY.get(level, "normal"), why)

    def note_text(self, text: str) -> None:
        """A customer line: words of harm raise the floor to critical, a deadline to high."""
        if match := self.words.critical.search(text):
            self._raise("critical", UrgencyReason("critical", words=match.group(0)))
        elif match := self.words.deadline.search(text):
            self._raise("high", UrgencyReason("deadline", words=match.group(0)))

    def level(self, intent: str) -> str:
        """Urgency for `intent`, up when frustrated, never below the floor words and alerts set."""
        level = "low" if intent in LOW_INTENTS or not intent else "normal"
        if intent in HIGH_INTENTS:
            level = _max(level, "high")
        if self.frustration >= FRUSTRATED:
            level = _max(level, "high")
        return _max(level, self.floor)

    def _raise(self, level: str, reason: UrgencyReason) -> None:
        if URGENCIES.index(level) > URGENCIES.index(self.floor):
            self.floor = level
        same = [i for i, known in enumerate(self.reasons) if known.topic == reason.topic]
        if same:
            self.reasons[same[0]] = reason  # in its first place, with the newest run
        else:
            self.reasons.append(reason)


def _max(a: str, b: str) -> str:
    return a if URGENCIES.index(a) >= URGENCIES.index(b) else b
