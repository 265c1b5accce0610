"""The voicebot's events: what it says, when it stops, why it decided, and the hand-over card.

Every decision the bot takes is an event, so a QA replay shows the whole front-door
conversation next to the transcript, and the receiving agent's sidebar gets the
`handoff` card (intent, urgency, facts, what the bot said, affect) before the
customer is put through.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from copilot.events.affect import Cue, cues_from
from copilot.events.core import Event

# The speaker of a bot's line in a chat: each chat `bot.say` is also the conversation's
# `transcript.final` with this speaker, never a leg of the call (affect and assist skip it).
BOT = "bot"
# What the audio shell does once a `bot.say` has been played.
THEN_LISTEN = "listen"
THEN_HANGUP = "hangup"
THEN_TRANSFER = "transfer"


@dataclass(frozen=True)
class BotSay(Event):
    """Speak `text` to the caller; `duration` is the synthesized audio's length in seconds."""

    prompt_id: str = ""  # unique in the call: the audio shell's playback and marks name it
    purpose: str = ""  # greeting / answer / reprompt / handoff / goodbye
    text: str = ""
    language: str = ""
    duration: float = 0.0
    article: str = ""  # knowledge-base article the answer came from
    then: str = THEN_LISTEN  # listen / hangup / transfer
    # The answer's source: the `suggestion_id` of the article card it was read from
    # (protocol 1.2; "" on every other prompt).
    suggestion_id: str = ""
    type: ClassVar[str] = "bot.say"

    def describe(self) -> str:
        """The terminal line for what the bot said, with its purpose."""
        return f"{'':>28}bot ({self.purpose}): {self.text}"


@dataclass(frozen=True)
class BotStop(Event):
    """Stop playing `prompt_id` now (the caller barged in); `played` seconds had been heard."""

    prompt_id: str = ""
    reason: str = "barge_in"
    played: float = 0.0
    type: ClassVar[str] = "bot.stop"


@dataclass(frozen=True)
class BotDecision(Event):
    """One decision of the bot and why, e.g. action `handoff`, reason `frustration 0.81 >= 0.5`."""

    action: str = ""  # greet / answer / close / handoff / reprompt / barge_in
    reason: str = ""
    utterance_id: str = ""
    detail: dict[str, Any] = field(default_factory=dict)
    type: ClassVar[str] = "bot.decision"


@dataclass(frozen=True)
class Handoff(Event):
    """The bot hands the caller to a person: where to, how urgent, and the context card."""

    queue: str = ""
    priority: int = 3  # 1 = most urgent
    reason: str = ""
    intent: str = ""
    urgency: str = ""
    language: str = ""
    in_business_hours: bool = True
    summary: str = ""  # the assist stage's context summary, in the caller's language
    # The same as data (protocol 1.1; the assist stage's `context`): a reader words it in its
    # own language and shows it instead of `summary`.
    context: dict[str, Any] = field(default_factory=dict)
    facts: dict[str, str] = field(default_factory=dict)  # tracking code, order number, ...
    customer_said: tuple[str, ...] = ()
    bot_said: tuple[str, ...] = ()
    affect: dict[str, float] = field(default_factory=dict)  # highest frustration / doubt / load
    # The strongest cues behind the affect, as affect events carry them (protocol 1.1; before,
    # English "signal: evidence" strings, which still decode as cues with that evidence).
    cues: tuple[Cue, ...] = ()
    # The phrase-confidence floor the caller's words were judged by (the affect events'
    # `phrase_floor`): a reader marks a phrase cue below it as unclear audio.
    phrase_floor: float | None = None
    type: ClassVar[str] = "handoff"

    def __post_init__(self) -> None:
        object.__setattr__(self, "cues", cues_from(_cue(c) for c in self.cues))

    def describe(self) -> str:
        """The terminal line for the hand-over: queue, priority, reason, intent and urgency."""
        return (
            f"{'':>28}!! bot hands over to {self.queue} (priority {self.priority}, {self.reason}):"
            f" {self.intent or 'unknown intent'}, urgency {self.urgency or 'normal'}"
        )


def _cue(item: Any) -> Any:
    """A cue, its JSON dict, or a card's cue string from before protocol 1.1 (its evidence)."""
    if isinstance(item, str):
        return Cue(signal="", kind="", evidence=item, weight=0.0)
    return item
