"""A sixth held-out set of labelled assist calls, for both sample domains, in EN and NL.

Written on 2026-12-07, blind: without running any model and without seeing any result,
any example line or the other sets' calls. It is never used to choose anything (no floor,
threshold, prompt or model is picked on it); it only measures. Labels as in
`bench/assist_labels.py`. Per domain and language there are six calls to that company and
two that reached the wrong company (`misdialled`), with a greeting that names no company
so the agent's lines fit either one: one about the other sample company's product, one
about a different business altogether.

Since then a development set: measured blind (bench assist_abstention on f0de7f4),
its mistakes were read, and it joined the development calls the floors are
calibrated on (bench/assist_floors.DEV_CALLS). The blind figure is now
bench/assist_calls_blind11.py's.
"""

from __future__ import annotations

from audio_fixtures.generate_calls import agent, customer

from .assist_calls import GREET_EN, GREET_NL, asks_for_a_manager, parcel
from .assist_calls_energy import HELLO_EN, HELLO_NL, energy

# The misdialled calls: a greeting either company's agent could say.
NEUTRAL_EN = agent("Good afternoon, customer service, you're speaking with Mark. How can I help?")
NEUTRAL_NL = agent("Goedemiddag, klantenservice, u spreekt met Mirjam. Wat kan ik voor u doen?")

