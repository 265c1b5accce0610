"""Labelled calls of the internet and energy provider (Wattnet) for the assist floors: dev half.

Labels as in `bench/assist_labels.py`; rendered with espeak-ng. To the parcel service's
models every line here is "other" but asking for a person: what a parcel service must not
answer with a parcel, an address or a Plus subscription.
"""

from __future__ import annotations

from audio_fixtures.generate_calls import agent, customer

from .assist_labels import domain_call


def energy(name: str, language: str, scenario: str, *lines, misdialled: bool = False):
    """A call to the internet and energy provider (Wattnet) in `language`."""
    return domain_call("energy_internet", name, language, scenario, lines, misdialled)


HELLO_EN = agent("Good morning, Wattnet customer service, this is Daniel. How can I help you?")
HELLO_NL = agent(
    "Goedemorgen, klantenservice van Wattnet, u spreekt met Daan. Waarmee kan ik helpen?"
)

ENERGY_DEV_EN = (
    energy(
        "dev_wifi_en",
        "en",
        "Slow wifi and a connection that drops.",
        HELLO_EN,
        customer("Hello, my wifi has been really slow since Monday.", "calm", "intent=outage"),
        agent("I'm sorry to hear that. Which lights are on on your modem?"),
        customer(
            "The lights keep blinking orange and the connection drops.",
            "frustrated",
            "intent=outage",
        ),
        agent("Let me run a line test."),
        customer(
            "Can someone come and look at the cable in the street?",
            "frustrated",
            "intent=appointment|outage",
        ),
        agent("I'll book an engineer for you."),
        misdialled=True,
    ),
    energy(
        "dev_meter_en",
        "en",
        "A gas meter reading and an instalment that seems too high.",
        HELLO_EN,
        customer("Hi, I want to give you my gas meter reading.", "calm", "intent=meter_reading"),
        agent("Sure, what does the meter say?"),
        customer(
            "It says four three two one, and my monthly payment seems too high.",
            "doubt",
            "intent=billing|meter_reading",
        ),
        agent("I'll adjust the amount to the reading."),
        customer("Thank you very much.", "calm"),
        misdialled=True,
    ),
    energy(
        "dev_power_out_en",
        "en",
        "No electricity in the street.",
        HELLO_EN,
        customer(
            "The power has been out in our whole street since this morning.",
            "frustrated",
            "intent=outage",
        ),
        agent("Let me check the outage map for your postcode."),
        customer("When will it be back on?", "frustrated", "intent=outage"),
        agent("The grid operator expects it back before two o'clock."),
        customer("Okay, thanks for checking.", "calm"),
    ),
    energy(
        "dev_moving_energy_en",
        "en",
        "Moving house and taking the contract along.",
        HELLO_EN,
        customer(
            "I'm moving to Utrecht next month. Can I take my energy contract with me?",
            "calm",
            "intent=moving",
        ),
        agent("Yes, you can. Do you know the new address yet?"),
        customer(
            "Yes. What do I do with the meter readings at the old house?",
            "calm",
            "intent=moving|meter_reading",
        ),
        agent("Give us the readings of both houses on moving day."),
        customer("Great, that's easy.", "calm"),
    ),
    energy(
        "dev_instalment_en",
        "en",
        "A monthly instalment that went up.",
        HELLO_EN,
        customer(
            "My monthly instalment went up from ninety to a hundred and forty euros.",
            "frustrated",
            "intent=billing",
        ),
        agent("Let me look at your usage."),
        customer("Why is it so much higher? Can I lower it?", "frustrated", "intent=billing"),
        agent("You can change the amount in the app, within limits."),
        customer("Alright, I'll do that.", "calm"),
    ),
    energy(
        "dev_tariff_en",
        "en",
        "A fixed contract that ends; the customer asks about tariffs.",
        HELLO_EN,
        customer(
            "My fixed energy contract ends in March. What are my options?",
            "calm",
            "intent=contract",
        ),
        agent("You can renew for one or three years, or go variable."),
        customer("Is a variable tariff cheaper at the moment?", "doubt", "intent=contract"),
        agent("Right now it is a little cheaper, but it can change every month."),
        customer("I'll think about it, thanks.", "calm"),
    ),
    energy(
        "dev_engineer_no_show_en",
        "en",
        "A technician who did not come to fit the smart meter.",
        HELLO_EN,
        customer(
            "The engineer was meant to fit my smart meter today, but nobody came.",
            "frustrated",
            "intent=appointment|complaint",
        ),
        agent("I'm sorry about that. I see the visit was cancelled this morning."),
        customer(
            "Can you book a new visit for next week then?", "frustrated", "intent=appointment"
        ),
        agent("Tuesday morning is possible."),
        customer("Tuesday is fine.", "calm"),
    ),
    energy(
        "dev_switch_en",
        "en",
        "Switching to another supplier.",
        HELLO_EN,
        customer(
            "I'm switching to another supplier. Do I need to cancel with you myself?",
            "calm",
            "intent=cancel_contract",
        ),
        agent("No, your new supplier cancels for you."),
        customer("Is there a fee for leaving early?", "doubt", "intent=cancel_contract"),
        agent("Only if you leave a fixed contract before it ends."),
        customer("Okay, thank you.", "calm"),
    ),
    energy(
        "dev_charging_gap_en",
        "en",
        "A charging point for an electric car: no article covers it.",
        HELLO_EN,
        customer(
            "Hi, I'm getting an electric car. Can you install a charging point at my house?",
            "calm",
            "intent=contract|appointment",
            "gap",
        ),
        agent("I'm not sure we do that. Let me check."),
        customer(
            "And is there a special tariff for charging the car at night?",
            "doubt",
            "intent=contract",
            "gap",
        ),
        agent("I'll ask my colleagues and call you back."),
        customer("Thanks.", "calm"),
    ),
)

