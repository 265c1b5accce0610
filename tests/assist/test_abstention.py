"""Abstention on real models: what the evidence does not support is not shown, and says so."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from copilot.assist.floors import (
    NO_EVIDENCE,
    Floors,
    FloorsError,
    FloorTable,
    audio_condition,
    floors_of_domain,
    load_floors,
)
from copilot.assist.knowledge import ArticleMatch
from copilot.assist.models import load_assist_models
from copilot.assist.settings import AssistConfig
from copilot.assist.stage import AssistStage
from copilot.encoders.sentence import load_sentence_encoder
from copilot.events.assist import NOT_SURE, Draft, RouteToHuman, Suggestion
from copilot.events.core import CallStarted
from copilot.events.wording import Words
from tests.stages import final, run_stage
from tests.telephony.test_audiohook import connector

ENERGY_ROOT = Path(__file__).resolve().parents[2] / "domains" / "energy_internet"
LOW = Floors(intent=0.45, article=0.2, article_off_topic=0.2, intent_switch=0.75)
NOTHING_COVERS = Floors(intent=0.45, article=0.99, article_off_topic=0.99, intent_switch=0.75)


@pytest.fixture(scope="module")
def models():
    return load_assist_models(AssistConfig(), load_sentence_encoder())


def with_floors(models, floors: Floors, **by_case: Floors):
    """The shared models with other floors: `by_case` keys are `language_condition`."""
    cases = {tuple(key.split("_")): value for key, value in by_case.items()}
    return dataclasses.replace(models, floors=FloorTable(floors, cases))


def said(text: str, t: float, language: str = "en", speaker: str = "customer", p: float = 0.95):
    return dataclasses.replace(final(text, speaker, t, probability=p), language=language)


def started(source: str = "file", **metadata) -> CallStarted:
    return CallStarted("", 0, 0.0, source=source, legs=("agent", "customer"), metadata=metadata)


def cards(events, kind: str) -> list[Suggestion]:
    return [e for e in events if isinstance(e, Suggestion) and e.kind == kind]


def of(events, cls) -> list:
    return [e for e in events if isinstance(e, cls)]


def test_an_intent_below_the_floor_is_not_sure_yet_with_no_draft_or_step(models):
    # "ik wil graag de afspraak met de monteur verzetten", half misheard as whisper does.
    misheard = "Goedemorgen, ik wil graag de afstraak met de monteur om te remetten."
    guess = models.intents.classify(misheard)
    floors = dataclasses.replace(LOW, intent=0.6)
    assert guess.intent != "other" and guess.confidence < floors.intent, guess  # the premise
    stage = AssistStage(with_floors(models, floors), "nl")
    events = run_stage(stage, [started(), said(misheard, 1.0, "nl")])
    [unsure] = cards(events, "intent")
    assert (unsure.status, unsure.missing, unsure.intent) == (NOT_SURE, "clear_request", "")
    assert unsure.item == NOT_SURE and unsure.title == "nog niet zeker"
    assert "geen vraag" in unsure.text  # what is missing, in the contact's language
    assert not cards(events, "next_step") and not of(events, Draft) and not of(events, RouteToHuman)
    assert Words("en").term("intent", unsure.item) == "not sure yet"
    assert "not sure yet" in unsure.describe()


def test_a_case_without_calibration_evidence_shows_no_intent_and_says_why(models):
    # Dutch on a clean line calibrated on too few cards: the floors file says NO_EVIDENCE.
    stage = AssistStage(
        with_floors(models, LOW, nl_clean=dataclasses.replace(LOW, intent=NO_EVIDENCE)), "nl"
    )
    line = "Ik wil mijn Plus-abonnement opzeggen, want ik verhuis naar het buitenland."
    assert models.intents.classify(line).confidence >= LOW.intent  # sure anywhere else
    events = run_stage(stage, [started(), said(line, 1.0, "nl"), said(line, 6.0, "nl")])
    [unsure] = cards(events, "intent")
    assert (unsure.status, unsure.missing, unsure.intent) == (NOT_SURE, "no_evidence", "")
    assert "gekalibreerd" in unsure.text and "calibrated" in Words("en")("not_sure.no_evidence")
    assert not cards(events, "next_step") and not of(events, Draft)
    # The same line typed is judged on the typed floors, which have evidence.
    typed = run_stage(
        AssistStage(with_floors(models, LOW), "nl"), [started("chat"), said(line, 1.0, "nl")]
    )
    assert [c.intent for c in cards(typed, "intent")] == ["cancel_contract"]


def test_words_heard_unclearly_say_so_and_a_clear_request_then_sets_the_intent(models):
    stage = AssistStage(with_floors(models, LOW), "en")
    mumbled = said("I want to cancel my contract.", 1.0, p=0.3)
    clear = said("I want to cancel my Plus subscription, please.", 6.0)
    events = run_stage(stage, [started(), mumbled, clear])
    intents = cards(events, "intent")
    assert [(c.status, c.missing) for c in intents] == [(NOT_SURE, "clear_audio"), ("", "")]
    assert intents[1].intent == "cancel_contract"
    assert [d.intent for d in of(events, Draft)] == ["cancel_contract"]
    assert cards(events, "next_step")


LOCKER = "The parcel locker says my pick-up code is invalid, what can I do?"
LOCKER_AGAIN = "The locker still won't open with the code from the app."


def test_articles_under_the_floor_are_not_shown_nor_sent_to_genesys(models):
    """A phone line's (8 kHz) floors keep the articles back; a clean recording's show them
    once a second line has confirmed the intent they are written for."""
    strict = Floors(intent=0.45, article=0.99, article_off_topic=0.99, intent_switch=0.75)
    table = with_floors(models, LOW, en_8k=strict)
    lines = [said(LOCKER, 1.0), said(LOCKER_AGAIN, 5.0)]
    for source, shown in (("audiohook", False), ("file", True)):
        events = run_stage(AssistStage(table, "en"), [started(source), *lines])
        session, _, _ = connector()
        sent = [r for r in map(session.assist_event, cards(events, "article")) if r is not None]
        if shown:
            assert cards(events, "article") and len(sent) == len(cards(events, "article"))
            assert {a.confidence >= LOW.article for a in cards(events, "article")} == {True}
        else:
            assert cards(events, "article") == [] and sent == []


def test_on_audio_an_article_waits_for_the_intent_and_comes_with_it(models):
    """Misheard words find plausible wrong articles: on audio an article is held back until
    the contact's intent is confirmed, then the ones written for it come, quoting the line
    that found them."""
    asked, again = said(LOCKER, 1.0), said(LOCKER_AGAIN, 5.0)
    found = models.kb.search(asked.text, "en", k=models.config.articles_shown)
    assert [g.intent for g in map(models.intents.classify, (LOCKER, LOCKER_AGAIN))] == [
        "technical_issue",
        "technical_issue",
    ]  # the premise: both lines ask the same
    # Neither line is enough alone here: the first waits for the second to agree.
    stage = AssistStage(with_floors(models, dataclasses.replace(LOW, intent_switch=1.0)), "en")
    first = run_stage(stage, [started("file"), asked])
    assert not cards(first, "article")
    assert [c.status for c in cards(first, "intent")] == [NOT_SURE]
    then = run_stage(stage, [again])
    assert [c.intent for c in cards(then, "intent")] == ["technical_issue"]
    held = [a for a in cards(then, "article") if a.utterance_id == asked.utterance_id]
    assert held and {a.item for a in held} == {
        m.article_id for m in found if "technical_issue" in m.intents
    }
    assert {a.quote for a in held} == {asked.text}
    assert {a.t for a in held} == {again.t}  # sent now: up front in the sidebar
    assert all("technical_issue" in a.article_intents for a in cards(then, "article"))
    items = [a.item for a in cards(first + then, "article")]
    assert len(items) == len(set(items))  # found by both lines, shown once


def test_an_article_off_the_contacts_intent_is_held_back_except_in_a_chat(models):
    """On a typed call whose intent is known an article written for another intent is not
    shown, however near; a chat answers each message on its own, at the off-topic floor."""
    asked = said(LOCKER, 1.0)
    found = models.kb.search(asked.text, "en", k=models.config.articles_shown)
    off_topic = {m.article_id for m in found if "technical_issue" not in m.intents}
    assert off_topic and {m.similarity >= LOW.article_off_topic for m in found} == {True}
    typed = run_stage(
        AssistStage(with_floors(models, LOW), "en"), [started("file", audio="text"), asked]
    )
    assert [c.intent for c in cards(typed, "intent")] == ["technical_issue"]
    assert {a.item for a in cards(typed, "article")} == {m.article_id for m in found} - off_topic
    chat = run_stage(AssistStage(with_floors(models, LOW), "en"), [started("chat"), asked])
    assert {a.item for a in cards(chat, "article")} == {m.article_id for m in found}


def test_a_call_for_another_company_needs_the_bar_of_changing_an_intent(models):
    """A customer who opens with something this company does not handle (a meter reading
    at a parcel service) goes on about it: a later line that happens to look like one of
    our intents is not enough on its own."""
    table = with_floors(models, dataclasses.replace(LOW, intent_switch=1.0))
    opening = said("Hi, I'd like to pass on the reading of my electricity meter.", 1.0)
    later = said("And the monthly amount I pay seems far too high.", 5.0)
    assert models.intents.classify(opening.text).intent == "other"
    guess = models.intents.classify(later.text)
    assert guess.intent == "billing" and LOW.intent <= guess.confidence < 1.0
    typed = started("file", audio="text")
    events = run_stage(AssistStage(table, "en"), [typed, opening, later])
    assert [(c.status, c.missing) for c in cards(events, "intent")] == [(NOT_SURE, "new_request")]
    assert not cards(events, "next_step") and not of(events, Draft)
    assert "next words" in Words("en")("not_sure.new_request")
    assert "volgende woorden" in Words("nl")("not_sure.new_request")
    opened_with_it = run_stage(AssistStage(table, "en"), [typed, later])
    assert [c.intent for c in cards(opened_with_it, "intent")] == ["billing"]
    greeted = said("Good morning, hello.", 0.5)  # too short to be the opening request
    events = run_stage(AssistStage(table, "en"), [typed, greeted, later])
    assert [c.intent for c in cards(events, "intent") if c.status != NOT_SURE] == ["billing"]


def test_on_audio_a_call_for_another_company_needs_two_agreeing_lines(models):
    """Heard on audio, a line after an opening request that was not ours needs an earlier
    line that agrees, however sure it is alone; an intent set first keeps the call ours."""
    table = with_floors(models, dataclasses.replace(LOW, intent_switch=LOW.intent))
    opening = said("Hi, I'd like to pass on the reading of my electricity meter.", 1.0)
    billing = [
        said("My invoice shows a charge I don't understand.", 5.0),
        said("Why is there an extra charge on my bill?", 9.0),
    ]
    events = run_stage(AssistStage(table, "en"), [started("twilio"), opening, billing[0]])
    assert [c.status for c in cards(events, "intent")] == [NOT_SURE]
    stage = AssistStage(table, "en")
    events = run_stage(stage, [started("twilio"), opening, *billing])
    assert [c.intent for c in cards(events, "intent") if c.status != NOT_SURE] == ["billing"]
    assert cards(events, "intent")[-1].quote == billing[1].text
    # The same lines on a call that is already about a parcel: the long greeting later is
    # no opening request, and the invoice question changes the intent as any would.
    parcel = said("Where is my parcel?", 0.5)
    late_greeting = said("Oh and good morning to you, my name is Anna de Vries.", 3.0)
    assert models.intents.classify(late_greeting.text).intent == "other"
    events = run_stage(
        AssistStage(table, "en"), [started("twilio"), parcel, late_greeting, billing[0]]
    )
    assert [c.intent for c in cards(events, "intent")] == ["parcel_status", "billing"]


def test_an_opening_request_of_ours_below_the_floor_leaves_the_call_ours(models):
    """An opening line whose likeliest intent is ours but not sure enough yet is no call
    for another company: the customer's next line that agrees sets the intent at the floor,
    not at the bar of a new request."""
    floors = dataclasses.replace(LOW, intent=0.7, intent_switch=0.9)
    table = with_floors(models, floors)
    vague = said("Yes hello, I'm calling about the thing that was supposed to come yesterday.", 1.0)
    clearer = said("My parcel still has not been delivered.", 5.0)
    first, second = models.intents.classify(vague.text), models.intents.classify(clearer.text)
    assert first.intent == second.intent == "parcel_status"  # the premise
    assert first.confidence < floors.intent <= second.confidence < floors.intent_switch
    events = run_stage(AssistStage(table, "en"), [started("twilio"), vague, clearer])
    intents = cards(events, "intent")
    assert [(c.status, c.missing) for c in intents[:1]] == [(NOT_SURE, "clear_request")]
    assert [c.intent for c in intents if c.status != NOT_SURE] == ["parcel_status"]
    assert "new_request" not in {c.missing for c in intents}


def test_a_typed_call_without_an_intent_shows_an_article_at_the_off_topic_floor(models):
    """Before a typed call has an intent its articles need the off-topic floor; heard on an
    agent's call they wait, on a call the voicebot answers they do not."""
    no_intent = Floors(intent=0.99, article=0.2, article_off_topic=0.2, intent_switch=0.99)
    asked = said(LOCKER, 1.0)
    found = models.kb.search(asked.text, "en", k=models.config.articles_shown)
    typed = run_stage(
        AssistStage(with_floors(models, no_intent), "en"), [started(audio="text"), asked]
    )
    assert not [c for c in cards(typed, "intent") if c.status != NOT_SURE]
    assert {a.item for a in cards(typed, "article")} == {m.article_id for m in found}
    heard = run_stage(AssistStage(with_floors(models, no_intent), "en"), [started(), asked])
    assert not cards(heard, "article")
    bot_call = CallStarted("", 0, 0.0, source="twilio", legs=("customer",))
    bot = AssistStage(with_floors(models, no_intent), "en", confirm_heard=False)
    answered = run_stage(bot, [bot_call, asked])
    assert {a.item for a in cards(answered, "article")} == {m.article_id for m in found}