PARCELS_EN = (
    parcel(
        "blind6_parcels_en_neighbour",
        "en",
        "An elderly caller whose parcel was left with a neighbour she does not know asks for "
        "the pick-up point next time.",
        GREET_EN,
        customer("Oh hello, good morning. Sorry, I'm not very good with these phones.", "calm"),
        agent("No problem at all, take your time. What can I do for you?"),
        customer(
            "My name is Margaret Visser, I live at Lindenlaan fourteen in Haarlem, "
            "postcode two zero one two K L.",
            "calm",
        ),
        agent("Thank you, Mrs Visser. And what is the call about?"),
        customer(
            "The card says my parcel was left with a neighbour at number thirty-one, but I "
            "don't know anyone at thirty-one and nobody opens the door there.",
            "doubt",
            "intent=parcel_status",
        ),
        agent("I see it was signed for at number thirty-one yesterday at four in the afternoon."),
        customer(
            "Could it not just go to the pick-up point next time, the one in the Albert Heijn? "
            "My legs aren't what they used to be, and the cat runs out every time I open up.",
            "calm",
            "intent=address_change|parcel_status",
        ),
        agent("Of course, I can set the pick-up point as your preference for future parcels."),
        customer("Lovely, thank you dear, you've been very patient with me.", "calm"),
    ),
    parcel(
        "blind6_parcels_en_customs_business",
        "en",
        "A business customer with a shipment from the UK held for import duties wants to "
        "know whom to pay and needs a VAT invoice.",
        GREET_EN,
        customer("Hi, Tom Bakker from Bakker Bikes in Utrecht, we're a business customer.", "calm"),
        agent("Hello Mr Bakker, what can I do for you?"),
        customer(
            "We've got a shipment from Birmingham stuck, tracking V P seven seven three zero "
            "one one eight four G B. It says awaiting import duties.",
            "calm",
            "intent=parcel_status|billing",
        ),
        agent("Yes, it is waiting for the duties to be paid before we can deliver it."),
        customer(
            "Twenty-eight euros forty. I get that after Brexit, but who do I pay, you or "
            "customs directly?",
            "calm",
            "intent=billing|parcel_status",
        ),
        agent("You pay us, through the link in the message, and we pass it on to customs."),
        customer(
            "Right. And I need a proper VAT invoice for that, for the bookkeeping. Can that "
            "go to our accounts address?",
            "calm",
            "intent=billing",
        ),
        agent("Yes, the invoice is sent to the email address on the business account."),
        customer("Good, that's all then. Cheers.", "calm"),
    ),
    parcel(
        "blind6_parcels_en_damaged_manager",
        "en",
        "A coffee machine arrived soaked and broken; the caller has been sent back and forth "
        "between webshop and carrier, wants a refund and then a manager.",
        GREET_EN,
        customer(
            "Yes hello. I'm calling about a parcel that arrived absolutely smashed. Tracking "
            "number V P five five two one, zero zero nine three, N L.",
            "frustrated",
            "intent=refund_return|complaint",
        ),
        agent("I'm sorry to hear that. What was in the parcel?"),
        customer(
            "A coffee machine. The box was soaked and half open, the driver just left it on "
            "the doorstep in the pouring rain.",
            "frustrated",
            "intent=complaint|refund_return",
        ),
        agent("That should not happen. Did you contact the webshop as well?"),
        customer(
            "The webshop tells me to call you, you tell me to call the webshop. I've been "
            "going round in circles for a week now.",
            "frustrated",
            "repeat_contact",
            "intent=complaint|refund_return",
        ),
        agent("I understand. I can open a damage report for you now."),
        customer(
            "I want my money back, three hundred and nineteen euros. I'm not paying for a "
            "broken machine.",
            "frustrated",
            "intent=refund_return",
        ),
        agent("The refund of the purchase itself goes through the webshop, I'm afraid."),
        asks_for_a_manager("No. I've heard enough of that, put me through to your manager."),
    ),
    parcel(
        "blind6_parcels_en_plus_double",
        "en",
        "A Dutch caller in English: Vlotpost Plus was charged twice this month; she wants it "
        "back and wants to stop the subscription.",
        GREET_EN,
        customer(
            "Good morning, with Sanne de Jong. I have a question about my Vlotpost Plus.",
            "calm",
            "intent=billing|cancel_contract",
            "other",
        ),
        agent("Good morning. May I have your customer number?"),
        customer(
            "Yes, it is four, four, zero, one, seven, two, nine.",
            "calm",
            "intent=billing|cancel_contract",
            "other",
        ),
        agent("Thank you. What is your question?"),
        customer(
            "On my bank statement I see that you took the four ninety-nine two times this "
            "month, on the first and on the third.",
            "doubt",
            "intent=billing",
        ),
        agent("I see two payments, yes. The second one is a mistake on our side."),
        customer(
            "Okay. Actually, I don't use it so much anymore, so I want to stop it also. How "
            "do I cancel?",
            "calm",
            "intent=cancel_contract",
        ),
        agent("You can cancel it in the app under Subscription, or I can do it for you now."),
        customer(
            "Please do it. And the double payment, do I get that back automatically or must I "
            "do something for it?",
            "calm",
            "intent=billing|refund_return",
        ),
        agent("It is refunded automatically within five working days."),
        customer("Perfect, thank you very much, have a nice day.", "calm"),
    ),
    parcel(
        "blind6_parcels_en_washing_machine",
        "en",
        "A washing machine delivery booked for Thursday has to move; the caller also asks "
        "whether the old machine is taken away.",
        GREET_EN,
        customer(
            "Hi there, I'm ringing about the delivery of a washing machine. It's booked for "
            "Thursday between eight and twelve.",
            "calm",
            "intent=appointment_change|parcel_status",
        ),
        agent("Can you give me the order reference?"),
        customer(
            "Erm, yes, hang on. W H two nine three eight one.",
            "calm",
            "intent=appointment_change|parcel_status",
            "other",
        ),
        agent("Thank you, I have it. What would you like to do?"),
        customer(
            "I've just been told I have to work Thursday, so could we move it to Saturday, or "
            "a weekday after five?",
            "calm",
            "intent=appointment_change",
        ),
        agent("Saturday morning between nine and one is still free."),
        customer(
            "Oh, and will the men take the old machine away? The shop wasn't sure whether "
            "that's you or them.",
            "doubt",
            "intent=appointment_change",
            "gap",
        ),
        agent("I'll check that with the delivery team and let you know."),
        customer("Saturday morning is perfect then. Thanks ever so much.", "calm"),
    ),
    parcel(
        "blind6_parcels_en_spain_locker",
        "en",
        "A caller wants to send clothes to Spain and cannot open a parcel locker with her code.",
        GREET_EN,
        customer("Hello, hi. Quick one. Well, two actually.", "calm"),
        agent("Sure, go ahead."),
        customer(
            "I want to send a box of clothes to my daughter in Valencia. What does that cost "
            "and how long does it take?",
            "calm",
            "gap",
        ),
        agent("That depends on the weight. I can look into the rates for Spain for you."),
        customer(
            "Okay. And the other thing: yesterday I got a code for the locker at the station, "
            "but the door wouldn't open, the screen said code invalid.",
            "frustrated",
            "intent=technical_issue|parcel_status",
        ),
        agent("Do you have the tracking number of that parcel?"),
        customer(
            "V P three three zero eight, six six one two, N L. The tracking says ready for "
            "collection.",
            "calm",
            "intent=parcel_status|technical_issue",
            "other",
        ),
        agent("I'll send you a new code by text message right away."),
        customer("Great, thanks a lot.", "calm"),
    ),
    parcel(
        "blind6_parcels_en_wrong_bank",
        "en",
        "Misdialled: a caller wants her bank card blocked after a cash machine kept it.",
        NEUTRAL_EN,
        customer(
            "Hello, yes, my debit card has just been swallowed by the cash machine at the station.",
            "frustrated",
        ),
        agent("Oh dear. Can you tell me a bit more?"),
        customer(
            "I need it blocked right away. The account ends in four four zero two.", "frustrated"
        ),
        agent("I'm not sure I can help with that. Which company did you want to call?"),
        customer(
            "Isn't this the bank? I thought I got this number from the back of my card.", "doubt"
        ),
        agent("No, I'm afraid this isn't your bank."),
        customer("Oh, I'm so sorry. I'll find the right number. Bye.", "calm"),
        misdialled=True,
    ),
    parcel(
        "blind6_parcels_en_wrong_wattnet",
        "en",
        "Misdialled: a Wattnet customer working from home reports the internet down.",
        NEUTRAL_EN,
        customer(
            "Hi, our internet's been down since this morning, the light on the modem is "
            "flashing orange.",
            "frustrated",
            "energy_internet:intent=outage",
        ),
        agent("I'm sorry to hear that. Which provider are you with?"),
        customer(
            "I work from home and I've got a Teams call at two, so this is really not convenient.",
            "frustrated",
            "energy_internet:intent=outage|complaint",
            "energy_internet:other",
        ),
        agent("I understand. Do you have a customer number?"),
        customer(
            "With Wattnet it's eight eight one two zero four five.",
            "calm",
            "energy_internet:intent=outage",
            "energy_internet:other",
        ),
        agent("Ah, this isn't Wattnet, I'm afraid."),
        customer("Oh, this isn't Wattnet? Sorry, I must've tapped the wrong number.", "calm"),
        misdialled=True,
    ),
)

