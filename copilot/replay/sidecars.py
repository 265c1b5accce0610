"""Annotations next to a recording, and how the replay measures itself against them.

`<stem>.txt` beside the recording is its reference transcript (all speakers, in
order): the replay reports WER against the finals in start order. `<stem>.labels.json`
lists what should happen:

    {"alerts": [{"level": "escalate", "from": 42.0, "to": 53.0}],   # call seconds
     "intents": ["parcel_status"]}

An expected alert is found when an alert of that level fires within its window;
every alert that matches no expectation counts against precision. A call labelled
`"alerts": []` expects none. Intents compare as sets. Sums over calls give the
overall figures (micro-averaged), so one long call does not hide the others.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from copilot.asr.wer import normalise, word_errors


class LabelsError(ValueError):
    """A labels file that cannot be read; the replay reports it and goes on."""


@dataclass(frozen=True)
class Sidecars:
    """A recording's annotations: its reference transcript and labels, None where absent."""

    reference: str | None
    labels: dict[str, Any] | None


def read_sidecars(recording: Path) -> Sidecars:
    """The `.txt` and `.labels.json` beside a recording; unreadable labels raise LabelsError."""
    txt = recording.with_suffix(".txt")
    labels_path = recording.with_name(recording.stem + ".labels.json")
    reference = txt.read_text(encoding="utf-8").strip() if txt.is_file() else None
    labels = None
    if labels_path.is_file():
        try:
            labels = json.loads(labels_path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise LabelsError(f"{labels_path}: not valid JSON ({exc})") from None
        if not isinstance(labels, dict):
            raise LabelsError(f"{labels_path}: must be a JSON object")
    return Sidecars(reference, labels)


def transcript_wer(reference: str, hypothesis: str, language: str) -> dict:
    """Word errors against the reference transcript, and WER (None for an empty reference)."""
    errors, words = word_errors(reference, hypothesis, language=language)
    return {"errors": errors, "words": words, "wer": round(errors / words, 4) if words else None}


def alert_matches(expected: list[dict], fired: list[dict]) -> dict:
    """True positives, misses and false alarms of fired alerts against expected windows."""
    used: set[int] = set()
    found = 0
    for want in expected:
        for i, alert in enumerate(fired):
            if i in used or alert["level"] != want.get("level"):
                continue
            if float(want.get("from", 0)) <= alert["t"] <= float(want.get("to", float("inf"))):
                used.add(i)
                found += 1
                break
    return {"expected": len(expected), "fired": len(fired), "matched": found}


def intent_matches(expected: list[str], predicted: list[str]) -> dict:
    """Expected, predicted and matching intents, counted as sets."""
    want, got = set(expected), set(predicted)
    return {"expected": len(want), "fired": len(got), "matched": len(want & got)}


def precision_recall(counts: dict) -> dict:
    """The counts plus precision and recall (None where nothing was fired / expected)."""
    fired, expected, matched = counts["fired"], counts["expected"], counts["matched"]
    return {
        **counts,
        "precision": round(matched / fired, 3) if fired else None,
        "recall": round(matched / expected, 3) if expected else None,
    }


def score_against_sidecars(
    sidecars: Sidecars, hypothesis: str, alerts: list[dict], intents: list[str], language: str
) -> dict:
    """One call's WER and alert / intent precision and recall, for what it is annotated with."""
    out: dict[str, Any] = {}
    if sidecars.reference is not None and normalise(sidecars.reference, language):
        out["wer"] = transcript_wer(sidecars.reference, hypothesis, language)
    labels = sidecars.labels or {}
    if isinstance(labels.get("alerts"), list):
        out["alerts"] = precision_recall(alert_matches(labels["alerts"], alerts))
    if isinstance(labels.get("intents"), list):
        out["intents"] = precision_recall(intent_matches(labels["intents"], intents))
    return out


def overall(per_call: list[dict]) -> dict:
    """Corpus WER and micro-averaged alert / intent precision and recall over scored calls."""
    out: dict[str, Any] = {}
    wers = [s["wer"] for s in per_call if "wer" in s]
    if wers:
        errors, words = sum(w["errors"] for w in wers), sum(w["words"] for w in wers)
        out["wer"] = {
            "calls": len(wers),
            "errors": errors,
            "words": words,
            "wer": round(errors / words, 4) if words else None,
        }
    for key in ("alerts", "intents"):
        rows = [s[key] for s in per_call if key in s]
        if rows:
            summed = {k: sum(r[k] for r in rows) for k in ("expected", "fired", "matched")}
            out[key] = {"calls": len(rows), **precision_recall(summed)}
    return out