def test_a_policy_gap_waits_for_the_whole_question_and_the_agents_answer(models):
    # A knowledge base where no article comes near: the noise floor itself raised.
    config = dataclasses.replace(models.config, article_min_similarity=0.9, answer_similarity=0.95)
    nothing_near = dataclasses.replace(with_floors(models, NOTHING_COVERS), config=config)
    stage = AssistStage(nothing_near, "en")
    question = said("Can I pay my invoice in cash at one of your pick-up points?", 1.0)
    more = said("I have no bank card, you see, so I want to pay my invoice in cash.", 4.0)
    agent = said("Let me find out, I'm not sure about cash.", 7.0, speaker="agent")
    again = said("So can I pay the invoice in cash or not?", 10.0)
    events = run_stage(stage, [started(), question, more])
    assert cards(events, "intent")[0].intent == "billing"
    assert not of(events, RouteToHuman)  # the customer is still asking, the agent not yet
    later = run_stage(stage, [agent, again])
    [gap] = of(later, RouteToHuman)
    assert gap.reason == "policy_gap" and gap.t == again.t
    assert gap.evidence[0] == question.text and gap.evidence[-1] == again.text


def test_a_policy_gap_needs_a_sure_repeat_and_never_follows_asking_for_a_person(models):
    """A customer answering the agent, or asking for a manager, is not asking the same
    question again: neither raises "no article covers this"."""
    config = dataclasses.replace(models.config, article_min_similarity=0.9, answer_similarity=0.95)
    nothing_near = dataclasses.replace(with_floors(models, NOTHING_COVERS), config=config)
    question = said("I have no bank card, you see, so I want to pay my invoice in cash.", 1.0)
    agent = said("Let me find out, I'm not sure about cash.", 4.0, speaker="agent")
    weaker = said("And the monthly amount I pay seems far too high.", 7.0)
    manager = said("I want to speak to your manager.", 7.0)
    first, repeat = (models.intents.classify(x.text) for x in (question, weaker))
    assert first.intent == repeat.intent == "billing"
    assert NOTHING_COVERS.intent < repeat.confidence < first.confidence - 0.02  # the premise
    between = (repeat.confidence + first.confidence) / 2  # the question clears it, the repeat not
    gaps = {}
    for switch in (between, repeat.confidence - 0.01):
        floors = dataclasses.replace(NOTHING_COVERS, intent_switch=switch)
        stage = AssistStage(dataclasses.replace(with_floors(models, floors), config=config), "en")
        events = run_stage(stage, [started(audio="text"), question, agent, weaker])
        assert cards(events, "intent")[0].intent == "billing"
        gaps[switch] = [r.reason for r in of(events, RouteToHuman)]
    assert list(gaps.values()) == [[], ["policy_gap"]]  # only a repeat that sure counts
    stage = AssistStage(nothing_near, "en")
    events = run_stage(stage, [started(audio="text"), question, agent, manager])
    assert [r.reason for r in of(events, RouteToHuman)] == ["asked_for_human"]


