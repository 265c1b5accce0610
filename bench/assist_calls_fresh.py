"""Labelled calls of both sample domains: a second held-out set, written blind.

Written on 2026-12-07, blind: after the floors, the rules and the examples were settled,
and without running any model. It is a second held-out set next to
`bench/assist_calls_heldout.py` (labels as in `bench/assist_labels.py`), with new
scenarios and new wording, and it is never used to choose anything: no floor, rule,
example or article was picked by looking at how it scores.

Per company and language there are five calls and one call that reached the wrong company
(`misdialled`): a parcel question put to the energy provider, and an energy question put to
the parcel service. Those open with a greeting that names no company, so the agent's lines
fit whichever company picks up. Each company has a caller who asks for a person and a
question of its own that no article answers (a `gap`).

Since then a development set: measured blind twice (on the rules, then after the
article-derived examples), its mistakes were read, and it joined the development calls
the floors are calibrated on (bench/assist_floors.DEV_CALLS). The blind figure is now a
later set's (bench/assist_calls_blind11.py).
"""

from __future__ import annotations

from audio_fixtures.generate_calls import agent, customer

from .assist_calls import GREET_EN, GREET_NL, asks_for_a_manager, parcel
from .assist_calls_energy import HELLO_EN, HELLO_NL, energy

# A greeting that names no company: the misdialled calls play to both deployments.
ANY_EN = agent("Good afternoon, customer service, you're speaking with Daniel. How can I help?")
ANY_NL = agent("Goedemiddag, klantenservice, u spreekt met Daan. Waarmee kan ik u helpen?")

PARCELS_FRESH_EN = (
    parcel(
        "fresh_driver_fence_en",
        "en",
        "A driver threw the parcel over the garden fence; the caller wants it on record.",
        GREET_EN,
        customer(
            "Good morning, this is Claire Bennett from Haarlem. I'm calling because your driver"
            " threw my parcel over the garden fence yesterday.",
            "frustrated",
            "intent=complaint",
        ),
        agent("I'm sorry to hear that. Was anything inside damaged?"),
        customer(
            "Luckily not, it was only books, but it landed in a puddle and I want this reported.",
            "frustrated",
            "intent=complaint",
        ),
        agent("I'll register a complaint about the driver. You'll get a reference number."),
        customer("And how long before I hear back from you?", "calm", "intent=complaint"),
        agent("The complaints team answers within five working days."),
    ),
    parcel(
        "fresh_leave_at_gate_gap_en",
        "en",
        "Parcels keep going to the pick-up point; may the driver leave them behind the gate?"
        " No article covers it.",
        GREET_EN,
        customer(
            "Hi, I work late every day, so all my parcels end up at the pick-up point.",
            "calm",
            "intent=parcel_status",
        ),
        agent("Yes, that's what happens when nobody is home."),
        customer(
            "Can I give the driver permission to leave them behind my garden gate instead?",
            "doubt",
            "intent=parcel_status|address_change",
            "gap",
        ),
        agent("Good question. I'm not sure we do that, so let me check with my team."),
        customer(
            "Please do, the pick-up point is closed by the time I get home.",
            "calm",
            "intent=parcel_status|address_change",
            "gap",
        ),
        agent("I'll find out and send you an email today."),
    ),
    parcel(
        "fresh_express_late_en",
        "en",
        "An express parcel two days late; the caller wants the surcharge back.",
        GREET_EN,
        customer(
            "Hello, I paid extra for express delivery on Monday, and the parcel only came this"
            " morning.",
            "doubt",
            "intent=refund_return|complaint|billing",
        ),
        agent("I see it. That's two working days later than we promised."),
        customer("So do I get the express surcharge back?", "calm", "intent=refund_return|billing"),
        agent("Yes. You can request it in the app within thirty days."),
        customer("Okay, I'll do that tonight. Thanks.", "calm"),
    ),
    parcel(
        "fresh_sofa_evening_en",
        "en",
        "A sofa due tomorrow morning; the caller asks for an evening slot instead.",
        GREET_EN,
        customer(
            "Hi there, my new sofa is being delivered tomorrow between eight and twelve, but"
            " I've just been told I have to work.",
            "calm",
            "intent=appointment_change",
        ),
        agent("No problem, let's see what we can do."),
        customer(
            "Could it come tomorrow evening instead, after six?",
            "calm",
            "intent=appointment_change",
        ),
        agent("There's room on the evening route between six and nine."),
        customer("Lovely, that works for me.", "calm"),
    ),
    parcel(
        "fresh_customs_sent_back_en",
        "en",
        "A parcel from America goes back over an unpaid customs fee; the caller asks for a"
        " supervisor.",
        GREET_EN,
        customer(
            "Your tracking says my parcel from America is going back to the sender because I"
            " didn't pay the customs fee.",
            "frustrated",
            "intent=billing|parcel_status|complaint",
        ),
        agent("That's right, unpaid parcels go back after fourteen days."),
        customer(
            "But I never got a payment link, not by email and not by text!",
            "frustrated",
            "intent=billing|complaint",
        ),
        agent("I'm sorry. I can see the link went to an old phone number."),
        asks_for_a_manager("This is ridiculous. I want to speak to your supervisor, right now."),
        agent("I'll put you through to my team leader."),
    ),
    parcel(
        "fresh_pickup_point_misdialled_en",
        "en",
        "A parcel not yet at the supermarket pick-up point: a parcel question that reached the"
        " energy provider.",
        ANY_EN,
        customer(
            "Hi, I went to collect my parcel at the supermarket pick-up point, but they say it"
            " isn't there.",
            "calm",
            "intent=parcel_status",
        ),
        agent("Let me look it up. Do you have the tracking code?"),
        customer("It's VP551208347NL.", "calm", "intent=parcel_status", "other"),
        agent("It's still on the van. It reaches the pick-up point after four today."),
        customer("Okay, I'll go back after work then.", "calm"),
        misdialled=True,
    ),
)

