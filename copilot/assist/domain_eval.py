"""`copilot domain eval`: how well a domain works before agents see it, computed on its own lines.

The intent model is built from the domain's examples.yaml exactly as a server builds it,
then judged on the held-out lines of eval/intents.yaml (and eval/intents_blind.yaml when
there is one): per language the accuracy, each intent's precision, recall and F1, and the
confusion matrix. The knowledge base is judged on eval/kb_questions.yaml: recall@k, the
share of questions whose article is among the first k found (the stage shows two).

It also warns about intents too close to tell apart, as NLU tools do (`rasa test`):
- their examples' centroids (mean sentence embedding) have a cosine of CLOSE_CENTROIDS or
  more: the two random halves of one intent's examples score 0.86 to 0.97 in the shipped
  domains, their closest pairs of different intents 0.75 (parcel status / address change)
  and 0.80 (energy: contract / cancel contract), each told apart on its held-out lines;
- CLOSE_NEIGHBOURS of the pair's examples or more have their nearest other example in the
  other intent (at most 5.3 % in the shipped domains);
- CLOSE_CONFUSION of the pair's held-out lines or more (and at least two) are taken for
  the other intent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from copilot.assist.domain import EVAL_INTENTS, EVAL_INTENTS_BLIND, EVAL_KB_QUESTIONS, Domain
from copilot.assist.intents import IntentModel, build_intent_model, load_examples, unit_rows
from copilot.assist.knowledge import KnowledgeBase
from copilot.encoders.sentence import SentenceEncoder

CLOSE_CENTROIDS = 0.85
CLOSE_NEIGHBOURS = 0.15
CLOSE_CONFUSION = 0.10
RECALL_AT = (1, 3)
Example = tuple[str, str, str]  # (text, intent, language)


@dataclass(frozen=True)
class CloseIntents:
    """Two intents the model may not tell apart, and the figures that say so."""

    first: str
    second: str
    centroid_cosine: float
    neighbour_share: float  # of their examples, the share whose nearest example is the other's
    confused: int  # held-out lines of one taken for the other
    held_out: int  # held-out lines of the two

    def reasons(self) -> list[str]:
        """Which of the three measures crossed its line, in words."""
        found = []
        if self.centroid_cosine >= CLOSE_CENTROIDS:
            found.append(f"centroid cosine {self.centroid_cosine:.2f} (>= {CLOSE_CENTROIDS})")
        if self.neighbour_share >= CLOSE_NEIGHBOURS:
            found.append(
                f"{self.neighbour_share:.0%} of their examples have their nearest example in the"
                " other intent"
            )
        if _confused_too_often(self.confused, self.held_out):
            found.append(f"{self.confused} of {self.held_out} held-out lines taken for the other")
        return found


def evaluate_domain(
    domain: Domain, encoder: SentenceEncoder, ks: Sequence[int] = RECALL_AT
) -> dict[str, Any]:
    """Every figure of `copilot domain eval` for a checked domain, as JSON-ready data."""
    examples = load_examples(domain.examples_path)
    model = build_intent_model(encoder, domain.intents, domain.examples_path)
    report: dict[str, Any] = {
        "domain": domain.name,
        "languages": list(domain.languages),
        "intents": list(domain.intents),
        "examples": dict(Counter(lang for _, _, lang in examples)),
    }
    pairs: list[tuple[str, str]] = []  # (labelled, predicted) of the held-out lines
    for key, name in (("held_out", EVAL_INTENTS), ("held_out_blind", EVAL_INTENTS_BLIND)):
        path = domain.root / name
        if path.is_file():
            figures, judged = intent_scores(model, load_examples(path), domain.intents)
            report[key] = {"file": name, **figures}
            pairs = pairs or judged
    questions = domain.root / EVAL_KB_QUESTIONS
    if questions.is_file():
        kb = KnowledgeBase(domain.kb_path, encoder)
        report["kb"] = {"file": EVAL_KB_QUESTIONS, **article_recall(kb, questions, ks)}
    close = close_intents(model, pairs)
    report["close_intents"] = [{**c.__dict__, "reasons": c.reasons()} for c in close]
    return report


def intent_scores(
    model: IntentModel, lines: list[Example], intents: Sequence[str]
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Per language: accuracy, macro F1, each intent's precision / recall / F1, confusion;
    and every line's (labelled, predicted) intents."""
    guesses = model.classify_many([text for text, _, _ in lines])
    judged = [(want, guess.intent) for (_, want, _), guess in zip(lines, guesses, strict=True)]
    out: dict[str, Any] = {}
    for language in sorted({lang for _, _, lang in lines}):
        mine = [pair for pair, (_, _, lang) in zip(judged, lines, strict=True) if lang == language]
        out[language] = language_scores(mine, intents)
    return {"languages": out}, judged


