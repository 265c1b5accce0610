"""A ninth held-out set of labelled assist calls, for both sample domains, in EN and NL.

Written on 2026-12-07, blind: without running any model and without seeing any result, any
example line or the other sets' calls; never used to choose anything, it only measured. Labels
as in `bench/assist_labels.py`. Per domain and language: six calls to that company and two
that reached the wrong company (`misdialled`), opened with a greeting that names no company:
one about the other sample company's business, one about an unrelated business.

Since then a development set: measured blind (bench assist_abstention on 04e92c8), its
mistakes were read, and it joined the development calls the floors are calibrated on
(bench/assist_floors.DEV_CALLS). The blind figure is now bench/assist_calls_blind11.py's.
"""

from __future__ import annotations

from audio_fixtures.generate_calls import agent, customer

from .assist_calls import GREET_EN, GREET_NL, asks_for_a_manager, parcel
from .assist_calls_energy import HELLO_EN, HELLO_NL, energy

# Greetings of a contact centre that names no company: the caller may have reached anyone.
NEUTRAL_EN = agent("Good afternoon, customer service, you're speaking with Rashid. How can I help?")
NEUTRAL_NL = agent("Goedemiddag, klantenservice, u spreekt met Wouter. Wat kan ik voor u doen?")

PARCELS_EN = (
    parcel(
        "blind9_parcels_en_locker_code_elderly",
        "en",
        "An elderly caller with a vague opening whose parcel locker code is refused.",
        GREET_EN,
        customer("Oh hello, yes, uh, good morning, dear.", "calm"),
        agent("Good morning. What can I do for you?"),
        customer(
            "I have a question about something I got. A text message, on my phone, with a "
            "code in it, for a sort of box at the supermarket.",
            "doubt",
            "intent=parcel_status|technical_issue",
        ),
        agent("That sounds like a parcel locker pickup code. Did you try to open the locker?"),
        customer(
            "Yes, my neighbour drove me there this morning, and I typed the numbers, four, "
            "seven, one, one, nine, two, and the little screen said the code was not valid. "
            "Twice.",
            "frustrated",
            "intent=technical_issue",
        ),
        agent("I'm sorry about that. Is there a tracking number in the same message?"),
        customer(
            "Uh, let me find my glasses. It says V P, zero zero eight, three one five, six two.",
            "calm",
            "intent=technical_issue|parcel_status",
            "other",
        ),
        agent("Thank you. I'll send a new code to your phone in a minute."),
        customer(
            "And how long will it stay in that box? I can't go back every day, I don't drive "
            "anymore.",
            "doubt",
            "intent=parcel_status|technical_issue",
        ),
    ),
    parcel(
        "blind9_parcels_en_webshop_customs_invoice",
        "en",
        "A small webshop owner needs VAT invoices for customs fees and asks about business rates.",
        GREET_EN,
        customer(
            "Hi Daniel, this is Aisha Mensah from Green Thread, we're a small online shop in "
            "Utrecht.",
            "calm",
        ),
        agent("Hello Ms Mensah, what can I do for you?"),
        customer(
            "We had three boxes of fabric come in from a supplier in Leeds, and each one had a "
            "customs charge of twenty-three euros fifty. I paid them, but I need a proper "
            "invoice for my bookkeeping.",
            "calm",
            "intent=billing",
        ),
        agent(
            "You can download a receipt for every import charge in your account, under payments."
        ),
        customer(
            "Right, I found those, but they don't show a VAT amount. Is the invoice a separate "
            "document, or do I have to ask for it?",
            "doubt",
            "intent=billing",
        ),
        agent("I can have the invoices with VAT sent to your email address."),
        customer(
            "Lovely. Oh, and we're starting to send about two hundred parcels a month ourselves. "
            "Do you do a business contract with lower rates for that kind of volume?",
            "calm",
            "gap",
        ),
        agent("That's our business desk. I'll ask them to call you back this week."),
        customer("Great, thanks a lot.", "calm"),
    ),
    parcel(
        "blind9_parcels_en_son_for_father_lost",
        "en",
        "A son calls for his father: a parcel marked as left with an empty house next door.",
        GREET_EN,
        customer(
            "Hello. I'm calling on behalf of my dad, he's eighty-six and a bit hard of hearing, "
            "so he asked me to ring.",
            "calm",
        ),
        agent("Of course. What's it about?"),
        customer(
            "He ordered a new blood pressure monitor, and the tracking says it was delivered on "
            "Tuesday at ten past two. But he was home all day and nobody rang the bell.",
            "doubt",
            "intent=parcel_status|refund_return",
        ),
        agent("Let me have a look. Could I have the tracking code?"),
        customer(
            "It's V P, one four four, two zero nine, eight eight. And his postcode is three five "
            "one two, A B.",
            "calm",
            "intent=parcel_status",
            "other",
        ),
        agent("The driver registered it as left with a neighbour, at number fourteen."),
        customer(
            "Number fourteen has been empty for months, the house is for sale! So your driver "
            "just made that up?",
            "frustrated",
            "intent=complaint|parcel_status",
        ),
        agent("I understand, that's not right. I'll open an investigation straight away."),
        customer(
            "And if it doesn't turn up, does he get his money back from you, or does he have to "
            "go to the shop?",
            "doubt",
            "intent=refund_return",
        ),
    ),
    parcel(
        "blind9_parcels_en_plus_still_charged",
        "en",
        "A caller still charged for a Vlotpost Plus he cancelled demands a supervisor.",
        GREET_EN,
        customer(
            "Yeah, hi. I cancelled my Vlotpost Plus in September and you've taken money off my "
            "account again this month. Nine ninety-nine.",
            "frustrated",
            "intent=cancel_contract|billing",
        ),
        agent("I'm sorry to hear that. Can you give me your customer number?"),
        customer(
            "Customer number is, uh, P L, seven seven zero, four one three.",
            "calm",
            "intent=cancel_contract|billing",
            "other",
        ),
        agent("I see a cancellation request from September, but it was never confirmed."),
        customer(
            "Never confirmed? I got an email saying, and I quote, your request has been "
            "received. What else was I supposed to do?",
            "frustrated",
            "intent=complaint|cancel_contract",
        ),
        agent("I can cancel it right now and refund this month's charge."),
        asks_for_a_manager(
            "No, this is the second time this has happened with you lot. I want to talk to your "
            "supervisor. Now."
        ),
        agent("I'll ask my team leader to call you back today."),
    ),
    parcel(
        "blind9_parcels_en_student_move_and_return",
        "en",
        "A student moving out redirects a parcel and asks how to send a jacket back.",
        GREET_EN,
        customer(
            "Hey, hi, um, so, quick question, I'm, sorry, I'm walking outside. I've got a parcel "
            "coming tomorrow, but I'm moving out of my student room today.",
            "calm",
            "intent=address_change|appointment_change",
        ),
        agent("No problem. Would you like it delivered to a different address?"),
        customer(
            "Yes please, to my parents'. It's Kerkstraat twelve in Amersfoort, three eight one "
            "one, C D.",
            "calm",
            "intent=address_change",
            "other",
        ),
        agent("Done, it hasn't left the depot yet. Anything else I can do?"),
        customer(
            "Actually, yes. There's a jacket I got last week through you, it's the wrong size. "
            "Can I just drop it at one of your points, or do I need a label from the shop first?",
            "doubt",
            "intent=refund_return",
        ),
        agent("You'll need the return label from the shop; then any Vlotpost point takes it."),
        customer(
            "Okay, and is it free to send back, or do I pay for that?",
            "doubt",
            "intent=refund_return|billing",
        ),
        agent("If the shop gives you a return label, it's free for you."),
        customer("Cool, cheers.", "calm"),
    ),
    parcel(
        "blind9_parcels_en_bike_battery_abroad",
        "en",
        "A non-native caller asks about posting a bike battery abroad and cannot log in.",
        GREET_EN,
        customer(
            "Good morning. I want to send, how do you say, a package to my brother in Porto, in "
            "Portugal.",
            "calm",
        ),
        agent("Of course. What would you like to send?"),
        customer(
            "It is the battery of an electric bicycle. Lithium. Is this allowed, in a normal "
            "box, to Portugal?",
            "doubt",
            "gap",
        ),
        agent("I'll need to check that with our specialists, I'm not sure it's allowed."),
        customer(
            "Also, I try to make the label in your app, but it says my password is wrong, and I "
            "changed it yesterday. Two times already.",
            "frustrated",
            "intent=technical_issue",
        ),
        agent("Let me look at your account. What's the email address?"),
        customer(
            "It is, uh, r dot okafor, at mail dot com. R, O, K, A, F, O, R.",
            "calm",
            "intent=technical_issue",
            "other",
        ),
        agent("Your account was locked after too many attempts. I've unlocked it."),
        customer("Okay. Thank you very much, you are very kind.", "calm"),
    ),
    parcel(
        "blind9_parcels_en_misdialled_power_cut",
        "en",
        "A caller reports a power cut in her street to the wrong company.",
        NEUTRAL_EN,
        customer(
            "Hello, yes, the power's been gone in our whole street since about six this morning. "
            "Is there an outage?",
            "frustrated",
            "energy_internet:intent=outage",
        ),
        agent("I'm sorry, which company were you trying to reach?"),
        customer("The electricity people. Isn't this the number on my bill?", "doubt"),
        agent("No, I'm afraid you've reached a parcel delivery service."),
        customer(
            "Oh no. Well, my freezer is full, do you know how long these things usually last?",
            "doubt",
            "energy_internet:intent=outage",
        ),
        agent("I don't, I'm sorry. The number for power cuts should be on your energy bill."),
        customer("Right. Sorry for bothering you.", "calm"),
        misdialled=True,
    ),
    parcel(
        "blind9_parcels_en_misdialled_dentist",
        "en",
        "A caller tries to move a dental check-up and has dialled the wrong number.",
        NEUTRAL_EN,
        customer(
            "Hi, I'm calling to move my check-up on Thursday, I've got a work thing that day.",
            "calm",
        ),
        agent("I'm sorry, which practice did you want to call?"),
        customer("Doctor Vermeulen's, the dentist. On the Maliesingel.", "doubt"),
        agent("This isn't the dental practice, I'm afraid."),
        customer("Oh, how embarrassing. I must have typed a wrong number. Sorry!", "calm"),
        misdialled=True,
    ),
)

