"""A fifth held-out set of labelled assist calls, for both sample domains, in EN and NL.

Written on 2026-12-07, blind: without running any model and without seeing any result,
any example line or the other sets' calls. It is never used to choose anything (no floor,
threshold, prompt or model is picked on it); it only measures. Labels as in
`bench/assist_labels.py`. Per domain and language there are eight calls: six to that
company and two that reached the wrong company (`misdialled`), with a greeting that names
no company so the agent's lines fit either one; in those the caller wants the other sample
company or a business neither runs (a pharmacy, a gym, a garage, a bank).

The calls are meant to be untidy like real ones: long openings with a name, postcode or
customer number before the question, two topics in one call, side remarks, numbers read
out, elderly and business callers, brief and rambling ones, and questions no article
answers (`gap`).

Since then a development set: measured blind (bench assist_abstention on 23c78ea (again, unchanged, on f0de7f4)),
its mistakes were read, and it joined the development calls the floors are
calibrated on (bench/assist_floors.DEV_CALLS). The blind figure is now
bench/assist_calls_blind11.py's.
"""

from __future__ import annotations

from audio_fixtures.generate_calls import agent, customer

from .assist_calls import GREET_EN, GREET_NL, asks_for_a_manager, parcel
from .assist_calls_energy import HELLO_EN, HELLO_NL, energy

# The misdialled calls: a greeting either company's agent could say.
NEUTRAL_EN = agent("Good afternoon, customer service, this is Emma speaking. How can I help you?")
NEUTRAL_NL = agent("Goedemiddag, klantenservice, u spreekt met Lotte. Waarmee kan ik u helpen?")


