"""The one wiring module: the shared models and per-call settings every shell builds calls from.

`copilot serve`, `copilot transcribe`, the microphone, the demo, QA replay and the
benchmarks all ask here for the transcription service, the pipeline settings and
the stage factory, so a call's event stream is the same whichever shell runs it.
Shared models (whisper, the text emotion model, the assist models) are loaded once
per process; the per-call state lives in each call's pipeline and stages.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from copilot.asr.service import TranscriberPool, TranscriptionService
from copilot.asr.transcriber import DecodingOptions
from copilot.config import Config, ConfigError
from copilot.encoders.blas_threads import limit_blas_threads
from copilot.pipeline.call import PipelineConfig
from copilot.pipeline.mono_split import LegMaker
from copilot.pipeline.stage_chain import Stage

log = logging.getLogger(__name__)

KNOWN_STAGES = ("affect", "assist", "voicebot")


def whisper_vocabulary(config: Config) -> dict[str, str]:
    """Whisper's prompt per language: `vocabulary_en` / `vocabulary_nl` when set ("off": none),
    else the domain's own (its vocabulary.yaml `whisper_prompt`)."""
    from copilot.assist.domain import whisper_prompts
    from copilot.assist.settings import resolve_path

    domain = whisper_prompts(resolve_path(config.assist.domain))
    chosen = {"en": config.vocabulary_en, "nl": config.vocabulary_nl}
    return {
        language: "" if value.strip() == "off" else value or domain.get(language, "")
        for language, value in chosen.items()
    }


def decoding_options(config: Config) -> DecodingOptions:
    """The deployment's decoding settings for every model it loads."""
    vocabulary = whisper_vocabulary(config)
    checks = config.decoding
    return DecodingOptions(
        beam_size=config.beam_size,
        vocabulary=vocabulary,
        no_speech_threshold=checks.no_speech_threshold,
        logprob_threshold=checks.logprob_threshold,
        compression_ratio_threshold=checks.compression_ratio_threshold,
        temperature_fallback=checks.temperature_fallback,
        candidate_languages=config.language_detection.candidates,
    )


def transcriber_pool(config: Config, workers: int | None = None, nice: int | None = None):
    """Whisper models as configured; live serving runs one worker per core below the loop."""
    return TranscriberPool(
        model=config.model or None,
        cpu_threads=config.cpu_threads,
        options=decoding_options(config),
        workers=config.whisper_worker_count() if workers is None else workers,
        nice=config.whisper_nice if nice is None else nice,
        models={language: config.model_for(language) for language in ("en", "nl", "auto")},
        device=config.models.device,
        compute_type=config.models.compute_type,
    )


def build_service(config: Config) -> TranscriptionService:
    """The live transcription service: whisper workers shared by every call of the process."""
    limit_blas_threads(config.cpu_threads)  # numpy beside whisper, not against it
    return TranscriptionService(transcriber_pool(config), max_batch=config.max_batch)


def pipeline_config(
    config: Config, live: bool = True, language: str | None = None
) -> PipelineConfig:
    """Partials and early would-be finals only pay off when someone waits on a live call."""
    return PipelineConfig(
        language=language or config.language,
        segmenter=config.segmenter,
        partials=config.partials and live,
        speculative_finals=live,
        language_decision=config.language_detection,
    )


@dataclass
class Runtime:
    """What a live process shares across its calls: whisper and the stages' models, loaded."""

    config: Config
    service: TranscriptionService
    stages: StageFactory


def load_runtime(config: Config) -> Runtime:
    """Build and preload the transcription service and the stages, so no call waits on a load."""
    service = build_service(config)
    service.preload(config.language)
    stages = StageFactory(config)
    stages.preload()
    return Runtime(config, service, stages)