PARCELS_NL = (
    parcel(
        "blind6_parcels_nl_gemist",
        "nl",
        "Een beller kreeg een gemist-kaartje terwijl ze thuis was en wil dat het pakket "
        "morgen opnieuw komt.",
        GREET_NL,
        customer("Ja, goedemorgen, met mevrouw Jansen.", "calm"),
        agent("Goedemorgen mevrouw Jansen, waarmee kan ik u helpen?"),
        customer(
            "Ik woon op de Prinsengracht tweehonderdtwaalf in Amsterdam, tien zestien HB. Ik "
            "heb een kaartje in de bus gekregen dat ik niet thuis was, maar ik was gewoon "
            "thuis hoor, de bel doet het alleen niet zo goed.",
            "doubt",
            "intent=parcel_status|appointment_change",
        ),
        agent("Wat vervelend. Heeft u het trackingnummer bij de hand?"),
        customer(
            "Ja, dat staat op het kaartje. V P zes zes twee nul, één vier vijf zeven, N L.",
            "calm",
            "intent=parcel_status|appointment_change",
            "other",
        ),
        agent("Dank u. Ik zie dat er gisteren een bezorgpoging is gedaan."),
        customer(
            "Kan hij morgen nog een keer langskomen? Dan zit ik de hele dag thuis, ik heb "
            "toch niks anders te doen.",
            "calm",
            "intent=appointment_change|parcel_status",
        ),
        agent("Dat kan, ik heb het pakket voor morgen ingepland."),
        customer("Nou, fijn. Dank u wel, meneer.", "calm"),
    ),
    parcel(
        "blind6_parcels_nl_retourlabel",
        "nl",
        "Een beller wil schoenen terugsturen zonder retourlabel en vraagt wanneer ze haar geld "
        "terugkrijgt.",
        GREET_NL,
        customer("Hoi, met Femke.", "calm"),
        agent("Hoi Femke, wat kan ik voor je doen?"),
        customer(
            "Ik wil een paar schoenen terugsturen naar de webshop, maar er zat geen "
            "retourlabel in de doos.",
            "calm",
            "intent=refund_return",
        ),
        agent("Weet je of de webshop met ons verstuurt?"),
        customer(
            "Ja, het kwam met jullie. Kan ik bij jullie een retourlabel krijgen, of moet dat "
            "via de winkel?",
            "calm",
            "intent=refund_return",
        ),
        agent("Het retourlabel krijg je van de webshop, meestal via je account daar."),
        customer(
            "En als ik het vandaag bij het servicepunt inlever, hoe snel heb ik dan mijn geld "
            "terug?",
            "calm",
            "intent=refund_return",
        ),
        agent("Dat bepaalt de webshop, meestal binnen twee weken nadat zij het pakket hebben."),
        customer("Oké, dan vraag ik het bij de winkel na. Bedankt!", "calm"),
    ),
    parcel(
        "blind6_parcels_nl_bezorger_manager",
        "nl",
        "Een boze beller klaagt over een bezorger die het pakket over het hek gooide en "
        "schold, voor de derde keer, en wil een leidinggevende.",
        GREET_NL,
        customer(
            "Ja, met Van Dijk. Ik bel om een klacht in te dienen over jullie bezorger.",
            "frustrated",
            "intent=complaint",
        ),
        agent("Dat spijt me. Wat is er gebeurd?"),
        customer(
            "Die gooide vanochtend gewoon mijn pakket over het hek. Ik zag het zelf gebeuren "
            "vanuit de keuken.",
            "frustrated",
            "intent=complaint",
        ),
        agent("Dat hoort natuurlijk niet. Was het pakket beschadigd?"),
        customer(
            "Dat weet ik nog niet eens. En toen ik er wat van zei, begon hij ook nog te "
            "schelden. Dat pik ik niet.",
            "frustrated",
            "intent=complaint",
        ),
        agent("Ik noteer uw klacht en geef hem door aan de afdeling klachten."),
        customer(
            "Dit is al de derde keer met dezelfde man. Ik heb vorige maand ook al gebeld en "
            "er is niks mee gedaan.",
            "frustrated",
            "repeat_contact",
            "intent=complaint",
        ),
        agent("Ik begrijp dat u daar klaar mee bent."),
        asks_for_a_manager("Nee, ik wil nu uw leidinggevende spreken. Nu meteen."),
    ),
    parcel(
        "blind6_parcels_nl_zakelijk_verhuisd",
        "nl",
        "Een zakelijke klant is verhuisd, wil een pakket onderweg omzetten naar het nieuwe "
        "adres en vraagt naar een zakelijk tarief.",
        GREET_NL,
        customer(
            "Goedendag, u spreekt met Ahmed El Amrani, van El Amrani Installatietechniek.",
            "calm",
        ),
        agent("Goedendag meneer El Amrani, waarmee kan ik u helpen?"),
        customer(
            "Er is een pakket onderweg naar ons oude adres, Kanaalweg acht in Utrecht, maar we "
            "zitten sinds maandag op de Atoomweg vijftig.",
            "calm",
            "intent=address_change",
        ),
        agent("Heeft u de trackingcode voor me?"),
        customer(
            "V P negen nul één vier, drie drie zeven zes, N L.",
            "calm",
            "intent=address_change|parcel_status",
            "other",
        ),
        agent("Ik zie hem, hij is vandaag onderweg."),
        customer(
            "Lukt het nog om dat om te zetten, of is het al te laat? Hij staat op onderweg "
            "naar bezorger.",
            "doubt",
            "intent=address_change|parcel_status",
        ),
        agent("Ik kan een adreswijziging aanvragen, maar ik kan niet beloven dat het lukt."),
        customer(
            "Oké. En nog iets anders: wij versturen zo'n vijftig pakketten per week. Hebben "
            "jullie een zakelijk tarief, of een contract voor bedrijven?",
            "calm",
            "gap",
        ),
        agent("Daar laat ik een collega van zakelijke klanten u over bellen."),
        customer("Top, dan hoor ik dat graag. Fijne dag nog.", "calm"),
    ),
    parcel(
        "blind6_parcels_nl_douane",
        "nl",
        "Een jonge beller moet invoerrechten betalen voor een pakket uit China, vertrouwt de "
        "betaallink niet en vraagt wat er gebeurt als ze niet betaalt.",
        GREET_NL,
        customer(
            "Hallo, ik heb een vraag over invoerrechten.", "calm", "intent=billing|parcel_status"
        ),
        agent("Vertel het maar."),
        customer(
            "Ik moet ineens zeventien euro vijftig betalen voor een pakketje uit China, "
            "terwijl ik het al betaald had bij het bestellen.",
            "doubt",
            "intent=billing|parcel_status",
        ),
        agent("Bij bestellingen van buiten de EU worden vaak nog invoerrechten geheven."),
        customer(
            "Maar is dat wel echt? Ik kreeg een sms met een betaallink en ik vertrouw het "
            "eigenlijk niet zo.",
            "doubt",
            "intent=billing|parcel_status",
        ),
        agent("Goed dat u het nagaat. U kunt het ook veilig in onze app betalen."),
        customer(
            "En als ik niet betaal, wat gebeurt er dan met het pakket?",
            "calm",
            "intent=parcel_status|billing",
        ),
        agent("Dan gaat het na veertien dagen terug naar de afzender."),
        customer("Oké, duidelijk, dan betaal ik het via de app. Doei!", "calm"),
    ),
    parcel(
        "blind6_parcels_nl_plus_opzeggen_oudere",
        "nl",
        "Een oudere man wil het Plus-abonnement opzeggen dat zijn kleinzoon afsloot, komt de "
        "app niet in en vraagt het geld van deze maand terug.",
        GREET_NL,
        customer("Goedemiddag. Met Hendriks.", "calm"),
        agent("Goedemiddag meneer Hendriks, wat kan ik voor u doen?"),
        customer(
            "Mijn kleinzoon heeft een keer zo'n Plus-abonnement voor me afgesloten, maar ik "
            "gebruik het helemaal niet.",
            "calm",
            "intent=cancel_contract|billing",
        ),
        agent("Wilt u het abonnement opzeggen?"),
        customer(
            "Ja, ik wil het opzeggen. Maar in die app kom ik niet meer in, hij zegt steeds "
            "dat mijn wachtwoord fout is.",
            "frustrated",
            "intent=cancel_contract|technical_issue",
        ),
        agent("Dat kan ik ook voor u doen. Heeft u uw klantnummer?"),
        customer(
            "Mijn klantnummer? Wacht even, dat heb ik hier ergens. Vijf drie nul nul acht "
            "één twee.",
            "calm",
            "intent=cancel_contract|technical_issue",
            "other",
        ),
        agent("Dank u. Ik heb het abonnement opgezegd."),
        customer(
            "En krijg ik het geld van deze maand nog terug? Het is pas de vijfde.",
            "calm",
            "intent=billing|refund_return|cancel_contract",
        ),
        agent(
            "Het abonnement loopt tot het einde van de maand, daarna wordt er niets meer afgeschreven."
        ),
        customer("Dank u wel, jongeman, heel vriendelijk.", "calm"),
    ),
    parcel(
        "blind6_parcels_nl_verkeerd_apotheek",
        "nl",
        "Verkeerd verbonden: een oudere beller vraagt naar haar herhaalrecept.",
        NEUTRAL_NL,
        customer("Goedemiddag, ik bel voor mijn herhaalrecept, de bloeddrukpillen.", "calm"),
        agent("Pardon, waar belt u over?"),
        customer(
            "Mijn herhaalrecept. Van den Berg, geboren twaalf maart negentienachtenveertig.", "calm"
        ),
        agent("Ik denk dat u verkeerd verbonden bent."),
        customer(
            "Kan ik die morgen ophalen, of moet de huisarts nog tekenen?",
            "doubt",
        ),
        agent("Dit is niet de apotheek, mevrouw."),
        customer(
            "O, u bent de apotheek niet? Dan heb ik het verkeerde nummer gedraaid, neem me "
            "niet kwalijk.",
            "calm",
        ),
        misdialled=True,
    ),
    parcel(
        "blind6_parcels_nl_verkeerd_wattnet",
        "nl",
        "Verkeerd verbonden: een Wattnet-klant moet veel bijbetalen op de jaarafrekening en "
        "twijfelt aan de meterstand.",
        NEUTRAL_NL,
        customer(
            "Ja hallo, ik heb net mijn jaarafrekening gekregen en ik moet zeshonderdveertig "
            "euro bijbetalen.",
            "frustrated",
            "energy_internet:intent=billing",
        ),
        agent("Dat is een flink bedrag. Waar gaat het om?"),
        customer(
            "Dat kan toch niet kloppen, de meterstand die erop staat is veel hoger dan wat ik "
            "heb doorgegeven.",
            "frustrated",
            "energy_internet:intent=meter_reading|billing",
        ),
        agent("Welke stand staat er nu op de meter?"),
        customer(
            "Drieëntwintigduizend vierhonderdzeventien. Dat heb ik vanochtend nog gecontroleerd.",
            "calm",
            "energy_internet:intent=meter_reading|billing",
        ),
        agent("Bij welk bedrijf heeft u het contract?"),
        customer(
            "Bij Wattnet. O, zit ik niet bij Wattnet? Sorry, dan heb ik het verkeerde nummer "
            "van de brief overgenomen.",
            "calm",
        ),
        misdialled=True,
    ),
)

