"""The assist stage: per contact, what the agent needs next, from the transcript and the affect.

A pipeline Stage (sans-I/O). On each customer `transcript.final` it embeds the
words once and uses that vector for the intent and the knowledge base; it pulls
out facts, checks for contradictions and custom requests, and suggests the
playbook's next steps that have not happened yet. Agent utterances mark steps
as done. `affect` and `alert` events from the affect stage raise the urgency.
At the end of the contact it drafts the follow-up message. On a chat (source
`chat`) without a chat bot it is also the front door: a confident knowledge-base
answer is offered as-is, anything else goes to a person with the context summary
(with `[chat] bot` on, the bot decides that instead).

It shows only what the evidence supports (abstention.py): an intent, article or
hand-over needs words heard clearly enough and must clear the floors calibrated for
the contact's language and audio condition (floors.py); short of that the intent card
says "not sure yet", and no draft or next step follows. A "no article covers this"
hand-over waits for the agent's turn and the customer still asking. A clear request for a
person in charge, heard clearly in every word (the phrases no dismissed alert weakens),
hands over at once without changing the contact's intent.

Customer record convention: `call.started` metadata `record` is an object with
any of `name`, `tracking_code`, `order_number`, `postcode`, `house_number`,
`email`, `street`; stated facts that differ from it are flagged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from copilot.assist.abstention import (
    CONFIRMATION,
    NEW_REQUEST,
    Agreement,
    GapWatch,
    Opening,
    intent_bar,
    judge_line,
    not_sure_card,
)
from copilot.assist.complexity import ComplexityCheck, Finding
from copilot.assist.facts import extract_facts
from copilot.assist.floors import TYPED, Floors, audio_condition
from copilot.assist.intents import unit_rows
from copilot.assist.knowledge import ArticleMatch
from copilot.assist.learning import ARTICLE_BOOST, STEP_BOOST
from copilot.assist.models import AssistModels
from copilot.assist.summary import ContactState, done_steps, summarise
from copilot.assist.urgency import UrgencyTracker
from copilot.audio.format import AGENT, CUSTOMER
from copilot.events.affect import Affect, Alert
from copilot.events.assist import Draft, RouteToHuman, Suggestion, suggestion_id
from copilot.events.core import (
    CallStarted,
    Event,
    TranscriptFinal,
    clearly_heard_text,
    heard_confidence,
)
from copilot.pipeline.language import guess_language
from copilot.pipeline.manager_request import clear_manager_request

OTHER = "other"
NO_SELF_SERVICE = frozenset({"complaint", "request_human", "cancel_contract"})
CHAT_SOURCE = "chat"


@dataclass
class _Contact:
    call_id: str = ""
    source: str = ""
    record: dict = field(default_factory=dict)
    language: str = ""
    intent: str = OTHER
    confidence: float = 0.0
    request: str = ""
    request_utterance: str = ""
    facts: dict[str, str] = field(default_factory=dict)
    done_steps: set[str] = field(default_factory=set)
    shown: set[str] = field(default_factory=set)  # suggestion ids already sent
    announced: tuple[str, str] = ("", "")  # (intent, urgency) last sent
    articles: dict[str, ArticleMatch] = field(default_factory=dict)  # best match per article
    routed: set[str] = field(default_factory=set)
    last_t: float = 0.0
    turn_best: ArticleMatch | None = None  # this turn's top article, for the front door
    condition: str = "clean"  # how the words reach copilot: text, chat, clean or 8k (floors.py)
    not_sure: str = ""  # what the last "not sure yet" card said was missing
    gap: GapWatch = field(default_factory=GapWatch)  # a question no article covers, waiting
    agreement: Agreement = field(default_factory=Agreement)  # the intents the clear questions asked
    near_article: bool = False  # an article came over the noise floor, shown or not
    opening: Opening = field(default_factory=Opening)  # the customer's opening request
    # Articles over the on-topic floor not written for the intent of their time, the best
    # match of each with the line it answers and that line's likeliest intent: shown when
    # the contact's intent becomes that one and they are written for it.
    held_articles: dict[str, tuple[ArticleMatch, TranscriptFinal, str]] = field(
        default_factory=dict
    )
    confirm_heard: bool = True  # on audio, a line's intent waits for a second agreeing line


def _outscores(match: ArticleMatch, known: ArticleMatch | None) -> bool:
    """`match` is the better of the two matches of one article (or the first of it)."""
    return known is None or match.score > known.score


class AssistStage:
    """One contact's assist: intent, articles, next steps, hand-overs and the wrap-up draft."""

    def __init__(
        self,
        models: AssistModels,
        language: str = "en",
        front_door: bool = True,
        confirm_heard: bool = True,
    ) -> None:
        self.models = models
        # Off when a chat bot answers the chat: the bot is the front door, and a `front_door`
        # route beside its answer would send the agent a hand-over that never happened.
        self.front_door = front_door
        # On audio a line's intent waits for a second agreeing line (abstention.Agreement)
        # before an agent sees it. Off where the voicebot answers: it asks the caller itself
        # ("did this help?") and must act on the first question, not on the second; a call
        # with an agent leg is the agent's, and waits all the same.
        self.confirm_heard = confirm_heard
        self.config = models.config
        self.default_language = language if language in ("en", "nl") else "en"
        self.contact = _Contact()
        self.urgency = UrgencyTracker(words=models.urgency_words)
        self.complexity = ComplexityCheck()

    def feed(self, event: Event) -> list[Event]:
        """Stage.feed: customer lines make the cards, agent lines tick off playbook steps.

        Affect and alerts raise the urgency; a `take_over` alert hands the contact to a person.
        """
        c = self.contact
        c.call_id = event.call_id or c.call_id
        c.last_t = max(c.last_t, event.t)
        if isinstance(event, CallStarted):
            c.source = event.source
            c.record = dict(event.metadata.get("record") or {})
            c.condition = audio_condition(event.source, event.metadata)
            c.confirm_heard = self.confirm_heard or AGENT in event.legs
            self.complexity = ComplexityCheck(c.record)
            return []
        if isinstance(event, Affect) and event.speaker == CUSTOMER:
            self.urgency.note_affect(event.frustration)
            return self._intent_update(event.t)
        if isinstance(event, Alert):
            self.urgency.note_alert(event.level, event.signal, event.basis, event.run)
            out = self._intent_update(event.t)
            if event.level == "take_over":
                escalation = Finding("escalation", event.reason, (), "escalation")
                out += self._route(event.t, escalation, event.confidence)
            return out
        if isinstance(event, TranscriptFinal) and event.text.strip():
            if event.speaker == AGENT:
                c.done_steps |= self.models.playbooks.steps_heard(event.text)
                c.gap.agent_spoke()
                return []
            if event.speaker == CUSTOMER:
                return self._on_customer(event)
        return []

    def flush(self) -> list[Event]:
        """Stage.flush: the follow-up draft, unless the contact never got an intent."""
        c = self.contact
        if c.intent == OTHER:
            return []
        return [self.draft(c.last_t)]

    # -- customer words ----------------------------------------------------------

    def _on_customer(self, event: TranscriptFinal) -> list[Event]:
        c = self.contact
        c.language = (
            event.language or c.language or guess_language(event.text, self.default_language)
        )
        vector = unit_rows(self.models.encoder.encode([event.text]))
        guess = self.models.intents.classify(event.text, vector)
        facts = extract_facts(event.text)
        c.facts.update({f.name: f.value for f in facts})
        # A deadline or a critical word raises urgency only when whisper heard it clearly.
        floor = self.config.min_transcript_confidence
        self.urgency.note_text(clearly_heard_text(event.text, event.words, floor))
        out: list[Event] = []
        # Words without whisper's probabilities were typed, not heard: the typed floors
        # judge them (a transcript pasted into a call, a chat), whatever the call's audio.
        typed = c.condition in TYPED or not event.words
        floors = self.floors(typed)
        heard = heard_confidence(event.words)
        line = judge_line(guess, heard, floor, floors.intent)
        clear = line.clear
        # On audio a line needs an earlier clear line that agrees (abstention.Agreement). A
        # contact whose opening request is likeliest `other` (a meter reading at a parcel
        # service) goes on about that request (abstention.Opening): what a line needs is
        # abstention.intent_bar; the bar of changing an intent is calibrated like the floors.
        switch = floors.intent_switch
        agreed = typed or not c.confirm_heard or c.agreement.agrees(line)
        unplaced = c.confirm_heard and c.opening.unplaced
        needed = intent_bar(floors.intent, switch, agreed, unplaced, c.intent != OTHER)
        c.agreement.note(line)
        changed = (
            line.sure
            and guess.intent != c.intent
            and needed is not None
            and guess.confidence >= needed
        )
        if changed:
            # Another intent is a new question: whether an article came near the last one
            # says nothing about it (the words before the first intent were this question).
            c.near_article = c.near_article and c.intent == OTHER
            c.intent, c.confidence = guess.intent, guess.confidence
            c.request, c.request_utterance = event.text, event.utterance_id
        c.opening.note(line, event.text, c.intent != OTHER)
        out += self._intent_update(event.t)
        out += self._held_articles(event.t) if changed else []
        why_not = NEW_REQUEST if unplaced else CONFIRMATION
        missing = line.missing or (why_not if c.intent == OTHER and line.sure else "")
        if c.intent == OTHER and missing and missing != c.not_sure:
            c.not_sure = missing
            out.append(not_sure_card(c.call_id, event, line, self.contact_state(), missing))
        # A person is asked for when the contact is about that, or in so many words ("I want
        # your manager") inside a complaint: the contact keeps its intent, the agent is told.
        asked = clear_manager_request(event.text, event.words, floor)
        if asked or (clear and c.intent == "request_human" and guess.intent == "request_human"):
            out += self._route(
                event.t,
                Finding(
                    "asked_for_human", "the customer asks for a person", (event.text,), "asked"
                ),
                heard,
            )
        for finding in self.complexity.check(event.text, facts) if clear else ():
            out += self._route(event.t, finding, heard)
        c.turn_best = None
        # Small talk looks nothing up; words heard too unsurely show no article either.
        asks = guess.intent if line.asks and clear else ""
        matches = self._articles(event, vector, floors, asks) if asks else []
        out += matches
        # Still asking about the contact's intent, as surely as changing it would take: a
        # customer answering the agent's question ("Monday morning?") is not asking again.
        if (
            line.sure
            and guess.intent == c.intent
            and guess.confidence >= max(switch, floors.intent)
        ):
            gap = c.gap.customer_asks(event.text, c.near_article, c.intent)
            out += self._route(event.t, gap, heard) if gap else []
        out += self._next_steps(event.t)
        if self.front_door and c.source == CHAT_SOURCE and guess.intent != OTHER:
            out += self._front_door(event, floors)
        return out

    def _intent_update(self, t: float) -> list[Event]:
        c = self.contact
        if c.intent == OTHER:
            return []
        urgency = self.urgency.level(c.intent)
        if (c.intent, urgency) == c.announced:
            return []
        c.announced = (c.intent, urgency)
        state = self.contact_state()
        return [
            Suggestion(
                c.call_id,
                0,
                t,
                suggestion_id=suggestion_id(c.call_id, "intent", c.intent),
                kind="intent",
                item=c.intent,
                title=c.intent.replace("_", " "),
                text=summarise(state),
                context=state.context(),
                confidence=round(c.confidence, 3),
                language=c.language,
                intent=c.intent,
                urgency=urgency,
                team=self.models.domain.team_for(c.intent),
                utterance_id=c.request_utterance,
                quote=c.request,
            )
        ]

    def floors(self, typed: bool = False) -> Floors:
        """The calibrated floors of this contact's language and audio condition (`typed`:
        of typed words in that language)."""
        c = self.contact
        condition = c.condition
        if typed and condition not in TYPED:
            condition = "text"  # typed words on a call heard on audio
        return self.models.floors.floors_for(c.language or self.default_language, condition)

    def _articles(self, event: TranscriptFinal, vector, floors: Floors, asks: str) -> list[Event]:
        """Articles for `event`'s words (`asks`: the line's likeliest intent): shown, or
        held back until the contact's intent is theirs."""
        c = self.contact
        boosts = self.models.ranking.boosts("article", ARTICLE_BOOST)
        found = self.models.kb.search(
            event.text, c.language, k=self.config.articles_shown, boosts=boosts, vector=vector[0]
        )
        out: list[Event] = []
        c.turn_best = found[0] if found else None
        # Not shown is not "nothing covers it": an article over the noise floor may answer it.
        noise = self.config.article_min_similarity
        c.near_article = c.near_article or any(m.similarity >= noise for m in found)
        for match in found:
            # An article written for the contact's intent has two signals behind it. One
            # written for another intent is held back: once the intent is known it would be
            # about something else (a chat is the exception: each message is answered on
            # its own), and on audio misheard words find plausible wrong articles, so there
            # an article waits for the intent as the intent waits for a second agreeing
            # line (and, like that rule, not where the voicebot asks the caller itself). It
            # is shown if the contact's intent turns out to be its own and the line that
            # found it asked about that intent: a later question does not make an earlier
            # line's weak match about it.
            on_topic = c.intent != OTHER and c.intent in match.intents
            heard_first = c.condition not in TYPED and c.confirm_heard
            held = not on_topic and (heard_first or (c.intent != OTHER and c.source != CHAT_SOURCE))
            if held:
                known = c.held_articles.get(match.article_id)
                if match.similarity >= floors.article and _outscores(match, known and known[0]):
                    c.held_articles[match.article_id] = (match, event, asks)
                continue
            if match.similarity < floors.article_floor(on_topic):
                continue
            out += self._show_article(match, event)
        return out

    def _show_article(
        self, match: ArticleMatch, event: TranscriptFinal, t: float | None = None
    ) -> list[Event]:
        c = self.contact
        if _outscores(match, c.articles.get(match.article_id)):
            c.articles[match.article_id] = match
        card = self._article_card("article", match, event, t)
        return [card] if card is not None else []

    def _held_articles(self, t: float) -> list[Event]:
        """Articles held back for want of an intent that are written for the one just set;
        sent now (`t`: up front in the sidebar), quoting the line that found them."""
        c = self.contact
        ready = [
            (match, event)
            for match, event, asked in c.held_articles.values()
            if c.intent in match.intents and asked == c.intent
        ]
        out: list[Event] = []
        for match, event in sorted(ready, key=lambda held: -held[0].score):
            del c.held_articles[match.article_id]
            out += self._show_article(match, event, t)
        return out

    def _next_steps(self, t: float) -> list[Event]:
        c = self.contact
        if c.intent == OTHER:
            return []
        order = self.models.ranking.boosts("next_step", STEP_BOOST)
        steps = self.models.playbooks.next_steps(c.intent, c.done_steps, set(c.facts), order)
        out: list[Event] = []
        for step in steps[: self.config.steps_shown]:
            item = f"{c.intent}.{step.step_id}"
            sid = suggestion_id(c.call_id, "next_step", item)
            if sid in c.shown:
                continue
            c.shown.add(sid)
            out.append(
                Suggestion(
                    c.call_id,
                    0,
                    t,
                    suggestion_id=sid,
                    kind="next_step",
                    item=item,
                    title=step.step_id.replace("_", " "),
                    text=step.text_in(c.language or "en"),
                    translations=dict(step.text),
                    confidence=round(c.confidence, 3),
                    language=c.language,
                    intent=c.intent,
                )
            )
        return out

    def _front_door(self, event: TranscriptFinal, floors: Floors) -> list[Event]:
        c = self.contact
        best = c.turn_best
        on_topic = best is not None and c.intent in best.intents
        bar = max(self.config.answer_similarity, floors.article_floor(on_topic))
        if best and best.similarity >= bar and c.intent not in NO_SELF_SERVICE:
            card = self._article_card("answer", best, event)
            return [card] if card is not None else []
        why = (
            "needs a person"
            if c.intent in NO_SELF_SERVICE
            else "no confident answer in the knowledge base"
        )
        return self._route(event.t, Finding("front_door", why, (event.text,), "front_door"))

    def _article_card(
        self, kind: str, match: ArticleMatch, event: TranscriptFinal, t: float | None = None
    ) -> Suggestion | None:
        """An article (or front-door answer) card, unless this contact has had it already.

        With a chat bot as the front door, an article matched again is sent again (same
        id: a sidebar updates its card): the bot judges each message on that message's
        own matches, and one hidden because an earlier message matched it too would leave
        a new question unanswered, or answered by a weaker article than its best one.
        """
        c = self.contact
        sid = suggestion_id(c.call_id, kind, match.article_id)
        if sid in c.shown and (self.front_door or kind != "article"):
            return None
        c.shown.add(sid)
        return Suggestion(
            c.call_id,
            0,
            event.t if t is None else t,
            suggestion_id=sid,
            kind=kind,
            item=match.article_id,
            title=f"{match.title} - {match.heading}" if match.heading else match.title,
            text=match.passage,
            confidence=match.similarity,
            language=match.language,
            intent=c.intent,
            source=match.path,
            utterance_id=event.utterance_id,
            quote=event.text,
            heard=round(heard_confidence(event.words), 3),
            article_intents=match.intents,
        )

    def _route(self, t: float, finding: Finding, heard: float = 1.0) -> list[Event]:
        c = self.contact
        if finding.key in c.routed:
            return []
        c.routed.add(finding.key)
        intent = c.intent
        state = self.contact_state()
        return [
            RouteToHuman(
                c.call_id,
                0,
                t,
                suggestion_id=suggestion_id(c.call_id, "route", finding.key),
                reason=finding.reason,
                explanation=finding.explanation,
                evidence=finding.evidence,
                summary=summarise(state),
                context=state.context(),
                intent=intent,
                urgency=self.urgency.level(intent),
                team=self.models.domain.team_for("request_human" if intent == OTHER else intent),
                heard=round(heard, 3),
            )
        ]

    # -- for people ----------------------------------------------------------------

    def contact_state(self) -> ContactState:
        """What the next person needs of this contact: the `context` of intent and route cards."""
        c = self.contact
        # The contact's own playbook names a step heard done first, then the others in order.
        intents = (c.intent, *self.models.domain.intents)
        return ContactState(
            c.intent,
            c.language or self.default_language,
            c.request,
            dict(c.facts),
            done_steps(self.models.playbooks, intents, c.done_steps),
            self.urgency.level(c.intent),
            tuple(self.urgency.reasons),
        )

    def summary(self) -> str:
        """The context as prose in the contact's language (the `text` / `summary` fields)."""
        return summarise(self.contact_state())

    def best_article(self) -> ArticleMatch | None:
        """The best-scoring article shown in this contact that is written for its intent.

        Only one written for the intent: a draft about an address change must not quote
        the cancellation article the customer's other words happened to match.
        """
        matches = sorted(self.contact.articles.values(), key=lambda m: -m.score)
        on_topic = [m for m in matches if self.contact.intent in m.intents]
        return on_topic[0] if on_topic else None

    def draft(self, t: float = 0.0) -> Draft:
        """The follow-up message so far: the contact's facts, best article and next step."""
        c = self.contact
        article = self.best_article()
        language = c.language or self.default_language
        steps = self.models.playbooks.next_steps(c.intent, c.done_steps, set(c.facts))
        values = {**c.facts, "name": str(c.record.get("name", ""))}
        values["passage"] = article.passage if article else ""
        values["next_step"] = steps[0].text_in(language) if steps else ""
        if "street" in c.facts:
            values["address"] = f"{c.facts['street']} {c.facts.get('house_number', '')}".strip()
        text = self.models.drafts.write(c.intent, language, values)
        return Draft(
            c.call_id,
            0,
            t,
            suggestion_id=suggestion_id(c.call_id, "draft", self.config.draft_channel),
            channel=self.config.draft_channel,
            language=language,
            intent=c.intent,
            subject=text.subject,
            body=text.body,
            facts={k: v for k, v in values.items() if v and k not in ("passage", "next_step")},
            article=article.article_id if article else "",
            next_step=steps[0].step_id if steps else "",
            generator=text.generator,
        )
