"""`copilot classify`: text lines in, one JSON line of emotions and call signals out per line.

For agents' tooling and for checking the text model by hand: the same scorer the
affect stage uses, without audio (so no voice fusion and no transcript discount).
Lines are scored in small batches (the encoder is much faster per text in a batch),
but an interactive terminal gets each answer as soon as its line is typed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

from copilot.affect.stage import top_emotions
from copilot.affect.text import TextAffectScorer
from copilot.affect.types import TextAffect
from copilot.events.affect import SIGNALS

BATCH_LINES = 32


def classification(text: str, affect: TextAffect) -> dict:
    """One scored line as printed: top emotions, each call signal, and the cues behind them."""
    return {
        "text": text,
        "language": affect.language,
        "emotions": top_emotions(affect.emotions),
        **{signal: round(float(getattr(affect, signal)), 3) for signal in SIGNALS},
        "cues": [
            {
                "signal": c.signal,
                "kind": c.kind,
                "evidence": c.evidence,
                "weight": round(c.weight, 3),
            }
            for c in affect.cues
        ],
    }


def batches(lines: Iterable[str], size: int) -> Iterator[list[str]]:
    """The non-blank lines, stripped, in lists of up to `size`."""
    batch: list[str] = []
    for line in lines:
        text = line.strip()
        if not text:
            continue  # blank lines separate nothing worth scoring
        batch.append(text)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def classify_stream(
    lines: Iterable[str],
    out: TextIO,
    scorer: TextAffectScorer,
    language: str | None = None,
    batch_size: int = BATCH_LINES,
) -> int:
    """Score every non-blank line; returns how many were written."""
    written = 0
    for texts in batches(lines, batch_size):
        for text, affect in zip(texts, scorer.score(texts, language), strict=True):
            out.write(json.dumps(classification(text, affect), ensure_ascii=False) + "\n")
            written += 1
        out.flush()
    return written


def run_classify(language: str | None) -> int:
    """`copilot classify` on stdin and stdout; a terminal gets each line scored as typed."""
    interactive = sys.stdin.isatty()
    classify_stream(
        sys.stdin,
        sys.stdout,
        TextAffectScorer(),
        None if language in (None, "auto") else language,
        batch_size=1 if interactive else BATCH_LINES,
    )
    return 0
