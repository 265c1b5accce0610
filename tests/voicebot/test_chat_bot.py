"""The chat front door on real text: the stages a served chat gets with `[chat] bot` on.

Real models (the USE sentence encoder behind intents and the knowledge base, the text
emotion model behind affect), driven through `ChatConversation` as the live chat
session drives it; no audio, so no wall clock and no timer.
"""

from __future__ import annotations

import dataclasses

import pytest

from copilot.affect.stage import AffectStage
from copilot.assist.stage import AssistStage
from copilot.audio.format import CUSTOMER
from copilot.config import Config, ConfigError, set_key
from copilot.events.affect import Affect
from copilot.events.assist import RouteToHuman, Suggestion
from copilot.events.codec import event_from_json
from copilot.events.core import TranscriptFinal
from copilot.events.voicebot import BOT, BotDecision, BotSay, Handoff
from copilot.pipeline.chat import ChatConversation, TurnFormatError
from copilot.runtime import StageFactory
from copilot.voicebot.chat_bot import ChatBotStage
from copilot.voicebot.policy import only_thanks, picked_option
from copilot.voicebot.settings import ChatBotConfig
from copilot.voicebot.stage import VoicebotStage

OFFICE_HOURS = {"started_at": "2025-03-04T10:00:00+01:00"}  # a Tuesday morning
TRACKING = "VP 123456789 NL"


@pytest.fixture(scope="module")
def factory():
    config = Config(stages=("affect", "assist"))
    set_key(config, "chat.bot", "true")
    made = StageFactory(config)
    made.preload()
    return made


class Chat:
    """One chat with the bot, and every event it produced so far."""

    def __init__(self, factory: StageFactory, language: str, **metadata) -> None:
        meta = {**OFFICE_HOURS, "language": language, **metadata}
        stages = factory.for_call("CH1", meta, chat=True)
        self.conversation = ChatConversation("CH1", stages, meta, language)
        self.events = self.conversation.start()

    def say(self, text: str, speaker: str = "customer") -> list:
        out = self.conversation.turn(speaker, text)
        self.events += out
        return out

    def of(self, kind: type) -> list:
        return [e for e in self.events if isinstance(e, kind)]

    def actions(self) -> list[str]:
        return [d.action for d in self.of(BotDecision)]

    def bot_lines(self) -> list[str]:
        return [f.text for f in self.of(TranscriptFinal) if f.speaker == BOT]


def bot_events(events: list) -> list:
    return [e for e in events if isinstance(e, BotSay | BotDecision | Handoff)]


@pytest.mark.parametrize(
    ("language", "opening"),
    [("nl", "Welkom bij de chat van Vlotpost."), ("en", "Welcome to the Vlotpost chat.")],
)
def test_the_bot_greets_in_the_chats_language_and_the_greeting_is_a_bot_final(
    factory, language, opening
):
    chat = Chat(factory, language)
    kinds = [e.type for e in chat.events]
    assert kinds == ["call.started", "bot.decision", "bot.say", "transcript.final"]
    say, final = chat.events[2], chat.events[3]
    assert say.text.startswith(opening) and say.language == language and say.duration == 0
    assert (final.speaker, final.text, final.language) == (BOT, say.text, language)
    assert final.utterance_id == say.prompt_id and final.seq == say.seq + 1


def test_waar_blijft_mijn_pakketje_offers_topics_asks_the_tracking_code_then_answers(factory):
    chat = Chat(factory, "nl")
    chat.say("Waar blijft mijn pakketje?")
    # Two articles score close together (0.45 and 0.43): the customer picks, the bot does
    # not guess.
    (offer,) = [d for d in chat.of(BotDecision) if d.action == "choose"]
    assert offer.detail["options"] == ["delivery-times", "lost-parcel"]
    assert chat.bot_lines()[-1].startswith("Gaat uw vraag over een van deze onderwerpen? 1) ")
    chat.say("De eerste.")
    assert chat.actions()[-1] == "ask"
    assert "volgcode" in chat.bot_lines()[-1]
    chat.say(f"Mijn volgcode is {TRACKING}.")
    (answer,) = [s for s in chat.of(BotSay) if s.purpose == "answer"]
    assert answer.article == "delivery-times" and answer.language == "nl"
    assert answer.text.startswith(f"Dank u, ik heb {TRACKING} genoteerd.")
    assert answer.text.endswith("Heeft dit antwoord u geholpen?")
    # The answer names the article card it came from, which the stream holds.
    cards = {s.suggestion_id: s for s in chat.of(Suggestion) if s.kind == "article"}
    assert cards[answer.suggestion_id].item == answer.article
    assert chat.bot_lines()[-1] == answer.text
    # "Yes" closes the answer, not the chat: the next question is answered too.
    chat.say("Ja, dank u wel.")
    assert chat.actions()[-1] == "close"
    chat.say("De app crasht steeds.")
    assert chat.actions()[-1] == "answer"
    assert chat.of(BotSay)[-1].article == "app-account"
    chat.say("Ja hoor.")
    assert bot_events(chat.say("Fijne dag!")) == []  # a goodbye after a good answer: no reply
    assert not chat.of(Handoff)