PARCELS_FRESH_NL = (
    parcel(
        "fresh_app_sluit_af_nl",
        "nl",
        "De app sluit steeds af bij het bekijken van pakketten.",
        GREET_NL,
        customer(
            "Goedemiddag, u spreekt met Sanne de Vries. Ik bel omdat jullie app steeds afsluit"
            " zodra ik mijn pakketten wil bekijken.",
            "calm",
            "intent=technical_issue",
        ),
        agent("Vervelend. Heeft u de app al bijgewerkt naar de nieuwste versie?"),
        customer(
            "Ja, gisteren nog. Ben ik mijn pakketten kwijt als ik hem opnieuw installeer?",
            "doubt",
            "intent=technical_issue",
        ),
        agent("Nee, uw account en uw pakketten blijven gewoon bewaard."),
        customer("Oké, dan probeer ik dat. Dank je wel.", "calm"),
    ),
    parcel(
        "fresh_plus_stopzetten_gat_nl",
        "nl",
        "Het Plus-abonnement drie maanden stopzetten zonder op te zeggen: geen artikel gaat"
        " daarover.",
        GREET_NL,
        customer(
            "Hoi, ik heb een Plus-abonnement, maar ik zit vanaf juni drie maanden in Australië.",
            "calm",
            "intent=cancel_contract",
            "other",
        ),
        agent("Leuk! Wat kan ik voor u doen?"),
        customer(
            "Kan ik mijn abonnement zolang stopzetten, zonder het helemaal op te zeggen?",
            "doubt",
            "intent=cancel_contract",
            "gap",
        ),
        agent("Goede vraag, dat weet ik niet zeker. Ik zoek het voor u uit."),
        customer(
            "Graag, want opzeggen en daarna weer opnieuw afsluiten vind ik zonde.",
            "calm",
            "intent=cancel_contract",
            "gap",
        ),
        agent("Ik mail u vandaag nog het antwoord."),
    ),
    parcel(
        "fresh_naar_afhaalpunt_nl",
        "nl",
        "Een pakket van vandaag naar een afhaalpunt sturen, maar het zit al in de bus.",
        GREET_NL,
        customer(
            "Goedemorgen, er komt vandaag een pakket, maar ik ben de hele dag weg. Kan het"
            " naar een afhaalpunt?",
            "calm",
            "intent=address_change|parcel_status",
        ),
        agent("Dat kan in de app, zolang het pakket nog niet onderweg is."),
        customer(
            "In de app lukt het niet, de knop om het te wijzigen is grijs.",
            "doubt",
            "intent=address_change|technical_issue",
        ),
        agent("Dan ligt het al in de bus, en dan kan het adres helaas niet meer worden gewijzigd."),
        customer(
            "Jammer. Dan vraag ik wel of de buren het aannemen.",
            "calm",
            "intent=parcel_status",
            "other",
        ),
    ),
    parcel(
        "fresh_buren_op_reis_nl",
        "nl",
        "Een Vlaamse beller: het pakje ligt bij buren die op reis zijn; hij wil een"
        " verantwoordelijke.",
        GREET_NL,
        customer(
            "Goeiedag, ik bel voor een pakje dat volgens de track and trace bij de buren is"
            " afgeleverd.",
            "calm",
            "intent=parcel_status",
        ),
        agent("Ik zie het, het is afgegeven op huisnummer veertien."),
        customer(
            "Maar die buren zijn twee weken op reis, en er zitten medicijnen in die ik echt"
            " nodig heb.",
            "frustrated",
            "intent=parcel_status|complaint",
        ),
        agent("Dat is vervelend, maar wij kunnen het pakket daar niet meer ophalen."),
        asks_for_a_manager(
            "Dan wil ik nu een verantwoordelijke spreken, want zo kan het echt niet."
        ),
        agent("Ik verbind u door met mijn teamleider."),
    ),
    parcel(
        "fresh_retour_kluis_nl",
        "nl",
        "Een retour in een pakketkluis gelegd; de winkel zegt dat er niets is aangekomen.",
        GREET_NL,
        customer(
            "Hallo, ik heb vorige week een retour in een pakketkluis gelegd, maar de winkel zegt"
            " dat ze niks hebben ontvangen.",
            "doubt",
            "intent=refund_return|parcel_status",
        ),
        agent("Heeft u het bewijs met de volgcode nog?"),
        customer(
            "Ja, het is VP738204615NL.",
            "calm",
            "intent=refund_return|parcel_status",
            "other",
        ),
        agent("Ik zie dat het pakket gisteren bij de winkel is bezorgd."),
        customer("O, dan bel ik de winkel nog even. Bedankt!", "calm"),
    ),
    parcel(
        "fresh_douane_betaallink_misdialled_nl",
        "nl",
        "Invoerrechten voor een pakketje uit China en een betaallink die niet werkt: een"
        " pakketvraag bij de energieleverancier.",
        ANY_NL,
        customer(
            "Goedemiddag, ik kreeg een sms dat ik invoerrechten moet betalen voor een pakketje"
            " uit China.",
            "calm",
            "intent=billing",
        ),
        agent("Ik kijk even met u mee."),
        customer(
            "Maar de betaallink doet het niet, ik krijg steeds een foutmelding.",
            "frustrated",
            "intent=billing|technical_issue",
        ),
        agent("Dat is vervelend. Ik stuur u een nieuwe link."),
        customer(
            "En als ik te laat betaal, wat gebeurt er dan met het pakket?",
            "doubt",
            "intent=billing|parcel_status",
        ),
        agent("Dan gaat het na veertien dagen terug naar de afzender."),
        misdialled=True,
    ),
)

