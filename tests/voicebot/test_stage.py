"""The voicebot front door end to end: generated caller audio, real whisper, real stages, real TTS.

Each conversation runs on the pipeline's audio timeline (`BotConversation`), so
"when" is measured in seconds of call audio, never with a wall clock.
"""

from __future__ import annotations

import dataclasses
from html import escape

import numpy as np
import pytest

from bench.bot_conversation import BotConversation
from copilot.assist.floors import Floors, FloorTable
from copilot.assist.stage import AssistStage
from copilot.audio.format import AGENT, CUSTOMER, PIPELINE_RATE
from copilot.config import Config, ConfigError, set_key
from copilot.events.affect import Affect, Cue
from copilot.events.assist import Suggestion
from copilot.events.codec import event_from_json
from copilot.events.voicebot import BotSay, BotStop, Handoff
from copilot.events.wording import Words
from copilot.pipeline.call import CallPipeline, PipelineConfig
from copilot.replay.pages import call_page
from copilot.replay.scorecard import load_scorecard
from copilot.replay.summary import summarise_call
from copilot.runtime import StageFactory
from copilot.voicebot.policy import confirmation, spoken_answer
from copilot.voicebot.stage import VoicebotStage
from copilot.voicebot.tts import SpeechSynthesizer
from tests.events.test_wording import MANAGER, PITCH
from tests.stages import final

STAGES = ("affect", "assist", "voicebot")
OFFICE_HOURS = {"started_at": "2025-03-04T10:00:00+01:00"}  # a Tuesday morning
# The caller's voice: espeak's default voices at a calm pace, never the bot's own prompts.
CALLER = SpeechSynthesizer(words_per_minute=150)


@pytest.fixture(scope="module")
def factories():
    made = {}
    for language in ("en", "nl"):
        config = Config(language=language, stages=STAGES)
        made[language] = StageFactory(config)
    made["en"].preload()
    # Both languages share the assist models, the text scorer and the prompt cache.
    made["nl"]._assist, made["nl"]._learner = made["en"]._assist, made["en"]._learner
    made["nl"]._scorer, made["nl"]._synthesizer = made["en"]._scorer, made["en"]._synthesizer
    return made


@pytest.fixture(scope="module")
def models(request):
    return {
        "en": request.getfixturevalue("tiny_en"),
        "nl": request.getfixturevalue("base_multilingual"),
    }


def conversation(factories, models, language, metadata=None, legs=(CUSTOMER,)):
    stages = factories[language].for_call("BOT1")
    metadata = {**OFFICE_HOURS, **(metadata or {})}
    config = PipelineConfig(language=language, partials=False)
    pipeline = CallPipeline("BOT1", legs, config, "twilio", metadata, stages)
    conv = BotConversation(pipeline, lambda _language: models[language])
    conv.start()
    return conv


def caller(text: str, language: str) -> np.ndarray:
    return CALLER.synthesize(text, language)


def actions(conv) -> list[str]:
    return [e.action for e in conv.events("bot.decision")]


def test_english_faq_is_answered_and_closed(factories, models):
    # A question about the parcel (the intent) that the delivery-times article answers: two
    # signals agree. ("What are your delivery times?" alone matches it at 0.475 with no
    # intent, under the phone line's off-topic floor: the bot asks again, the safe side.)
    conv = conversation(factories, models, "en")
    greeting = conv.events("bot.say")[0]
    assert greeting.purpose == "greeting" and greeting.language == "en" and greeting.duration > 1
    conv.until_bot_done()
    conv.speak(caller("When will my parcel be delivered?", "en"))
    answer = conv.events("bot.say")[-1]
    assert answer.purpose == "answer" and answer.article == "delivery-times"
    passages = [
        passage.text
        for passage in factories["en"]._assist.kb.passages
        if passage.article_id == "delivery-times" and passage.language == "en"
    ]
    assert any(answer.text.startswith(text[:60]) for text in passages), answer.text
    assert answer.text.endswith("Did that help?")
    conv.until_bot_done()
    conv.speak(caller("Yes, thank you.", "en"))
    conv.finish()
    assert actions(conv) == ["greet", "answer", "close"]
    goodbye = conv.events("bot.say")[-1]
    assert (goodbye.purpose, goodbye.then) == ("goodbye", "hangup")
    assert not conv.events("handoff")


