"""A tenth held-out set of labelled assist calls, for both sample domains, in EN and NL.

Written on 2026-12-07 by two writers at once (one per company), blind: without running any
model and without seeing any result, any example line or the other sets' calls; never used to
choose anything, it only measured. Labels as in `bench/assist_labels.py`. Per domain and
language: twelve calls to that company and four that reached the wrong company
(`misdialled`), opened with a greeting that names no company: two about the other sample
company's business, two about unrelated businesses. Twice the size of the earlier blind sets,
so that one card is not a tenth of a cell.

Since then a development set: measured blind (bench assist_abstention on a423d60), its
mistakes were read, and it joined the development calls the floors are calibrated on
(bench/assist_floors.DEV_CALLS). The blind figure is now bench/assist_calls_blind11.py's.
"""

from __future__ import annotations

from audio_fixtures.generate_calls import agent, customer

from .assist_calls import GREET_EN, GREET_NL, asks_for_a_manager, parcel
from .assist_calls_energy import HELLO_EN, HELLO_NL, energy

# Greetings of a contact centre that names no company: the caller may have reached anyone.
NEUTRAL_EN = agent("Good afternoon, customer service, you're speaking with Daniel. How can I help?")
NEUTRAL_NL = agent("Goedemiddag, klantenservice, u spreekt met Joris. Wat kan ik voor u doen?")

PARCELS_EN = (
    parcel(
        "blind10_parcels_en_locker_code_rejected",
        "en",
        "A parcel locker rejects the pick-up code while the app already says the parcel was collected.",
        GREET_EN,
        customer(
            "Hi, yeah, I'm standing at one of your parcel lockers, the one outside the "
            "supermarket on Kanaalweg, and it just won't open.",
            "frustrated",
            "intent=technical_issue",
        ),
        agent("I'm sorry about that. What happens when you enter the code?"),
        customer(
            "It beeps twice and says code not valid. I've typed it three times now. "
            "Four eight one, nine nine two.",
            "frustrated",
            "intent=technical_issue",
        ),
        agent("Let me check that code. Did you get it by text message or in the app?"),
        customer(
            "In the app. Although, uh, now that I look at it, the app also says the parcel "
            "was collected this morning? Which it wasn't, obviously, because I'm standing here.",
            "doubt",
            "intent=technical_issue|parcel_status",
        ),
        agent(
            "I see that status too. It looks like the locker registered the door as opened. "
            "I'm asking a technician to check that compartment remotely."
        ),
        customer(
            "So is my parcel still in there, or did somebody else take it?",
            "doubt",
            "intent=parcel_status|technical_issue",
        ),
        agent("The compartment still reports a parcel inside. Give us ten minutes, please."),
        customer("Okay. Thanks, I'll wait here then.", "calm"),
    ),
    parcel(
        "blind10_parcels_en_orange_card_grandma",
        "en",
        "An elderly woman found a missed-delivery card although she was home, and moves the redelivery.",
        GREET_EN,
        customer(
            "Oh, hello, good morning. Yes. I have a question about something I got "
            "through the letterbox.",
            "doubt",
        ),
        agent("Of course. What did you get?"),
        customer(
            "It's a little orange card. It says you came by on Tuesday and I wasn't home. "
            "But I'm always home, dear. I'm eighty-four, I don't go anywhere.",
            "doubt",
            "intent=parcel_status|complaint",
        ),
        agent("I'm sorry about that. Is there a code on the card?"),
        customer(
            "There's a number, wait, let me get my glasses. V P, three three, zero, seven, "
            "one, five, two.",
            "calm",
            "intent=parcel_status",
            "other",
        ),
        agent(
            "Thank you. It's a parcel from the pharmacy, and we'll try again tomorrow "
            "morning between nine and one."
        ),
        customer(
            "Tomorrow morning I have the hairdresser. Could they come in the afternoon instead?",
            "calm",
            "intent=appointment_change",
        ),
        agent("Yes, I've moved it to tomorrow afternoon, between one and five."),
        customer(
            "Lovely. And the doorbell doesn't work, so tell them to knock hard. Thank you, dear.",
            "calm",
        ),
    ),
    parcel(
        "blind10_parcels_en_tea_shop_customs",
        "en",
        "A tea shop owner wants the customs fees on her imports on one monthly business invoice.",
        GREET_EN,
        customer(
            "Morning. I run a small tea shop in Haarlem and I get most of my stock from a "
            "supplier in England.",
            "calm",
        ),
        agent("Okay, how can I help?"),
        customer(
            "For every single box I get a separate payment request for customs fees. Twelve "
            "euros here, eight euros there. It's driving my bookkeeper mad.",
            "frustrated",
            "intent=billing",
        ),
        agent(
            "Those are the import duties and VAT we pay to customs on your behalf, plus a "
            "handling fee."
        ),
        customer(
            "Right, but can you put all of them on one invoice at the end of the month, with "
            "my company name and VAT number on it? Do you do that for businesses?",
            "calm",
            "intent=billing",
            "gap",
        ),
        agent("I'm not sure we offer that. I'll have to check with our billing team."),
        customer(
            "And that handling fee on top, two euros fifty every time, what is that actually for?",
            "doubt",
            "intent=billing",
        ),
        agent("That covers the customs declaration we file for each parcel."),
        customer(
            "Hm. Okay. Send me something in writing then, my email is on the account.", "calm"
        ),
    ),
    parcel(
        "blind10_parcels_en_father_care_home",
        "en",
        "A daughter cancels her father's Plus subscription and redirects his last parcel to his care home.",
        GREET_EN,
        customer(
            "Hello, I'm calling on behalf of my father, Mister Hendricks. He's, uh, he moved "
            "into a care home last month.",
            "calm",
        ),
        agent("I'm sorry to hear that. How can I help?"),
        customer(
            "He has this Vlotpost Plus thing, and he really doesn't need it anymore. I'd like "
            "to stop it for him.",
            "calm",
            "intent=cancel_contract",
        ),
        agent("I can help with that. Could you give me his postcode and house number?"),
        customer(
            "The postcode is three five eight one, K L. House number twenty-two.",
            "calm",
            "intent=cancel_contract",
            "other",
        ),
        agent("Thank you. I've found the subscription; it will end on the last day of this month."),
        customer(
            "Oh, and there's one parcel still on its way to his old flat. Slippers I ordered "
            "for him. Can that go to the care home instead?",
            "calm",
            "intent=address_change",
        ),
        agent("If it hasn't left the depot yet, I can redirect it. What's the address?"),
        customer(
            "De Linde, Amsterdamseweg one hundred and four, in Utrecht. Thank you so much.",
            "calm",
            "intent=address_change",
            "other",
        ),
    ),
    parcel(
        "blind10_parcels_en_monitor_thrown_over_gate",
        "en",
        "A cracked monitor turns into a complaint about the driver, a supervisor, and the money back.",
        GREET_EN,
        customer(
            "Hi. I got a parcel yesterday, a computer monitor, and the screen is cracked. "
            "I'd like to know what to do.",
            "calm",
            "intent=refund_return",
        ),
        agent("I'm sorry to hear that. Did you see the driver deliver it?"),
        customer(
            "Well, actually, my neighbour did. He says your driver threw it over my garden "
            "gate. Threw it. A monitor.",
            "frustrated",
            "intent=complaint|refund_return",
        ),
        agent(
            "That should never happen. I'll file a damage claim and make a note about the driver."
        ),
        customer(
            "A note. Last month the same driver left a box in the rain. I complained then too "
            "and nothing happened.",
            "frustrated",
            "intent=complaint",
        ),
        agent("I understand. I can add this to your earlier complaint."),
        asks_for_a_manager(
            "No, I'm done explaining this to the front desk. Put me through to your "
            "supervisor, please."
        ),
        agent("I'll ask my supervisor to call you back today."),
        customer(
            "And I still want my money back for that monitor. Don't forget that part.",
            "frustrated",
            "intent=refund_return",
        ),
    ),
    parcel(
        "blind10_parcels_en_shoes_before_portugal",
        "en",
        "A long-winded retiree flying abroad redirects a parcel to his office and asks if it can come sooner.",
        GREET_EN,
        customer(
            "Yes, hello, good morning, so the thing is, um, my wife and I fly to Portugal on "
            "Thursday, we go every year to our daughter's, and of course I ordered new walking "
            "shoes for the trip, silly of me, and now the email says you'll deliver on Friday.",
            "calm",
            "intent=address_change|appointment_change|parcel_status",
        ),
        agent("I see. Would you like to change something about the delivery?"),
        customer(
            "Well, ideally, could it go to my office? I'm there Wednesday. Or, no, wait, "
            "Thursday morning too, before the flight. It's Stationsplein nine, in Amersfoort.",
            "doubt",
            "intent=address_change",
        ),
        agent("If it's still with us, I can change the address. Can I have the tracking code?"),
        customer(
            "Er, the email says, V P, one two, eight, eight, four, zero, three.",
            "calm",
            "intent=address_change",
            "other",
        ),
        agent(
            "Thank you. I've changed the address to Stationsplein nine, but the delivery day "
            "stays Friday."
        ),
        customer(
            "Friday? But then I'm in Portugal! Can't it come any sooner?",
            "doubt",
            "intent=parcel_status|appointment_change",
        ),
        agent("I'm afraid not, it's planned on the first route to Amersfoort on Friday."),
        customer(
            "Oh well. Then my colleague will just have to put them in a drawer. Thank you.", "calm"
        ),
    ),
    parcel(
        "blind10_parcels_en_blunt_jacket_return",
        "en",
        "A blunt caller wants to send a jacket back without a return label.",
        GREET_EN,
        customer("Need to send a jacket back. How.", "calm", "intent=refund_return"),
        agent("Did the shop give you a return label?"),
        customer("No. Shop says you do that.", "frustrated", "intent=refund_return"),
        agent(
            "If the shop uses our return service, I can make one for you. Do you have the "
            "order number?"
        ),
        customer("W S, seven seven one, two four.", "calm", "intent=refund_return", "other"),
        agent("Got it. I'm sending a return code to your email now."),
        customer(
            "Locker at the station. Does that work?",
            "calm",
            "intent=refund_return",
        ),
        agent("Yes, you can drop it in any of our parcel lockers with that code."),
        customer("Fine. Bye.", "calm"),
    ),
    parcel(
        "blind10_parcels_en_lost_ring_seller",
        "en",
        "A jewellery maker's parcel to a customer is lost; she asks about compensation and insurance.",
        GREET_EN,
        customer(
            "Hi, I make jewellery and sell it online, and I sent a ring to a customer in "
            "Groningen nine days ago. The tracking hasn't moved since the first day.",
            "doubt",
            "intent=parcel_status",
        ),
        agent("Let me have a look. What's the tracking code?"),
        customer(
            "It's V P, four four, one, zero, nine, two, seven.",
            "calm",
            "intent=parcel_status",
            "other",
        ),
        agent(
            "It was scanned at the sorting centre in Nieuwegein and nothing after that. After "
            "this long we treat it as lost and start an investigation."
        ),
        customer(
            "Lost. Okay. So, uh, the ring was a hundred and eighty euros. Do I get that back, "
            "and how long does that take?",
            "doubt",
            "intent=refund_return",
        ),
        agent(
            "You can claim compensation once the investigation is closed, within ten working days."
        ),
        customer(
            "And for the next ones, is there some kind of extra insurance I can pay for when "
            "I send something valuable?",
            "calm",
            "intent=refund_return",
            "other",
            "gap",
        ),
        agent("I don't know that offhand. I'll check and email you."),
        customer("Okay, thanks. Please do.", "calm"),
    ),
    parcel(
        "blind10_parcels_en_app_old_number",
        "en",
        "An expat can't log in because the code goes to an old phone number, and asks about a double charge.",
        GREET_EN,
        customer(
            "Hello, I can't get into the app anymore. It sends a code to my phone, but it's "
            "my old number, from before I moved here.",
            "frustrated",
            "intent=technical_issue",
        ),
        agent("I can help you with that. What's the email address on your account?"),
        customer(
            "It's m dot okafor at gmail dot com. O, K, A, F, O, R.",
            "calm",
            "intent=technical_issue",
            "other",
        ),
        agent("Thanks. I can send you a link to reset your password."),
        customer(
            "I tried that already. At the end it asks for the text message code again.",
            "frustrated",
            "intent=technical_issue",
        ),
        agent(
            "Then I'll remove the old phone number, so you can add your new one after logging in."
        ),
        customer(
            "And while I have you, I think I've been charged twice for Plus this month. Two "
            "payments, both on the third.",
            "doubt",
            "intent=billing",
        ),
        agent("I see two payments, yes. I'll refund one of them."),
        customer("Great, thank you.", "calm"),
    ),
    parcel(
        "blind10_parcels_en_washing_machine_move",
        "en",
        "A customer moves a washing machine installation and asks if the old one is taken away.",
        GREET_EN,
        customer(
            "Hello, you're delivering and installing a washing machine for me on Monday, and "
            "I need to move that.",
            "calm",
            "intent=appointment_change",
        ),
        agent("Sure. Can I have your postcode and house number?"),
        customer(
            "The postcode is two five one four, G H, number sixty-one.",
            "calm",
            "intent=appointment_change",
            "other",
        ),
        agent("I see Monday between eight and twelve. What would suit you?"),
        customer(
            "Any day after the fifteenth, in the afternoon. The plumber has to fix the tap first.",
            "calm",
            "intent=appointment_change",
        ),
        agent("Wednesday the seventeenth, between one and five?"),
        customer(
            "Yes, that's fine. Oh, and will your people take the old machine with them? It's "
            "in the basement, so they'd have to carry it up the stairs.",
            "doubt",
            "intent=appointment_change",
            "other",
            "gap",
        ),
        agent("I'll have to ask the installation partner about that and let you know."),
        customer("Alright, thank you very much.", "calm"),
    ),
    parcel(
        "blind10_parcels_en_delivered_to_empty_house",
        "en",
        "A parcel marked delivered to a neighbour who moved out, the third time this month; she wants a manager.",
        GREET_EN,
        customer(
            "Yes, hi. The app says my parcel was delivered at ten past two. It wasn't. I've "
            "been home all day.",
            "frustrated",
            "intent=parcel_status|complaint",
        ),
        agent("I'm sorry. Let me check where the driver left it."),
        customer(
            "This is the third time this month. Last time it was at a house two streets away.",
            "frustrated",
            "intent=complaint",
        ),
        agent("The scan says it was handed to a neighbour at number fourteen."),
        customer(
            "Number fourteen is empty. They moved out in October.",
            "frustrated",
            "intent=complaint|parcel_status",
        ),
        agent("Then I'll open an investigation with the depot."),
        asks_for_a_manager("An investigation. Again. No. I want a manager on the line, right now."),
        agent("I'll ask my team lead to call you back within the hour."),
        customer("Within the hour. Fine. I'll be waiting.", "frustrated"),
    ),
    parcel(
        "blind10_parcels_en_dolls_house_to_spain",
        "en",
        "A craftsman asks what sending a large parcel to Spain costs and asks for the business desk.",
        GREET_EN,
        customer(
            "Good morning. I'm a, well, I build wooden dolls' houses, by hand, and I've just "
            "started selling them abroad.",
            "calm",
        ),
        agent("How lovely. What can I do for you?"),
        customer(
            "I need to send one to a customer in Spain. It's big, about eighty centimetres "
            "wide, and it weighs, uh, around twenty-five kilos with the packaging. What would "
            "that cost with you, and is there a maximum size?",
            "doubt",
            "gap",
        ),
        agent("For a parcel abroad of that size I don't have a price here, I'm afraid."),
        customer(
            "Hm. Is there someone I could talk to about that? Someone who does business "
            "customers, maybe?",
            "calm",
            "intent=request_human",
            "person",
        ),
        agent("Yes, I can put you through to a colleague from our business desk."),
        customer("That would be great, thank you. I'll hold.", "calm"),
    ),
    parcel(
        "blind10_parcels_en_misdial_internet_down",
        "en",
        "Someone working from home reports an internet outage to the wrong company.",
        NEUTRAL_EN,
        customer(
            "Hi, yes, my internet has been down since this morning. All the lights on the box "
            "are orange.",
            "frustrated",
            "energy_internet:intent=outage",
        ),
        agent("I'm sorry to hear that. Which box do you mean?"),
        customer(
            "The modem! I work from home and I've got a call with a client at eleven. I've "
            "already restarted it twice.",
            "frustrated",
            "energy_internet:intent=outage",
        ),
        agent("I think you may have the wrong number. We're a parcel delivery service."),
        customer(
            "Oh! Oh no, sorry, I must have tapped the wrong name in my contacts.",
            "doubt",
        ),
        agent("No problem. The number of your provider should be on your bill."),
        customer("Right. Sorry to bother you.", "calm"),
        misdialled=True,
    ),
    parcel(
        "blind10_parcels_en_misdial_meter_readings",
        "en",
        "An elderly man reads out his energy meter readings and asks about a high annual bill.",
        NEUTRAL_EN,
        customer(
            "Good afternoon. I got a letter that I have to pass on my meter readings, and "
            "I've got them written down here.",
            "calm",
            "energy_internet:intent=meter_reading",
        ),
        agent("Okay. Which letter is that, sir?"),
        customer(
            "From the energy company. Electricity, normal rate, four two three one eight. Low rate, "
            "one nine seven zero four. And gas, eight thousand and twelve.",
            "calm",
            "energy_internet:intent=meter_reading",
            "energy_internet:other",
        ),
        agent("I'm sorry, sir, I think that letter is from your energy supplier. This isn't them."),
        customer(
            "Oh. And the yearly bill, I thought it was far too high this time. Who do I talk "
            "to about that then?",
            "doubt",
            "energy_internet:intent=billing|complaint",
        ),
        agent("Your energy supplier as well, I'm afraid. Their number is on the letter."),
        customer("Oh dear. My son put this number in my phone. Thank you anyway.", "calm"),
        misdialled=True,
    ),
    parcel(
        "blind10_parcels_en_misdial_stolen_bank_card",
        "en",
        "A caller tries to block a stolen debit card at the wrong number.",
        NEUTRAL_EN,
        customer(
            "Hello, I need to block my debit card right now, I think it was stolen at the market.",
            "frustrated",
        ),
        agent("I'm sorry to hear that. Which bank is your card from?"),
        customer(
            "What do you mean, which bank? Yours! The card number ends in four four nine one. "
            "Can you freeze it?",
            "frustrated",
        ),
        agent(
            "I'm afraid this isn't a bank. Your bank's emergency number is on the back of the card."
        ),
        customer("The card that got stolen. Brilliant.", "frustrated"),
        agent("It's also on your bank's website. I hope you get it sorted quickly."),
        customer("Yeah. Okay. Sorry.", "calm"),
        misdialled=True,
    ),
    parcel(
        "blind10_parcels_en_misdial_dentist",
        "en",
        "A caller wants to move her dental check-up and has dialled the wrong number.",
        NEUTRAL_EN,
        customer(
            "Hi, it's Sophie van Rijn. I need to move my dental check-up on Thursday at "
            "nine thirty.",
            "calm",
        ),
        agent("Could you tell me where that check-up is?"),
        customer(
            "With Doctor Bakker, at the practice on the Lindenlaan. Is there anything next "
            "week in the afternoon?",
            "calm",
        ),
        agent("I think you've reached the wrong number. This is a parcel delivery service."),
        customer("Oh, sorry! I must have mixed up the numbers. Have a nice day.", "calm"),
        misdialled=True,
    ),
)

