"""Drafted follow-up messages: the domain's template filled with the contact's facts, or an LLM's text.

The template is the intent's in the domain's templates/<language>.yaml, else (older
domains) its playbook's `draft`, else the domain's `fallback`, else copilot's own
plain one below. It is the default and the fallback: with an endpoint configured the
LLM writes the body from the same facts, and any failure keeps the template.
Templates learn from the agents: when an agent edits a draft and sends it, the
edited text, abstracted (abstraction.py: this contact's facts back to placeholders,
every sentence that still holds something of this contact left out), becomes the
template for that intent and language. It remembers the call it came from, so
forgetting that call can take it back.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass

from copilot.assist.abstraction import SharedVocabulary, abstract_draft, build_vocabulary
from copilot.assist.llm import ChatCompletionClient
from copilot.assist.playbooks import Playbook, Playbooks

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
# The last resort, for a domain without a `fallback` template: no company named.
FALLBACK = {
    "en": {
        "subject": "Your question",
        "body": "Dear {name},\n\nThank you for contacting us.\n{passage}\nNext step: {next_step}\n\nKind regards,\nCustomer service\n",
    },
    "nl": {
        "subject": "Uw vraag",
        "body": "Beste {name},\n\nBedankt voor uw bericht.\n{passage}\nVolgende stap: {next_step}\n\nMet vriendelijke groet,\nKlantenservice\n",
    },
}
Templates = dict[str, dict[str, dict[str, str]]]  # language -> intent or "fallback" -> fields


@dataclass(frozen=True)
class DraftText:
    """A drafted message: subject, body, and whether a template or the LLM wrote the body."""

    subject: str
    body: str
    generator: str  # template / llm


@dataclass(frozen=True)
class LearnedTemplate:
    """An agent's sent draft, abstracted, with its call: forgetting that call takes it back."""

    body: str  # abstracted: placeholders, no contact's words
    call_id: str  # the contact it was learned from


class DraftWriter:
    """Follow-up messages per intent and language; learns templates from drafts agents sent."""

    def __init__(
        self,
        playbooks: Playbooks,
        llm: ChatCompletionClient | None = None,
        vocabulary: SharedVocabulary | None = None,
        templates: Templates | None = None,
        company: str = "",
    ) -> None:
        self.playbooks = playbooks
        self.llm = llm
        self.templates = templates or {}  # the domain's, by language and intent
        self.company = company  # who the LLM writes for
        # Without a wider one, only the words of the fallback templates: strict, never leaky.
        self.vocabulary = vocabulary or build_vocabulary(template_texts((), self.templates))
        self.learned: dict[tuple[str, str], LearnedTemplate] = {}  # by (intent, language)

    def write(self, intent: str, language: str, values: dict[str, str]) -> DraftText:
        """The template filled with `values`; the LLM's body instead when an endpoint answers."""
        language = language if language in FALLBACK else "en"
        template = self._template(intent, language)
        filled = dict(values)
        filled["name"] = filled.get("name") or GREETING_NAME[language]
        for key, phrase in PHRASES[language].items():
            source = phrase[phrase.index("{") + 1 : phrase.index("}")]
            filled[key] = phrase.format(**{source: filled[source]}) if filled.get(source) else ""
        subject = _fill(template["subject"], filled).strip()
        learned = self.learned.get((intent, language))
        body = _fill(learned.body if learned else template["body"], filled)
        if self.llm is not None:
            system = _system_prompt(language, self.company)
            text = self.llm.complete(system, _user_prompt(intent, filled, body))
            if text:
                return DraftText(subject, text, "llm")
        return DraftText(subject, body, "template")

    def learn_from_edit(
        self, intent: str, language: str, edited: str, values: dict[str, str], call_id: str = ""
    ) -> bool:
        """An agent's sent text, abstracted, becomes the template; False if too little was left."""
        language = language if language in FALLBACK else "en"
        body = abstract_draft(edited, values, language, self.vocabulary)
        if body is None:
            return False
        self.learned[(intent, language)] = LearnedTemplate(body, call_id)
        return True

    def learned_from(self) -> set[str]:
        """The calls the learned templates came from."""
        return {t.call_id for t in self.learned.values()}

    def _template(self, intent: str, language: str) -> dict[str, str]:
        domain = self.templates.get(language, {})
        if intent in domain:
            return domain[intent]
        book = self.playbooks.get(intent)
        drafts = book.drafts if book else {}
        return drafts.get(language) or domain.get("fallback") or FALLBACK[language]


def template_texts(
    books: Iterable[Playbook] = (), templates: Templates | None = None
) -> dict[str, list[str]]:
    """Per language, every text a draft may show any contact: shipped templates and steps."""
    texts: dict[str, list[str]] = {}
    for language in FALLBACK:
        texts[language] = [*FALLBACK[language].values(), *PHRASES[language].values()]
        texts[language].append(GREETING_NAME[language])
        for template in (templates or {}).get(language, {}).values():
            texts[language].extend(template.values())
        for book in books:
            texts[language].extend(str(v) for v in book.drafts.get(language, {}).values())
            # Step texts by language only: a step's `text` also holds its `id`.
            texts[language].extend(s.text[language] for s in book.steps if language in s.text)
    return texts


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


def _system_prompt(language: str, company: str) -> str:
    tongue = "Dutch" if language == "nl" else "English"
    return (
        f"You write short, friendly customer-service messages for {company or 'us'} in {tongue}. "
        "Use only the facts given; never promise anything that is not in them."
    )


def _user_prompt(intent: str, values: dict[str, str], template: str) -> str:
    facts = "\n".join(f"- {k}: {v}" for k, v in values.items() if v and not k.endswith("_phrase"))
    return f"Intent: {intent}\nFacts:\n{facts}\n\nImprove this draft, keep its facts:\n{template}"
