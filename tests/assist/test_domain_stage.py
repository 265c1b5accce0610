"""A call under the second shipped domain (energy and internet): its intents, teams, articles,
drafts and words, from its folder alone; the parcel domain's never show up."""

from __future__ import annotations

import pytest

from copilot.assist.domain_check import load_domain
from copilot.assist.models import load_assist_models
from copilot.assist.settings import AssistConfig
from copilot.assist.stage import AssistStage
from copilot.encoders.sentence import load_sentence_encoder
from copilot.events.assist import Draft, Suggestion
from copilot.pipeline.chat import run_text_turns
from tests.assist.test_domain import ENERGY, PARCELS

PARCEL_INTENTS = set(load_domain(PARCELS).intents) - set(load_domain(ENERGY).intents)


@pytest.fixture(scope="module")
def energy():
    return load_assist_models(AssistConfig(domain=str(ENERGY)), load_sentence_encoder())


def run(models, turns, language):
    stage = AssistStage(models, language)
    return run_text_turns(turns, [stage], "E1", {}, language, "call")


def cards(events, kind):
    return [e for e in events if isinstance(e, Suggestion) and e.kind == kind]


def test_an_unstable_internet_line_is_an_outage_for_the_outage_desk(energy):
    # A whole complaint, not three words: Dutch articles clear a calibrated floor of their own.
    line = "Sinds gisteren valt mijn internet steeds weg en de wifi doet het ook niet."
    events = run(energy, [("customer", line)], "nl")
    intent = cards(events, "intent")[0]
    assert (intent.intent, intent.team) == ("outage", "outage_desk")
    assert "internet-outage" in {a.item for a in cards(events, "article")}
    draft = next(e for e in events if isinstance(e, Draft))
    assert draft.subject == "De storing die u meldde" and "Storingsdienst Wattnet" in draft.body


def test_an_english_outage_then_a_cancel_threat_never_looks_like_a_parcel(energy):
    turns = [
        ("customer", "Hi, my internet keeps dropping out, it's been like that all week."),
        ("agent", "I'm sorry to hear that. Can I have your postcode and house number?"),
        ("customer", "It's 3512 CD, number 14. If this goes on I'm going to cancel my contract."),
    ]
    events = run(energy, turns, "en")
    intents = [c.intent for c in cards(events, "intent")]
    assert intents[0] == "outage" and not set(intents) & PARCEL_INTENTS
    shown = [c.intent for c in cards(events, "next_step")] + [
        c.intent for c in cards(events, "article")
    ]
    assert not set(shown) & PARCEL_INTENTS
    articles = {c.item for c in cards(events, "article")}
    assert articles and articles <= {a.article_id for a in energy.kb.passages}
    draft = next(e for e in events if isinstance(e, Draft))
    assert "Wattnet" in draft.body and "Vlotpost" not in draft.body


def test_a_technician_appointment_is_not_a_cancellation(energy):
    """The issue's Dutch call: moving an appointment with the technician."""
    events = run(
        energy, [("customer", "ik wil graag mijn afspraak met de monteur verzetten")], "nl"
    )
    intent = cards(events, "intent")[0]
    assert (intent.intent, intent.team) == ("appointment", "field_service")


def test_the_domains_urgency_words_make_a_contact_critical(energy):
    events = run(
        energy, [("customer", "De cv doet het niet en ik ruik gas in de meterkast.")], "nl"
    )
    assert cards(events, "intent")[-1].urgency == "critical"
    assert energy.urgency_words.critical.search("I can smell gas") is not None
    parcels = load_assist_models(AssistConfig(), load_sentence_encoder())
    assert parcels.urgency_words.critical.search("ik ruik gas") is None  # the energy domain's words


def test_a_held_article_comes_only_for_the_question_that_found_it(energy):
    """An article found by a contract question is not about the bill asked after it."""
    about_contract = "We have solar panels now and a smart meter, does my contract change?"
    about_bill = "My monthly amount is still a hundred and forty euros, can that come down?"
    floor = energy.floors.floors_for("en", "text").article
    found = {m.article_id: m for m in energy.kb.search(about_contract, "en", k=3)}
    held = found["meter-readings"]  # the premise: over the floor, written for billing too
    assert energy.intents.classify(about_contract).intent == "contract"
    assert held.similarity >= floor and "billing" in held.intents and "contract" not in held.intents
    events = run(energy, [("customer", about_contract), ("customer", about_bill)], "en")
    assert [c.intent for c in cards(events, "intent")] == ["contract", "billing"]
    shown = {c.item: c.quote for c in cards(events, "article")}
    assert "meter-readings" not in shown and shown["contracts-tariffs"] == about_contract
    assert {shown[a] for a in shown if a != "contracts-tariffs"} == {about_bill}
