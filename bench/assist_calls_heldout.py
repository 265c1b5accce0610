"""Labelled calls of both sample domains: the held-out half, never used to choose a floor.

Written on 2026-12-06 together with the development half (`bench/assist_calls.py`,
`bench/assist_calls_energy.py`; labels as in `bench/assist_labels.py`), before any floor
was chosen. It holds the two calls of issue 31: the English internet outage that ends in a
cancel threat (the energy provider's call, which the parcel service must not answer with a
parcel, an address or its Plus subscription), and the calm Dutch caller who wants to move
an appointment with the technician ("monteur"), an appointment to either company (a parcel
service that installs large items, an energy provider that fits meters).
"""

from __future__ import annotations

from audio_fixtures.generate_calls import agent, customer

from .assist_calls import GREET_EN, GREET_NL, asks_for_a_manager, parcel
from .assist_calls_energy import HELLO_EN, HELLO_NL, energy

PARCELS_HELDOUT_EN = (
    parcel(
        "test_damaged_en",
        "en",
        "A crushed box with a broken vase.",
        GREET_EN,
        customer(
            "Hello, my parcel arrived today and the box was completely crushed.",
            "frustrated",
            "intent=complaint|refund_return",
        ),
        agent("I'm sorry. Is anything inside broken?"),
        customer(
            "Yes, the vase inside is in pieces. Do I get compensation for that?",
            "frustrated",
            "intent=refund_return|complaint",
        ),
        agent("Please send us photos within forty eight hours and we'll look at it."),
        customer("Okay, I'll do that tonight.", "calm"),
        misdialled=True,
    ),
    parcel(
        "test_fridge_en",
        "en",
        "Moving the delivery of a fridge to another day.",
        GREET_EN,
        customer(
            "Hi, I need to move the delivery of my new fridge to next week.",
            "calm",
            "intent=appointment_change",
        ),
        agent("Sure. Which day suits you?"),
        customer("Is a Saturday morning possible?", "calm", "intent=appointment_change"),
        agent("Yes, Saturday between nine and one."),
        customer("Great, book that please.", "calm"),
    ),
    parcel(
        "test_missed_en",
        "en",
        "A missed delivery and where to collect it.",
        GREET_EN,
        customer(
            "I missed the driver this afternoon, there's a card in my letterbox.",
            "calm",
            "intent=parcel_status",
        ),
        agent("Then your parcel goes to a pick-up point tomorrow."),
        customer(
            "Which pick-up point, and what do I need to bring?", "calm", "intent=parcel_status"
        ),
        agent("The one on the card. Bring your ID and the code."),
        customer("Thanks, that helps.", "calm"),
    ),
    parcel(
        "test_charged_twice_en",
        "en",
        "A double charge; the customer wants it back.",
        GREET_EN,
        customer(
            "You charged me twice for the same shipment this month.",
            "frustrated",
            "intent=billing",
        ),
        agent("Let me look at your payments."),
        customer(
            "I want the second payment refunded this week.",
            "frustrated",
            "intent=billing|refund_return",
        ),
        agent("I see it. I'll refund it, it takes up to five working days."),
        customer("Fine. Thank you.", "calm"),
    ),
    parcel(
        "test_app_login_en",
        "en",
        "Locked out of the app: no text message with a code.",
        GREET_EN,
        customer(
            "I can't log in to your app, it keeps asking for a code.",
            "calm",
            "intent=technical_issue",
        ),
        agent("Do you get a text message with the code?"),
        customer("No, I never get a text message.", "frustrated", "intent=technical_issue"),
        agent("I'll reset your account, then try again in five minutes."),
        customer("Alright, thanks.", "calm"),
    ),
    parcel(
        "test_supervisor_en",
        "en",
        "A refund still missing; the customer asks for a supervisor.",
        GREET_EN,
        customer(
            "This is the fourth time I'm calling about the refund for my return.",
            "frustrated",
            "intent=refund_return|complaint",
        ),
        agent("I'm sorry, I see the return is still being processed."),
        asks_for_a_manager("I'm done waiting. Get me your supervisor, please."),
        agent("I'll transfer you."),
    ),
)

