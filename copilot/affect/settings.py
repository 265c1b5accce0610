"""Settings of the affect stage: `[affect]` in copilot.toml.

Kept apart from the models and the call tracker so `copilot.config` can read them
without loading numpy-heavy stage code. Each field's comment is its entry in
docs/configuration.md (`copilot config-reference`).
"""

from __future__ import annotations

from dataclasses import dataclass

from copilot.affect.types import PHRASE_CONFIDENCE_FLOOR


@dataclass(frozen=True)
class AffectConfig:
    """Thresholds of the affect stage and its alerts. Scores and trends are 0..1."""

    # Weight of the newest utterance in a signal's trend (an exponential moving average).
    ema_alpha: float = 0.5
    # "Rising" compares the frustration trend with its value this many utterances ago.
    rise_utterances: int = 2
    rise_min: float = 0.1  # how much the trend must have grown in that time to count as rising
    early_threshold: float = 0.35  # frustration trend that warns early, when rising
    escalate_threshold: float = 0.55  # frustration trend that escalates, when sustained
    # Customer utterances in a row a trend must stay at its threshold: frustration to
    # escalate, doubt and load to warn.
    sustain_utterances: int = 2
    # Customer utterances after an escalation from which frustration still sustained (or
    # another escalation request) raises a take_over alert.
    take_over_after: int = 1
    # Doubt trend that warns when it stays up for sustain_utterances: a doubtful moment or
    # two is a normal part of a call and the sidebar shows it anyway.
    doubt_threshold: float = 0.5
    load_threshold: float = 0.5  # cognitive-load trend that warns when it stays up as long
    load_take_over: float = 0.8  # cognitive-load trend that raises a take_over alert
    # How far a trend must fall below a threshold before that alert may fire again.
    hysteresis: float = 0.1
    # An alert of the same level and signal waits at least this many customer utterances
    # and cooldown_s seconds after the last one, so a hovering caller does not flash the sidebar.
    cooldown_utterances: int = 3
    cooldown_s: float = 30.0  # seconds of call time between two alerts of one level and signal
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
    # Mean word probability at or below which an utterance's text scores do not count (they
    # are pulled to text_prior); espeak Dutch misheard by the base model sits around 0.5.
    asr_trust_low: float = 0.45
    # Mean word probability from which text scores count fully (clean English: about 0.85).
    asr_trust_high: float = 0.75
    text_prior: float = 0.1  # where an untrusted transcript's scores are pulled to
    # Lowest word probability at which a phrase counts fully and may escalate on its own;
    # below it only a voice cue or the same request again later corroborates it.
    phrase_confidence_floor: float = PHRASE_CONFIDENCE_FLOOR
    # Log-odds of frustration added per standard deviation of mean voice arousal (loudness,
    # speaking rate, pitch against the speaker's baseline). Fusion works in log-odds: a 0.9
    # from the words cannot be pushed past 1 by a loud voice, a borderline 0.4 moves the most.
    voice_weight: float = 0.8
    # A voice feature this many standard deviations above the baseline is named as a cue.
    voice_cue_z: float = 1.5
    z_clip: float = 3.0  # voice z-scores are clipped to ± this many standard deviations
    overlap_cue_s: float = 1.0  # seconds of talking over the other side that make a cue
    overlap_weight: float = 0.3  # log-odds of frustration that such an overlap adds
    # Learning from alerts: an alert the agent dismisses ("Niet relevant") lowers the weight
    # of the phrase cues behind it for the call's team or queue and language, one the agent
    # acknowledges restores it (kept with `[assist] feedback_db`). false: alerts are judged
    # on the phrases' own weights and answers to alerts are not learned from.
    alert_learning: bool = True
    # How much of its weight a phrase cue loses for each call whose alert citing it was
    # dismissed (and regains per acknowledged one), as a share of its own weight.
    dismissal_step: float = 0.125
    # The least a dismissed phrase cue keeps of its weight (a clear request for a manager
    # always keeps all of it).
    cue_weight_floor: float = 0.5
    # A request phrase (manager, cancel) escalates at once only while it keeps at least this
    # share of its weight: with the default step, after two dismissals it no longer does.
    learned_request_min: float = 0.8
    # Days after which a dismissal or acknowledgement counts half as much (0: never fades),
    # so an alert a team once found useless can come back.
    learning_half_life_days: float = 90.0

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
        if not 0 < self.cue_weight_floor <= 1 or not 0 <= self.dismissal_step <= 1:
            raise ValueError("affect cue_weight_floor must be in (0, 1], dismissal_step in [0, 1]")
        if not 0 <= self.learned_request_min <= 1 or self.learning_half_life_days < 0:
            raise ValueError(
                "affect learned_request_min must be in [0, 1], learning_half_life_days >= 0"
            )
