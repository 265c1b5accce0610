"""What the customer wants: an intent label per utterance, from examples in the shared encoder's space.

The model keeps labelled example sentences (seeds from a YAML file, then the
agents' corrections) embedded once with the multilingual sentence encoder, and
averages two views of them: a softmax-regression head over the embeddings, which
generalises from all examples, and the nearest example of each intent, which lets
a single correction change the next prediction for sentences like it. Averaging
the two beat either alone in 4-fold cross-validation on the seeds (0.92 / 0.93
English / Dutch against 0.93 / 0.88 for the head, 0.86 / 0.88 for nearest
examples). USE m3 places a Dutch sentence next to its English translation, so
each language's examples help the other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from ..emotion_model import SentenceEncoder

OTHER = "other"
# Similarities are cosines: a sentence's similarities to the intents differ by a few
# hundredths to a few tenths, so they are scaled before each softmax.
HEAD_SCALE = 10.0
NEAREST_SCALE = 20.0
HEAD_L2 = 1e-3
HEAD_STEPS = 300  # full-batch gradient steps from zero; converged on the seeds
RETRAIN_STEPS = 60  # after a correction, from the current weights
LEARNING_RATE = 0.5
CORRECTION_WEIGHT = 2.0  # an agent's correction counts for two seed examples


@dataclass(frozen=True)
class IntentGuess:
    intent: str
    confidence: float  # the averaged probability of that intent, 0..1
    scores: dict[str, float]  # intent -> averaged probability


def load_examples(path: str | Path) -> list[tuple[str, str, str]]:
    """(text, intent, language) from a YAML file of `intent: {language: [texts]}`."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return [
        (text, intent, language)
        for intent, by_language in data.items()
        for language, texts in (by_language or {}).items()
        for text in texts or ()
    ]


class IntentModel:
    """Head plus nearest examples; `learn` adds an example and refits the head lazily."""

    def __init__(self, encoder: SentenceEncoder, intents: Iterable[str]) -> None:
        self.encoder = encoder
        self.intents = tuple(intents)
        self._vectors = np.zeros((0, 512), dtype=np.float32)
        self._labels = np.zeros(0, dtype=np.int64)
        self._weights = np.zeros(0, dtype=np.float32)
        self._head_w = np.zeros((512, len(self.intents)), dtype=np.float32)
        self._head_b = np.zeros(len(self.intents), dtype=np.float32)
        self._fitted_size = 0

    @property
    def size(self) -> int:
        return len(self._labels)

    def add_examples(self, texts: list[str], intents: list[str], weight: float = 1.0) -> None:
        unknown = sorted(set(intents) - set(self.intents))
        if unknown:
            raise ValueError(f"unknown intent(s) {', '.join(unknown)}; known: {self.intents}")
        if not texts:
            return
        vectors = unit_rows(self.encoder.encode(list(texts)))
        self._vectors = np.vstack([self._vectors, vectors])
        self._labels = np.concatenate([self._labels, [self.intents.index(i) for i in intents]])
        self._weights = np.concatenate([self._weights, np.full(len(texts), weight, np.float32)])

    def learn(self, text: str, intent: str) -> None:
        """An agent's correction (or confirmation): used from the next prediction on."""
        self.add_examples([text], [intent], CORRECTION_WEIGHT)

    def classify(self, text: str) -> IntentGuess:
        return self.classify_vectors(unit_rows(self.encoder.encode([text])))[0]

    def classify_many(self, texts: list[str]) -> list[IntentGuess]:
        return self.classify_vectors(unit_rows(self.encoder.encode(list(texts))))

    def classify_vectors(self, vectors: np.ndarray) -> list[IntentGuess]:
        if not self.size:
            raise ValueError("the intent model has no examples")
        self._fit_head()
        head = _softmax(HEAD_SCALE * (vectors @ self._head_w) + self._head_b)
        nearest = _softmax(NEAREST_SCALE * self._nearest_similarity(vectors))
        probabilities = (head + nearest) / 2
        guesses = []
        for row in probabilities:
            best = int(row.argmax())
            scores = {
                intent: round(float(p), 4) for intent, p in zip(self.intents, row, strict=True)
            }
            guesses.append(IntentGuess(self.intents[best], float(row[best]), scores))
        return guesses

    def _nearest_similarity(self, vectors: np.ndarray) -> np.ndarray:
        """Per intent, the cosine of the most similar example (-1 for intents without any)."""
        similarity = vectors @ self._vectors.T
        out = np.full((len(vectors), len(self.intents)), -1.0, dtype=np.float32)
        for index in np.unique(self._labels):
            out[:, index] = similarity[:, self._labels == index].max(axis=1)
        return out

    def _fit_head(self) -> None:
        if self._fitted_size == self.size:
            return
        steps = RETRAIN_STEPS if self._fitted_size else HEAD_STEPS
        targets = np.eye(len(self.intents), dtype=np.float32)[self._labels]
        weights = (self._weights / self._weights.sum())[:, None]
        x = self._vectors
        for _ in range(steps):
            gradient = weights * (
                _softmax(HEAD_SCALE * (x @ self._head_w) + self._head_b) - targets
            )
            self._head_w -= LEARNING_RATE * (HEAD_SCALE * x.T @ gradient + HEAD_L2 * self._head_w)
            self._head_b -= LEARNING_RATE * gradient.sum(axis=0)
        self._fitted_size = self.size


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def unit_rows(vectors: np.ndarray) -> np.ndarray:
    """Each row scaled to length 1, so dot products are cosines."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-8)).astype(np.float32)


def build_intent_model(
    encoder: SentenceEncoder, intents: Iterable[str], seeds: str | Path
) -> IntentModel:
    """The model with the deployment's seed examples, restricted to its configured intents."""
    model = IntentModel(encoder, intents)
    examples = [e for e in load_examples(seeds) if e[1] in model.intents]
    model.add_examples([e[0] for e in examples], [e[1] for e in examples])
    return model