ENERGY_DEV_NL = (
    energy(
        "dev_wifi_nl",
        "nl",
        "Trage wifi en een verbinding die wegvalt.",
        HELLO_NL,
        customer("Hallo, mijn wifi is sinds maandag heel traag.", "calm", "intent=outage"),
        agent("Vervelend. Welke lampjes branden er op uw modem?"),
        customer(
            "De lampjes knipperen oranje en de verbinding valt steeds weg.",
            "frustrated",
            "intent=outage",
        ),
        agent("Ik doe even een lijntest."),
        customer(
            "Kan er iemand naar de kabel in de straat kijken?",
            "frustrated",
            "intent=appointment|outage",
        ),
        agent("Ik plan een monteur voor u in."),
        misdialled=True,
    ),
    energy(
        "dev_meterstand_nl",
        "nl",
        "Een meterstand van het gas en een termijnbedrag dat te hoog lijkt.",
        HELLO_NL,
        customer(
            "Hallo, ik wil mijn meterstand van het gas doorgeven.", "calm", "intent=meter_reading"
        ),
        agent("Natuurlijk, wat staat er op de meter?"),
        customer(
            "Vier drie twee een, en mijn termijnbedrag lijkt me te hoog.",
            "doubt",
            "intent=billing|meter_reading",
        ),
        agent("Ik pas het bedrag aan op de meterstand."),
        customer("Dank u wel.", "calm"),
        misdialled=True,
    ),
    energy(
        "dev_stroom_weg_nl",
        "nl",
        "Geen stroom in de hele straat.",
        HELLO_NL,
        customer(
            "Sinds vanochtend is in onze hele straat de stroom uitgevallen.",
            "frustrated",
            "intent=outage",
        ),
        agent("Ik kijk even op de storingskaart voor uw postcode."),
        customer("Wanneer doet het weer het?", "frustrated", "intent=outage"),
        agent("De netbeheerder verwacht het voor twee uur op te lossen."),
        customer("Oké, bedankt voor het kijken.", "calm"),
    ),
    energy(
        "dev_verhuizen_energie_nl",
        "nl",
        "Verhuizen en het contract meenemen.",
        HELLO_NL,
        customer(
            "Ik verhuis volgende maand naar Utrecht. Kan ik mijn energiecontract meenemen?",
            "calm",
            "intent=moving",
        ),
        agent("Ja, dat kan. Weet u het nieuwe adres al?"),
        customer(
            "Ja. Wat moet ik doen met de meterstanden van het oude huis?",
            "calm",
            "intent=moving|meter_reading",
        ),
        agent("Geef op de verhuisdag de standen van beide huizen door."),
        customer("Mooi, dat is makkelijk.", "calm"),
    ),
    energy(
        "dev_termijnbedrag_nl",
        "nl",
        "Een termijnbedrag dat omhoog ging.",
        HELLO_NL,
        customer(
            "Mijn termijnbedrag is van negentig naar honderdveertig euro gegaan.",
            "frustrated",
            "intent=billing",
        ),
        agent("Ik kijk even naar uw verbruik."),
        customer("Waarom is het zoveel hoger? Kan het omlaag?", "frustrated", "intent=billing"),
        agent("U kunt het bedrag in de app aanpassen, binnen grenzen."),
        customer("Goed, dat doe ik.", "calm"),
    ),
    energy(
        "dev_contract_loopt_af_nl",
        "nl",
        "Een vast contract dat afloopt; de klant vraagt naar tarieven.",
        HELLO_NL,
        customer(
            "Mijn vaste energiecontract loopt in maart af. Wat zijn mijn mogelijkheden?",
            "calm",
            "intent=contract",
        ),
        agent("U kunt verlengen voor een of drie jaar, of variabel gaan."),
        customer("Is een variabel tarief nu goedkoper?", "doubt", "intent=contract"),
        agent("Op dit moment iets goedkoper, maar het kan elke maand veranderen."),
        customer("Ik denk erover na, bedankt.", "calm"),
    ),
    energy(
        "dev_monteur_niet_gekomen_nl",
        "nl",
        "Een monteur die de slimme meter niet kwam plaatsen.",
        HELLO_NL,
        customer(
            "De monteur zou vandaag mijn slimme meter plaatsen, maar er kwam niemand.",
            "frustrated",
            "intent=appointment|complaint",
        ),
        agent("Dat spijt me. Ik zie dat het bezoek vanochtend is geannuleerd."),
        customer(
            "Kunt u dan een nieuwe afspraak maken voor volgende week?",
            "frustrated",
            "intent=appointment",
        ),
        agent("Dinsdagochtend kan."),
        customer("Dinsdag is goed.", "calm"),
    ),
    energy(
        "dev_overstappen_nl",
        "nl",
        "Overstappen naar een andere leverancier.",
        HELLO_NL,
        customer(
            "Ik stap over naar een andere leverancier. Moet ik zelf bij u opzeggen?",
            "calm",
            "intent=cancel_contract",
        ),
        agent("Nee, uw nieuwe leverancier zegt voor u op."),
        customer("Kost het iets als ik eerder wegga?", "doubt", "intent=cancel_contract"),
        agent("Alleen als u een vast contract voor het einde opzegt."),
        customer("Oké, dank u.", "calm"),
    ),
    energy(
        "dev_laadpaal_gat_nl",
        "nl",
        "Een laadpaal voor een elektrische auto: geen artikel gaat daarover.",
        HELLO_NL,
        customer(
            "Hallo, ik krijg een elektrische auto. Kunt u een laadpaal bij mijn huis plaatsen?",
            "calm",
            "intent=contract|appointment",
            "gap",
        ),
        agent("Ik weet niet zeker of wij dat doen. Ik zoek het uit."),
        customer(
            "En is er een speciaal tarief voor 's nachts laden?",
            "doubt",
            "intent=contract",
            "gap",
        ),
        agent("Ik vraag het na bij mijn collega's en bel u terug."),
        customer("Bedankt.", "calm"),
    ),
)

ENERGY_DEV = (*ENERGY_DEV_EN, *ENERGY_DEV_NL)
