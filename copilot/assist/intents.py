"""What the customer wants: an intent label per utterance, from labelled example sentences.

The model keeps labelled example sentences (seeds from a YAML file, then the
agents' corrections) and averages three views of them (weights 1, 1/2, 1):
- a softmax-regression head over their sentence embeddings (the shared multilingual
  encoder), which generalises from all examples; USE m3 places a Dutch sentence next
  to its English translation, so each language's examples help the other;
- the nearest example of each intent in that space, which lets a single correction
  change the next prediction for sentences like it;
- character n-gram naive Bayes over the words themselves (lexical.py), which catches
  the wording the encoder blurs: Dutch compounds, Flemish forms, "bezorgadres" against
  "bezorgmoment".
Adding an example costs one embedding and one pass over its n-grams; the head alone is
refitted, lazily, at the next prediction (60 gradient steps, ~40 ms on the 893 seeds).
Each example remembers the call it was learned from ("" for a seed), and `snapshot` /
`restore` take the model back to an earlier state, so a call can be forgotten by going
back to the seeds and learning again from the feedback that is left.
A prediction takes under 1 ms after the embedding, the n-gram view ~0.3 ms of it.

Chosen by 5-fold cross-validation on the seeds, ten times over with reshuffled folds,
stratified by intent and language, an English seed held out together with the Dutch seed
it translates (`python -m copilot.assist.evaluation --cv`, crossval.py). Accuracy
English / Dutch on the 893 seeds (352 / 541):
    head alone                             0.914 / 0.856
    nearest examples alone                 0.815 / 0.754
    n-gram naive Bayes alone               0.791 / 0.826
    head + nearest (the model until now)   0.912 / 0.856
    head + n-gram NB                       0.920 / 0.889
    head + nearest + n-gram NB             0.916 / 0.894
    head + nearest/2 + n-gram NB           0.921 / 0.895  <- shipped
    head + nearest + n-gram NB/2           0.921 / 0.881
    head + nearest + n-gram NB x2          0.908 / 0.889
    head + nearest + n-gram NB x3          0.892 / 0.886
Exploratory runs on the same kind of folds (3 repeats, 879 of these seeds, scratch code
not kept): a TF-IDF n-gram softmax regression in place of naive Bayes scored 0.926 / 0.888
(with nearest/2) but has to be refitted after each correction, tens of sparse gradient
steps of several ms each, where naive Bayes only adds counts; n-grams of 2-5, 3-4, 3-6 or
4-5 characters, whole words added, or idf weighting came within 0.01 of plain 3-5;
smoothing 0.03 did as well as 0.1, 0.3 and 1.0 lost 0.02 and 0.03 on Dutch.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from copilot.assist.lexical import NgramNaiveBayes
from copilot.encoders.sentence import SentenceEncoder

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
class ViewWeights:
    """How much each view counts in the averaged probabilities; 0 leaves a view out."""

    head: float = 1.0
    nearest: float = 0.5
    lexical: float = 1.0

    def __post_init__(self) -> None:
        if min(self.head, self.nearest, self.lexical) < 0 or not (
            self.head + self.nearest + self.lexical
        ):
            raise ValueError("intent view weights must be >= 0 and not all 0")


DEFAULT_VIEWS = ViewWeights()


@dataclass(frozen=True)
class IntentSnapshot:
    """An `IntentModel`'s examples and fitted state at one moment (copies, never shared)."""

    vectors: np.ndarray
    labels: np.ndarray
    weights: np.ndarray
    sources: tuple[str, ...]
    head_w: np.ndarray
    head_b: np.ndarray
    fitted_size: int
    lexical: NgramNaiveBayes


