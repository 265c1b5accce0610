"""The wording module: cues, alert reasons and the codes events carry, in Dutch and English."""

import re

import pytest

from copilot.events.affect import BASES, Alert, Cue
from copilot.events.wording import (
    ENGLISH,
    Words,
    catalogue,
    fixed,
    language_from_locale,
    quoted,
    signed,
    two_places,
    words_for,
)

DUTCH = Words("nl")

MANAGER = Cue(
    "frustration",
    "phrase",
    "asks for a manager: 'leidinggevende'",
    0.7,
    0.23,
    topic="asks for a manager",
    phrase="leidinggevende",
)
PITCH = Cue("frustration", "voice", "", 0.8, feature="pitch", z=3.0, reference="baseline")
RATE = Cue("frustration", "voice", "", 0.6, feature="rate", z=1.55, reference="typical")
OVERLAP = Cue("frustration", "voice", "", 0.3, feature="overlap", seconds=1.25)
ANNOYED = Cue("frustration", "emotion", "", 0.6, 0.9, emotion="annoyance", score=0.615)


@pytest.mark.parametrize(
    "cue, floor, english, dutch",
    [
        (
            MANAGER,
            0.5,
            "'leidinggevende' (asks for a manager; unclear audio, p 0.23)",
            "'leidinggevende' (vraagt naar een leidinggevende; onduidelijk geluid, kans 0.23)",
        ),
        (
            MANAGER,
            0.2,
            "'leidinggevende' (asks for a manager)",
            "'leidinggevende' (vraagt naar een leidinggevende)",
        ),
        (
            Cue("frustration", "phrase", "", 0.7, 0.3, phrase="don't"),
            0.5,
            '"don\'t" (unclear audio, p 0.30)',
            '"don\'t" (onduidelijk geluid, kans 0.30)',
        ),
        (ANNOYED, None, "annoyance 0.62", "ergernis 0.62"),
        (
            PITCH,
            None,
            "pitch +3.0 sd above this caller's baseline",
            "toonhoogte +3.0 sd boven het normale niveau van deze beller",
        ),
        (
            RATE,
            None,
            "speaking rate +1.6 sd above a typical voice",
            "spreektempo +1.6 sd boven een gewone stem",
        ),
        (
            OVERLAP,
            None,
            "talked over the other side for 1.3 s",
            "praatte 1.3 s door de ander heen",
        ),
    ],
)
def test_each_kind_of_cue_in_both_languages(cue, floor, english, dutch):
    assert ENGLISH.cue(cue, floor) == english
    assert DUTCH.cue(cue, floor) == dutch
    assert DUTCH.cue(cue.to_dict(), floor) == dutch  # the JSON form words the same


def test_a_cue_without_fields_shows_its_evidence_as_written():
    old = {"signal": "doubt", "kind": "phrase", "evidence": "not sure: 'geen idee'", "weight": 0.6}
    assert DUTCH.cue(old) == ENGLISH.cue(old) == "not sure: 'geen idee'"


def alert(basis: str, cues=(MANAGER, PITCH), signal="frustration", run=2) -> Alert:
    return Alert(
        "CA1",
        7,
        30.0,
        level="escalate",
        signal=signal,
        score=0.812,
        trend=0.625,
        basis=basis,
        run=run,
        cues=cues,
        phrase_floor=0.5,
        thresholds={"early_warning": 0.35, "escalate": 0.55, "take_over": 0.55},
    )


BASIS_WORDS = {
    "request": ("escalation request", "vraagt om escalatie"),
    "sustained": ("high for 2 utterances", "hoog gedurende 2 uitingen"),
    "raised": ("up for 2 utterances", "verhoogd gedurende 2 uitingen"),
    "rising": ("rising", "stijgt"),
    "after_escalate": (
        "still escalated after the escalate alert",
        "nog steeds geëscaleerd na de escalatiemelding",
    ),
    "very_high": ("very high", "zeer hoog"),
}


@pytest.mark.parametrize("basis", BASES)
def test_each_alert_basis_in_both_languages(basis):
    english, dutch = BASIS_WORDS[basis]
    assert ENGLISH.alert_reason(alert(basis)) == (
        f"frustration {english}: 'leidinggevende' (asks for a manager; unclear audio, p 0.23), "
        "pitch +3.0 sd above this caller's baseline (trend 0.63)"
    )
    assert DUTCH.alert_reason(alert(basis)) == (
        f"frustratie {dutch}: 'leidinggevende' (vraagt naar een leidinggevende; onduidelijk "
        "geluid, kans 0.23), toonhoogte +3.0 sd boven het normale niveau van deze beller "
        "(verloop 0.63)"
    )


def test_an_alert_without_cues_names_its_score_and_one_without_basis_keeps_its_reason():
    bare = alert("raised", cues=(), signal="load")
    assert ENGLISH.alert_reason(bare) == "load up for 2 utterances: load 0.81 (trend 0.63)"
    assert DUTCH.alert_reason(bare.to_dict()) == (
        "belasting verhoogd gedurende 2 uitingen: belasting 0.81 (verloop 0.63)"
    )
    old = {"type": "alert", "reason": "frustration rising: x (trend 0.40)", "cues": []}
    assert DUTCH.alert_reason(old) == "frustration rising: x (trend 0.40)"


