"""The chat front door: the voicebot's policy and state machine on a typed conversation.

`ChatBotStage` is `VoicebotStage` with what a chat changes, so both front doors
hand over on the same evidence (a request for a person, affect over the voicebot's
thresholds, an alert, an assist route, an intent a bot must not handle, no passage
at the answer bar, repeated misunderstanding):

- no audio: no silence timer, no barge-in, a message takes no time to "play";
- every `bot.say` is followed by the same line as the conversation's
  `transcript.final` with speaker `bot` (its `utterance_id` is the prompt id), so
  the store, the sidebars, QA and erasure see the bot's side of the chat;
- it writes `[chat]`'s messages; a passage is the answer at `[chat] answer_confidence`
  when its article is written for the contact's intent, else only at the higher
  `answer_confidence_off_topic` (two signals agreeing count for more than one), and only
  when no other article comes within `choice_margin`;
- unsure between passages (none clears its bar, or two are close), it offers their
  topics to pick from ("1) ...; 2) ...; or something else?") instead of guessing: a
  pick is answered, "something else" goes to a person; an offer counts as a re-prompt;
- before answering a question whose intent needs a fact (`[chat] needs`: a
  tracking code for a parcel, a date for an appointment) that the customer has
  not written and the chat's record does not hold, it asks for it; the answer
  then opens with the fact, and the fact is on the hand-over card;
- "yes, that helped" ends the answer, not the chat: a new message is a new question
  and always gets a reply; only one that just thanks or says goodbye gets none (the
  bot's goodbye already invited another question);
- an agent who writes in the chat has taken it over, and the bot is silent from
  then on, as after a hand-over;
- the assist stage's own chat front door (route `front_door`) is not a reason to
  hand over: this bot is the front door;
- a hand-over to a team `[chat] team_agents` names an agent for is followed by
  `call.assigned`: the chat moves to that agent's sidebar.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime

from copilot.assist.facts import RECORD_KEYS, extract_facts
from copilot.audio.format import AGENT, CUSTOMER
from copilot.events.assist import RouteToHuman, Suggestion
from copilot.events.core import CallAssigned, CallStarted, Event, TranscriptFinal
from copilot.events.voicebot import BOT, BotSay, Handoff
from copilot.voicebot.policy import only_thanks, picked_option, switched_on
from copilot.voicebot.settings import ChatBotConfig, VoicebotConfig
from copilot.voicebot.stage import (
    CLOSED,
    CONFIRMING,
    LISTENING,
    OWN_TYPES,
    VoicebotStage,
)

ASKING = "asking"  # waiting for a fact the question needs
CHOOSING = "choosing"  # waiting for the customer to pick one of the topics offered
TAKEN_OVER = "taken_over"  # an agent wrote in the chat
FRONT_DOOR_ROUTE = "front_door"


def _no_audio(text: str, language: str) -> float:
    return 0.0


class ChatBotStage(VoicebotStage):
    """One chat's bot-first front door: greets, asks for facts, answers, or hands over."""

    def __init__(
        self,
        voicebot: VoicebotConfig | None = None,
        chat: ChatBotConfig | None = None,
        language: str = "en",
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.chat = chat or ChatBotConfig()
        policy = dataclasses.replace(
            voicebot or VoicebotConfig(), answer_max_chars=self.chat.answer_max_chars
        )
        super().__init__(policy, language, _no_audio, now)
        self.pending: Suggestion | None = None  # the answer a fact question holds back
        self.asked: tuple[str, ...] = ()  # the facts that question needs
        self.record_facts: set[str] = set()  # facts the chat's customer record holds
        self.written: dict[str, str] = {}  # each fact as the customer wrote it, for the answer
        self.after_close = False  # this message came after "yes, that helped"
        self.options: tuple[Suggestion, ...] = ()  # the topics offered to pick from
        self.turn_text = ""  # the customer's message being judged

    def feed(self, event: Event) -> list[Event]:
        """Stage.feed: as the voicebot, plus a bot final after each line and agents taking over."""
        if self.phase == TAKEN_OVER:
            return []
        if isinstance(event, TranscriptFinal) and event.speaker == AGENT:
            return self._agent_wrote(event)
        if isinstance(event, TranscriptFinal) and event.speaker == CUSTOMER:
            self._customer_wrote(event)
        elif self.phase == CLOSED:
            if event.type not in OWN_TYPES:  # the next message's cards come before its final
                self._note(event)
            return []
        return self._with_transcripts(super().feed(event))

    def on_clock(self, t: float) -> list[Event]:
        """A chat has no silence timer: a customer may take as long as they like to write."""
        return []

    # -- what differs from the voice -----------------------------------------------

    def _start(self, event: CallStarted) -> list[Event]:
        record = (event.metadata or {}).get("record")
        if isinstance(record, dict):
            self.record_facts = {fact for fact, key in RECORD_KEYS.items() if record.get(key)}
        return super()._start(event)

    def _wanted(self, event: CallStarted) -> bool:
        """Every chat, unless its start metadata says `bot: false`."""
        wanted = (event.metadata or {}).get("bot")
        return switched_on(wanted) if wanted is not None else True

    def _text(self, key: str) -> str:
        return self.chat.text(key, self.language)

    def _note(self, event: Event) -> None:
        if isinstance(event, RouteToHuman) and event.reason == FRONT_DOOR_ROUTE:
            return
        super()._note(event)

    def _customer_wrote(self, event: TranscriptFinal) -> None:
        self.after_close = self.phase == CLOSED
        if self.after_close:  # the last answer helped: this may be a new question
            self.phase, self.reprompts = LISTENING, 0
        self.written.update({f.name: f.said for f in extract_facts(event.text)})
        self.turn_text = event.text

    def _agent_wrote(self, event: TranscriptFinal) -> list[Event]:
        self.call_id = event.call_id or self.call_id
        self.clock = max(self.clock, event.t)
        if self.phase not in (LISTENING, CONFIRMING, ASKING, CHOOSING, CLOSED):
            return []
        self.phase = TAKEN_OVER
        return [self._decision("agent_joined", "an agent wrote in the chat", event.utterance_id)]

    def _handoff(self, reason: str, why: str, uid: str) -> list[Event]:
        """As the voicebot's, with the chat assigned to its team's agent right after the card."""
        out: list[Event] = []
        for event in super()._handoff(reason, why, uid):
            out += [event, *self._assigned(event)] if isinstance(event, Handoff) else [event]
        return out

    def _assigned(self, card: Handoff) -> list[Event]:
        """`call.assigned` to the agent `[chat] team_agents` names for the card's queue, if any."""
        agent_id = self.chat.agent_for(card.queue)
        if not agent_id:
            return []
        return [CallAssigned(card.call_id, 0, card.t, agent_id=agent_id, team=card.queue)]

    # -- facts, then the answer ------------------------------------------------------

    def _answer_or_reprompt(self, uid: str) -> list[Event]:
        if self.after_close and only_thanks(self.turn_text):
            self.phase = CLOSED  # "thanks, bye" after a helpful answer needs no reply
            return []
        if self.phase == CONFIRMING and only_thanks(self.turn_text):
            return self._close(self.turn_text, uid)  # "Fijne dag!" to "did that help?"
        if self.phase == ASKING and self.pending and not self._missing(self.asked):
            return self._answer(self.pending, uid)  # the fact came: answer what was asked
        if self.phase == CHOOSING:
            picked = picked_option(self.turn_text, len(self.options))
            if picked > 0:  # the customer named the topic: that passage is the answer
                return self._answer_or_ask(self.options[picked - 1], uid)
            if picked < 0:
                offered = ", ".join(o.item for o in self.options)
                return self._handoff("low_confidence", f"none of {offered}", uid)
        cards = self._ranked_cards()
        if cards and self._clearly_best(cards):
            return self._answer_or_ask(cards[0], uid)
        if self.phase == ASKING and self.pending:  # neither the fact nor a new question
            return self._ask(self.asked, self.pending, uid)
        offer = [c for c in cards[:2] if c.confidence >= self.chat.choice_floor]
        if offer or (self.phase == CHOOSING and not cards):
            return self._offer(offer or list(self.options), uid)
        return super()._answer_or_reprompt(uid)

    def _ranked_cards(self) -> list[Suggestion]:
        """This turn's cards in the chat's language: those that clear their bar first."""
        cards = self._spoken_articles()
        return sorted(cards, key=lambda a: (a.confidence < self._bar(a), -a.confidence))

    def _clearly_best(self, cards: list[Suggestion]) -> bool:
        """The first card clears its bar, and no other card comes within choice_margin."""
        best, rest = cards[0], cards[1:]
        close = any(best.confidence - c.confidence < self.chat.choice_margin for c in rest)
        return best.confidence >= self._bar(best) and not close

    def _answer_or_ask(self, card: Suggestion, uid: str) -> list[Event]:
        needed = self.chat.facts_for(card.intent)
        return self._ask(needed, card, uid) if self._missing(needed) else self._answer(card, uid)

    def _offer(self, cards: list[Suggestion], uid: str) -> list[Event]:
        """Offer the passages it is unsure between as topics to pick; counts as a re-prompt."""
        if self.reprompts >= self.config.max_reprompts:
            why = f"unsure between {', '.join(c.item for c in cards)}"
            return self._handoff("not_understood", f"{why}, after {self.reprompts} re-prompts", uid)
        self.reprompts += 1
        self.phase, self.options = CHOOSING, tuple(cards)
        topics = "; ".join(f"{i}) {c.title}" for i, c in enumerate(cards, 1))
        detail = {"options": [c.item for c in cards], "confidence": [c.confidence for c in cards]}
        return [
            self._decision("choose", f"unsure between {topics}", uid, detail),
            self._say("choose", self._text("choose").replace("{options}", f"{topics}.")),
        ]

    def _answer_bars(self) -> tuple[float, float]:
        """The chat's own answer bars (`[chat]`), under the voicebot's rule (`_bar`)."""
        return self.chat.answer_confidence, self.chat.answer_confidence_off_topic

    def _missing(self, needed: tuple[str, ...]) -> str:
        """The fact to ask for when none of `needed` is known yet, else ``."""
        known = set(self.caller.facts) | self.record_facts
        return needed[0] if needed and not known.intersection(needed) else ""

    def _ask(self, needed: tuple[str, ...], article: Suggestion, uid: str) -> list[Event]:
        """Ask for the first of `needed`; asked already, it counts as a re-prompt."""
        again = self.phase == ASKING
        self.phase, self.pending, self.asked = ASKING, article, needed
        if again:
            return self._reprompt(f"ask_{needed[0]}", f"no {needed[0]} in the reply", uid)
        why = f"{article.intent or 'the question'} needs {needed[0]}"
        detail = {"fact": needed[0], "article": article.item, "confidence": article.confidence}
        return [
            self._decision("ask", why, uid, detail),
            self._say("ask", self._text(f"ask_{needed[0]}")),
        ]

    def _answer(self, article: Suggestion, uid: str) -> list[Event]:
        try:
            return super()._answer(article, uid)
        finally:
            self.pending, self.asked, self.options = None, (), ()

    def _answer_text(self, article: Suggestion) -> str:
        text = super()._answer_text(article)
        given = next((self.written[f] for f in self.asked if f in self.written), "")
        return f"{self._text('noted').replace('{fact}', given)} {text}" if given else text

    # -- the bot's side of the transcript -------------------------------------------

    def _with_transcripts(self, events: list[Event]) -> list[Event]:
        out: list[Event] = []
        for event in events:
            out.append(event)
            if isinstance(event, BotSay):
                out.append(
                    TranscriptFinal(
                        event.call_id,
                        0,
                        event.t,
                        speaker=BOT,
                        utterance_id=event.prompt_id,
                        start=event.t,
                        end=event.t,
                        text=event.text,
                        language=event.language,
                    )
                )
        return out