ENERGY_FRESH_EN = (
    energy(
        "fresh_tripped_switch_en",
        "en",
        "No power in one flat while the neighbours have lights: a tripped group.",
        HELLO_EN,
        customer(
            "Hi, the power's gone off in my flat, but the neighbours across the hall still have"
            " lights.",
            "doubt",
            "intent=outage",
        ),
        agent("Then it's probably inside your home. Have you looked in the meter cupboard?"),
        customer(
            "One switch is down, and it flips straight back when I push it up.",
            "doubt",
            "intent=outage",
        ),
        agent("Switch off every group, reset the main switch, and turn the groups on one by one."),
        customer(
            "It's the kitchen group that trips again. Is it the dishwasher, then?",
            "doubt",
            "intent=outage",
        ),
        agent("Probably an appliance on that group. Unplug them all and try again."),
        customer("Right, I'll try that now. Thanks.", "calm"),
    ),
    energy(
        "fresh_own_router_gap_en",
        "en",
        "Using one's own router with new fibre internet: no article covers it.",
        HELLO_EN,
        customer(
            "Good afternoon, my name is Peter Hughes. I've just signed up for your fibre"
            " internet, and I have a question about the equipment.",
            "calm",
            "intent=contract",
            "other",
        ),
        agent("Of course, what would you like to know?"),
        customer(
            "Can I use my own router instead of the Wattnet modem?",
            "doubt",
            "intent=contract",
            "gap",
        ),
        agent("Good question. I'll check with our technical team and let you know."),
        customer("Great, thanks.", "calm"),
    ),
    energy(
        "fresh_dynamic_tariff_en",
        "en",
        "Interest in a dynamic tariff halfway through a fixed contract.",
        HELLO_EN,
        customer(
            "I read about your dynamic contract with hourly prices. How does that work?",
            "calm",
            "intent=contract",
        ),
        agent("The electricity price follows the market every hour, so cheap hours save money."),
        customer(
            "Can I switch to it now? My fixed contract still runs until next year.",
            "doubt",
            "intent=contract|cancel_contract",
        ),
        agent("You can, but ending a fixed contract early costs a cancellation fee."),
        customer("How much would that be?", "doubt", "intent=cancel_contract|contract"),
        agent("Between fifty and a hundred and twenty five euros, depending on the time left."),
    ),
    energy(
        "fresh_collection_letter_en",
        "en",
        "A debt collection letter for a bill already paid; the caller wants a manager.",
        HELLO_EN,
        customer(
            "Good morning, this is Mark Peters. I've had a letter from a debt collection agency"
            " about a Wattnet bill, and I paid that bill weeks ago.",
            "frustrated",
            "intent=billing|complaint",
        ),
        agent("I'm sorry. We only hand a bill over after two reminders and a final notice."),
        customer("I never got a single reminder!", "frustrated", "intent=billing|complaint"),
        agent("I see two reminders sent to an address in Leiden."),
        asks_for_a_manager(
            "I moved out of Leiden a year ago. I want to talk to a manager about this today."
        ),
        agent("I'll ask my team leader to take your call."),
    ),
    energy(
        "fresh_technician_neighbour_en",
        "en",
        "A fibre box installation on Friday: may a neighbour let the technician in?",
        HELLO_EN,
        customer(
            "Hi, your technician is coming on Friday to install the fibre box, but I'm at work"
            " all day.",
            "calm",
            "intent=appointment",
        ),
        agent("Would you like to move the appointment?"),
        customer("Not really. Can my neighbour let him in instead?", "calm", "intent=appointment"),
        agent("Yes, that's fine, as long as your neighbour is eighteen or older."),
        customer(
            "Perfect. Will she get a message before he arrives?", "calm", "intent=appointment"
        ),
        agent("The text message goes to your number, about thirty minutes ahead."),
    ),
    energy(
        "fresh_solar_panels_misdialled_en",
        "en",
        "Solar panels just fitted: an energy question that reached the parcel service.",
        ANY_EN,
        customer(
            "Good morning. We had solar panels put on the roof last week. Do I need to tell you"
            " about that?",
            "calm",
            "intent=contract|meter_reading",
        ),
        agent("Yes, it's good to let us know."),
        customer(
            "And will my monthly payment go down now that we make our own electricity?",
            "doubt",
            "intent=billing|contract",
        ),
        agent("You can lower it within limits, and the annual statement settles the rest."),
        customer("Alright, thank you.", "calm"),
        misdialled=True,
    ),
)

