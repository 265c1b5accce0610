"""Labelled calls of the parcel service (Vlotpost) for the assist floors: the development half.

Labels as in `bench/assist_labels.py`; rendered with espeak-ng. The floors are chosen on
these calls and those of `bench/assist_calls_energy.py` alone (`python -m
bench.assist_floors`); `bench/assist_calls_heldout.py` is the half they are measured on.
"""

from __future__ import annotations

from audio_fixtures.generate_calls import agent, customer

from .assist_labels import domain_call


def parcel(name: str, language: str, scenario: str, *lines, misdialled: bool = False):
    """A call to the parcel service (Vlotpost) in `language`."""
    return domain_call("parcels", name, language, scenario, lines, misdialled)


def asks_for_a_manager(text: str):
    """A frustrated customer asking for a manager: asking for a person (or complaining) is
    what a card may be about, and a hand-over to a person is right."""
    return customer(
        text, "frustrated", "manager_request", "intent=request_human|complaint", "person"
    )


GREET_EN = agent("Good morning, Vlotpost customer service, this is Daniel. How can I help you?")
GREET_NL = agent(
    "Goedemorgen, klantenservice van Vlotpost, u spreekt met Daan. Waarmee kan ik helpen?"
)

PARCELS_DEV_EN = (
    parcel(
        "dev_parcel_late_en",
        "en",
        "A parcel that did not come yesterday.",
        GREET_EN,
        customer(
            "Hi, my parcel was supposed to arrive yesterday but the tracking still says depot.",
            "calm",
            "intent=parcel_status",
        ),
        agent("Let me check that for you. Do you have the tracking code?"),
        customer("Yes, it's VP123456789NL.", "calm", "intent=parcel_status", "other"),
        agent("Thank you. It left the depot this morning and comes before six."),
        customer(
            "Great. Can the driver leave it with my neighbour if I'm out?",
            "calm",
            "intent=parcel_status|address_change",
        ),
        agent("Yes, the driver will try your neighbours first."),
        customer("Perfect, thank you. Bye.", "calm"),
        misdialled=True,
    ),
    parcel(
        "dev_moving_en",
        "en",
        "Moving house with two parcels on the way.",
        GREET_EN,
        customer(
            "Hello, I'm moving house next week and I have two parcels on the way.",
            "calm",
            "intent=address_change",
        ),
        agent("Congratulations on the move. What would you like us to do?"),
        customer("Can you send them to my new address instead?", "calm", "intent=address_change"),
        agent("Of course. What is the new address?"),
        customer("It's Kerkstraat twelve in Utrecht.", "calm", "intent=address_change", "other"),
        agent("Done, both parcels will go there."),
        customer("Thanks a lot.", "calm"),
    ),
    parcel(
        "dev_return_en",
        "en",
        "Sending back a jacket and asking about the refund.",
        GREET_EN,
        customer(
            "Hi, I want to send back a jacket that doesn't fit.", "calm", "intent=refund_return"
        ),
        agent("No problem. Did you buy it from a web shop?"),
        customer("Yes. How do I get a return label?", "calm", "intent=refund_return"),
        agent("The web shop gives you the label, or you make one in our app."),
        customer("And how long until I get my money back?", "calm", "intent=refund_return"),
        agent("The shop refunds you once the parcel is back, usually within a week."),
        customer("Okay, that's clear, thanks.", "calm"),
    ),
    parcel(
        "dev_invoice_en",
        "en",
        "An unknown customs charge on an invoice.",
        GREET_EN,
        customer(
            "Hello, there's an amount on my invoice that I don't recognise.",
            "calm",
            "intent=billing",
        ),
        agent("I'm happy to look. What does it say?"),
        customer(
            "Twenty four euros for customs, but I didn't order anything from abroad.",
            "doubt",
            "intent=billing",
        ),
        agent("That parcel came from outside the European Union, so import duty was due."),
        customer("Can you take that charge off my bill?", "doubt", "intent=billing|complaint"),
        agent("You can dispute it with the form on our website."),
        customer("Alright, thank you.", "calm"),
    ),
    parcel(
        "dev_locker_en",
        "en",
        "A locker that will not open.",
        GREET_EN,
        customer(
            "Hi, I'm standing at the parcel locker and the door won't open.",
            "frustrated",
            "intent=technical_issue|parcel_status",
        ),
        agent("I'm sorry. What does the screen say?"),
        customer(
            "It says my pick-up code is invalid.",
            "frustrated",
            "intent=technical_issue|parcel_status",
        ),
        agent("I'll send you a new code by text message now."),
        customer("Okay, I'll try again. Thanks.", "calm"),
        misdialled=True,
    ),
    parcel(
        "dev_cancel_plus_en",
        "en",
        "Cancelling the Plus subscription.",
        GREET_EN,
        customer(
            "Good afternoon, I'd like to cancel my Plus subscription.",
            "calm",
            "intent=cancel_contract",
        ),
        agent("That's a pity. May I ask why?"),
        customer("I hardly send parcels any more.", "calm", "intent=cancel_contract", "other"),
        agent("I understand."),
        customer("What is the notice period?", "calm", "intent=cancel_contract"),
        agent("One month. It ends on the first of next month."),
        customer("Fine, please go ahead.", "calm"),
    ),
    parcel(
        "dev_lost_manager_en",
        "en",
        "A parcel lost for two weeks; the customer asks for a manager.",
        GREET_EN,
        customer(
            "My parcel has been missing for two weeks and nobody helps me.",
            "frustrated",
            "intent=parcel_status|complaint",
        ),
        agent("I'm sorry about that. Let me look it up."),
        customer(
            "I've called three times already and each time you say wait.",
            "frustrated",
            "intent=complaint|parcel_status",
        ),
        agent("We can only start an investigation after ten working days."),
        asks_for_a_manager("That's enough. I want to speak to a manager now."),
        agent("I'll put you through to my team leader."),
    ),
    parcel(
        "dev_cash_gap_en",
        "en",
        "Paying an invoice in cash: no article covers it.",
        GREET_EN,
        customer(
            "Hello, I got a payment reminder for my invoice.",
            "calm",
            "intent=billing",
        ),
        agent("I see it. The amount is thirty euros."),
        customer(
            "Can I pay that in cash at one of your pick-up points?",
            "doubt",
            "intent=billing",
            "gap",
        ),
        agent("Let me find out, I'm not sure about cash."),
        customer(
            "I don't have a bank card, so I really need to pay in cash.",
            "doubt",
            "intent=billing",
            "gap",
        ),
        agent("I'll ask my colleague in finance and call you back."),
        customer("Okay, thank you.", "calm"),
    ),
)

