"""The UI's message catalogue (web/messages.json) for the pages Python writes: the QA report.

The sidebar and the supervisor view load the same file in the browser, so every text exists
once, in Dutch and English. `Words` also words alert reasons and cues the way the pages'
call_view.js does: the caller's words stay as said, everything around them is translated.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from copilot.events.affect import two_places
from copilot.serve.web_assets import asset_for

DEFAULT_LANGUAGE = "en"
# A cue's phrase heard below this word probability says so (the affect stage's phrase floor).
UNSURE_BELOW = 0.5

_VOICE_ABOVE = re.compile(
    r"^(loudness|speaking rate|pitch) ([+-][\d.]+) sd above (this caller's baseline|a typical voice)$"
)
_OVERLAP = re.compile(r"^talked over the other side for ([\d.]+) s$")
_EMOTION = re.compile(r"^(\w+) ([\d.]+)$")
_FEATURES = {"loudness": "loudness", "speaking rate": "rate", "pitch": "pitch"}


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    found = asset_for("/web/messages.json")
    if found is None:
        raise RuntimeError("copilot/serve/web/messages.json is missing from the package")
    return json.loads(found[0])


def language_from_locale(environ: Mapping[str, str] | None = None) -> str:
    """The language of the person running a command: LC_ALL, LC_MESSAGES or LANG, else English."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        wanted = environ.get(name, "")[:2].lower()
        if wanted in catalogue():
            return wanted
    return DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Words:
    language: str = DEFAULT_LANGUAGE

    def __call__(self, key: str, **values: Any) -> str:
        texts = catalogue()
        text = texts.get(self.language, {}).get(key) or texts[DEFAULT_LANGUAGE].get(key, key)
        return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), "")), text)

    def has(self, key: str) -> bool:
        texts = catalogue()
        return key in texts.get(self.language, {}) or key in texts[DEFAULT_LANGUAGE]

    def term(self, prefix: str, value: Any) -> str:
        """A catalogue term, else the server's own word with its underscores as spaces."""
        key = f"{prefix}.{value}"
        return self(key) if self.has(key) else str(value or "").replace("_", " ")

    def cue(self, cue: Mapping[str, Any], floor: float = UNSURE_BELOW) -> str:
        evidence = str(cue.get("evidence", ""))
        kind = cue.get("kind")
        confidence = float(cue.get("confidence", 1.0))
        if kind == "phrase":
            unclear, p = confidence < floor, two_places(confidence)
            topic, sep, said = evidence.partition(": ")
            if sep and said[:1] in ("'", '"'):
                key = "cue.phrase.unclear" if unclear else "cue.phrase"
                return self(key, words=said, topic=self.term("topic", topic), p=p)
            words = evidence if evidence[:1] in ("'", '"') else f"'{evidence}'"
            return self("cue.unclear", words=words, p=p) if unclear else words
        if kind == "emotion" and (m := _EMOTION.match(evidence)):
            return f"{self.term('emotion', m.group(1))} {m.group(2)}"
        if m := _VOICE_ABOVE.match(evidence):
            reference = (
                "reference.baseline" if m.group(3).startswith("this") else "reference.typical"
            )
            feature = self.term("voice", _FEATURES[m.group(1)])
            return self(
                "cue.voice.above", feature=feature, sd=m.group(2), reference=self(reference)
            )
        if m := _OVERLAP.match(evidence):
            return self("cue.voice.overlap", s=m.group(1))
        return evidence

    def alert_reason(self, alert: Mapping[str, Any]) -> str:
        """An alert's reason from its fields; one stored before `basis` existed keeps its own."""
        basis = alert.get("basis")
        if not basis:
            return str(alert.get("reason", ""))
        signal = self.term("signal", alert.get("signal")).lower()
        floor = float(alert.get("phrase_floor", UNSURE_BELOW))
        cues = ", ".join(self.cue(c, floor) for c in alert.get("cues") or ())
        return self(
            "alert.reason",
            signal=signal,
            basis=self(f"basis.{basis}", run=alert.get("run", 0)),
            cues=cues or f"{signal} {two_places(float(alert.get('score', 0.0)))}",
            trend=two_places(float(alert.get("trend", 0.0))),
        )


ENGLISH = Words(DEFAULT_LANGUAGE)


def words_for(language: str | None) -> Words:
    return Words(language if language in catalogue() else DEFAULT_LANGUAGE)
