"""Call state: per-speaker affect trends, turned into a few well-timed alerts.

One `CallTracker` per call, sans-I/O: hand it each utterance's (fused) scores and
get `Alert` events back. Single utterances are noisy, so alerts follow a smoothed
trend (EMA) per signal and speaker, with hysteresis and a cooldown so a caller who
hovers around a threshold does not make the sidebar flash. Only the customer
raises alerts; the agent's trend is kept for the supervisor view.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from dataclasses import dataclass, field

from copilot.affect.settings import AffectConfig
from copilot.affect.types import TextAffect
from copilot.audio.format import CUSTOMER
from copilot.events.affect import LEVELS, SIGNALS, Alert, Cue, cues_from
from copilot.events.wording import ENGLISH

# How far back an alert looks for the utterances (and their phrases) behind it.
CITE_UTTERANCES = 5


@dataclass
class _Moment:
    utterance_id: str
    t: float
    scores: TextAffect


@dataclass
class _SignalState:
    trend: float = 0.0
    history: deque[float] = field(default_factory=lambda: deque(maxlen=16))
    above: int = 0  # consecutive utterances with the trend over its sustain threshold
    armed: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(LEVELS, True))
    last_alert: dict[str, tuple[int, float]] = field(default_factory=dict)  # level -> (n, t)
    escalated_at: int | None = None  # utterance count of the escalation still in force


class CallTracker:
    """One call's smoothed affect per speaker and signal, and the alerts it warrants."""

    def __init__(self, config: AffectConfig | None = None, alert_speaker: str = CUSTOMER) -> None:
        self.config = config or AffectConfig()
        self.alert_speaker = alert_speaker
        self._states: dict[str, dict[str, _SignalState]] = {}
        self._recent: dict[str, deque[_Moment]] = {}
        self._count: dict[str, int] = {}

    def trend(self, speaker: str, signal: str) -> float:
        """The smoothed (EMA) `signal` of `speaker` so far; 0.0 before they have spoken."""
        state = self._states.get(speaker, {}).get(signal)
        return state.trend if state else 0.0

    def observe(self, speaker: str, utterance_id: str, t: float, scores: TextAffect) -> list[Alert]:
        """One utterance's scores; returns the alerts it triggers (at most one per signal)."""
        n = self._count[speaker] = self._count.get(speaker, 0) + 1
        recent = self._recent.setdefault(speaker, deque(maxlen=CITE_UTTERANCES))
        recent.append(_Moment(utterance_id, t, scores))
        states = self._states.setdefault(speaker, {s: _SignalState() for s in SIGNALS})
        for signal, state in states.items():
            self._update(state, signal, getattr(scores, signal))
        if speaker != self.alert_speaker:
            return []
        alerts = []
        for signal, state in states.items():
            for level, basis in self._candidates(signal, state, list(recent), n):
                if self._may_fire(state, level, n, t, list(recent)):
                    alerts.append(self._fire(level, signal, basis, state, n, t, list(recent)))
                    break  # the highest level only: an escalation makes an early warning moot
        return alerts

    # -- trend -----------------------------------------------------------------

    def _update(self, state: _SignalState, signal: str, value: float) -> None:
        cfg = self.config
        state.trend = cfg.ema_alpha * value + (1 - cfg.ema_alpha) * state.trend
        state.history.append(state.trend)
        # Frustration must stay high to escalate; doubt and load must stay up to warn at all.
        level = "escalate" if signal == "frustration" else "early_warning"
        state.above = state.above + 1 if state.trend >= self._threshold(signal, level) else 0
        for level in LEVELS:
            if state.trend < self._threshold(signal, level) - cfg.hysteresis:
                state.armed[level] = True
        if signal == "frustration" and state.trend < cfg.early_threshold - cfg.hysteresis:
            state.escalated_at = None  # the caller calmed down: that escalation is over

    def _threshold(self, signal: str, level: str) -> float:
        cfg = self.config
        if signal == "frustration":
            return cfg.early_threshold if level == "early_warning" else cfg.escalate_threshold
        if signal == "load" and level == "take_over":
            return cfg.load_take_over
        return cfg.doubt_threshold if signal == "doubt" else cfg.load_threshold

    def _rising(self, state: _SignalState) -> bool:
        k = self.config.rise_utterances
        past = state.history[-1 - k] if len(state.history) > k else 0.0
        return state.trend - past >= self.config.rise_min

    # -- decisions -------------------------------------------------------------

    def _candidates(
        self, signal: str, state: _SignalState, recent: list[_Moment], n: int
    ) -> list[tuple[str, str]]:
        """Levels this utterance warrants for `signal`, highest first, each with its basis."""
        cfg = self.config
        out: list[tuple[str, str]] = []
        sustained = state.above >= cfg.sustain_utterances
        if signal == "frustration":
            early = state.trend >= cfg.early_threshold and self._rising(state)
            trigger = self._escalation_cue(recent) is not None
            since = n - state.escalated_at if state.escalated_at is not None else 0
            if since >= cfg.take_over_after and (sustained or trigger):
                out.append(("take_over", "after_escalate"))
            if trigger:
                out.append(("escalate", "request"))
            elif sustained:
                out.append(("escalate", "sustained"))
            if early:
                out.append(("early_warning", "rising"))
        else:
            if signal == "load" and state.trend >= cfg.load_take_over:
                out.append(("take_over", "very_high"))
            if sustained:
                out.append(("early_warning", "raised"))
        return out

    def _may_fire(
        self, state: _SignalState, level: str, n: int, t: float, recent: list[_Moment]
    ) -> bool:
        last = state.last_alert.get(level)
        if last is not None:
            if (
                n - last[0] < self.config.cooldown_utterances
                or t - last[1] < self.config.cooldown_s
            ):
                return False
        # An explicit request re-arms escalate: a repeated "get me your manager" is new evidence.
        return state.armed[level] or (
            level == "escalate" and self._escalation_cue(recent) is not None
        )

    def _escalation_cue(self, recent: list[_Moment]) -> Cue | None:
        """The newest utterance's explicit escalation request, if whisper heard it surely enough.

        A request heard below the confidence floor counts only when something independent
        backs it: a frustrated voice in the same utterance, or a request of the same kind
        in an earlier one. A word whisper guessed (or recited) never escalates on its own.
        """
        scores = recent[-1].scores
        floor = self.config.phrase_confidence_floor
        for cue in self._requests(scores):
            if cue.confidence >= floor:
                return cue
            voiced = any(c.kind == "voice" and c.signal == "frustration" for c in scores.cues)
            topic = _topic(cue)
            repeated = any(
                _topic(earlier) == topic
                for moment in recent[:-1]
                for earlier in self._requests(moment.scores)
            )
            if voiced or repeated:
                return cue
        return None

    def _requests(self, scores: TextAffect) -> list[Cue]:
        """The phrase cues whose topic or words are one of the escalation phrases.

        Both are matched: the text scorer's topics ("asks for a manager", "cancel threat")
        cover its phrases, the words ("manager", "opzeg") those of other scorers. A phrase
        this team's agents have dismissed alerts about below `learned_request_min` ("my
        account manager") is no request any more; it still counts in the trend.
        """
        phrases = self.config.escalation_phrases
        return [
            cue
            for cue in scores.cues
            if cue.kind == "phrase"
            and any(p in cue.topic.lower() or p in cue.phrase.lower() for p in phrases)
            and (cue.learned is None or cue.learned >= self.config.learned_request_min)
        ]

    # -- alert -----------------------------------------------------------------

    def _fire(
        self,
        level: str,
        signal: str,
        basis: str,
        state: _SignalState,
        n: int,
        t: float,
        recent: list[_Moment],
    ) -> Alert:
        state.last_alert[level] = (n, t)
        if level == "escalate" and signal == "frustration":
            state.escalated_at = n
        for lower in LEVELS[: LEVELS.index(level) + 1]:
            state.armed[lower] = False
        cited = self._cited(signal, recent)
        cues = _top_cues(signal, cited)
        alert = Alert(
            "",
            0,
            round(t, 3),
            level=level,
            signal=signal,
            speaker=self.alert_speaker,
            score=round(getattr(recent[-1].scores, signal), 3),
            trend=round(state.trend, 3),
            basis=basis,
            run=state.above,
            phrase_floor=self.config.phrase_confidence_floor,
            thresholds={name: self._threshold(signal, name) for name in LEVELS},
            utterance_ids=tuple(m.utterance_id for m in cited),
            cues=cues,
            confidence=min((c.confidence for c in cues), default=1.0),
        )
        # The log line is the English a page words from the same fields, so they never differ.
        return dataclasses.replace(alert, reason=ENGLISH.alert_reason(alert))

    def _cited(self, signal: str, recent: list[_Moment]) -> list[_Moment]:
        """The utterances behind the alert: the current one and the run of raised ones before it."""
        floor = self._threshold(signal, "early_warning")
        cited = [recent[-1]]
        for moment in reversed(recent[:-1]):
            if getattr(moment.scores, signal) < floor:
                break
            cited.insert(0, moment)
        return cited


def _top_cues(signal: str, moments: list[_Moment], limit: int = 4) -> tuple[Cue, ...]:
    # Phrases lead (what the caller said is what the agent can answer), newest first, then the
    # strongest emotion and voice cues.
    unique: dict[tuple[str, str], Cue] = {}
    for moment in reversed(moments):
        for cue in moment.scores.cues:
            if cue.signal == signal:
                # The log line serves as the cue's identity here; it is not read.
                unique.setdefault((cue.kind, cue.evidence), cue)
    phrases = [c for c in unique.values() if c.kind == "phrase"]
    others = sorted((c for c in unique.values() if c.kind != "phrase"), key=lambda c: -c.weight)
    return cues_from([*phrases, *others][:limit])


def _topic(cue: Cue) -> str:
    return (cue.topic or cue.phrase).lower()
