"""The assist stage: per contact, what the agent needs next, from the transcript and the affect.

A pipeline Stage (sans-I/O). On each customer `transcript.final` it embeds the
words once and uses that vector for the intent and the knowledge base; it pulls
out facts, checks for contradictions and custom requests, and suggests the
playbook's next steps that have not happened yet. Agent utterances mark steps
as done. `affect` and `alert` events from the affect stage raise the urgency.
At the end of the contact it drafts the follow-up message. On a chat (source
`chat`) it is also the front door: a confident knowledge-base answer is offered
as-is, anything else goes to a person with the context summary.

Customer record convention: `call.started` metadata `record` is an object with
any of `name`, `tracking_code`, `order_number`, `postcode`, `house_number`,
`email`, `street`; stated facts that differ from it are flagged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from copilot.assist.complexity import ComplexityCheck, Finding
from copilot.assist.facts import extract_facts
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


class AssistStage:
    """One contact's assist: intent, articles, next steps, hand-overs and the wrap-up draft."""

    def __init__(self, models: AssistModels, language: str = "en") -> None:
        self.models = models
        self.config = models.config
        self.default_language = language if language in ("en", "nl") else "en"
        self.contact = _Contact()
        self.urgency = UrgencyTracker()
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
        needed = (
            self.config.min_intent_confidence
            if c.intent == OTHER
            else self.config.switch_intent_confidence
        )
        heard = heard_confidence(event.words)
        clear = heard >= self.config.min_transcript_confidence
        if clear and guess.intent not in (OTHER, c.intent) and guess.confidence >= needed:
            c.intent, c.confidence = guess.intent, guess.confidence
            c.request, c.request_utterance = event.text, event.utterance_id
        out += self._intent_update(event.t)
        if clear and c.intent == "request_human" and guess.intent == "request_human":
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
        matches = self._articles(event, vector) if guess.intent != OTHER else []
        out += matches
        if clear and guess.intent != OTHER and not c.articles:
            gap = Finding(
                "policy_gap",
                "no knowledge-base article covers this",
                (event.text,),
                f"gap:{c.intent}",
            )
            out += self._route(event.t, gap, heard)
        out += self._next_steps(event.t)
        if c.source == CHAT_SOURCE and guess.intent != OTHER:
            out += self._front_door(event)
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
                team=self.config.team_for(c.intent),
                utterance_id=c.request_utterance,
                quote=c.request,
            )
        ]

    def _articles(self, event: TranscriptFinal, vector) -> list[Event]:
        c = self.contact
        boosts = self.models.ranking.boosts("article", ARTICLE_BOOST)
        found = self.models.kb.search(
            event.text, c.language, k=self.config.articles_shown, boosts=boosts, vector=vector[0]
        )
        out: list[Event] = []
        c.turn_best = found[0] if found else None
        for match in found:
            if match.similarity < self.config.article_min_similarity:
                continue
            known = c.articles.get(match.article_id)
            if known is None or match.score > known.score:
                c.articles[match.article_id] = match
            card = self._article_card("article", match, event)
            if card is not None:
                out.append(card)
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

    def _front_door(self, event: TranscriptFinal) -> list[Event]:
        c = self.contact
        best = c.turn_best
        if (
            best
            and best.similarity >= self.config.answer_similarity
            and c.intent not in NO_SELF_SERVICE
        ):
            card = self._article_card("answer", best, event)
            return [card] if card is not None else []
        why = (
            "needs a person"
            if c.intent in NO_SELF_SERVICE
            else "no confident answer in the knowledge base"
        )
        return self._route(event.t, Finding("front_door", why, (event.text,), "front_door"))

    def _article_card(
        self, kind: str, match: ArticleMatch, event: TranscriptFinal
    ) -> Suggestion | None:
        """An article (or front-door answer) card, unless this contact has had it already."""
        c = self.contact
        sid = suggestion_id(c.call_id, kind, match.article_id)
        if sid in c.shown:
            return None
        c.shown.add(sid)
        return Suggestion(
            c.call_id,
            0,
            event.t,
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
                team=self.config.team_for("request_human" if intent == OTHER else intent),
                heard=round(heard, 3),
            )
        ]

    # -- for people ----------------------------------------------------------------

    def contact_state(self) -> ContactState:
        """What the next person needs of this contact: the `context` of intent and route cards."""
        c = self.contact
        # The contact's own playbook names a step heard done first, then the others in order.
        intents = (c.intent, *self.config.intents)
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
        """The best-scoring article seen in this contact, preferring ones tagged with its intent."""
        matches = sorted(self.contact.articles.values(), key=lambda m: -m.score)
        on_topic = [m for m in matches if self.contact.intent in m.intents]
        best = on_topic or matches
        return best[0] if best else None

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
