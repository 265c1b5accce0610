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

KNOWN_STAGES = ("affect", "assist")


class StageFactory:
    def __init__(self, config: Config) -> None:
        unknown = [name for name in config.stages if name not in KNOWN_STAGES]
        if unknown:
            raise ConfigError(
                f"unknown stage(s) {', '.join(unknown)}; known: {', '.join(KNOWN_STAGES)}"
            )
        self.config = config
        self._scorer: Any = None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.config.stages)

    def preload(self) -> None:
        """Load the shared models now, so the first call does not wait for them."""
        if "affect" in self.names:
            self._text_scorer().model.predict(["hello"])

    def for_call(self, call_id: str, metadata: dict[str, Any] | None = None) -> tuple[Stage, ...]:
        stages: list[Stage] = []
        if "affect" in self.names:
            from .affect_stage import AffectStage

            stages.append(AffectStage(self._text_scorer(), self.config.affect))
        return tuple(stages)

    def _text_scorer(self):
        if self._scorer is None:
            from .affect_text import TextAffectScorer

            self._scorer = TextAffectScorer()
        return self._scorer
