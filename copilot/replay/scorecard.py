"""The QA scorecard: did the agent do what the contact centre expects, with the words as proof.

Each item is a set of phrases (regular expressions, per language) that the agent's
utterances are searched for, optionally within a part of the call: the opening
seconds, the closing seconds, or the agent turns right after the customer's
frustration rose (the call's first frustration alert: the moment the agent was
warned). Items and phrases come from a TOML file (the shipped default is
`scorecard.toml` beside this module; `--scorecard PATH` replaces it), so a
deployment scores its own script. An item that cannot apply (no frustration, so no
empathy expected) is "n/a", not a fail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from copilot.config import read_toml

DEFAULT_SCORECARD = Path(__file__).with_name("scorecard.toml")
WHEN = ("anytime", "opening", "closing", "after_frustration")


class ScorecardError(ValueError):
    """The scorecard file cannot be used; the message names the item and the problem."""


@dataclass(frozen=True)
class ScorecardItem:
    """One thing a speaker is expected to say: phrases per language, and when in the call."""

    id: str
    title: str
    when: str
    speaker: str
    patterns: dict[str, tuple[re.Pattern, ...]]  # language -> compiled phrases
    window_s: float = 30.0  # opening / closing: how far from the call's edge
    agent_turns: int = 2  # after_frustration: how many agent turns may pass
    titles: tuple[tuple[str, str], ...] = ()  # (language, title) from `title_<language>`


@dataclass(frozen=True)
class Utterance:
    """A transcript line as the scorecard searches it."""

    speaker: str
    start: float
    end: float
    text: str


def load_scorecard(path: str | Path | None = None) -> list[ScorecardItem]:
    """A scorecard TOML's items (default: the shipped one); a bad file raises ScorecardError."""
    path = Path(path) if path else DEFAULT_SCORECARD
    data = read_toml(path, "scorecard", ScorecardError)
    items = data.get("item")
    if not isinstance(items, list) or not items:
        raise ScorecardError(f"scorecard {path} has no [[item]] tables")
    return [_item(raw, i) for i, raw in enumerate(items)]


def _item(raw: Any, index: int) -> ScorecardItem:
    name = raw.get("id", f"#{index + 1}") if isinstance(raw, dict) else f"#{index + 1}"
    try:
        when = raw.get("when", "anytime")
        if when not in WHEN:
            raise ValueError(f"when must be one of {', '.join(WHEN)}")
        patterns = {
            lang: tuple(re.compile(p, re.IGNORECASE) for p in phrases)
            for lang, phrases in raw["phrases"].items()
        }
        return ScorecardItem(
            id=str(raw["id"]),
            title=str(raw.get("title", raw["id"])),
            when=when,
            speaker=str(raw.get("speaker", "agent")),
            patterns=patterns,
            window_s=float(raw.get("window_s", 30.0)),
            agent_turns=int(raw.get("agent_turns", 2)),
            titles=tuple(
                (key.removeprefix("title_"), str(value))
                for key, value in raw.items()
                if key.startswith("title_")
            ),
        )
    except (KeyError, TypeError, AttributeError, ValueError, re.error) as exc:
        raise ScorecardError(f"scorecard item {name}: {exc}") from None


def score_call(
    items: list[ScorecardItem],
    utterances: list[Utterance],
    frustration_rose_at: float | None,  # the first frustration alert, None if there was none
    language: str,
    duration: float,
) -> list[dict]:
    """One result per item: passed True / False / None (n/a), with the quote that proves it."""
    return [
        _score_item(item, utterances, frustration_rose_at, language, duration) for item in items
    ]


def _score_item(item, utterances, rose_at, language, duration) -> dict:
    candidates = [u for u in utterances if item.speaker in ("any", u.speaker)]
    if item.when == "opening":
        candidates = [u for u in candidates if u.start <= item.window_s]
    elif item.when == "closing":
        candidates = [u for u in candidates if u.end >= duration - item.window_s]
    elif item.when == "after_frustration":
        if rose_at is None:
            return _result(item, None, "the customer's frustration never rose")
        candidates = [u for u in candidates if u.start >= rose_at][: item.agent_turns]
    patterns = item.patterns.get(language) or tuple(p for ps in item.patterns.values() for p in ps)
    for utterance in candidates:
        for pattern in patterns:
            found = pattern.search(utterance.text)
            if found:
                return _result(item, True, f'"{utterance.text}"', utterance.start, found.group(0))
    return _result(item, False, _missing(item))


def _missing(item: ScorecardItem) -> str:
    where = {
        "anytime": "in the call",
        "opening": f"in the first {item.window_s:.0f} s",
        "closing": f"in the last {item.window_s:.0f} s",
        "after_frustration": f"in the {item.agent_turns} agent turns after frustration rose",
    }[item.when]
    who = "anyone" if item.speaker == "any" else f"the {item.speaker}"
    return f"no {item.title.lower()} phrase from {who} {where}"


def _result(item, passed, evidence, t=None, matched=None) -> dict:
    return {
        "id": item.id,
        "title": item.title,
        # What a report in another language needs to word the title and a missing phrase.
        "titles": {"en": item.title, **dict(item.titles)},
        "when": item.when,
        "speaker": item.speaker,
        "window_s": item.window_s,
        "agent_turns": item.agent_turns,
        "passed": passed,
        "evidence": evidence,
        "t": t,
        "matched": matched,
    }


def scorecard_total(results: list[dict]) -> float | None:
    """The share of applicable items passed; None when no item applied."""
    applicable = [r for r in results if r["passed"] is not None]
    if not applicable:
        return None
    return round(sum(bool(r["passed"]) for r in applicable) / len(applicable), 3)
