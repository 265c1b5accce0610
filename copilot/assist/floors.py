"""Calibrated floors: how sure an intent or an article must be before an agent sees it.

What is shown must be right (the target is 9 in 10) and that takes a higher bar where
the words are less sure: a phone line (8 kHz) mishears more than a clean recording, and
typed words not at all; Dutch and English differ too. A chat is typed, but its lines are
questions written to a front door, not a call's turns, so it has floors of its own where
the domain has chat questions to calibrate them on (else a typed call's). So the floors
are per language and condition, chosen on labelled development calls heard through
whisper (and chat questions) and kept in a JSON file (`[assist] floors`) that says how it
was made, with the precision/coverage curve each floor was read from (`python -m
bench.assist_floors` writes it).

File layout:
    {"floors": {"en": {"clean": {"intent": 0.6, "article": 0.4, "article_off_topic": 0.5,
                                 "intent_switch": 0.75},
                       "8k": {...}, "text": {...}, "chat": {...}},
                "nl": {...}},
     "made_by": "...", "rule": "...", "curves": {...}}

The file is `floors.json` in the domain folder (it belongs to the intents and articles it
was calibrated on). A chat it does not name has the floors of typed words; any other
language or condition it does not name, or a domain without one, falls back to
`[assist]`'s own min_intent_confidence, article_min_similarity and
switch_intent_confidence (so does an entry without `intent_switch`, from before it was
calibrated).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from copilot.assist.settings import AssistConfig

FLOORS_FILE = "floors.json"  # in the domain folder, beside what it was calibrated on
CONDITIONS = ("text", "chat", "clean", "8k")
# A condition the floors file may leave out, and the one that stands in for it.
STANDS_IN = {"chat": "text"}
# Conditions whose words were typed, not heard.
TYPED = frozenset({"text", "chat"})
KINDS = ("intent", "article", "article_off_topic", "intent_switch")
# An intent floor the development calls gave too few cards to judge (bench/assist_floors.py):
# no intent shows for that language and condition until it is calibrated on real calls.
NO_EVIDENCE = 1.0
# Platforms that carry a phone line: G.711 at 8 kHz whatever copilot resamples it to.
PHONE_SOURCES = frozenset({"twilio", "audiohook", "audiosocket"})
TEXT_SOURCES = frozenset({"chat"})
NARROWBAND_HZ = 8000


class FloorsError(ValueError):
    """A floors file that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Floors:
    """The bars of one language and condition."""

    intent: float  # an intent's confidence, to become the contact's intent
    article: float  # an article written for the contact's intent: its cosine similarity
    article_off_topic: float  # an article written for something else (or no intent yet)
    # What another intent needs to replace the contact's, a line heard with no earlier line
    # agreeing, a line after an opening request meant for another company
    # (abstention.intent_bar), and a repeated question before "no article covers this";
    # never below `intent`.
    intent_switch: float

    def article_floor(self, on_topic: bool) -> float:
        """The similarity an article needs: lower when its article is written for the intent."""
        return self.article if on_topic else self.article_off_topic


@dataclass(frozen=True)
class FloorTable:
    """Floors per (language, condition), and what applies where the file says nothing."""

    fallback: Floors
    by_case: dict[tuple[str, str], Floors] = field(default_factory=dict)
    source: str = ""  # the file they came from, for messages

    def case_for(self, language: str, condition: str) -> tuple[str, str] | None:
        """The calibrated case that applies to `language` and `condition`: its own, or for a
        chat without one that of typed words; None: the fallback applies."""
        for case in ((language, condition), (language, STANDS_IN.get(condition, condition))):
            if case in self.by_case:
                return case
        return None

    def floors_for(self, language: str, condition: str) -> Floors:
        """The floors of a contact in `language` heard in `condition` (a chat without floors
        of its own: those of typed words)."""
        case = self.case_for(language, condition)
        return self.fallback if case is None else self.by_case[case]


def audio_condition(source: str, metadata: Mapping[str, Any] | None = None) -> str:
    """How a contact's words reach copilot: `text` (typed), `chat` (written to the chat
    front door), `8k` (a phone line) or `clean`.

    Metadata `audio` names it outright; a recording's `rate` (QA replay) at or below 8 kHz
    is a phone line; else the platform decides: chats are chats, telephony platforms
    carry narrowband audio, everything else (a file, a microphone, raw PCM) is clean.
    """
    meta = metadata or {}
    named = str(meta.get("audio") or "")
    if named in CONDITIONS:
        return named
    if source in TEXT_SOURCES:
        return "chat"
    rate = meta.get("rate")
    if isinstance(rate, int | float) and 0 < rate <= NARROWBAND_HZ:
        return "8k"
    return "8k" if source in PHONE_SOURCES else "clean"


def configured_floors(config: AssistConfig) -> Floors:
    """What applies where no calibration says otherwise: `[assist]`'s own bars."""
    article = config.article_min_similarity
    intent = config.min_intent_confidence
    return Floors(intent, article, article, max(config.switch_intent_confidence, intent))


def floors_of_domain(root: Path, config: AssistConfig) -> FloorTable:
    """The domain folder's calibrated floors (its floors.json), over `config`'s own."""
    path = root / FLOORS_FILE
    return load_floors(path if path.is_file() else None, configured_floors(config))


def load_floors(path: Path | None, fallback: Floors) -> FloorTable:
    """The floors of `path` (none: the fallback everywhere); FloorsError names a bad entry."""
    if path is None:
        return FloorTable(fallback)
    return floor_table(read_floors_file(path), fallback, str(path))


def read_floors_file(path: Path) -> Any:
    """The parsed content of the floors file at `path`; FloorsError if it cannot be read."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FloorsError(f"{path}: cannot read the floors file ({exc})") from exc


def floor_table(data: Any, fallback: Floors, source: str = "") -> FloorTable:
    """The table a floors file's content describes; FloorsError names a bad entry."""
    floors = data.get("floors") if isinstance(data, dict) else None
    if not isinstance(floors, dict):
        raise FloorsError(f"{source}: needs `floors`: language -> condition -> {', '.join(KINDS)}")
    by_case: dict[tuple[str, str], Floors] = {}
    for language, conditions in floors.items():
        for condition, values in dict(conditions or {}).items():
            where = f"{source}: floors.{language}.{condition}"
            if condition not in CONDITIONS:
                raise FloorsError(f"{where}: condition must be one of {', '.join(CONDITIONS)}")
            by_case[(language, condition)] = _floors(values, fallback, where)
    return FloorTable(fallback, by_case, source)


def _floors(values: Any, fallback: Floors, where: str) -> Floors:
    if not isinstance(values, dict):
        raise FloorsError(f"{where}: must be an object of {', '.join(KINDS)}")
    picked = {kind: values.get(kind, getattr(fallback, kind)) for kind in KINDS}
    for kind, value in picked.items():
        if not isinstance(value, int | float) or not 0 <= value <= 1:
            raise FloorsError(f"{where}.{kind}: must be a number in [0, 1], not {value!r}")
    if "intent_switch" not in values:  # a file from before it was calibrated
        picked["intent_switch"] = max(fallback.intent_switch, picked["intent"])
    return Floors(**{kind: float(value) for kind, value in picked.items()})