def test_no_policy_gap_when_an_article_came_near_even_if_it_was_not_shown(models):
    stage = AssistStage(with_floors(models, NOTHING_COVERS), "en")
    question = said("Can I pay my invoice in cash at one of your pick-up points?", 1.0)
    agent = said("Let me find out.", 4.0, speaker="agent")
    again = said("So can I pay the invoice in cash or not?", 7.0)
    events = run_stage(stage, [started(), question, agent, again])
    assert not cards(events, "article") and not of(events, RouteToHuman)
    found = models.kb.search(question.text, "en", k=models.config.articles_shown)
    assert max(m.similarity for m in found) >= models.config.article_min_similarity


def test_a_draft_quotes_only_an_article_written_for_the_contacts_intent(models):
    stage = AssistStage(models, "en")
    stage.contact.intent = "address_change"
    plus = ArticleMatch(
        "plus-subscription",
        "Cancelling Plus",
        "en",
        "",
        "Cancel in the app.",
        "",
        0.5,
        0.5,
        ("cancel_contract",),
    )
    stage.contact.articles = {plus.article_id: plus}
    draft = stage.draft(5.0)
    assert draft.article == "" and "Cancel in the app" not in draft.body
    moving = dataclasses.replace(plus, article_id="change-address", intents=("address_change",))
    stage.contact.articles[moving.article_id] = moving
    assert stage.draft(5.0).article == "change-address"