PARCELS_EN = (
    parcel(
        "blind5_parcels_neighbour_elderly_en",
        "en",
        "An elderly caller: the card says her parcel went to a neighbour whose house is empty",
        GREET_EN,
        customer("Oh, hello. Good morning. Is this the parcel people? Vlotpost?", "calm"),
        agent("Yes, that's right, this is Vlotpost. What can I do for you?"),
        customer(
            "Well, my name is Mrs Margaret Hendriks, and I'm eighty-one, so you'll have to "
            "bear with me a little, dear.",
            "calm",
        ),
        agent("Of course, take all the time you need, Mrs Hendriks."),
        customer(
            "There was a little card on my doormat yesterday saying you'd tried to deliver "
            "and that it went to the neighbours. But it says number fourteen, and number "
            "fourteen has been empty since the spring.",
            "doubt",
            "intent=parcel_status|complaint",
        ),
        agent("I'm sorry about that. Do you have the tracking code from the card?"),
        customer(
            "Let me find my glasses. Here. It says P X, five two, nine nine, zero one.",
            "calm",
            "intent=parcel_status",
            "other",
        ),
        agent("Thank you. I can see the driver marked it as left with a neighbour at number 14."),
        customer(
            "Well, nobody lives there, I can tell you that. It's a bathroom cabinet, and it "
            "wasn't cheap either. Could somebody fetch it and bring it round to me? I'm home "
            "all day, I don't go out much anymore.",
            "doubt",
            "intent=parcel_status|appointment_change|complaint",
        ),
        agent(
            "I'll ask the depot to check with the driver and bring it to your door. You'll "
            "get a letter or a call from us within two working days."
        ),
        customer(
            "And if they can't find it, do I get my money back, or do I have to go to the shop "
            "for that?",
            "doubt",
            "intent=refund_return|parcel_status",
        ),
        agent("If it's really lost, the shop that sent it files a claim with us and refunds you."),
        customer("Lovely. You've been very kind. Thank you, dear.", "calm"),
    ),
    parcel(
        "blind5_parcels_customs_uk_en",
        "en",
        "Import VAT and a handling fee on shoes from the UK; what if he doesn't pay; how to pay",
        GREET_EN,
        customer(
            "Hi, good morning, with Joost van Leeuwen. I have a question about import costs, "
            "I think.",
            "calm",
            "intent=billing|parcel_status",
            "other",
        ),
        agent("Sure, what's going on?"),
        customer(
            "I ordered running shoes from a shop in England, and now I get an SMS from you "
            "that I must pay nineteen euro fifty before you deliver it. The shoes were only "
            "eighty pounds. Is this normal? Because of the Brexit, I suppose?",
            "doubt",
            "intent=billing|parcel_status",
        ),
        agent(
            "Yes, since the UK left the EU, parcels from there are charged import VAT plus a "
            "handling fee before we can deliver them."
        ),
        customer(
            "Okay. And if I don't pay it, what happens? Then it goes back to the shop and I "
            "get my money back from them?",
            "calm",
            "intent=refund_return|billing",
        ),
        agent(
            "If it isn't paid within the time in the message, it goes back to the sender. "
            "Whether they refund you is up to the shop."
        ),
        customer(
            "Right. Then I just pay. The tracking code is P X, seven one, four four, eight six.",
            "calm",
            "intent=billing|parcel_status",
            "other",
        ),
        agent("Thank you, I see it. The payment link is in the text message."),
        customer(
            "Can I pay with iDEAL in that link, or must it be a credit card?",
            "calm",
            "intent=billing",
        ),
        agent("iDEAL works fine. Once it's paid, it's usually delivered the next working day."),
        customer("Perfect, that was all. Thanks, have a nice day.", "calm"),
    ),
    parcel(
        "blind5_parcels_business_damaged_en",
        "en",
        "A business customer: a claim for a crushed vase, then volume prices for more parcels",
        GREET_EN,
        customer(
            "Morning Daniel. Priya Raman, from Raman Ceramics. We have a business account "
            "with you, account number B two zero four four one.",
            "calm",
        ),
        agent("Good morning, Ms Raman. How can I help?"),
        customer(
            "Two things, really. First, one of our customers received a vase in pieces "
            "yesterday. The box was completely crushed on one corner, she sent us photos. "
            "I'd like to file a claim.",
            "calm",
            "intent=refund_return|complaint",
        ),
        agent("I'm sorry to hear that. Could you give me the tracking code?"),
        customer(
            "P X, three three, zero eight, one seven. I'll email you the photos this afternoon.",
            "calm",
            "intent=refund_return",
            "other",
        ),
        agent("Thank you. I've opened a claim; reply to the confirmation email with the photos."),
        customer(
            "Second thing. We're going from about fifty to about three hundred parcels a "
            "month, because we're starting to sell in Germany and Belgium. Is there a volume "
            "discount, and could you collect from our workshop every day?",
            "calm",
            "intent=billing",
            "other",
            "gap",
        ),
        agent("That's for our business team; I'll ask an account manager to call you."),
        customer("Great. Could they call after two? In the mornings we're at the kiln.", "calm"),
        agent("I'll put that in the note."),
        customer("Thanks, Daniel. Cheers.", "calm"),
    ),
    parcel(
        "blind5_parcels_locker_brief_en",
        "en",
        "A brief caller at a parcel locker whose code from the app does not open it",
        GREET_EN,
        customer("Hi. Locker won't open.", "frustrated", "intent=technical_issue|parcel_status"),
        agent("Sorry about that. Which locker are you at?"),
        customer(
            "The one at the station, Utrecht Centraal, east side. The code from the app "
            "doesn't work. Tried it three times.",
            "frustrated",
            "intent=technical_issue|parcel_status",
        ),
        agent("Can you give me the tracking code?"),
        customer(
            "P X, six zero, two, two, five eight.",
            "calm",
            "intent=technical_issue|parcel_status",
            "other",
        ),
        agent("I've sent you a new code. Could you try that one?"),
        customer(
            "Got it. Still nothing. The screen says error.", "frustrated", "intent=technical_issue"
        ),
        agent("Then I'll open it from here. It's compartment thirty-four."),
        customer(
            "Okay, it's open. How long would it have stayed there if I hadn't come today?",
            "calm",
            "intent=parcel_status|technical_issue",
            "other",
        ),
        agent("A few days; the app shows the last day you can pick it up."),
        customer("Fine. Thanks.", "calm"),
    ),
    parcel(
        "blind5_parcels_plus_cancel_double_charge_en",
        "en",
        "Cancelling Vlotpost Plus, then noticing the fee was taken twice in November",
        GREET_EN,
        customer(
            "Hello, good morning. Sorry, one moment, I'm in the car... okay, yes. My name's "
            "Tom Brennan.",
            "calm",
        ),
        agent("Good morning Mr Brennan, what can I do for you?"),
        customer(
            "I signed up for your Plus thing last year, for the free deliveries, but honestly "
            "I hardly order anything anymore, so I'd like to stop it.",
            "calm",
            "intent=cancel_contract",
        ),
        agent("I can help with that. Could I have your email address or customer number?"),
        customer(
            "It's tom dot brennan at mailbox dot com.",
            "calm",
            "intent=cancel_contract",
            "other",
        ),
        agent("Thank you. I've cancelled it from the end of this month."),
        customer(
            "Also, and this is a bit annoying, I looked at my bank statement and it looks "
            "like you took the five ninety-nine twice in November.",
            "frustrated",
            "intent=billing|refund_return",
            "energy_internet:intent=billing",
        ),
        agent("You're right, I see two payments. I'll refund one; it's back within five days."),
        customer(
            "And I won't be charged again in December?",
            "doubt",
            "intent=billing|cancel_contract",
        ),
        agent("No, November was the last one."),
        customer("Good. Cheers, thanks for sorting that out.", "calm"),
    ),
    parcel(
        "blind5_parcels_driver_gate_manager_en",
        "en",
        "Third call about a driver who throws parcels over the gate; asks for a manager",
        GREET_EN,
        customer(
            "Yes, hello. I'm calling for the third time this week and frankly I'm fed up.",
            "frustrated",
            "repeat_contact",
            "intent=complaint",
            "other",
        ),
        agent("I'm sorry to hear that. What has happened?"),
        customer(
            "Your driver, the same one every time, throws the parcels over my garden gate. "
            "Yesterday a box with a glass lamp landed in the flower bed, in the rain. My "
            "neighbour saw him do it.",
            "frustrated",
            "intent=complaint|refund_return",
        ),
        agent("That's not how our drivers should work. Is the lamp broken?"),
        customer(
            "I haven't even opened it, the box is soaked through. And your tracking says "
            "handed to the customer in person, which is a lie, I wasn't even home.",
            "frustrated",
            "intent=complaint|refund_return",
        ),
        agent(
            "I'll log a complaint about the driver, and if the lamp is damaged you can claim "
            "through the shop."
        ),
        asks_for_a_manager(
            "That's what you said on Monday, and the person before that said it too. Nothing "
            "happens. I want to speak to a manager. Now, please."
        ),
        agent("I understand. I'll put you through to my team leader."),
        customer("Thank you.", "frustrated"),
    ),
    parcel(
        "blind5_parcels_misdial_internet_en",
        "en",
        "Misdialled: the caller's internet and TV from Wattnet are down",
        NEUTRAL_EN,
        customer(
            "Hi, yes, hello. My internet has been down since about seven this morning. The "
            "light on the modem is flashing orange.",
            "frustrated",
            "energy_internet:intent=outage",
        ),
        agent("I'm sorry to hear that. Which company is your internet with?"),
        customer(
            "Wattnet. I've got the internet and the TV with you. Customer number W, four, "
            "four, one, nine, zero, two.",
            "calm",
            "energy_internet:intent=outage",
            "energy_internet:other",
        ),
        agent(
            "Ah, I'm afraid you've come through to the wrong company; we don't provide "
            "internet. Their number is on your invoice."
        ),
        customer("Oh, for goodness' sake. I copied it off a box. Sorry about that.", "calm"),
        agent("No problem at all. I hope it's working again soon."),
        customer("Thanks. Bye.", "calm"),
        misdialled=True,
    ),
    parcel(
        "blind5_parcels_misdial_pharmacy_en",
        "en",
        "Misdialled: a repeat prescription that should have been ready at the pharmacy",
        NEUTRAL_EN,
        customer(
            "Good afternoon. I'm ringing about my repeat prescription. Metformin. It was "
            "supposed to be ready yesterday, and they still haven't got it.",
            "calm",
        ),
        agent("I'm sorry, which pharmacy were you trying to reach?"),
        customer(
            "The Lindenhof pharmacy. Isn't this them? My GP said she'd send it through on Monday.",
            "doubt",
        ),
        agent("No, I'm sorry, this isn't a pharmacy. You've dialled the wrong number."),
        customer(
            "Oh dear. Could you... no, never mind, I'll look the number up. Sorry to bother you.",
            "calm",
        ),
        misdialled=True,
    ),
)