def test_dutch_faq_is_answered_in_dutch_and_closed(factories, models):
    # espeak's Dutch through whisper base comes out garbled ("Mijn account is geblocking."), so
    # the right passage scores 0.37, under the default bar of 0.45 (where the bot hands over,
    # the safe side). Dutch heard through whisper has no calibrated intent floor either (the
    # shipped floors have no evidence there) and the off-topic article floor is the typed
    # one, 0.475. This test lowers the bot's bars and the assist floors (as a deployment
    # calibrated on its own Dutch calls might) to show the Dutch answer-and-close path.
    factory = factories["nl"]
    default, assist = factory.config, factory._assist
    lowered = dataclasses.replace(
        default.voicebot, answer_confidence=0.35, answer_confidence_off_topic=0.35
    )
    factory.config = dataclasses.replace(default, voicebot=lowered)
    factory._assist = dataclasses.replace(assist, floors=FloorTable(Floors(0.45, 0.3, 0.3, 0.75)))
    try:
        conv = conversation(factories, models, "nl")
    finally:
        factory.config, factory._assist = default, assist
    assert conv.events("bot.say")[0].text.startswith("Welkom")
    conv.until_bot_done()
    conv.speak(caller("Mijn account is geblokkeerd.", "nl"))
    answer = conv.events("bot.say")[-1]
    assert answer.purpose == "answer" and answer.article == "app-account"
    assert "geblokkeerd" in answer.text and answer.text.endswith("Heeft dit u geholpen?")
    assert answer.language == "nl"
    conv.until_bot_done()
    conv.speak(caller("Ja, bedankt.", "nl"))
    conv.finish()
    assert actions(conv) == ["greet", "answer", "close"]
    assert conv.events("bot.say")[-1].text.startswith("Fijn dat ik u kon helpen")


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "This is the third time I am calling about my parcel. This is ridiculous!"),
        ("nl", "Ik ben boos. Dit is echt slecht."),
    ],
)
def test_frustrated_caller_is_handed_over_in_one_turn_with_a_context_card(
    factories, models, language, words
):
    conv = conversation(factories, models, language)
    conv.until_bot_done()
    conv.speak(caller(words, language))
    finals = conv.events("transcript.final")
    assert len(finals) == 1  # one caller turn
    card = conv.events("handoff")[0]
    assert isinstance(card, Handoff)
    assert card.reason == "frustration" and card.affect["frustration"] >= 0.5
    assert card.urgency in ("high", "critical") and card.priority <= 2
    assert card.customer_said == (finals[0].text,)
    assert card.bot_said == (conv.events("bot.say")[0].text,)
    assert card.language == language and card.in_business_hours and card.queue
    said = conv.events("bot.say")[-1]
    assert (said.purpose, said.then) == ("handoff", "transfer")
    # The card reaches any reader of the stream (sidebar, store, replay) as JSON.
    assert event_from_json(card.to_json()) == card
    # QA replay shows what the bot said and decided, in the transcript and its own section.
    conv.finish()
    report = summarise_call("BOT1", conv.events(), conv.position, load_scorecard())
    assert [d["action"] for d in report["bot"]["decisions"]] == ["greet", "handoff"]
    assert report["bot"]["handoff"]["queue"] == card.queue
    page = call_page(report)
    assert 'id="bot-decisions"' in page and f"queue <b>{card.queue}</b>" in page
    assert all(escape(s.text) in page for s in conv.events("bot.say"))


def test_barge_in_stops_the_bot_within_300_ms_of_speech_onset(factories, models):
    conv = conversation(factories, models, "en")
    greeting = conv.events("bot.say")[0]
    conv.silence(1.5)  # the greeting is still playing (it lasts about 4 s)
    words = caller("Sorry, where is my parcel?", "en")
    voiced = np.flatnonzero(np.abs(words.astype(np.int32)) > 500)
    onset = conv.position + voiced[0] / PIPELINE_RATE  # first audible sample, on the timeline
    assert onset < greeting.t + greeting.duration
    conv.speak(words)
    stops = [logged for logged in conv.log if isinstance(logged.event, BotStop)]
    assert len(stops) == 1
    stop = stops[0]
    assert stop.event.prompt_id == greeting.prompt_id
    assert 0 <= stop.position - onset <= 0.3, (stop.position, onset)
    assert 0 <= stop.event.t - onset <= 0.3
    assert stop.event.played == pytest.approx(stop.event.t - greeting.t, abs=0.01)


def test_silence_is_reprompted_twice_then_handed_over(factories, models):
    conv = conversation(factories, models, "en")
    conv.silence(40.0)
    says = conv.events("bot.say")
    assert [s.purpose for s in says] == ["greeting", "reprompt", "reprompt", "handoff"]
    timeout = factories["en"].config.voicebot.silence_timeout_s
    for before, after in zip(says, says[1:], strict=False):
        assert after.t == pytest.approx(before.t + before.duration + timeout, abs=0.05)
    assert conv.events("handoff")[0].reason == "no_response"


def test_asking_for_a_person_hands_over_at_once(factories, models):
    conv = conversation(factories, models, "en")
    conv.until_bot_done()
    conv.speak(caller("I want to speak to a real person please.", "en"))
    card = conv.events("handoff")[0]
    assert card.reason == "asked_for_person"
    assert card.queue == "team_leads"  # request_human's team in the assist routes


