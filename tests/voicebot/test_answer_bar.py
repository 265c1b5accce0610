"""The voicebot's answer bar: the chat bot's rule, on the cards the assist stage let through.

A caller asked about a parcel locker; whisper misheard the line, and the returns article
came out at similarity 0.497, just over the old single bar of 0.45, so the bot read the
returns policy out. An article written for another intent than the contact's now needs
the higher off-topic bar, as in the chat; "not sure yet" is no intent at all.
"""

from __future__ import annotations

import dataclasses

import pytest

from copilot.audio.format import CUSTOMER
from copilot.events.assist import NOT_SURE, Suggestion
from copilot.pipeline.call import CallPipeline, PipelineConfig
from copilot.voicebot.settings import VoicebotConfig
from copilot.voicebot.stage import VoicebotStage
from tests.stages import final

OFFICE_HOURS = {"started_at": "2025-03-04T10:00:00+01:00"}
INTENT = Suggestion(
    "B1", 0, 6.0, suggestion_id="B1:intent:parcel_status", kind="intent", intent="parcel_status"
)
RETURNS = Suggestion(
    "B1",
    0,
    6.0,
    suggestion_id="B1:article:returns",
    kind="article",
    item="returns",
    title="Sending a parcel back",
    text="Print the return label and drop the parcel off at a pick-up point.",
    confidence=0.497,
    language="en",
    article_intents=("refund_return",),
)


def turn(*cards: Suggestion) -> list[str]:
    bot = VoicebotStage(speech_seconds=lambda text, language: 1.0)
    CallPipeline("B1", (CUSTOMER,), PipelineConfig(), "raw", {**OFFICE_HOURS}, (bot,)).start()
    bot.on_clock(5.0)  # the greeting has been heard out
    for card in cards:
        bot.feed(card)
    asked = final("The locker does not open with my code, what now?", t=6.0)
    events = bot.feed(dataclasses.replace(asked, language="en"))
    return [f"{e.action}:{e.reason.split(':')[0]}" for e in events if e.type == "bot.decision"]


def test_an_article_written_for_another_intent_needs_the_higher_bar():
    assert turn(INTENT, RETURNS) == ["handoff:low_confidence"]
    locker = dataclasses.replace(RETURNS, article_intents=("technical_issue", "parcel_status"))
    assert turn(INTENT, locker)[0].startswith("answer")  # the two signals agree
    clear = dataclasses.replace(RETURNS, confidence=0.55)
    assert turn(INTENT, clear)[0].startswith("answer")


def test_not_sure_yet_is_no_intent_to_answer_on():
    unsure = Suggestion(
        "B1",
        0,
        6.0,
        suggestion_id="B1:intent:not_sure",
        kind="intent",
        item=NOT_SURE,
        status=NOT_SURE,
        missing="clear_request",
    )
    locker = dataclasses.replace(RETURNS, article_intents=("parcel_status",))
    # Without an intent the article is off topic: 0.497 is under the off-topic bar.
    assert turn(unsure, locker) == ["handoff:low_confidence"]


def test_the_answer_bars_are_checked():
    with pytest.raises(ValueError, match="answer_confidence_off_topic"):
        VoicebotConfig(answer_confidence=0.6, answer_confidence_off_topic=0.5)