ENERGY_EN = (
    energy(
        "blind6_energy_en_power_street",
        "en",
        "The whole street has no electricity since early morning; the caller worries about "
        "her freezer and asks about compensation.",
        HELLO_EN,
        customer(
            "Hello? Yes, good morning, sorry, I'm calling because we've got no electricity.",
            "doubt",
            "intent=outage",
        ),
        agent("I'm sorry to hear that. Is it only your home?"),
        customer(
            "No, it's not just us, the whole street is dark, the neighbours across the road as "
            "well. Since about half past six.",
            "calm",
            "intent=outage",
        ),
        agent("Can you give me your postcode and house number?"),
        customer(
            "Three five eight one G E, number seventeen.",
            "calm",
            "intent=outage",
            "other",
        ),
        agent("There is a known fault in your area; the network operator is working on it."),
        customer(
            "How long is this going to take? My freezer is full, I did the big shop yesterday.",
            "frustrated",
            "intent=outage",
        ),
        agent("They expect it to be fixed by around noon."),
        customer(
            "And will I get anything back if the food goes off?",
            "doubt",
            "intent=outage|complaint|billing",
        ),
        agent("For a long outage the network operator pays a fixed compensation."),
        customer("Alright. Thank you, love.", "calm"),
    ),
    energy(
        "blind6_energy_en_solar",
        "en",
        "A Dutch caller in English with new solar panels asks about the feed-in payment, "
        "lowering his instalment and whether to buy a home battery.",
        HELLO_EN,
        customer(
            "Good afternoon, here is Johan Mulder. I have a question about my solar panels.",
            "calm",
            "intent=contract|billing",
            "other",
        ),
        agent("Good afternoon Mr Mulder, go ahead."),
        customer(
            "Since March we have twelve panels on the roof, and now I want to know what you "
            "pay me for the electricity I give back to the net.",
            "calm",
            "intent=contract|billing",
        ),
        agent("That depends on your contract. You have a variable tariff, let me look it up."),
        customer(
            "And my monthly amount, that can go down now, no? I pay a hundred and eighty euros "
            "and I produce a lot myself.",
            "calm",
            "intent=billing",
        ),
        agent("Yes, you can lower your instalment in the app, or I can do it for you."),
        customer(
            "Last thing. Is it smart to buy a home battery now that the netting scheme stops? "
            "Do you sell those also?",
            "doubt",
            "intent=contract",
            "gap",
        ),
        agent("I'll have to ask a colleague about that."),
        customer("Okay, fine. Thank you, goodbye.", "calm"),
    ),
    energy(
        "blind6_energy_en_slow_wifi",
        "en",
        "A brief, irritated caller has slow wifi upstairs, already restarted the modem and "
        "wants a technician.",
        HELLO_EN,
        customer("Hiya. Internet's been rubbish all week.", "frustrated", "intent=outage"),
        agent("Sorry about that. Is it down completely, or slow?"),
        customer(
            "It's not down, it's just dead slow upstairs. I'm paying for five hundred megabit "
            "and I'm getting about twenty in the bedroom.",
            "frustrated",
            "intent=outage",
        ),
        agent("Have you tried restarting the modem?"),
        customer(
            "Yes, I've turned it off and on, twice. Did that before I rang.",
            "frustrated",
            "intent=outage",
        ),
        agent("The line itself looks fine from here."),
        customer(
            "Can you not just send someone round to have a look? I'm in all day Tuesday.",
            "frustrated",
            "intent=appointment|outage",
        ),
        agent("I can book a technician for Tuesday morning."),
        customer(
            "Go on then. Would one of those wifi boosters help, and do you lot sell them?",
            "calm",
            "intent=outage|contract",
        ),
        agent("A mesh point usually helps; I'll send you our offer."),
        customer("Cheers.", "calm"),
    ),
    energy(
        "blind6_energy_en_moving_couple",
        "en",
        "An elderly couple move to a flat; the caller wants energy and internet at the new "
        "address and asks about meter readings.",
        HELLO_EN,
        customer(
            "Good morning. My name is Peter Claes, I'm calling because my wife and I are moving "
            "into a flat in Amersfoort.",
            "calm",
            "intent=moving",
        ),
        agent("Congratulations. When is the move?"),
        customer(
            "We get the keys on the fifteenth of January, and we leave the house in Soest on "
            "the thirty-first.",
            "calm",
            "intent=moving",
        ),
        agent("And the new address?"),
        customer(
            "Stationsplein four B, postcode three eight one eight L E.",
            "calm",
            "intent=moving",
            "other",
        ),
        agent("Thank you. I've registered the move for both dates."),
        customer(
            "Will the internet work from the first day? My wife watches her programmes, she'd "
            "be lost without them.",
            "doubt",
            "intent=moving|appointment",
        ),
        agent("We'll send a new modem; if the connection needs work a technician will come."),
        customer(
            "And the meter readings, do I give them to you or to the new owners?",
            "doubt",
            "intent=meter_reading|moving",
        ),
        agent("You give them to us, for both addresses, on the day of the move."),
        customer("Very good. Thank you, you've been most helpful.", "calm"),
    ),
    energy(
        "blind6_energy_en_reminder_manager",
        "en",
        "A caller got a reminder with a fee for a bill she never received, cannot pay it at "
        "once, and asks for a manager when a promised fee removal did not happen.",
        HELLO_EN,
        customer(
            "I got a reminder with a fifteen euro fee on it, for a bill I never even received.",
            "frustrated",
            "intent=billing|complaint",
        ),
        agent("I'm sorry. Can I have your customer number?"),
        customer(
            "Six six zero nine three one two. The bill was for four hundred and twelve euros.",
            "calm",
            "intent=billing",
            "other",
        ),
        agent("I see it, it was sent by email on the third."),
        customer(
            "I can't pay that in one go, I've just lost my job. Can I pay it off in bits?",
            "doubt",
            "intent=billing",
        ),
        agent("We can set up a payment arrangement over a few months."),
        customer(
            "And your colleague yesterday promised to take the fee off, and it's still there.",
            "frustrated",
            "repeat_contact",
            "intent=complaint|billing",
        ),
        agent("I can't see a note about that, I'm afraid."),
        asks_for_a_manager("I'm done with this. I want a manager, not another promise."),
    ),
    energy(
        "blind6_energy_en_leaving_heat_pump",
        "en",
        "A caller with a cheaper offer elsewhere thinks of leaving, asks about the early exit "
        "fee and a tariff for her new heat pump.",
        HELLO_EN,
        customer("Hi, Lisa here, customer number seven two zero four four eight one.", "calm"),
        agent("Hi Lisa, what can I do for you?"),
        customer(
            "I've had an offer from another supplier that's quite a bit cheaper, so I'm "
            "thinking of leaving.",
            "churn_threat",
            "intent=cancel_contract|contract",
        ),
        agent("I'm sorry to hear that. Can I see what I can do?"),
        customer(
            "My contract's fixed until June. Is there a fine if I leave earlier?",
            "calm",
            "intent=cancel_contract|contract",
        ),
        agent("Yes, there is an early termination fee; let me work it out."),
        customer(
            "Unless you can do something for me. We've just got a heat pump, so we'll use a "
            "lot more electricity. Do you have a special tariff for that?",
            "calm",
            "intent=contract",
            "gap",
        ),
        agent("I can make you an offer for a new fixed contract."),
        customer(
            "Alright, send it to me by email then and I'll compare.",
            "calm",
            "intent=contract",
            "other",
        ),
    ),
    energy(
        "blind6_energy_en_wrong_gym",
        "en",
        "Misdialled: a caller with a broken ankle wants to freeze her gym membership.",
        NEUTRAL_EN,
        customer(
            "Hi, I'd like to freeze my membership for two months, I've broken my ankle.",
            "calm",
        ),
        agent("Sorry to hear that. Which membership is it?"),
        customer("The membership number is G four four one nine.", "calm"),
        agent("I can't find that number with us."),
        customer("Is this not the gym on the Westerstraat?", "doubt"),
        agent("No, I'm afraid you've reached the wrong company."),
        customer("Oh, how silly of me. Sorry to bother you, bye.", "calm"),
        misdialled=True,
    ),
    energy(
        "blind6_energy_en_wrong_vlotpost",
        "en",
        "Misdialled: a caller chases a Vlotpost parcel that has been out for delivery for "
        "four days.",
        NEUTRAL_EN,
        customer(
            "Hello, I'm calling about a parcel that should've arrived last Friday.",
            "calm",
            "parcels:intent=parcel_status",
        ),
        agent("Do you have a tracking number?"),
        customer(
            "The tracking number is V P two two eight four, five five one zero, N L.",
            "calm",
            "parcels:intent=parcel_status",
            "parcels:other",
        ),
        agent("What does the tracking say?"),
        customer(
            "It's said out for delivery for four days now. I think it's lost.",
            "frustrated",
            "parcels:intent=parcel_status|refund_return",
        ),
        agent("Which company is delivering it?"),
        customer("Vlotpost. Oh, I see, you're not Vlotpost. Sorry, wrong number.", "calm"),
        misdialled=True,
    ),
)