PARCELS_NL = (
    parcel(
        "blind9_parcels_nl_wasmachine_ziekenhuis",
        "nl",
        "Een oudere dame verzet de bezorging en aansluiting van haar wasmachine.",
        GREET_NL,
        customer(
            "Ja, goeiemorgen, met mevrouw Van der Laan. Ik bel eh, vanwege die wasmachine.",
            "calm",
            "intent=parcel_status|appointment_change",
            "other",
        ),
        agent("Goedemorgen mevrouw. Wat kan ik voor u doen?"),
        customer(
            "Die zouden ze donderdag komen brengen en aansluiten, maar nou moet ik donderdag "
            "naar het ziekenhuis, voor mijn heup. Kan dat niet een andere dag?",
            "doubt",
            "intent=appointment_change",
        ),
        agent("Dat kan zeker. Heeft u de postcode en het huisnummer voor mij?"),
        customer(
            "De postcode is zeven vier één één, K L. Huisnummer achtendertig.",
            "calm",
            "intent=appointment_change",
            "other",
        ),
        agent("Ik heb nog plek op maandagochtend tussen acht en twaalf, of dinsdagmiddag."),
        customer(
            "Doe maar dinsdagmiddag, dan is mijn dochter er ook. Die weet hoe dat allemaal moet "
            "met die slangen.",
            "calm",
            "intent=appointment_change",
        ),
        agent("Staat genoteerd: dinsdagmiddag tussen één en vijf."),
        customer("Nou, fijn hoor. Dank u wel, jongen.", "calm"),
    ),
    parcel(
        "blind9_parcels_nl_tv_beschadigd",
        "nl",
        "Een beller met een gebarsten tv kan geen foto's uploaden en klaagt over de bezorger.",
        GREET_NL,
        customer(
            "Hoi, met Kevin de Boer. Ik heb gisteren een televisie binnengekregen, de doos was "
            "helemaal ingedeukt en het scherm blijkt gebarsten.",
            "calm",
            "intent=refund_return",
        ),
        agent("Wat vervelend. Heeft u er foto's van gemaakt?"),
        customer(
            "Ja, maar ik probeer die in de app te uploaden bij die schademelding en hij blijft "
            "maar hangen op laden.",
            "frustrated",
            "intent=technical_issue|refund_return",
        ),
        agent("U kunt de foto's ook mailen, dan koppel ik ze aan uw melding."),
        customer(
            "En de bezorger zei nog, ik teken wel even voor u, dan hoeft u niet naar beneden te "
            "komen. Dat vond ik toen al raar eigenlijk.",
            "frustrated",
            "intent=complaint",
        ),
        agent("Dat had hij niet mogen doen. Dat geef ik door."),
        customer(
            "Dus wie betaalt dit nou, jullie of de winkel? Dat ding kostte zevenhonderd euro.",
            "doubt",
            "intent=refund_return",
        ),
        agent("Wij behandelen de schadeclaim, omdat de schade tijdens het vervoer is ontstaan."),
    ),
    parcel(
        "blind9_parcels_nl_garage_invoerrechten",
        "nl",
        "Een garagehouder wil invoerrechten op één factuur en mist een betaallink.",
        GREET_NL,
        customer(
            "Goedemorgen, met Hendriks van Autobedrijf Hendriks in Tiel. Wij krijgen veel "
            "onderdelen uit Amerika via jullie.",
            "calm",
        ),
        agent("Goedemorgen meneer Hendriks, waarmee kan ik u helpen?"),
        customer(
            "Ik krijg steeds van die betaalverzoeken voor invoerrechten, per pakket, met een "
            "linkje. Mijn boekhouder wordt er gek van. Kan dat niet gewoon op één factuur?",
            "doubt",
            "intent=billing",
        ),
        agent("Dat kan met een zakelijk account; dan krijgt u één factuur per maand."),
        customer(
            "En dan nog wat. Er staat er eentje al vijf dagen op in afwachting van douane. Is "
            "dat normaal?",
            "doubt",
            "intent=parcel_status|billing",
        ),
        agent("Mag ik de trackingcode van dat pakket?"),
        customer(
            "V P, negen nul één, zes zes twee, vier drie.",
            "calm",
            "intent=parcel_status",
            "other",
        ),
        agent("Die wacht nog op betaling van de invoerrechten."),
        customer(
            "Nou, die link heb ik dus nooit gehad. Naar welk mailadres sturen jullie dat dan?",
            "frustrated",
            "intent=billing|parcel_status",
        ),
    ),
    parcel(
        "blind9_parcels_nl_plus_twijfel",
        "nl",
        "Een twijfelende klant vraagt wat Plus kost en zegt het dan toch op.",
        GREET_NL,
        customer(
            "Hallo, ja, eh, ik heb dat Plus van jullie, en ik zit erover te denken om dat op te "
            "zeggen. Of nou ja, ik twijfel eigenlijk nog.",
            "doubt",
            "intent=cancel_contract",
        ),
        agent("Mag ik vragen waarom u twijfelt?"),
        customer(
            "Ik bestel gewoon niet zo veel meer. Wat betaal ik er eigenlijk voor per maand? Ik "
            "zie het nergens op mijn afschrift staan.",
            "doubt",
            "intent=billing|cancel_contract",
        ),
        agent("U heeft een jaarabonnement, dat is in maart in één keer afgeschreven."),
        customer(
            "O, zit het zo. En als ik nu opzeg, krijg ik dan nog iets terug van dat jaar?",
            "doubt",
            "intent=cancel_contract|billing",
        ),
        agent("Het loopt door tot maart, en daarna wordt het niet meer verlengd."),
        customer(
            "Nee, weet je wat, zeg het maar op. Dan heb ik er in ieder geval geen omkijken meer "
            "naar.",
            "calm",
            "intent=cancel_contract",
        ),
        agent("Ik heb het opgezegd, u krijgt een bevestiging per mail."),
        customer("Oké, top. Fijne dag nog.", "calm"),
    ),
    parcel(
        "blind9_parcels_nl_dochter_niet_thuis",
        "nl",
        "Een dochter belt voor haar vader die steeds een niet-thuis-kaartje krijgt.",
        GREET_NL,
        customer(
            "Goedemorgen, met Sanne Bakker. Ik bel namens mijn vader, hij is vierentachtig en "
            "slecht ter been.",
            "calm",
        ),
        agent("Goedemorgen mevrouw Bakker. Waar gaat het om?"),
        customer(
            "Hij krijgt nou voor de derde keer zo'n kaartje, we hebben u niet thuis getroffen. "
            "Maar hij zit gewoon thuis! Het duurt alleen even voordat hij bij de deur is.",
            "frustrated",
            "intent=complaint|parcel_status",
        ),
        agent("Dat is vervelend. Mag ik de code die op het kaartje staat?"),
        customer(
            "Er staat op: V P, twee acht acht, nul vijf één, zeven zeven.",
            "calm",
            "intent=parcel_status",
            "other",
        ),
        agent("Het pakket ligt nu bij het afhaalpunt in de Jumbo aan de Dorpsstraat."),
        customer(
            "Ja, en hoe moet hij daar komen, met zijn rollator? Kan het niet gewoon nog een "
            "keer bezorgd worden, en dan even wat langer wachten bij de deur?",
            "frustrated",
            "intent=appointment_change|parcel_status",
        ),
        agent("Ik kan een nieuwe bezorging aanvragen en een opmerking voor de bezorger zetten."),
        asks_for_a_manager(
            "Nee, dat zeggen jullie elke keer. Ik wil nu een leidinggevende aan de lijn."
        ),
    ),
    parcel(
        "blind9_parcels_nl_verhuisd_gegevens_weg",
        "nl",
        "Een verhuisde klant wijzigt haar adres en wil haar oude gegevens laten verwijderen.",
        GREET_NL,
        customer(
            "Dag, met Fatima El Amrani. Ik ben verhuisd naar Zwolle en mijn pakketjes gaan nog "
            "steeds naar mijn oude adres in Deventer.",
            "calm",
            "intent=address_change",
        ),
        agent("Dan passen we dat aan. Wat is uw nieuwe adres?"),
        customer(
            "Assendorperstraat eenenvijftig B, postcode acht nul één één, P T. P van Pieter, T "
            "van Theo.",
            "calm",
            "intent=address_change",
            "other",
        ),
        agent("Dat heb ik aangepast in uw account."),
        customer(
            "Dan heb ik nog een vraag. Mijn ex woont nog op dat oude adres. Ik wil dat alles van "
            "mij bij jullie weg is, mijn oude adres, mijn oude telefoonnummer. Kan dat?",
            "doubt",
            "intent=address_change",
            "other",
            "gap",
        ),
        agent("Dat moet via onze privacyafdeling, ik zet een verzoek voor u uit."),
        customer(
            "En hoe weet ik zeker dat er niks meer per ongeluk daarheen gaat? Ik heb volgende "
            "week nog een bestelling lopen.",
            "doubt",
            "intent=address_change|parcel_status",
        ),
        agent("Nieuwe zendingen op uw naam gaan vanaf nu naar Zwolle."),
        customer("Oké, dank u wel.", "calm"),
    ),
    parcel(
        "blind9_parcels_nl_misdialled_meterstanden",
        "nl",
        "Een beller wil zijn meterstanden doorgeven bij het verkeerde bedrijf.",
        NEUTRAL_NL,
        customer(
            "Ja, goedendag, ik moet mijn meterstanden doorgeven, dat stond in de brief.",
            "calm",
            "energy_internet:intent=meter_reading",
        ),
        agent("Welke meterstanden bedoelt u precies?"),
        customer(
            "Van gas en stroom. Gas is vierduizend tweehonderdzesendertig, en stroom, even "
            "kijken, nul nul zeven acht één.",
            "calm",
            "energy_internet:intent=meter_reading",
        ),
        agent("Meneer, ik denk dat u verkeerd verbonden bent, wij zijn een pakketbezorger."),
        customer(
            "O. Nou, dat verklaart een hoop. Dan heb ik zeker het verkeerde nummer overgenomen.",
            "doubt",
        ),
        agent("Het juiste nummer staat meestal bovenaan de brief van uw energieleverancier."),
        misdialled=True,
    ),
    parcel(
        "blind9_parcels_nl_misdialled_verzekeraar",
        "nl",
        "Een beller wil ruitschade aan zijn auto melden bij het verkeerde nummer.",
        NEUTRAL_NL,
        customer(
            "Goedemiddag, ik wil graag schade melden. Er is gisteren een steentje tegen mijn "
            "voorruit gekomen op de A twaalf.",
            "calm",
        ),
        agent("Een voorruit? Dan bent u denk ik niet bij het juiste bedrijf."),
        customer(
            "Is dit niet de schadeafdeling van de verzekering? Ik heb het nummer van mijn polis "
            "gebeld.",
            "doubt",
        ),
        agent("Nee, helaas niet."),
        customer("Hè, wat vervelend. Oké, ik zoek het even op, sorry hoor.", "calm"),
        misdialled=True,
    ),
)