@pytest.mark.parametrize(
    "method, code, english, dutch",
    [
        ("team", "retention", "customer retention", "klantbehoud"),
        ("team", "delivery", "delivery", "bezorging"),
        ("team", "tech_support", "technical support", "technische ondersteuning"),
        ("team", "night_shift", "night shift", "night shift"),  # a team the catalogue lacks
        ("end_reason", "stop", "stopped", "gestopt"),
        ("end_reason", "hangup", "hung up", "opgehangen"),
        ("end_reason", "server_restart", "server restarted", "server herstart"),
        ("end_reason", "bot_transfer", "transferred by the bot", "doorgezet door de bot"),
        ("source", "twilio", "Twilio", "Twilio"),
        ("source", "raw", "raw audio", "ruwe audio"),
        ("source", "microphone", "microphone", "microfoon"),
        ("urgency", "high", "high", "hoog"),
        ("urgency", "critical", "critical", "kritiek"),
        ("intent", "cancel_contract", "cancel contract", "contract opzeggen"),
    ],
)
def test_codes_events_carry_in_both_languages(method, code, english, dutch):
    assert getattr(ENGLISH, method)(code) == english
    assert getattr(DUTCH, method)(code) == dutch


def test_figures_round_half_up_as_the_pages_do():
    assert two_places(0.125) == "0.13" and f"{0.125:.2f}" == "0.12"
    assert fixed(1.25, 1) == "1.3" and fixed(0.0, 1) == "0.0"
    assert signed(2.04) == "+2.0" and signed(-1.25) == "-1.3"
    assert quoted("manager") == "'manager'" and quoted("don't") == '"don\'t"'


def test_the_language_comes_from_the_locale_else_english():
    assert language_from_locale({"LANG": "nl_NL.UTF-8"}) == "nl"
    assert language_from_locale({"LC_ALL": "de_DE.UTF-8", "LANG": "nl_NL"}) == "nl"
    assert language_from_locale({"LANG": "C.UTF-8"}) == "en"
    assert words_for("fr") == ENGLISH and words_for("nl") == DUTCH


def test_both_languages_have_the_same_keys_and_placeholders():
    texts = catalogue()
    assert set(texts) == {"en", "nl"} and set(texts["en"]) == set(texts["nl"])
    for key, english in texts["en"].items():
        dutch = texts["nl"][key]
        assert sorted(re.findall(r"\{(\w+)\}", english)) == sorted(
            re.findall(r"\{(\w+)\}", dutch)
        ), key


# -- the context of intent and hand-over cards -------------------------------------------

CONTEXT = {
    "intent": "request_human",
    "request": "Dan wil ik nu uw leidinggevende spreken.",
    "facts": {"tracking_code": "VP123456789NL", "postcode": "3512CD"},
    "done": [
        {
            "step": "parcel_status.check_scan_history",
            "titles": {"en": "Open the scan history", "nl": "Open de scangeschiedenis"},
        },
        {"step": "request_human.acknowledge", "titles": {}},  # a playbook without titles
    ],
    "urgency": "critical",
    "urgency_reasons": [
        {"kind": "alert", "level": "escalate", "signal": "frustration", "basis": "request"},
        {
            "kind": "alert",
            "level": "take_over",
            "signal": "frustration",
            "basis": "sustained",
            "run": 3,
        },
        {"kind": "deadline", "words": "vandaag"},
        {"kind": "critical", "words": "medicijnen"},
    ],
}


def test_a_context_in_both_languages():
    assert ENGLISH.context(CONTEXT) == [
        'Customer wants: to speak to someone else (said: "Dan wil ik nu uw leidinggevende'
        ' spreken.")',
        "Known: tracking code VP123456789NL, postcode 3512CD",
        "Done: Open the scan history; acknowledge",
        "Urgency: critical (escalate alert: frustration escalation request; take over alert:"
        " frustration high for 3 utterances; deadline: 'vandaag'; mentions 'medicijnen')",
    ]
    assert DUTCH.context(CONTEXT) == [
        'Klant wil: iemand anders spreken (zei: "Dan wil ik nu uw leidinggevende spreken.")',
        "Bekend: trackingcode VP123456789NL, postcode 3512CD",
        "Gedaan: Open de scangeschiedenis; acknowledge",
        "Urgentie: kritiek (melding escaleren: frustratie vraagt om escalatie; melding"
        " overnemen: frustratie hoog gedurende 3 uitingen; tijdsdruk: 'vandaag'; noemt"
        " 'medicijnen')",
    ]


def test_a_context_with_nothing_known_yet_and_an_alert_from_before_its_basis():
    bare = {
        "intent": "billing",
        "request": "",
        "facts": {},
        "done": [],
        "urgency": "high",
        "urgency_reasons": [{"kind": "alert", "level": "early_warning", "signal": "doubt"}],
    }
    assert DUTCH.context(bare) == [
        "Klant wil: hulp bij een factuur of betaling",
        "Bekend: nog niets",
        "Urgentie: hoog (melding vroege waarschuwing: twijfel)",
    ]
    # An intent the catalogue has no "wants" for is named as the intent chip names it.
    assert ENGLISH.context({"intent": "lost_key"})[0] == "Customer wants: lost key"


def test_hand_over_cues_name_their_signal_and_old_string_cues_stay_as_written():
    from copilot.events.codec import event_from_json
    from copilot.events.voicebot import Handoff

    assert DUTCH.signal_cue(MANAGER, 0.5) == (
        "frustratie: 'leidinggevende' (vraagt naar een leidinggevende; onduidelijk geluid,"
        " kans 0.23)"
    )
    assert ENGLISH.signal_cue(PITCH.to_dict()) == (
        "frustration: pitch +3.0 sd above this caller's baseline"
    )
    old = (
        '{"type":"handoff","call_id":"c","seq":3,"t":1.0,"cues":["doubt: not sure: \'geen idee\'"]}'
    )
    (cue,) = event_from_json(old).cues
    assert DUTCH.signal_cue(cue) == "doubt: not sure: 'geen idee'"
    card = Handoff("c", 4, 2.0, cues=(MANAGER,), phrase_floor=0.5)
    assert event_from_json(card.to_json()) == card