PARCELS_HELDOUT_NL = (
    parcel(
        "test_monteur_nl",
        "nl",
        "Een rustige klant wil de afspraak met de monteur verzetten.",
        agent("Goedemorgen, klantenservice, u spreekt met Daan. Waarmee kan ik u helpen?"),
        customer(
            "Goedemorgen. Ik wil graag mijn afspraak met de monteur verzetten.",
            "calm",
            "intent=appointment_change",
            "energy_internet:intent=appointment",
        ),
        agent("Dat kan. Om welke datum gaat het?"),
        customer(
            "De afspraak staat op dinsdag, maar dan ben ik niet thuis.",
            "calm",
            "intent=appointment_change",
            "energy_internet:intent=appointment",
        ),
        agent("Ik kan hem verzetten naar donderdag."),
        customer("Donderdag is prima. Dank u wel.", "calm"),
        misdialled=True,
    ),
    parcel(
        "test_bezorgd_niet_ontvangen_nl",
        "nl",
        "Het pakket staat op bezorgd maar is er niet.",
        GREET_NL,
        customer(
            "Mijn pakket staat al een week op bezorgd, maar ik heb niets ontvangen.",
            "frustrated",
            "intent=parcel_status|complaint",
        ),
        agent("Vervelend. Heeft u bij de buren gevraagd?"),
        customer(
            "Ja, niemand heeft het. Wat moet ik nu doen?",
            "frustrated",
            "intent=parcel_status|complaint",
        ),
        agent("Ik start een onderzoek en u hoort binnen drie dagen van ons."),
        customer("Goed, dank u.", "calm"),
        misdialled=True,
    ),
    parcel(
        "test_retourlabel_nl",
        "nl",
        "Een retour laten ophalen.",
        GREET_NL,
        customer(
            "Hallo, ik wil een pakket terugsturen maar ik kan niet naar een afgiftepunt.",
            "calm",
            "intent=refund_return",
        ),
        agent("Wij kunnen het ook bij u ophalen."),
        customer("O, fijn. Wat kost het om het te laten ophalen?", "calm", "intent=refund_return"),
        agent("Dat kost vier euro vijftig."),
        customer("Prima, doet u dat maar.", "calm"),
    ),
    parcel(
        "test_huisnummer_nl",
        "nl",
        "Een verkeerd huisnummer op een pakket onderweg.",
        GREET_NL,
        customer(
            "Goedemiddag, ik heb bij mijn bestelling een verkeerd huisnummer ingevuld.",
            "calm",
            "intent=address_change",
        ),
        agent("Geen probleem, het pakket is nog onderweg. Wat moet het zijn?"),
        customer(
            "Het moet nummer veertien zijn in plaats van vier.", "calm", "intent=address_change"
        ),
        agent("Aangepast."),
        customer("Dank u wel, fijne dag.", "calm"),
    ),
    parcel(
        "test_aanmaning_nl",
        "nl",
        "Een aanmaning terwijl de klant al betaald heeft.",
        GREET_NL,
        customer(
            "Ik kreeg een aanmaning, maar ik heb die factuur al lang betaald.",
            "frustrated",
            "intent=billing",
        ),
        agent("Ik kijk het na. Wanneer heeft u betaald?"),
        customer("Op drie maart, via de bank.", "calm", "intent=billing", "other"),
        agent("Ik zie de betaling, de aanmaning vervalt."),
        customer("Gelukkig. Bedankt.", "calm"),
    ),
    parcel(
        "test_leidinggevende_nl",
        "nl",
        "Een terugbetaling die maar uitblijft; de klant wil een leidinggevende.",
        GREET_NL,
        customer(
            "Ik bel nu voor de vierde keer over het geld voor mijn retour.",
            "frustrated",
            "intent=refund_return|complaint",
        ),
        agent("Het spijt me, de retour wordt nog verwerkt."),
        asks_for_a_manager("Ik wacht niet langer. Verbindt u mij door met een leidinggevende."),
        agent("Ik verbind u door."),
    ),
)

ENERGY_HELDOUT_EN = (
    energy(
        "test_outage_cancel_en",
        "en",
        "Internet drops out every evening; the customer threatens to cancel.",
        HELLO_EN,
        customer(
            "Hi. My internet keeps dropping out every evening since last week.",
            "calm",
            "intent=outage",
        ),
        agent("I'm sorry to hear that. Have you restarted the modem?"),
        customer(
            "Yes, three times. It still drops out and I work from home.",
            "frustrated",
            "intent=outage|complaint",
        ),
        agent("I can send a technician on Thursday."),
        customer(
            "Thursday? If this isn't fixed this week I'm cancelling my contract.",
            "frustrated",
            "churn_threat",
            "intent=cancel_contract|complaint|outage",
        ),
        agent("I understand. I'll see if I can find an earlier slot."),
        misdialled=True,
    ),
    energy(
        "test_no_gas_en",
        "en",
        "No hot water: the gas seems off.",
        HELLO_EN,
        customer(
            "We have no hot water this morning and the boiler shows an error.",
            "frustrated",
            "intent=outage",
        ),
        agent("Is it only your home, or the neighbours too?"),
        customer("Only us, the neighbours have gas.", "calm", "intent=outage", "other"),
        agent("Then please reset the boiler first; if that fails, we send an engineer."),
        customer("Okay, I'll try that.", "calm"),
    ),
    energy(
        "test_meter_app_en",
        "en",
        "The app does not take a meter reading.",
        HELLO_EN,
        customer(
            "Your app won't accept my electricity meter reading.",
            "frustrated",
            "intent=meter_reading",
        ),
        agent("What does it say when you enter it?"),
        customer(
            "It says the reading is too low, but that's what the meter shows.",
            "frustrated",
            "intent=meter_reading",
        ),
        agent("I'll enter it for you and check it by hand."),
        customer("Thanks.", "calm"),
    ),
    energy(
        "test_annual_statement_en",
        "en",
        "An annual statement with a large amount to pay.",
        HELLO_EN,
        customer(
            "My annual statement says I have to pay three hundred euros extra.",
            "doubt",
            "intent=billing",
        ),
        agent("Your usage was higher than your instalments covered."),
        customer("Can I pay that in parts?", "doubt", "intent=billing"),
        agent("Yes, we can spread it over six months."),
        customer("That would help, thank you.", "calm"),
    ),
    energy(
        "test_new_house_en",
        "en",
        "Moving into a bought house.",
        HELLO_EN,
        customer(
            "We bought a house and move in on the first. How do we get energy and internet there?",
            "calm",
            "intent=moving",
        ),
        agent("I can move your contract to the new address."),
        customer("Please do. The old house is empty from the same day.", "calm", "intent=moving"),
        agent("Done. Send us both meter readings on that day."),
        customer("Will do, thanks.", "calm"),
    ),
    energy(
        "test_internet_manager_en",
        "en",
        "Internet down for the third time; the customer asks for a manager.",
        HELLO_EN,
        customer(
            "My internet went down for the third time this week.",
            "frustrated",
            "intent=outage|complaint",
        ),
        agent("I'm sorry. I see an outage in your area that is being fixed."),
        asks_for_a_manager("I've had enough of this. I want to talk to your manager."),
        agent("I'll put you through."),
    ),
)

