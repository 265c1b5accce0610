"""A seventh held-out set of labelled assist calls, for both sample domains, in EN and NL.

Written on 2026-12-07, blind: without running any model and without seeing any result, any
example line or the other sets' calls; never used to choose anything, it only measures. Labels
as in `bench/assist_labels.py`. Per domain and language: six calls to that company and two that
reached the wrong company (`misdialled`), with a neutral greeting.

Since then a development set: measured blind (bench assist_abstention on 73ed970 and
d1c15a5), its mistakes were read, and it joined the development calls the floors are
calibrated on (bench/assist_floors.DEV_CALLS). The blind figure is now
bench/assist_calls_blind11.py's.
"""

from __future__ import annotations

from audio_fixtures.generate_calls import agent, customer

from .assist_calls import GREET_EN, GREET_NL, asks_for_a_manager, parcel
from .assist_calls_energy import HELLO_EN, HELLO_NL, energy

NEUTRAL_EN = agent("Good morning, customer service, you're speaking with Sophie. How can I help?")
NEUTRAL_NL = agent("Goedemorgen, klantenservice, u spreekt met Ilse. Waarmee kan ik u helpen?")

PARCELS_EN = (
    parcel(
        "blind7_parcels_en_grandmother_locker",
        "en",
        "An elderly caller cannot open the parcel locker her grandson had a parcel sent to.",
        GREET_EN,
        customer("Oh hello, yes, uh, good morning, dear.", "calm"),
        customer(
            "My grandson ordered me a, uh, a blood pressure thing, and it's in one of those "
            "yellow lockers at the supermarket, and the little door just won't open.",
            "doubt",
            "intent=technical_issue",
        ),
        agent("I'm sorry to hear that. Do you have the pick-up code from the text message?"),
        customer(
            "Let me find my glasses... it's four, seven, seven, one, two, nine.",
            "calm",
            "intent=technical_issue",
            "other",
        ),
        agent("Thank you. I've reset that compartment, so the code should work again now."),
        customer(
            "And how long does it stay in there? I can't get to the shop until Friday, "
            "with my hip.",
            "doubt",
            "intent=technical_issue|parcel_status",
        ),
        agent("It stays there for seven days, so Friday is no problem at all."),
        customer("Oh lovely. Thank you so much, you've been very patient with me.", "calm"),
    ),
    parcel(
        "blind7_parcels_en_tea_shop_invoice",
        "en",
        "A small webshop owner finds a customs fee charged twice and asks about daily "
        "collections and a volume discount.",
        GREET_EN,
        customer(
            "Hi, yeah, it's Priya from Lotus Tea Company, we send quite a lot through you.",
            "calm",
        ),
        customer(
            "I've got your March invoice in front of me, and the customs fee for one shipment "
            "to Norway is on there twice.",
            "doubt",
            "intent=billing",
        ),
        agent("Let me have a look. What's the invoice number?"),
        customer(
            "It's V P, two zero two six, zero three, eight eight one.",
            "calm",
            "intent=billing",
            "other",
        ),
        agent("I see it, that's charged twice. I'll put through a credit for the second one."),
        customer(
            "Great. And while I've got you, we're going from about twenty to sixty parcels a "
            "week. Could your driver just collect from our unit every afternoon, on a fixed "
            "contract?",
            "calm",
            "gap",
        ),
        agent("That's something I'd need to check with our business team."),
        customer(
            "Okay. And would there be some kind of volume discount on the price per parcel?",
            "doubt",
            "intent=billing|other",
            "gap",
        ),
        customer("Cheers, thanks.", "calm"),
    ),
    parcel(
        "blind7_parcels_en_dads_broken_lamp",
        "en",
        "A son calls for his elderly father about a lamp delivered broken, which turns into a "
        "complaint about the driver.",
        GREET_EN,
        customer(
            "Hi, I'm calling on behalf of my dad, he's eighty-four and doesn't really do "
            "phones. He's sat right here next to me.",
            "calm",
        ),
        customer(
            "A lamp he ordered came on Monday, and the glass shade was in pieces.",
            "calm",
            "intent=refund_return",
        ),
        agent("Oh dear, I'm sorry. Could you give me the tracking code?"),
        customer(
            "It's, uh, V L, nine, zero, three, three, five, eight, two, one.",
            "calm",
            "intent=refund_return",
            "other",
        ),
        agent("Thank you. The driver scanned it as delivered at the back door."),
        customer(
            "At the back door? The neighbour saw him chuck it over the garden fence. That's "
            "not on, honestly.",
            "frustrated",
            "intent=complaint|refund_return",
        ),
        agent("I'm really sorry. I'll register a claim and pass on a complaint about the driver."),
        customer(
            "Right. So does he get his money back, or a new lamp, or what?",
            "doubt",
            "intent=refund_return",
        ),
        customer("Okay. Thanks, I'll tell him.", "calm"),
    ),
    parcel(
        "blind7_parcels_en_plus_renewal_and_move",
        "en",
        "A vague opening about an email turns into cancelling Vlotpost Plus and redirecting a "
        "parcel to a new address.",
        GREET_EN,
        customer(
            "Hiya. Um, I have a question about something I got in an email from you?", "doubt"
        ),
        agent("Of course. What does the email say?"),
        customer(
            "It says my Plus thing renews on the first, for fifty-nine ninety-nine. I didn't "
            "even know I still had it.",
            "doubt",
            "intent=cancel_contract|billing",
        ),
        agent("That's the yearly Vlotpost Plus subscription. Would you like to cancel it?"),
        customer(
            "Yes please, cancel it. I'm moving to Scotland anyway.",
            "calm",
            "intent=cancel_contract",
        ),
        customer(
            "Oh, and there's one parcel still on its way to the old flat. Can you send it to my "
            "new place instead? Forty-two Harbour Road, Leith.",
            "calm",
            "intent=address_change",
        ),
        agent("Sure. And the postcode there?"),
        customer("E H six, seven J Q.", "calm", "intent=address_change", "other"),
        customer("Brilliant, cheers.", "calm"),
    ),
    parcel(
        "blind7_parcels_en_fridge_installation",
        "en",
        "A caller moves the delivery and installation of a fridge freezer and asks whether the "
        "old one is taken away.",
        GREET_EN,
        customer(
            "Hello, yes, I've got a fridge freezer being delivered and installed by you lot on "
            "Thursday.",
            "calm",
            "intent=appointment_change|parcel_status",
        ),
        customer(
            "I need to move it, I've got a hospital appointment that morning. Could they come "
            "Friday, or next Monday?",
            "calm",
            "intent=appointment_change",
            "energy_internet:intent=appointment",
        ),
        agent("Friday between eight and twelve is free. Can I have the order number?"),
        customer(
            "Friday morning's fine. The order number is F R, one one six, four zero eight.",
            "calm",
            "intent=appointment_change",
            "other",
        ),
        agent("That's rebooked for Friday morning."),
        customer(
            "Oh, and will the fitters take the old fridge away? It's a big old American one, I "
            "can't get it down the stairs on my own.",
            "doubt",
            "intent=appointment_change|other",
            "gap",
        ),
        agent("I'll have to check that with our installation partner and get back to you."),
        customer("Please do. Thanks very much.", "calm"),
    ),
    parcel(
        "blind7_parcels_en_third_missed_delivery",
        "en",
        "A calm question about a missed delivery card becomes a complaint and a request for a "
        "supervisor.",
        GREET_EN,
        customer(
            "Hi, I got one of those sorry-we-missed-you cards again today.",
            "calm",
            "intent=parcel_status|complaint",
        ),
        agent("Let me check that for you. What's the tracking code on the card?"),
        customer(
            "V L, four four, two zero, seven seven, one six.",
            "calm",
            "intent=parcel_status",
            "other",
        ),
        agent("The driver noted he couldn't get into the building. He'll try again tomorrow."),
        customer(
            "Couldn't get in? I was sat at home all day and the intercom works fine. That's "
            "the third time this month.",
            "frustrated",
            "intent=complaint",
        ),
        agent("I'm sorry. I can log a complaint with the depot."),
        customer("You lot said that the last two times as well.", "frustrated", "intent=complaint"),
        asks_for_a_manager("No. I want to speak to your supervisor. Now, please."),
        agent("I understand. I'll put you through."),
    ),
    parcel(
        "blind7_parcels_en_misdial_meter_readings",
        "en",
        "A caller meaning to give meter readings to their energy supplier reached the wrong "
        "company.",
        NEUTRAL_EN,
        customer(
            "Hello, yes, I've had a letter saying my meter readings are due, so I'm ringing "
            "them through.",
            "calm",
            "energy_internet:intent=meter_reading",
        ),
        agent("Alright. Is there a customer number on that letter?"),
        customer(
            "Yes, it's W N, seven, one, one, four, zero, nine, two.",
            "calm",
            "energy_internet:intent=meter_reading",
            "energy_internet:other",
        ),
        agent("Thank you. And the readings?"),
        customer(
            "Electricity is zero six three eight one, and the gas is, uh, hang on, four two "
            "seven seven.",
            "calm",
            "energy_internet:intent=meter_reading",
            "energy_internet:other",
        ),
        agent("I've written those down."),
        customer(
            "Lovely. Do I have to do this every year, or does it go automatic at some point?",
            "doubt",
            "energy_internet:intent=meter_reading",
        ),
        customer("Right, thanks, bye now.", "calm"),
        misdialled=True,
    ),
    parcel(
        "blind7_parcels_en_misdial_bank_card",
        "en",
        "A caller wanting to block a lost bank card reached the wrong company.",
        NEUTRAL_EN,
        customer(
            "Hi, I need to block my debit card, I think I left it in a taxi last night.",
            "frustrated",
        ),
        agent("I'm sorry, you've reached the wrong company, we're not a bank."),
        customer(
            "What? I rang the number on the back of the... oh no. That's my library card.",
            "doubt",
        ),
        customer(
            "Sorry, sorry. You don't happen to know the emergency number for Harbour Bank?",
            "doubt",
        ),
        agent("I'm afraid not, but it should be on their website."),
        customer("Okay. Thanks anyway.", "calm"),
        misdialled=True,
    ),
)