ENERGY_EN = (
    energy(
        "blind9_energy_en_pensioner_annual_statement",
        "en",
        "A widowed pensioner with a vague opening is shocked by his annual statement.",
        HELLO_EN,
        customer(
            "Hello, good morning. I have a question about something I got in the post. A "
            "letter, with a lot of numbers on it.",
            "doubt",
            "intent=billing",
            "other",
        ),
        agent("Of course. What does it say at the top of the letter?"),
        customer(
            "It says annual statement, and then that I have to pay three hundred and twelve "
            "euros extra. And my monthly amount goes from ninety to a hundred and forty.",
            "doubt",
            "intent=billing",
        ),
        agent("I see. The extra amount is due within four weeks."),
        customer(
            "I'm on my pension, I can't pay three hundred euros at once. Can I pay it in bits?",
            "doubt",
            "intent=billing",
        ),
        agent("Yes, we can spread it over a few months with a payment arrangement."),
        customer(
            "And why is it so much higher? I've not been using more, I'm on my own since my "
            "wife passed.",
            "doubt",
            "intent=billing|meter_reading|contract",
        ),
        agent("It may be that your meter reading was estimated this year."),
        customer(
            "Well, nobody came to read it. I can read it to you now if you like, I'm standing "
            "right next to it.",
            "calm",
            "intent=meter_reading",
        ),
    ),
    energy(
        "blind9_energy_en_home_office_no_show",
        "en",
        "A home-based accountant with dropping internet had a technician who never came.",
        HELLO_EN,
        customer(
            "Hi. I run a small accountancy practice from home and my internet has been dropping "
            "out every half hour for a week now.",
            "frustrated",
            "intent=outage",
        ),
        agent("I'm sorry to hear that. Have you restarted the modem?"),
        customer(
            "Yes, of course. Restarted it, reset it, new cable. A technician was supposed to "
            "come on Monday between eight and one, and nobody showed up.",
            "frustrated",
            "intent=appointment|complaint",
        ),
        agent("I see the appointment was cancelled on our side on Sunday."),
        customer(
            "Cancelled by whom? Nobody told me. I stayed in all morning and turned a client away.",
            "frustrated",
            "intent=complaint|appointment",
        ),
        agent("I'm very sorry. I can book a new visit for Thursday morning."),
        customer(
            "Do you have some sort of business connection, where a repair is guaranteed within "
            "a few hours? I can't afford this happening again.",
            "doubt",
            "intent=contract",
            "gap",
        ),
        agent("I'm not sure we offer that, I'd have to find out."),
        asks_for_a_manager(
            "Then I want to speak to a manager who does know. Today, please, not Thursday."
        ),
    ),
    energy(
        "blind9_energy_en_moving_in_together",
        "en",
        "A caller moving in with his girlfriend stops his energy but keeps his internet.",
        HELLO_EN,
        customer(
            "Hiya. So I'm moving in with my girlfriend next month, and we've both got Wattnet. "
            "We obviously don't need two of everything.",
            "calm",
            "intent=moving|cancel_contract",
        ),
        agent("Congratulations! Which address are you keeping?"),
        customer(
            "Hers, in Haarlem. So I want to stop the energy at my flat, but keep my internet and "
            "take it with me, because hers is the slow one.",
            "calm",
            "intent=moving|cancel_contract|contract",
        ),
        agent("That's possible. We'll move the internet and end the energy on your moving day."),
        customer(
            "Is there a fee if I stop the energy early? I think I signed for three years, uh, "
            "or two.",
            "doubt",
            "intent=cancel_contract|contract",
        ),
        agent("No, when you move in with someone who already has a contract, there's no fee."),
        customer(
            "Oh, nice. And the meter readings, do I send those on the day I hand in the keys?",
            "calm",
            "intent=meter_reading|moving",
        ),
        agent("Yes, on the day itself; you can do that in the app."),
        customer("Brilliant, thanks Daniel.", "calm"),
    ),
    energy(
        "blind9_energy_en_smart_meter_oxygen",
        "en",
        "A daughter arranges a smart meter visit for her mother, who uses an oxygen machine.",
        HELLO_EN,
        customer(
            "Good morning. I'm calling for my mother, Mrs Janssen. She's had a letter saying "
            "someone is coming to fit a smart meter.",
            "calm",
            "intent=appointment|meter_reading",
        ),
        agent("Yes, that's part of the smart meter rollout. Would you like to change the date?"),
        customer(
            "Well, the thing is, she uses an oxygen concentrator at home. How long is the power "
            "off while they fit it?",
            "doubt",
            "intent=appointment|meter_reading|outage",
        ),
        agent("Usually about an hour, sometimes a little longer."),
        customer(
            "That's too long for her. And more generally, can you put her on some kind of "
            "priority list, so if there's ever a power cut you know there's medical equipment "
            "in the house?",
            "doubt",
            "intent=outage",
            "other",
            "gap",
        ),
        agent("I'll have to check that for you."),
        customer(
            "Okay. Then for the appointment, can it be on a Saturday? I can be there with a "
            "spare oxygen bottle.",
            "calm",
            "intent=appointment",
        ),
        agent("Saturday the twentieth, between nine and twelve, is available."),
        customer(
            "Perfect. Her postcode is six two one one, B M, house number nine. Thank you.",
            "calm",
            "intent=appointment",
            "other",
        ),
    ),
    energy(
        "blind9_energy_en_reminder_new_bank",
        "en",
        "A caller who changed banks gets a payment reminder and objects to the fee.",
        HELLO_EN,
        customer(
            "Hello, uh, yes, I got a reminder saying I haven't paid, but it's always taken "
            "automatically.",
            "doubt",
            "intent=billing",
        ),
        agent("Let me check. What's your customer number?"),
        customer(
            "It's, uh, W N, four five, zero eight, three, three one.",
            "calm",
            "intent=billing",
            "other",
        ),
        agent("The direct debit was rejected last month. Did you change banks?"),
        customer(
            "Oh. Yes, I did, in October. I thought the new bank would sort all that out.",
            "doubt",
            "intent=billing",
        ),
        agent("I can update the account number now. There is a reminder fee of seven fifty."),
        customer(
            "Seven fifty? For a letter? Nobody emailed me or anything, and I've been with you "
            "for twelve years. That's really not on.",
            "frustrated",
            "intent=complaint|billing",
        ),
        agent("You're right, I'll waive it this time."),
        customer("Okay. Well, thank you, that's fair.", "calm"),
    ),
    energy(
        "blind9_energy_en_faster_plan_landline",
        "en",
        "A father upgrades to faster internet and asks to keep his old landline number.",
        HELLO_EN,
        customer(
            "Good morning. I am calling because my son says our internet is too slow for his, "
            "eh, the games, and he wants the faster one.",
            "calm",
            "intent=contract|outage",
        ),
        agent("We have fibre up to one gigabit at your address."),
        customer(
            "How much is it more, every month? Now we pay forty-five.",
            "doubt",
            "intent=contract|billing",
        ),
        agent("That would be sixty-two euros a month."),
        customer(
            "Okay. And the house telephone. We have the same number since nineteen ninety-eight, "
            "my mother only calls us on that number. If we change, do we keep it?",
            "doubt",
            "intent=contract",
            "gap",
        ),
        agent("Let me check with my colleagues whether the number can come along."),
        customer(
            "Also, is it a contract for two years again? I don't want to be stuck.",
            "doubt",
            "intent=contract|cancel_contract",
        ),
        agent("It's one year, and after that you can stop every month."),
        customer("Good. Then I think yes, we do it. Thank you.", "calm", "intent=contract"),
    ),
    energy(
        "blind9_energy_en_misdialled_locker",
        "en",
        "A caller at a parcel locker that won't open has reached the wrong company.",
        NEUTRAL_EN,
        customer(
            "Hi, I got a text saying my parcel's in a locker, but the locker won't open. I'm "
            "standing right in front of it.",
            "frustrated",
            "parcels:intent=technical_issue|parcel_status",
        ),
        agent("Which locker is this, sorry?"),
        customer(
            "The one at the train station in Leiden. The code is five five eight, zero one two.",
            "frustrated",
            "parcels:intent=technical_issue",
            "parcels:other",
        ),
        agent("I'm afraid we're not the parcel company, you've reached an energy supplier."),
        customer(
            "Seriously? Ugh. I was sure the number was in the text message. Never mind.",
            "frustrated",
        ),
        misdialled=True,
    ),
    energy(
        "blind9_energy_en_misdialled_bank_card",
        "en",
        "A caller who left his bank card in a cash machine has dialled the wrong number.",
        NEUTRAL_EN,
        customer(
            "Hello, I need to block my bank card, I think I left it in a cash machine.",
            "frustrated",
        ),
        agent("I'm afraid you've reached the wrong company, this isn't your bank."),
        customer("Oh God. Do you have the number for blocking cards? It's urgent.", "frustrated"),
        agent("It should be on your bank's website, under lost or stolen cards."),
        customer("Okay, okay, thanks.", "calm"),
        misdialled=True,
    ),
)

