"""The assist stage's events: suggestions for the agent, drafted replies, hand-overs to a human.

Every one carries a `suggestion_id` that stays the same when the stage updates
it (a new urgency for the call's intent, a better passage of the same article),
so a sidebar replaces the card instead of adding one, and the agent's feedback
(accept / edit / dismiss / send) names exactly what it is about.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from copilot.events.core import Event

SUGGESTION_KINDS = ("intent", "article", "next_step", "answer")
NOT_SURE = "not_sure"  # an intent card's `status` when the evidence supports no intent yet
# Below this mean word probability a terminal line says a card's words were heard unclearly:
# the default [affect] asr_trust_high. A terminal that prints assist events alone has no
# affect event to read the configured one from, as the sidebar does (`Affect.trust_high`).
UNCLEAR_BELOW = 0.75


def suggestion_id(call_id: str, kind: str, item: str) -> str:
    """`call:kind:item`, e.g. `CA42:article:delivery-times-en`: unique in a call, stable across updates."""
    return f"{call_id}:{kind}:{item}"


@dataclass(frozen=True)
class Suggestion(Event):
    """One card for the agent.

    kind `intent`: `item` is the intent, `urgency` and `team` say how and where to route it,
    `context` is the contact so far as data (protocol 1.1) and `text` the same as prose in
    the contact's language, for readers from before 1.1 and logs. kind `article`: `item` is the article id, `title` its
    title, `text` the passage that matched. kind `next_step`: `item` is `intent.step`, `text`
    the step. kind `answer`: a knowledge-base answer a chat front door may send as it is.
    """

    suggestion_id: str = ""
    kind: str = ""  # one of SUGGESTION_KINDS
    item: str = ""
    title: str = ""
    text: str = ""
    confidence: float = 0.0  # 0..1
    language: str = ""
    intent: str = ""
    urgency: str = ""  # low / normal / high / critical (intent suggestions)
    team: str = ""
    source: str = ""  # the knowledge-base file of an article
    utterance_id: str = ""  # the customer utterance it answers
    quote: str = ""  # that utterance's words
    # How surely whisper heard that utterance (its mean word probability; 1.0 for typed text):
    # an article found from words the model was unsure of may answer a question never asked.
    heard: float = 1.0
    # The text in every language the source has (a playbook step in nl and en), so each
    # agent reads it in their own UI language; `text` stays in the call's language.
    translations: dict[str, str] = field(default_factory=dict)
    # kind `intent`: what the customer wants, what is known, what is done, how urgent and
    # why, as codes and the customer's own words (docs/protocol.md, "The context"). A reader
    # words it in its own language and shows it instead of `text`.
    context: dict[str, Any] = field(default_factory=dict)
    # kind `article` / `answer`: the intents the article is written for (its front matter,
    # protocol 1.2); a card whose article is written for the contact's intent is on topic.
    article_intents: tuple[str, ...] = ()
    # kind `intent` (1.3): `not_sure` when the evidence supports no intent yet (`intent` is
    # then empty, `confidence` the best guess's): the agent sees "not sure yet", never a
    # guess, and no draft or next step follows from it. "" on every other card.
    status: str = ""
    # With `status` `not_sure`: what is missing, `clear_audio` (the words were heard too
    # unsurely to act on), `clear_request` (heard, but they match no intent well enough),
    # `confirmation` (on audio, one sure line; a later line of the customer must agree),
    # `new_request` (the call opened with a request this company does not handle) or
    # `no_evidence` (heard clearly, but no intent floor is calibrated for this language and
    # audio condition: the development calls gave too few cards to trust one).
    missing: str = ""
    type: ClassVar[str] = "suggestion"

    def describe(self) -> str:
        """The terminal line `readable_line` prints for this card, worded by its kind."""
        if self.kind == "intent" and self.status == NOT_SURE:
            return f"{'':>28}> intent not sure yet ({self.missing.replace('_', ' ')} missing)"
        if self.kind == "intent":
            head = f"intent {self.intent} ({self.confidence:.2f}), urgency {self.urgency}"
            return f"{'':>28}> {head} -> {self.team}"
        if self.kind == "next_step":
            return f"{'':>28}> next: {self.text}"
        return f"{'':>28}> {self.kind}: {self.title} ({self.confidence:.2f})"


@dataclass(frozen=True)
class Draft(Event):
    """A follow-up message for the agent to edit and send; copilot never sends it itself."""

    suggestion_id: str = ""
    channel: str = "email"  # email / chat
    language: str = ""
    intent: str = ""
    subject: str = ""
    body: str = ""
    facts: dict[str, Any] = field(default_factory=dict)  # what was filled in
    article: str = ""  # id of the knowledge-base article it quotes
    next_step: str = ""
    generator: str = "template"  # template / llm
    type: ClassVar[str] = "draft"

    def describe(self) -> str:
        """The terminal line for a draft: channel, generator, language and subject."""
        return f"{'':>28}> draft {self.channel} ({self.generator}, {self.language}): {self.subject}"


@dataclass(frozen=True)
class RouteToHuman(Event):
    """This contact needs a person's judgement: the reason, the quotes behind it, the context.

    `context` is the contact so far as data (protocol 1.1), `summary` the same as prose in
    the contact's language for readers from before 1.1 and logs.
    """

    suggestion_id: str = ""
    reason: str = ""  # contradiction / record_mismatch / custom_arrangement / policy_gap / ...
    explanation: str = ""
    evidence: tuple[str, ...] = ()  # the customer's (and the record's) words, quoted
    summary: str = ""
    context: dict[str, Any] = field(default_factory=dict)  # as on the intent suggestion
    intent: str = ""
    urgency: str = ""
    team: str = ""
    # How surely the words behind it were heard: the customer line's mean word probability, or
    # the escalation alert's confidence; 1.0 for typed text.
    heard: float = 1.0
    type: ClassVar[str] = "route_to_human"

    def describe(self) -> str:
        """The terminal line for a hand-over, marked when its words may have been misheard."""
        quotes = " / ".join(f"'{q}'" for q in self.evidence[:2])
        # The same mark as the sidebar's: the agent should know these words may be misheard.
        unclear = f" [heard {self.heard:.0%}, unclear audio]" if self.heard < UNCLEAR_BELOW else ""
        line = f"{'':>28}!! to a human ({self.reason}): {self.explanation} {quotes}".rstrip()
        return line + unclear