def test_bot_stays_silent_on_an_agent_call_and_after_hours_routes_to_callback(factories):
    stages = factories["en"].for_call("AG1")
    # The bot confirms with its caller itself: its assist acts on a first clear line.
    assert [s.confirm_heard for s in stages if isinstance(s, AssistStage)] == [False]
    pipeline = CallPipeline(
        "AG1", (AGENT, CUSTOMER), PipelineConfig(partials=False), "twilio", {}, stages
    )
    assert [e.type for e in pipeline.start()] == ["call.started"]
    bot = VoicebotStage(factories["en"].config.voicebot)
    night = {"started_at": "2025-03-04T23:30:00+01:00"}
    pipeline = CallPipeline("N1", (CUSTOMER,), PipelineConfig(), "twilio", night, (bot,))
    pipeline.start()
    events = pipeline.dtmf(CUSTOMER, "0")  # "0": an operator, please
    card = next(e for e in events if isinstance(e, Handoff))
    assert (card.reason, card.in_business_hours, card.queue) == (
        "asked_for_person",
        False,
        "callback",
    )


def test_policy_words_and_answers():
    assert confirmation("Yes, thank you.") == "yes"
    assert confirmation("Ja, bedankt.") == "yes"
    assert confirmation("No, it did not.") == "no"
    assert confirmation("Ja, maar niet helemaal.") == "no"  # mixed: a person takes it
    assert confirmation("Where is my parcel?") == ""
    long = "One two three. Four five six. " * 20
    cut = spoken_answer(long, 40)
    assert cut == "One two three. Four five six." and len(cut) <= 40


def test_voicebot_config_is_checked():
    config = Config()
    set_key(config, "voicebot.queues", "parcel_status=parcels,complaint=escalations")
    assert config.voicebot.queue_for("complaint") == "escalations"
    assert config.voicebot.queue_for("billing", "billing") == "billing"
    for key, value in [
        ("voicebot.business_hours", "8-18"),
        ("voicebot.tts_engine", "festival"),
        ("voicebot.priorities", "high=soon"),
    ]:
        with pytest.raises(ConfigError):
            set_key(config, key, value)
    with pytest.raises(ConfigError):
        StageFactory(Config(stages=("voicebot", "assist")))
    with pytest.raises(ConfigError):
        StageFactory(Config(stages=("affect", "voicebot")))


def test_bad_input_never_crashes_the_stage():
    bot = VoicebotStage(speech_seconds=lambda text, language: 1.0)
    pipeline = CallPipeline("B1", (CUSTOMER,), PipelineConfig(), "raw", {"started_at": 7}, (bot,))
    pipeline.start()
    pipeline.dtmf(CUSTOMER, "5")
    for t in (0.0, -3.0, 1e9):
        bot.on_clock(t)
    assert bot.feed(BotSay("B1", 0, 0.0)) == []  # its own events come back to it: ignored
    assert bot.phase == "listening"


def test_a_turn_heard_unclearly_is_asked_again_not_acted_on():
    def decisions(probability: float) -> list[str]:
        bot = VoicebotStage(speech_seconds=lambda text, language: 1.0)
        legs, meta = (CUSTOMER,), {**OFFICE_HOURS}
        CallPipeline("B1", legs, PipelineConfig(), "raw", meta, (bot,)).start()
        bot.on_clock(5.0)  # the greeting has been heard out
        asked = final("I want to speak to a real person please.", t=6.0, probability=probability)
        return [e.action for e in bot.feed(asked) if e.type == "bot.decision"]

    assert decisions(0.95) == ["handoff"]
    assert decisions(0.3) == ["reprompt"]  # 'person' may be a word whisper guessed


def test_the_hand_over_card_carries_the_contexts_data_and_its_cues_as_affect_has_them():
    bot = VoicebotStage(speech_seconds=lambda text, language: 1.0)
    CallPipeline("B1", (CUSTOMER,), PipelineConfig(), "raw", {**OFFICE_HOURS}, (bot,)).start()
    bot.on_clock(5.0)
    unsure = Cue("doubt", "phrase", "", 0.1, topic="not sure", phrase="I think")
    said = Affect(
        "B1",
        0,
        6.0,
        speaker=CUSTOMER,
        utterance_id="customer-6",
        cues=(unsure, PITCH, MANAGER),  # weights 0.1, 0.8, 0.7
        phrase_floor=0.5,
    )
    context = {"intent": "request_human", "request": "a real person", "urgency": "high"}
    intent = Suggestion(
        "B1", 0, 6.0, kind="intent", intent="request_human", urgency="high", context=context
    )
    bot.feed(said)
    bot.feed(intent)
    asked = final("I want to speak to a real person please.", t=6.0)
    (card,) = [e for e in bot.feed(asked) if isinstance(e, Handoff)]
    assert card.context == context and card.phrase_floor == 0.5
    assert card.cues == (PITCH, MANAGER, unsure)  # strongest first, as the affect stage made them
    worded = Words("nl").signal_cue(card.cues[1], card.phrase_floor)
    assert worded.startswith("frustratie: 'leidinggevende' (vraagt naar een leidinggevende; onduid")
    assert event_from_json(card.to_json()) == card
