"""The context for whoever takes the contact: what the customer wants, what is known, what is done.

Short, for a sidebar card or a hand-over note, so the next person does not make the
customer tell the story again. Kept as data (`ContactState.context()`, the `context`
of the intent suggestion and of the hand-over events) that each reader words in its
own language from the catalogue (`events/wording.py`, the pages' call_view.js); and
as prose in the contact's language (`summarise`: the `text` / `summary` fields) for
readers from before protocol 1.1 and for logs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from copilot.assist.playbooks import Playbooks, Step
from copilot.assist.urgency import UrgencyReason
from copilot.events.wording import catalogue, words_for

# A done step is named by its instruction up to the first aside, so a card lists what was
# done, not how: "Open the scan history; if it has not changed ..." -> "Open the scan history".
_ASIDE = re.compile(r"\s*(?:;|\(| - ).*", re.DOTALL)


@dataclass(frozen=True)
class ContactState:
    """One contact as the assist stage knows it, for whoever takes it next."""

    intent: str
    language: str
    request: str  # the customer's words that showed the intent
    facts: dict[str, str]
    done: tuple[dict[str, Any], ...]  # `done_steps`: {"step": "intent.step_id", "titles": {...}}
    urgency: str
    urgency_reasons: tuple[UrgencyReason, ...]

    def context(self) -> dict[str, Any]:
        """The `context` field of the events (docs/protocol.md): codes and the customer's words."""
        return {
            "intent": self.intent,
            "request": self.request,
            "facts": dict(self.facts),
            "done": [dict(step) for step in self.done],
            "urgency": self.urgency,
            "urgency_reasons": [reason.to_dict() for reason in self.urgency_reasons],
        }


def summarise(state: ContactState) -> str:
    """The context as prose in the contact's language, one line per part."""
    return "\n".join(words_for(state.language).context(state.context()))


def done_steps(
    playbooks: Playbooks, intents: Iterable[str], heard: Iterable[str]
) -> tuple[dict[str, Any], ...]:
    """The step ids heard done, named as the playbooks name them (`intent.step_id`), with titles.

    The agent's words mark a step id done in every playbook that has it
    (`Playbooks.steps_heard`); it is named after the first of `intents` whose playbook has
    it, so the contact's own intent goes first. A step no playbook of `intents` has keeps
    its bare id and no titles (a reader shows the id).
    """
    known: dict[str, tuple[str, Step]] = {}
    for intent in intents:
        book = playbooks.get(intent)
        for step in book.steps if book else ():
            known.setdefault(step.step_id, (intent, step))
    out = []
    for step_id in sorted(set(heard)):
        if step_id not in known:
            out.append({"step": step_id, "titles": {}})
            continue
        intent, step = known[step_id]
        out.append({"step": f"{intent}.{step_id}", "titles": step_titles(step)})
    return tuple(out)


def step_titles(step: Step) -> dict[str, str]:
    """A step's title in every language its playbook has and a reader's UI speaks: its
    instruction up to the first aside."""
    # Only the catalogue's languages: a step's two-letter keys hold its `id` as well.
    languages = catalogue()
    return {
        lang: _ASIDE.sub("", text).rstrip(". ")
        for lang, text in step.text.items()
        if lang in languages
    }
