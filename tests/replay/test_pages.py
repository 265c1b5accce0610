"""The QA report page words a hand-over card's context and cues in the report's language."""

from copilot.events.core import CallEnded, CallStarted
from copilot.events.voicebot import BotDecision, Handoff
from copilot.events.wording import Words
from copilot.replay.pages import call_page
from copilot.replay.scorecard import load_scorecard
from copilot.replay.summary import summarise_call
from tests.events.test_wording import MANAGER

CONTEXT = {
    "intent": "request_human",
    "request": "Ik wil uw leidinggevende.",
    "facts": {},
    "done": [],
    "urgency": "high",
    "urgency_reasons": [
        {"kind": "alert", "level": "escalate", "signal": "frustration", "basis": "request"}
    ],
}


def test_the_hand_over_card_reads_in_the_reports_language():
    card = Handoff(
        "QA1",
        3,
        5.0,
        queue="team_leads",
        reason="frustration",
        intent="request_human",
        urgency="high",
        context=CONTEXT,
        cues=(MANAGER,),
        phrase_floor=0.5,
    )
    decided = BotDecision("QA1", 2, 5.0, action="handoff", reason="frustration 0.81 >= 0.5")
    events = [CallStarted("QA1", 1, 0.0, source="file"), decided, card, CallEnded("QA1", 4, 6.0)]
    report = summarise_call("QA1", events, 6.0, load_scorecard())
    # The card as the report keeps it, with what a reader words it from.
    report["bot"]["handoff"] = card.to_dict()
    page = call_page(report, Words("nl"))
    assert "Klant wil: iemand anders spreken (zei: &quot;Ik wil uw leidinggevende.&quot;)" in page
    assert "Urgentie: hoog (melding escaleren: frustratie vraagt om escalatie)" in page
    assert "frustratie: &#x27;leidinggevende&#x27; (vraagt naar een leidinggevende;" in page
    assert "Customer wants" not in page and "asks for a manager" not in page