PARCELS_NL = (
    parcel(
        "blind5_parcels_verjaardag_status_nl",
        "nl",
        "Een oudere klant: cadeau voor de kleinzoon staat al drie dagen in het sorteercentrum",
        GREET_NL,
        customer("Ja, goedemorgen, u spreekt met mevrouw De Vries, uit Zwolle.", "calm"),
        agent("Goedemorgen mevrouw De Vries, waarmee kan ik u helpen?"),
        customer(
            "Nou kijk, ik heb voor mijn kleinzoon een doos lego besteld, bij zo'n webwinkel, "
            "want hij wordt zaterdag zeven. En op dat volgsysteem van u staat nou al drie "
            "dagen 'in het sorteercentrum'. Drie dagen! Dat schiet toch niet op.",
            "doubt",
            "intent=parcel_status",
        ),
        agent("Dat begrijp ik. Heeft u de trackingcode voor me?"),
        customer(
            "Eh, even kijken hoor, mijn dochter heeft het voor me opgeschreven. P X, vier, "
            "vijf, één, negen, acht.",
            "calm",
            "intent=parcel_status",
            "other",
        ),
        agent("Dank u. Het pakket is vanochtend gesorteerd en wordt morgen bij u bezorgd."),
        customer(
            "Morgen? O, gelukkig. Maar morgenochtend moet ik naar de fysio. Kunnen ze het dan "
            "bij de buren afgeven? Nummer twaalf, mevrouw Bakker, die is altijd thuis.",
            "calm",
            "intent=parcel_status|appointment_change|address_change",
        ),
        agent(
            "Als u niet thuis bent, probeert de bezorger het eerst bij de buren. In de app "
            "kunt u ook zelf een buuradres kiezen."
        ),
        customer(
            "Die app heb ik niet, ik heb zo'n oud telefoontje. Maar goed, als hij het bij "
            "mevrouw Bakker brengt, vind ik het best.",
            "calm",
        ),
        agent("Dan komt het goed, en anders krijgt u een kaartje in de bus."),
        customer("Nou, dan ben ik gerustgesteld. Dank u wel, en nog een fijne dag.", "calm"),
    ),
    parcel(
        "blind5_parcels_verhuisd_omzetten_nl",
        "nl",
        "Net verhuisd: twee pakketten onderweg naar het oude adres, en inloggen lukt niet",
        GREET_NL,
        customer("Hoi Daan, met Sem Jansen.", "calm"),
        agent("Hoi Sem, wat kan ik voor je doen?"),
        customer(
            "Ik ben gisteren verhuisd, en ik zie dat er nog twee pakketjes onderweg zijn naar "
            "mijn oude adres. Kan dat nog omgezet worden?",
            "calm",
            "intent=address_change",
        ),
        agent("Dat kan zolang ze nog niet bij de bezorger in de bus liggen. Heb je de codes?"),
        customer(
            "Ja, de eerste is P X, acht acht, twee, nul, vier. En de tweede eindigt op drie "
            "zeven zes, moet ik die ook helemaal voorlezen?",
            "calm",
            "intent=address_change|parcel_status",
            "other",
        ),
        agent("Nee, ik heb ze allebei gevonden. Wat is je nieuwe adres?"),
        customer(
            "Ferdinand Bolstraat honderdtwaalf, drie hoog, in Amsterdam. Postcode tien "
            "tweeënzeventig, A B.",
            "calm",
            "intent=address_change",
            "other",
        ),
        agent("De eerste heb ik omgezet. De tweede is helaas al met de bezorger mee."),
        customer(
            "Hè, balen. Dan ligt die straks bij de nieuwe bewoners. Of gaat hij terug naar "
            "het depot als daar niemand opendoet?",
            "doubt",
            "intent=parcel_status|address_change",
        ),
        agent(
            "Als niemand opendoet, gaat hij naar een afhaalpunt in de buurt van je oude adres, "
            "en dan krijg je een mail."
        ),
        customer(
            "O, en nog iets: kan ik mijn adres in mijn account niet gewoon zelf aanpassen? "
            "Ik kom er namelijk niet meer in, ik ben mijn wachtwoord kwijt.",
            "calm",
            "intent=technical_issue|address_change",
        ),
        agent("Via 'wachtwoord vergeten' op het inlogscherm krijg je een link in je mail."),
        customer("Top, dan probeer ik dat. Bedankt!", "calm"),
    ),
    parcel(
        "blind5_parcels_wasmachine_afspraak_nl",
        "nl",
        "Bezorging met installatie van een wasmachine verzetten; wordt de oude meegenomen",
        GREET_NL,
        customer(
            "Goedemorgen, met Van den Berg uit Heerhugowaard. Mijn postcode is achttien "
            "eenenzeventig, K L, huisnummer negen.",
            "calm",
        ),
        agent("Goedemorgen meneer Van den Berg. Wat kan ik voor u doen?"),
        customer(
            "Er komt dinsdag een nieuwe wasmachine, met installatie erbij, tussen acht en "
            "één. Maar mijn vrouw moet dinsdag onverwacht naar het ziekenhuis, dus dat gaat "
            "niet. Kan het donderdag worden?",
            "calm",
            "intent=appointment_change",
            "energy_internet:intent=appointment",
        ),
        agent("Ik kijk even. Donderdag kan, tussen twaalf en vijf."),
        customer(
            "Tussen twaalf en vijf, prima. Moet ik de oude machine dan zelf al losmaken, of "
            "doen jullie mensen dat? En nemen ze die oude ook mee?",
            "calm",
            "intent=appointment_change",
            "other",
            "gap",
        ),
        agent("Dat zoek ik voor u uit bij de winkel; ik bel u vandaag nog terug."),
        customer(
            "En krijg ik die ochtend dan een berichtje hoe laat ze ongeveer komen?",
            "calm",
            "intent=appointment_change|parcel_status",
        ),
        agent("Ja, u krijgt 's ochtends een sms met een tijdvak van een uur."),
        customer("Fijn. Dank u wel, hoor.", "calm"),
    ),
    parcel(
        "blind5_parcels_retour_geld_nl",
        "nl",
        "Retour naar een webshop die zegt niets te hebben ontvangen; een QR-code die niet scant",
        GREET_NL,
        customer(
            "Goedemorgen, ik wil iets vragen over een retourtje.",
            "calm",
            "intent=refund_return",
        ),
        agent("Natuurlijk, vertelt u het maar."),
        customer(
            "Ik heb twee weken geleden een jas teruggestuurd naar een webshop, via uw "
            "servicepunt bij de Primera. En ik heb mijn geld nog steeds niet terug. De "
            "webshop zegt dat ze niks ontvangen hebben.",
            "frustrated",
            "intent=refund_return|parcel_status",
        ),
        agent("Heeft u het bonnetje van het servicepunt nog?"),
        customer(
            "Ja, dat heb ik hier. Daar staat op: P X, twee, negen, negen, zes, één.",
            "calm",
            "intent=refund_return|parcel_status",
            "other",
        ),
        agent(
            "Ik zie dat het vorige week donderdag bij de webshop is afgeleverd, met handtekening."
        ),
        customer(
            "O! Nou, dan bel ik ze wel even. Kunt u mij dat bewijs mailen?",
            "calm",
            "intent=parcel_status|refund_return",
            "other",
        ),
        agent("Ja, ik stuur het naar het mailadres dat bij de zending hoort."),
        customer(
            "En ik heb er nog eentje liggen, maar de QR-code uit de mail wordt niet gescand "
            "bij het servicepunt. Moet ik dan toch een label printen? Ik heb geen printer.",
            "doubt",
            "intent=refund_return|technical_issue",
        ),
        agent(
            "U kunt de code ook in de app openen; daar wordt hij groter getoond en scant hij wel."
        ),
        customer("Oké, dan doe ik dat. Bedankt voor het uitzoeken.", "calm"),
    ),
    parcel(
        "blind5_parcels_zakelijk_factuur_nl",
        "nl",
        "Zakelijke klant: dubbele zendingen en ontbrekend btw-nummer op de factuur; tarieven buitenland",
        GREET_NL,
        customer(
            "Goedemorgen, u spreekt met Karin Smit van Smit Fietsonderdelen in Apeldoorn. Wij "
            "hebben een zakelijk account, klantnummer Z, zes, één, nul, drie, acht.",
            "calm",
        ),
        agent("Goedemorgen mevrouw Smit, waarmee kan ik u helpen?"),
        customer(
            "Onze boekhouder zit met de factuur van november. Daar staan veertig zendingen "
            "dubbel op, en ons btw-nummer ontbreekt, dus hij kan hem zo niet verwerken.",
            "calm",
            "intent=billing",
        ),
        agent("Ik zie het. Ik laat een creditnota maken en een nieuwe factuur met uw btw-nummer."),
        customer(
            "Graag. En kan die voortaan naar de boekhouding gemaild worden in plaats van naar "
            "mij? Dat is administratie, apenstaartje, smitfietsonderdelen punt nl.",
            "calm",
            "intent=billing",
            "other",
        ),
        agent("Dat pas ik aan."),
        customer(
            "Dan nog een vraagje. We krijgen steeds meer bestellingen uit Duitsland en "
            "Frankrijk. Wat kost het bij jullie om naar het buitenland te versturen, en hoe "
            "zit dat met de douane als we naar Zwitserland sturen?",
            "calm",
            "intent=billing",
            "other",
            "gap",
        ),
        agent(
            "Daar heeft ons zakelijk team aparte tarieven voor; ik laat een accountmanager bellen."
        ),
        customer("Prima. Bedankt en een fijne dag.", "calm"),
    ),
    parcel(
        "blind5_parcels_kwijt_leidinggevende_nl",
        "nl",
        "Derde keer bellen over een zoekgeraakte koptelefoon; wil de leidinggevende",
        GREET_NL,
        customer(
            "Ja, met Yilmaz. Ik bel nu voor de derde keer over hetzelfde pakket en ik word er "
            "echt moe van.",
            "frustrated",
            "repeat_contact",
            "intent=complaint|parcel_status",
            "other",
        ),
        agent("Vervelend om te horen, meneer Yilmaz. Om welk pakket gaat het?"),
        customer(
            "P X, vijf vijf, één, twee, drie. Een koptelefoon van negenentachtig euro. Sinds "
            "de tiende staat er 'bezorger onderweg', en daarna niks meer.",
            "frustrated",
            "intent=parcel_status|refund_return|complaint",
        ),
        agent("Ik zie dat er een onderzoek loopt. Dat duurt maximaal tien werkdagen."),
        customer(
            "Dat onderzoek loopt al twee weken! Vorige keer zeiden ze dat ik binnen drie dagen "
            "teruggebeld zou worden. Niemand heeft gebeld. Ik wil gewoon mijn geld terug, of "
            "een nieuwe koptelefoon.",
            "frustrated",
            "intent=refund_return|complaint|parcel_status",
        ),
        agent("Ik begrijp het. De vergoeding loopt via de webshop; die dient de claim bij ons in."),
        asks_for_a_manager(
            "Nee, daar neem ik geen genoegen mee. Ik wil nu uw leidinggevende spreken."
        ),
        agent("Ik verbind u door met mijn teamleider."),
        customer("Graag.", "frustrated"),
    ),
    parcel(
        "blind5_parcels_misdial_meterstand_nl",
        "nl",
        "Verkeerd verbonden: meterstanden doorgeven voor stroom en gas bij Wattnet",
        NEUTRAL_NL,
        customer(
            "Goedemiddag, met Wim de Groot. Ik heb een brief gekregen dat ik mijn meterstanden "
            "moet doorgeven, maar dat lukt niet op de website.",
            "calm",
            "energy_internet:intent=meter_reading",
        ),
        agent("Van welk bedrijf is die brief, meneer De Groot?"),
        customer(
            "Van Wattnet, voor mijn stroom en gas. Ik heb de standen hier: normaal "
            "twaalfduizend driehonderdvijftig, dal achtduizend honderdtien, en gas "
            "drieduizend vierhonderd kuub.",
            "calm",
            "energy_internet:intent=meter_reading",
        ),
        agent(
            "Dan bent u verkeerd verbonden; wij leveren geen energie. Het nummer staat op de brief."
        ),
        customer("Ach, wat dom van me. Dan bel ik ze even. Dank u.", "calm"),
        misdialled=True,
    ),
    parcel(
        "blind5_parcels_misdial_sportschool_nl",
        "nl",
        "Verkeerd verbonden: een lidmaatschap van de sportschool opzeggen na een verhuizing",
        NEUTRAL_NL,
        customer(
            "Hallo, goedemiddag. Ik wil graag mijn abonnement opzeggen.",
            "calm",
            "intent=cancel_contract",
            "other",
            "energy_internet:intent=cancel_contract",
            "energy_internet:other",
        ),
        agent("Dat kan. Om welk abonnement gaat het?"),
        customer(
            "Mijn lidmaatschap van de sportschool. Ik ben verhuisd naar Groningen en daar "
            "hebben jullie geen vestiging, dus ik kom toch niet meer.",
            "calm",
        ),
        agent("Ik denk dat u verkeerd verbonden bent; dit is geen sportschool."),
        customer(
            "O, sorry! Dan heb ik het verkeerde nummer uit mijn mail gehaald. Excuses.",
            "calm",
        ),
        agent("Geen probleem, succes ermee."),
        customer("Dag!", "calm"),
        misdialled=True,
    ),
)


