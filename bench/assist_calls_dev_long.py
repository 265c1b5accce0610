"""Development calls that open the way many real callers do: a greeting, a name, some context.

Written on 2026-12-07 after the second held-out set (bench/assist_calls_fresh.py) showed
that long opening lines get wrong intents at middling confidence, which the short
development lines never showed: calibrated on those alone, the typed floors were too low.
These are development calls (floors are chosen on them); none repeats a held-out line.
"""

from __future__ import annotations

from audio_fixtures.generate_calls import agent, customer

from .assist_calls import GREET_EN, GREET_NL, asks_for_a_manager, parcel
from .assist_calls_energy import HELLO_EN, HELLO_NL, energy

NEUTRAL_EN = agent("Good afternoon, customer service, this is Daniel. How can I help you?")
NEUTRAL_NL = agent("Goedemiddag, klantenservice, u spreekt met Daan. Waarmee kan ik helpen?")

LONG_OPENINGS = (
    parcel(
        "devlong_order_twice_en",
        "en",
        "A long opening: name, then a parcel that shows two different delivery dates.",
        GREET_EN,
        customer(
            "Hi there, good afternoon, my name is Tom Visser, I ordered a desk from a web"
            " shop last Monday and your tracking page now shows two different delivery dates.",
            "calm",
            "intent=parcel_status",
        ),
        agent("Let me check. Do you have the tracking code?"),
        customer("Yes, it's VP 4 4 8 1 2 0 3 3 NL.", "calm", "intent=parcel_status", "other"),
        agent("It's planned for Thursday, the other date was the old estimate."),
        customer("Lovely, thanks for clearing that up.", "calm"),
    ),
    parcel(
        "devlong_wrong_house_en",
        "en",
        "A rambling opening about a parcel left at the wrong house; the caller is annoyed.",
        GREET_EN,
        customer(
            "Yes hello, this is Mrs Peters from the Lindenlaan, I've just come back from my"
            " sister's and the neighbour two doors down says your driver left my box with him,"
            " which I never asked for.",
            "frustrated",
            "intent=complaint|parcel_status",
        ),
        agent("I'm sorry about that. Do you have the box now?"),
        customer(
            "I do, but I want it noted that I don't want parcels left with neighbours.",
            "frustrated",
            "intent=complaint|address_change",
        ),
        agent("I'll add that to your delivery preferences."),
    ),
    parcel(
        "devlong_refund_label_nl",
        "nl",
        "Een lange opening met naam, daarna een retour waarvan het geld uitblijft.",
        GREET_NL,
        customer(
            "Goedemiddag, met Joyce van Dam, ik heb drie weken geleden een jas teruggestuurd"
            " via jullie servicepunt en de webwinkel zegt dat ze hem nog steeds niet hebben.",
            "frustrated",
            "intent=refund_return|parcel_status",
        ),
        agent("Heeft u het verzendbewijs nog?"),
        customer(
            "Ja, dat heb ik hier, maar ik wil gewoon mijn geld terug.",
            "frustrated",
            "intent=refund_return",
        ),
        agent("Ik start een onderzoek en stuur het bewijs naar de winkel."),
        customer("Goed, dank u.", "calm"),
    ),
    parcel(
        "devlong_bedrijf_factuur_nl",
        "nl",
        "Een zakelijke klant met een lange inleiding over een factuur met te veel zendingen.",
        GREET_NL,
        customer(
            "Hallo, goedemorgen, u spreekt met Erik Mulder van Mulder Fietsen, wij versturen"
            " elke week pakketten via jullie en op de laatste factuur staan zendingen die wij"
            " helemaal niet hebben verstuurd.",
            "calm",
            "intent=billing",
        ),
        agent("Vervelend. Om welk factuurnummer gaat het?"),
        customer("Factuur 2 0 2 4 1 1 8.", "calm", "intent=billing", "other"),
        agent("Ik zie het, ik laat de regels nakijken en u krijgt een creditnota."),
    ),
    energy(
        "devlong_broadband_misdialled_en",
        "en",
        "A long opening about a broadband bill: a call for the energy and internet provider.",
        NEUTRAL_EN,
        customer(
            "Good afternoon, my name is Hannah Jacobs, I switched my broadband and TV package"
            " last month and I'm still being charged for the old one as well.",
            "calm",
            "intent=billing",
        ),
        agent("I'm sorry, which company is your package with?"),
        customer("With Wattnet, I think I've got the wrong number then.", "calm"),
        misdialled=True,
    ),
    energy(
        "devlong_stroom_misdialled_nl",
        "nl",
        "Een lange opening over een nieuw energiecontract: een gesprek voor de energieleverancier.",
        NEUTRAL_NL,
        customer(
            "Goedemiddag, u spreekt met Karin Bos, wij hebben een nieuw huis gekocht en ik wil"
            " vanaf de eerste van de maand stroom en gas bij jullie afnemen.",
            "calm",
            "intent=moving|contract",
        ),
        agent("Bij welk bedrijf denkt u uit te komen?"),
        customer("Bij Wattnet toch? O, dan heb ik het verkeerde nummer.", "calm"),
        misdialled=True,
    ),
    energy(
        "devlong_no_heating_en",
        "en",
        "A long opening: no gas for the boiler since the morning.",
        HELLO_EN,
        customer(
            "Hello, good morning, this is Mark de Jong calling from Zwolle, the boiler has been"
            " showing an error since early this morning and it looks like there's no gas"
            " coming into the house at all.",
            "frustrated",
            "intent=outage",
        ),
        agent("Is the gas off for your neighbours too?"),
        customer("I don't know, I haven't asked them yet.", "calm", "intent=outage", "other"),
        agent("Then please check the main tap first; if it's open we send an engineer."),
    ),
    energy(
        "devlong_price_up_en",
        "en",
        "A long opening about a higher monthly amount after a price change.",
        HELLO_EN,
        customer(
            "Hi, good afternoon, my name is Laura Smit, I had a letter last week saying my"
            " tariff changes and now the monthly amount is forty euros higher, which seems a"
            " lot for a small flat.",
            "frustrated",
            "intent=billing|contract",
        ),
        agent("Let me look at your usage and the new rates."),
        customer("Can I lower it myself somehow?", "calm", "intent=billing"),
        agent("Yes, you can set your instalment in the app within limits."),
    ),
    energy(
        "devlong_meter_swap_nl",
        "nl",
        "Een lange opening over een monteur die de meter komt vervangen.",
        HELLO_NL,
        customer(
            "Goedemorgen, met Peter de Wit, ik kreeg een brief dat er een monteur komt om de"
            " meter te vervangen, maar die dag ben ik op mijn werk en niemand is thuis.",
            "calm",
            "intent=appointment|meter_reading",
        ),
        agent("Dan zetten we de afspraak om. Welke dag past u beter?"),
        customer("Een zaterdag, als dat kan.", "calm", "intent=appointment"),
        agent("Zaterdag de vijftiende tussen acht en twaalf."),
    ),
    energy(
        "devlong_klacht_manager_nl",
        "nl",
        "Een lange, boze opening over een verkeerde eindafrekening; daarna een leidinggevende.",
        HELLO_NL,
        customer(
            "Ja hallo, met mevrouw Jansen, ik ben al twee maanden verhuisd en ik krijg nu een"
            " eindafrekening van vierhonderd euro voor een huis waar ik niet eens meer woon.",
            "frustrated",
            "intent=billing|complaint|moving",
        ),
        agent("Dat spijt me. Heeft u de meterstanden van de verhuisdag doorgegeven?"),
        asks_for_a_manager(
            "Natuurlijk, en niemand belt terug. Ik wil nu een leidinggevende spreken."
        ),
        agent("Ik verbind u door met mijn teamleider."),
    ),
    parcel(
        "devlong_parcel_misdialled_en",
        "en",
        "A long opening about a parcel sent back: a call for the parcel service.",
        NEUTRAL_EN,
        customer(
            "Hello, good afternoon, this is Ben Kramer, I was expecting a parcel today but the"
            " tracking says it's being returned to the sender and nobody even came by.",
            "frustrated",
            "intent=parcel_status|complaint",
        ),
        agent("Which company is delivering it?"),
        customer("Vlotpost. Oh, isn't this Vlotpost?", "calm"),
        misdialled=True,
    ),
    parcel(
        "devlong_pakket_misdialled_nl",
        "nl",
        "Een lange opening over een pakket dat op de verkeerde plek ligt: voor de pakketdienst.",
        NEUTRAL_NL,
        customer(
            "Goedemiddag, u spreekt met Sander Koster, volgens de app is mijn pakket bezorgd"
            " bij een winkel in een dorp verderop terwijl ik een afhaalpunt om de hoek had"
            " gekozen.",
            "frustrated",
            "intent=parcel_status|complaint",
        ),
        agent("Welk bedrijf bezorgt het pakket?"),
        customer("Vlotpost. O, dan zit ik hier verkeerd.", "calm"),
        misdialled=True,
    ),
)
