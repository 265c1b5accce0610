"""Call state: per-speaker affect trends, turned into a few well-timed alerts.

One `CallTracker` per call, sans-I/O: hand it each utterance's (fused) scores and
get `Alert` events back. Single utterances are noisy, so alerts follow a smoothed
trend (EMA) per signal and speaker, with hysteresis and a cooldown so a caller who
hovers around a threshold does not make the sidebar flash. Only the customer
raises alerts; the agent's trend is kept for the supervisor view.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from copilot.affect.types import PHRASE_CONFIDENCE_FLOOR, TextAffect
from copilot.audio.format import CUSTOMER
from copilot.events.affect import LEVELS, SIGNALS, Alert, Cue, cues_from, two_places

# How far back an alert looks for the utterances (and their phrases) behind it.
CITE_UTTERANCES = 5


@dataclass(frozen=True)
class AffectConfig:
    """Thresholds of the affect stage (`[affect]` in copilot.toml). Scores and trends are 0..1."""

    ema_alpha: float = 0.5  # weight of the newest utterance in the trend
    rise_utterances: int = 2  # "rising" compares the trend with its value this many utterances ago
    rise_min: float = 0.1
    early_threshold: float = 0.35  # frustration trend that warns early, when rising
    escalate_threshold: float = 0.55  # frustration trend that escalates, when sustained
    sustain_utterances: int = 2
    take_over_after: int = 1  # escalate still true this many customer utterances later
    # Doubt and load warn when their trend stays above these for sustain_utterances: a doubtful
    # or overloaded moment or two is a normal part of a call and the sidebar shows it anyway.
    doubt_threshold: float = 0.5
    load_threshold: float = 0.5
    load_take_over: float = 0.8
    hysteresis: float = 0.1  # re-arm once the trend falls this far below the threshold
    cooldown_utterances: int = 3
    cooldown_s: float = 30.0
    # Phrase cues that escalate at once, matched in the cue's evidence. The text scorer writes
    # "asks for a manager: 'leidinggevende'" and "cancel threat: 'opzeggen'"; the words are
    # there for scorers that quote only the phrase.
    escalation_phrases: tuple[str, ...] = (
        "asks for a manager",
        "cancel threat",
        "formal complaint",
        "manager",
        "supervisor",
        "cancel",
        "leidinggevende",
        "opzeg",
    )
    # Text scores count fully above this mean word probability, not at all below the low one:
    # espeak Dutch misheard by the base model sits around 0.5, clean English around 0.85.
    asr_trust_low: float = 0.45
    asr_trust_high: float = 0.75
    text_prior: float = 0.1  # where an untrusted transcript's scores are pulled to
    # Lowest word probability at which a phrase counts fully and may escalate on its own;
    # below it only a voice cue or the same request again later corroborates it.
    phrase_confidence_floor: float = PHRASE_CONFIDENCE_FLOOR
    # Voice fusion works in log-odds: evidence adds there, and a 0.9 from the words cannot be
    # pushed past 1 by a loud voice, while a borderline 0.4 moves the most.
    voice_weight: float = 0.8  # log-odds of frustration per sd of mean voice arousal
    voice_cue_z: float = 1.5  # a voice feature this far above baseline is named as a cue
    z_clip: float = 3.0
    overlap_cue_s: float = 1.0  # talking over the other side this long is a cue
    overlap_weight: float = 0.3  # log-odds it adds

    def __post_init__(self) -> None:
        if not 0 < self.ema_alpha <= 1:
            raise ValueError("affect ema_alpha must be in (0, 1]")
        if not self.early_threshold < self.escalate_threshold:
            raise ValueError("affect early_threshold must be below escalate_threshold")
        if not 0 <= self.asr_trust_low < self.asr_trust_high <= 1 or not 0 < self.text_prior < 1:
            raise ValueError(
                "affect asr_trust_low < asr_trust_high in [0, 1], text_prior in (0, 1)"
            )
        if not 0 <= self.phrase_confidence_floor <= 1:
            raise ValueError("affect phrase_confidence_floor must be in [0, 1]")
        if min(self.rise_utterances, self.sustain_utterances, self.take_over_after) < 1:
            raise ValueError("affect utterance counts must be at least 1")


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
    def __init__(self, config: AffectConfig | None = None, alert_speaker: str = CUSTOMER) -> None:
        self.config = config or AffectConfig()
        self.alert_speaker = alert_speaker
        self._states: dict[str, dict[str, _SignalState]] = {}
        self._recent: dict[str, deque[_Moment]] = {}
        self._count: dict[str, int] = {}

    def trend(self, speaker: str, signal: str) -> float:
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
        phrases = self.config.escalation_phrases
        return [
            cue
            for cue in scores.cues
            if cue.kind == "phrase" and any(p in cue.evidence.lower() for p in phrases)
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
        score = getattr(recent[-1].scores, signal)
        floor = self.config.phrase_confidence_floor
        score, trend = round(score, 3), round(state.trend, 3)  # as the event carries them
        evidence = ", ".join(_describe(c, floor) for c in cues) or f"{signal} {two_places(score)}"
        return Alert(
            "",
            0,
            round(t, 3),
            level=level,
            signal=signal,
            speaker=self.alert_speaker,
            score=score,
            trend=trend,
            reason=f"{signal} {_why(basis, state.above)}: {evidence} (trend {two_places(trend)})",
            basis=basis,
            run=state.above,
            phrase_floor=floor,
            utterance_ids=tuple(m.utterance_id for m in cited),
            cues=cues,
            confidence=min((c.confidence for c in cues), default=1.0),
        )

    def _cited(self, signal: str, recent: list[_Moment]) -> list[_Moment]:
        """The utterances behind the alert: the current one and the run of raised ones before it."""
        floor = self._threshold(signal, "early_warning")
        cited = [recent[-1]]
        for moment in reversed(recent[:-1]):
            if getattr(moment.scores, signal) < floor:
                break
            cited.insert(0, moment)
        return cited


# The English words of a basis; the sidebar words it in the agent's language from `basis` and `run`.
BASIS_WORDS = {
    "after_escalate": "still escalated after the escalate alert",
    "request": "escalation request",
    "sustained": "high for {run} utterances",
    "raised": "up for {run} utterances",
    "rising": "rising",
    "very_high": "very high",
}


def _why(basis: str, run: int) -> str:
    return BASIS_WORDS[basis].format(run=run)


def _top_cues(signal: str, moments: list[_Moment], limit: int = 4) -> tuple[Cue, ...]:
    # Phrases lead (what the caller said is what the agent can answer), newest first, then the
    # strongest emotion and voice cues.
    unique: dict[tuple[str, str], Cue] = {}
    for moment in reversed(moments):
        for cue in moment.scores.cues:
            if cue.signal == signal:
                unique.setdefault((cue.kind, cue.evidence), cue)
    phrases = [c for c in unique.values() if c.kind == "phrase"]
    others = sorted((c for c in unique.values() if c.kind != "phrase"), key=lambda c: -c.weight)
    return cues_from([*phrases, *others][:limit])


def _topic(cue: Cue) -> str:
    return cue.evidence.partition(": ")[0].lower()


def _describe(cue: Cue, floor: float = 0.0) -> str:
    """A cue for a reason line: phrases quoted with their topic, "'third time' (repeated contact)".

    A phrase heard below the confidence floor says so: the agent should know the words
    behind the alert may not be what the caller said.
    """
    if cue.kind != "phrase":
        return cue.evidence
    unclear = f"; unclear audio, p {two_places(cue.confidence)}" if cue.confidence < floor else ""
    topic, sep, words = cue.evidence.partition(": ")
    if sep and words[:1] in ("'", '"'):
        return f"{words} ({topic}{unclear})"
    quoted = cue.evidence if cue.evidence[:1] in ("'", '"') else f"'{cue.evidence}'"
    return f"{quoted} (unclear audio, p {two_places(cue.confidence)})" if unclear else quoted