def test_the_audio_condition_comes_from_the_platform_or_the_recording():
    assert audio_condition("chat") == "chat"
    assert audio_condition("file", {"audio": "text"}) == "text"  # a typed transcript
    assert audio_condition("twilio") == audio_condition("audiohook") == "8k"
    assert audio_condition("file", {"rate": 8000}) == "8k"
    assert audio_condition("file", {"rate": 44100}) == "clean"
    assert audio_condition("raw") == "clean"
    assert audio_condition("twilio", {"audio": "clean"}) == "clean"  # named outright


def test_each_shipped_domain_has_floors_per_language_and_condition(models):
    table = models.floors
    assert table.source.endswith("floors.json")
    for language in ("en", "nl"):
        for condition in ("text", "clean", "8k"):
            assert (language, condition) in table.by_case
            floors = table.floors_for(language, condition)
            assert 0 < floors.intent <= NO_EVIDENCE
            assert 0 < floors.article <= floors.article_off_topic <= 1
            # Typed lines and English audio have development evidence behind their floor.
            if condition == "text" or language == "en":
                assert floors.intent < NO_EVIDENCE, (language, condition)


def test_a_chat_has_floors_of_its_own_or_those_of_typed_words(models):
    """The parcel service's chat floors are read from its chat questions alone; a domain
    without chat questions (or a file without a chat entry) gives a chat the typed floors."""
    parcels = models.floors
    for language in ("en", "nl"):
        assert (language, "chat") in parcels.by_case
        chat, typed = parcels.floors_for(language, "chat"), parcels.floors_for(language, "text")
        assert chat.intent < NO_EVIDENCE and chat != typed, language
    energy = floors_of_domain(ENERGY_ROOT, AssistConfig())
    assert ("en", "chat") not in energy.by_case
    assert energy.floors_for("en", "chat") == energy.floors_for("en", "text")
    bare = FloorTable(LOW, {("nl", "text"): NOTHING_COVERS})
    assert bare.floors_for("nl", "chat") == NOTHING_COVERS and bare.floors_for("en", "chat") == LOW