PARCELS_NL = (
    parcel(
        "blind10_parcels_nl_moeder_bloeddrukmeter",
        "nl",
        "Een dochter belt voor haar slechthorende moeder: het pakket is afgegeven bij een buurvrouw die in het ziekenhuis ligt.",
        GREET_NL,
        customer(
            "Ja, goedemorgen, u spreekt met Ingrid Bosman. Ik bel eigenlijk namens mijn "
            "moeder, die is zelf wat slecht van gehoor.",
            "calm",
        ),
        agent("Goedemorgen mevrouw Bosman. Waar gaat het om?"),
        customer(
            "Ze heeft vorige week een bloeddrukmeter besteld, en volgens de mail zou die "
            "dinsdag komen. Maar er is nog steeds niks.",
            "doubt",
            "intent=parcel_status",
        ),
        agent("Dat zoek ik even voor u op. Wat is de postcode?"),
        customer(
            "Acht nul twee een, X M. Huisnummer vijf, met een A erachter.",
            "calm",
            "intent=parcel_status",
            "other",
        ),
        agent("Dank u. Ik zie dat het pakket dinsdag is afgegeven bij de buren op nummer zeven."),
        customer(
            "Op nummer zeven? Daar woont mevrouw Visser, maar die ligt al drie weken in het "
            "ziekenhuis. Wie heeft dat pakket dan aangenomen?",
            "frustrated",
            "intent=parcel_status|complaint",
        ),
        agent(
            "Dat is vervelend. Ik start een onderzoek en we bellen u binnen twee werkdagen terug."
        ),
        customer("Goed, doet u dat. Belt u dan wel mij, en niet mijn moeder.", "calm"),
    ),
    parcel(
        "blind10_parcels_nl_vaatwasser_verzetten",
        "nl",
        "Een klant verzet de installatie van een vaatwasser en vraagt of die ook op de waterleiding wordt aangesloten.",
        GREET_NL,
        customer(
            "Hallo, met Bram. Eh, jullie komen donderdag een vaatwasser brengen en "
            "installeren, maar donderdag lukt me toch niet.",
            "calm",
            "intent=appointment_change",
        ),
        agent("Geen probleem, dan zoeken we een andere dag. Wat is het ordernummer?"),
        customer(
            "Dat is, even kijken, V P, vijf, een, een, acht, nul, negen, twee.",
            "calm",
            "intent=appointment_change",
            "other",
        ),
        agent("Dank je. Ik heb volgende week nog plek op dinsdagochtend of vrijdagmiddag."),
        customer(
            "Doe maar vrijdagmiddag. Dan ben ik vanaf een uur thuis.",
            "calm",
            "intent=appointment_change",
        ),
        agent("Staat genoteerd: vrijdag tussen een en vijf."),
        customer(
            "Top. O, en nog een vraagje: sluiten die monteurs hem ook aan op de waterleiding "
            "en de afvoer? Want er zit nu nog geen kraantje voor.",
            "doubt",
            "intent=appointment_change",
            "other",
            "gap",
        ),
        agent("Dat moet ik even navragen bij de installateur. Ik mail je vandaag nog."),
        customer("Prima, dank je wel.", "calm"),
    ),
    parcel(
        "blind10_parcels_nl_plus_nooit_gevraagd",
        "nl",
        "Een klant ziet een afschrijving voor Plus na een proefmaand, zegt het op en wil het geld terug.",
        GREET_NL,
        customer(
            "Goedemorgen. Ik zie op mijn afschrift dat jullie negen euro vijfennegentig "
            "hebben afgeschreven. Voor iets wat Plus heet?",
            "doubt",
            "intent=billing",
        ),
        agent(
            "Dat klopt, dat is het Vlotpost Plus-abonnement. Dat loopt na de gratis "
            "proefmaand automatisch door."
        ),
        customer(
            "Nou, daar heb ik nooit om gevraagd, hoor. Dat wil ik dan meteen stopzetten.",
            "frustrated",
            "intent=cancel_contract|complaint",
        ),
        agent("Dat regel ik voor u. Wat is het e-mailadres van uw account?"),
        customer(
            "K punt dewit, apenstaartje, ziggo punt n l. De wit met een W, aan elkaar.",
            "calm",
            "intent=cancel_contract",
            "other",
        ),
        agent("Ik heb het gevonden. Het abonnement stopt aan het einde van deze maand."),
        customer(
            "En die negen vijfennegentig, krijg ik die terug? Ik heb er echt niks mee gedaan.",
            "doubt",
            "intent=billing|refund_return|cancel_contract",
        ),
        agent("Omdat u het niet gebruikt heeft, boek ik dat bedrag terug."),
        customer("Nou, fijn. Dan ben ik tevreden.", "calm"),
    ),
    parcel(
        "blind10_parcels_nl_koptelefoon_voor_de_deur",
        "nl",
        "Een pakket is ondanks de instelling voor de deur gezet en weg; de klant wil een leidinggevende en haar geld.",
        GREET_NL,
        customer(
            "Hoi, met Fatima el Amrani. Ik heb een vraag over een pakket dat volgens jullie "
            "bezorgd is, maar ik heb het nooit gekregen.",
            "calm",
            "intent=parcel_status",
        ),
        agent("Vervelend. Mag ik de trackingcode?"),
        customer(
            "V P, twee, zes, zes, drie, nul, acht, een.",
            "calm",
            "intent=parcel_status",
            "other",
        ),
        agent("De bezorger heeft het om kwart over elf bij de voordeur neergezet, met een foto."),
        customer(
            "Bij de voordeur? Ik woon aan een drukke straat in Rotterdam-Zuid, daar blijft "
            "echt niks staan. Ik had juist aangevinkt: niet bij de deur achterlaten!",
            "frustrated",
            "intent=complaint",
        ),
        agent("Ik begrijp het. Ik maak er een melding van bij het depot."),
        asks_for_a_manager(
            "Nee, een melding heb ik de vorige keer ook gekregen. Ik wil nu een "
            "leidinggevende spreken."
        ),
        agent("Ik vraag mijn teamleider om u terug te bellen. Intussen zet ik een claim in gang."),
        customer(
            "En ik wil gewoon mijn geld terug. Het was een koptelefoon van honderdtwintig euro.",
            "frustrated",
            "intent=refund_return",
        ),
    ),
    parcel(
        "blind10_parcels_nl_oma_douane_canada",
        "nl",
        "Een oudere dame twijfelt of de invoerkosten voor een cadeau uit Canada echt zijn en kan niet online betalen.",
        GREET_NL,
        customer(
            "Goedemiddag... eh, goedemorgen bedoel ik. Met mevrouw Hoekstra, uit Leeuwarden.",
            "calm",
        ),
        agent("Goedemorgen mevrouw Hoekstra, wat kan ik voor u doen?"),
        customer(
            "Ik kreeg een briefje dat ik eerst geld moet betalen voordat ik een pakje krijg. "
            "Van mijn kleinzoon uit Canada. Is dat wel echt, of is dat zo'n oplichterij?",
            "doubt",
            "intent=billing",
        ),
        agent(
            "Als een pakket van buiten Europa komt, moeten er invoerkosten betaald worden. "
            "Wat staat er op het briefje?"
        ),
        customer(
            "Achttien euro veertig. Invoerrechten en btw, staat er. Maar het is toch een "
            "cadeautje?",
            "doubt",
            "intent=billing",
        ),
        agent("Ook voor cadeaus boven een bepaald bedrag moeten die kosten betaald worden."),
        customer(
            "Ik heb geen internetbankieren. Kan mijn kleinzoon dat niet gewoon vanuit Canada "
            "voor mij betalen?",
            "doubt",
            "intent=billing",
            "gap",
        ),
        agent("Dat weet ik niet zeker, dat moet ik navragen. Ik bel u vanmiddag terug."),
        customer("Graag. Dank u wel, meneer.", "calm"),
    ),
    parcel(
        "blind10_parcels_nl_student_verhuisd",
        "nl",
        "Een student laat een pakket naar zijn nieuwe adres sturen en vraagt of alles voortaan wordt doorgestuurd.",
        GREET_NL,
        customer(
            "Hé, ja, ik ben vorige week verhuisd en er komt nog een pakket naar mijn oude "
            "adres in Groningen.",
            "calm",
            "intent=address_change",
        ),
        agent("Dan kijk ik of het nog om te leiden is. Heb je de code?"),
        customer(
            "Ja. V P, zeven nul nul, drie, drie, vier, een.",
            "calm",
            "intent=address_change",
            "other",
        ),
        agent("Hij ligt nog in het sorteercentrum, dus dat kan. Wat is het nieuwe adres?"),
        customer(
            "Oosterstraat tweeëntwintig B, negen zeven een een, H D. Ook in Groningen.",
            "calm",
            "intent=address_change",
            "other",
        ),
        agent("Aangepast. Hij komt morgen op het nieuwe adres."),
        customer(
            "Nice. Kan dat trouwens ook voor alles wat nog komt? Dat jullie alles voor mijn "
            "oude adres gewoon automatisch doorsturen?",
            "doubt",
            "intent=address_change",
            "gap",
        ),
        agent("Een doorstuurservice voor al je pakketten ken ik niet, maar ik vraag het na."),
        customer("Oké, laat maar weten. Doei.", "calm"),
    ),
    parcel(
        "blind10_parcels_nl_cafe_glazen_kapot",
        "nl",
        "Een caféhouder kreeg een doos wijnglazen half kapot binnen en vraagt wie de schade moet claimen.",
        GREET_NL,
        customer(
            "Ja, dag, met Kees van Dam, van café De Zwaan in Deventer. Ik heb hier een doos "
            "wijnglazen staan en de helft ligt aan gruzelementen.",
            "frustrated",
            "intent=refund_return",
        ),
        agent("Ai, dat is vervelend. Was de doos van buiten ook beschadigd?"),
        customer(
            "De hele hoek was ingedeukt. Ik heb hem wel aangenomen, want die jongen stond "
            "alweer bij zijn busje.",
            "frustrated",
            "intent=refund_return|complaint",
        ),
        agent("Dan kunt u een schademelding doen. Heeft u foto's gemaakt?"),
        customer(
            "Ja, foto's heb ik. Van de doos en van de scherven. Waar moet ik die naartoe sturen?",
            "calm",
            "intent=refund_return",
        ),
        agent("Via het schadeformulier op onze website. Wie is de afzender?"),
        customer(
            "Een horecagroothandel in Apeldoorn. Moet ik het nou bij jullie claimen of bij hun?",
            "doubt",
            "intent=refund_return",
        ),
        agent("Meestal dient de afzender de claim bij ons in. Dan krijgt u het van hen vergoed."),
        customer("Nou, dan bel ik ze straks wel even. Bedankt.", "calm"),
    ),
    parcel(
        "blind10_parcels_nl_automaat_scherm_zwart",
        "nl",
        "Het scherm van een pakketautomaat blijft zwart terwijl de klant morgen op vakantie gaat.",
        GREET_NL,
        customer(
            "Ja, goeiemiddag. Ik sta bij jullie pakketautomaat bij het station in Tilburg, "
            "en het scherm is helemaal zwart.",
            "frustrated",
            "intent=technical_issue",
        ),
        agent("O jee. Gebeurt er niks als u op het scherm drukt?"),
        customer(
            "Niks. Ik heb erop gedrukt, ik heb de code gescand, er gebeurt helemaal niks. "
            "Er staan hier nog twee mensen te wachten.",
            "frustrated",
            "intent=technical_issue",
        ),
        agent("Ik meld een storing bij de techniek. Mag ik uw ophaalcode?"),
        customer(
            "Vier, zeven, negen, twee, acht, een.",
            "calm",
            "intent=technical_issue",
            "other",
        ),
        agent("Dank u. Een monteur is er vanmiddag, waarschijnlijk voor vijf uur."),
        customer(
            "En hoelang blijft mijn pakket daar dan liggen? Ik ga morgen op vakantie.",
            "doubt",
            "intent=parcel_status|technical_issue",
        ),
        agent("Ik verleng de ophaaltermijn met een week, dan kunt u het na uw vakantie halen."),
        customer("Oké. Dan kom ik het vanavond nog wel even proberen.", "calm"),
    ),
    parcel(
        "blind10_parcels_nl_retour_laarzen_sanne",
        "nl",
        "Een klant belt opnieuw over een retour die de winkel niet zou hebben en vraagt naar de collega van gisteren.",
        GREET_NL,
        customer(
            "Goedemorgen, met Annemiek Smit. Ik heb gisteren ook al gebeld, over een retourtje.",
            "calm",
            "intent=refund_return",
        ),
        agent("Goedemorgen. Waar ging het om?"),
        customer(
            "Ik heb drie weken geleden een paar laarzen teruggestuurd via jullie, en de winkel "
            "zegt dat ze niks ontvangen hebben. Dus ik krijg mijn geld niet terug.",
            "doubt",
            "intent=refund_return|parcel_status",
        ),
        agent("Heeft u het verzendbewijs nog?"),
        customer(
            "Ja, hier. Het nummer is V P, acht, acht, twee, vijf, vier, nul, zes.",
            "calm",
            "intent=refund_return",
            "other",
        ),
        agent(
            "Ik zie dat het pakket vorige week is afgeleverd bij het retourcentrum van de winkel."
        ),
        customer(
            "Gisteren heb ik met een collega van u gesproken, Sanne, die zou het uitzoeken. "
            "Kan ik haar misschien even spreken? Dan hoef ik niet alles opnieuw uit te leggen.",
            "calm",
            "intent=request_human",
            "person",
        ),
        agent("Sanne werkt vandaag niet, maar ik zie haar notitie. Ik stuur de winkel het bewijs."),
        customer("O, nou goed. Dan wacht ik het af. Dank u wel.", "calm"),
    ),
    parcel(
        "blind10_parcels_nl_printer_en_vacature",
        "nl",
        "Een vader vraagt naar een vertraagd pakket en daarna of Vlotpost bezorgers zoekt voor zijn zoon.",
        GREET_NL,
        customer(
            "Ja, hallo, met Henk Mulder uit Apeldoorn. Ik wacht op een nieuwe printer, maar "
            "de app zegt al twee dagen vertraagd. Wat betekent dat precies?",
            "doubt",
            "intent=parcel_status",
        ),
        agent("Dat zoek ik voor u uit. Heeft u de trackingcode?"),
        customer(
            "De code is V P, een, drie, drie, zeven, zes, negen, nul.",
            "calm",
            "intent=parcel_status",
            "other",
        ),
        agent("Er was een storing op het sorteercentrum. Hij komt morgen, tussen twaalf en vier."),
        customer(
            "Morgen, mooi. Zeg, dan nog iets heel anders. Mijn zoon zoekt een baantje, en ik "
            "zie hier steeds die busjes van jullie rijden. Zoeken jullie nog bezorgers?",
            "calm",
        ),
        agent(
            "Dat weet ik niet precies, maar op onze website staat een pagina over werken bij ons."
        ),
        customer(
            "Moet hij dan zelf een busje hebben, of krijg je er een van jullie?",
            "doubt",
        ),
        agent("Dat staat bij de vacatures zelf beschreven."),
        customer("Goed, dan zeg ik hem dat hij op de website moet kijken. Bedankt.", "calm"),
    ),
    parcel(
        "blind10_parcels_nl_drie_keer_niet_thuis",
        "nl",
        "Een klant krijgt voor de derde keer een niet-thuis-briefje terwijl hij thuis was en eist een teamleider.",
        GREET_NL,
        customer(
            "Ja, met De Jong. Voor de derde keer deze week een briefje: we hebben u niet "
            "thuis getroffen. Ik was gewoon thuis.",
            "frustrated",
            "intent=complaint|parcel_status",
        ),
        agent("Dat spijt me. Ik kijk even mee. Wat is uw postcode?"),
        customer(
            "Vijf twee een een, A K. Nummer drie.",
            "frustrated",
            "intent=complaint|parcel_status",
            "other",
        ),
        agent("Ik zie drie bezorgpogingen. De bezorger meldt dat er niet werd opengedaan."),
        customer(
            "Er is niet eens aangebeld. Ik zat hier gewoon met de deur op een kier. Die man "
            "neemt niet eens de moeite.",
            "frustrated",
            "intent=complaint",
        ),
        agent("Ik geef dat door aan de depotmanager en plan een nieuwe bezorging in."),
        asks_for_a_manager("Doorgeven. Nee, ik wil nu een teamleider aan de lijn, niet morgen."),
        agent("Ik kijk of mijn teamleider vrij is. Blijft u even aan de lijn?"),
        customer(
            "En ik betaal nota bene voor dat Plus-abonnement. Als dit zo doorgaat, zeg ik het op.",
            "frustrated",
            "intent=complaint|cancel_contract",
        ),
    ),
    parcel(
        "blind10_parcels_nl_marktplaats_camera",
        "nl",
        "Een verkoper op Marktplaats mist een verstuurde camera en vraagt hoe hij zonder bonnetje de waarde bewijst.",
        GREET_NL,
        customer(
            "Hallo, goedemiddag. Eh, ik heb via Marktplaats een camera verkocht, en die heb ik "
            "vorige week maandag bij een Vlotpost-punt afgegeven.",
            "calm",
            "intent=parcel_status",
        ),
        agent("Ja, en hij is niet aangekomen?"),
        customer(
            "Nee, en de koper wordt nu een beetje chagrijnig. Hij denkt dat ik hem oplicht. "
            "Volgens de tracking ligt hij al acht dagen in Nieuwegein.",
            "doubt",
            "intent=parcel_status",
        ),
        agent(
            "Dan is hij waarschijnlijk zoekgeraakt. Ik start een zoekopdracht, en als hij niet "
            "boven water komt, kunt u een vergoeding aanvragen."
        ),
        customer(
            "Wat krijg ik dan? Ik heb er tweehonderdvijftig euro voor gekregen.",
            "doubt",
            "intent=refund_return",
        ),
        agent("U kunt de waarde aantonen met een aankoopbewijs."),
        customer(
            "Maar ik heb geen bonnetje, het was tweedehands, ik heb hem zelf ook ooit op "
            "Marktplaats gekocht. Telt zo'n chatgesprek met de koper dan ook als bewijs?",
            "doubt",
            "intent=refund_return",
            "gap",
        ),
        agent("Dat moet ik navragen bij de afdeling claims. Ik mail u morgen."),
        customer("Oké, want anders zit ik met de gebakken peren. Dank u.", "calm"),
    ),
    parcel(
        "blind10_parcels_nl_misdial_stroomstoring",
        "nl",
        "Een bewoonster meldt een stroomstoring in haar straat bij het verkeerde bedrijf.",
        NEUTRAL_NL,
        customer(
            "Ja, hallo, we zitten hier met de hele straat zonder stroom. Sinds een uur of "
            "zeven. Weet u daar iets van?",
            "frustrated",
            "energy_internet:intent=outage",
        ),
        agent("Dat weet ik niet, mevrouw. Waar woont u?"),
        customer(
            "In Zeist, aan de Laan van Vollenhove. De buren hebben het ook, en de vriezer "
            "begint al te lekken.",
            "frustrated",
            "energy_internet:intent=outage",
        ),
        agent(
            "Ik vrees dat u verkeerd verbonden bent. Dit is de klantenservice van een pakketdienst."
        ),
        customer(
            "O, hemeltje. Dan heb ik het verkeerde nummer uit de folder gepakt. Sorry hoor.",
            "doubt",
        ),
        agent("Geeft niks. Het storingsnummer staat meestal op uw energierekening."),
        customer("Ja, ik zoek het op. Dag.", "calm"),
        misdialled=True,
    ),
    parcel(
        "blind10_parcels_nl_misdial_verhuizing_energie",
        "nl",
        "Iemand wil stroom, gas en internet laten overzetten bij een verhuizing en blijkt verkeerd te bellen.",
        NEUTRAL_NL,
        customer(
            "Goedemiddag, met Tim Verhoeven. Wij verhuizen op een maart naar Amersfoort, en "
            "ik wil de stroom, het gas en het internet laten overzetten.",
            "calm",
            "energy_internet:intent=moving",
        ),
        agent("Wat is uw klantnummer?"),
        customer(
            "Drie een, vier vier, zes zes, nul. En het nieuwe adres is Kamp zeventien, drie "
            "acht een een, G L.",
            "calm",
            "energy_internet:intent=moving",
            "energy_internet:other",
        ),
        agent(
            "Dat klantnummer kan ik bij ons niet vinden. Weet u zeker dat u goed zit? Wij zijn "
            "een pakketdienst."
        ),
        customer(
            "Hè? O wacht, ik heb het nummer uit de bezorgmail gebeld in plaats van het "
            "nummer van de energie. Stom.",
            "doubt",
        ),
        agent("Geeft niks, dat gebeurt vaker."),
        customer(
            "Dan moet ik daar ook meteen dat internet van het oude huis opzeggen. Fijne dag nog.",
            "calm",
            "energy_internet:intent=cancel_contract|moving",
        ),
        misdialled=True,
    ),
    parcel(
        "blind10_parcels_nl_misdial_sportschool",
        "nl",
        "Een geblesseerde sporter wil zijn sportschoolabonnement opzeggen bij het verkeerde nummer.",
        NEUTRAL_NL,
        customer(
            "Hoi, ik wil mijn abonnement bij de sportschool opzeggen. Per volgende maand.",
            "calm",
        ),
        agent("Bij welke sportschool bent u lid?"),
        customer(
            "Gewoon, bij jullie, op de Stationsweg. Ik heb iets aan mijn knie en ik kom er "
            "voorlopig toch niet.",
            "calm",
        ),
        agent("Dan bent u verkeerd verbonden, meneer. Dit is geen sportschool."),
        customer("O. Nou, dat verklaart de wachtmuziek. Sorry!", "calm"),
        misdialled=True,
    ),
    parcel(
        "blind10_parcels_nl_misdial_bibliotheek",
        "nl",
        "Een oudere man belt over een boete van de bibliotheek en heeft het verkeerde nummer gekozen.",
        NEUTRAL_NL,
        customer(
            "Goedemiddag, met meneer Pronk. Ik heb een brief van de bibliotheek gekregen dat "
            "ik een boete moet betalen voor twee boeken die te laat zijn.",
            "doubt",
        ),
        agent("Waar gaat het precies om, meneer?"),
        customer(
            "Twee boeken, een thriller en een kookboek. Maar die heb ik vorige week al in de "
            "inleverbus gedaan, bij het gemeentehuis.",
            "doubt",
        ),
        agent(
            "Meneer, ik denk dat u verkeerd verbonden bent. Dit is de klantenservice van een "
            "pakketdienst, niet de bibliotheek."
        ),
        customer("Ach, wat dom van me. Mijn bril ligt boven. Neemt u me niet kwalijk.", "calm"),
        agent("Geen enkel probleem. Nog een fijne dag."),
        misdialled=True,
    ),
)

