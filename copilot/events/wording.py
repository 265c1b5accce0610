"""Events in words for people, in Dutch or English, from the one catalogue the pages use.

The catalogue is `copilot/serve/web/messages.json`: the sidebar and the supervisor view
fetch it, and every Python reader (the QA report, the terminal printer, the English
`reason` of an alert) words events with `Words` from the same file. Events carry codes and
numbers (a cue's `topic` and `phrase`, its `z`; an alert's `basis`, `run`, `trend`; a
card's `context`: intent, facts, steps done, urgency and why), and this module words
them; nothing here reads a sentence back. What the caller said stays as said; everything
around it is translated. call_view.js words cues, alerts and contexts the same way in the
browser, and the browser tests hold the two to the same sentence.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

DEFAULT_LANGUAGE = "en"
# Where the pages fetch it (served by serve/web_assets.py). Read as package data, not
# imported, so this bottom layer needs nothing of `serve`.
CATALOGUE_PARTS = ("serve", "web", "messages.json")

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """messages.json: {language: {key: text}}."""
    resource = resources.files("copilot").joinpath(*CATALOGUE_PARTS)
    if not resource.is_file():
        raise RuntimeError(f"copilot/{'/'.join(CATALOGUE_PARTS)} is missing from the package")
    return json.loads(resource.read_text(encoding="utf-8"))


def language_from_locale(environ: Mapping[str, str] | None = None) -> str:
    """The language of the person running a command: LC_ALL, LC_MESSAGES or LANG, else English."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        wanted = environ.get(name, "")[:2].lower()
        if wanted in catalogue():
            return wanted
    return DEFAULT_LANGUAGE


def fixed(value: float, places: int) -> str:
    """A figure with `places` decimals, rounded half up as the pages' JavaScript does.

    Python's own formatting rounds an exact tie to even (0.125 -> "0.12"), the pages'
    `fixed` away from it ("0.13"); both sides word the same events, so both round this way.
    """
    scale = 10**places
    return f"{math.floor(float(value) * scale + 0.5) / scale:.{places}f}"


def two_places(value: float) -> str:
    """A 0..1 figure (a score, a trend, a word probability) as a reason shows it."""
    return fixed(value, 2)


def signed(value: float, places: int = 1) -> str:
    """A z-score with its sign, e.g. "+2.1"."""
    return ("+" if value >= 0 else "-") + fixed(abs(value), places)


def quoted(words: str) -> str:
    """The caller's words in quotes, double ones when they hold an apostrophe ("don't")."""
    return f'"{words}"' if "'" in words and '"' not in words else f"'{words}'"


def _fields(item: Any) -> Mapping[str, Any]:
    """An event or cue as its JSON fields: a dict as it is, a dataclass by its `to_dict`."""
    return item if isinstance(item, Mapping) else item.to_dict()


def _structured(cue: Mapping[str, Any]) -> bool:
    # The fields protocol 1.1 added; a cue stored before has its English evidence only.
    return bool(cue.get("phrase") or cue.get("emotion") or cue.get("feature"))