ENERGY_FRESH_NL = (
    energy(
        "fresh_gaslucht_nl",
        "nl",
        "Een gaslucht in de gang.",
        HELLO_NL,
        customer(
            "Hallo, ik ruik ineens een gaslucht in de gang. Wat moet ik doen?",
            "frustrated",
            "intent=outage",
        ),
        agent(
            "Ga meteen naar buiten, gebruik geen lichtknopjes en bel buiten het noodnummer"
            " voor gas."
        ),
        customer("Oké, ik ga nu met de kinderen naar buiten.", "frustrated"),
    ),
    energy(
        "fresh_samenwonen_nl",
        "nl",
        "Gaan samenwonen met een partner die ook klant is.",
        HELLO_NL,
        customer(
            "Goedemiddag, u spreekt met Ilse Bakker. Ik ga in mei samenwonen met mijn vriend,"
            " en hij zit ook al bij Wattnet.",
            "calm",
            "intent=moving",
        ),
        agent("Leuk! Wat kan ik voor u doen?"),
        customer(
            "Moet ik mijn eigen contract dan opzeggen, en kost dat iets?",
            "doubt",
            "intent=moving|cancel_contract",
        ),
        agent("Nee, wij stoppen uw contract op de verhuisdatum, zonder opzegkosten."),
        customer(
            "Fijn. En mijn meterstanden geef ik dan door op de dag dat ik de sleutel inlever?",
            "calm",
            "intent=moving|meter_reading",
        ),
        agent("Precies, dan geeft u de standen van uw huidige adres door."),
        customer("Dank u, dan weet ik genoeg.", "calm"),
    ),
    energy(
        "fresh_per_kwartaal_gat_nl",
        "nl",
        "Het termijnbedrag per kwartaal betalen: geen artikel gaat daarover.",
        HELLO_NL,
        customer(
            "Dag, met Joost. Ik heb een vraagje over mijn termijnbedrag.",
            "calm",
            "intent=billing",
        ),
        agent("Zeker, zegt u het maar."),
        customer(
            "Kan ik dat ook per kwartaal betalen in plaats van elke maand?",
            "doubt",
            "intent=billing",
            "gap",
        ),
        agent("Dat weet ik eerlijk gezegd niet. Ik vraag het na bij facturatie en bel u terug."),
        customer("Prima, dank u.", "calm"),
    ),
    energy(
        "fresh_slimme_meter_zwart_nl",
        "nl",
        "De slimme meter stuurt al een week niets en het display is zwart.",
        HELLO_NL,
        customer(
            "Ik zie in de app al een week geen verbruik meer van mijn slimme meter.",
            "calm",
            "intent=meter_reading",
        ),
        agent("Staan er nog cijfers op het display van de meter?"),
        customer(
            "Nee, het schermpje is helemaal zwart.",
            "calm",
            "intent=meter_reading|appointment",
        ),
        agent(
            "Dan moet de netbeheerder ernaar kijken. Ik meld het, zij bellen u voor een afspraak."
        ),
        customer("Top, dan wacht ik dat af.", "calm"),
    ),
    energy(
        "fresh_warmtepomp_leidinggevende_nl",
        "nl",
        "Nog steeds gas afgeschreven na de overstap op een warmtepomp; de klant wil een"
        " leidinggevende.",
        HELLO_NL,
        customer(
            "Goedemorgen. Wij hebben sinds februari een warmtepomp en geen gasaansluiting meer,"
            " maar jullie schrijven nog steeds geld af voor gas.",
            "frustrated",
            "intent=billing|contract|complaint",
        ),
        agent("Dat spijt me. Ik zie dat het gasdeel van uw contract nog niet is stopgezet."),
        customer(
            "Dat heb ik in maart al doorgegeven, en ik wil dat geld terug.",
            "frustrated",
            "intent=billing|complaint",
        ),
        agent("Ik zet het nu stop en vraag de terugbetaling aan."),
        asks_for_a_manager("Ik heb er geen vertrouwen meer in. Ik wil een leidinggevende spreken."),
        agent("Ik verbind u door met mijn teamleider."),
    ),
    energy(
        "fresh_twee_standen_misdialled_nl",
        "nl",
        "Welke meterstanden doorgeven bij twee telwerken: een energievraag bij de pakketdienst.",
        ANY_NL,
        customer(
            "Goedemiddag, ik wil mijn meterstanden doorgeven, maar op de stroommeter staan twee"
            " standen.",
            "doubt",
            "intent=meter_reading",
        ),
        agent("Dat klopt, dat zijn het normale tarief en het daltarief."),
        customer(
            "Moet ik ze allebei doorgeven? En bij het gas ook de cijfers achter de komma?",
            "doubt",
            "intent=meter_reading",
        ),
        agent("Beide standen van de stroom graag, en bij het gas alleen de cijfers voor de komma."),
        customer("Oké, helder. Dank u wel.", "calm"),
        misdialled=True,
    ),
)

FRESH_CALLS = (
    *PARCELS_FRESH_EN,
    *PARCELS_FRESH_NL,
    *ENERGY_FRESH_EN,
    *ENERGY_FRESH_NL,
)
