"""How one utterance's language evidence is read from whisper, with a scripted model.

The real model's behaviour is in test_language_id.py (slow); here the rules alone: when
whisper's language token is trusted, and how the forced decodes are compared.
"""

from __future__ import annotations

import numpy as np

from copilot.asr.language_id import (
    RECOGNISED_MASS,
    TRANSLATION_HANDICAP,
    identify_encoded,
)


class ScriptedModel:
    """Whisper's language probabilities and forced-decode scores, as given."""

    multilingual = True

    def __init__(self, probabilities: dict[str, float], scores: dict[str, float]) -> None:
        self.probabilities = probabilities
        self.scores = scores
        self.decoded = 0

    def encode(self, audios: list[np.ndarray]) -> list[np.ndarray]:
        return audios

    def language_probabilities(self, encoded) -> list[dict[str, float]]:
        return [self.probabilities for _ in encoded]

    def forced_decodes(self, encoded, index, seconds, languages):
        self.decoded += 1
        return {lang: (self.scores[lang], f"text in {lang}", False) for lang in languages}


def evidence(probabilities: dict[str, float], scores: dict[str, float]):
    model = ScriptedModel(probabilities, scores)
    (found,) = identify_encoded(model, [np.zeros(16000)], {0: 3.0}, ("nl", "en"))
    return found, model.decoded


def test_a_clear_language_token_decides_without_decoding():
    found, decoded = evidence({"en": 0.95, "nl": 0.01}, {"nl": -1.0, "en": -0.2})
    assert (found.how, found.language, decoded) == ("detected", "en", 0)
    assert found.probability > 0.98


def test_a_token_with_little_mass_on_the_candidates_is_checked_by_decoding():
    """An espeak Dutch turn whisper gave en 0.6 (its other mass on la, lv, nn): decoded in
    both; the decodes, not the token, decide."""
    probabilities = {"en": 0.6, "nl": 0.01, "la": 0.3}
    assert sum(probabilities[c] for c in ("en", "nl")) < RECOGNISED_MASS
    found, decoded = evidence(probabilities, {"nl": -0.9, "en": -0.95})
    assert (found.how, decoded) == ("decoded", 1)
    assert found.language == "nl"


def test_english_decodes_are_handicapped_by_the_translation_margin():
    # Equal scores: English is handicapped, Dutch leads.
    even, _ = evidence({"la": 0.9}, {"nl": -1.0, "en": -1.0})
    assert even.language == "nl" and 0.6 < even.probability < 0.8
    # English just inside the handicap still loses; well past it, English wins clearly.
    inside, _ = evidence({"la": 0.9}, {"nl": -1.0, "en": -1.0 + TRANSLATION_HANDICAP / 2})
    assert inside.language == "nl"
    english, _ = evidence({"la": 0.9}, {"nl": -1.2, "en": -0.5})
    assert english.language == "en" and english.probability > 0.85


def test_only_english_among_the_candidates_is_handicapped():
    model = ScriptedModel({"la": 0.9}, {"nl": -1.0, "de": -1.0})
    (found,) = identify_encoded(model, [np.zeros(16000)], {0: 3.0}, ("nl", "de"))
    assert dict(found.probabilities) == {"nl": 0.5, "de": 0.5}
