"""The affect stage: each final transcript scored for emotion, fused with the voice, tracked.

On `transcript.final` the text scorer (shared by all calls) rates the words, which
count for as much as whisper was sure of them; the utterance's audio gives voice
features against this speaker's baseline, and the voice nudges the text scores:
the same words said louder, faster and higher are more likely frustrated. The
fused scores go out as an `Affect` event and into the call's `CallTracker`, which
may add `Alert` events. Before any of that, the phrases agents of the call's team have
dismissed alerts about count for less (cue_weights.py); the alerts say which team and
language they were weighed for, so an answer to one is learned for the same.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from typing import Any, Protocol

import numpy as np

from copilot.affect.cue_weights import reweigh
from copilot.affect.prosody import VoiceFeatureExtractor
from copilot.affect.settings import AffectConfig
from copilot.affect.text import phrase_strength
from copilot.affect.trend import CallTracker
from copilot.affect.types import TextAffect, VoiceFeatures
from copilot.asr.jobs import TranscriptionJob
from copilot.audio.format import LEGS
from copilot.events.affect import SIGNALS, Affect, Cue
from copilot.events.assist import Suggestion
from copilot.events.core import CallStarted, Event, TranscriptFinal, Word
from copilot.events.voicebot import Handoff

TOP_EMOTIONS = 5
# The voice features whose rise reads as arousal; pitch variability and pauses are too
# speaker-specific on one utterance to push a score.
AROUSAL_FEATURES = ("loudness", "rate", "pitch")
# Their names in a cue's evidence, a line for logs; readers word a cue's `feature`.
FEATURE_NAMES = {"loudness": "loudness", "rate": "speaking rate", "pitch": "pitch"}
REFERENCE_NAMES = {"baseline": "this caller's baseline", "typical": "a typical voice"}
# `call.started` metadata that names the queue (or team) a call came in on, first found wins:
# a Twilio <Parameter name="queue">, an embedder's start message.
TEAM_METADATA = ("queue", "team")
MAX_TEAM_CHARS = 100


class TextScorer(Protocol):
    """What the stage needs of its text scorer (`TextAffectScorer`, shared by all calls)."""

    def score(
        self, texts: list[str], language: str | None, words: list | None = None
    ) -> list[TextAffect]:
        """One TextAffect per text; `words`, where given, are whisper's timed words of each."""
        ...


class CueWeightSource(Protocol):
    """What the stage asks of what agents taught it (`AlertLearner`, shared by all calls)."""

    def multipliers(self, team: str, language: str) -> Mapping[str, float]:
        """Phrase code -> multiplier (below 1) of the cues weakened for this team and language."""
        ...


class CallTeam:
    """The team or queue a call's alerts are weighed for, as the call's own events tell it.

    The queue the call came in on (`call.started` metadata `queue` or `team`), else the
    queue the voicebot handed it to, else the team the assist stage routes the contact to
    (its intent card's `team`, from the line after the one that set it); "" while none is known.
    """

    def __init__(self) -> None:
        self.queue = ""
        self.handed_to = ""
        self.routed = ""

    def note(self, event: Event) -> None:
        """Take whatever this event says about where the call belongs."""
        if isinstance(event, CallStarted):
            named = (event.metadata.get(key) for key in TEAM_METADATA)
            self.queue = next((v.strip() for v in named if isinstance(v, str) and v.strip()), "")
        elif isinstance(event, Handoff) and event.queue:
            self.handed_to = event.queue
        elif isinstance(event, Suggestion) and event.kind == "intent" and event.team:
            self.routed = event.team

    @property
    def name(self) -> str:
        """The call's team or queue now ("" when none is known)."""
        return (self.queue or self.handed_to or self.routed)[:MAX_TEAM_CHARS]


def fuse(
    text: TextAffect,
    voice: VoiceFeatures | None,
    config: AffectConfig,
    has_baseline: bool = True,
) -> TextAffect:
    """Text frustration nudged by the voice in log-odds; every nudge is recorded as a voice cue."""
    if voice is None:
        return text
    clip = config.z_clip
    z = {k: float(np.clip(voice.z.get(k, 0.0), -clip, clip)) for k in AROUSAL_FEATURES}
    arousal = max(0.0, sum(z.values()) / len(z))  # a calmer voice than usual is no evidence
    reference = "baseline" if has_baseline else "typical"
    cues = [
        _voice_cue(k, v, reference, config.voice_weight * v / len(z))
        for k, v in z.items()
        if v >= config.voice_cue_z
    ]
    shift = config.voice_weight * arousal
    if voice.overlap_s >= config.overlap_cue_s:
        # Talking over the other side is a classic sign of impatience.
        shift += config.overlap_weight
        cues.append(_overlap_cue(voice.overlap_s, config.overlap_weight))
    if shift == 0:
        return dataclasses.replace(text, cues=(*text.cues, *cues))
    frustration = _sigmoid(logit(text.frustration) + shift)
    return dataclasses.replace(text, frustration=frustration, cues=(*text.cues, *cues))


def _voice_cue(feature: str, z: float, reference: str, weight: float) -> Cue:
    evidence = f"{FEATURE_NAMES[feature]} {z:+.1f} sd above {REFERENCE_NAMES[reference]}"
    return Cue("frustration", "voice", evidence, weight, feature=feature, z=z, reference=reference)


def _overlap_cue(seconds: float, weight: float) -> Cue:
    evidence = f"talked over the other side for {seconds:.1f} s"  # for logs only
    return Cue("frustration", "voice", evidence, weight, feature="overlap", seconds=seconds)