class StageFactory:
    """Which downstream stages every call gets (affect, assist, voicebot or the chat bot).

    One per process: `preload` loads the shared models once, `for_call` gives each
    call fresh stage objects over them.
    """

    def __init__(self, config: Config) -> None:
        unknown = [name for name in config.stages if name not in KNOWN_STAGES]
        if unknown:
            raise ConfigError(
                f"unknown stage(s) {', '.join(unknown)}; known: {', '.join(KNOWN_STAGES)}"
            )
        _check_voicebot_order(tuple(config.stages))
        if config.chat.bot and "assist" not in config.stages:
            raise ConfigError("[chat] bot needs stage 'assist': the bot answers from its articles")
        self.config = config
        self._domain: Any = None
        self._scorer: Any = None
        self._synthesizer: Any = None
        self._assist: Any = None
        self._learner: Any = None
        self._alert_learner: Any = None

    @property
    def names(self) -> tuple[str, ...]:
        """The configured stages, in the order each call runs them."""
        return tuple(self.config.stages)

    def preload(self) -> None:
        """Load the shared models now, so the first call does not wait for them."""
        if "affect" in self.names:
            self._text_scorer().model.predict(["hello"])
        if "assist" in self.names:
            self.assist_learner()  # builds the assist models and replays stored feedback
            self._assist.intents.classify("hello")  # fits the intent head now, not mid-call

    def for_call(
        self, call_id: str, metadata: dict[str, Any] | None = None, chat: bool = False
    ) -> tuple[Stage, ...]:
        """Fresh stage objects for one call over the shared models, in configured order.

        A `chat` conversation (text turns, no audio) gets the chat bot instead of the
        voicebot when `[chat] bot` is on; it then is the chat's front door, not assist.
        """
        chat_bot = chat and self.config.chat.bot
        stages: list[Stage] = []
        if "affect" in self.names:
            from copilot.affect.stage import AffectStage

            learned = self.alert_learner() if self.config.affect.alert_learning else None
            stages.append(AffectStage(self._text_scorer(), self.config.affect, learned))
        if "assist" in self.names:
            from copilot.assist.stage import AssistStage

            self.assist_learner()
            front_door = not chat_bot
            # A voicebot confirms with the caller itself; agents' cards wait for a second line.
            confirm_heard = "voicebot" not in self.names
            stages.append(
                AssistStage(self._assist, self.config.language, front_door, confirm_heard)
            )
        if chat_bot:
            from copilot.voicebot.chat_bot import ChatBotStage

            config = self.config
            stages.append(ChatBotStage(config.voicebot, config.chat, config.language))
        elif "voicebot" in self.names:
            from copilot.voicebot.stage import VoicebotStage

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
            from copilot.assist.learning import FeedbackLearner
            from copilot.assist.models import load_assist_models
            from copilot.encoders.sentence import load_sentence_encoder

            # The stock USE m3: one copy of its ~70 MB of tables per process.
            encoder = load_sentence_encoder()
            self._assist = load_assist_models(self.config.assist, encoder, self.domain())
            self._learner = FeedbackLearner(self._assist, self.config.assist.feedback_db or None)
            self._learner.replay()
        return self._learner

    def alert_learner(self):
        """The process's `AlertLearner`: the agents' answers to alerts, as cue weights per team.

        Kept in `[assist] feedback_db` beside the assist learner's feedback (the agents'
        feedback file); the server records answers to alerts through it, every later call's
        `AffectStage` asks it what its team's phrases count for.
        """
        if self._alert_learner is None:
            from copilot.affect.alert_learning import AlertLearner
            from copilot.affect.cue_weights import CueWeights
            from copilot.affect.text import clear_request_codes

            protected = clear_request_codes(self.affect_phrases())
            weights = CueWeights.from_config(self.config.affect, protected)
            self._alert_learner = AlertLearner(weights, self.config.assist.feedback_db or None)
        return self._alert_learner

    def affect_phrases(self):
        """The phrases the affect stage scores: copilot's own and the domain's cue words."""
        return self._text_scorer().phrases

    def synthesizer(self):
        """The process's `SpeechSynthesizer` (its prompt cache is shared by every call)."""
        if self._synthesizer is None:
            from copilot.voicebot.tts import SpeechSynthesizer

            self._synthesizer = SpeechSynthesizer.from_config(self.config.voicebot)
        return self._synthesizer

    def domain(self):
        """The configured domain folder, loaded and checked once (ConfigError if unusable)."""
        if self._domain is None:
            from copilot.assist.domain import DomainError
            from copilot.assist.domain_check import load_domain
            from copilot.assist.settings import resolve_path

            try:
                self._domain = load_domain(resolve_path(self.config.assist.domain))
            except DomainError as exc:
                raise ConfigError(f"assist.domain: {exc}") from None
        return self._domain

    def domain_labels(self) -> dict[str, dict[str, str]]:
        """The domain's names of its intents and teams per language, for the pages; none
        without stage assist (nothing then speaks of intents)."""
        return self.domain().catalogue() if "assist" in self.names else {}

    def _text_scorer(self):
        if self._scorer is None:
            from copilot.affect.text import PHRASES, TextAffectScorer, domain_phrases

            # Copilot's own phrases, then the words of this business (vocabulary.yaml).
            phrases = PHRASES + domain_phrases(self.domain().patterns("cues"))
            floor = self.config.affect.phrase_confidence_floor
            self._scorer = TextAffectScorer(phrases=phrases, phrase_floor=floor)
        return self._scorer


def _check_voicebot_order(names: tuple[str, ...]) -> None:
    """The bot judges a turn on that turn's affect and assist events, so it must see them first."""
    if "voicebot" not in names:
        return
    before = [n for n in ("affect", "assist") if n in names]
    if "assist" not in names or names.index("voicebot") < max(map(names.index, before)):
        raise ConfigError("stage 'voicebot' needs 'assist' and must come after affect and assist")


def leg_maker_for(config: Config, stages: StageFactory) -> LegMaker:
    """How this process turns recordings into legs; the domain's company name is a greeting."""
    company = stages.domain().company if "assist" in stages.names else ""
    return LegMaker(config.mono_leg, config.voiceprints, (company,) if company else ())