ENERGY_EN = (
    energy(
        "blind5_energy_internet_tv_down_en",
        "en",
        "Internet and TV down since last night while working from home; the bill went up",
        HELLO_EN,
        customer(
            "Hi Daniel, morning. This is Lotte Visser, postcode two five one four, G H, "
            "number thirty-three.",
            "calm",
        ),
        agent("Good morning Ms Visser, how can I help?"),
        customer(
            "Since last night around eleven we have no internet and no TV at all. I restarted "
            "the modem twice, unplugged it for a minute like your website says, nothing. The "
            "internet light is red.",
            "frustrated",
            "intent=outage",
        ),
        agent("Let me check your line. There's a fault in your area; technicians are on it."),
        customer(
            "Do you know how long it'll take? I work from home and I have a client call at two.",
            "frustrated",
            "intent=outage",
        ),
        agent("The expected repair time is around one o'clock, but I can't promise it."),
        customer(
            "And if it's down all day, do I get anything back for it? I'll be using my mobile "
            "data as a hotspot.",
            "doubt",
            "intent=outage|billing|complaint",
        ),
        agent("For an outage longer than a day you get a compensation on your next bill."),
        customer(
            "Okay. While I have you, my last bill was about eight euros higher than usual. "
            "Did the price go up?",
            "calm",
            "intent=billing|contract",
        ),
        agent("Yes, the internet price was indexed in January; you should have had a letter."),
        customer(
            "Hm, I must have missed that. Okay. Thanks, I'll keep an eye on the modem.", "calm"
        ),
    ),
    energy(
        "blind5_energy_moving_expat_en",
        "en",
        "An expat moving from Utrecht to Amersfoort takes internet and energy along",
        HELLO_EN,
        customer(
            "Hello, good morning. Sorry, my Dutch is not so good, is English okay?",
            "calm",
        ),
        agent("Of course, no problem."),
        customer(
            "Good. My name is Marco Bianchi, customer number seven seven zero, three one "
            "eight. We move on the first of March, from Utrecht to Amersfoort, and we want to "
            "take everything with us, the internet and the energy.",
            "calm",
            "intent=moving",
        ),
        agent("Congratulations on the new place. What's the new address?"),
        customer(
            "It's the Zandstraat fifty-two, postcode three eight one one, E K.",
            "calm",
            "intent=moving",
            "other",
        ),
        agent("Thank you. At that address we can offer fibre instead of your current line."),
        customer(
            "Ah, there is fibre? Then I want the faster one, the one gigabit. Is that much "
            "more expensive?",
            "calm",
            "intent=contract|moving",
        ),
        agent("It's ten euros a month more than what you have now."),
        customer(
            "Okay, fine. And the meter readings, when do I give those? We get the keys on the "
            "twenty-eighth.",
            "calm",
            "intent=meter_reading|moving",
        ),
        agent("On the day you get the keys, for the old and the new address, in the app."),
        customer(
            "And the modem, do I bring it with me, or do you send a new one?",
            "calm",
            "intent=moving",
            "other",
        ),
        agent("For fibre we send you a new one, and a box to return the old one."),
        customer("Super, thank you so much, you've been very helpful.", "calm"),
    ),
    energy(
        "blind5_energy_solar_elderly_en",
        "en",
        "An elderly caller with new solar panels: feed-in costs, a higher instalment, a battery",
        HELLO_EN,
        customer(
            "Good morning, young man. My name is Henk Mulder, I'm calling from Zeist. I'm "
            "seventy-eight, so forgive me if I go a bit slowly.",
            "calm",
        ),
        agent("Not at all, Mr Mulder. What can I do for you?"),
        customer(
            "Well. Last year my son put twelve solar panels on the roof for me. Lovely, "
            "really. Now I've got my annual statement and I don't understand it. It says "
            "feed-in costs, sixty-four euros. Why do I have to pay for giving you electricity?",
            "doubt",
            "intent=billing|contract",
        ),
        agent(
            "Returning power to the grid costs us something too, so there's a charge for each "
            "kilowatt-hour you feed in. Let me show you where it is on the statement."
        ),
        customer(
            "And the other thing, my monthly amount went up from ninety to a hundred and "
            "thirty-five. With all those panels! My neighbour has panels too and he pays "
            "less, but he's with another company.",
            "doubt",
            "intent=billing|contract",
        ),
        agent("The instalment is based on what we expect you to use. I can lower it if you like."),
        customer(
            "Yes, please put it at a hundred and ten, if that's alright.",
            "calm",
            "intent=billing",
        ),
        agent("Done; that goes in from next month."),
        customer(
            "And my son says I should buy one of those home batteries. Would that be worth it "
            "with your contract, do you know?",
            "calm",
            "intent=contract",
            "other",
            "gap",
        ),
        agent("I can't advise on that myself; I'll ask an energy adviser to call you."),
        customer("That would be very kind. Thank you, young man. Goodbye.", "calm"),
    ),
    energy(
        "blind5_energy_smart_meter_brief_en",
        "en",
        "A brief caller: the smart meter stopped sending readings; a technician visit",
        HELLO_EN,
        customer(
            "Hi. I got a letter saying my smart meter hasn't sent any readings since August.",
            "calm",
            "intent=meter_reading",
        ),
        agent("Let me have a look. Your postcode and house number?"),
        customer(
            "One zero five three, B X, twenty-one A.",
            "calm",
            "intent=meter_reading",
            "other",
        ),
        agent("Yes, the meter has stopped communicating. Could you read it off for me?"),
        customer(
            "Already did. Low tariff nine four two one, normal eight eight zero six. Gas two "
            "three one five.",
            "calm",
            "intent=meter_reading",
        ),
        agent("Thanks. I'll also book a technician to check the meter's communication module."),
        customer(
            "Does it have to be a weekday? I'm only home on Fridays.",
            "calm",
            "intent=appointment",
            "parcels:intent=appointment_change",
        ),
        agent("Friday the fourteenth, in the morning?"),
        customer(
            "Fine. Will that cost me anything?", "calm", "intent=appointment|billing", "other"
        ),
        agent("No, the meter is ours, so the visit is free."),
        customer("Good. Thanks.", "calm"),
    ),
    energy(
        "blind5_energy_payment_arrangement_en",
        "en",
        "A caller who lost his job asks to pay a 412 euro reminder in instalments",
        HELLO_EN,
        customer("Hello. Um. This is a bit awkward to call about.", "doubt"),
        agent("Take your time. What's it about?"),
        customer(
            "I lost my job in October, and I've got a reminder from you for four hundred and "
            "twelve euros. I can't pay that in one go. Is there some way to split it?",
            "doubt",
            "intent=billing",
        ),
        agent("Yes, we can set up a payment arrangement. What's your customer number?"),
        customer(
            "It's on the letter... nine one, four four, six, two, zero.",
            "calm",
            "intent=billing",
            "other",
        ),
        agent(
            "I can split it over six months: about sixty-nine euros a month on top of your instalment."
        ),
        customer(
            "Six months is fine. And will there be extra costs, from a debt collector or so? "
            "The letter said something about collection costs.",
            "doubt",
            "intent=billing",
        ),
        agent("Not as long as you keep to the arrangement."),
        customer(
            "And, sorry, do you know of any help, from the municipality or something, for "
            "people who can't pay their energy bill?",
            "doubt",
            "intent=billing",
            "other",
            "gap",
        ),
        agent("Your municipality has a scheme for that; I'll send you a link to the information."),
        customer("Thank you. Really, thanks for being so nice about it.", "calm"),
    ),
    energy(
        "blind5_energy_slow_wifi_manager_en",
        "en",
        "Weeks of slow wifi, a technician who never came; threatens to leave and wants a manager",
        HELLO_EN,
        customer(
            "Yes, hello, Ravi Sharma here, account number eight eight one, two two zero four.",
            "calm",
        ),
        agent("Good morning Mr Sharma, how can I help?"),
        customer(
            "My internet has been painfully slow for three weeks. I pay for five hundred "
            "megabit and I get twenty, thirty in the evening. Upstairs the wifi drops out "
            "completely.",
            "frustrated",
            "intent=outage|complaint",
        ),
        agent("I'm sorry. Have you restarted the modem, and where in the house is it?"),
        customer(
            "I've done all that. Twice. Your colleague booked a technician for last Thursday, "
            "I took the afternoon off, and nobody came. No phone call, nothing.",
            "frustrated",
            "repeat_contact",
            "intent=complaint|appointment",
        ),
        agent("I apologise for that. I can book a new visit for this week."),
        customer(
            "No. I'm done with this. If it isn't fixed this week I'm cancelling and going to "
            "another provider. What's my notice period?",
            "frustrated",
            "churn_threat",
            "intent=cancel_contract|complaint",
        ),
        agent("Your contract can be cancelled with one month's notice."),
        asks_for_a_manager(
            "I don't want another appointment from you, I want to speak to your manager. Now."
        ),
        agent("I'll transfer you to my team leader."),
        customer("Fine.", "frustrated"),
    ),
    energy(
        "blind5_energy_misdial_parcel_en",
        "en",
        "Misdialled: a Vlotpost parcel that should have come this morning",
        NEUTRAL_EN,
        customer(
            "Hi there. I'm waiting for a parcel that was supposed to come today between nine "
            "and twelve, and it's half past two now.",
            "frustrated",
            "parcels:intent=parcel_status",
        ),
        agent("I'm sorry. Which company is delivering it?"),
        customer(
            "Vlotpost, it says on the text message. The tracking code is P X, four zero, "
            "eight eight, one.",
            "calm",
            "parcels:intent=parcel_status",
            "parcels:other",
        ),
        agent("Then I'm afraid you've reached the wrong company; we don't deliver parcels."),
        customer(
            "Oh. Right. The number was under customer service on Google. Never mind, thanks.",
            "calm",
        ),
        misdialled=True,
    ),
    energy(
        "blind5_energy_misdial_garage_en",
        "en",
        "Misdialled: booking a car in for its APK and squeaking brakes",
        NEUTRAL_EN,
        customer(
            "Hiya. It's a Ford Focus, registration G, seven one two, K L. I'd like to book it "
            "in for its MOT, er, the APK, next week, and the brakes are squeaking as well.",
            "calm",
        ),
        agent("I'm sorry, I think you've got the wrong number. This isn't a garage."),
        customer(
            "Oh! Is this not Autobedrijf Kok? Sorry, love. The numbers are nearly the same.",
            "calm",
        ),
        agent("No problem. Good luck with the car."),
        customer("Bye now.", "calm"),
        misdialled=True,
    ),
)


