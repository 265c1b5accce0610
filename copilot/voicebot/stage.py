"""The voicebot front door: a pipeline stage that greets, answers simple questions, or hands over.

Sans-I/O, placed after the affect and assist stages: by the time it sees a
customer's `transcript.final`, it has already seen that utterance's `affect`,
`alert`, `suggestion` and `route_to_human` events (the pipeline feeds each
produced event to every stage before the next stage gets the transcript). So
one turn is judged on everything the other stages made of it:

- asks for a person, is upset / in doubt / overloaded, a complex case, an intent
  a bot must not handle, or a passage below the confidence bar -> `handoff` now;
- a confident knowledge-base passage -> read it out and ask "did that help?";
  yes -> goodbye, no -> `handoff`;
- silence, nothing understood, or words whisper heard unclearly -> re-prompt, at most
  `max_reprompts` times;
- the caller starts speaking while the bot talks -> `bot.stop` (barge-in).

Time is the call's audio timeline: `on_clock` is told how far the audio has got,
which is how silence is noticed without a wall clock. The bot runs on calls
whose metadata says `voicebot: true`, or (without that key) calls with no agent
leg, which is what a bot-first inbound stream looks like. The chat front door
(`chat_bot.ChatBotStage`) is this stage with what a typed conversation changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from copilot.assist.facts import extract_facts
from copilot.audio.format import AGENT, CUSTOMER
from copilot.events.affect import Affect, Alert, Cue
from copilot.events.assist import NOT_SURE, RouteToHuman, Suggestion
from copilot.events.core import (
    CallStarted,
    Dtmf,
    Event,
    SpeechEnded,
    SpeechStarted,
    TranscriptFinal,
    TranscriptPartial,
    heard_confidence,
)
from copilot.events.voicebot import (
    THEN_HANGUP,
    THEN_LISTEN,
    THEN_TRANSFER,
    BotDecision,
    BotSay,
    BotStop,
    Handoff,
)
from copilot.voicebot.policy import (
    NO_SELF_SERVICE,
    PERSON_DIGIT,
    CallerProfile,
    asks_for_person,
    confirmation,
    estimate_seconds,
    over_threshold,
    spoken_answer,
    switched_on,
)
from copilot.voicebot.settings import VoicebotConfig

LISTENING, CONFIRMING, CLOSED, HANDED_OFF, OFF = (
    "listening",
    "confirming",
    "closed",
    "handed_off",
    "off",
)
OWN_TYPES = frozenset({"bot.say", "bot.stop", "bot.decision", "handoff"})
CARD_CUES = 5  # the strongest cues on the hand-over card
# A caller whose utterance never got a transcript (whisper heard nothing) is not
# "still talking" forever: after this long the silence timer runs again.
LOST_UTTERANCE_S = 20.0

SpeechSeconds = Callable[[str, str], float]


def _estimate(text: str, language: str) -> float:
    return estimate_seconds(text)


class VoicebotStage:
    """One call's bot-first front door: greets, answers from an article, or hands over."""

    def __init__(
        self,
        config: VoicebotConfig | None = None,
        language: str = "en",
        speech_seconds: SpeechSeconds = _estimate,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.config = config or VoicebotConfig()
        self.language = language if language in ("nl", "en") else self.config.default_language
        self.speech_seconds = speech_seconds
        self._now = now
        self.phase = OFF
        self.call_id = ""
        self.clock = 0.0
        self.speaking: BotSay | None = None
        self.speaking_until = 0.0
        self.last_activity = 0.0
        self.customer_speaking = False
        self.reprompts = 0
        self.prompts = 0
        self.caller = CallerProfile()
        self.bot_said: list[str] = []
        self.in_business_hours = True
        self.intent: Suggestion | None = None  # the assist stage's latest intent card
        self.turn_affect: dict[str, dict[str, float]] = {}  # utterance id -> scores
        self.turn_alerts: list[Alert] = []
        self.turn_routes: list[RouteToHuman] = []
        self.turn_articles: list[Suggestion] = []
        self.cues: list[Cue] = []  # the caller's strongest cues so far, for the hand-over card
        self.phrase_floor: float | None = None  # what the affect stage judged words by

    # -- pipeline stage ------------------------------------------------------------

    def feed(self, event: Event) -> list[Event]:
        """Stage.feed: note what the other stages said; act on a caller turn, barge-in or DTMF 0."""
        self.call_id = event.call_id or self.call_id
        if event.type in OWN_TYPES:
            return []
        self.clock = max(self.clock, event.t)
        if isinstance(event, CallStarted):
            return self._start(event)
        if self.phase in (OFF, CLOSED, HANDED_OFF):
            return []
        self._note(event)
        if isinstance(event, SpeechStarted) and event.speaker == CUSTOMER:
            return self._customer_started(event)
        if isinstance(event, SpeechEnded) and event.speaker == CUSTOMER:
            self.customer_speaking = False  # a cough or a tone: the caller is still to answer
            return []
        if isinstance(event, TranscriptFinal) and event.speaker == CUSTOMER:
            return self._customer_turn(event)
        if isinstance(event, Dtmf) and event.digit == PERSON_DIGIT:
            return self._handoff("asked_for_person", f"pressed {PERSON_DIGIT}", "")
        return []

    def on_clock(self, t: float) -> list[Event]:
        """The call's audio has reached `t` seconds: notice silence after the bot's last prompt."""
        self.clock = max(self.clock, t)
        if self.phase not in (LISTENING, CONFIRMING) or self.clock < self.speaking_until:
            return []
        if self.customer_speaking:
            if self.clock - self.last_activity < LOST_UTTERANCE_S:
                return []
            self.customer_speaking = False
        waited = self.clock - max(self.last_activity, self.speaking_until)
        if waited < self.config.silence_timeout_s:
            return []
        self.last_activity = self.clock
        return self._reprompt("silence", f"no speech for {waited:.1f} s", "")

    def flush(self) -> list[Event]:
        """Stage.flush: nothing held back; every prompt and hand-over goes out as it happens."""
        return []

    # -- what the other stages said ---------------------------------------------------

    def _note(self, event: Event) -> None:
        if isinstance(event, SpeechStarted | TranscriptPartial) and event.speaker == CUSTOMER:
            self.last_activity = max(self.last_activity, event.t)
        elif isinstance(event, Affect) and event.speaker == CUSTOMER:
            scores = {"frustration": event.frustration, "doubt": event.doubt, "load": event.load}
            self.turn_affect[event.utterance_id] = scores
            self.caller.note_affect(scores)
            self._note_cues(event.cues, event.phrase_floor)  # the card's cues, kept as data
        elif isinstance(event, Alert) and event.speaker == CUSTOMER:
            self.turn_alerts.append(event)
        elif isinstance(event, RouteToHuman):
            self.turn_routes.append(event)
        elif isinstance(event, Suggestion) and event.kind == "intent":
            # "Not sure yet" is no intent: the bot neither routes nor answers on it.
            self.intent = event if event.status != NOT_SURE else self.intent
        elif isinstance(event, Suggestion) and event.kind in ("article", "answer"):
            self.turn_articles.append(event)

    def _note_cues(self, cues: tuple[Cue, ...], phrase_floor: float | None) -> None:
        known = [*self.cues, *(c for c in cues if c not in self.cues)]
        self.cues = sorted(known, key=lambda c: -abs(c.weight))[:CARD_CUES]
        self.phrase_floor = phrase_floor if phrase_floor is not None else self.phrase_floor

    # -- turns ------------------------------------------------------------------------

    def _start(self, event: CallStarted) -> list[Event]:
        meta = event.metadata or {}
        if not self._wanted(event):
            return []
        if meta.get("language") in ("nl", "en"):
            self.language = meta["language"]
        self.in_business_hours = self.config.is_open(self._started_at(meta))
        self.phase = LISTENING
        return [
            self._decision("greet", f"new call, language {self.language}", ""),
            self._say("greeting", self._text("greeting")),
        ]

    def _wanted(self, event: CallStarted) -> bool:
        """Metadata `voicebot: true / false`, else a call with no agent leg (bot-first inbound)."""
        wanted = (event.metadata or {}).get("voicebot")
        return switched_on(wanted) if wanted is not None else AGENT not in event.legs

    def _text(self, key: str) -> str:
        """A configured prompt in the caller's language."""
        return self.config.text(key, self.language)

    def _started_at(self, meta: dict) -> datetime:
        zone = ZoneInfo(self.config.timezone)
        try:
            return datetime.fromisoformat(str(meta["started_at"])).astimezone(zone)
        except (KeyError, ValueError, TypeError):
            return self._now().astimezone(zone) if self._now else datetime.now(zone)

    def _customer_started(self, event: SpeechStarted) -> list[Event]:
        self.customer_speaking = True
        if self.speaking is None or event.t >= self.speaking_until:
            return []
        say, t = self.speaking, max(self.clock, event.t)
        self.speaking, self.speaking_until = None, t
        played = max(0.0, t - say.t)
        return [
            self._decision("barge_in", "the caller spoke while the bot talked", event.utterance_id),
            BotStop(self.call_id, 0, t, prompt_id=say.prompt_id, played=round(played, 3)),
        ]

    def _customer_turn(self, event: TranscriptFinal) -> list[Event]:
        self.customer_speaking = False
        self.last_activity = max(self.last_activity, event.end)
        if event.language in ("nl", "en"):
            self.language = event.language
        text = event.text.strip()
        self.caller.said.append(text)
        self.caller.facts.update({f.name: f.value for f in extract_facts(text)})
        try:
            return self._judge(event, text)
        finally:
            self.turn_alerts, self.turn_routes, self.turn_articles = [], [], []

    def _judge(self, event: TranscriptFinal, text: str) -> list[Event]:
        uid = event.utterance_id
        heard = heard_confidence(event.words)
        if heard < self.config.min_transcript_confidence:
            if self.turn_alerts:  # affect alerts already weigh the words, and the voice backs them
                alert = self.turn_alerts[-1]
                return self._handoff(f"alert_{alert.level}", alert.reason, uid)
            return self._reprompt("not_understood", f"heard at p {heard:.2f}", uid)
        intent = self.intent.intent if self.intent else ""
        answer = confirmation(text) if self.phase == CONFIRMING else ""
        if asks_for_person(text) or intent == "request_human" and self._routed("asked"):
            return self._handoff("asked_for_person", f"'{text}'", uid)
        if answer == "no":
            return self._handoff("not_helped", f"'{text}' to 'did that help?'", uid)
        upset = over_threshold(self.turn_affect.get(uid, {}), self.config)
        if upset:
            return self._handoff(upset.split()[0], upset, uid)
        if self.turn_alerts:
            alert = self.turn_alerts[-1]
            return self._handoff(f"alert_{alert.level}", alert.reason, uid)
        if answer == "yes":
            return self._close(text, uid)
        if self.turn_routes:
            route = self.turn_routes[-1]
            return self._handoff(route.reason, route.explanation, uid)
        if intent in NO_SELF_SERVICE:
            return self._handoff("needs_person", f"intent {intent}", uid)
        return self._answer_or_reprompt(uid)

    def _routed(self, reason_prefix: str) -> bool:
        return any(r.reason.startswith(reason_prefix) for r in self.turn_routes)

    def _spoken_articles(self) -> list[Suggestion]:
        """This turn's article cards in the caller's language."""
        return [a for a in self.turn_articles if a.language in ("", self.language)]

    def _bar(self, article: Suggestion) -> float:
        """The confidence `article`'s passage needs to be given as the answer.

        Less when the article is written for the contact's intent: the intent model and
        the knowledge base then agree on what the question is about. The chat bot's rule
        too, with its own bars; both only ever see article cards that cleared the assist
        stage's calibrated floors, from words heard clearly enough.
        """
        on_topic = self.intent is not None and self.intent.intent in article.article_intents
        on, off = self._answer_bars()
        return on if on_topic else off

    def _answer_bars(self) -> tuple[float, float]:
        """The answer bars (on the contact's intent, off it) of this front door."""
        return self.config.answer_confidence, self.config.answer_confidence_off_topic

    def _answer_or_reprompt(self, uid: str) -> list[Event]:
        best = max(self._spoken_articles(), key=lambda a: a.confidence, default=None)
        if best is not None and best.confidence >= self._bar(best):
            return self._answer(best, uid)
        if best is not None or (self.intent and self.turn_articles):
            why = f"best passage {best.confidence:.2f}" if best else "no passage in this language"
            bar = f" < {self._bar(best)}" if best else ""
            return self._handoff("low_confidence", why + bar, uid)
        if self.phase == CONFIRMING:
            return self._reprompt("confirm_again", "neither yes nor no", uid)
        return self._reprompt("not_understood", "no intent or article recognised", uid)

    # -- actions ----------------------------------------------------------------------

    def _answer(self, article: Suggestion, uid: str) -> list[Event]:
        self.phase, self.reprompts = CONFIRMING, 0
        text = f"{self._answer_text(article)} {self._text('confirm')}"
        detail = {"article": article.item, "confidence": article.confidence}
        return [
            self._decision("answer", f"{article.item} at {article.confidence:.2f}", uid, detail),
            self._say("answer", text, article=article),
        ]

    def _answer_text(self, article: Suggestion) -> str:
        """The article's passage as the bot says it: whole sentences, at most answer_max_chars."""
        return spoken_answer(article.text, self.config.answer_max_chars)

    def _close(self, text: str, uid: str) -> list[Event]:
        self.phase = CLOSED
        return [
            self._decision("close", f"'{text}' to 'did that help?'", uid),
            self._say("goodbye", self._text("goodbye"), then=THEN_HANGUP),
        ]

    def _reprompt(self, kind: str, why: str, uid: str) -> list[Event]:
        if self.reprompts >= self.config.max_reprompts:
            reason = "no_response" if kind == "silence" else "not_understood"
            return self._handoff(reason, f"{why}, after {self.reprompts} re-prompts", uid)
        self.reprompts += 1
        detail = {"reprompt": self.reprompts, "of": self.config.max_reprompts}
        return [
            self._decision("reprompt", f"{kind}: {why}", uid, detail),
            self._say("reprompt", self._text(kind)),
        ]

    def _handoff(self, reason: str, why: str, uid: str) -> list[Event]:
        self.phase = HANDED_OFF
        card = self._card(reason)
        detail = {"queue": card.queue, "priority": card.priority}
        return [
            self._decision("handoff", f"{reason}: {why}", uid, detail),
            card,
            self._say("handoff", self._text("handoff"), then=THEN_TRANSFER),
        ]

    def _card(self, reason: str) -> Handoff:
        card = self.intent
        routes = self.turn_routes
        intent = card.intent if card else (routes[-1].intent if routes else "")
        urgency = card.urgency if card else (routes[-1].urgency if routes else "normal")
        if reason in ("frustration", "load") or reason.startswith("alert_"):
            urgency = "critical" if urgency == "critical" else "high"
        team = card.team if card else (routes[-1].team if routes else "")
        queue = self.config.queue_for(intent, team)
        if not self.in_business_hours:
            queue = self.config.after_hours_queue
        summary = routes[-1].summary if routes else (card.text if card else "")
        context = routes[-1].context if routes else (card.context if card else {})
        return Handoff(
            self.call_id,
            0,
            self.clock,
            queue=queue,
            priority=self.config.priority_for(urgency),
            reason=reason,
            intent=intent,
            urgency=urgency,
            language=self.language,
            in_business_hours=self.in_business_hours,
            summary=summary,
            context=dict(context),
            facts=dict(self.caller.facts),
            customer_said=tuple(self.caller.said),
            bot_said=tuple(self.bot_said),
            affect=dict(self.caller.affect),
            cues=tuple(self.cues),
            phrase_floor=self.phrase_floor,
        )

    def _decision(self, action: str, reason: str, uid: str, detail: dict | None = None) -> Event:
        return BotDecision(
            self.call_id,
            0,
            self.clock,
            action=action,
            reason=reason,
            utterance_id=uid,
            detail=detail or {},
        )

    def _say(
        self, purpose: str, text: str, article: Suggestion | None = None, then: str = THEN_LISTEN
    ) -> BotSay:
        self.prompts += 1
        try:
            duration = float(self.speech_seconds(text, self.language))
        except (OSError, ValueError, RuntimeError):
            duration = estimate_seconds(text)  # the audio shell will report the failure itself
        start = max(self.clock, self.speaking_until)
        say = BotSay(
            self.call_id,
            0,
            start,
            prompt_id=f"{self.call_id}:bot:{self.prompts}",
            purpose=purpose,
            text=text,
            language=self.language,
            duration=round(duration, 3),
            article=article.item if article else "",
            then=then,
            suggestion_id=article.suggestion_id if article else "",
        )
        self.speaking, self.speaking_until = say, start + duration
        self.bot_said.append(text)
        return say
