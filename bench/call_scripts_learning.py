"""Calls for the alert-learning curve: calm customers whose harmless words raise an alert.

Every customer turn of the *false* calls is calm, yet one phrase in it is one of the cues
that escalate at once: "my account manager" (asks for a manager), "cancel my order" and
"switching to another plan" (cancel threat), "overstappen op een groter pakket", "niet
opzeggen" (cancel threat in Dutch). The dev half is what the simulated agents dismiss; the
held-out half says the same kind of thing in other words, on calls never dismissed.

The *angry* calls use the very phrases the dev half teaches copilot to discount, from a
customer who means them: learning must not cost these their escalation. Labels as in
`bench/call_scripts.py` (`calm`, `frustrated`, `churn_threat`, `manager_request`).
"""

from __future__ import annotations

from audio_fixtures.generate_calls import (
    EN_AGENT,
    EN_CUSTOMER,
    NL_AGENT,
    NL_CUSTOMER,
    Call,
    agent,
    customer,
)


def _calm_en(name: str, scenario: str, *lines: str) -> Call:
    turns = []
    for i, line in enumerate(lines):
        turns.append(customer(line, "calm") if i % 2 == 0 else agent(line))
    opening = agent("Parcelo customer service, this is Daniel. How can I help you?")
    return Call(name, "en", scenario, EN_AGENT, EN_CUSTOMER, (opening, *turns))


def _calm_nl(name: str, scenario: str, *lines: str) -> Call:
    turns = []
    for i, line in enumerate(lines):
        turns.append(customer(line, "calm") if i % 2 == 0 else agent(line))
    opening = agent("Klantenservice van Parcelo, u spreekt met Daan. Waarmee kan ik u helpen?")
    return Call(name, "nl", scenario, NL_AGENT, NL_CUSTOMER, (opening, *turns))


DEV_FALSE = (
    _calm_en(
        "false_account_manager_en",
        "A business customer's account manager sent them; nothing is wrong.",
        "Hi, my account manager asked me to call you about the new invoice.",
        "Of course, I can see the invoice from March.",
        "Great, could you send a copy to our office address?",
        "Done, it is on its way.",
        "Lovely, thank you very much.",
    ),
    _calm_en(
        "false_cancel_order_en",
        "A customer ordered the wrong size and wants the order cancelled; no complaint.",
        "Hello, I'd like to cancel my order, I picked the wrong size.",
        "No problem, I have cancelled it for you.",
        "Perfect, and the refund goes back to my card?",
        "Yes, within three working days.",
        "Great, thanks for your help.",
    ),
    _calm_en(
        "false_switch_plan_en",
        "A customer moves to a bigger plan of the same company.",
        "Hi, I'm switching to another plan with more parcels a month, how does that work?",
        "You can do that in the app, or I can do it now.",
        "Oh, please do it now, that's easier.",
        "Done, it starts on the first.",
        "Brilliant, thanks.",
    ),
    _calm_en(
        "false_office_manager_en",
        "An office manager placed an order; the caller checks the delivery date.",
        "Hello, our office manager placed an order last week, when will it arrive?",
        "It is planned for Thursday morning.",
        "Thursday is fine, someone will be at the desk.",
        "Then you are all set.",
        "Thank you, have a nice day.",
    ),
    _calm_nl(
        "false_upgrade_nl",
        "Een klant stapt over op een groter pakket van hetzelfde bedrijf.",
        "Goedemiddag, ik wil graag overstappen op het grotere pakket.",
        "Dat kan, ik zet het voor u klaar.",
        "Fijn, gaat dat per volgende maand in?",
        "Ja, per de eerste.",
        "Prima, dank u wel.",
    ),
    _calm_nl(
        "false_work_manager_nl",
        "De manager van de beller op het werk wil een factuur; er is niets mis.",
        "Hallo, mijn manager op het werk vraagt of de factuur al verstuurd is.",
        "Ja, die is gisteren gemaild.",
        "Ah, dan kijk ik even in de spam.",
        "Ik stuur hem voor de zekerheid nog een keer.",
        "Heel vriendelijk, bedankt.",
    ),
    _calm_nl(
        "false_not_cancel_nl",
        "Een dochter belt voor haar moeder: niet opzeggen, alleen een ander adres.",
        "Ik bel voor mijn moeder, ze wil haar abonnement niet opzeggen maar verhuizen.",
        "Dan pas ik alleen het adres aan.",
        "Graag, het nieuwe adres staat in haar account.",
        "Ik zie het, het is aangepast.",
        "Top, dank u wel.",
    ),
    _calm_nl(
        "false_monthly_nl",
        "Een klant wil van maandbetaling naar jaarbetaling.",
        "Ik wil overstappen van de maandbundel naar de jaarbundel, kan dat?",
        "Zeker, dat scheelt u ook wat.",
        "Mooi, doet u dat maar.",
        "Het is geregeld.",
        "Fijn, dank u.",
    ),
)

