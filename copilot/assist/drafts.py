"""Drafted follow-up messages: the playbook's template filled with the contact's facts, or an LLM's text.

The template is the default and the fallback: with an endpoint configured the
LLM writes the body from the same facts, and any failure keeps the template.
Templates learn from the agents: when an agent edits a draft and sends it, the
edited text (with this contact's facts turned back into placeholders) becomes
the template for that intent and language.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from copilot.assist.llm import ChatCompletionClient
from copilot.assist.playbooks import Playbooks

GREETING_NAME = {"en": "customer", "nl": "klant"}
PHRASES = {
    "en": {
        "date_phrase": " to {date}",
        "address_phrase": " to {address}",
        "amount_phrase": " of {amount} euros",
        "tracking_phrase": " ({tracking_code})",
    },
    "nl": {
        "date_phrase": " naar {date}",
        "address_phrase": " naar {address}",
        "amount_phrase": " van {amount} euro",
        "tracking_phrase": " ({tracking_code})",
    },
}
FALLBACK = {
    "en": {
        "subject": "Your question to Vlotpost",
        "body": "Dear {name},\n\nThank you for contacting Vlotpost.\n{passage}\nNext step: {next_step}\n\nKind regards,\nVlotpost customer service\n",
    },
    "nl": {
        "subject": "Uw vraag aan Vlotpost",
        "body": "Beste {name},\n\nBedankt voor uw bericht aan Vlotpost.\n{passage}\nVolgende stap: {next_step}\n\nMet vriendelijke groet,\nKlantenservice Vlotpost\n",
    },
}
# Facts turned back into placeholders when an edited draft becomes a template.
LEARNABLE_FACTS = ("tracking_code", "order_number", "postcode", "date", "amount", "name", "address")


@dataclass(frozen=True)
class DraftText:
    subject: str
    body: str
    generator: str  # template / llm


class DraftWriter:
    def __init__(self, playbooks: Playbooks, llm: ChatCompletionClient | None = None) -> None:
        self.playbooks = playbooks
        self.llm = llm
        self.learned: dict[tuple[str, str], str] = {}  # (intent, language) -> body template

    def write(self, intent: str, language: str, values: dict[str, str]) -> DraftText:
        language = language if language in FALLBACK else "en"
        template = self._template(intent, language)
        filled = dict(values)
        filled["name"] = filled.get("name") or GREETING_NAME[language]
        for key, phrase in PHRASES[language].items():
            source = phrase[phrase.index("{") + 1 : phrase.index("}")]
            filled[key] = phrase.format(**{source: filled[source]}) if filled.get(source) else ""
        subject = _fill(template["subject"], filled).strip()
        body = _fill(self.learned.get((intent, language), template["body"]), filled)
        if self.llm is not None:
            text = self.llm.complete(_system_prompt(language), _user_prompt(intent, filled, body))
            if text:
                return DraftText(subject, text, "llm")
        return DraftText(subject, body, "template")

    def learn_from_edit(
        self, intent: str, language: str, edited: str, values: dict[str, str]
    ) -> None:
        """An agent's sent text becomes the template (this contact's facts as placeholders)."""
        template = edited.replace("{", "{{").replace("}", "}}")
        for name in LEARNABLE_FACTS:
            value = values.get(name)
            if value and len(value) >= 3:
                template = template.replace(value, "{" + name + "}")
        self.learned[(intent, language)] = template

    def _template(self, intent: str, language: str) -> dict[str, str]:
        book = self.playbooks.get(intent)
        drafts = book.drafts if book else {}
        return drafts.get(language) or FALLBACK[language]


def _fill(template: str, values: dict[str, str]) -> str:
    """Placeholders filled; a line whose placeholders are all empty is left out."""
    lines = []
    for line in template.splitlines():
        names = [f for _, f, _, _ in string.Formatter().parse(line) if f]
        if names and not any(values.get(n) for n in names):
            continue
        lines.append(line.format_map(_Blank(values)))
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text) + "\n"


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _system_prompt(language: str) -> str:
    tongue = "Dutch" if language == "nl" else "English"
    return (
        f"You write short, friendly customer-service messages for Vlotpost in {tongue}. "
        "Use only the facts given; never promise anything that is not in them."
    )


def _user_prompt(intent: str, values: dict[str, str], template: str) -> str:
    facts = "\n".join(f"- {k}: {v}" for k, v in values.items() if v and not k.endswith("_phrase"))
    return f"Intent: {intent}\nFacts:\n{facts}\n\nImprove this draft, keep its facts:\n{template}"