def test_a_chat_question_is_judged_on_the_chat_floors(models):
    """The same typed question: on a chat it clears the chat's intent floor, on a typed
    call it is short of the typed floor and says "not sure yet"."""
    asked = said("Can I pay in instalments?", 1.0)
    guess = models.intents.classify(asked.text)
    chat, typed = models.floors.floors_for("en", "chat"), models.floors.floors_for("en", "text")
    assert guess.intent == "billing" and chat.intent <= guess.confidence < typed.intent
    on_chat = run_stage(AssistStage(models, "en"), [started("chat"), asked])
    assert [c.intent for c in cards(on_chat, "intent")] == ["billing"]
    on_call = run_stage(AssistStage(models, "en"), [started(audio="text"), asked])
    assert [(c.status, c.missing) for c in cards(on_call, "intent")] == [
        (NOT_SURE, "clear_request")
    ]


def test_a_bad_floors_file_names_its_entry(tmp_path):
    fallback = Floors(0.45, 0.25, 0.25, 0.75)
    (tmp_path / "floors.json").write_text(json.dumps({"floors": {"nl": {"8k": {"intent": 2}}}}))
    with pytest.raises(FloorsError, match=r"floors\.nl\.8k\.intent"):
        load_floors(tmp_path / "floors.json", fallback)
    (tmp_path / "floors.json").write_text(json.dumps({"floors": {"nl": {"phone": {}}}}))
    with pytest.raises(FloorsError, match="condition must be one of"):
        floors_of_domain(tmp_path, AssistConfig())
    (tmp_path / "floors.json").unlink()
    assert floors_of_domain(tmp_path, AssistConfig()).floors_for("nl", "8k").intent == 0.45