ENERGY_NL = (
    energy(
        "blind9_energy_nl_geen_gas_bejaarde",
        "nl",
        "Een oudere man zit sinds de nacht zonder gas en warm water.",
        HELLO_NL,
        customer("Ja, goeiemorgen, u spreekt met Kees Verhoeven, uit Hoogeveen.", "calm"),
        agent("Goedemorgen meneer Verhoeven, wat kan ik voor u doen?"),
        customer(
            "Ik heb geen warm water en de verwarming doet het ook niet. Het fornuis ook niet, "
            "dat is op gas. Sinds vannacht al.",
            "doubt",
            "intent=outage",
        ),
        agent("Weet u of de buren er ook last van hebben?"),
        customer(
            "Dat weet ik niet, ik kom de deur niet zo uit. Eh, de buurvrouw was niet thuis.",
            "doubt",
            "intent=outage",
        ),
        agent("Er is een gasstoring gemeld in uw wijk, de netbeheerder is ermee bezig."),
        customer(
            "O, gelukkig. Hoe lang gaat dat nog duren? Het wordt koud in huis, en ik ben "
            "tweeëntachtig.",
            "doubt",
            "intent=outage",
        ),
        agent("Ze verwachten het vanmiddag rond drie uur opgelost te hebben."),
        customer("Nou, dan trek ik maar een extra trui aan. Bedankt hoor.", "calm"),
    ),
    energy(
        "blind9_energy_nl_emigreren_spanje",
        "nl",
        "Een klant die naar Spanje emigreert zegt alles op en vraagt naar de eindafrekening.",
        HELLO_NL,
        customer(
            "Goedemorgen, met Ingrid Postma. Wij gaan emigreren, naar Spanje, eind januari, en "
            "dan moet alles bij jullie stopgezet worden.",
            "calm",
            "intent=cancel_contract|moving",
        ),
        agent("Wat spannend! Dan stoppen we stroom, gas en internet per de sleuteloverdracht."),
        customer(
            "Ja, de sleutels gaan op dertig januari naar de nieuwe eigenaar. Moet ik dan nog "
            "een modem terugsturen of zo?",
            "doubt",
            "intent=cancel_contract|moving",
        ),
        agent("Ja, u krijgt een retourdoos voor het modem toegestuurd."),
        customer(
            "En die eindafrekening, die komt dan naar dit adres, maar wij wonen hier dan niet "
            "meer. Kan die ook per mail?",
            "doubt",
            "intent=billing|moving",
        ),
        agent("Jazeker, die zetten we in uw account en we mailen hem."),
        customer(
            "Eh, en als we geld terugkrijgen, kunnen jullie dat dan op een Spaanse rekening "
            "storten? Mijn rekening hier hef ik op.",
            "doubt",
            "intent=billing",
            "gap",
        ),
        agent("Dat weet ik niet zeker, dat laat ik voor u uitzoeken."),
        customer("Oké, dan hoor ik het wel. Dank u wel.", "calm"),
    ),
    energy(
        "blind9_energy_nl_wifi_zolder",
        "nl",
        "Een moeder wil betere wifi op zolder en een monteur om een versterker te plaatsen.",
        HELLO_NL,
        customer(
            "Hoi, ja, eh, het internet is niet echt kapot of zo, maar boven op zolder heb je "
            "gewoon helemaal niks.",
            "calm",
            "intent=outage|contract",
        ),
        agent("Waar staat het modem bij u?"),
        customer(
            "In de meterkast, beneden in de gang. Mijn zoon zit op zolder en die klaagt de hele "
            "dag dat zijn verbinding wegvalt.",
            "calm",
            "intent=outage",
        ),
        agent("Een wifi-versterker op de overloop zou dan veel helpen."),
        customer(
            "En wat kost zo'n ding? Kan ik die bij jullie huren, of moet ik die zelf bij de "
            "MediaMarkt halen?",
            "doubt",
            "intent=contract|outage",
        ),
        agent("U kunt hem bij ons huren voor vier euro per maand."),
        customer(
            "Kunnen jullie die dan ook komen ophangen? Ik ben daar echt niet handig in.",
            "doubt",
            "intent=appointment|outage",
        ),
        agent("Dat kan, dan plan ik een monteur in."),
        customer("Ja, doe maar. Woensdag na drieën is prima.", "calm", "intent=appointment"),
    ),
    energy(
        "blind9_energy_nl_geschatte_meterstand",
        "nl",
        "Een klant met een slimme meter krijgt een hoge afrekening op een geschatte stand.",
        HELLO_NL,
        customer(
            "Goedemorgen. Ik heb mijn jaarafrekening gekregen en daar staat dat mijn meterstand "
            "geschat is. Terwijl ik gewoon een slimme meter heb.",
            "doubt",
            "intent=meter_reading|billing",
        ),
        agent("Dan kan het zijn dat de meter geen gegevens doorstuurt."),
        customer(
            "Nou, dat wist ik niet. En die schatting is ruim tweeduizend kilowattuur te hoog. Ik "
            "moet nu vijfhonderd euro bijbetalen.",
            "frustrated",
            "intent=billing|meter_reading",
        ),
        agent("Als u de echte stand doorgeeft, passen we de afrekening aan."),
        customer(
            "Die is nul acht vier drie twee, vanochtend. Ik heb er een foto van gemaakt.",
            "calm",
            "intent=meter_reading",
            "other",
        ),
        agent("Dank u. Het kan tot vier weken duren voor u de nieuwe afrekening krijgt."),
        customer(
            "Vier weken? En ondertussen gaat dat bedrag gewoon van mijn rekening af? Dit is toch "
            "te gek voor woorden.",
            "frustrated",
            "intent=complaint|billing",
        ),
        agent("Ik kan de incasso voor het bijbetalen tegenhouden tot het rechtgezet is."),
        asks_for_a_manager(
            "Nee, ik wil hier een leidinggevende over spreken. Dit is al de tweede keer dat "
            "jullie de fout in gaan."
        ),
    ),
    energy(
        "blind9_energy_nl_bakkerij_tarief",
        "nl",
        "Een bakker vergelijkt het verlengingsaanbod met een andere leverancier.",
        HELLO_NL,
        customer(
            "Goedemorgen, met Peter Smit van Bakkerij Smit in Apeldoorn. Ons contract loopt in "
            "februari af en ik kreeg een aanbod van jullie.",
            "calm",
            "intent=contract",
        ),
        agent("Goedemorgen meneer Smit. Wat wilt u weten over het aanbod?"),
        customer(
            "Dat vaste tarief is bijna twintig procent duurder dan wat we nu hebben. Is dat nou "
            "echt het beste wat jullie kunnen doen? Wij draaien 's nachts die ovens.",
            "doubt",
            "intent=contract",
        ),
        agent("Met veel nachtverbruik is een contract met een apart daltarief voordeliger."),
        customer(
            "Hm. Mijn buurman zit bij een andere leverancier en betaalt een stuk minder. Als ik "
            "overstap, moet ik dan zelf bij jullie opzeggen?",
            "doubt",
            "intent=cancel_contract|contract",
        ),
        agent("Nee, dat regelt de nieuwe leverancier voor u."),
        customer(
            "Goed. Stuur me dat daltarief maar op, dan leg ik ze naast elkaar. Het mailadres is "
            "info at bakkerij smit punt n l.",
            "calm",
            "intent=contract",
            "other",
        ),
        agent("Ik stuur het u vandaag nog."),
        customer("Prima, dank je wel.", "calm"),
    ),
    energy(
        "blind9_energy_nl_glasvezel_voor_moeder",
        "nl",
        "Een zoon verzet de glasvezelmonteur van zijn moeder die in het ziekenhuis ligt.",
        HELLO_NL,
        customer(
            "Dag, u spreekt met Rob Vermeer, ik bel voor mijn moeder. Er komt maandag een "
            "monteur voor de glasvezel bij haar, maar ze ligt nu in het ziekenhuis.",
            "calm",
            "intent=appointment",
        ),
        agent("Wat vervelend. Dan verzetten we de afspraak. Wat is haar postcode?"),
        customer(
            "Twee drie zes één, G H, nummer honderdvier. Het staat op naam van Vermeer-de Wit.",
            "calm",
            "intent=appointment",
            "other",
        ),
        agent("Ik kan dinsdag de achttiende aanbieden, tussen acht en één."),
        customer(
            "Dat is goed, dan ben ik er. Eh, moet er dan geboord worden? Ze heeft net een "
            "nieuwe vloer laten leggen.",
            "doubt",
            "intent=appointment",
        ),
        agent("Alleen een klein gat in de muur bij de meterkast, niet in de vloer."),
        customer(
            "En ze betaalt nu al voor dat glasvezel, terwijl het er nog niet eens ligt. Klopt "
            "dat wel?",
            "doubt",
            "intent=billing|contract",
        ),
        agent("Nee, dat hoort pas te starten bij de aansluiting. Ik zet het recht."),
        customer("Mooi. Dank u wel, fijne dag.", "calm"),
    ),
    energy(
        "blind9_energy_nl_misdialled_retourlabel",
        "nl",
        "Een beller zonder printer wil een pakket terugsturen en belt het verkeerde bedrijf.",
        NEUTRAL_NL,
        customer(
            "Goedemiddag, ik wil een pakketje terugsturen naar een webwinkel, maar ik heb geen "
            "printer voor dat label.",
            "calm",
            "parcels:intent=refund_return",
        ),
        agent("Een pakketje? Bij welke bezorger is dat?"),
        customer(
            "Vlotpost, staat op de doos. Kan ik het gewoon zonder label bij zo'n punt afgeven?",
            "doubt",
            "parcels:intent=refund_return",
        ),
        agent("Dan bent u verkeerd verbonden, wij zijn een energieleverancier."),
        customer("O jee. Nou ja, dan bel ik die wel even. Sorry hoor.", "calm"),
        misdialled=True,
    ),
    energy(
        "blind9_energy_nl_misdialled_huisarts",
        "nl",
        "Een beller wil een herhaalrecept aanvragen en heeft het verkeerde nummer gedraaid.",
        NEUTRAL_NL,
        customer(
            "Goeiemiddag, ik wil graag een herhaalrecept aanvragen voor mijn bloeddrukpillen.",
            "calm",
        ),
        agent("Een recept? Ik denk dat u verkeerd zit, dit is geen huisartsenpraktijk."),
        customer("Is dit niet de praktijk van dokter Meijer? Het nummer lijkt er zo op.", "doubt"),
        agent("Nee, helaas niet."),
        customer("Ach, dan heb ik me vergist. Excuses, dag!", "calm"),
        misdialled=True,
    ),
)

BLIND9_CALLS = PARCELS_EN + PARCELS_NL + ENERGY_EN + ENERGY_NL
