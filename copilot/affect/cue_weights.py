"""How much each phrase cue counts for a team, learned from the agents' answers to alerts.

An agent who dismisses an alert ("Niet relevant") says the phrases behind it were no
reason to alert on this team's calls; one who acknowledges it says they were. Each call
counts once per cue (its agent's latest answer), under the team or queue and language the
alert was weighed for, and by the phrase's code, never by the words heard: nothing one
caller said reaches another contact.

A cue's weight multiplier is 1 - step x (dismissals - acknowledgements), each answer
fading with a half-life, held between the floor and 1: bounded (a dismissed phrase still
counts for something), reversible (acknowledgements and time take it back) and
order-free (erasing a call and counting again gives what never having had it gives).
A clear request for a manager is never weakened. Sans-I/O: alert_learning.py keeps the
answers in SQLite and hands them here; the affect stage asks for a team's multipliers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from copilot.affect.settings import AffectConfig
from copilot.affect.text import phrase_strength
from copilot.affect.types import TextAffect
from copilot.events.affect import SIGNALS, Cue

DAY_S = 86_400.0
# A team's multipliers are worked out again after this long even without a new answer, so
# fading is seen; a day of a 90-day half-life moves a weight by well under 1 %.
RECOMPUTE_S = 600.0


@dataclass(frozen=True)
class CueKey:
    """Where an answer about a cue is learned: the team or queue, the language, the code."""

    team: str
    language: str
    code: str


@dataclass(frozen=True)
class Verdict:
    """One call's latest answer about one cue: dismissed, else acknowledged; at unix time."""

    dismissed: bool
    at: float


@dataclass(frozen=True)
class LearnedCue:
    """One cue's standing for a team: its multiplier and the answers behind it."""

    key: CueKey
    multiplier: float
    dismissed: int  # calls whose alert citing the cue was dismissed
    acknowledged: int


class CueWeights:
    """The answers about cues, per team and language, and the multipliers they make."""

    def __init__(
        self,
        step: float = 0.125,
        floor: float = 0.5,
        half_life_s: float = 90 * DAY_S,
        protected: Iterable[str] = (),
    ) -> None:
        self.step = step
        self.floor = floor
        self.half_life_s = half_life_s
        self.protected = frozenset(protected)  # codes no answer may weaken
        # (team, language) -> code -> call id -> that call's latest answer
        self._answers: dict[tuple[str, str], dict[str, dict[str, Verdict]]] = {}
        self._cache: dict[tuple[str, str], tuple[float, dict[str, float]]] = {}

    @classmethod
    def from_config(cls, config: AffectConfig, protected: Iterable[str] = ()) -> CueWeights:
        """The store `[affect]` describes; `protected`: the clear requests' codes."""
        return cls(
            config.dismissal_step,
            config.cue_weight_floor,
            config.learning_half_life_days * DAY_S,
            protected,
        )

    def note(self, call_id: str, key: CueKey, dismissed: bool, at: float) -> None:
        """One call's answer about a cue; it replaces that call's earlier answer about it."""
        calls = self._answers.setdefault((key.team, key.language), {}).setdefault(key.code, {})
        earlier = calls.get(call_id)
        if earlier is None or at >= earlier.at:
            calls[call_id] = Verdict(dismissed, at)
            self._cache.pop((key.team, key.language), None)

    def forget(self, call_ids: set[str]) -> None:
        """Take back every answer these calls gave (an erasure)."""
        for scope, codes in self._answers.items():
            for calls in codes.values():
                for call_id in call_ids & calls.keys():
                    del calls[call_id]
                    self._cache.pop(scope, None)

    def clear(self) -> None:
        """Forget every answer: every cue counts fully again."""
        self._answers.clear()
        self._cache.clear()

    def calls(self) -> set[str]:
        """Every call with an answer held here."""
        return {c for codes in self._answers.values() for calls in codes.values() for c in calls}

    def multiplier(self, key: CueKey, now: float) -> float:
        """What the cue's weight is multiplied by for this team and language, floor..1."""
        if key.code in self.protected:
            return 1.0
        calls = self._answers.get((key.team, key.language), {}).get(key.code, {})
        balance = sum(self._fade(v.at, now) * (1 if v.dismissed else -1) for v in calls.values())
        return min(1.0, max(self.floor, 1.0 - self.step * max(0.0, balance)))

    def multipliers(self, team: str, language: str, now: float) -> dict[str, float]:
        """Code -> multiplier of the cues weakened for this team and language (below 1 only)."""
        scope = (team, language)
        cached = self._cache.get(scope)
        if cached is not None and 0 <= now - cached[0] < RECOMPUTE_S:
            return cached[1]
        weakened = {}
        for code in self._answers.get(scope, {}):
            m = self.multiplier(CueKey(team, language, code), now)
            if m < 1.0:
                weakened[code] = m
        self._cache[scope] = (now, weakened)
        return weakened

    def learned(self, now: float) -> list[LearnedCue]:
        """Every cue with an answer, its multiplier and its counts: what `copilot alert-cues`
        prints."""
        out = []
        for (team, language), codes in sorted(self._answers.items()):
            for code, calls in sorted(codes.items()):
                if calls:
                    key = CueKey(team, language, code)
                    dismissed = sum(v.dismissed for v in calls.values())
                    out.append(
                        LearnedCue(
                            key, self.multiplier(key, now), dismissed, len(calls) - dismissed
                        )
                    )
        return out

    def _fade(self, at: float, now: float) -> float:
        if self.half_life_s <= 0:
            return 1.0
        return 0.5 ** (max(0.0, now - at) / self.half_life_s)


def reweigh(text: TextAffect, learned: Mapping[str, float]) -> TextAffect:
    """The scores with each weakened phrase cue counting for its multiplier's share.

    A signal is a noisy-OR of its emotion part and its phrase topics (text.py), so the
    phrases' old share can be taken out and their new one put in, leaving the emotion part
    as it was: 1 - (1 - signal) x (1 - new phrases) / (1 - old phrases).
    """
    if not any(c.kind == "phrase" and c.code in learned for c in text.cues):
        return text
    cues = tuple(_weakened(c, learned) for c in text.cues)
    signals = {}
    for signal in SIGNALS:
        old = phrase_strength([c for c in text.cues if c.kind == "phrase" and c.signal == signal])
        new = phrase_strength([c for c in cues if c.kind == "phrase" and c.signal == signal])
        value = getattr(text, signal)
        if new != old and old < 1.0:
            value = 1.0 - (1.0 - value) * (1.0 - new) / (1.0 - old)
        signals[signal] = min(1.0, max(0.0, value))
    return dataclasses.replace(text, cues=cues, **signals)


def _weakened(cue: Cue, learned: Mapping[str, float]) -> Cue:
    m = learned.get(cue.code) if cue.kind == "phrase" else None
    if m is None or m >= 1.0:
        return cue
    return dataclasses.replace(cue, weight=cue.weight * m, learned=m)