def test_the_bar_of_changing_an_intent_is_calibrated_or_the_configured_one(tmp_path):
    """The shipped floors carry a calibrated `intent_switch` per case (never below its
    intent floor); a file from before it was calibrated takes `[assist]`'s own."""
    for root in (ENERGY_ROOT.parent / "parcels", ENERGY_ROOT):
        data = json.loads((root / "floors.json").read_text(encoding="utf-8"))["floors"]
        assert all(
            "intent_switch" in v for conditions in data.values() for v in conditions.values()
        )
        for case, floors in floors_of_domain(root, AssistConfig()).by_case.items():
            assert floors.intent <= floors.intent_switch <= NO_EVIDENCE, case
    old = {
        "floors": {
            "nl": {
                "8k": {"intent": 0.6, "article": 0.3, "article_off_topic": 0.45},
                "text": {"intent": 0.9, "article": 0.3, "article_off_topic": 0.45},
            }
        }
    }
    (tmp_path / "floors.json").write_text(json.dumps(old))
    table = floors_of_domain(tmp_path, AssistConfig(switch_intent_confidence=0.8))
    assert table.floors_for("nl", "8k").intent_switch == 0.8
    assert table.floors_for("nl", "text").intent_switch == 0.9  # never below its floor


def test_on_audio_one_sure_line_waits_for_the_next_to_agree(models):
    """A phone line's intent needs an earlier clear line of the customer that agrees, or
    one line as sure as changing the intent takes (here out of reach); a typed line is
    enough alone."""
    table = with_floors(models, dataclasses.replace(LOW, intent_switch=1.0))
    asked = said("Can you send my parcels to my new address?", 1.0)
    again = said("I'm moving next week, so the parcels should go to the new house.", 5.0)
    for line in (asked, again):
        guess = models.intents.classify(line.text)
        assert guess.intent == "address_change" and LOW.intent <= guess.confidence < 1.0
    typed = run_stage(AssistStage(table, "en"), [started("chat"), asked])
    assert [(c.intent, c.status) for c in cards(typed, "intent")] == [("address_change", "")]
    stage = AssistStage(table, "en")
    first = run_stage(stage, [started("twilio"), asked])
    [unsure] = cards(first, "intent")
    assert (unsure.status, unsure.missing) == (NOT_SURE, "confirmation")
    assert not cards(first, "next_step") and not of(first, Draft)
    assert "bevestigen" in Words("nl")("not_sure.confirmation")
    then = run_stage(stage, [again])
    assert [(c.intent, c.quote) for c in cards(then, "intent")] == [("address_change", again.text)]
    assert cards(then, "next_step") and stage.flush()[0].intent == "address_change"


