"""Cross-validation of the intent model on its seeds: how its design and weights are chosen.

    python -m copilot.assist.evaluation --cv      # the table in intents.py's docstring

The evaluation sets are never used to choose anything, so a choice between views or
weights is made here, on the training seeds alone: k folds, each seed held out once,
repeated with differently shuffled folds. The folds are stratified by intent and
language, and a seed and its translation are held out together: many English seeds
say what a Dutch seed says, the encoder places the two side by side, and with one in
training the other would be found by its nearest neighbour and flatter the
embedding views. A translation is recognised as the encoder sees it: two seeds of one
intent in two languages, each the other's most similar seed in that language.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import numpy as np

from copilot.assist.intents import IntentModel, ViewWeights, unit_rows
from copilot.encoders.sentence import SentenceEncoder

Example = tuple[str, str, str]  # (text, intent, language)

# The variants the shipped weights were chosen from (head, nearest examples, n-grams).
VARIANTS: dict[str, ViewWeights] = {
    "head alone": ViewWeights(1, 0, 0),
    "nearest examples alone": ViewWeights(0, 1, 0),
    "n-gram naive Bayes alone": ViewWeights(0, 0, 1),
    "head + nearest (before)": ViewWeights(1, 1, 0),
    "head + n-gram NB": ViewWeights(1, 0, 1),
    "head + nearest + n-gram NB": ViewWeights(1, 1, 1),
    "head + nearest/2 + n-gram NB": ViewWeights(1, 0.5, 1),
    "head + nearest + n-gram NB/2": ViewWeights(1, 1, 0.5),
    "head + nearest + n-gram NB x2": ViewWeights(1, 1, 2),
    "head + nearest + n-gram NB x3": ViewWeights(1, 1, 3),
}
# Translations found this way on the first 260 + 260 seeds (written as aligned pairs):
# 240 of 260 are each other's nearest, at cosine 0.54 (5th percentile) to 0.87.
MIN_TRANSLATION_SIMILARITY = 0.5


def translation_groups(examples: Sequence[Example], vectors: np.ndarray) -> list[list[int]]:
    """Indices of seeds that say the same thing in different languages, grouped; others alone."""
    group = list(range(len(examples)))

    def root(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    similarity = vectors @ vectors.T
    languages = sorted({lang for _, _, lang in examples})
    for intent in sorted({e[1] for e in examples}):
        by_language = {
            lang: [i for i, e in enumerate(examples) if e[1] == intent and e[2] == lang]
            for lang in languages
        }
        for a, first in enumerate(languages):
            for second in languages[a + 1 :]:
                left, right = by_language[first], by_language[second]
                if not left or not right:
                    continue
                block = similarity[np.ix_(left, right)]
                for row, j in enumerate(block.argmax(axis=1)):
                    mutual = block[:, j].argmax() == row
                    if mutual and block[row, j] >= MIN_TRANSLATION_SIMILARITY:
                        group[root(right[j])] = root(left[row])
    members: dict[int, list[int]] = {}
    for i in range(len(examples)):
        members.setdefault(root(i), []).append(i)
    return list(members.values())


def cv_folds(examples: Sequence[Example], groups: list[list[int]], k: int, seed: int) -> np.ndarray:
    """A fold number per example: groups dealt round-robin per intent, pairs first, then by language."""
    rng = random.Random(seed)
    fold = np.zeros(len(examples), dtype=np.int64)
    for intent in sorted({e[1] for e in examples}):
        mine = [g for g in groups if examples[g[0]][1] == intent]
        paired = [g for g in mine if len(g) > 1]
        alone: dict[str, list[list[int]]] = {}
        for g in mine:
            if len(g) == 1:
                alone.setdefault(examples[g[0]][2], []).append(g)
        order: list[list[int]] = []
        for part in [paired, *(alone[lang] for lang in sorted(alone))]:
            rng.shuffle(part)
            order += part
        for n, g in enumerate(order):
            fold[g] = (n + seed) % k
    return fold


def cross_validate(
    encoder: SentenceEncoder,
    intents: Sequence[str],
    examples: Sequence[Example],
    variants: dict[str, ViewWeights] = VARIANTS,
    k: int = 5,
    repeats: int = 10,
) -> dict[str, dict[str, float]]:
    """Per variant and language, the accuracy on held-out seeds over all folds and repeats."""
    vectors = unit_rows(encoder.encode([e[0] for e in examples]))
    groups = translation_groups(examples, vectors)
    truth = np.array([list(intents).index(e[1]) for e in examples])
    languages = np.array([e[2] for e in examples])
    hits = {name: np.zeros(len(examples)) for name in variants}
    everything = ViewWeights(1, 1, 1)
    for repeat in range(repeats):
        fold = cv_folds(examples, groups, k, seed=repeat)
        for f in range(k):
            train, test = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
            model = IntentModel(encoder, intents, everything)
            model.add_examples(
                [examples[int(i)][0] for i in train],
                [examples[int(i)][1] for i in train],
                vectors=vectors[train],
            )
            views = model.view_probabilities([examples[int(i)][0] for i in test], vectors[test])
            for name, weights in variants.items():
                guessed = model.combine(views, weights).argmax(axis=1)
                hits[name][test] += guessed == truth[test]
    return {
        name: {
            lang: round(
                float(hit[languages == lang].sum() / (repeats * (languages == lang).sum())), 3
            )
            for lang in sorted(set(languages))
        }
        for name, hit in hits.items()
    }


def cv_table(result: dict[str, dict[str, float]], examples: Sequence[Example]) -> str:
    """Accuracy per variant and language as a text table, seed counts below (`evaluation --cv`)."""
    languages = sorted({e[2] for e in examples})
    counts = " / ".join(str(sum(e[2] == lang for e in examples)) for lang in languages)
    lines = [f"{'variant':34s} " + " ".join(f"{lang:>6s}" for lang in languages)]
    lines += [
        f"{name:34s} " + " ".join(f"{acc[lang]:6.3f}" for lang in languages)
        for name, acc in result.items()
    ]
    return "\n".join([*lines, f"({len(examples)} seeds, {counts} per language)"])
