"""The words themselves: character n-gram naive Bayes, the intent model's lexical view.

The sentence encoder hears what a sentence is about; this view sees which words it
uses. Each word, lower-cased, without accents and with its digits as 0, is cut into
its character 3- to 5-grams with a space at either end ("bezorgadres" and "bezorgen"
share " bez", "bezo", ...), so spelling variants, Flemish forms and compounds that
the encoder's vocabulary splits oddly still count. A sentence's n-gram counts are
damped (1 + log count) and scaled to length 1, so a long sentence weighs as much
as a short one. Naive Bayes keeps per-intent sums of those values: adding an example
(a seed or an agent's correction) is one pass over its n-grams, with nothing to
refit. Settings were chosen by cross-validation on the seeds (copilot.assist.evaluation).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter

import numpy as np

NGRAM_SIZES = (3, 4, 5)
SMOOTHING = 0.1  # added to every n-gram count; 0.03 cross-validates alike, 0.3 and 1.0 worse
_NOT_A_WORD = re.compile(r"[^a-z0-9]+")


def normalise(text: str) -> str:
    """Lower case, no accents, every digit 0, words separated by single spaces."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"\d", "0", text)
    return _NOT_A_WORD.sub(" ", text).strip()


def char_ngrams(text: str) -> dict[str, float]:
    """Damped counts of each word's character n-grams, as a vector of length 1."""
    counts: Counter[str] = Counter()
    for word in normalise(text).split():
        padded = f" {word} "
        for n in NGRAM_SIZES:
            counts.update(padded[i : i + n] for i in range(len(padded) - n + 1))
    values = {gram: 1.0 + math.log(c) for gram, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
    return {gram: v / norm for gram, v in values.items()}


class NgramNaiveBayes:
    """Multinomial naive Bayes over `char_ngrams`, one class per intent index."""

    def __init__(self, n_classes: int) -> None:
        self.n_classes = n_classes
        self._index: dict[str, int] = {}
        self._counts = np.zeros((1024, n_classes), dtype=np.float64)
        self._totals = np.zeros(n_classes, dtype=np.float64)

    def add(self, texts: list[str], labels: list[int], weight: float = 1.0) -> None:
        """Labelled texts (label: intent index) into the per-class n-gram sums; nothing to refit."""
        for text, label in zip(texts, labels, strict=True):
            grams = char_ngrams(text)
            rows = [self._row(gram) for gram in grams]
            values = weight * np.fromiter(grams.values(), dtype=np.float64, count=len(grams))
            self._counts[rows, label] += values
            self._totals[label] += values.sum()

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """Per text, the posterior over the classes (uniform prior); 0 for classes without examples."""
        out = np.zeros((len(texts), self.n_classes), dtype=np.float32)
        present = self._totals > 0
        if not present.any():
            return out
        denominator = np.log(self._totals + SMOOTHING * len(self._index))
        for i, text in enumerate(texts):
            # N-grams no example has are left out: they say nothing about the intent.
            grams = {g: v for g, v in char_ngrams(text).items() if g in self._index}
            rows = [self._index[g] for g in grams]
            values = np.fromiter(grams.values(), dtype=np.float64, count=len(grams))
            log_likelihood = values @ (np.log(self._counts[rows] + SMOOTHING) - denominator)
            logits = np.where(present, log_likelihood, -np.inf)
            e = np.exp(logits - logits.max())
            out[i] = e / e.sum()
        return out

    def _row(self, gram: str) -> int:
        row = self._index.get(gram)
        if row is None:
            row = self._index[gram] = len(self._index)
            if row == len(self._counts):
                self._counts = np.vstack([self._counts, np.zeros_like(self._counts)])
        return row