def test_on_audio_a_line_about_something_else_does_not_confirm_the_first(models):
    table = with_floors(models, dataclasses.replace(LOW, intent_switch=1.0))
    lines = [
        said("Can you send my parcels to my new address?", 1.0),
        said("And my invoice has a charge I don't recognise.", 5.0),
    ]
    assert [models.intents.classify(x.text).intent for x in lines] == ["address_change", "billing"]
    events = run_stage(AssistStage(table, "en"), [started("twilio"), *lines])
    assert {c.status for c in cards(events, "intent")} == {NOT_SURE}
    assert not cards(events, "next_step")


def test_the_voicebot_acts_on_the_first_sure_line_it_asks_the_caller_itself(models):
    """`confirm_heard=False` (the voicebot's stages): on a call the bot answers (no agent
    leg) one sure heard line sets the intent, as the bot confirms with the caller ("did this
    help?"); a call with an agent leg is the agent's and still waits for a second line."""
    table = with_floors(models, dataclasses.replace(LOW, intent_switch=1.0))
    asked = said("Can you send my parcels to my new address?", 1.0)
    bot_call = CallStarted("", 0, 0.0, source="twilio", legs=("customer",))
    events = run_stage(AssistStage(table, "en", confirm_heard=False), [bot_call, asked])
    assert [(c.intent, c.status) for c in cards(events, "intent")] == [("address_change", "")]
    agent_call = run_stage(
        AssistStage(table, "en", confirm_heard=False), [started("twilio"), asked]
    )
    assert [(c.status, c.missing) for c in cards(agent_call, "intent")] == [
        (NOT_SURE, "confirmation")
    ]


@pytest.mark.parametrize(
    ("language", "complaint", "manager"),
    [
        (
            "en",
            "This is the third time your driver left my parcel in the rain, it is ruined.",
            "No. Put me through to your supervisor, please.",
        ),
        (
            "nl",
            "Dit is al de derde keer dat jullie bezorger mijn pakket in de regen laat staan.",
            "Nee, ik wil hier uw leidinggevende over spreken.",
        ),
    ],
)
def test_a_clear_request_for_a_manager_hands_over_and_keeps_the_contacts_intent(
    models, language, complaint, manager
):
    """Inside a complaint, "put me through to your supervisor" goes to a person even when
    the line's intent would not clear the bar of changing the contact's; heard unsurely,
    the same words hand nothing over on their own."""
    table = with_floors(models, dataclasses.replace(LOW, intent_switch=1.0))
    first = said(complaint, 1.0, language)
    again = said(complaint, 4.0, language)  # on audio an intent needs a second line to agree
    for p, handed_over in ((0.95, ["asked_for_human"]), (0.3, [])):
        asked = said(manager, 8.0, language, p=p)
        events = run_stage(AssistStage(table, language), [started(), first, again, asked])
        intents = [c.intent for c in cards(events, "intent") if c.status != NOT_SURE]
        assert intents and set(intents) == {intents[0]} != {"request_human"}
        routes = of(events, RouteToHuman)
        assert [r.reason for r in routes] == handed_over
        assert all(r.intent == intents[0] and r.evidence == (manager,) for r in routes)