@dataclass(frozen=True)
class IntentGuess:
    """The model's verdict on one utterance: the likeliest intent and every intent's score."""

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
    """Head, nearest examples and n-gram naive Bayes; `learn` adds an example at once."""

    def __init__(
        self, encoder: SentenceEncoder, intents: Iterable[str], views: ViewWeights = DEFAULT_VIEWS
    ) -> None:
        self.encoder = encoder
        self.intents = tuple(intents)
        self.views = views
        self._vectors = np.zeros((0, 512), dtype=np.float32)
        self._labels = np.zeros(0, dtype=np.int64)
        self._weights = np.zeros(0, dtype=np.float32)
        self._head_w = np.zeros((512, len(self.intents)), dtype=np.float32)
        self._head_b = np.zeros(len(self.intents), dtype=np.float32)
        self._fitted_size = 0
        self._lexical = NgramNaiveBayes(len(self.intents))
        self._sources: list[str] = []  # per example, the call it was learned from; "" a seed

    @property
    def size(self) -> int:
        """How many examples the model holds, seeds and learned ones together."""
        return len(self._labels)

    def add_examples(
        self,
        texts: list[str],
        intents: list[str],
        weight: float = 1.0,
        vectors: np.ndarray | None = None,
        source: str = "",
    ) -> None:
        """Labelled examples; `vectors` are their unit-length embeddings when already known;
        `source` the call they were learned from."""
        unknown = sorted(set(intents) - set(self.intents))
        if unknown:
            raise ValueError(f"unknown intent(s) {', '.join(unknown)}; known: {self.intents}")
        if not texts:
            return
        labels = [self.intents.index(i) for i in intents]
        vectors = self._embed(texts, vectors)
        self._vectors = np.vstack([self._vectors, vectors])
        self._labels = np.concatenate([self._labels, labels])
        self._weights = np.concatenate([self._weights, np.full(len(texts), weight, np.float32)])
        self._lexical.add(list(texts), labels, weight)
        self._sources.extend([source] * len(texts))

    def learn(self, text: str, intent: str, source: str = "") -> None:
        """An agent's correction (or confirmation): used from the next prediction on."""
        self.add_examples([text], [intent], CORRECTION_WEIGHT, source=source)

    def learned_from(self) -> set[str]:
        """The calls whose examples the model holds."""
        return set(self._sources) - {""}

    def snapshot(self) -> IntentSnapshot:
        """A copy of the examples and fitted state for `restore` (how the seed state is kept)."""
        return IntentSnapshot(
            self._vectors.copy(),
            self._labels.copy(),
            self._weights.copy(),
            tuple(self._sources),
            self._head_w.copy(),
            self._head_b.copy(),
            self._fitted_size,
            copy.deepcopy(self._lexical),
        )

    def restore(self, snapshot: IntentSnapshot) -> None:
        """Back to `snapshot`, which stays as it was (it can be restored again)."""
        self._vectors = snapshot.vectors.copy()
        self._labels = snapshot.labels.copy()
        self._weights = snapshot.weights.copy()
        self._sources = list(snapshot.sources)
        self._head_w = snapshot.head_w.copy()  # the head is fitted in place
        self._head_b = snapshot.head_b.copy()
        self._fitted_size = snapshot.fitted_size
        self._lexical = copy.deepcopy(snapshot.lexical)

    def classify(self, text: str, vector: np.ndarray | None = None) -> IntentGuess:
        """`vector`: the text's unit-length embedding when the caller already has it."""
        return self.classify_many([text], None if vector is None else vector.reshape(1, -1))[0]

    def classify_many(
        self, texts: list[str], vectors: np.ndarray | None = None
    ) -> list[IntentGuess]:
        """A guess per text from the weighted views; `vectors`: unit embeddings when known."""
        views = self.view_probabilities(texts, vectors)
        probabilities = self.combine(views)
        guesses = []
        for row in probabilities:
            best = int(row.argmax())
            scores = {
                intent: round(float(p), 4) for intent, p in zip(self.intents, row, strict=True)
            }
            guesses.append(IntentGuess(self.intents[best], float(row[best]), scores))
        return guesses

    def view_probabilities(
        self, texts: list[str], vectors: np.ndarray | None = None
    ) -> dict[str, np.ndarray]:
        """Each view's probabilities (texts x intents); views weighted 0 are skipped."""
        if not self.size:
            raise ValueError("the intent model has no examples")
        vectors = self._embed(texts, vectors)
        out = {}
        if self.views.head:
            self._fit_head()
            out["head"] = _softmax(HEAD_SCALE * (vectors @ self._head_w) + self._head_b)
        if self.views.nearest:
            out["nearest"] = _softmax(NEAREST_SCALE * self._nearest_similarity(vectors))
        if self.views.lexical:
            out["lexical"] = self._lexical.probabilities(list(texts))
        return out

    def combine(
        self, views: dict[str, np.ndarray], weights: ViewWeights | None = None
    ) -> np.ndarray:
        """The weighted average of the views' probabilities."""
        weights = weights or self.views
        shares = {name: getattr(weights, name) for name in views if getattr(weights, name)}
        total = sum(shares.values())
        return sum(share / total * views[name] for name, share in shares.items())

    def _embed(self, texts: list[str], vectors: np.ndarray | None) -> np.ndarray:
        if vectors is None:
            return unit_rows(self.encoder.encode(list(texts)))
        if len(vectors) != len(texts):
            raise ValueError(f"{len(texts)} texts but {len(vectors)} vectors")
        return np.asarray(vectors, dtype=np.float32)

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
    encoder: SentenceEncoder,
    intents: Iterable[str],
    seeds: str | Path,
    views: ViewWeights = DEFAULT_VIEWS,
) -> IntentModel:
    """The model with the deployment's seed examples, restricted to its configured intents."""
    model = IntentModel(encoder, intents, views)
    examples = [e for e in load_examples(seeds) if e[1] in model.intents]
    model.add_examples([e[0] for e in examples], [e[1] for e in examples])
    return model