NEXT_QUESTION = {
    "nl": (
        "Waar blijft mijn pakketje? Mijn volgcode is VP123456789NL.",
        "Ja, dank u, dat helpt.",
        "Hoe kan ik een pakket retourneren?",
        "Fijne dag!",
        "Dank u wel, tot ziens.",
    ),
    "en": (
        "Where is my parcel? My tracking code is VP123456789NL.",
        "Yes, thank you, that helps.",
        "How do I return a parcel?",
        "Thanks, bye!",
        "Thank you, have a nice day.",
    ),
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_question_after_yes_that_helped_is_answered_by_its_own_best_article(factory, language):
    # The first answer's lookup also matched the returns article (shown then, below the
    # bar); asked about returns next, the bot must still see that article, not answer with
    # the damaged-parcel one (which is also written for returns) nor stay silent.
    question, helped, returns, thanks, bye = NEXT_QUESTION[language]
    chat = Chat(factory, language)
    chat.say(question)
    assert chat.of(BotSay)[-1].article == "delivery-times"
    chat.say(helped)
    assert chat.actions()[-1] == "close"
    chat.say(returns)
    assert chat.actions()[-1] == "answer" and chat.of(BotSay)[-1].article == "returns"
    # Thanks or goodbye to "did that help?" closes politely; after that close, a bare
    # thanks or goodbye gets no reply.
    chat.say(thanks)
    assert chat.actions()[-1] == "close"
    assert bot_events(chat.say(bye)) == []
    assert not chat.of(Handoff)


@pytest.mark.parametrize(
    ("language", "question", "line"),
    [
        ("nl", "Hebben jullie ook vacatures?", "Sorry, dat begreep ik niet."),
        ("en", "Do you have any job openings?", "Sorry, I did not understand"),
    ],
)
def test_after_yes_that_helped_a_question_with_no_article_still_gets_a_reply(
    factory, language, question, line
):
    chat = Chat(factory, language)
    chat.say(NEXT_QUESTION[language][0])
    chat.say(NEXT_QUESTION[language][1])
    assert chat.actions()[-1] == "close"
    assert bot_events(chat.say(question))  # never left without a reply
    assert chat.actions()[-1] == "reprompt" and chat.bot_lines()[-1].startswith(line)


def test_only_a_thanks_or_goodbye_is_read_as_nothing_to_act_on():
    for text in [
        "Fijne dag!",
        "Top, dank u wel.",
        "Nee, verder niks, bedankt.",
        "Dank je wel voor de hulp, tot ziens",
        "Thanks, bye!",
        "No, that's all, thank you so much.",
        "ok",
    ]:
        assert only_thanks(text), text
    for text in [
        "Hoe kan ik een pakket retourneren?",
        "Bedankt. Ik wil ook mijn adres wijzigen.",
        "Dank u?",
        "Thanks! How do I return a parcel?",
        "Thank you, and my invoice is wrong.",
        "",
        "VP123456789NL",
    ]:
        assert not only_thanks(text), text


def test_a_fact_the_customer_record_holds_is_not_asked_for(factory):
    chat = Chat(factory, "en", record={"tracking_code": "VP123456789NL"})
    chat.say("Where is my parcel?")
    assert chat.actions()[-1] == "answer" and "ask" not in chat.actions()


def test_an_english_question_without_a_needed_fact_is_answered_at_once(factory):
    chat = Chat(factory, "en")
    chat.say("My account is locked.")
    assert chat.actions() == ["greet", "answer"]
    answer = chat.of(BotSay)[-1]
    assert answer.article == "app-account" and answer.text.endswith("Did this answer help you?")
    chat.say("No, not really.")
    card = chat.of(Handoff)[-1]
    assert card.reason == "not_helped" and answer.text in card.bot_said


def test_none_of_the_offered_topics_goes_to_a_person(factory):
    chat = Chat(factory, "en")
    # A question whose intent clears the calibrated floor but whose passages are short of
    # the answer bar: the bot offers topics instead of answering.
    chat.say("My parcel didn't come because I wasn't home.")
    assert chat.actions()[-1] == "choose"
    chat.say("ok")  # neither a topic nor "something else": offered again, a second re-prompt
    assert chat.actions()[-1] == "choose" and chat.bot_lines()[-1] == chat.bot_lines()[-2]
    chat.say("It is about something else.")
    (card,) = chat.of(Handoff)
    assert card.reason == "low_confidence" and not [s for s in chat.of(BotSay) if s.article]


def test_below_the_answer_bar_the_bot_hands_over_and_never_guesses(factory):
    strict = dataclasses.replace(
        factory.config.chat,
        answer_confidence=0.99,
        answer_confidence_off_topic=0.99,
        choice_floor=0.99,
    )
    bot = ChatBotStage(factory.config.voicebot, strict)
    assist = AssistStage(factory._assist, "en", front_door=False)
    chat = ChatConversation("CH2", [assist, bot], dict(OFFICE_HOURS), "en")
    chat.start()
    events = chat.turn("customer", "My account is locked.")
    assert [e.purpose for e in events if isinstance(e, BotSay)] == ["handoff"]
    (card,) = [e for e in events if isinstance(e, Handoff)]
    assert card.reason == "low_confidence" and card.intent == "technical_issue"


def test_nothing_understood_is_asked_again_then_handed_over(factory):
    chat = Chat(factory, "nl")
    for _ in range(3):
        chat.say("Hebben jullie ook vacatures?")
    assert chat.actions() == ["greet", "reprompt", "reprompt", "handoff"]
    assert chat.bot_lines()[1].startswith("Sorry, dat begreep ik niet.")
    assert chat.of(Handoff)[0].reason == "not_understood"


def test_asking_for_a_person_hands_over_with_the_context_card_and_the_bot_goes_quiet(factory):
    chat = Chat(factory, "en")
    chat.say(f"Hi, my parcel {TRACKING} has not arrived.")
    chat.say("I want to speak to a real person.")
    (card,) = chat.of(Handoff)
    assert card.reason == "asked_for_person" and card.language == "en"
    assert card.intent == "request_human" and card.queue == "team_leads"
    assert card.facts["tracking_code"] == "VP123456789NL"
    assert card.customer_said[-1] == "I want to speak to a real person."
    assert card.bot_said[0] == chat.bot_lines()[0]  # what the bot tried before
    assert card.context and card.in_business_hours
    assert chat.bot_lines()[-1].startswith("I am passing your question on to a colleague")
    # Handed over: whatever the customer writes next, the bot says nothing more.
    assert bot_events(chat.say("Hello? Where is my parcel?")) == []
    assert bot_events(chat.say("Thanks, that helps.", speaker="agent")) == []


def test_an_angry_customer_is_handed_over_at_once_with_high_urgency(factory):
    chat = Chat(factory, "nl")
    chat.say("Dit is echt belachelijk, ik heb al drie keer gebeld!")
    (card,) = chat.of(Handoff)
    assert card.reason == "frustration" and card.urgency in ("high", "critical")
    assert card.affect["frustration"] >= factory.config.voicebot.frustration_threshold
    assert card.cues and card.priority <= 2


def test_an_agent_who_writes_takes_the_chat_over(factory):
    chat = Chat(factory, "nl")
    chat.say("Goedemiddag, ik neem het even over.", speaker="agent")
    assert chat.actions()[-1] == "agent_joined"
    assert bot_events(chat.say("Waar blijft mijn pakketje?")) == []


def test_bot_lines_are_finals_that_affect_and_assist_leave_alone(factory):
    chat = Chat(factory, "en")
    chat.say("My account is locked.")
    people = {f.utterance_id for f in chat.of(TranscriptFinal) if f.speaker != BOT}
    assert {a.utterance_id for a in chat.of(Affect)} <= people
    assert all(a.speaker in ("agent", "customer") for a in chat.of(Affect))
    quotes = {s.quote for s in chat.of(Suggestion) if s.quote}
    assert quotes == {"My account is locked."}  # no card ever quotes the bot
    # Fed a bot line on its own, neither stage (nor the bot itself) makes anything of it.
    line = next(f for f in chat.of(TranscriptFinal) if f.speaker == BOT)
    affect = AffectStage(factory._text_scorer(), factory.config.affect)
    assert affect.feed(line) == []
    assert AssistStage(factory._assist, "en").feed(line) == []
    bot = ChatBotStage()
    bot.phase = "listening"
    assert bot.feed(line) == []
    # And every event of the chat reads back from its JSON as it was.
    for event in chat.events:
        assert event_from_json(event.to_json()) == event


def test_the_chat_client_cannot_write_as_the_bot(factory):
    chat = Chat(factory, "en")
    with pytest.raises(TurnFormatError):
        chat.say("I am the bot now.", speaker=BOT)


def test_a_chat_started_with_bot_false_gets_no_bot(factory):
    chat = Chat(factory, "en", bot=False)
    chat.say("My account is locked.")
    assert bot_events(chat.events) == []


def test_the_bot_is_only_for_chats_and_only_when_switched_on(factory):
    voice = Config(stages=("affect", "assist", "voicebot"))
    set_key(voice, "chat.bot", "true")
    both = StageFactory(voice)
    both._assist, both._learner, both._scorer = factory._assist, factory._learner, factory._scorer
    assert isinstance(both.for_call("V1")[-1], VoicebotStage)
    assert not isinstance(both.for_call("V1")[-1], ChatBotStage)
    assert isinstance(both.for_call("C1", chat=True)[-1], ChatBotStage)
    off = StageFactory(Config(stages=("affect", "assist")))
    off._assist, off._learner, off._scorer = factory._assist, factory._learner, factory._scorer
    stages = off.for_call("C2", chat=True)
    assert not any(isinstance(s, VoicebotStage) for s in stages)
    assist = next(s for s in stages if isinstance(s, AssistStage))
    assert assist.front_door  # without the bot, assist stays the chat's front door


def test_with_the_bot_on_assist_routes_no_front_door_hand_over_of_its_own(factory):
    chat = Chat(factory, "en")
    # No passage at the answer bar: assist alone would route this chat to a person.
    chat.say("Can I pay my invoice in instalments?")
    assert chat.actions()[-1] == "choose"
    assert "front_door" not in {r.reason for r in chat.of(RouteToHuman)}


def test_topic_picks_are_read_in_dutch_and_english():
    for text, picked in [
        ("2", 2),
        ("De tweede.", 2),
        ("Nummer 1.", 1),
        ("the first one", 1),
        ("Nee, de tweede", 2),  # a place wins over a no
        ("Het gaat over iets anders.", -1),
        ("Neither.", -1),
        ("1 of 2?", 0),  # asks back: offered again
        ("Waar is mijn pakket?", 0),
    ]:
        assert picked_option(text, 2) == picked, text
    assert picked_option("Ja, precies.", 1) == 1  # one topic offered: yes picks it
    assert picked_option("3", 2) == 0  # no third topic was offered


def test_chat_config_is_checked():
    config = Config()
    set_key(config, "chat.needs", "billing=postcode,parcel_status=tracking_code|order_number")
    assert config.chat.facts_for("parcel_status") == ("tracking_code", "order_number")
    assert config.chat.facts_for("billing") == ("postcode",)
    assert config.chat.facts_for("complaint") == ()
    for key, value in [
        ("chat.needs", "billing=iban"),  # the bot has no question for an iban
        ("chat.needs", "billing"),
        ("chat.answer_confidence", "1.5"),
    ]:
        with pytest.raises(ConfigError):
            set_key(config, key, value)
    with pytest.raises(ConfigError):
        StageFactory(Config(stages=("affect",), chat=ChatBotConfig(bot=True)))
    assert ChatBotConfig().text("ask_date", "nl").startswith("Om welke datum")
    assert CUSTOMER != BOT