def transcript_trust(words: tuple[Word, ...], config: AffectConfig) -> float:
    """How far the words can be believed, 0..1, from whisper's mean word probability."""
    if not words:
        return 1.0
    mean = sum(w.probability for w in words) / len(words)
    span = config.asr_trust_high - config.asr_trust_low
    return float(np.clip((mean - config.asr_trust_low) / span, 0.0, 1.0))


def discount(text: TextAffect, trust: float, config: AffectConfig) -> TextAffect:
    """Scores of a shaky transcript pulled toward the prior in log-odds, except clearly heard phrases.

    Misheard words still get emotions from the text model ("Dan wil ik nu rijden met m'n
    destoeken" reads as annoyed); they should count for as much as the transcript is worth.
    """
    if trust >= 1.0:
        return text
    prior = logit(config.text_prior)

    def pull(p: float) -> float:
        return p if p <= config.text_prior else _sigmoid(prior + trust * (logit(p) - prior))

    def heard_phrases(signal: str) -> float:
        # A phrase whose own words whisper heard at or above the floor counts fully, however
        # shaky the rest of the utterance: "onacceptabel" at p 0.57 amid misheard words.
        floor = config.phrase_confidence_floor
        return phrase_strength(
            [
                c
                for c in text.cues
                if c.kind == "phrase" and c.signal == signal and c.confidence >= floor
            ]
        )

    # Any: replace() checks each field's own type, and these keys are the float signals
    pulled: dict[str, Any] = {s: max(pull(getattr(text, s)), heard_phrases(s)) for s in SIGNALS}
    return dataclasses.replace(text, **pulled)


def logit(p: float) -> float:
    """Log-odds of `p`, clamped to [1e-4, 1 - 1e-4] so a certain score stays finite."""
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def top_emotions(emotions: dict[str, float], k: int = TOP_EMOTIONS) -> dict[str, float]:
    """The `k` likeliest emotions, rounded to 3 places, as the Affect event carries them."""
    ranked = sorted(emotions.items(), key=lambda item: -item[1])[:k]
    return {label: round(float(p), 3) for label, p in ranked}


class AffectStage:
    """One call's affect: a pipeline Stage. The scorer is shared; everything else is per call."""

    def __init__(
        self,
        scorer: TextScorer,
        config: AffectConfig | None = None,
        cue_weights: CueWeightSource | None = None,
    ) -> None:
        self.scorer = scorer
        self.config = config or AffectConfig()
        self.cue_weights = cue_weights  # None: every phrase at its own weight
        self.team = CallTeam()
        self.voice = VoiceFeatureExtractor()
        self.tracker = CallTracker(self.config)
        # The latest final audio per leg: a leg's finals come in order, and one whose text came
        # back empty is simply replaced by the next.
        self._audio: dict[str, TranscriptionJob] = {}

    def on_utterance_audio(self, job: TranscriptionJob) -> None:
        """Pipeline hook: a final utterance's audio, just before its transcript event."""
        self._audio[job.leg] = job
        self.voice.note_utterance(job.leg, job.start, job.end)

    def feed(self, event: Event) -> list[Event]:
        """Stage.feed: a final transcript -> its Affect event and any Alert the tracker raises.

        Only the call's legs are people to read: a chat bot's own lines (speaker `bot`) are not.
        """
        self.team.note(event)
        if not isinstance(event, TranscriptFinal) or event.speaker not in LEGS:
            return []
        text = self.scorer.score([event.text], event.language or None, [event.words])[0]
        language = text.language or event.language
        text = reweigh(text, self._learned(language))
        trust = transcript_trust(event.words, self.config)
        voice, has_baseline = self._voice_for(event)
        fused = fuse(discount(text, trust, self.config), voice, self.config, has_baseline)
        out: list[Event] = [self._affect_event(event, text, fused, voice, trust)]
        alerts = self.tracker.observe(event.speaker, event.utterance_id, event.end, fused)
        team = self.team.name
        out.extend(dataclasses.replace(a, team=team, language=language) for a in alerts)
        return out

    def _learned(self, language: str) -> Mapping[str, float]:
        if self.cue_weights is None:
            return {}
        return self.cue_weights.multipliers(self.team.name, language)

    def flush(self) -> list[Event]:
        """Stage.flush: nothing is held back; each final's affect went out as it came."""
        return []

    def _voice_for(self, event: TranscriptFinal) -> tuple[VoiceFeatures | None, bool]:
        job = self._audio.get(event.speaker)
        if job is None or job.utterance_id != event.utterance_id:
            return None, False  # no audio hook (e.g. text-only replay): text alone
        del self._audio[event.speaker]
        has_baseline = self.voice.baseline_size(event.speaker) > 0
        words = len(event.words) or len(event.text.split())
        features = self.voice.features(event.speaker, job.audio, job.start, job.end, words)
        return features, has_baseline

    def _affect_event(
        self,
        event: TranscriptFinal,
        text: TextAffect,
        fused: TextAffect,
        voice: VoiceFeatures | None,
        trust: float,
    ) -> Affect:
        return Affect(
            "",
            0,
            event.t,
            speaker=event.speaker,
            utterance_id=event.utterance_id,
            emotions=top_emotions(fused.emotions),
            frustration=round(fused.frustration, 3),
            doubt=round(fused.doubt, 3),
            load=round(fused.load, 3),
            cues=fused.cues,
            voice=dataclasses.asdict(voice) if voice is not None else {},
            text_scores={s: round(float(getattr(text, s)), 3) for s in SIGNALS},
            transcript_trust=round(trust, 3),
            phrase_floor=self.config.phrase_confidence_floor,
            trust_high=self.config.asr_trust_high,
        )