PARCELS_DEV_NL = (
    parcel(
        "dev_pakket_laat_nl",
        "nl",
        "Een pakket dat gisteren had moeten komen.",
        GREET_NL,
        customer(
            "Hallo, mijn pakket zou gisteren komen, maar het staat nog steeds in het depot.",
            "calm",
            "intent=parcel_status",
        ),
        agent("Ik kijk even mee. Heeft u de volgcode?"),
        customer("Ja, dat is VP123456789NL.", "calm", "intent=parcel_status", "other"),
        agent("Dank u. Het is vanochtend vertrokken en komt voor zes uur."),
        customer(
            "Fijn. Mag de bezorger het bij de buren afgeven als ik er niet ben?",
            "calm",
            "intent=parcel_status|address_change",
        ),
        agent("Ja, de bezorger probeert eerst de buren."),
        customer("Top, dank u wel. Dag.", "calm"),
        misdialled=True,
    ),
    parcel(
        "dev_verhuizen_nl",
        "nl",
        "Verhuizen met twee pakketten onderweg.",
        GREET_NL,
        customer(
            "Goedemiddag, ik verhuis volgende week en er zijn nog twee pakketten onderweg.",
            "calm",
            "intent=address_change",
        ),
        agent("Gefeliciteerd met de verhuizing. Wat kan ik voor u doen?"),
        customer(
            "Kunnen die naar mijn nieuwe adres worden gestuurd?", "calm", "intent=address_change"
        ),
        agent("Zeker. Wat is het nieuwe adres?"),
        customer("Kerkstraat twaalf in Utrecht.", "calm", "intent=address_change", "other"),
        agent("Geregeld, beide pakketten gaan daarheen."),
        customer("Hartelijk bedankt.", "calm"),
    ),
    parcel(
        "dev_retour_nl",
        "nl",
        "Een jas terugsturen en vragen naar het geld.",
        GREET_NL,
        customer("Hoi, ik wil een jas terugsturen die niet past.", "calm", "intent=refund_return"),
        agent("Geen probleem. Heeft u hem bij een webwinkel gekocht?"),
        customer("Ja. Hoe kom ik aan een retourlabel?", "calm", "intent=refund_return"),
        agent("Dat krijgt u van de webwinkel, of u maakt er een in onze app."),
        customer("En wanneer krijg ik mijn geld terug?", "calm", "intent=refund_return"),
        agent("De winkel betaalt terug zodra het pakket terug is, meestal binnen een week."),
        customer("Oké, duidelijk, bedankt.", "calm"),
    ),
    parcel(
        "dev_factuur_nl",
        "nl",
        "Onbekende douanekosten op een factuur.",
        GREET_NL,
        customer(
            "Hallo, er staat een bedrag op mijn factuur dat ik niet herken.",
            "calm",
            "intent=billing",
        ),
        agent("Ik kijk graag mee. Wat staat er?"),
        customer(
            "Vierentwintig euro douanekosten, maar ik heb niets uit het buitenland besteld.",
            "doubt",
            "intent=billing",
        ),
        agent("Dat pakket kwam van buiten de Europese Unie, dus er was invoerheffing."),
        customer("Kunt u die kosten van mijn rekening halen?", "doubt", "intent=billing|complaint"),
        agent("U kunt bezwaar maken met het formulier op onze website."),
        customer("Goed, dank u.", "calm"),
    ),
    parcel(
        "dev_kluis_nl",
        "nl",
        "Een pakketkluis die niet opengaat.",
        GREET_NL,
        customer(
            "Hallo, ik sta bij de pakketkluis en het deurtje gaat niet open.",
            "frustrated",
            "intent=technical_issue|parcel_status",
        ),
        agent("Vervelend. Wat staat er op het scherm?"),
        customer(
            "Er staat dat mijn ophaalcode ongeldig is.",
            "frustrated",
            "intent=technical_issue|parcel_status",
        ),
        agent("Ik stuur u nu een nieuwe code per sms."),
        customer("Oké, ik probeer het opnieuw. Bedankt.", "calm"),
        misdialled=True,
    ),
    parcel(
        "dev_opzeggen_nl",
        "nl",
        "Het Plus-abonnement opzeggen.",
        GREET_NL,
        customer(
            "Goedemiddag, ik wil graag mijn Plus-abonnement opzeggen.",
            "calm",
            "intent=cancel_contract",
        ),
        agent("Jammer. Mag ik vragen waarom?"),
        customer(
            "Ik verstuur bijna geen pakketten meer.", "calm", "intent=cancel_contract", "other"
        ),
        agent("Dat begrijp ik."),
        customer("Wat is de opzegtermijn?", "calm", "intent=cancel_contract"),
        agent("Een maand. Het stopt op de eerste van volgende maand."),
        customer("Prima, zegt u het maar op.", "calm"),
    ),
    parcel(
        "dev_kwijt_leidinggevende_nl",
        "nl",
        "Een pakket al twee weken kwijt; de klant vraagt een leidinggevende.",
        GREET_NL,
        customer(
            "Mijn pakket is al twee weken zoek en niemand helpt me.",
            "frustrated",
            "intent=parcel_status|complaint",
        ),
        agent("Dat spijt me. Ik zoek het even op."),
        customer(
            "Ik heb al drie keer gebeld en elke keer zegt u dat ik moet wachten.",
            "frustrated",
            "intent=complaint|parcel_status",
        ),
        agent("We starten pas na tien werkdagen een onderzoek."),
        asks_for_a_manager("Nu is het genoeg. Ik wil uw leidinggevende spreken."),
        agent("Ik verbind u door met mijn teamleider."),
    ),
    parcel(
        "dev_contant_gat_nl",
        "nl",
        "Een factuur contant betalen: geen artikel gaat daarover.",
        GREET_NL,
        customer(
            "Hallo, ik kreeg een betalingsherinnering voor mijn factuur.", "calm", "intent=billing"
        ),
        agent("Ik zie hem. Het gaat om dertig euro."),
        customer(
            "Kan ik dat contant betalen bij een van uw afhaalpunten?",
            "doubt",
            "intent=billing",
            "gap",
        ),
        agent("Dat zoek ik even uit, ik weet het niet zeker."),
        customer(
            "Ik heb geen bankpas, dus ik moet echt contant betalen.",
            "doubt",
            "intent=billing",
            "gap",
        ),
        agent("Ik vraag het na bij de financiële afdeling en bel u terug."),
        customer("Goed, bedankt.", "calm"),
    ),
)

PARCELS_DEV = (*PARCELS_DEV_EN, *PARCELS_DEV_NL)