ENERGY_EN = (
    energy(
        "blind10_energy_en_stairlift_power",
        "en",
        "An elderly widow has no power in half her house and asks to be put on a priority list "
        "for her stairlift and oxygen machine.",
        HELLO_EN,
        customer(
            "Oh, hello dear. Sorry, I'm not very good on the telephone. It's Mrs Whitlock, "
            "Edna Whitlock.",
            "doubt",
        ),
        agent("No problem at all, Mrs Whitlock. What's happened?"),
        customer(
            "Since this morning the kitchen and the, uh, the landing have no electricity. "
            "The lamps in the front room still work.",
            "doubt",
            "intent=outage",
        ),
        agent("Have you had a look in the fuse box? Sometimes just one group switches off."),
        customer(
            "My husband always did all that, he passed last spring. There's a row of little "
            "switches, and, uh, one of them is pointing down.",
            "doubt",
            "intent=outage",
        ),
        agent("That's most likely it. If you push that one back up, the power should come back."),
        customer(
            "Oh. Oh, there it is, the kettle's going. Goodness me. Dear, while I have you, I've "
            "got a stairlift and an oxygen machine at night. Can you put me on some sort of list "
            "so I'm not left without power for long when there's a big outage?",
            "doubt",
            "intent=outage",
            "gap",
        ),
        agent("Let me find out who handles that for you, Mrs Whitlock. One moment."),
    ),
    energy(
        "blind10_energy_en_cafe_card_terminal",
        "en",
        "A café owner whose internet keeps dropping, taking the card terminal with it, asks who "
        "pays for lost takings and then demands a manager.",
        HELLO_EN,
        customer(
            "Yeah, hi. I run the Copper Kettle café on Station Road. Your internet has dropped "
            "out four times today and my card machine goes down with it.",
            "frustrated",
            "intent=outage",
        ),
        agent("I'm sorry to hear that. Can I have your customer number?"),
        customer(
            "W, T, seven, seven, zero, four, one, nine.", "frustrated", "intent=outage", "other"
        ),
        agent(
            "Thank you. I can see short interruptions on your line since this morning. "
            "I'll reset the line from here."
        ),
        customer(
            "A reset. That's what they said last week too. I've had customers walk out at the "
            "till because they only pay by card. Who pays me for that?",
            "frustrated",
            "intent=complaint|outage",
            "gap",
        ),
        agent("I understand. I can log a complaint and book an engineer to check the line."),
        asks_for_a_manager(
            "No, I've logged enough complaints. I want to speak to your manager, today, "
            "not get another ticket number."
        ),
        agent("I'll ask my team lead to call you back within the hour."),
    ),
    energy(
        "blind10_energy_en_moving_meters",
        "en",
        "A long-winded caller moving to a flat in another city wants energy and internet to "
        "move along and asks about meter readings and a slower line at the new address.",
        HELLO_EN,
        customer(
            "Hi, good morning. Right, so, we're moving, finally, we've been trying to sell the "
            "house for about a year now, and it's going through on the twenty-eighth of February.",
            "calm",
            "intent=moving",
        ),
        agent("Congratulations! Would you like to take your energy and internet with you?"),
        customer(
            "Yes, both, if that's possible. The new place is a flat in Leeds, postcode "
            "L S six, three Q T.",
            "calm",
            "intent=moving",
        ),
        agent("I'll check what's available at that address. One moment."),
        customer(
            "And, uh, on the day itself, do I need to read the meters at the old house, or does "
            "the smart meter just, you know, do it by itself?",
            "doubt",
            "intent=moving|meter_reading",
        ),
        agent(
            "With a smart meter we read it remotely, but it's wise to take a photo of the "
            "readings at both addresses."
        ),
        customer(
            "Great. Oh, and the flat hasn't got fibre, I think, just the old copper line. Does my "
            "internet get slower then? And cheaper, I'd hope?",
            "doubt",
            "intent=moving|contract",
        ),
        agent("Let me check what speed is available there and what that means for your plan."),
    ),
    energy(
        "blind10_energy_en_letter_annual_statement",
        "en",
        "A caller opens vaguely about a letter that turns out to be an annual statement with a "
        "large balance, asks to spread it, and the calm call turns into a complaint.",
        HELLO_EN,
        customer(
            "Hello. Um, I have a question about something I got from you. A letter. I'm not "
            "quite sure what it is.",
            "doubt",
        ),
        agent("Of course. What does it say at the top?"),
        customer(
            "It says annual statement, and then at the bottom there's an amount to pay of, "
            "uh, four hundred and eighty-six euros.",
            "doubt",
            "intent=billing",
        ),
        agent(
            "That's your annual statement. You used more than your monthly instalment covered, "
            "so there's a balance to pay."
        ),
        customer(
            "Four hundred and eighty-six in one go? I can't do that before Christmas. "
            "Can I pay it off bit by bit?",
            "doubt",
            "intent=billing",
        ),
        agent("Yes, we can set up a payment arrangement over several months."),
        customer(
            "Okay. But honestly, why was my instalment so low all year then? You set it, not me. "
            "Nobody warned me. I want that noted as a complaint.",
            "frustrated",
            "intent=complaint|billing",
        ),
        agent(
            "I understand. I'll register your complaint and raise the instalment so this doesn't "
            "happen again."
        ),
    ),
    energy(
        "blind10_energy_en_late_father_contract",
        "en",
        "A son calls for his mother after his father's death to put the contract in her name "
        "and asks what happens to the fixed-term contract.",
        HELLO_EN,
        customer(
            "Hello, yes. I'm calling on behalf of my mother. My father passed away three weeks "
            "ago, and everything with you is in his name.",
            "calm",
            "intent=contract|cancel_contract",
        ),
        agent("I'm very sorry for your loss. We can help with that. Is your mother with you?"),
        customer(
            "She's right next to me, yes. She'd like to stay with you, just with the contract "
            "in her name now.",
            "calm",
            "intent=contract",
        ),
        agent("Of course. Could I have the customer number, or the address?"),
        customer(
            "Customer number is W T, five, five, two, eight, zero, three. The address is "
            "fourteen Orchard Lane.",
            "calm",
            "intent=contract",
            "other",
        ),
        agent("Thank you. I can see a fixed contract running until next October."),
        customer(
            "Right. Does that just carry on for her at the same price, or does it end because "
            "he died? And is there a fee either way? Nobody could tell us.",
            "doubt",
            "intent=contract|cancel_contract",
            "gap",
        ),
        agent("Let me check what applies in this situation. I'll be right back with you."),
    ),
    energy(
        "blind10_energy_en_smart_meter_app",
        "en",
        "A caller whose smart meter stopped sending readings finds an estimate on his bill, reads "
        "out the meter and cannot log in to the app either.",
        HELLO_EN,
        customer(
            "Morning. My app hasn't shown any usage since October. Just a flat line. And now the "
            "bill says estimated.",
            "doubt",
            "intent=meter_reading|other",
        ),
        agent(
            "It sounds like your smart meter isn't sending readings. Can you tell me what the "
            "display shows?"
        ),
        customer(
            "Uh, hang on, I'm at the cupboard now. There's two numbers. The first is twelve "
            "thousand four hundred and six, and the second is nine thousand and eighty-one.",
            "calm",
            "intent=meter_reading",
        ),
        agent("Thanks, I'll enter those as actual readings so your bill gets corrected."),
        customer(
            "And I can't log in to the app anymore either. It keeps saying my password is wrong, "
            "even after I reset it.",
            "frustrated",
            "intent=other|billing",
        ),
        agent(
            "I'll send you a new activation link by email. And I'll have an engineer check "
            "whether the meter needs replacing."
        ),
        customer(
            "Does that cost me anything, a new meter?", "doubt", "intent=meter_reading|appointment"
        ),
        agent("No, replacing a faulty smart meter is free of charge."),
    ),
    energy(
        "blind10_energy_en_engineer_no_show",
        "en",
        "A caller took a day off for a fibre installation, nobody came, and she wants a Saturday "
        "appointment and the no-show on record.",
        HELLO_EN,
        customer(
            "Hi. I had an engineer booked yesterday between eight and one to install my fibre. "
            "I took the day off work. Nobody came. Nobody called.",
            "frustrated",
            "intent=appointment|complaint",
        ),
        agent("I'm really sorry. Let me look that up. What's your postcode?"),
        customer(
            "B S three, four N X. House number twenty-two.", "calm", "intent=appointment", "other"
        ),
        agent(
            "I see the visit was cancelled on our side because the engineer was ill. "
            "You should have been told."
        ),
        customer(
            "Well, I wasn't. So what now? I can't take another day off. Do you do Saturdays?",
            "frustrated",
            "intent=appointment",
        ),
        agent("We have Saturday the fourteenth, between eight and twelve."),
        customer(
            "Fine, book it. And I want it written down somewhere that you lot didn't turn up.",
            "frustrated",
            "intent=appointment|complaint",
        ),
        agent("I'll book it and register a complaint about the missed visit."),
    ),
    energy(
        "blind10_energy_en_switch_blunt",
        "en",
        "A short, blunt caller switches to another supplier, turns down a retention offer and "
        "asks about the termination fee.",
        HELLO_EN,
        customer(
            "I want to cancel. Gas and electric. I'm switching.", "calm", "intent=cancel_contract"
        ),
        agent("I'm sorry to hear that. May I ask why?"),
        customer(
            "Cheaper elsewhere. Sixty a month cheaper.", "calm", "intent=cancel_contract|contract"
        ),
        agent("We might be able to close that gap with a new fixed-rate plan for you."),
        customer("No. Just tell me if there's a fee.", "frustrated", "intent=cancel_contract"),
        agent(
            "Your contract runs until June, so there's an early termination fee of seventy-five "
            "euros."
        ),
        customer("Fine. The new lot sort out the rest, right?", "calm", "intent=cancel_contract"),
        agent("Yes, when you switch, your new supplier cancels with us on your behalf."),
    ),
    energy(
        "blind10_energy_en_loft_wifi_plan",
        "en",
        "A chatty father says the wifi barely reaches his son's loft room and asks whether a "
        "faster plan would help and how long it would tie him in.",
        HELLO_EN,
        customer(
            "Hello there. Right, this might be a silly one. My son, he's sixteen, he plays those "
            "online games up in his room, which is in the loft, and he says the wifi is, what's "
            "the word, lagging, every evening.",
            "doubt",
            "intent=outage|contract",
        ),
        agent("Not silly at all. Is it slow all over the house, or mainly upstairs?"),
        customer(
            "Downstairs it's fine, I think. I do the crossword on the tablet in the kitchen, "
            "no trouble at all. It's really just the loft.",
            "calm",
            "intent=outage",
        ),
        agent(
            "Then it's probably the wifi not reaching the loft rather than the line itself. "
            "A wifi extender usually helps."
        ),
        customer(
            "Ah. But he keeps telling me we need a faster package. What have you got above what "
            "we have now, and what does it cost?",
            "doubt",
            "intent=contract",
        ),
        agent(
            "You're on one hundred megabits. We also do five hundred, and one gigabit. "
            "Let me give you the prices."
        ),
        customer(
            "Hm. And if we go up, is that another two years? I don't want to be tied in again.",
            "doubt",
            "intent=contract",
        ),
        agent("An upgrade starts a new term of one year."),
    ),
    energy(
        "blind10_energy_en_solar_feed_in",
        "en",
        "A caller who just had solar panels fitted asks whether he is paid for power fed back, "
        "whether his old meter will do, and whether his instalment should drop.",
        HELLO_EN,
        customer(
            "Hiya. We had solar panels put on the roof last week, sixteen of them.",
            "calm",
            "intent=contract|meter_reading",
            "other",
        ),
        agent("Lovely. What would you like to know?"),
        customer(
            "How does it work with you when we put electricity back on the grid? Do you pay us "
            "for it, and at what rate? I couldn't find anything about it on your website.",
            "doubt",
            "intent=contract",
            "gap",
        ),
        agent("Good question. I'll have to check which feed-in rate applies to your contract."),
        customer(
            "Okay. And my meter's the old grey one with the spinning disc. Does it go backwards "
            "now, or do I need a smart meter?",
            "doubt",
            "intent=meter_reading",
        ),
        agent("You'll need a smart meter that measures both directions. I can book it in for you."),
        customer(
            "Yes, please. And the monthly amount, should that go down now? I'm paying one "
            "hundred and forty a month.",
            "calm",
            "intent=billing|meter_reading",
        ),
        agent("Once the new meter is in, we'll look at your usage and adjust your instalment."),
    ),
    energy(
        "blind10_energy_en_reminder_ask_colleague",
        "en",
        "A calm caller with a payment arrangement still got a reminder with collection costs and "
        "asks to speak to the colleague who agreed a later payment date.",
        HELLO_EN,
        customer(
            "Good morning. I set up a payment plan with you in, uh, September, and now I've had "
            "a reminder with fifteen euros of collection costs on it.",
            "calm",
            "intent=billing",
        ),
        agent("Let me have a look. Can I have your date of birth and postcode?"),
        customer(
            "Third of May, nineteen seventy-one. Postcode C F ten, one A B.",
            "calm",
            "intent=billing",
            "other",
        ),
        agent(
            "I can see the arrangement, but the September payment came in five days late. "
            "That's what triggered the reminder."
        ),
        customer(
            "That's not right. The lady I spoke to, Priya, she moved the date to the "
            "twenty-fifth for me, because that's when I get paid.",
            "calm",
            "intent=billing",
        ),
        agent("I'm afraid I don't see a note of that here."),
        customer(
            "Then could I speak to Priya, or a colleague who can see what was agreed? I'd rather "
            "get it sorted properly.",
            "calm",
            "intent=request_human|billing",
            "person",
        ),
        agent("Of course. I'll transfer you to the billing team and ask for Priya."),
    ),
    energy(
        "blind10_energy_en_double_debit_supervisor",
        "en",
        "A daughter managing her father's account finds his direct debit taken twice and, told a "
        "refund takes ten working days, asks for a supervisor.",
        HELLO_EN,
        customer(
            "Hi, I'm calling about my dad's account, I look after his banking. He's here on "
            "speaker, he's fine with it.",
            "calm",
        ),
        agent("Hello to you both. What's happened?"),
        customer(
            "You took his monthly payment twice this month. Two times ninety-two euros. He's "
            "on a pension, that's his food money.",
            "frustrated",
            "intent=billing|complaint",
        ),
        agent(
            "I can see that, I'm sorry. It was a system error. The second amount will be refunded "
            "within ten working days."
        ),
        customer(
            "Ten working days? You took it in one second. Can't you just put it back today?",
            "frustrated",
            "intent=billing|complaint",
        ),
        agent("I'm afraid ten days is standard. He can also reverse the debit through his bank."),
        asks_for_a_manager(
            "That's not good enough. Put me through to a supervisor, please, someone who can "
            "actually do something."
        ),
        agent("I'll ask my supervisor to come on the line."),
    ),
    energy(
        "blind10_energy_en_wrong_parcel_tracking",
        "en",
        "A caller who meant to ring the parcel service asks where her parcel is and spells a "
        "tracking code before learning she has the wrong company.",
        NEUTRAL_EN,
        customer(
            "Hi, I'm waiting for a parcel, it was supposed to come yesterday and the tracking "
            "hasn't moved since Monday.",
            "frustrated",
            "parcels:intent=parcel_status",
        ),
        agent("I see. Do you have a reference number for me?"),
        customer(
            "Yes, it's V, L, three, three, eight, zero, two, seven, N, L.",
            "calm",
            "parcels:intent=parcel_status",
            "parcels:other",
        ),
        agent(
            "Hmm, that doesn't look like one of ours. This is Wattnet, the energy provider. "
            "I think you want Vlotpost."
        ),
        customer(
            "Oh, for goodness' sake. I just pressed redial. You don't happen to have their number?",
            "doubt",
        ),
        agent("I'm afraid not, but it'll be on their website."),
        customer("Right. Thanks anyway, sorry to bother you.", "calm"),
        misdialled=True,
    ),
    energy(
        "blind10_energy_en_wrong_customs_broken_lamp",
        "en",
        "A caller who paid import charges on a parcel that arrived broken wants his money back "
        "from the parcel service but copied the wrong number.",
        NEUTRAL_EN,
        customer(
            "Yes, hello. I paid twenty-three euros in import charges on a parcel from America, "
            "and when I opened it the lamp inside was in pieces.",
            "frustrated",
            "parcels:intent=refund_return|billing",
        ),
        agent("I'm sorry to hear that. Who delivered the parcel?"),
        customer(
            "Vlotpost. The box was crushed at one corner, I've got photos. I want the customs "
            "money back and a new lamp.",
            "frustrated",
            "parcels:intent=refund_return|billing",
        ),
        agent("I think you've reached the wrong company, sir. We do energy and internet."),
        customer(
            "You're joking. Oh, hang on. I've copied the number from the wrong email. My mistake.",
            "doubt",
        ),
        agent("No harm done. I hope they sort it out for you."),
        customer("Okay. Thank you, bye.", "calm"),
        misdialled=True,
    ),
    energy(
        "blind10_energy_en_wrong_dentist",
        "en",
        "A caller who wants to move his dental check-up has dialled the wrong number.",
        NEUTRAL_EN,
        customer(
            "Hi, yes, it's Tom Fairley. I've got an appointment on Thursday at half past nine "
            "for a check-up and a clean, and I need to move it.",
            "calm",
        ),
        agent("A check-up? I'm not sure I follow. Which company were you calling?"),
        customer("The dentist. Brookside Dental. Is this not Brookside?", "doubt"),
        agent("No, I'm afraid this is an energy and internet provider."),
        customer(
            "Oh, blimey. Sorry. I've got the wrong number saved in my phone. Bye now.", "calm"
        ),
        misdialled=True,
    ),
    energy(
        "blind10_energy_en_wrong_gym",
        "en",
        "A caller who wants to cancel her gym membership and stop its monthly payments has "
        "reached the wrong company.",
        NEUTRAL_EN,
        customer(
            "Hello. I want to cancel my membership. I've moved house and I can't get to the "
            "club anymore.",
            "calm",
        ),
        agent("Okay. Could you give me your membership or customer number?"),
        customer("It's on the card, uh, F, I, T, zero, zero, four, seven, one.", "calm"),
        agent("I can't find that in our system. Which company is this for?"),
        customer(
            "FitFirst, the gym on the high street. They keep taking twenty-nine ninety-nine off "
            "my account every month.",
            "frustrated",
        ),
        agent(
            "Ah, you've come through to an energy and internet company, I'm afraid. "
            "You'll need FitFirst themselves."
        ),
        customer("Brilliant. Okay. Sorry, thanks.", "calm"),
        misdialled=True,
    ),
)