PARCELS_NL = (
    parcel(
        "blind7_parcels_nl_invoerrechten_kleindochter",
        "nl",
        "Een oudere meneer snapt niet waarom hij invoerrechten moet betalen voor een cadeau "
        "van zijn kleindochter uit Canada.",
        GREET_NL,
        customer(
            "Ja, goeiemorgen, met De Vries. Ik heb een vraag over een briefje dat ik gekregen heb.",
            "doubt",
        ),
        agent("Natuurlijk, meneer De Vries. Wat staat er op het briefje?"),
        customer(
            "Dat ik, eh, achttien euro veertig moet betalen. Invoerrechten. Voor een pakje van "
            "mijn kleindochter uit Canada. Dat is toch gewoon een cadeautje?",
            "doubt",
            "intent=billing",
        ),
        agent(
            "Ook voor cadeaus van buiten de EU wordt boven een bepaald bedrag belasting geheven."
        ),
        customer(
            "Nou ja. En hoe moet ik dat dan betalen? Ik heb geen computer hoor.",
            "doubt",
            "intent=billing",
        ),
        agent("Dat kan ook aan de deur met de pinpas, als de bezorger komt."),
        customer(
            "Kan mijn zoon dat niet voor mij regelen? Die woont in Deventer. De code op het "
            "briefje is V L, zes acht, twee twee, nul negen, vijf.",
            "doubt",
            "intent=billing|parcel_status",
            "other",
        ),
        agent("Jazeker, met die code kan uw zoon het online betalen."),
        customer("Goed, dan bel ik hem vanavond. Dank u wel, jongeman.", "calm"),
    ),
    parcel(
        "blind7_parcels_nl_retour_sms_code",
        "nl",
        "Een klant wil een stofzuiger terugsturen maar komt de app niet in omdat de sms-code "
        "niet aankomt.",
        GREET_NL,
        customer(
            "Hoi, met Sanne Bakker. Eh, ik moet iets terugsturen, maar ik kom de app niet meer in.",
            "calm",
            "intent=refund_return|technical_issue",
        ),
        agent("Wat gebeurt er als je probeert in te loggen?"),
        customer(
            "Ik krijg steeds zo'n code via sms, maar die komt gewoon niet. Ik heb 'm al vijf "
            "keer aangevraagd.",
            "frustrated",
            "intent=technical_issue",
        ),
        agent("Ik zie hier een nummer dat eindigt op zeven zeven. Klopt dat nog?"),
        customer(
            "Nee, ik heb sinds kort een nieuw nummer. Nul zes, vier twee, één acht, nul drie, "
            "negen negen.",
            "calm",
            "intent=technical_issue",
            "other",
        ),
        agent("Ik heb het aangepast. Probeer het maar opnieuw."),
        customer(
            "Ja, nu komt 'ie binnen. Oké, en dat retourlabel, moet ik dat printen, of kan ik "
            "het gewoon bij het servicepunt laten scannen?",
            "doubt",
            "intent=refund_return",
        ),
        agent("Je kunt de QR-code in de app bij het servicepunt laten scannen."),
        customer("Top, dank je wel!", "calm"),
    ),
    parcel(
        "blind7_parcels_nl_vakantie_depot",
        "nl",
        "Een man wil al zijn pakketten drie weken bij het depot laten bewaren tijdens de "
        "vakantie en één levering vervroegen.",
        GREET_NL,
        customer("Goedemiddag, met Henk Jansen uit Amersfoort.", "calm"),
        customer(
            "Wij gaan zaterdag drie weken naar Spanje. Kunnen jullie al onze pakketten zolang "
            "bij het depot bewaren, tot we weer thuis zijn?",
            "calm",
            "intent=address_change|appointment_change|other",
            "gap",
        ),
        agent("Dat kan ik helaas niet voor al uw pakketten tegelijk instellen."),
        customer("Dus daar is niks voor? Bij de post kon dat vroeger wel.", "doubt"),
        customer(
            "Dan in ieder geval dat ene pakket, dat komt volgens de app zaterdag. Kan dat "
            "vrijdag nog?",
            "calm",
            "intent=appointment_change",
        ),
        agent("Ik kijk even. Wat is de trackcode?"),
        customer(
            "Drie S... nee sorry, dat is de verkeerde. V L, drie, één, vijf, vijf, acht, nul, "
            "twee, zes.",
            "calm",
            "intent=appointment_change",
            "other",
        ),
        agent("Ik heb hem op vrijdag gezet, tussen twee en zes uur."),
        customer("Prima, dan zijn we thuis. Bedankt.", "calm"),
    ),
    parcel(
        "blind7_parcels_nl_bril_moeder_zoek",
        "nl",
        "Een dochter belt voor haar moeder in een verzorgingshuis over een pakket met een bril "
        "dat als bezorgd staat maar nooit is aangekomen.",
        GREET_NL,
        customer(
            "Hallo, ik bel namens mijn moeder, mevrouw Visser. Zij woont in een "
            "verzorgingshuis in Haarlem.",
            "calm",
        ),
        customer(
            "Vorige week is er een pakket met haar nieuwe bril naar haar toe gestuurd. Volgens "
            "jullie is het bezorgd, maar ze heeft niks gekregen.",
            "doubt",
            "intent=parcel_status|refund_return",
        ),
        agent("Vervelend. Mag ik de postcode en het huisnummer?"),
        customer(
            "Twee nul drie één, K L, nummer achtenvijftig.",
            "calm",
            "intent=parcel_status|refund_return",
            "other",
        ),
        agent("Het is afgegeven bij de receptie en daar getekend door J. de Boer."),
        customer(
            "Bij de receptie? Daar hebben we al gevraagd, daar weten ze van niks.",
            "frustrated",
            "intent=parcel_status|complaint",
        ),
        agent("Dan start ik een onderzoek naar het pakket."),
        customer(
            "En als 'ie echt weg is? Die bril kostte wel driehonderd euro.",
            "doubt",
            "intent=refund_return",
        ),
        customer("Goed. Houdt u mij op de hoogte? Mijn nummer heeft u.", "calm"),
    ),
    parcel(
        "blind7_parcels_nl_plus_factuur_leidinggevende",
        "nl",
        "Een ondernemer ziet zijn opgezegde Plus-abonnement weer op de factuur en wil een "
        "leidinggevende spreken.",
        GREET_NL,
        customer("Goedemorgen, met Kees Mulder van Mulder Installatietechniek.", "calm"),
        customer(
            "Ik heb vorige maand ons Plus-abonnement opgezegd, en nu staat het er gewoon wéér "
            "op, op de factuur.",
            "frustrated",
            "intent=billing|cancel_contract",
        ),
        agent("Dat zoek ik voor u uit. Wat is uw klantnummer?"),
        customer(
            "Één twee zeven, vier vier nul, negen.",
            "calm",
            "intent=billing|cancel_contract",
            "other",
        ),
        agent("De opzegging gaat in per het einde van de maand, de factuur loopt vooruit."),
        customer(
            "Ja, dat verhaal kreeg ik de vorige keer ook. En toen is er ook niks teruggestort.",
            "frustrated",
            "intent=billing|complaint",
        ),
        agent("Ik kan een creditnota voor u aanvragen."),
        asks_for_a_manager(
            "Nee, ik wil nu gewoon iemand die er wat over te zeggen heeft. Een leidinggevende."
        ),
        agent("Ik verbind u door."),
    ),
    parcel(
        "blind7_parcels_nl_student_verhuisd",
        "nl",
        "Een student is net verhuisd en wil een pakket onderweg naar zijn oude kamer omleiden.",
        GREET_NL,
        customer(
            "Hé, goeiedag. Eh, ja, ik ben gisteren verhuisd, en er is nog een pakket onderweg "
            "naar m'n oude kamer in Utrecht.",
            "calm",
            "intent=address_change",
        ),
        agent("Dat kunnen we misschien nog omzetten. Heb je de trackcode?"),
        customer(
            "Ja, eh, momentje, die staat in de mail... V L, acht, acht, vijf, twee, nul, één, "
            "drie, zeven.",
            "calm",
            "intent=address_change",
            "other",
        ),
        agent("Hij ligt nog in het sorteercentrum. Wat is het nieuwe adres?"),
        customer(
            "Oosterstraat drieënveertig A, in Groningen. Postcode negen zeven één één, A K.",
            "calm",
            "intent=address_change",
            "other",
        ),
        agent("Aangepast. Hij komt dan wel een dag later."),
        customer(
            "Dus wanneer komt 'ie dan precies? Ik moet namelijk ook gewoon naar college.",
            "doubt",
            "intent=parcel_status|appointment_change",
        ),
        agent("Donderdag tussen negen en één."),
        customer("Oké, chill. Dank je.", "calm"),
    ),
    parcel(
        "blind7_parcels_nl_misdial_internet_storing",
        "nl",
        "Iemand zonder internet, die zijn internetprovider bedoelde, is bij het verkeerde "
        "bedrijf uitgekomen.",
        NEUTRAL_NL,
        customer(
            "Ja, hallo, met Bram de Groot. Ik heb sinds vanochtend geen internet meer, en het "
            "lampje op het modem knippert oranje.",
            "frustrated",
            "energy_internet:intent=outage",
        ),
        agent("Wat is uw postcode en huisnummer?"),
        customer(
            "Zes vijf één twee, B D, nummer elf.",
            "calm",
            "energy_internet:intent=outage",
            "energy_internet:other",
        ),
        agent("Eén moment, ik kijk even met u mee."),
        customer(
            "Ik werk thuis, dus ik moet echt vandaag weer online kunnen.",
            "frustrated",
            "energy_internet:intent=outage",
        ),
        agent("Ik heb het genoteerd."),
        customer("Oké. Dank u.", "calm"),
        misdialled=True,
    ),
    parcel(
        "blind7_parcels_nl_misdial_tandarts",
        "nl",
        "Een mevrouw die haar controle bij de tandarts wil verzetten is verkeerd verbonden.",
        NEUTRAL_NL,
        customer(
            "Goedemorgen, u spreekt met mevrouw Smits. Ik wil graag mijn controle bij "
            "tandarts Van Dijk verzetten, die staat op dinsdag.",
            "calm",
        ),
        agent("Dan bent u helaas verkeerd verbonden, wij zijn geen tandartspraktijk."),
        customer("O, hè? Staat dit nummer dan niet op het kaartje van de praktijk?", "doubt"),
        agent("Nee, misschien is er een cijfer verwisseld."),
        customer("Nou, dan heb ik me zeker vergist. Excuses hoor.", "calm"),
        customer("Fijne dag nog.", "calm"),
        misdialled=True,
    ),
)

