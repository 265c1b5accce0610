"""Which downstream stages every call gets, built from the configuration.

Live serving, `copilot transcribe`, the microphone and QA replay all ask this one
factory, so a call's event stream is the same whichever shell runs it. Shared
models (the text emotion model) are loaded once here and handed to each call's
stage objects; the per-call state lives in the stages themselves.
"""

from __future__ import annotations

import logging
from typing import Any

from .config import Config, ConfigError
from .pipeline import Stage

log = logging.getLogger(__name__)

KNOWN_STAGES = ("affect", "assist", "voicebot")


class StageFactory:
    def __init__(self, config: Config) -> None:
        unknown = [name for name in config.stages if name not in KNOWN_STAGES]
        if unknown:
            raise ConfigError(
                f"unknown stage(s) {', '.join(unknown)}; known: {', '.join(KNOWN_STAGES)}"
            )
        _check_voicebot_order(tuple(config.stages))
        self.config = config
        self._scorer: Any = None
        self._synthesizer: Any = None
        self._assist: Any = None
        self._learner: Any = None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.config.stages)

    def preload(self) -> None:
        """Load the shared models now, so the first call does not wait for them."""
        if "affect" in self.names:
            self._text_scorer().model.predict(["hello"])
        if "assist" in self.names:
            self.assist_learner()  # builds the assist models and replays stored feedback
            self._assist.intents.classify("hello")  # fits the intent head now, not mid-call

    def for_call(self, call_id: str, metadata: dict[str, Any] | None = None) -> tuple[Stage, ...]:
        stages: list[Stage] = []
        if "affect" in self.names:
            from .affect_stage import AffectStage

            stages.append(AffectStage(self._text_scorer(), self.config.affect))
        if "assist" in self.names:
            from .assist.stage import AssistStage

            self.assist_learner()
            stages.append(AssistStage(self._assist, self.config.language))
        if "voicebot" in self.names:
            from .voicebot import VoicebotStage

            speaker = self.synthesizer()
            stages.append(
                VoicebotStage(self.config.voicebot, self.config.language, speaker.duration)
            )
        return tuple(stages)

    def assist_learner(self):
        """The process's `FeedbackLearner` over the shared assist models (built on first use).

        The server records agents' feedback through it; learning changes the models every
        later call's `AssistStage` uses.
        """
        if self._learner is None:
            from .assist.learning import FeedbackLearner
            from .assist.models import load_assist_models
            from .emotion_model import load_sentence_encoder

            # The stock USE m3: one copy of its ~70 MB of tables per process.
            self._assist = load_assist_models(self.config.assist, load_sentence_encoder())
            self._learner = FeedbackLearner(self._assist, self.config.assist.feedback_db or None)
            self._learner.replay()
        return self._learner

    def synthesizer(self):
        """The process's `SpeechSynthesizer` (its prompt cache is shared by every call)."""
        if self._synthesizer is None:
            from .tts import SpeechSynthesizer

            self._synthesizer = SpeechSynthesizer.from_config(self.config.voicebot)
        return self._synthesizer

    def _text_scorer(self):
        if self._scorer is None:
            from .affect_text import TextAffectScorer

            self._scorer = TextAffectScorer()
        return self._scorer


def _check_voicebot_order(names: tuple[str, ...]) -> None:
    """The bot judges a turn on that turn's affect and assist events, so it must see them first."""
    if "voicebot" not in names:
        return
    before = [n for n in ("affect", "assist") if n in names]
    if "assist" not in names or names.index("voicebot") < max(map(names.index, before)):
        raise ConfigError("stage 'voicebot' needs 'assist' and must come after affect and assist")