def language_scores(pairs: list[tuple[str, str]], intents: Sequence[str]) -> dict[str, Any]:
    """Figures of (labelled, predicted) pairs: the confusion matrix's rows are the labels."""
    counts = Counter(pairs)
    per_intent = {}
    scored: list[float] = []  # the F1 of each intent with labelled lines, for the macro F1
    for intent in intents:
        right = counts[(intent, intent)]
        labelled = sum(n for (want, _), n in counts.items() if want == intent)
        predicted = sum(n for (_, got), n in counts.items() if got == intent)
        precision = right / predicted if predicted else None
        recall = right / labelled if labelled else None
        f1 = (
            2 * precision * recall / (precision + recall)
            if precision and recall
            else (0.0 if labelled or predicted else None)
        )
        if labelled:
            scored.append(f1 or 0.0)
        per_intent[intent] = {
            "precision": _round(precision),
            "recall": _round(recall),
            "f1": _round(f1),
            "lines": labelled,
            "predicted": predicted,
        }
    return {
        "lines": len(pairs),
        "accuracy": _round(sum(w == g for w, g in pairs) / len(pairs)) if pairs else None,
        "macro_f1": _round(sum(scored) / len(scored)) if scored else None,
        "intents": per_intent,
        "confusion": [[counts[(want, got)] for got in intents] for want in intents],
    }


def load_questions(path: Path) -> list[tuple[str, str, str]]:
    """(question, expected article id, language) from a `language: [{q, article}]` file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [(row["q"], row["article"], lang) for lang, rows in data.items() for row in rows]


def article_recall(kb: KnowledgeBase, path: Path, ks: Sequence[int] = RECALL_AT) -> dict[str, Any]:
    """Recall@k per language and overall, and the questions whose article was not first."""
    top = max(ks)
    rows = []
    for question, expected, language in load_questions(path):
        found = [m.article_id for m in kb.search(question, language, k=top)]
        rank = found.index(expected) + 1 if expected in found else None
        rows.append((language, question, expected, found, rank))
    out: dict[str, Any] = {"languages": {}}
    for language in [*sorted({r[0] for r in rows}), "all"]:
        mine = [r for r in rows if language in ("all", r[0])]
        figures: dict[str, Any] = {"questions": len(mine)}
        for k in ks:
            figures[f"recall@{k}"] = _round(
                sum(r[4] is not None and r[4] <= k for r in mine) / len(mine)
            )
        out["languages"][language] = figures
    out["misses"] = [
        {"language": lang, "question": q, "expected": want, "found": found}
        for lang, q, want, found, rank in rows
        if rank != 1
    ]
    return out


def close_intents(model: IntentModel, judged: list[tuple[str, str]]) -> list[CloseIntents]:
    """The pairs of intents that cross any of the three lines, closest first, from the
    model's examples (as embedded when it was built) and `judged`: the held-out lines'
    (labelled, predicted) intents."""
    intents = list(model.intents)
    confusions = Counter(judged)
    held_out = Counter(want for want, _ in judged)
    seeds = model.snapshot()
    vectors, labels = seeds.vectors, seeds.labels
    present = [i for i in range(len(intents)) if (labels == i).any()]
    centroids = unit_rows(np.stack([vectors[labels == i].mean(axis=0) for i in present]))
    cosine = centroids @ centroids.T
    similarity = vectors @ vectors.T
    np.fill_diagonal(similarity, -np.inf)
    nearest = labels[similarity.argmax(axis=1)]
    crossed = Counter(frozenset((a, b)) for a, b in zip(labels, nearest, strict=True) if a != b)
    found = []
    for x, i in enumerate(present):
        for y, j in enumerate(present[x + 1 :], start=x + 1):
            a, b = intents[i], intents[j]
            share = crossed[frozenset((i, j))] / int(((labels == i) | (labels == j)).sum())
            pair = CloseIntents(
                a,
                b,
                round(float(cosine[x, y]), 3),
                round(share, 3),
                confusions[(a, b)] + confusions[(b, a)],
                held_out[a] + held_out[b],
            )
            if pair.reasons():
                found.append(pair)
    return sorted(found, key=lambda p: -p.centroid_cosine)


def _confused_too_often(confused: int, held_out: int) -> bool:
    return confused >= 2 and held_out > 0 and confused / held_out >= CLOSE_CONFUSION


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