ENERGY_EN = (
    energy(
        "blind7_energy_en_pensioner_annual_statement",
        "en",
        "An elderly caller owes a large amount on his annual statement and asks to pay it off "
        "in parts.",
        HELLO_EN,
        customer("Hello? Yes. Is this the, uh, the electric company?", "doubt"),
        agent("It is, you're through to Wattnet. What can I do for you?"),
        customer(
            "I've had the yearly statement, and it says I owe three hundred and forty pounds. "
            "Euros, I mean. Three hundred and forty euros.",
            "doubt",
            "intent=billing",
        ),
        agent("Let me look at that. What's your customer number?"),
        customer(
            "It's W N, five, five, zero, one, eight, three, two.",
            "calm",
            "intent=billing",
            "other",
        ),
        agent("Your usage was higher than your monthly instalments covered last year."),
        customer(
            "I can't pay that all at once, I'm on my pension. Can I pay it off bit by bit?",
            "doubt",
            "intent=billing",
        ),
        customer(
            "And the monthly amount, will that go up as well then?", "doubt", "intent=billing"
        ),
        customer("Alright. Thank you, you've been very kind.", "calm"),
    ),
    energy(
        "blind7_energy_en_expat_moving_fibre",
        "en",
        "An expat moves from Utrecht to Rotterdam, takes energy and internet along, and needs a "
        "technician on the day after the move.",
        HELLO_EN,
        customer(
            "Hi, yes, my name's Tomasz Nowak, I'm moving house on the fifteenth of next month.",
            "calm",
            "intent=moving",
        ),
        customer(
            "From Utrecht to Rotterdam, and I want to take everything with me, the power and "
            "the internet.",
            "calm",
            "intent=moving",
        ),
        agent("No problem. What's the new address?"),
        customer(
            "It's Zwaanshals two hundred and twelve, postcode three zero three five, K B.",
            "calm",
            "intent=moving",
            "other",
        ),
        agent("Fibre is available there, but a technician has to activate the connection."),
        customer(
            "Okay, and when can that technician come? I work from home, so I really need it "
            "straight away.",
            "doubt",
            "intent=appointment|moving",
        ),
        agent("The earliest is the sixteenth, in the morning."),
        customer("The sixteenth is fine. Eight to twelve?", "calm", "intent=appointment"),
        customer("Perfect, thanks a lot.", "calm"),
    ),
    energy(
        "blind7_energy_en_bakery_fixed_ip",
        "en",
        "A bakery's card machines lose the wifi at busy times; the owner asks about a faster "
        "plan and a fixed IP address.",
        HELLO_EN,
        customer(
            "Morning, it's Grace from Crumbs Bakery on the high street, we've got a business "
            "line with you.",
            "calm",
        ),
        customer(
            "Our card machines keep losing the wifi at lunchtime, when the shop's full.",
            "frustrated",
            "intent=outage",
        ),
        agent("The line itself looks fine. Are there a lot of devices on the wifi then?"),
        customer(
            "Probably, yeah, customers on the guest wifi and all that. Have you got something "
            "faster?",
            "doubt",
            "intent=contract|outage",
        ),
        agent("We could move you up to the one gigabit business plan."),
        customer(
            "And our card machine people say we need a fixed IP address. Can you give us one "
            "of those?",
            "doubt",
            "intent=contract",
            "gap",
        ),
        agent("I'd have to check that with our business team."),
        customer(
            "Okay. Can someone from that team ring me back then? Before Friday, if possible.",
            "calm",
            "intent=request_human|contract",
            "person",
        ),
        customer("Thanks.", "calm"),
    ),
    energy(
        "blind7_energy_en_mum_no_gas",
        "en",
        "A daughter calls because her elderly mother has no gas, and it becomes a complaint "
        "about the second outage this winter.",
        HELLO_EN,
        customer(
            "Hi, I'm ringing for my mum, she's seventy-nine and her heating's gone off. There's "
            "no gas at all.",
            "doubt",
            "intent=outage",
        ),
        agent("I'm sorry to hear that. What's her postcode and house number?"),
        customer("Two five one two, A X, number six.", "calm", "intent=outage", "other"),
        agent("There's a gas outage in her area. The engineers expect it back this evening."),
        customer(
            "This evening? It's eleven degrees in her living room. She can't sit there all day.",
            "frustrated",
            "intent=outage|complaint",
        ),
        customer(
            "And it's the second time this winter. Last time nobody told us anything either.",
            "frustrated",
            "intent=complaint",
        ),
        agent("I'll register a complaint, and note her as a customer who needs extra care."),
        customer("Yes, please do. And call me, not her, she gets confused.", "calm"),
    ),
    energy(
        "blind7_energy_en_smart_meter_silent",
        "en",
        "A caller confused by a request for readings learns the smart meter stopped sending "
        "them and books a check.",
        HELLO_EN,
        customer("Hi there, so I got an email from you and I'm a bit confused.", "doubt"),
        customer(
            "It asks me to send in my readings, but I've got one of those smart meters. I "
            "thought it did that by itself?",
            "doubt",
            "intent=meter_reading",
        ),
        agent("It should, but your meter hasn't sent anything since March."),
        customer(
            "Since March? Nobody told me. Does that mean my bills have been wrong?",
            "doubt",
            "intent=meter_reading|billing",
        ),
        agent("They were estimated. If you read the display for me, we'll correct them."),
        customer(
            "Okay. The first one says one eight seven four two, and the second one two three "
            "one zero nine.",
            "calm",
            "intent=meter_reading",
            "other",
        ),
        agent("Thank you. I can also send a technician to check the meter."),
        customer(
            "Yes, please send someone. Any weekday after three works for me.",
            "calm",
            "intent=appointment|meter_reading",
        ),
    ),
    energy(
        "blind7_energy_en_exit_fee_supervisor",
        "en",
        "A customer switching supplier disputes an exit fee she was never told about and asks "
        "for a supervisor.",
        HELLO_EN,
        customer(
            "Hello, I'm switching to another supplier, and I'd like to know if I'll be paying "
            "a fee for leaving.",
            "calm",
            "intent=cancel_contract",
        ),
        agent(
            "Your fixed contract runs until October, so there's an exit fee of a hundred and twenty-five euros."
        ),
        customer(
            "A hundred and twenty-five euros? Nobody mentioned that when I signed up over the "
            "phone.",
            "frustrated",
            "intent=cancel_contract|complaint",
        ),
        agent("It is in the terms and conditions, I'm afraid."),
        customer(
            "Well, I was never sent any terms. I've looked.",
            "frustrated",
            "intent=complaint|cancel_contract",
        ),
        agent("I'm not able to waive the fee myself."),
        asks_for_a_manager("Then put me through to someone who can. A supervisor, please."),
    ),
    energy(
        "blind7_energy_en_misdial_wrong_house",
        "en",
        "A caller whose parcel went to the wrong house, meaning the parcel service, reached the "
        "wrong company.",
        NEUTRAL_EN,
        customer(
            "Hi, my parcel says delivered but it's not here. I think it went to the wrong house.",
            "frustrated",
            "parcels:intent=parcel_status|refund_return",
        ),
        agent("Can I have the reference, please?"),
        customer(
            "Yeah, it's V L, two, seven, seven, zero, three, one, four, eight.",
            "calm",
            "parcels:intent=parcel_status|refund_return",
            "parcels:other",
        ),
        agent("One moment, please."),
        customer(
            "The photo in the app shows a green front door. Mine's blue.",
            "doubt",
            "parcels:intent=parcel_status|refund_return|complaint",
        ),
        agent("I've made a note of that."),
        customer("Okay, thanks.", "calm"),
        misdialled=True,
    ),
    energy(
        "blind7_energy_en_misdial_windscreen",
        "en",
        "A driver wanting to claim for a cracked windscreen reached the wrong company.",
        NEUTRAL_EN,
        customer(
            "Hi, I need to make a claim. A stone cracked my windscreen on the motorway this "
            "morning.",
            "doubt",
        ),
        agent("I'm sorry, I think you've reached the wrong company, we don't do car insurance."),
        customer("Oh. Is this not Northgate Insurance? The number's on my policy.", "doubt"),
        agent("No, I'm afraid not."),
        customer("Sorry about that, I'll double-check the number.", "calm"),
        misdialled=True,
    ),
)

