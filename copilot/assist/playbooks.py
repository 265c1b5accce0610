"""Playbooks: per intent, the steps an agent takes and the follow-up message it ends with.

One YAML file per intent in the playbooks folder:

    intent: parcel_status
    steps:
      - id: verify_identity
        en: Verify the customer with postcode and house number.
        nl: Controleer de klant met postcode en huisnummer.
        done_when: ["postcode", "huisnummer"]   # heard from the agent: the step happened
        done_facts: [tracking_code]              # or these facts are known already
    draft:
      en: {subject: ..., body: ...}              # placeholders: {tracking_code}, {passage}, ...

A step is done once the agent said one of its `done_when` phrases or the call
already holds one of its `done_facts`; done steps are never suggested again, so
a customer who gave the tracking code at the start is not asked for it twice.
Files are re-read when they change, like the knowledge base.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Step:
    """One step of a playbook: its instruction per language and how to tell it was done."""

    step_id: str
    text: dict[str, str]  # language -> instruction
    done_when: tuple[re.Pattern[str], ...] = ()
    done_facts: tuple[str, ...] = ()

    def text_in(self, language: str) -> str:
        """The instruction in `language`, else in English, else in whatever language it has."""
        return self.text.get(language) or self.text.get("en") or next(iter(self.text.values()))

    def heard_in(self, text: str) -> bool:
        """Whether the agent's `text` holds one of the step's `done_when` phrases."""
        return any(p.search(text) for p in self.done_when)


@dataclass(frozen=True)
class Playbook:
    """One intent's steps in order and its follow-up draft (subject, body) per language."""

    intent: str
    steps: tuple[Step, ...]
    drafts: dict[str, dict[str, str]] = field(default_factory=dict)  # language -> subject, body


class PlaybookError(ValueError):
    """A playbook file that cannot be used; the message names the file."""


def read_playbook(path: Path) -> Playbook:
    """One playbook YAML file; PlaybookError without an `intent` or with a step without `id`."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or "intent" not in data:
        raise PlaybookError(f"{path}: a playbook needs an `intent`")
    steps = []
    for raw in data.get("steps") or ():
        if "id" not in raw:
            raise PlaybookError(f"{path}: every step needs an `id`")
        text = {k: str(v) for k, v in raw.items() if len(k) == 2}
        phrases = tuple(
            re.compile(rf"\b{re.escape(p)}", re.IGNORECASE) for p in raw.get("done_when") or ()
        )
        steps.append(Step(str(raw["id"]), text, phrases, tuple(raw.get("done_facts") or ())))
    return Playbook(str(data["intent"]), tuple(steps), dict(data.get("draft") or {}))


class Playbooks:
    """The playbooks of a folder by intent, re-read whenever a file changes."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self._stamp: tuple = ()
        self._books: dict[str, Playbook] = {}
        self.refresh()

    def refresh(self) -> None:
        """Re-read the folder if a file was added, changed or removed."""
        files = sorted(self.root.glob("*.yaml")) if self.root.is_dir() else []
        stamp = tuple((str(p), p.stat().st_mtime_ns) for p in files)
        if stamp != self._stamp:
            books = [read_playbook(p) for p in files]
            self._books = {b.intent: b for b in books}
            self._stamp = stamp

    def get(self, intent: str) -> Playbook | None:
        """The current playbook of `intent` (the folder re-read if it changed), or None."""
        self.refresh()
        return self._books.get(intent)

    def next_steps(
        self,
        intent: str,
        done: set[str],
        known_facts: set[str],
        order: dict[str, float] | None = None,
    ) -> list[Step]:
        """Steps still to do for `intent`, in playbook order nudged by learned `order` scores."""
        book = self.get(intent)
        if book is None:
            return []
        todo = [
            (i - (order or {}).get(f"{intent}.{s.step_id}", 0.0), s)
            for i, s in enumerate(book.steps)
            if s.step_id not in done and not set(s.done_facts) & known_facts
        ]
        return [s for _, s in sorted(todo, key=lambda item: item[0])]

    def steps_heard(self, text: str) -> set[str]:
        """Ids of steps (of any playbook) that `text`, said by the agent, shows were done."""
        self.refresh()
        return {s.step_id for b in self._books.values() for s in b.steps if s.heard_in(text)}
