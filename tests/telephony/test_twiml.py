"""Where a Twilio call goes after the voicebot: reading `<Connect action>` requests, choosing TwiML."""

import xml.etree.ElementTree as ET

import pytest

from copilot.telephony.twiml import ENQUEUE, HANGUP, NextRequestError, call_sid_of, next_step

TWILIO_FIELDS = (
    "key=k&AccountSid=AC0123&ApiVersion=2010-04-01&CallSid=CA0f3e&CallStatus=in-progress"
    "&Direction=inbound&From=%2B31612345678&To=%2B31201234567"
)


def say(then: str) -> dict:
    return {"type": "bot.say", "then": then, "purpose": "x"}


def test_call_sid_is_read_from_twilios_fields():
    assert call_sid_of(TWILIO_FIELDS) == "CA0f3e"


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("", "CallSid missing"),
        ("key=k&From=%2B31", "CallSid missing"),
        ("CallSid=CA1&CallSid=CA2", "more than once"),
        ("CallSid=", "not a call id"),
        ("CallSid=CA%3Cscript%3E", "not a call id"),
        ("CallSid=" + "C" * 65, "not a call id"),
        ("CallSid=CA1&&x=1", "unreadable"),
        ("noequals", "unreadable"),
        ("&".join(f"f{i}=1" for i in range(100)), "unreadable"),
    ],
)
def test_malformed_requests_say_what_is_wrong(query, problem):
    with pytest.raises(NextRequestError, match=problem):
        call_sid_of(query)


def test_a_hand_over_enqueues_to_the_cards_queue():
    events = [say("listen"), {"type": "handoff", "queue": "delivery", "reason": "frustration"}]
    step = next_step(events + [say("transfer")], "customer_service")
    assert (step.verb, step.queue) == (ENQUEUE, "delivery")
    root = ET.fromstring(step.twiml())
    assert root.tag == "Response" and [(v.tag, v.text) for v in root] == [("Enqueue", "delivery")]


def test_a_goodbye_hangs_up_and_anything_else_goes_to_the_default_queue():
    goodbye = next_step([say("listen"), say("listen"), say("hangup")], "customer_service")
    assert goodbye.verb == HANGUP
    assert [v.tag for v in ET.fromstring(goodbye.twiml())] == ["Hangup"]
    for events in ([], [say("listen")], [{"type": "call.started"}]):
        step = next_step(events, "customer_service")  # dropped mid-call, or never seen
        assert (step.verb, step.queue) == (ENQUEUE, "customer_service")


def test_an_unusable_queue_name_falls_back_and_names_are_escaped():
    too_long = {"type": "handoff", "queue": "q" * 65}
    assert next_step([too_long], "customer_service").queue == "customer_service"
    assert next_step([{"type": "handoff", "queue": ""}], "fallback").queue == "fallback"
    odd = next_step([{"type": "handoff", "queue": "sales&<support>"}], "x")
    assert ET.fromstring(odd.twiml())[0].text == "sales&<support>"