HELDOUT_FALSE = (
    _calm_en(
        "heldout_my_manager_en",
        "The caller's manager at work wants a copy of an invoice.",
        "Good afternoon, my manager wants a copy of last month's invoice.",
        "I can send it to you by e-mail.",
        "That would be great, thank you.",
    ),
    _calm_en(
        "heldout_double_order_en",
        "A customer ordered the same thing twice by accident.",
        "Hi, could you cancel this order please? I ordered the same lamp twice.",
        "Of course, the second one is cancelled.",
        "Thanks, that was quick.",
    ),
    _calm_en(
        "heldout_facilities_manager_en",
        "A facilities manager will sign for a delivery.",
        "Hello, our facilities manager will sign for the delivery, is that okay?",
        "Yes, anyone at the address can sign.",
        "Great, thank you.",
    ),
    _calm_nl(
        "heldout_pay_monthly_nl",
        "Een klant wil voortaan per maand betalen.",
        "Goedendag, ik wil graag overstappen naar betalen per maand.",
        "Dat heb ik aangepast.",
        "Dank u wel.",
    ),
    _calm_nl(
        "heldout_shop_manager_nl",
        "De bedrijfsleider van een winkel verwees de klant naar de klantenservice.",
        "De manager van de winkel zei dat ik u moest bellen voor de bon.",
        "Ik mail u de bon meteen.",
        "Fijn, dank u.",
    ),
    _calm_nl(
        "heldout_not_cancel_nl",
        "Een vader wil zijn lidmaatschap houden en alleen een nieuw pasje.",
        "Mijn vader wil zijn lidmaatschap niet opzeggen, hij wil alleen een nieuw pasje.",
        "Dat vraag ik voor hem aan.",
        "Heel fijn, bedankt.",
    ),
)

ANGRY_SAME_CUES = (
    Call(
        name="angry_cancel_order_en",
        language="en",
        scenario="The same 'cancel my order', from a customer who has had enough.",
        agent=EN_AGENT,
        customer=EN_CUSTOMER,
        lines=(
            agent("Parcelo customer service, this is Daniel. How can I help you?"),
            customer("My parcel is two weeks late and nobody calls me back.", "frustrated"),
            agent("I'm sorry, let me look into it."),
            customer(
                "No. This is ridiculous. Cancel my order, I'm done with you.",
                "frustrated",
                "churn_threat",
            ),
            agent("I understand. I can cancel it and refund you today."),
            customer("Still nothing in two weeks. Absolutely unacceptable.", "frustrated"),
        ),
    ),
    Call(
        name="angry_account_manager_en",
        language="en",
        scenario="A business customer whose account manager never called back.",
        agent=EN_AGENT,
        customer=EN_CUSTOMER,
        lines=(
            agent("Parcelo customer service, this is Daniel. How can I help you?"),
            customer(
                "This is the third time I'm calling. My account manager never called back.",
                "frustrated",
            ),
            agent("I'm sorry to hear that."),
            customer(
                "I'm fed up. Get me your manager, this is a disgrace.",
                "frustrated",
                "manager_request",
            ),
        ),
    ),
    Call(
        name="angry_switch_nl",
        language="nl",
        scenario="Hetzelfde 'overstappen', van een klant die weg wil.",
        agent=NL_AGENT,
        customer=NL_CUSTOMER,
        lines=(
            agent("Klantenservice van Parcelo, met Daan. Waarmee kan ik u helpen?"),
            customer("Ik heb nu al drie keer gebeld en er gebeurt niks.", "frustrated"),
            agent("Dat spijt me, ik kijk het na."),
            customer(
                "Dit is belachelijk. Ik ga overstappen naar een andere bezorger.",
                "frustrated",
                "churn_threat",
            ),
            agent("Ik begrijp het, mag ik nog één ding proberen?"),
            customer("Nee, ik ben er klaar mee. Dit is echt onacceptabel.", "frustrated"),
        ),
    ),
    Call(
        name="angry_manager_nl",
        language="nl",
        scenario="Een klant die boos een leidinggevende vraagt.",
        agent=NL_AGENT,
        customer=NL_CUSTOMER,
        lines=(
            agent("Klantenservice van Parcelo, met Daan. Waarmee kan ik u helpen?"),
            customer("Mijn pakket is nog steeds niet bezorgd, al twee weken.", "frustrated"),
            agent("Dat is vervelend, ik ga het na."),
            customer(
                "Ik ben het zat. Ik wil nu uw manager spreken.",
                "frustrated",
                "manager_request",
            ),
        ),
    ),
)