@dataclass(frozen=True)
class Words:
    """The catalogue in one language; a key it lacks falls back to English, then to the key."""

    language: str = DEFAULT_LANGUAGE

    def __call__(self, key: str, **values: Any) -> str:
        """The text for `key`, its `{placeholders}` filled from `values` (unknown ones empty)."""
        texts = catalogue()
        text = texts.get(self.language, {}).get(key) or texts[DEFAULT_LANGUAGE].get(key, key)
        return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), "")), text)

    def has(self, key: str) -> bool:
        """Whether this language or English has a text for `key`."""
        texts = catalogue()
        return key in texts.get(self.language, {}) or key in texts[DEFAULT_LANGUAGE]

    def term(self, prefix: str, value: Any) -> str:
        """A catalogue term, else the server's own word with its underscores as spaces."""
        key = f"{prefix}.{value}"
        return self(key) if self.has(key) else str(value or "").replace("_", " ")

    # -- codes the events carry ------------------------------------------------------

    def intent(self, intent: str) -> str:
        """An intent code in words (the catalogue's `intent.<code>`)."""
        return self.term("intent", intent)

    def urgency(self, urgency: str) -> str:
        """An urgency (low / normal / high / critical) in words."""
        return self.term("urgency", urgency)

    def team(self, team: str) -> str:
        """A team code (where an intent is routed) in words."""
        return self.term("team", team)

    def end_reason(self, reason: str) -> str:
        """Why a call ended (`call.ended` `reason`): Twilio's `stop`, `hangup`, `server_restart`…"""
        return self.term("end", reason)

    def source(self, source: str) -> str:
        """Where a call came from (`call.started` `source`): twilio, audiohook, chat, file…"""
        return self.term("source", source)

    # -- affect ------------------------------------------------------------------------

    def cue(self, cue: Any, floor: float | None = None) -> str:
        """A cue from its fields; a phrase heard below `floor` says the audio was unclear.

        A cue stored before protocol 1.1 has no fields to word: its evidence, as written.
        """
        c = _fields(cue)
        kind = c.get("kind")
        if kind == "phrase" and c.get("phrase"):
            return self._phrase(c, floor)
        if kind == "emotion" and c.get("emotion"):
            return f"{self.term('emotion', c['emotion'])} {two_places(c.get('score') or 0.0)}"
        if kind == "voice" and c.get("feature") == "overlap":
            return self("cue.voice.overlap", s=fixed(c.get("seconds") or 0.0, 1))
        if kind == "voice" and c.get("feature"):
            reference = self(f"reference.{c.get('reference') or 'baseline'}")
            feature = self.term("voice", c["feature"])
            return self(
                "cue.voice.above",
                feature=feature,
                sd=signed(c.get("z") or 0.0),
                reference=reference,
            )
        return str(c.get("evidence", ""))

    def signal_cue(self, cue: Any, floor: float | None = None) -> str:
        """A cue with the signal it moved, for a list of cues of several signals (a hand-over
        card); a string cue from before protocol 1.1 is its own evidence, as written."""
        if isinstance(cue, str):
            return cue
        c = _fields(cue)
        if not c.get("signal"):
            return self.cue(c, floor)
        signal = self.term("signal", c["signal"]).lower()
        return self("cue.signal", signal=signal, cue=self.cue(c, floor))

    def _phrase(self, cue: Mapping[str, Any], floor: float | None) -> str:
        confidence = float(cue.get("confidence", 1.0))
        unclear = floor is not None and confidence < floor
        words, p = quoted(str(cue["phrase"])), two_places(confidence)
        if cue.get("topic"):
            key = "cue.phrase.unclear" if unclear else "cue.phrase"
            return self(key, words=words, topic=self.term("topic", cue["topic"]), p=p)
        return self("cue.unclear", words=words, p=p) if unclear else words

    def alert_reason(self, alert: Any) -> str:
        """An alert's reason from its fields (`basis`, `run`, `signal`, `cues`, `trend`).

        An alert stored before it had a `basis`, or with cues from before protocol 1.1,
        keeps its own (English) reason: there is nothing else to word it from.
        """
        a = _fields(alert)
        cues = [_fields(c) for c in a.get("cues") or ()]
        if not a.get("basis") or (a.get("reason") and not all(map(_structured, cues))):
            return str(a.get("reason", ""))
        signal = self.term("signal", a.get("signal")).lower()
        floor = a.get("phrase_floor")
        said = ", ".join(self.cue(c, floor) for c in cues)
        return self(
            "alert.reason",
            signal=signal,
            basis=self(f"basis.{a['basis']}", run=a.get("run", 0)),
            cues=said or f"{signal} {two_places(a.get('score') or 0.0)}",
            trend=two_places(a.get("trend") or 0.0),
        )

    # -- the contact's context (intent suggestion, route_to_human, handoff) ------------------

    def context(self, ctx: Mapping[str, Any]) -> list[str]:
        """The `context` of an intent or hand-over card as lines: what the customer wants (in
        their words), what is known, what is done, how urgent and why."""
        intent = ctx.get("intent") or "other"
        wants = self(f"wants.{intent}") if self.has(f"wants.{intent}") else self.intent(intent)
        request = str(ctx.get("request") or "")
        facts = ", ".join(
            f"{self.term('fact', name)} {value}" for name, value in (ctx.get("facts") or {}).items()
        )
        lines = [
            self("context.wants.said", wants=wants, said=request)
            if request
            else self("context.wants", wants=wants),
            self("context.known", facts=facts or self("context.none")),
        ]
        if ctx.get("done"):
            steps = "; ".join(self.done_step(step) for step in ctx["done"])
            lines.append(self("context.done", steps=steps))
        urgency = self.urgency(ctx.get("urgency") or "normal")
        reasons = "; ".join(self.urgency_reason(r) for r in ctx.get("urgency_reasons") or ())
        lines.append(
            self("context.urgency.why", urgency=urgency, reasons=reasons)
            if reasons
            else self("context.urgency", urgency=urgency)
        )
        return lines

    def done_step(self, done: Mapping[str, Any] | str) -> str:
        """A done step by its title in this language, else its id with spaces (`check scan
        history`): a playbook without this language has no words for it to show."""
        done = {"step": done} if isinstance(done, str) else done
        title = (done.get("titles") or {}).get(self.language)
        return str(title or str(done.get("step", "")).rpartition(".")[2].replace("_", " "))

    def urgency_reason(self, reason: Mapping[str, Any]) -> str:
        """Why the urgency rose: an alert by its level, signal and basis; words as said."""
        kind = reason.get("kind")
        if kind in ("deadline", "critical"):
            return self(f"context.reason.{kind}", words=quoted(str(reason.get("words", ""))))
        if kind != "alert":
            return str(kind or "").replace("_", " ")
        what = self.term("signal", reason.get("signal") or "").lower()
        if reason.get("basis"):
            what += " " + self(f"basis.{reason['basis']}", run=reason.get("run", 0))
        level = self.term("level", reason.get("level") or "").lower()
        return self("context.reason.alert", level=level, what=what.strip())


ENGLISH = Words(DEFAULT_LANGUAGE)


def words_for(language: str | None) -> Words:
    """`Words` in `language`, or in English when the catalogue does not have it."""
    return Words(language if language in catalogue() else DEFAULT_LANGUAGE)