ENERGY_NL = (
    energy(
        "blind10_energy_nl_thuiswerker_storing",
        "nl",
        "Een zzp'er in Amersfoort heeft sinds vanochtend geen internet, het lampje op het modem "
        "knippert rood, en ze wil dat er snel iemand langskomt.",
        HELLO_NL,
        customer(
            "Ja, goedemorgen, met Sanne de Wit. Ik zit al sinds half acht zonder internet en ik "
            "werk thuis, dus ja.",
            "frustrated",
            "intent=outage",
        ),
        agent("Vervelend. Heeft u het modem al even uit en weer aan gezet?"),
        customer(
            "Twee keer. Dat lampje bij glasvezel knippert gewoon rood. Rood, rood, rood.",
            "frustrated",
            "intent=outage",
        ),
        agent("Mag ik uw postcode en huisnummer?"),
        customer("Drie acht één één, K D. Nummer zeventien.", "calm", "intent=outage", "other"),
        agent(
            "Ik zie inderdaad een storing bij u in de wijk, daar wordt aan gewerkt. "
            "De verwachting is rond één uur."
        ),
        customer(
            "Eén uur? Ik heb om twee uur een presentatie bij een klant. Kan er niet gewoon even "
            "iemand langskomen?",
            "frustrated",
            "intent=outage|appointment",
        ),
        agent(
            "Bij een storing in de wijk kan een monteur bij u thuis helaas weinig doen. Ik zet "
            "erbij dat u een sms krijgt zodra het is opgelost."
        ),
    ),
    energy(
        "blind10_energy_nl_opa_meterstanden",
        "nl",
        "Een oudere meneer zonder computer heeft een brief gekregen om zijn meterstanden door te "
        "geven, leest ze voor en twijfelt over een slimme meter.",
        HELLO_NL,
        customer(
            "Ja, goeiemorgen meneer. Met Van der Heijden. Ik heb hier een brief van u, dat ik de "
            "meterstanden moet doorgeven.",
            "calm",
            "intent=meter_reading",
        ),
        agent("Dat klopt, meneer Van der Heijden. Dat kan via de app of via de website."),
        customer(
            "Ja, maar ik heb geen computer, hè. Ik ben zesentachtig. Mijn dochter doet dat altijd, "
            "maar die zit nu in Spanje.",
            "doubt",
            "intent=meter_reading",
        ),
        agent("Dan noteer ik ze nu gewoon telefonisch voor u. Heeft u ze bij de hand?"),
        customer(
            "Ja, ik heb ze opgeschreven op de kalender. Stroom is, eh, "
            "drieëntwintigduizend vijfhonderdtwaalf. En het gas, vierduizend achthonderdnegen.",
            "calm",
            "intent=meter_reading",
        ),
        agent(
            "Genoteerd. Ik zie dat u nog een oude meter heeft. Wilt u kosteloos een slimme meter?"
        ),
        customer(
            "Ach, moet dat? Komt er dan iemand in huis? Ik doe niet zomaar open voor vreemden, "
            "hoor.",
            "doubt",
            "intent=meter_reading|appointment",
        ),
        agent("Het is niet verplicht. En de monteur belt altijd vooraf en kan zich legitimeren."),
    ),
    energy(
        "blind10_energy_nl_samenwonen_utrecht",
        "nl",
        "Een jonge vrouw trekt in bij haar vriend in Utrecht die ook klant is, en vraagt naar een "
        "boete op haar vaste contract en wat er met hun internet gebeurt.",
        HELLO_NL,
        customer(
            "Hoi, ja, ik heb een vraagje. Ik ga per één maart samenwonen met mijn vriend, en we "
            "zitten allebei bij jullie.",
            "calm",
            "intent=moving",
        ),
        agent("Leuk! Gaat u bij hem wonen, of gaan jullie samen naar een nieuw adres?"),
        customer(
            "Ik trek bij hem in. Op de Biltstraat, postcode drie vijf zeven twee, L M.",
            "calm",
            "intent=moving",
            "other",
        ),
        agent("Dan beëindigen we de levering op uw huidige adres per de verhuisdatum."),
        customer(
            "Maar mijn contract loopt nog tot de zomer, met een vast tarief. Krijg ik dan geen "
            "boete?",
            "doubt",
            "intent=moving|cancel_contract",
        ),
        agent(
            "Als u verhuist naar een adres waar al een contract van ons op zit, rekenen we geen "
            "opzegvergoeding."
        ),
        customer(
            "O, top. En mijn internet, kan dat mee naar zijn adres? Dat van hem is veel trager, "
            "eerlijk gezegd.",
            "calm",
            "intent=moving|contract",
        ),
        agent(
            "Dat kan. Dan zetten we zijn abonnement om naar uw snellere pakket en stopt het uwe."
        ),
    ),
    energy(
        "blind10_energy_nl_aanmaning_schuldhulp",
        "nl",
        "Een beller die zich schaamt voor een aanmaning wil een betalingsregeling, vraagt of de "
        "schuldhulpverlening het met Wattnet kan regelen en is bang afgesloten te worden.",
        HELLO_NL,
        customer(
            "Ja, hallo. Eh, dit is een beetje, eh, gênant. Ik heb een brief van jullie gehad. "
            "Een aanmaning.",
            "doubt",
            "intent=billing",
        ),
        agent("Daar hoeft u zich niet voor te schamen. Om welk bedrag gaat het?"),
        customer(
            "Driehonderdzevenenveertig euro. Ik ben in de zomer mijn baan kwijtgeraakt en het "
            "lukt gewoon even niet meer.",
            "doubt",
            "intent=billing",
        ),
        agent("Dan kunnen we een betalingsregeling treffen, bijvoorbeeld in zes maanden."),
        customer(
            "Zes maanden, ja, dat moet lukken. Ik ben ook aangemeld bij de schuldhulpverlening "
            "van de gemeente Zwolle. Kunnen die dat straks rechtstreeks met jullie regelen?",
            "doubt",
            "intent=billing",
            "gap",
        ),
        agent("Dat ga ik even voor u na bij onze afdeling incasso."),
        customer(
            "Oké. En jullie sluiten ons toch niet af, hè? We hebben twee kleine kinderen.",
            "doubt",
            "intent=billing|outage",
        ),
        agent("Nee, zolang de regeling loopt, sluiten we niets af."),
    ),
    energy(
        "blind10_energy_nl_jaarafrekening_teamleider",
        "nl",
        "Een beller begint rustig over haar jaarafrekening met een geschatte meterstand, wordt "
        "boos omdat haar doorgegeven foto weer kwijt is en eist een teamleider.",
        HELLO_NL,
        customer(
            "Goedemiddag, met Ingrid Bos uit Apeldoorn. Ik bel over mijn jaarafrekening.",
            "calm",
            "intent=billing",
        ),
        agent("Goedemiddag mevrouw Bos. Wat is uw vraag?"),
        customer(
            "Ik moet zeshonderdtwaalf euro bijbetalen, en bij de meterstand staat 'geschat'. "
            "Maar ik heb in januari gewoon een foto van de meter gestuurd.",
            "calm",
            "intent=billing|meter_reading",
        ),
        agent(
            "Ik zie inderdaad een geschatte stand. Uw foto is bij ons niet binnengekomen, vrees ik."
        ),
        customer(
            "Niet binnengekomen? Ik heb er nog een bevestiging van gekregen. En vorig jaar was "
            "het precies hetzelfde liedje.",
            "frustrated",
            "intent=complaint|meter_reading",
        ),
        agent("Als u de stand nu doorgeeft, laat ik de afrekening opnieuw opmaken."),
        asks_for_a_manager(
            "Nee, dat heb ik vorig jaar ook allemaal gedaan. Ik wil nu een teamleider aan de lijn, "
            "iemand die dit echt oplost."
        ),
        agent("Dat begrijp ik. Ik vraag mijn teamleider u vandaag nog terug te bellen."),
    ),
    energy(
        "blind10_energy_nl_kortaf_opzeggen",
        "nl",
        "Een kortaf beller zegt stroom en gas op omdat hij overstapt, wil geen aanbod horen en "
        "vraagt naar de opzegvergoeding en de eindafrekening.",
        HELLO_NL,
        customer("Ja. Opzeggen.", "calm", "intent=cancel_contract"),
        agent("Wat wilt u opzeggen, meneer: stroom en gas, of ook het internet?"),
        customer(
            "Stroom en gas. Internet houd ik. Ik ga naar een ander.",
            "calm",
            "intent=cancel_contract",
        ),
        agent("Mag ik vragen waarom? Misschien kan ik u een aanbod doen."),
        customer(
            "Nee, hoeft niet. Hoe zit het met die opzegvergoeding?",
            "frustrated",
            "intent=cancel_contract|contract",
        ),
        agent(
            "U heeft een variabel contract, dus er is geen opzegvergoeding. Uw nieuwe leverancier "
            "regelt de opzegging."
        ),
        customer(
            "Mooi. En die eindafrekening krijg ik binnen zes weken?",
            "calm",
            "intent=billing|cancel_contract",
        ),
        agent("Ja, die ontvangt u uiterlijk zes weken na de overstap."),
        customer("Prima. Dag.", "calm"),
    ),
    energy(
        "blind10_energy_nl_dochter_verpleeghuis",
        "nl",
        "Een dochter belt voor haar vader die naar een verpleeghuis gaat, wil zijn huurhuis laten "
        "afsluiten en vraagt hoe dat met haar notariële volmacht gaat.",
        HELLO_NL,
        customer(
            "Goedemiddag, u spreekt met Marieke Jansen. Ik bel namens mijn vader, die is "
            "opgenomen in een verpleeghuis.",
            "calm",
        ),
        agent("Wat vervelend voor u. Waarmee kan ik helpen?"),
        customer(
            "Zijn huurhuis in Deventer moet eind januari leeg, dus stroom, gas en internet moeten "
            "eraf. Hij komt niet meer terug.",
            "doubt",
            "intent=moving|cancel_contract",
        ),
        agent("Dat kunnen we regelen. Mag u namens hem handelen?"),
        customer(
            "Ik heb een notariële volmacht, ja. Maar moet ik die naar jullie opsturen, en hoe "
            "dan? En kan de eindafrekening dan naar mijn rekening?",
            "doubt",
            "intent=moving|cancel_contract|billing",
            "gap",
        ),
        agent("Dat zoek ik even voor u uit. Mag ik alvast de postcode van uw vader?"),
        customer(
            "Zeven vier één één, B R. Huisnummer acht a.",
            "calm",
            "intent=moving|cancel_contract",
            "other",
        ),
        agent("Dank u. Ik zet de opzegging alvast klaar per eenendertig januari."),
    ),
    energy(
        "blind10_energy_nl_bakker_monteur_verzetten",
        "nl",
        "Een bakker in Leeuwarden verzet de afspraak met de glasvezelmonteur, vraagt hoe lang "
        "het duurt en of de pinautomaat meteen mee kan.",
        HELLO_NL,
        customer(
            "Goeiemorgen, met bakkerij Hoekstra in Leeuwarden. Er komt donderdag een monteur voor "
            "de glasvezel, maar dat komt ons slecht uit.",
            "calm",
            "intent=appointment",
        ),
        agent("Geen probleem, dan zoeken we een andere dag. Heeft u het afspraaknummer?"),
        customer("A F, zes, zes, nul, drie, twee.", "calm", "intent=appointment", "other"),
        agent(
            "Ik heb hem. Ik heb nog plek op dinsdag de negende, tussen acht en twaalf, of "
            "woensdagmiddag."
        ),
        customer(
            "Dinsdagochtend sta ik in de winkel, dan is het druk. Hoe lang is hij eigenlijk bezig?",
            "doubt",
            "intent=appointment",
        ),
        agent("Reken op twee tot drie uur. Hij moet ook in de meterkast zijn."),
        customer(
            "Doe dan woensdagmiddag maar, dan zijn we vanaf één uur dicht. En kan hij dan meteen "
            "de pinautomaat aansluiten? Die moet ook op het internet.",
            "calm",
            "intent=appointment",
        ),
        agent("Ik zet het in de notitie voor de monteur."),
    ),
    energy(
        "blind10_energy_nl_zolder_wifi_vast_ip",
        "nl",
        "Een moeder belt omdat de wifi op de zolderkamer van haar zoon steeds wegvalt en hij een "
        "sneller abonnement met een vast IP-adres wil.",
        HELLO_NL,
        customer(
            "Hallo, ja, met Fatima el Idrissi. Mijn zoon zeurt al weken dat de wifi op zijn "
            "zolderkamer steeds wegvalt.",
            "calm",
            "intent=outage",
        ),
        agent("Valt het alleen op zolder weg, of in het hele huis?"),
        customer(
            "Eh, beneden merk ik er eigenlijk niks van. Het modem staat in de meterkast, in de "
            "gang.",
            "doubt",
            "intent=outage",
        ),
        agent(
            "Dan is het waarschijnlijk het bereik. Een extra wifipunt op de overloop helpt meestal."
        ),
        customer(
            "Ja, maar hij zegt dat we ook een sneller abonnement moeten. Wat kost dat, dat "
            "snellere?",
            "doubt",
            "intent=contract",
        ),
        agent("Van honderd naar vijfhonderd megabit is zeven euro vijftig per maand meer."),
        customer(
            "Oké. En hij vroeg ook nog iets over een vast IP-adres, voor een server of zo. "
            "Kunnen jullie dat? Ik heb geen idee wat het is, hoor.",
            "doubt",
            "intent=contract",
            "gap",
        ),
        agent("Dat moet ik even voor u uitzoeken, dat zit niet standaard in onze pakketten."),
    ),
    energy(
        "blind10_energy_nl_laadpaal_dynamisch",
        "nl",
        "Een beller die thuis zijn auto van de zaak laadt wil die stroom apart op de factuur voor "
        "zijn werkgever en vraagt naar een dynamisch contract.",
        HELLO_NL,
        customer(
            "Goedendag, met Pieter Mulder. Ik heb een vraag over mijn stroomrekening, in "
            "combinatie met mijn elektrische auto.",
            "calm",
            "intent=billing|contract",
        ),
        agent("Vertelt u het maar."),
        customer(
            "Ik laad thuis met een laadpaal, en mijn werkgever vergoedt die stroom. Kunnen jullie "
            "die kilowattuurtjes apart op de factuur zetten?",
            "calm",
            "intent=billing",
            "gap",
        ),
        agent("Dat weet ik niet zeker. Ik noteer uw vraag en laat het uitzoeken."),
        customer(
            "Graag. En verder hoor ik steeds over die dynamische contracten, waarbij je 's nachts "
            "goedkoop laadt. Hebben jullie dat ook?",
            "calm",
            "intent=contract",
        ),
        agent(
            "Ja, we hebben een dynamisch tarief dat per uur verschilt. Uw vaste contract loopt "
            "nog tot april."
        ),
        customer(
            "Kan ik nu al overstappen, of kost me dat wat?",
            "doubt",
            "intent=contract|cancel_contract",
        ),
        agent("Als u vóór april overstapt, betaalt u een opzegvergoeding van vijftig euro."),
    ),
    energy(
        "blind10_energy_nl_app_voorschot_collega",
        "nl",
        "Een beller komt niet in de app, wil zijn maandbedrag verlagen sinds de zonnepanelen en "
        "vraagt rustig of een collega hem de app stap voor stap kan uitleggen.",
        HELLO_NL,
        customer(
            "Hallo, goedemorgen. Ik probeer al de hele week in die app te komen, maar hij zegt "
            "steeds dat mijn e-mailadres onbekend is.",
            "doubt",
            "intent=other|billing",
        ),
        agent("Vervelend. Welk e-mailadres gebruikt u?"),
        customer(
            "Henk punt smit zestig, apenstaartje, hotmail punt com. Aan elkaar.",
            "calm",
            "intent=other|billing",
        ),
        agent("Er staat bij ons een ander adres, met een typfout. Ik pas het nu aan."),
        customer(
            "Ah, daarom. Ik wilde eigenlijk mijn maandbedrag omlaag zetten, dat is veel te hoog "
            "sinds we zonnepanelen hebben.",
            "calm",
            "intent=billing",
        ),
        agent("Dat kan ik ook voor u doen. Naar welk bedrag wilt u het zetten?"),
        customer(
            "Honderdtien in plaats van honderdvijfenzestig. Zeg, en die app, kan ik misschien "
            "even een collega van u spreken die me stap voor stap uitlegt hoe dat werkt?",
            "calm",
            "intent=request_human|billing|other",
            "person",
        ),
        agent("Natuurlijk, ik verbind u zo door met een collega van de digitale helpdesk."),
    ),
    energy(
        "blind10_energy_nl_colporteur_moeder_leidinggevende",
        "nl",
        "Een zoon is boos dat een verkoper aan de deur zijn hoogbejaarde moeder een duur "
        "driejarig contract heeft laten tekenen en wil een leidinggevende.",
        HELLO_NL,
        customer(
            "Ja, goedemiddag, met Ruud Verbeek. Ik bel voor mijn moeder, zij is eenennegentig.",
            "calm",
        ),
        agent("Goedemiddag meneer Verbeek. Waar gaat het om?"),
        customer(
            "Er heeft vorige week een verkoper van jullie bij haar aan de deur gestaan, en die "
            "heeft haar een contract voor drie jaar vast laten tekenen. Ze weet niet eens wat ze "
            "getekend heeft.",
            "frustrated",
            "intent=complaint|contract",
        ),
        agent(
            "Dat is vervelend. Binnen veertien dagen kan zo'n contract kosteloos worden ontbonden."
        ),
        customer(
            "Dan wil ik dat het per direct wordt teruggedraaid. Ze had een prima contract, dat "
            "moet gewoon terug.",
            "frustrated",
            "intent=cancel_contract|contract|complaint",
        ),
        agent("Ik kan de nieuwe overeenkomst intrekken. Mag ik het klantnummer van uw moeder?"),
        customer(
            "Zeven, nul, drie, drie, negen, vijf, één.",
            "calm",
            "intent=cancel_contract|contract|complaint",
            "other",
        ),
        asks_for_a_manager(
            "En ik wil dat iemand boven u hiervan hoort. Geef me een leidinggevende, want dit mag "
            "nooit meer bij oude mensen gebeuren."
        ),
        agent("Ik noteer de klacht en vraag een leidinggevende u terug te bellen."),
    ),
    energy(
        "blind10_energy_nl_verkeerd_pakketkluis",
        "nl",
        "Een beller staat bij een pakketkluis die niet opengaat en blijkt de pakketdienst te "
        "willen bellen.",
        NEUTRAL_NL,
        customer(
            "Ja, hoi, ik sta hier bij het pakketpunt bij de Jumbo en die kluis gaat gewoon niet "
            "open.",
            "frustrated",
            "parcels:intent=technical_issue",
        ),
        agent("Vervelend. Om welke kluis gaat het precies?"),
        customer(
            "Ik heb een code in de mail gekregen, vier, acht, twee, twee, negen, één. Die tik ik "
            "in, dan piept hij en er gebeurt niks.",
            "frustrated",
            "parcels:intent=technical_issue",
            "parcels:other",
        ),
        agent(
            "Dan moet ik u teleurstellen, u spreekt met een energieleverancier. Voor een "
            "pakketkluis moet u bij de vervoerder zijn."
        ),
        customer(
            "O, jeetje. Ik heb gewoon het eerste nummer gebeld dat ik vond. Sorry hoor.", "doubt"
        ),
        agent("Geeft niks. Succes ermee."),
        misdialled=True,
    ),
    energy(
        "blind10_energy_nl_verkeerd_plus_opzeggen",
        "nl",
        "Een beller wil haar Plus-abonnement van de pakketdienst opzeggen en denkt dat het "
        "hetzelfde bedrijf is.",
        NEUTRAL_NL,
        customer(
            "Goedemiddag. Ik wil mijn abonnement opzeggen, dat Plus-abonnement. Ik bestel bijna "
            "niks meer online.",
            "calm",
            "parcels:intent=cancel_contract",
        ),
        agent("Dat kan ik voor u nakijken. Op welke naam staat het?"),
        customer(
            "Op naam van Wilma Brouwer. Ik betaal er vier euro negenennegentig per maand voor, "
            "aan Vlotpost.",
            "calm",
            "parcels:intent=cancel_contract|billing",
        ),
        agent(
            "Ah, Vlotpost. Dan bent u bij ons verkeerd, mevrouw, wij leveren energie en internet."
        ),
        customer(
            "Hè? Ik dacht dat dat bij elkaar hoorde. Die van jullie komen toch ook aan de deur?",
            "doubt",
        ),
        agent("Nee, dat is een pakketbezorger. U kunt opzeggen via hun website of hun app."),
        customer("Nou, dan doe ik dat. Bedankt, dag.", "calm"),
        misdialled=True,
    ),
    energy(
        "blind10_energy_nl_verkeerd_bibliotheek",
        "nl",
        "Een beller met griep wil zijn bibliotheekboeken verlengen en heeft het verkeerde nummer "
        "gebeld.",
        NEUTRAL_NL,
        customer(
            "Ja, goedemiddag. Ik heb drie boeken die vandaag terug moeten, maar ik lig met griep "
            "op bed. Kan ik ze verlengen, of krijg ik dan een boete?",
            "doubt",
        ),
        agent("Boeken? Welke organisatie probeert u te bereiken?"),
        customer("De bibliotheek in Zutphen. Is dit niet de bibliotheek?", "doubt"),
        agent("Nee, helaas. U bent bij de klantenservice van een energie- en internetbedrijf."),
        customer("O, wat stom. Dan heb ik het nummer verkeerd overgenomen. Excuses.", "calm"),
        misdialled=True,
    ),
    energy(
        "blind10_energy_nl_verkeerd_zorgverzekeraar",
        "nl",
        "Een beller met een rekening van de fysiotherapeut zoekt zijn zorgverzekeraar en heeft "
        "het verkeerde nummer gebeld.",
        NEUTRAL_NL,
        customer(
            "Goedemorgen, met Kees Dijkstra. Ik heb een rekening van de fysiotherapeut gekregen "
            "van honderdtachtig euro, en ik dacht dat dat gewoon vergoed werd.",
            "frustrated",
        ),
        agent("Een rekening van de fysiotherapeut, zegt u? Heeft u een klant- of polisnummer?"),
        customer("Polisnummer is, eh, twee, vijf, acht, acht, één, zes, nul, drie.", "calm"),
        agent(
            "Dat nummer herken ik niet. Ik denk dat u uw zorgverzekeraar zoekt, wij zijn een "
            "energie- en internetbedrijf."
        ),
        customer(
            "Nou ja. Dat nummer stond op de envelop, dacht ik. Dan moet ik nog eens goed kijken.",
            "doubt",
        ),
        agent("Op uw zorgpas staat meestal het juiste nummer."),
        customer("Ja, goed idee. Dank u wel.", "calm"),
        misdialled=True,
    ),
)

BLIND10_CALLS = PARCELS_EN + PARCELS_NL + ENERGY_EN + ENERGY_NL