ENERGY_NL = (
    energy(
        "blind7_energy_nl_vader_overleden",
        "nl",
        "Een dochter regelt het energiecontract en de meterstanden van haar overleden vader.",
        HELLO_NL,
        customer(
            "Goedemiddag, met Ingrid Hendriks. Eh, mijn vader is vorige week overleden, en hij "
            "had energie bij jullie.",
            "doubt",
            "intent=cancel_contract|contract",
        ),
        agent("Gecondoleerd, mevrouw Hendriks. Wilt u het contract opzeggen?"),
        customer(
            "Het huis wordt verkocht, maar dat duurt nog maanden. Kan het contract zolang op "
            "mijn naam, of moet het op naam van de nalatenschap?",
            "doubt",
            "intent=contract|cancel_contract",
            "gap",
        ),
        agent(
            "Dat moet ik voor u navragen. We hebben in ieder geval de akte van overlijden nodig."
        ),
        customer(
            "En de meterstanden, moet ik die nu al doorgeven?", "doubt", "intent=meter_reading"
        ),
        agent("Graag, de standen van zo dicht mogelijk bij de datum van overlijden."),
        customer(
            "Stroom is nul drie vier vijf één. Gas weet ik niet, daarvoor moet ik nog even "
            "naar het huis in Apeldoorn.",
            "calm",
            "intent=meter_reading",
            "other",
        ),
        customer("Dank u wel voor uw geduld.", "calm"),
    ),
    energy(
        "blind7_energy_nl_laadpaal",
        "nl",
        "Een klant met een nieuwe elektrische auto vraagt naar een laadpaal en een goedkoper "
        "nachttarief.",
        HELLO_NL,
        customer(
            "Hallo, met Joost van Leeuwen uit Almere. Wij hebben een elektrische auto.", "calm"
        ),
        customer(
            "Kunnen jullie bij ons ook een laadpaal ophangen? Of moet ik daarvoor ergens anders "
            "zijn?",
            "doubt",
            "intent=contract|appointment",
            "gap",
        ),
        agent("Dat ga ik voor u na."),
        customer(
            "En is er een goedkoper tarief als ik 's nachts laad? Ik heb nu gewoon een vast "
            "contract.",
            "calm",
            "intent=contract",
        ),
        agent("We hebben een contract met een dynamisch tarief, dan is 's nachts vaak goedkoper."),
        customer(
            "Wat scheelt dat dan ongeveer per maand, vergeleken met nu?",
            "doubt",
            "intent=contract|billing",
        ),
        agent("Dat hangt af van uw verbruik. Ik kan een berekening mailen."),
        customer("Stuur maar een voorstel per mail. Dank je wel.", "calm", "intent=contract"),
    ),
    energy(
        "blind7_energy_nl_wifi_zolder",
        "nl",
        "Een moeder belt omdat haar zoon op zolder steeds geen wifi heeft, en neemt een "
        "wifi-uitbreiding.",
        HELLO_NL,
        customer(
            "Ja, goeiemiddag, met Fatima el Amrani. Het internet is gewoon, eh, waardeloos "
            "boven op zolder.",
            "frustrated",
            "intent=outage",
        ),
        agent("Waar staat het modem?"),
        customer(
            "Beneden in de meterkast. Beneden gaat het wel, maar mijn zoon zit boven te "
            "studeren en die valt steeds weg.",
            "frustrated",
            "intent=outage",
        ),
        agent("Dat ligt waarschijnlijk aan de afstand. Een wifi-versterker boven zou helpen."),
        customer(
            "Een versterker, moet ik die zelf kopen of krijg ik die van jullie?",
            "doubt",
            "intent=outage|contract",
        ),
        agent("We hebben een wifi-pakket met twee extra punten, voor vijf euro per maand."),
        customer("Nou, doe maar dan. Zet het er maar bij.", "calm", "intent=contract"),
        agent("Komt in orde, u krijgt een bevestiging per mail."),
        customer("Top, bedankt.", "calm"),
    ),
    energy(
        "blind7_energy_nl_monteur_niet_gekomen",
        "nl",
        "Een monteur voor de slimme meter kwam niet opdagen; de klant wil een afspraak op "
        "zaterdag en daarna een leidinggevende.",
        HELLO_NL,
        customer(
            "Goedemorgen, met Peter Kok. Er zou gisteren een monteur komen voor de slimme "
            "meter, tussen acht en twaalf.",
            "calm",
            "intent=appointment",
        ),
        customer(
            "Ik had er een halve dag vrij voor genomen, en er is niemand gekomen. Ook niet gebeld.",
            "frustrated",
            "intent=appointment|complaint",
        ),
        agent("Dat spijt me. De monteur was ziek. Zullen we een nieuwe afspraak maken?"),
        customer(
            "Ja, maar dan wel op een zaterdag, want ik neem niet nóg een keer vrij.",
            "frustrated",
            "intent=appointment",
        ),
        agent("Op zaterdag plannen we helaas geen afspraken in."),
        asks_for_a_manager("Weet u wat, geeft u mij uw leidinggevende maar. Dit slaat nergens op."),
        agent("Ik verbind u door."),
    ),
    energy(
        "blind7_energy_nl_dubbele_incasso",
        "nl",
        "Een student ziet het termijnbedrag twee keer afgeschreven en staat daardoor rood.",
        HELLO_NL,
        customer(
            "Hoi, eh, ik zie dat jullie deze maand twee keer hebben afgeschreven.",
            "doubt",
            "intent=billing",
        ),
        agent("Dat ga ik na. Wat is je klantnummer?"),
        customer(
            "W N, drie, nul, nul, acht, zes, zeven, één.",
            "calm",
            "intent=billing",
            "other",
        ),
        agent("Klopt, dat ging mis. Het tweede bedrag storten we terug."),
        customer(
            "Want nu sta ik dus rood, en dan krijg ik ook nog kosten van de bank.",
            "frustrated",
            "intent=billing|complaint",
        ),
        customer(
            "Kunnen jullie die kosten dan ook vergoeden?",
            "doubt",
            "intent=billing|complaint",
        ),
        agent("Stuur ons een afschrift van de bank, dan bekijken we het."),
        customer("Oké, dan doe ik dat. Doei.", "calm"),
    ),
    energy(
        "blind7_energy_nl_aanleunwoning",
        "nl",
        "Een oudere mevrouw verhuist naar een aanleunwoning: de energie stopt, het internet "
        "gaat mee.",
        HELLO_NL,
        customer(
            "Goedemorgen, u spreekt met mevrouw Bos-de Wit. Ik ga verhuizen naar een "
            "aanleunwoning in Veenendaal.",
            "calm",
            "intent=moving",
        ),
        customer(
            "Daar zit de energie bij de servicekosten in, dus die heb ik dan niet meer nodig.",
            "calm",
            "intent=cancel_contract|moving",
        ),
        agent("Dan stoppen we de energie per uw verhuisdatum. En het internet?"),
        customer(
            "Het internet wil ik wel houden, voor de spelletjes op de tablet. Kan dat mee?",
            "doubt",
            "intent=moving",
        ),
        agent("Zeker. Wat is het nieuwe adres?"),
        customer(
            "Kerkewijk honderdtwaalf. Dat is drie negen nul vier, eh... L G.",
            "calm",
            "intent=moving",
            "other",
        ),
        agent("Dan zetten we het internet per één maart over."),
        customer("Ach, fijn dat het zo makkelijk gaat. Dag!", "calm"),
    ),
    energy(
        "blind7_energy_nl_misdial_pakketkluis",
        "nl",
        "Iemand bij een pakketkluis die niet opengaat, die de pakketdienst bedoelde, is "
        "verkeerd verbonden.",
        NEUTRAL_NL,
        customer(
            "Ja, hallo, ik sta nu bij zo'n pakketkluis bij station Leiden, en het vakje gaat "
            "niet open.",
            "frustrated",
            "parcels:intent=technical_issue",
        ),
        agent("Welke code heeft u gekregen?"),
        customer(
            "Zeven nul twee, vier vier één.",
            "calm",
            "parcels:intent=technical_issue",
            "parcels:other",
        ),
        agent("Eén momentje."),
        customer(
            "Ik heb die code al drie keer ingetikt en er gebeurt gewoon niks.",
            "frustrated",
            "parcels:intent=technical_issue",
        ),
        agent("Ik heb het genoteerd."),
        customer("Oké, ik wacht wel even.", "doubt"),
        misdialled=True,
    ),
    energy(
        "blind7_energy_nl_misdial_meubelwinkel",
        "nl",
        "Iemand met een vraag over een bank uit de folder van een meubelwinkel is verkeerd "
        "verbonden.",
        NEUTRAL_NL,
        customer(
            "Goedemiddag, ik heb een vraag over de bank Fleur uit jullie folder. Is die ook in "
            "olijfgroen te krijgen?",
            "doubt",
        ),
        agent("U bent helaas verkeerd verbonden, wij verkopen geen meubels."),
        customer("O, echt? Ik had het nummer van de website van Woonhuys overgenomen.", "doubt"),
        agent("Misschien zijn er twee cijfers verwisseld."),
        customer("Nou, sorry voor het storen hoor. Dag!", "calm"),
        misdialled=True,
    ),
)

BLIND7_CALLS = PARCELS_EN + PARCELS_NL + ENERGY_EN + ENERGY_NL