ENERGY_HELDOUT_NL = (
    energy(
        "test_stroomstoring_nl",
        "nl",
        "Een stroomstoring: geen vraag voor een pakketdienst.",
        HELLO_NL,
        customer(
            "Hallo, bij ons in de straat is sinds vanochtend de stroom uitgevallen.",
            "calm",
            "intent=outage",
        ),
        agent("Dat spijt me. Ik kijk of er een storing bekend is."),
        customer(
            "De vriezer ontdooit en ik wil weten wanneer het weer werkt.",
            "frustrated",
            "intent=outage",
        ),
        agent("De netbeheerder verwacht het vanavond op te lossen."),
        misdialled=True,
    ),
    energy(
        "test_jaarafrekening_nl",
        "nl",
        "Een jaarafrekening met een groot bedrag.",
        HELLO_NL,
        customer(
            "Volgens mijn jaarafrekening moet ik driehonderd euro bijbetalen.",
            "doubt",
            "intent=billing",
        ),
        agent("U heeft meer verbruikt dan uw termijnen dekten."),
        customer("Kan ik dat in delen betalen?", "doubt", "intent=billing"),
        agent("Ja, we kunnen het over zes maanden verdelen."),
        customer("Dat helpt, dank u.", "calm"),
    ),
    energy(
        "test_meterstand_app_nl",
        "nl",
        "De app neemt een meterstand niet aan.",
        HELLO_NL,
        customer(
            "Uw app accepteert mijn meterstand van de stroom niet.",
            "frustrated",
            "intent=meter_reading",
        ),
        agent("Wat staat er als u hem invoert?"),
        customer(
            "Dat de stand te laag is, maar dat staat echt op de meter.",
            "frustrated",
            "intent=meter_reading",
        ),
        agent("Ik voer hem voor u in en controleer hem met de hand."),
        customer("Bedankt.", "calm"),
    ),
    energy(
        "test_opzeggen_energie_nl",
        "nl",
        "Het contract opzeggen na een verhuizing naar het buitenland.",
        HELLO_NL,
        customer(
            "Ik verhuis naar Spanje en wil mijn contract bij u opzeggen.",
            "calm",
            "intent=cancel_contract|moving",
        ),
        agent("Dat kan. Per wanneer?"),
        customer(
            "Per eind april. Moet ik de modem terugsturen?",
            "calm",
            "intent=cancel_contract",
        ),
        agent("Ja, u krijgt een retourdoos van ons."),
        customer("Prima, dank u.", "calm"),
    ),
    energy(
        "test_internet_klacht_nl",
        "nl",
        "Internet voor de derde keer weg; de klant wil een leidinggevende.",
        HELLO_NL,
        customer(
            "Mijn internet is deze week al voor de derde keer weg.",
            "frustrated",
            "intent=outage|complaint",
        ),
        agent("Dat spijt me. Er is een storing in uw wijk die wordt opgelost."),
        asks_for_a_manager("Ik ben het zat. Ik wil uw leidinggevende spreken."),
        agent("Ik verbind u door."),
    ),
)

HELDOUT_CALLS = (
    *PARCELS_HELDOUT_EN,
    *PARCELS_HELDOUT_NL,
    *ENERGY_HELDOUT_EN,
    *ENERGY_HELDOUT_NL,
)