ENERGY_NL = (
    energy(
        "blind5_energy_stroomstoring_straat_nl",
        "nl",
        "Kort: de hele straat zonder stroom; een volle vriezer",
        HELLO_NL,
        customer(
            "Ja, goedemorgen. Wij hebben geen stroom. De hele straat niet, volgens mij.",
            "frustrated",
            "intent=outage",
        ),
        agent("Vervelend. Wat is uw postcode en huisnummer?"),
        customer("Vier acht één één, A D, nummer zeven.", "calm", "intent=outage", "other"),
        agent(
            "Ik zie een storing in uw wijk. De netbeheerder verwacht het rond twaalf uur op te lossen."
        ),
        customer(
            "Twaalf uur. Mijn vriezer zit vol. Als dat allemaal ontdooit, krijg ik dat dan "
            "vergoed?",
            "doubt",
            "intent=outage|complaint",
            "gap",
        ),
        agent("Dat kan ik niet toezeggen; dat loopt via de netbeheerder. Ik stuur u de link."),
        customer(
            "En moet ik in de meterkast nog iets doen als het weer terugkomt?",
            "calm",
            "intent=outage",
        ),
        agent("Nee, normaal niet. Springt er een groep uit, zet die dan gewoon weer aan."),
        customer("Oké, duidelijk. Bedankt.", "calm"),
    ),
    energy(
        "blind5_energy_jaarafrekening_termijn_nl",
        "nl",
        "Hoge jaarafrekening door een geschatte meterstand; incasso later in de maand",
        HELLO_NL,
        customer(
            "Goedemorgen, met Els Verbeek. Ik heb uw jaarafrekening gekregen en ik schrok me "
            "echt rot.",
            "doubt",
            "intent=billing",
        ),
        agent("Dat is schrikken. Wat staat erop?"),
        customer(
            "Ik moet zeshonderdveertig euro bijbetalen. En tegelijk gaat mijn termijnbedrag "
            "van honderdvijfenveertig naar tweehonderdtien per maand. Terwijl we juist "
            "zuiniger zijn gaan doen, de verwarming op negentien, de was 's nachts...",
            "frustrated",
            "intent=billing",
        ),
        agent("Ik kijk even mee. Ik zie dat de meterstand van december geschat is."),
        customer(
            "Geschat? Maar ik heb die meterstand gewoon doorgegeven, in de app, met een foto "
            "erbij nog!",
            "frustrated",
            "intent=meter_reading|billing|complaint",
        ),
        agent("Dan is die niet goed verwerkt. Kunt u de standen nog eens noemen?"),
        customer(
            "Ja, ik heb ze hier. Stroom laag vijfenveertig zeventig, hoog tweeënzestig tien. "
            "Gas tweeëntwintig vijfentachtig.",
            "calm",
            "intent=meter_reading",
        ),
        agent(
            "Dank u. Ik laat de jaarafrekening opnieuw maken, en het termijnbedrag herberekenen."
        ),
        customer(
            "Fijn. En kan de afschrijving voortaan op de achtentwintigste? Dan is mijn "
            "salaris binnen. Nu gaat hij op de eerste, en dan sta ik soms rood.",
            "calm",
            "intent=billing",
        ),
        agent("Dat kan, ik zet de incassodatum op de achtentwintigste."),
        customer("Heel fijn. Dank u wel voor het meedenken.", "calm"),
    ),
    energy(
        "blind5_energy_contract_warmtepomp_nl",
        "nl",
        "Contract loopt af: vast, variabel of dynamisch, met straks een warmtepomp en geen gas",
        HELLO_NL,
        customer("Hallo, met Bram Koster.", "calm"),
        agent("Goedemorgen meneer Koster, waarmee kan ik u helpen?"),
        customer(
            "Mijn contract loopt eind januari af, een vast contract van drie jaar. Ik kreeg "
            "een mail met een nieuw aanbod, maar ik twijfel tussen vast en variabel. En "
            "jullie hebben nu ook zo'n dynamisch contract, toch?",
            "doubt",
            "intent=contract",
        ),
        agent("Klopt. Bij een dynamisch contract betaalt u per uur de prijs van de beurs."),
        customer(
            "Het punt is, we krijgen in februari een warmtepomp. Dan gaat ons stroomverbruik "
            "flink omhoog en gebruiken we geen gas meer. Wat is dan slim?",
            "doubt",
            "intent=contract",
            "other",
            "gap",
        ),
        agent("Dat hangt van uw situatie af. Ik kan een energieadviseur u laten bellen."),
        customer(
            "Graag. En het gas, kan ik dat dan gewoon stopzetten? En wie haalt de gasmeter weg?",
            "calm",
            "intent=cancel_contract|contract|appointment",
            "other",
        ),
        agent("Het gascontract zegt u bij ons op; de meter laat u weghalen door de netbeheerder."),
        customer("Goed, dan wacht ik op dat telefoontje. Bedankt.", "calm"),
    ),
    energy(
        "blind5_energy_monteur_glasvezel_nl",
        "nl",
        "De installatie van glasvezel verzetten; mag de buurvrouw opendoen; het oude modem",
        HELLO_NL,
        customer(
            "Goedemorgen, met Fatima el Amrani. Ik heb aanstaande maandag een afspraak voor "
            "de installatie van glasvezel.",
            "calm",
            "intent=appointment",
            "other",
        ),
        agent("Ja, ik zie hem staan: maandag tussen acht en twaalf."),
        customer(
            "Daar wil ik vanaf. Ik bedoel, ik wil hem verzetten. Ik moet maandag werken, dat "
            "wist ik eerst niet. Kan het ook op een woensdag?",
            "calm",
            "intent=appointment",
            "parcels:intent=appointment_change",
        ),
        agent("Woensdag de zeventiende, tussen één en vijf?"),
        customer(
            "Eh... ja, dat gaat. Moet ik er zelf bij zijn, of kan mijn buurvrouw de monteur "
            "binnenlaten? Zij heeft een sleutel.",
            "calm",
            "intent=appointment",
        ),
        agent("Dat mag, als er maar iemand van achttien of ouder thuis is."),
        customer(
            "Oké. En dat oude modem, moet ik dat terugsturen? En hoe dan?",
            "calm",
            "intent=appointment|contract",
            "other",
        ),
        agent("U krijgt een retourzakje; dat kunt u gratis afgeven bij een servicepunt."),
        customer("Top. Dank je wel!", "calm"),
    ),
    energy(
        "blind5_energy_weduwe_overzetten_nl",
        "nl",
        "Een weduwe: contract op haar naam, internet opzeggen voor een aanleunwoning, ander IBAN",
        HELLO_NL,
        customer(
            "Goedemorgen. U spreekt met mevrouw Hoekstra. Ik bel eigenlijk namens mijn man, "
            "maar die is vorige maand overleden.",
            "calm",
        ),
        agent("Gecondoleerd, mevrouw Hoekstra. Wat kan ik voor u doen?"),
        customer(
            "Dank u. Het contract staat nog op zijn naam, het internet en de stroom. Dat moet "
            "op mijn naam, denk ik. Mijn zoon zei dat ik u moest bellen.",
            "calm",
            "intent=contract",
            "other",
            "gap",
        ),
        agent(
            "Dat regel ik voor u. Ik heb daarvoor wel een kopie van de akte van overlijden nodig."
        ),
        customer(
            "Ja, die heb ik. En het internet, dat mag eigenlijk weg. In het voorjaar ga ik naar "
            "een aanleunwoning, daar zit internet bij de huur in. Hoe lang van tevoren moet ik "
            "dat opzeggen?",
            "calm",
            "intent=cancel_contract|moving",
        ),
        agent("Eén maand van tevoren. U kunt het ook nu al opzeggen per een latere datum."),
        customer(
            "En de stroom neem ik dan mee naar het nieuwe adres, denk ik. Of zit dat er ook "
            "bij? Dat weet ik eigenlijk nog niet.",
            "doubt",
            "intent=moving|contract",
        ),
        agent("Dat hoort u van het verzorgingshuis; belt u ons gerust als u het weet."),
        customer(
            "Het geld gaat nog van zijn rekening af. Kan dat voortaan van de mijne? Dat is N "
            "L twaalf, R A B O, nul drie twee vier, vijf zes, zeven acht, negen nul.",
            "calm",
            "intent=billing",
        ),
        agent("Dat heb ik aangepast; vanaf volgende maand wordt het van uw rekening afgeschreven."),
        customer(
            "Dank u wel, u heeft me echt geholpen. Het is allemaal zoveel, weet u.",
            "calm",
        ),
    ),
    energy(
        "blind5_energy_dubbele_incasso_nl",
        "nl",
        "Termijnbedrag twee keer afgeschreven, beloofde terugboeking niet gedaan; wil leidinggevende",
        HELLO_NL,
        customer("Met De Boer. Klantnummer zes zes zeven, nul één, vier.", "calm"),
        agent("Goedemorgen meneer De Boer, waarmee kan ik u helpen?"),
        customer(
            "Jullie hebben deze maand twee keer mijn termijnbedrag afgeschreven. Twee keer "
            "honderdachtenzeventig euro. Daardoor stond ik rood, en bij de bank heb ik rente "
            "moeten betalen.",
            "frustrated",
            "intent=billing|complaint",
        ),
        agent("Ik zie het, excuses daarvoor. Het tweede bedrag staat binnen vijf werkdagen terug."),
        customer(
            "Vijf werkdagen? Ik heb vorige week al gebeld, en toen zeiden ze dat het gisteren "
            "terug zou staan. Er staat niks.",
            "frustrated",
            "repeat_contact",
            "intent=billing|complaint",
        ),
        agent("Dat had niet zo mogen gaan. Ik zie dat het toen niet is doorgezet."),
        customer(
            "En die rente van de bank, betalen jullie die ook terug?",
            "frustrated",
            "intent=billing|complaint",
            "gap",
        ),
        agent("Dat kan ik zelf niet toezeggen."),
        asks_for_a_manager(
            "Dan wil ik iemand spreken die dat wel kan. Uw leidinggevende, graag. Nu."
        ),
        agent("Ik zet u door naar mijn teamleider."),
    ),
    energy(
        "blind5_energy_misdial_retour_nl",
        "nl",
        "Verkeerd verbonden: een retourpakket via Vlotpost dat de winkel niet heeft ontvangen",
        NEUTRAL_NL,
        customer(
            "Goedemiddag. Ik heb vorige week een pakket teruggestuurd met Vlotpost, en de "
            "winkel zegt dat het niet is aangekomen.",
            "doubt",
            "parcels:intent=refund_return|parcel_status",
        ),
        agent("Mag ik vragen welk bedrijf u probeerde te bereiken?"),
        customer(
            "Vlotpost toch? Het pakketbedrijf. De verzendcode is P X, negen één, zeven, "
            "zeven, twee.",
            "calm",
            "parcels:intent=refund_return|parcel_status",
            "parcels:other",
        ),
        agent("Nee, dan bent u helaas verkeerd verbonden. Wij versturen geen pakketten."),
        customer("O jee. Nou, dank u wel, dan zoek ik het goede nummer op.", "calm"),
        misdialled=True,
    ),
    energy(
        "blind5_energy_misdial_bank_nl",
        "nl",
        "Verkeerd verbonden: een pinpas die door de automaat is ingeslikt",
        NEUTRAL_NL,
        customer(
            "Goedemiddag, met Anouk Peters. Mijn pinpas is net ingeslikt door de automaat bij "
            "de Jumbo, en ik moet vanavond nog boodschappen doen.",
            "frustrated",
        ),
        agent("Wat vervelend. Bij welke bank zit u?"),
        customer(
            "Bij jullie toch? Moet ik hem laten blokkeren? Ik heb dit nummer uit mijn telefoon.",
            "doubt",
        ),
        agent("Nee mevrouw, wij zijn geen bank. Het nummer staat op de website van uw bank."),
        customer("Huh. Dan heb ik het verkeerde nummer opgeslagen. Sorry hoor!", "calm"),
        misdialled=True,
    ),
)


BLIND5_CALLS = PARCELS_EN + PARCELS_NL + ENERGY_EN + ENERGY_NL
