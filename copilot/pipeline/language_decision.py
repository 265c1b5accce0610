"""A call's language under `language = "auto"`, decided once from its first utterances.

Each final of either leg brings its `LanguageEvidence` (whisper's language token, or
a decode in each candidate language; `copilot.asr.language_id`). The decider weighs
each utterance's probabilities by its length and decides as soon as enough speech
agrees (`[language_detection]` `sure`), else after `max_speech_s` of speech, else at
the end of the call. The decision's confidence is the length-weighted mean probability
of the chosen language; below `unsure_below` it is flagged for the QA reviewer. The
same object decides live (fed as finals come back) and in QA replay (fed first, before
anything is transcribed), so both decide alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from copilot.asr.language_id import LanguageEvidence
from copilot.pipeline.settings import LanguageDecisionConfig


@dataclass(frozen=True)
class LanguageDecision:
    """The call's language, how sure, and what it took: speech, utterances, legs, CPU."""

    language: str
    confidence: float
    unsure: bool
    probabilities: dict[str, float] = field(default_factory=dict)
    decided_at: float = 0.0  # call time (s) the last utterance it used ended
    speech_s: float = 0.0  # seconds of speech it heard
    utterances: int = 0  # utterances it heard (`voted` of them cast a vote)
    voted: int = 0
    decoded: int = 0  # of the votes, how many needed a decode in each candidate language
    legs: tuple[str, ...] = ()
    cpu_s: float = 0.0  # CPU time identification took, all utterances together


class LanguageDecider:
    """Adds up utterances' language evidence until the call's language is decided."""

    def __init__(self, config: LanguageDecisionConfig | None = None) -> None:
        self.config = config or LanguageDecisionConfig()
        self.decision: LanguageDecision | None = None
        self._weighted = dict.fromkeys(self.config.candidates, 0.0)
        self._voted_s = 0.0
        self._speech_s = 0.0
        self._utterances = self._voted = self._decoded = 0
        self._legs: list[str] = []
        self._cpu_s = 0.0
        self._last_end = 0.0

    @property
    def heard(self) -> int:
        """Utterances added so far."""
        return self._utterances

    @property
    def wants_more(self) -> bool:
        """Whether the decision is still open (QA replay stops feeding when it is not)."""
        return self.decision is None

    def add(self, evidence: LanguageEvidence, leg: str, end: float) -> LanguageDecision | None:
        """One utterance's evidence; the decision when this one settles it, else None."""
        if self.decision is not None:
            return None
        self._utterances += 1
        self._speech_s += evidence.seconds
        self._cpu_s += evidence.cpu_s
        self._last_end = max(self._last_end, end)
        if leg not in self._legs:
            self._legs.append(leg)
        if evidence.probabilities:
            self._voted += 1
            self._decoded += evidence.how == "decoded"
            self._voted_s += evidence.seconds
            for language, p in evidence.probabilities:
                if language in self._weighted:
                    self._weighted[language] += p * evidence.seconds
        if self._speech_s >= self.config.max_speech_s or self._sure():
            return self._decide()
        return None

    def finish(self) -> LanguageDecision:
        """The end of the call's audio: decide on what was heard (nothing: the first
        candidate, flagged unsure)."""
        return self.decision or self._decide()

    def _means(self) -> dict[str, float]:
        if self._voted_s <= 0:
            return dict.fromkeys(self._weighted, 0.0)
        return {lang: w / self._voted_s for lang, w in self._weighted.items()}

    def _sure(self) -> bool:
        c = self.config
        if self._voted < c.min_utterances or self._voted_s < c.min_speech_s:
            return False
        return max(self._means().values()) >= c.sure

    def _decide(self) -> LanguageDecision:
        means = self._means()
        # Without a vote, the first candidate (the deployment's first language).
        language = max(means, key=lambda lang: means[lang]) if self._voted else next(iter(means))
        confidence = round(means[language], 3)
        self.decision = LanguageDecision(
            language=language,
            confidence=confidence,
            unsure=confidence < self.config.unsure_below,
            probabilities={lang: round(p, 3) for lang, p in means.items()},
            decided_at=round(self._last_end, 3),
            speech_s=round(self._speech_s, 3),
            utterances=self._utterances,
            voted=self._voted,
            decoded=self._decoded,
            legs=tuple(self._legs),
            cpu_s=round(self._cpu_s, 3),
        )
        return self.decision