ENERGY_NL = (
    energy(
        "blind6_energy_nl_storing_zzp",
        "nl",
        "Een zzp'er heeft sinds gisteravond geen internet en tv, heeft het modem al herstart "
        "en vraagt of hij iets terugkrijgt.",
        HELLO_NL,
        customer("Goedemorgen, met Kees de Wit. Ik zit bij jullie voor internet en tv.", "calm"),
        agent("Goedemorgen meneer De Wit, waarmee kan ik helpen?"),
        customer(
            "Sinds gisteravond doet helemaal niks het meer. Geen internet, geen tv, en het "
            "lampje van het modem knippert rood.",
            "frustrated",
            "intent=outage",
        ),
        agent("Heeft u het modem al opnieuw opgestart?"),
        customer(
            "Ja, ik heb hem al een paar keer uit en aan gezet, kabeltje eruit, kabeltje erin. "
            "Niks.",
            "frustrated",
            "intent=outage",
        ),
        agent("Wat is uw postcode en huisnummer?"),
        customer("Vijf zes één één A B, huisnummer drie.", "calm", "intent=outage", "other"),
        agent("Ik zie een storing in uw wijk, er wordt aan gewerkt."),
        customer(
            "Ik werk vanuit huis, ik ben zzp'er, dus dit kost me gewoon geld. Krijg ik daar "
            "nog iets voor terug?",
            "frustrated",
            "intent=outage|complaint|billing",
        ),
        agent("Bij een storing van meer dan twaalf uur krijgt u een vergoeding op uw factuur."),
        customer("Oké. Dank je, ik hoor het wel.", "calm"),
    ),
    energy(
        "blind6_energy_nl_slimme_meter_termijn",
        "nl",
        "De slimme meter geeft al weken geen verbruik door en het termijnbedrag is verhoogd.",
        HELLO_NL,
        customer("Dag, u spreekt met mevrouw Bos-Hoekstra.", "calm"),
        agent("Dag mevrouw Bos, wat kan ik voor u doen?"),
        customer(
            "In de app staat al drie weken geen verbruik meer, en ik heb toch zo'n slimme meter.",
            "doubt",
            "intent=meter_reading",
        ),
        agent("Ik zie dat uw meter sinds half oktober geen gegevens meer doorgeeft."),
        customer(
            "Moet ik nu zelf de standen doorgeven? Ik weet eerlijk gezegd niet eens hoe je dat "
            "afleest.",
            "doubt",
            "intent=meter_reading",
        ),
        agent("Dat hoeft nu niet; de netbeheerder kijkt ernaar."),
        customer(
            "En mijn termijnbedrag is net verhoogd naar tweehonderdtwaalf euro, dat is bijna "
            "vijftig euro meer. Komt dat door die meter?",
            "doubt",
            "intent=billing|meter_reading",
        ),
        agent("Het bedrag is geschat omdat de standen ontbreken; dat passen we straks aan."),
        customer("Goed, dan wacht ik het even af. Bedankt voor de uitleg.", "calm"),
    ),
    energy(
        "blind6_energy_nl_samenwonen",
        "nl",
        "Een jonge beller gaat samenwonen, neemt het contract mee en vraagt naar een groter "
        "internetpakket.",
        HELLO_NL,
        customer(
            "Hoi! Wij gaan samenwonen en ik wil mijn contract meenemen naar het nieuwe huis.",
            "calm",
            "intent=moving|contract",
        ),
        agent("Leuk! Wat wordt het nieuwe adres?"),
        customer(
            "Vondelstraat achtentachtig, twee vijf één drie E X, Den Haag. Per één februari.",
            "calm",
            "intent=moving",
            "other",
        ),
        agent("Ik heb de verhuizing genoteerd."),
        customer(
            "Mijn vriendin heeft nu zelf internet bij een andere partij. Moet zij dat dan zelf "
            "opzeggen?",
            "doubt",
            "intent=moving|contract|cancel_contract",
        ),
        agent("Ja, dat zegt zij zelf op bij haar eigen aanbieder."),
        customer(
            "En is het slim om meteen een groter internetpakket te nemen? We werken allebei thuis.",
            "calm",
            "intent=contract",
        ),
        agent("Met twee thuiswerkers raad ik het pakket van duizend megabit aan."),
        customer("Dan doen we dat. Super, bedankt!", "calm"),
    ),
    energy(
        "blind6_energy_nl_monteur_manager",
        "nl",
        "De monteur kwam voor de tweede keer niet opdagen; de beller nam vrij en wil een "
        "leidinggevende.",
        HELLO_NL,
        customer(
            "Ik heb vandaag vrij genomen, omdat jullie monteur tussen acht en één zou komen.",
            "frustrated",
            "intent=appointment|complaint",
        ),
        agent("Dat klopt, ik zie de afspraak staan."),
        customer(
            "Het is nu kwart over twee en er is niemand geweest. Niet gebeld, niks.",
            "frustrated",
            "intent=appointment|complaint",
        ),
        agent("Dat spijt me. Mag ik het afspraaknummer?"),
        customer("A zeven zeven één nul twee.", "frustrated", "intent=appointment", "other"),
        agent("Dank u. Ik zie geen melding van de monteur."),
        customer(
            "Dit is al de tweede keer. Vorige week precies hetzelfde verhaal.",
            "frustrated",
            "repeat_contact",
            "intent=complaint|appointment",
        ),
        agent("Ik kan een nieuwe afspraak voor morgenochtend inplannen."),
        asks_for_a_manager(
            "Nee, ik wil geen nieuwe afspraak van u, ik wil uw leidinggevende spreken. Nu."
        ),
    ),
    energy(
        "blind6_energy_nl_jaarafrekening_oudere",
        "nl",
        "Een oudere man begrijpt zijn jaarafrekening niet en geeft een nieuw rekeningnummer door.",
        HELLO_NL,
        customer(
            "Goedemiddag, u spreekt met meneer Van Leeuwen. Ik ben vierentachtig, dus u moet "
            "even geduld met me hebben.",
            "calm",
        ),
        agent("Natuurlijk, meneer Van Leeuwen. Waarmee kan ik u helpen?"),
        customer(
            "Ik heb de jaarafrekening gekregen en ik begrijp er werkelijk niks van. Krijg ik "
            "nou geld terug of moet ik betalen?",
            "doubt",
            "intent=billing",
        ),
        agent("Wat staat er onderaan de afrekening?"),
        customer("Er staat: te ontvangen, zesentachtig euro twaalf.", "calm", "intent=billing"),
        agent("Dan krijgt u dat bedrag van ons terug."),
        customer(
            "En ik heb een nieuwe bankrekening, want de bank in het dorp is dichtgegaan. Het "
            "nummer is N L twintig I N G B nul nul nul één twee drie vier vijf zes zeven.",
            "calm",
            "intent=billing",
        ),
        agent("Ik heb het nieuwe rekeningnummer voor u aangepast."),
        customer(
            "Wordt die zesentachtig euro dan op de nieuwe rekening gestort?",
            "doubt",
            "intent=billing",
        ),
        agent("Ja, binnen tien werkdagen."),
        customer("Dank u wel, mevrouw. Mijn vrouw deed dit altijd, weet u.", "calm"),
    ),
    energy(
        "blind6_energy_nl_bakkerij_gas",
        "nl",
        "Een bakkerij gaat van het gas af, wil het gascontract opzeggen en vraagt wie de "
        "gasaansluiting weghaalt.",
        HELLO_NL,
        customer("Goedemorgen, met Ria Smit van Bakkerij Smit in Zwolle.", "calm"),
        agent("Goedemorgen mevrouw Smit, waarmee kan ik u helpen?"),
        customer(
            "Wij gaan helemaal van het gas af, we hebben elektrische ovens laten plaatsen.",
            "calm",
            "intent=cancel_contract|contract",
        ),
        agent("Wat wilt u met uw contracten doen?"),
        customer(
            "Dus het gascontract mag eraf, maar de stroom houden we natuurlijk.",
            "calm",
            "intent=cancel_contract|contract",
        ),
        agent("Dat kan ik regelen. Mag ik uw klantnummer?"),
        customer(
            "Negen één nul drie drie zes vier, het zakelijke nummer.",
            "calm",
            "intent=cancel_contract|contract",
            "other",
        ),
        agent("Dank u, ik zie beide contracten."),
        customer(
            "En moet ik de gasaansluiting dan ook bij jullie laten weghalen, of bij de "
            "netbeheerder? En wat kost dat?",
            "doubt",
            "intent=cancel_contract|appointment",
            "gap",
        ),
        agent("Dat zoek ik voor u uit en ik stuur het per mail."),
        customer("Prima, stuur het maar op de mail. Dag!", "calm"),
    ),
    energy(
        "blind6_energy_nl_verkeerd_telefoonwinkel",
        "nl",
        "Verkeerd verbonden: een beller met een gebarsten telefoonscherm zoekt de "
        "telefoonwinkel waar hij een verzekering afsloot.",
        NEUTRAL_NL,
        customer(
            "Goeiemiddag. Mijn telefoonscherm is gebarsten en ik heb bij de aankoop een "
            "verzekering bij jullie afgesloten.",
            "calm",
        ),
        agent("Welk toestel heeft u?"),
        customer("Het is een Samsung, gekocht in de winkel in Breda, vorig jaar november.", "calm"),
        agent("Ik kan u niet vinden in ons systeem."),
        customer("Kan ik hem niet gewoon langsbrengen voor de reparatie?", "doubt"),
        agent("Wij zijn geen telefoonwinkel, meneer."),
        customer(
            "O, dit is de telefoonwinkel niet? Sorry, dan heb ik het verkeerde nummer. Fijne dag.",
            "calm",
        ),
        misdialled=True,
    ),
    energy(
        "blind6_energy_nl_verkeerd_vlotpost",
        "nl",
        "Verkeerd verbonden: een Vlotpost-pakket is niet te vinden bij het afhaalpunt en gaat "
        "morgen terug naar de afzender.",
        NEUTRAL_NL,
        customer(
            "Hallo, ik moet een pakket ophalen bij het afhaalpunt, maar de supermarkt zegt dat "
            "het er niet is.",
            "frustrated",
            "parcels:intent=parcel_status",
        ),
        agent("Van welke vervoerder is het pakket?"),
        customer(
            "Van Vlotpost. De code is V P één één vijf nul, acht acht vier twee, N L.",
            "calm",
            "parcels:intent=parcel_status",
            "parcels:other",
        ),
        agent("En wat zegt de app?"),
        customer(
            "Het staat al zes dagen op klaar om op te halen, en morgen gaat het volgens de app "
            "terug naar de afzender.",
            "frustrated",
            "parcels:intent=parcel_status|refund_return",
        ),
        agent("Wij zijn Vlotpost niet, ben ik bang."),
        customer(
            "Bent u niet van Vlotpost? O, sorry, ik dacht dat dit het nummer uit de app was.",
            "calm",
        ),
        misdialled=True,
    ),
)

BLIND6_CALLS = PARCELS_EN + PARCELS_NL + ENERGY_EN + ENERGY_NL
