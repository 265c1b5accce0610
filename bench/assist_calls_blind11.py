"""An eleventh held-out set of labelled assist calls, for both sample domains, in EN and NL.

Written on 2026-12-07 by two writers at once (one per company), blind: without running any
model and without seeing any result, any example line or the other sets' calls; never used to
choose anything, it only measures. Labels as in `bench/assist_labels.py`. Per domain and
language: twelve calls to that company and four that reached the wrong company
(`misdialled`), opened with a greeting that names no company: two about the other sample
company's business, two about unrelated businesses.
"""

from __future__ import annotations

from audio_fixtures.generate_calls import agent, customer

from .assist_calls import GREET_EN, GREET_NL, asks_for_a_manager, parcel
from .assist_calls_energy import HELLO_EN, HELLO_NL, energy

# Greetings of a contact centre that names no company: the caller may have reached anyone.
NEUTRAL_EN = agent("Good afternoon, customer service, you're speaking with Thomas. How can I help?")
NEUTRAL_NL = agent("Goedemiddag, klantenservice, u spreekt met Bram. Wat kan ik voor u doen?")

PARCELS_EN = (
    parcel(
        "blind11_parcels_en_hearing_aid_for_dad",
        "en",
        "A daughter asks after her elderly father's parcel and whether the driver will wait.",
        GREET_EN,
        customer(
            "Hi, yes, good morning. Um, I'm calling for my father, he's eighty-three, and he's"
            " been waiting for a parcel with his new hearing aid since last Tuesday.",
            "doubt",
            "intent=parcel_status",
        ),
        agent("Of course. Do you have the tracking code for me?"),
        customer(
            "I do, it's on his letter here. V, P, four four seven one, uh, two zero nine three.",
            "calm",
            "intent=parcel_status",
            "other",
        ),
        agent(
            "Thank you. It's at our depot in Nieuwegein and it's planned for delivery tomorrow"
            " between ten and two."
        ),
        customer(
            "Right. The thing is, he's quite slow getting to the door with his walker. Will the"
            " driver actually wait, or does he just leave a card and go?",
            "doubt",
            "intent=parcel_status",
        ),
        agent(
            "The driver rings and waits a little, and tries a neighbour if nobody answers. I'll"
            " add a note that it takes a while to get to the door."
        ),
        customer("Oh, that's kind of you. Thank you so much, he'll be relieved.", "calm"),
    ),
    parcel(
        "blind11_parcels_en_bakery_two_things",
        "en",
        "A baker has a doubled Plus fee on the invoice, moves the shop and asks about a rate.",
        GREET_EN,
        customer(
            "Morning. I run a bakery in Haarlem, we send cake boxes with you. Two things, quick.",
            "calm",
        ),
        agent("Sure, go ahead."),
        customer(
            "First, our November invoice has the Plus fee on it twice. Nineteen ninety-five,"
            " two times.",
            "frustrated",
            "intent=billing",
        ),
        agent("I see it, that's a double charge. I'll credit one, you'll see it on the next one."),
        customer(
            "Good. Second, we're moving the shop on the first of January, to Kruisstraat twelve."
            " Parcels after that should go there.",
            "calm",
            "intent=address_change",
        ),
        agent("I can change the address on your account from that date. What's the postcode?"),
        customer("Two zero one one, L, X.", "calm", "intent=address_change", "other"),
        agent("Done, from the first of January."),
        customer(
            "And do you do a cheaper business rate if we send more than fifty a month? Nobody"
            " ever told us.",
            "doubt",
            "intent=billing|other",
            "gap",
        ),
    ),
    parcel(
        "blind11_parcels_en_pause_plus_winter",
        "en",
        "A long-winded pensioner wants to pause Vlotpost Plus for the winter and then cancels.",
        GREET_EN,
        customer(
            "Hello, yes, hello. So, I've had this Plus thing with you for, oh, two years now I"
            " think, my son set it up, and it's been fine really, no complaints, but I'm going to"
            " my sister's in Spain for the whole winter, January to April, and I thought, well,"
            " why pay for it when I'm not here?",
            "calm",
            "intent=cancel_contract",
        ),
        agent("I understand. Would you like to cancel Vlotpost Plus?"),
        customer(
            "Well, that's my question really. Can I just pause it for those months and start"
            " again when I'm back, instead of cancelling the whole thing?",
            "doubt",
            "intent=cancel_contract",
            "gap",
        ),
        agent(
            "I'm not sure pausing is possible, I'd have to check. If it isn't, you can cancel"
            " now and sign up again later."
        ),
        customer(
            "Hmm. And if I cancel now, do I still pay for December?",
            "doubt",
            "intent=cancel_contract|billing",
        ),
        agent("Plus runs until the end of the month you cancel in, so December is the last one."),
        customer(
            "Fine, then just cancel it. It's in the name of Margaret Whitfield.",
            "calm",
            "intent=cancel_contract",
        ),
        agent("I've cancelled it as of the thirty-first of December. You'll get an email."),
        customer("Lovely, thank you, dear.", "calm"),
    ),
    parcel(
        "blind11_parcels_en_fridge_install_stairs",
        "en",
        "A caller moves a fridge installation and asks about stairs and taking the old one away.",
        GREET_EN,
        customer(
            "Hi, I've got an installation booked for a fridge freezer on Thursday, but I have to"
            " work that day. Can we move it?",
            "calm",
            "intent=appointment_change",
            "energy_internet:intent=appointment",
        ),
        agent("Yes. Can I have the order number?"),
        customer(
            "It's, uh, hang on. Three one eight, five five, two six, zero.",
            "calm",
            "intent=appointment_change",
            "other",
        ),
        agent("Thanks. I have Saturday morning or Monday afternoon."),
        customer("Saturday morning, please.", "calm", "intent=appointment_change"),
        agent("Booked for Saturday between eight and twelve."),
        customer(
            "Oh, and one more thing. I'm on the third floor, no lift. Will your guys carry it up,"
            " and can they take the old fridge away with them?",
            "doubt",
            "intent=appointment_change|other",
            "gap",
        ),
        agent("I'll have to check that with the installation team and call you back."),
    ),
    parcel(
        "blind11_parcels_en_locker_blunt_supervisor",
        "en",
        "A blunt caller cannot open a station locker, the app logs him out, he wants a supervisor.",
        GREET_EN,
        customer(
            "Your locker at the station won't open. Third time I'm trying.",
            "frustrated",
            "intent=technical_issue",
        ),
        agent("I'm sorry about that. Which locker is it, and do you have the pickup code?"),
        customer(
            "Amersfoort Central. Code is eight eight one, zero four two.",
            "frustrated",
            "intent=technical_issue",
            "other",
        ),
        agent("The parcel is in there and the code is valid until tonight. Any error on screen?"),
        customer(
            "It says code unknown. And your app logs me out every time I open it, so I can't get"
            " the QR code either.",
            "frustrated",
            "intent=technical_issue",
        ),
        agent("Let me send you a new code by text message, that usually solves it."),
        asks_for_a_manager(
            "No. I've had three new codes already. I want a supervisor on the phone, now."
        ),
        agent("I understand. I'll put you through to my team lead."),
    ),
    parcel(
        "blind11_parcels_en_broken_vase_insure_clock",
        "en",
        "A sender claims for a vase that arrived broken and asks about insuring a clock.",
        GREET_EN,
        customer(
            "Hello. I'm calling because a vase I sent to my daughter arrived in pieces. It was"
            " wrapped properly, I promise you.",
            "calm",
            "intent=refund_return",
        ),
        agent("I'm sorry to hear that. Did your daughter keep the box and the pieces?"),
        customer(
            "She did, and she took photos. Can we claim for it? It was about eighty euros.",
            "doubt",
            "intent=refund_return",
        ),
        agent(
            "Yes, as the sender you can file a damage claim. Upload the photos with the tracking"
            " code on our website within fourteen days."
        ),
        customer(
            "All right. And for next time, I want to send her grandmother's clock. Can I insure"
            " it for more, say five hundred euros, before I send it?",
            "doubt",
            "intent=refund_return|other",
            "gap",
        ),
        agent("I don't have the details on extra cover here. I'll ask and email you."),
        customer("Thank you, that would be helpful.", "calm"),
    ),
    parcel(
        "blind11_parcels_en_vague_customs_message",
        "en",
        "A vague opening about a message that turns out to be a customs fee she refuses to pay.",
        GREET_EN,
        customer(
            "Hi. Um, I have a question about something I got. A sort of, a letter? Or a text?",
            "doubt",
        ),
        agent("No problem. What does it say?"),
        customer(
            "It says I need to pay fourteen euros fifty before you deliver a parcel from America."
            " Is that real, or is it one of those scams?",
            "doubt",
            "intent=billing",
        ),
        agent(
            "If it mentions import duties and links to our website, it's real. Parcels from"
            " outside the EU have customs fees that we collect before delivery."
        ),
        customer(
            "But the seller said shipping was all included. I'm not paying that.",
            "frustrated",
            "intent=billing|complaint",
        ),
        agent("You can refuse the parcel; it will then go back to the sender."),
        customer(
            "Then I'll refuse it and get my money back from them. What do I have to do?",
            "calm",
            "intent=refund_return",
        ),
        agent("Just don't pay the fee. After fourteen days it's returned automatically."),
        customer("Okay. Thanks.", "calm"),
    ),
    parcel(
        "blind11_parcels_en_fence_complaint_manager",
        "en",
        "A complaint about a parcel thrown over a fence, with a manager demanded halfway.",
        GREET_EN,
        customer(
            "Yeah, hi. I want to make a complaint. Your driver threw my parcel over the garden"
            " fence yesterday. There was a laptop in it.",
            "frustrated",
            "intent=complaint",
        ),
        agent("I'm really sorry. Is the laptop damaged?"),
        customer(
            "It turns on, I don't know yet. That's not the point. I was home, the doorbell works,"
            " and he didn't even ring.",
            "frustrated",
            "intent=complaint",
        ),
        agent("I understand. I'll register a complaint about the driver. The tracking code?"),
        customer(
            "V P, six zero zero, three one seven, two.", "frustrated", "intent=complaint", "other"
        ),
        agent("Thank you. The complaints team will look into it within five working days."),
        asks_for_a_manager(
            "Five working days? No. Let me talk to your manager, this is the second time this"
            " month."
        ),
        agent("I'll ask my team lead to join the call."),
        customer("Fine. I'll hold.", "frustrated"),
    ),
    parcel(
        "blind11_parcels_en_moving_redirect",
        "en",
        "A caller moving house redirects one incoming parcel, spelling the new postcode.",
        GREET_EN,
        customer(
            "Hello, my name is Priya Raman. I'm moving house on Saturday and I have a parcel"
            " coming on Monday. Can it go to the new address?",
            "calm",
            "intent=address_change",
        ),
        agent("Yes, if it hasn't left the depot yet. What's the tracking code?"),
        customer(
            "It's V P, nine one two, eight eight zero, four.",
            "calm",
            "intent=address_change",
            "other",
        ),
        agent("Got it. And the new address?"),
        customer(
            "Lindenlaan forty-one, in Zeist. Postcode three seven zero one, B, R. Sorry, B as in"
            " Bravo, R as in Romeo.",
            "calm",
            "intent=address_change",
            "other",
        ),
        agent("I've changed it. It will be delivered at Lindenlaan forty-one on Monday."),
        customer(
            "Brilliant. Does that work for all my parcels from now on, or just this one?",
            "doubt",
            "intent=address_change",
        ),
        agent("Only this one. For others, update the address with the shop or in your account."),
    ),
    parcel(
        "blind11_parcels_en_lost_calm_to_complaint",
        "en",
        "A calm status check finds the parcel lost and turns into a complaint about compensation.",
        GREET_EN,
        customer(
            "Hi there. Just checking on a parcel. The tracking has said out for delivery for"
            " nine days now.",
            "calm",
            "intent=parcel_status",
        ),
        agent("Let me look. Can I have the code?"),
        customer(
            "V P, two two seven, five one zero, eight.", "calm", "intent=parcel_status", "other"
        ),
        agent("The last scan was at the Tilburg depot, nine days ago. I'm afraid it seems lost."),
        customer(
            "Lost? Nobody told me anything. I've been checking every single day like an idiot.",
            "frustrated",
            "intent=complaint|parcel_status",
        ),
        agent("I understand, and I'm sorry. We'll open an investigation today."),
        customer(
            "And what about the money? It was a birthday present, sixty-five euros, and the"
            " birthday's gone now.",
            "frustrated",
            "intent=refund_return|complaint",
        ),
        agent("If it isn't found within five working days, you'll be compensated for the value."),
        customer(
            "Five more days. Great. I want that in an email, please.",
            "frustrated",
            "intent=refund_return|complaint",
        ),
    ),
    parcel(
        "blind11_parcels_en_previous_tenants_driver_job",
        "en",
        "Parcels keep coming for the previous tenants; the caller also asks about driver jobs.",
        GREET_EN,
        customer(
            "Hello, hi. Odd one. I keep getting parcels for the people who lived here before."
            " Different name, Van Dijk. What do I do with them?",
            "doubt",
            "intent=refund_return|other",
        ),
        agent(
            "You can refuse them at the door, or write not known at this address on the box and"
            " hand it in at a Vlotpost point. It goes back to the sender for free."
        ),
        customer(
            "Okay, so I don't have to pay anything to send them back.",
            "doubt",
            "intent=refund_return",
        ),
        agent("No, nothing."),
        customer(
            "Good. And, uh, while I have you, unrelated: my son is looking for work. Are you"
            " hiring delivery drivers for Christmas?",
            "calm",
        ),
        agent("We are. He can apply on our careers page."),
        customer("I'll tell him. Cheers.", "calm"),
    ),
    parcel(
        "blind11_parcels_en_app_password_colleague",
        "en",
        "An elderly man cannot log in to the app and calmly asks for a colleague to guide him.",
        GREET_EN,
        customer(
            "Yes, hello. My grandson put your app on my telephone, but it keeps asking for a"
            " password and I never made one.",
            "doubt",
            "intent=technical_issue",
        ),
        agent("That's all right. Which email address did he use for the account?"),
        customer(
            "Er, I think it's my email. Arthur dot Bell, at homemail dot com. Bell with two L's.",
            "doubt",
            "intent=technical_issue",
            "other",
        ),
        agent("Thanks. I'll send a link to reset the password. Tap it and choose a new one."),
        customer(
            "A link. Where would that be, then? I'm sorry, I'm not very good with these things.",
            "doubt",
            "intent=technical_issue",
        ),
        agent("In your email inbox, from Vlotpost."),
        customer(
            "Could I perhaps speak to one of your colleagues who can go through it with me step"
            " by step? No rush.",
            "calm",
            "intent=request_human|technical_issue",
            "person",
        ),
        agent("Of course, I'll transfer you to technical support, they'll walk you through it."),
    ),
    parcel(
        "blind11_parcels_en_misdialled_wifi_evenings",
        "en",
        "A Wattnet customer with wifi dropping every evening reached the wrong company.",
        NEUTRAL_EN,
        customer(
            "Hi, my internet keeps dropping every evening around eight. The modem light goes"
            " orange and then it comes back after a few minutes.",
            "frustrated",
            "energy_internet:intent=outage",
        ),
        agent("I'm sorry to hear that. Which company do you have your internet with?"),
        customer("Wattnet. This is Wattnet, isn't it?", "doubt"),
        agent("No, this is Vlotpost, the parcel service. You'll need Wattnet's number."),
        customer("Oh, for heaven's sake. Do you happen to have it?", "frustrated"),
        agent("I'm afraid not, it should be on your bill or on their website."),
        customer("Right. Sorry to bother you.", "calm"),
        misdialled=True,
    ),
    parcel(
        "blind11_parcels_en_misdialled_meter_statement",
        "en",
        "A pensioner gives meter readings and doubts her annual statement at the wrong company.",
        NEUTRAL_EN,
        customer(
            "Hello. I'd like to pass on my meter readings. Electricity is four two three one"
            " five, and gas is, uh, one eight zero seven.",
            "calm",
            "energy_internet:intent=meter_reading",
        ),
        agent("I'm sorry, which company did you mean to call?"),
        customer(
            "My energy supplier, Wattnet. My annual statement says I owe them three hundred"
            " euros, and I think the readings they used are wrong.",
            "doubt",
            "energy_internet:intent=billing|meter_reading",
        ),
        agent("You've reached a parcel delivery service. We can't see your energy account."),
        customer("Oh dear. My daughter must have saved the wrong number in my phone.", "doubt"),
        agent("That happens. Their number should be on the annual statement."),
        customer("Thank you, love. Bye now.", "calm"),
        misdialled=True,
    ),
    parcel(
        "blind11_parcels_en_misdialled_dentist",
        "en",
        "A caller wants to move a dentist appointment and reached the wrong company.",
        NEUTRAL_EN,
        customer(
            "Hi, it's Kevin Doyle. I have an appointment on Wednesday at nine for a filling and I"
            " need to move it.",
            "calm",
        ),
        agent("I'm sorry, what is this appointment for?"),
        customer("My dentist. Doctor Smit. Is this not the dental practice?", "doubt"),
        agent("No, this is a parcel delivery service. I think you've dialled the wrong number."),
        customer("Ha, sorry. Wrong contact. Have a good day.", "calm"),
        misdialled=True,
    ),
    parcel(
        "blind11_parcels_en_misdialled_gym",
        "en",
        "An annoyed caller wants to cancel a gym membership and reached the wrong company.",
        NEUTRAL_EN,
        customer(
            "Yeah, I want to cancel my membership. I've been trying on the website for weeks and"
            " it won't let me.",
            "frustrated",
        ),
        agent("Which membership is that?"),
        customer(
            "The gym. Fit Forward, on the Amstelveenseweg. You're charging me thirty-nine euros a"
            " month for nothing.",
            "frustrated",
        ),
        agent("I'm sorry, you've reached the customer service of a parcel company, not the gym."),
        customer("Unbelievable. Okay. Bye.", "frustrated"),
        misdialled=True,
    ),
)

PARCELS_NL = (
    parcel(
        "blind11_parcels_nl_woonboot",
        "nl",
        "Een beller op een woonboot zonder huisnummer laat een pakket naar het nieuwe adres gaan.",
        GREET_NL,
        customer(
            "Hoi, goedemorgen. Ik woon sinds kort op een woonboot in Amsterdam en morgen komt er"
            " een pakket naar mijn oude adres. Kan dat nog omgezet worden?",
            "calm",
            "intent=address_change",
        ),
        agent("Dat kan als het nog niet onderweg is. Heeft u de trackingcode?"),
        customer(
            "Ja, eh, V P, drie vijf nul, twee acht een, zes.",
            "calm",
            "intent=address_change",
            "other",
        ),
        agent("Dank u. En wat is het nieuwe adres?"),
        customer(
            "Dat is dus het lastige. De boot ligt aan de Amstel, tegenover nummer zevenentachtig,"
            " maar hij heeft zelf geen huisnummer. Kan jullie bezorger daar wel gewoon bezorgen?",
            "doubt",
            "intent=address_change",
            "gap",
        ),
        agent("Dat weet ik eerlijk gezegd niet zeker. Ik vraag het even na bij de bezorging."),
        customer(
            "Fijn. Anders laat ik het wel naar mijn werk sturen.",
            "calm",
            "intent=address_change",
        ),
    ),
    parcel(
        "blind11_parcels_nl_vakantie_vasthouden",
        "nl",
        "Een gepensioneerde wil zijn pakketten drie weken laten vasthouden tijdens de vakantie.",
        GREET_NL,
        customer(
            "Goedemorgen, met Henk de Wit uit Apeldoorn. Wij gaan drie weken naar Portugal en ik"
            " verwacht in die tijd nog een paar pakketjes.",
            "calm",
            "intent=appointment_change|parcel_status",
        ),
        agent("Goedemorgen meneer De Wit. Wat kan ik voor u doen?"),
        customer(
            "Kunnen jullie die pakketten bij jullie in het depot bewaren tot we terug zijn? Dat"
            " is dan op de achtentwintigste.",
            "doubt",
            "intent=appointment_change|parcel_status",
            "gap",
        ),
        agent(
            "Drie weken vasthouden, daar ben ik niet zeker van. Een andere bezorgdag kiezen kan"
            " tot een week later."
        ),
        customer(
            "Een week, daar heb ik niks aan. En als de buren ze aannemen? Op nummer twaalf is"
            " altijd wel iemand.",
            "doubt",
            "intent=parcel_status|appointment_change",
        ),
        agent("Dat kan. In de app of op de website kiest u per pakket voor bezorgen bij de buren."),
        customer(
            "Ach, die app heb ik niet. Ik vraag het de buurvrouw wel gewoon. Bedankt, hè.", "calm"
        ),
    ),
    parcel(
        "blind11_parcels_nl_wasmachine_moeder",
        "nl",
        "Een dochter verzet de installatie van moeders wasmachine en geeft een compliment.",
        GREET_NL,
        customer(
            "Ja, goedemorgen. Ik bel namens mijn moeder, mevrouw Jansen-Bakker, zij is"
            " negenenzeventig. Volgende week dinsdag komt er een monteur om haar nieuwe wasmachine"
            " aan te sluiten.",
            "calm",
            "intent=appointment_change",
            "energy_internet:intent=appointment",
        ),
        agent("Goedemorgen. Wilt u die afspraak verzetten?"),
        customer(
            "Ja, want ik wil er zelf graag bij zijn en dinsdag moet ik werken. Kan het ook op een"
            " vrijdag?",
            "calm",
            "intent=appointment_change",
            "energy_internet:intent=appointment",
        ),
        agent("Dat kan. Wat is de postcode van uw moeder?"),
        customer(
            "Zeven vier een een, C, G. In Deventer.",
            "calm",
            "intent=appointment_change",
            "other",
        ),
        agent("Ik zie haar staan. Vrijdag de vijftiende tussen acht en twaalf, is dat goed?"),
        customer(
            "Perfect. En wilt u de bezorger van vorige keer een compliment geven? Die heeft de"
            " doos helemaal naar boven gesjouwd voor haar.",
            "calm",
        ),
        agent("Wat leuk om te horen, dat geef ik door."),
    ),
    parcel(
        "blind11_parcels_nl_zzp_plus_stoppen",
        "nl",
        "Een zzp'er die stopt met zijn webshop zegt Plus op en vraagt naar geld terug.",
        GREET_NL,
        customer(
            "Ja, met Ruud Verbeek. Ik wil mijn Plus-abonnement opzeggen. Ik stop met mijn webshop.",
            "calm",
            "intent=cancel_contract",
        ),
        agent("Dat is jammer. Mag ik u iets aanbieden, bijvoorbeeld drie maanden half tarief?"),
        customer(
            "Nee, hoeft niet. Ik verstuur straks helemaal niks meer.",
            "calm",
            "intent=cancel_contract",
        ),
        agent("Duidelijk. Ik heb het voor u opgezegd per het einde van deze maand."),
        customer(
            "Ik heb wel voor het hele jaar vooruitbetaald. Krijg ik de rest terug?",
            "doubt",
            "intent=cancel_contract|billing|refund_return",
        ),
        agent("Ja, de maanden die u niet gebruikt, storten we binnen dertig dagen terug."),
        customer(
            "Mooi. En stel dat ik over een half jaar toch weer begin, kan ik dan weer instappen"
            " voor hetzelfde tarief als nu?",
            "doubt",
            "intent=cancel_contract|other",
            "gap",
        ),
        agent("Dat kan ik u niet toezeggen, daar ken ik geen vaste regel voor."),
    ),
    parcel(
        "blind11_parcels_nl_invoerkosten_betaald_leidinggevende",
        "nl",
        "Betaalde invoerkosten zijn niet verwerkt; de beller eist halverwege een leidinggevende.",
        GREET_NL,
        customer(
            "Ja, hallo, met Esther Bos. Ik heb vorige week via jullie link de invoerkosten betaald"
            " voor een pakket uit Amerika, en nu krijg ik een herinnering dat ik nog moet betalen.",
            "frustrated",
            "intent=billing",
        ),
        agent("Vervelend. Heeft u de trackingcode voor mij?"),
        customer(
            "V P, acht nul nul, vier vier zeven, een.",
            "calm",
            "intent=billing|parcel_status",
            "other",
        ),
        agent("Ik zie de betaling niet binnengekomen. Heeft u een betaalbewijs?"),
        customer(
            "Ja natuurlijk, achttien euro vijfendertig, afgeschreven op de tweede. En het pakket"
            " staat nog steeds op wachten op betaling.",
            "frustrated",
            "intent=billing|parcel_status",
        ),
        agent(
            "Dan moet ik dat uitzoeken met de afdeling facturatie. Dat duurt een paar werkdagen."
        ),
        asks_for_a_manager(
            "Een paar werkdagen? Ik heb al betaald! Ik wil nu iemand die dit kan oplossen. Geeft u"
            " mij uw leidinggevende maar."
        ),
        agent("Ik begrijp het. Ik verbind u door met mijn teamleider."),
    ),
    parcel(
        "blind11_parcels_nl_pakketkluis_station",
        "nl",
        "Een oudere beller krijgt het deurtje van een pakketkluis op het station niet open.",
        GREET_NL,
        customer(
            "Goedemorgen, ja, ik sta hier bij de, eh, die pakketkast bij het station in Zwolle. En"
            " het deurtje gaat niet open.",
            "doubt",
            "intent=technical_issue",
        ),
        agent("Vervelend. Heeft u de ophaalcode bij de hand?"),
        customer(
            "Ik heb hier een sms. Het is, eh, vier zes, negen negen, een twee.",
            "doubt",
            "intent=technical_issue",
            "other",
        ),
        agent("Dank u. De code klopt. Wat staat er op het scherm?"),
        customer(
            "Er stond even vakje drieëntwintig, en toen hoorde ik een klik, maar het deurtje zit"
            " nog dicht. Moet ik duwen of zo?",
            "doubt",
            "intent=technical_issue",
        ),
        agent("Soms klemt het. Duwt u eerst even tegen het deurtje en trek het dan open."),
        customer("O wacht. Ja! Hij is open. Nou, dat is ook wat. Dank u wel, hoor.", "calm"),
    ),
    parcel(
        "blind11_parcels_nl_echt_mens_inloggen",
        "nl",
        "Een beller wil eerst zeker weten dat hij een mens spreekt en komt dan niet in de app.",
        GREET_NL,
        customer(
            "Hallo? Bent u een echt mens of is dit zo'n computer? Ik wil graag een mens spreken.",
            "doubt",
            "intent=request_human",
            "person",
        ),
        agent("Ja hoor, u spreekt met Daan, een echte medewerker. Waarmee kan ik u helpen?"),
        customer(
            "O, gelukkig. Ik kan niet meer inloggen in de app. Ik krijg steeds een code per mail,"
            " maar die mail komt nooit aan.",
            "calm",
            "intent=technical_issue",
        ),
        agent("Kijkt u ook even in de map met ongewenste mail?"),
        customer(
            "Eh, ongewenste... Nee. Wacht. Ja, daar staan er vijf.",
            "doubt",
            "intent=technical_issue",
        ),
        agent("Dan gebruikt u de nieuwste, die is een kwartier geldig."),
        customer("Hè hè. Ik ben binnen. Dank u wel, jongen.", "calm"),
    ),
    parcel(
        "blind11_parcels_nl_hanglamp_kapot",
        "nl",
        "Een hanglamp komt kapot aan en winkel en vervoerder wijzen naar elkaar.",
        GREET_NL,
        customer(
            "Goedemorgen. Ik heb gisteren een hanglamp ontvangen en het glas is helemaal aan"
            " diggelen. De doos was aan één kant ingedeukt.",
            "calm",
            "intent=refund_return",
        ),
        agent("Wat vervelend. Heeft u foto's gemaakt van de doos en de lamp?"),
        customer(
            "Ja, van allebei. Maar moet ik nu bij de winkel zijn of bij jullie? De winkel zegt:"
            " bel de vervoerder.",
            "doubt",
            "intent=refund_return",
        ),
        agent(
            "U kunt de schade bij ons melden met de foto's. Maar vaak gaat het sneller als de"
            " winkel als verzender de claim indient."
        ),
        customer(
            "Typisch, iedereen schuift het door. Het is wel een lamp van tweehonderdnegentig euro.",
            "frustrated",
            "intent=refund_return|complaint",
        ),
        agent("Ik snap het. Ik maak nu een schademelding aan en stuur u een link voor de foto's."),
        customer(
            "Goed. Stuurt u het maar naar het mailadres dat jullie hebben.",
            "calm",
            "intent=refund_return",
        ),
    ),
    parcel(
        "blind11_parcels_nl_fietsaccu_retour",
        "nl",
        "Een korte vraag of een e-bikeaccu als gewoon pakket retour mag.",
        GREET_NL,
        customer(
            "Hoi. Korte vraag. Ik moet een accu van een elektrische fiets terugsturen naar de"
            " webshop. Mag dat gewoon in een doos via jullie?",
            "calm",
            "intent=refund_return",
            "gap",
        ),
        agent("Goeie vraag. Voor accu's gelden aparte regels, ik moet even nakijken wat er geldt."),
        customer(
            "Hij weegt ruim drie kilo en hij is niet kapot, hoor.", "calm", "intent=refund_return"
        ),
        agent("Ik kan het niet meteen bevestigen. Een collega belt u vandaag nog terug."),
        customer(
            "Oké. Mijn nummer is nul zes, een twee drie, vier vijf, zes acht zeven.",
            "calm",
            "intent=refund_return",
            "other",
        ),
        agent("Genoteerd."),
        customer("Top, dank je.", "calm"),
    ),
    parcel(
        "blind11_parcels_nl_bloemenzaak_dubbele_incasso",
        "nl",
        "Een bloemist ziet een dubbele incasso, klaagt en wil voortaan per factuur betalen.",
        GREET_NL,
        customer(
            "Goedemorgen, met Fatima el Amrani van bloemenzaak De Tulp in Leiden. Ik heb een vraag"
            " over de factuur.",
            "calm",
            "intent=billing",
        ),
        agent("Natuurlijk. Wat is uw vraag?"),
        customer(
            "Jullie hebben deze maand twee keer geïncasseerd. Een keer op de eerste en een keer"
            " op de derde, allebei honderdtwaalf euro.",
            "doubt",
            "intent=billing",
        ),
        agent("Ik kijk even. Ja, ik zie twee incasso's. De tweede is een fout van ons."),
        customer(
            "Ja, en dat is al de tweede keer dit jaar. Ik ben een kleine zaak, ik kan dat geld"
            " niet zomaar missen.",
            "frustrated",
            "intent=complaint|billing",
        ),
        agent(
            "Dat begrijp ik heel goed. Ik zet de terugbetaling vandaag in gang, binnen vijf"
            " werkdagen staat het op uw rekening."
        ),
        customer(
            "En kan ik het voortaan gewoon zelf overmaken in plaats van die automatische incasso?",
            "calm",
            "intent=billing",
        ),
        agent("Ja, dat kan. Ik zet het om naar betalen per factuur."),
        customer("Fijn. Dank u.", "calm"),
    ),
    parcel(
        "blind11_parcels_nl_bus_op_stoep_leidinggevende",
        "nl",
        "Een klacht over een bezorger die op de stoep parkeert, met halverwege een leidinggevende.",
        GREET_NL,
        customer(
            "Ja, goedemorgen. Ik wil een klacht indienen over jullie bezorger. Die parkeert elke"
            " dag met zijn bus op de stoep, precies voor mijn inrit.",
            "frustrated",
            "intent=complaint",
        ),
        agent("Dat is vervelend. In welke straat is dat?"),
        customer(
            "De Kerkstraat in Oss. Postcode vijf drie vier een, G, W.",
            "frustrated",
            "intent=complaint",
            "other",
        ),
        agent("Dank u. Ik maak een klacht aan en de planning spreekt de bezorger erop aan."),
        customer(
            "Dat zei uw collega vorige maand ook. En gisteren lag mijn pakket gewoon in de regen"
            " op de mat, helemaal doorweekt.",
            "frustrated",
            "intent=complaint|refund_return",
        ),
        asks_for_a_manager(
            "Nee, ik ben er klaar mee. Ik wil iemand spreken die er wat over te zeggen heeft, uw"
            " leidinggevende."
        ),
        agent("Ik begrijp het. Ik vraag mijn teamleider om u vandaag nog terug te bellen."),
        customer("En die bus moet van mijn stoep af.", "frustrated", "intent=complaint"),
    ),
    parcel(
        "blind11_parcels_nl_kettinkje_kleindochter_zoek",
        "nl",
        "Een oma vraagt naar een verjaardagspakje voor haar kleindochter dat zoek blijkt.",
        GREET_NL,
        customer(
            "Goedemorgen, u spreekt met mevrouw Van der Laan uit Hoorn. Ik heb een pakje gestuurd"
            " naar mijn kleindochter in Groningen, voor haar verjaardag, en het is er nog steeds"
            " niet.",
            "doubt",
            "intent=parcel_status",
        ),
        agent("Dat is vervelend. Wanneer heeft u het verstuurd?"),
        customer(
            "Eh, dat was, wacht even, op de vierde. Ik heb het bonnetje hier. Er staat V P, een"
            " een vijf, nul nul negen, drie op.",
            "doubt",
            "intent=parcel_status",
            "other",
        ),
        agent(
            "Dank u. Het pakket is al zes dagen niet meer gescand in het sorteercentrum. Ik ben"
            " bang dat het zoek is."
        ),
        customer(
            "Och, hemeltje. Er zat een gouden kettinkje in. Wat nu?",
            "doubt",
            "intent=refund_return|parcel_status",
        ),
        agent(
            "We gaan er eerst naar zoeken. Als het na vijf werkdagen niet gevonden is, krijgt u"
            " een vergoeding."
        ),
        customer(
            "En hoeveel is dat dan? Het kettinkje was honderdveertig euro.",
            "doubt",
            "intent=refund_return",
        ),
        agent("Dat hangt af van de waarde en uw aankoopbewijs. Dat bekijkt de afdeling claims."),
        customer("Nou, dan hoop ik maar dat het nog opduikt. Dank u wel, hoor.", "calm"),
    ),
    parcel(
        "blind11_parcels_nl_verkeerd_geen_stroom",
        "nl",
        "Een Wattnet-klant zonder stroom belt per ongeluk het verkeerde bedrijf.",
        NEUTRAL_NL,
        customer(
            "Ja, hallo, we zitten hier zonder stroom. Het hele huis. De buren hebben wel licht.",
            "frustrated",
            "energy_internet:intent=outage",
        ),
        agent("Vervelend. Welk bedrijf dacht u te bellen?"),
        customer("Wattnet toch? Daar hebben we stroom en gas van.", "doubt"),
        agent("Nee, u bent bij de klantenservice van Vlotpost, de pakketdienst."),
        customer("Ach nee. Ik heb gewoon het laatste nummer teruggebeld. Sorry, hoor.", "doubt"),
        agent("Geen probleem. Kijk anders eerst even in de meterkast of er iets is uitgeslagen."),
        customer("O ja, goed idee. Dank u.", "calm"),
        misdialled=True,
    ),
    parcel(
        "blind11_parcels_nl_verkeerd_verhuizing",
        "nl",
        "Iemand wil energie en internet meeverhuizen en belt het verkeerde bedrijf.",
        NEUTRAL_NL,
        customer(
            "Goedemiddag. Wij verhuizen op één maart naar Amersfoort en ik wil ons energiecontract"
            " en internet meeverhuizen.",
            "calm",
            "energy_internet:intent=moving",
        ),
        agent("Welk bedrijf wilde u bellen, als ik vragen mag?"),
        customer(
            "Wattnet. Is dit niet Wattnet? En kan de monteur voor het internet dan meteen op de"
            " eerste komen?",
            "doubt",
            "energy_internet:intent=moving|appointment",
        ),
        agent("Nee, dit is een pakketbezorger. U heeft het verkeerde nummer gekozen."),
        customer("Oei, sorry. Dan zoek ik het goede nummer even op.", "calm"),
        misdialled=True,
    ),
    parcel(
        "blind11_parcels_nl_verkeerd_fietsverzekering",
        "nl",
        "Iemand wil de diefstal van een fiets bij zijn verzekeraar melden en belt verkeerd.",
        NEUTRAL_NL,
        customer(
            "Goedemiddag, ik wil schade melden. Mijn fiets is vannacht uit de schuur gestolen en"
            " hij is bij jullie verzekerd.",
            "doubt",
        ),
        agent("Bij welke verzekeraar bent u verzekerd?"),
        customer("Bij Polderzeker. Mijn polisnummer is twee vier zeven acht een.", "calm"),
        agent("Dan heeft u het verkeerde nummer gebeld, dit is de klantenservice van Vlotpost."),
        customer(
            "O, wat stom. Het nummer stond onder het vorige in mijn telefoon. Excuses.", "calm"
        ),
        misdialled=True,
    ),
    parcel(
        "blind11_parcels_nl_verkeerd_bibliotheek",
        "nl",
        "Iemand belt over een boete van de bibliotheek en krijgt het verkeerde bedrijf.",
        NEUTRAL_NL,
        customer(
            "Hallo, ik heb een vraag over een boete. Ik heb een aanmaning gekregen van vijf euro"
            " twintig, maar ik heb die boeken echt op tijd teruggebracht.",
            "frustrated",
        ),
        agent("Sorry, over welke boeken gaat het?"),
        customer(
            "Van de bibliotheek. Drie kinderboeken, ingeleverd in de bak bij de ingang. Dit is"
            " toch de bieb in Meppel?",
            "doubt",
        ),
        agent("Nee, helaas, u bent bij de klantenservice van een pakketbezorger."),
        customer("Hè, nou ja. Dan bel ik ze morgen wel. Fijne dag nog.", "calm"),
        misdialled=True,
    ),
)

ENERGY_EN = (
    energy(
        "blind11_energy_en_grandad_router_lights",
        "en",
        "An elderly caller whose internet has been down since yesterday reads out the modem "
        "lights and is booked a technician visit.",
        HELLO_EN,
        customer("Hello, yes, good morning. Uh, is this the Wattnet? For the internet?", "doubt"),
        agent("It is, yes. What can I do for you?"),
        customer(
            "Well, the internet has gone. Since yesterday afternoon. My grandson usually does "
            "these things, but he's in Spain.",
            "doubt",
            "intent=outage",
        ),
        agent("I'm sorry to hear that. Could you give me your postcode and house number?"),
        customer(
            "It's three, five, one, two, K, L. Number twelve.", "calm", "intent=outage", "other"
        ),
        agent("Thank you. What do the lights on the modem show?"),
        customer(
            "There's one blinking orange, and the one that says, uh, D S L is off completely. "
            "I've switched it off and on twice, like the leaflet says.",
            "calm",
            "intent=outage",
        ),
        agent("Then I'll send a technician to check the line. Would Thursday morning suit you?"),
        customer(
            "Thursday is fine. But could he ring the bell twice? I'm a bit slow on the stairs.",
            "calm",
            "intent=appointment",
        ),
    ),
    energy(
        "blind11_energy_en_moving_in_together",
        "en",
        "A man moving in with his girlfriend, both customers, stops supply at his flat and asks "
        "about the final reading and his internet.",
        HELLO_EN,
        customer(
            "Hi, so, my girlfriend and I are moving in together, and I've got a contract with "
            "you at my place, and she's got one at hers, also with you I think, and we'll keep "
            "hers.",
            "calm",
            "intent=moving|cancel_contract",
        ),
        agent("Congratulations! So the supply at your address should stop. When do you move out?"),
        customer(
            "The keys go back on the thirty-first of January. It's Vondelstraat forty-one B, "
            "in Haarlem.",
            "calm",
            "intent=moving",
        ),
        agent("Thanks. Do you have a smart meter there?"),
        customer(
            "No, it's the old one with the little wheel. Do I read it myself on the last day, "
            "or does someone come round?",
            "doubt",
            "intent=meter_reading|moving",
        ),
        agent("You read it yourself on the day you hand over the keys and fill it in online."),
        customer(
            "And the internet at my place, can I just take the modem to hers, or is that a new "
            "contract?",
            "doubt",
            "intent=moving|contract",
        ),
    ),
    energy(
        "blind11_energy_en_bakery_tariff_vat",
        "en",
        "A bakery owner asks whether an off-peak tariff suits his early ovens and wants the "
        "invoices in the company's name with VAT shown.",
        HELLO_EN,
        customer(
            "Morning. I run a bakery in Deventer, the ovens are on from four in the morning, "
            "and I think I'm on the wrong tariff.",
            "calm",
            "intent=contract",
        ),
        agent("Let's have a look. Is the contract in your own name or the company's?"),
        customer(
            "My own name, and that's the other thing. My accountant says the invoices have to be "
            "in the name of the company, De Korenbloem, with the VAT on a separate line, or I "
            "can't deduct it. Can you do that?",
            "calm",
            "intent=billing|contract",
            "gap",
        ),
        agent("I'll check that with my colleagues. About the tariff: you use most of it early?"),
        customer(
            "Between four and eleven. So is a day and night tariff cheaper for me, or one of "
            "those dynamic ones where the price changes every hour?",
            "calm",
            "intent=contract",
        ),
        agent("With that usage a night tariff would probably save you money. I'll email an offer."),
        customer(
            "Send it to info at korenbloem dot n l. And don't ring between six and eight, that's "
            "the rush.",
            "calm",
            "intent=contract",
            "other",
        ),
    ),
    energy(
        "blind11_energy_en_meter_day_night_words",
        "en",
        "A retired man reads out his meter readings after a letter and is unsure which of the "
        "two electricity numbers is day and which is night.",
        HELLO_EN,
        customer(
            "Good morning. I had a letter asking for my meter readings. I've written them down "
            "here.",
            "calm",
            "intent=meter_reading",
        ),
        agent("Lovely. Could you give me your customer number first?"),
        customer(
            "It's seven, zero, zero, four, eight, eight, one, three.",
            "calm",
            "intent=meter_reading",
            "other",
        ),
        agent("Thank you, Mr Okafor. Go ahead with the readings."),
        customer(
            "There are two on the electricity one. The top says one two four five six, and "
            "underneath it says zero eight nine nine one. Which one is the day?",
            "doubt",
            "intent=meter_reading",
        ),
        agent("The one marked one is normally the night tariff, the one marked two is the day."),
        customer(
            "Oh dear. Then I may have given them the wrong way round last year. Was my bill "
            "wrong, then?",
            "doubt",
            "intent=meter_reading|billing",
        ),
        agent("Not necessarily. I'll compare last year's readings with these."),
        customer(
            "And the gas is four thousand, three hundred and twelve. Thank you for your "
            "patience, young man.",
            "calm",
            "intent=meter_reading",
        ),
    ),
    energy(
        "blind11_energy_en_vague_letter_reminder",
        "en",
        "A caller opens vaguely about a letter, which turns out to be a second payment reminder "
        "after a bank change, and asks to pay in parts.",
        HELLO_EN,
        customer("Hi. Um, I have a question about something I got. A letter.", "doubt"),
        agent("Of course. What does it say at the top?"),
        customer(
            "It says, uh, second reminder. Two hundred and eighteen euros. I never even saw a "
            "first one.",
            "doubt",
            "intent=billing",
        ),
        agent("I see it: the October bill wasn't paid, the direct debit was refused."),
        customer(
            "Right, I changed banks in September. I can't pay it all at once right now, I'm "
            "between jobs. Can I pay it in bits?",
            "doubt",
            "intent=billing",
        ),
        agent("Yes, we can set up a payment arrangement, for example in three monthly parts."),
        customer(
            "Three is good. And can you take it from my new account from now on? I'll read you "
            "the number.",
            "calm",
            "intent=billing",
        ),
    ),
    energy(
        "blind11_energy_en_technician_no_show",
        "en",
        "A calm caller asks where the fibre technician is, learns the visit was marked as "
        "'not home' for the second time, complains and asks for a manager.",
        HELLO_EN,
        customer(
            "Hi, I was waiting for a technician this morning between eight and twelve, to put "
            "in the fibre box. It's half past one now.",
            "calm",
            "intent=appointment",
        ),
        agent("Let me check. I see the appointment, but it's been marked as customer not home."),
        customer(
            "Not home? I was home all morning. I took the day off for this.",
            "frustrated",
            "intent=appointment|complaint",
        ),
        agent("I'm sorry. I can book a new visit, the first free slot is next Wednesday."),
        customer(
            "That's what they said last time! This is the second time nobody turned up, and "
            "nobody even rang.",
            "frustrated",
            "intent=complaint",
        ),
        asks_for_a_manager("No, I'm not booking again. I want to speak to your manager. Now."),
        agent("I understand. I'll ask my team lead to come on the line."),
        customer(
            "Fine. And I want it written down that I lost a day's pay over this.",
            "frustrated",
            "intent=complaint",
        ),
    ),
    energy(
        "blind11_energy_en_blunt_switch",
        "en",
        "A blunt caller switching to another supplier only wants the end date and the final "
        "bill, and is annoyed by a cancellation fee.",
        HELLO_EN,
        customer(
            "I'm switching. Other supplier. Just need to know when you stop.",
            "calm",
            "intent=cancel_contract",
        ),
        agent("Alright. Has the new supplier arranged the switch for you?"),
        customer("They said they would. Started yesterday.", "calm", "intent=cancel_contract"),
        agent(
            "Then they'll send us the request. Your fixed contract runs until March, so there's "
            "a fee of fifty euros."
        ),
        customer(
            "Fifty? Nobody told me that. Whatever.",
            "frustrated",
            "intent=cancel_contract|contract",
        ),
        agent("It'll be on the final bill, which you get within six weeks of the switch."),
        customer("Email, not paper. That's all.", "calm", "intent=billing", "other"),
    ),
    energy(
        "blind11_energy_en_daughter_doorstep_sale",
        "en",
        "A daughter calls for her elderly mother, who was talked into a new contract by a "
        "doorstep salesman, withdraws it, complains and asks to be put on the account.",
        HELLO_EN,
        customer(
            "Hello, I'm calling for my mother, she's eighty-three, she's sitting next to me and "
            "she says I can talk for her. Her name is Hilda Verbeek.",
            "calm",
        ),
        agent("Hello. If your mother agrees, that's fine. What's happened?"),
        customer(
            "So last Tuesday a young man came to the door, very friendly, Wattnet jacket and "
            "everything, and he talked her into a new three year contract, and she already had "
            "one with you, and now there's a letter with a higher monthly amount and she doesn't "
            "understand any of it, and frankly neither do I.",
            "frustrated",
            "intent=complaint|contract",
        ),
        agent("I'm sorry about that. When exactly did she sign?"),
        customer(
            "The fourteenth. So that's, what, eight days ago? Can she still undo it?",
            "doubt",
            "intent=contract|cancel_contract",
        ),
        agent("Yes, within fourteen days she can withdraw. I can do that for her right now."),
        customer(
            "Please. And I want to complain about that salesman, he shouldn't be going round old "
            "people like that.",
            "frustrated",
            "intent=complaint",
        ),
        agent("I'll register the complaint as well. She'll get a letter confirming both."),
        customer(
            "Thank you. And can I be put on her account somehow, so I can ring about it in "
            "future? She's getting a bit forgetful.",
            "calm",
            "intent=other|contract",
            "gap",
        ),
    ),
    energy(
        "blind11_energy_en_ask_for_priya",
        "en",
        "A caller who was promised a call back about an annual statement refund calmly asks to "
        "be put through to the colleague she spoke to.",
        HELLO_EN,
        customer(
            "Hi, yesterday I spoke to a colleague of yours, Priya, about my bill, and she said "
            "she'd call me back, but she hasn't.",
            "calm",
            "intent=billing",
        ),
        agent("I'm sorry she hasn't called. Maybe I can help you with it?"),
        customer(
            "I'd honestly rather speak to her, she knows the whole story. Could you put me "
            "through to her?",
            "calm",
            "intent=request_human",
            "person",
        ),
        agent(
            "I can't transfer you to one person, but I can see her notes. It was about the "
            "credit on your annual statement?"
        ),
        customer(
            "Yes, the annual statement said I get ninety euros back, and that was five weeks ago.",
            "calm",
            "intent=billing",
        ),
        agent("The refund is approved; it'll be in your account within five working days."),
        customer("Okay. Then I don't need her after all. Thanks.", "calm"),
    ),
    energy(
        "blind11_energy_en_app_code_smart_meter",
        "en",
        "A caller cannot log into the app on a new phone, and then asks why the usage graph "
        "has been empty since the smart meter was fitted.",
        HELLO_EN,
        customer(
            "Hiya. I got a new phone and now the Wattnet app won't let me in, it keeps saying "
            "the code has expired.",
            "frustrated",
            "intent=other|billing",
        ),
        agent("That's the text message code. Does the message arrive at all?"),
        customer(
            "It arrives, but by the time I, uh, switch back to the app it says expired. Every "
            "time.",
            "frustrated",
            "intent=other|billing",
        ),
        agent("You can log in with your email and password instead. I'll send a reset link."),
        customer(
            "Okay, that worked. Now while I have you, there's nothing in the usage graph since "
            "they put the smart meter in, in August.",
            "calm",
            "intent=meter_reading|other",
        ),
        agent("Then the meter may not be sending readings. Is there a light blinking on it?"),
        customer(
            "I'd have to go down to the cellar. Hang on. There's a little red light next to "
            "where it says P one, and nothing else.",
            "doubt",
            "intent=meter_reading",
        ),
    ),
    energy(
        "blind11_energy_en_power_cut_oxygen",
        "en",
        "A caller without electricity, whose husband uses an oxygen machine, asks whether "
        "people with medical equipment get priority.",
        HELLO_EN,
        customer(
            "Our power has gone. The whole house, and I think the neighbours too, their lights "
            "are off.",
            "frustrated",
            "intent=outage",
        ),
        agent("I'm sorry. What's your postcode, please?"),
        customer("Two eight one one, E G. Number five.", "calm", "intent=outage", "other"),
        agent(
            "There's a fault in your area. The grid operator is on it, they expect it fixed "
            "around six o'clock."
        ),
        customer(
            "Six? My husband is on an oxygen machine, the battery lasts maybe two hours. Are we "
            "put first for that? Is there a list for people with medical equipment?",
            "frustrated",
            "intent=outage",
            "gap",
        ),
        agent("Let me find out what we can do. Is there somewhere you could go in the meantime?"),
        customer(
            "My son is coming with the car. Please ring me if it's sooner.",
            "doubt",
            "intent=outage",
        ),
    ),
    energy(
        "blind11_energy_en_third_call_evening_drops",
        "en",
        "A home worker whose internet drops every evening calls for the third time, demands a "
        "supervisor and asks for money back for the lost evenings.",
        HELLO_EN,
        customer(
            "Third time I'm calling about this. Internet drops every evening around eight. "
            "Every single evening.",
            "frustrated",
            "intent=outage|complaint",
        ),
        agent("I'm sorry. I see the earlier calls. We reset your line last week, did that help?"),
        customer(
            "For two days. Then the same again. I work from home, I've had to sit in a cafe for "
            "my calls.",
            "frustrated",
            "intent=outage",
        ),
        asks_for_a_manager("I don't want another reset. Put me through to a supervisor."),
        agent("I'll ask my supervisor. Meanwhile I'm sending a technician to check the street."),
        customer(
            "And I'm paying for a full month of internet I can't use in the evenings. Do I get "
            "any of that back?",
            "frustrated",
            "intent=billing|complaint|outage",
            "gap",
        ),
    ),
    energy(
        "blind11_energy_en_misdial_delivery_card",
        "en",
        "An elderly caller with a missed-delivery card from Vlotpost rings the wrong company "
        "about her parcel.",
        NEUTRAL_EN,
        customer(
            "Hello dear. I found a card on the mat saying you tried to deliver a parcel, but I "
            "was in all day.",
            "doubt",
            "parcels:intent=parcel_status|complaint",
        ),
        agent("I'm sorry, which company's card is it?"),
        customer(
            "It says Vlotpost at the top. And there's a code, V P, three three nine, zero one, K.",
            "calm",
            "parcels:intent=parcel_status",
            "parcels:other",
        ),
        agent(
            "Ah, I'm afraid you've got the wrong number, we're not a delivery company. Their "
            "number should be on the card as well."
        ),
        customer("Oh, my glasses. Yes, there it is, at the bottom. I'm so sorry.", "calm"),
        misdialled=True,
    ),
    energy(
        "blind11_energy_en_misdial_customs_fee",
        "en",
        "A caller who had to pay import charges to a Vlotpost driver rings the wrong company to "
        "get part of it back.",
        NEUTRAL_EN,
        customer(
            "Yeah hi, I just had to pay twenty-two euros to your driver before he'd give me my "
            "package. It's a T-shirt from America, it cost thirty.",
            "frustrated",
            "parcels:intent=billing|complaint",
        ),
        agent("I'm sorry, who delivered the package?"),
        customer(
            "Vlotpost. It says import duties and handling. What's the handling part? I want "
            "that back.",
            "frustrated",
            "parcels:intent=billing|refund_return",
        ),
        agent("I think you've reached the wrong company, we don't deliver parcels."),
        customer(
            "Seriously? I took this number off the receipt. Fine, I'll look again.", "frustrated"
        ),
        misdialled=True,
    ),
    energy(
        "blind11_energy_en_misdial_dentist",
        "en",
        "A caller trying to move a dental check-up reaches the wrong company.",
        NEUTRAL_EN,
        customer(
            "Hi, this is Tom Hendricks, I've got a check-up on Monday at nine and I need to "
            "move it, something's come up at work.",
            "calm",
        ),
        agent("A check-up? I think you may have the wrong number, sir."),
        customer("Isn't this the dental practice on Stationsweg? Doctor Bos?", "doubt"),
        agent("No, I'm afraid not."),
        customer("Oh. I must have tapped the wrong one in my phone. Sorry about that.", "calm"),
        misdialled=True,
    ),
    energy(
        "blind11_energy_en_misdial_car_insurance",
        "en",
        "A caller who wants to cancel a car insurance policy after a premium rise reaches the "
        "wrong company.",
        NEUTRAL_EN,
        customer(
            "Good afternoon. My car insurance has gone up by forty euros a year without any "
            "explanation, and I'd like to cancel the policy.",
            "frustrated",
        ),
        agent("I'm sorry, we don't do car insurance. Which insurer are you with?"),
        customer(
            "Zekerwel. The number was on the renewal letter. Oh, hang on, this is the roadside "
            "assistance number, isn't it?",
            "doubt",
        ),
        agent("It isn't, I'm afraid. Their customer service number should be on your policy."),
        customer("Found it, on the back. Sorry to bother you.", "calm"),
        misdialled=True,
    ),
)

ENERGY_NL = (
    energy(
        "blind11_energy_nl_thuiswerker_wifi_boven",
        "nl",
        "Een thuiswerker bij wie de wifi boven steeds wegvalt, twijfelt over een sneller "
        "abonnement, vindt een betaalde versterker te gek en wil een leidinggevende.",
        HELLO_NL,
        customer(
            "Ja hallo, met Kees de Boer. Ik werk thuis en mijn internet valt steeds weg, vooral "
            "'s avonds.",
            "frustrated",
            "intent=outage",
        ),
        agent("Vervelend. Valt het helemaal weg, of wordt het alleen traag?"),
        customer(
            "Allebei. Beneden gaat het nog, maar boven op mijn werkkamer heb ik soms gewoon "
            "niks. Zit ik midden in een Teams-gesprek, weg.",
            "frustrated",
            "intent=outage",
        ),
        agent("Het modem staat beneden, neem ik aan? Misschien helpt een wifi-versterker boven."),
        customer(
            "Of moet ik gewoon een sneller abonnement nemen? Dan betaal ik wel wat meer, als het "
            "maar werkt.",
            "doubt",
            "intent=contract|outage",
        ),
        agent(
            "Sneller internet helpt niet als het signaal boven zwak is. Ik kan een versterker "
            "sturen, die kost vier euro per maand."
        ),
        customer(
            "Vier euro per maand extra omdat jullie wifi het niet doet? Dat vind ik echt te gek "
            "voor woorden.",
            "frustrated",
            "intent=complaint|outage|contract",
        ),
        asks_for_a_manager("Weet u wat, ik wil hier even uw leidinggevende over spreken."),
    ),
    energy(
        "blind11_energy_nl_student_verhuist_groningen",
        "nl",
        "Een student verhuist naar een kamer in Groningen waar al internet is, en zegt zijn "
        "internet op in plaats van het mee te nemen.",
        HELLO_NL,
        customer(
            "Hoi, ik ga verhuizen, van Utrecht naar Groningen, en ik wil mijn internet "
            "meenemen. Kan dat gewoon?",
            "calm",
            "intent=moving",
        ),
        agent("Dat kan. Wat is de postcode en het huisnummer van het nieuwe adres?"),
        customer(
            "Negen zeven één twee, A B. Drieëntwintig, maar het is een kamer, dus drieëntwintig a.",
            "calm",
            "intent=moving",
            "other",
        ),
        agent("Dank je. Daar is glasvezel. Per wanneer wil je het daar hebben?"),
        customer(
            "Eerste maart. Maar eh, mijn huisgenoten hebben daar al internet, van een andere "
            "partij. Moet ik dan eigenlijk opzeggen?",
            "doubt",
            "intent=moving|cancel_contract",
        ),
        agent(
            "Als er op het nieuwe adres al een aansluiting is, kun je kosteloos opzeggen. Ik heb "
            "dan wel een bewijs van je inschrijving nodig."
        ),
        customer(
            "Oké, dan zeg ik op. Stroom heb ik niet bij jullie, dus dat hoeft niet.",
            "calm",
            "intent=cancel_contract|moving",
        ),
    ),
    energy(
        "blind11_energy_nl_slimme_meter_geschat",
        "nl",
        "Een beller snapt niet waarom zijn jaarafrekening op een geschatte stand is gebaseerd "
        "terwijl hij een slimme meter heeft, en leest de meter zelf af.",
        HELLO_NL,
        customer(
            "Goedemorgen, Van Dijk hier. Ik heb de jaarafrekening gekregen en daar staat "
            "geschatte meterstand. Maar ik heb toch een slimme meter?",
            "doubt",
            "intent=billing|meter_reading",
        ),
        agent("Dat klopt, maar ik zie dat uw slimme meter sinds juni geen standen doorgeeft."),
        customer(
            "O. Daar heb ik niks van gemerkt. En nu moet ik honderdveertig euro bijbetalen, op "
            "een schatting.",
            "frustrated",
            "intent=billing",
        ),
        agent("Als u de meter nu afleest, laat ik de afrekening corrigeren."),
        customer(
            "Ik sta ervoor. Stroom, eh, tarief één: nul vijf drie acht zeven. Tarief twee: nul "
            "vier één één nul. Gas: twee negen vier vijf.",
            "calm",
            "intent=meter_reading",
        ),
        agent(
            "Dank u. Ik vraag een nieuwe afrekening aan en laat de meter op afstand controleren."
        ),
        customer(
            "En als hij dan weer niks doorgeeft? Komt er dan iemand langs om dat ding te maken?",
            "doubt",
            "intent=meter_reading|appointment",
        ),
    ),
    energy(
        "blind11_energy_nl_termijnbedrag_omlaag",
        "nl",
        "Een vrouw met nieuwe zonnepanelen kreeg geld terug, laat haar termijnbedrag verlagen "
        "en wil de incasso op een andere dag.",
        HELLO_NL,
        customer(
            "Dag, met Yvonne Bakker. Ik kreeg vorige maand driehonderd euro terug, dus ik betaal "
            "kennelijk te veel per maand.",
            "calm",
            "intent=billing",
        ),
        agent(
            "Dat kan. U betaalt nu honderdvijfenzeventig euro per maand. Wat had u in gedachten?"
        ),
        customer(
            "Nou, eh, ik heb sinds dit jaar zonnepanelen, dus ik dacht zo'n honderdtwintig?",
            "doubt",
            "intent=billing",
        ),
        agent("Op basis van uw verbruik adviseren we honderddertig euro. Zal ik dat aanpassen?"),
        customer(
            "Doe maar honderddertig. En dat wordt nog steeds automatisch afgeschreven, op de "
            "achtentwintigste?",
            "calm",
            "intent=billing",
        ),
        agent("Ja, de automatische incasso blijft op de achtentwintigste."),
        customer(
            "Kan dat niet de vijfde worden? Dan is mijn salaris binnen.", "calm", "intent=billing"
        ),
    ),
    energy(
        "blind11_energy_nl_aanmaning_al_betaald",
        "nl",
        "Een beller krijgt een aanmaning met incassokosten voor een rekening die ze al betaald "
        "heeft, klaagt dat het de tweede keer is en vraagt naar een leidinggevende.",
        HELLO_NL,
        customer(
            "Ja goedemiddag. Ik heb hier een aanmaning van jullie, met vijftien euro "
            "incassokosten erbij, en die rekening heb ik allang betaald.",
            "frustrated",
            "intent=billing|complaint",
        ),
        agent("Vervelend. Wanneer heeft u betaald, en hoe?"),
        customer(
            "Op drie oktober, via de betaallink in de mail. Ik heb het afschrift hier voor me.",
            "calm",
            "intent=billing",
        ),
        agent(
            "Ik zie de betaling niet terug, misschien staat die op een ander factuurnummer. Wilt "
            "u het betaalbewijs mailen?"
        ),
        customer(
            "Het is de tweede keer dit jaar. Vorige keer ook mailen, weken wachten, niemand die "
            "iets terugschrijft. Ik ben er klaar mee.",
            "frustrated",
            "intent=complaint|billing",
        ),
        asks_for_a_manager("Nee, ik wil nu uw leidinggevende spreken. Niet weer mailen."),
        agent("Ik begrijp het. Ik zet de aanmaning alvast stop en vraag mijn teamleider erbij."),
        customer(
            "Graag. En die kosten moeten eraf, niet alleen stopgezet.",
            "frustrated",
            "intent=billing|complaint",
        ),
    ),
    energy(
        "blind11_energy_nl_monteur_verzetten",
        "nl",
        "Een man moet onverwacht werken en verzet de afspraak voor de glasvezelmonteur; zijn "
        "buurvrouw laat de monteur binnen.",
        HELLO_NL,
        customer(
            "Goeiemorgen. Eh, ik heb donderdag een afspraak met de monteur, voor de glasvezel, "
            "maar ik moet onverwacht werken.",
            "calm",
            "intent=appointment",
        ),
        agent("Dan verzetten we die. Mag ik uw postcode en huisnummer?"),
        customer(
            "Vier acht één één... nee wacht, vier acht één twee, K T, nummer zeventien.",
            "calm",
            "intent=appointment",
            "other",
        ),
        agent("Ik heb maandag tussen acht en twaalf, of woensdag tussen één en vijf."),
        customer(
            "Woensdagmiddag. Maar moet ik er zelf bij zijn? Mijn buurvrouw heeft een sleutel.",
            "doubt",
            "intent=appointment",
        ),
        agent("Er moet iemand van achttien of ouder thuis zijn, dat mag uw buurvrouw zijn."),
        customer(
            "Dan doet zij het. Mevrouw Hoekstra heet ze, voor als de monteur aanbelt.",
            "calm",
            "intent=appointment",
            "other",
        ),
    ),
    energy(
        "blind11_energy_nl_vader_overleden",
        "nl",
        "Een dochter belt na het overlijden van haar vader over zijn energiecontract en vraagt "
        "wat er moet gebeuren nu het huis leeg staat.",
        HELLO_NL,
        customer(
            "Goedemiddag. Ik bel namens mijn vader, eh, nou ja, mijn vader is drie weken "
            "geleden overleden.",
            "doubt",
        ),
        agent("Gecondoleerd. Ik help u graag. Op welke naam en welk adres staat het contract?"),
        customer(
            "Gerrit Mulder, Kerkstraat negen in Zwolle. Het huis wordt verkocht, maar dat duurt "
            "nog wel even.",
            "calm",
            "intent=cancel_contract|contract",
            "other",
        ),
        agent("Ik zie het. Heeft u een akte van overlijden?"),
        customer(
            "Die heb ik. Maar het huis staat leeg. Moet het contract doorlopen tot de verkoop, "
            "en op wiens naam dan? We zijn met z'n drieën, de kinderen.",
            "doubt",
            "intent=cancel_contract|contract",
            "gap",
        ),
        agent("Dat ga ik navragen bij de collega's die overlijdens afhandelen."),
        customer(
            "En er gaat nog steeds elke maand geld van zijn rekening af. Dat termijnbedrag, "
            "kan dat omlaag zolang er niemand woont?",
            "doubt",
            "intent=billing",
        ),
    ),
    energy(
        "blind11_energy_nl_gat_in_vloer",
        "nl",
        "Een oudere dame begint omslachtig en klaagt dat de glasvezelmonteur door haar "
        "eikenhouten vloer heeft geboord, en vraagt wie de schade betaalt.",
        HELLO_NL,
        customer(
            "Ja, goedemiddag, u spreekt met Anneke Smit uit Amersfoort. Kijk, ik wil niet "
            "moeilijk doen, ik ben heel blij met het internet hoor, mijn kleinzoon zegt ook dat "
            "het snel is, maar.",
            "calm",
        ),
        agent("Maar er is iets niet goed gegaan?"),
        customer(
            "Nou, de monteur is vorige week geweest, en die heeft dat kastje in de gang gehangen, "
            "en daarbij is hij dwars door mijn eikenhouten vloer gegaan. Een gat zo groot als "
            "een euro. En hij heeft niks gezegd, ik zag het pas toen hij weg was.",
            "frustrated",
            "intent=complaint",
        ),
        agent("Wat vervelend. Dat leg ik graag vast als klacht. Heeft u er een foto van?"),
        customer(
            "Die heeft mijn kleinzoon gemaakt, die kan hij mailen. Maar wie gaat dat betalen? "
            "Die vloer heeft mijn man er destijds zelf in gelegd.",
            "frustrated",
            "intent=complaint",
            "gap",
        ),
        agent("Ik vraag na hoe de schade vergoed wordt. U hoort binnen vijf werkdagen van ons."),
        customer(
            "Vijf werkdagen. Nou, goed. Maar schrijft u wel op dat ik het netjes gemeld heb?",
            "doubt",
            "intent=complaint",
        ),
    ),
    energy(
        "blind11_energy_nl_bewindvoerder_jeroen",
        "nl",
        "Een bewindvoerder wil dat de post van haar cliënt naar haar kantoor gaat en vraagt "
        "rustig naar de collega die het dossier kent.",
        HELLO_NL,
        customer(
            "Goedemorgen, met Marloes Visser. Ik ben bewindvoerder van een van uw klanten, "
            "meneer Yilmaz.",
            "calm",
        ),
        agent("Goedemorgen. Waar gaat het om?"),
        customer(
            "Ik heb vorige week de beschikking van de rechtbank opgestuurd, zodat de facturen en "
            "aanmaningen voortaan naar mijn kantoor gaan. Maar hij krijgt ze nog steeds thuis.",
            "calm",
            "intent=billing",
            "gap",
        ),
        agent("Ik zie dat de beschikking binnen is, maar nog niet verwerkt."),
        customer(
            "Vorige keer had ik een collega van u, Jeroen, die zou het regelen. Kunt u mij met "
            "hem doorverbinden? Hij kent het dossier.",
            "calm",
            "intent=request_human",
            "person",
        ),
        agent(
            "Ik kan niet naar één collega doorverbinden, maar ik zet het met spoed door naar de "
            "facturatie."
        ),
        customer(
            "Goed. Er loopt ook nog een betalingsregeling voor hem, die moet gewoon doorlopen.",
            "calm",
            "intent=billing",
        ),
    ),
    energy(
        "blind11_energy_nl_zoon_sneller_internet",
        "nl",
        "Een moeder wil sneller internet voor haar gamende zoon en vraagt meteen of haar "
        "variabele stroomtarief vast kan.",
        HELLO_NL,
        customer(
            "Hallo, ja, mijn zoon zegt dat ons internet te traag is voor zijn spelletjes. Hij "
            "zegt dat we meer megabit moeten. Ik weet niet eens wat dat is.",
            "doubt",
            "intent=contract|outage",
        ),
        agent(
            "Dat hoor ik vaker. U heeft nu honderd megabit, we hebben ook vijfhonderd en duizend."
        ),
        customer("En wat kost dat dan extra?", "calm", "intent=contract"),
        agent("Vijfhonderd is zeven euro per maand meer, duizend is vijftien euro meer."),
        customer(
            "Doe maar vijfhonderd, dat betaalt hij zelf van zijn zakgeld. Zit ik dan weer een "
            "jaar vast?",
            "calm",
            "intent=contract",
        ),
        agent("Nee, bij een upgrade loopt uw huidige contract gewoon door."),
        customer(
            "Oké. En nu ik u toch heb: die stroom is variabel, hè? Kan dat niet vast, alles "
            "wordt steeds duurder.",
            "doubt",
            "intent=contract",
        ),
    ),
    energy(
        "blind11_energy_nl_geen_warm_water",
        "nl",
        "Een oudere vrouw zonder warm water denkt dat het gas is afgesloten, maar het fornuis "
        "brandt nog en het ligt aan de cv-ketel.",
        HELLO_NL,
        customer(
            "Goedemorgen, met mevrouw De Graaf. Ik heb geen warm water en de verwarming blijft "
            "koud. Is het gas afgesloten?",
            "doubt",
            "intent=outage",
        ),
        agent("Dat ga ik voor u na. Wat is uw postcode?"),
        customer(
            "Zeven vier één één, B, eh, B K. Huisnummer honderdtwee.",
            "calm",
            "intent=outage",
            "other",
        ),
        agent("Ik zie geen storing bij u in de buurt. Doet het gasfornuis het nog?"),
        customer("Even kijken... ja, die brandt gewoon.", "calm", "intent=outage"),
        agent(
            "Dan is er gas, en zit het probleem waarschijnlijk in de cv-ketel. Daarvoor moet u "
            "een installateur bellen."
        ),
        customer(
            "O. Die ketel, dat is van de woningcorporatie geloof ik. Weet u dat nummer toevallig?",
            "doubt",
        ),
    ),
    energy(
        "blind11_energy_nl_app_mailadres_avg",
        "nl",
        "Een beller komt niet meer in de app nu zijn oude mailadres niet meer bestaat, en wil "
        "daarna weten welke gegevens Wattnet van hem bewaart.",
        HELLO_NL,
        customer(
            "Ja dag. Ik kom niet meer in die app van jullie. Mijn oude mailadres bestaat niet "
            "meer, dus die inlogcode komt nergens aan.",
            "frustrated",
            "intent=other|billing",
        ),
        agent("Dan pas ik uw e-mailadres aan. Wat is uw klantnummer?"),
        customer(
            "Zes, acht, nul, nul, twee, vijf, negen, één.",
            "calm",
            "intent=other|billing",
            "other",
        ),
        agent("Dank u. En het nieuwe e-mailadres?"),
        customer(
            "Hendrik punt Jansen, apenstaartje, mijnmail punt n l. Hendrik met een d aan het eind.",
            "calm",
            "intent=other|billing",
            "other",
        ),
        agent("Aangepast. U krijgt nu een nieuwe code op dat adres."),
        customer(
            "Binnen. Zeg, ik las dat bedrijven van alles bewaren. Ik wil een overzicht van alle "
            "gegevens die jullie van mij hebben. Hoe vraag ik dat aan?",
            "calm",
            "intent=other",
            "gap",
        ),
    ),
    energy(
        "blind11_energy_nl_misdial_pakket_gemist",
        "nl",
        "Een beller met een niet-thuis-briefje van Vlotpost wil het pakket morgen opnieuw laten "
        "bezorgen en belt het verkeerde bedrijf.",
        NEUTRAL_NL,
        customer(
            "Goedemiddag, ik had een briefje in de bus dat jullie me gemist hebben. Kan het "
            "pakket morgen nog een keer komen?",
            "calm",
            "parcels:intent=parcel_status|appointment_change",
        ),
        agent("Een pakket? Van welke bezorger is dat briefje?"),
        customer(
            "Van Vlotpost. De code is V P, vijf vijf twee, acht acht nul, Z.",
            "calm",
            "parcels:intent=parcel_status",
            "parcels:other",
        ),
        agent("Dan bent u verkeerd verbonden, wij zijn geen pakketbezorger."),
        customer(
            "O, wat stom. Ik heb het nummer van internet overgetypt, daar staan er zoveel. "
            "Excuses.",
            "calm",
        ),
        misdialled=True,
    ),
    energy(
        "blind11_energy_nl_misdial_plus_opzeggen",
        "nl",
        "Een beller die zijn Vlotpost Plus wil opzeggen, belt het nummer van een ander bedrijf.",
        NEUTRAL_NL,
        customer(
            "Ja hallo, met Ruud Kramer. Ik wil mijn Vlotpost Plus opzeggen, ik bestel bijna "
            "niks meer.",
            "calm",
            "parcels:intent=cancel_contract",
        ),
        agent("Meneer Kramer, u bent hier niet bij Vlotpost, dit is een ander bedrijf."),
        customer(
            "Hè? Ik heb het nummer uit de mail. Nou ja, weet u misschien of ik er dit jaar nog "
            "voor moet betalen?",
            "doubt",
            "parcels:intent=cancel_contract|billing",
        ),
        agent("Dat kan ik helaas niet zien. Dat moet u bij Vlotpost zelf vragen."),
        customer("Oké, dan probeer ik het wel via hun app. Fijne dag nog.", "calm"),
        misdialled=True,
    ),
    energy(
        "blind11_energy_nl_misdial_sportschool",
        "nl",
        "Een beller die zijn sportschoolabonnement wil opzeggen na een verhuizing, belt het "
        "verkeerde nummer.",
        NEUTRAL_NL,
        customer(
            "Hoi, ik wil mijn sportabonnement opzeggen. Ik ben verhuisd naar Zeist en dan is het "
            "te ver fietsen naar jullie sportschool.",
            "calm",
        ),
        agent("Een sportabonnement? Dan denk ik dat u verkeerd verbonden bent."),
        customer(
            "Is dit niet FitFabriek Utrecht? Ik heb gebeld naar het nummer op mijn pasje.",
            "doubt",
        ),
        agent("Nee, helaas. Misschien staat er nog een ander nummer op de achterkant?"),
        customer("Eh... ja, er staat er nog een. Die probeer ik. Sorry hoor.", "calm"),
        misdialled=True,
    ),
    energy(
        "blind11_energy_nl_misdial_bibliotheek",
        "nl",
        "Een beller die een boete van de bibliotheek betwist voor ingeleverde boeken, belt het "
        "verkeerde bedrijf.",
        NEUTRAL_NL,
        customer(
            "Goedemiddag, ik kreeg een mail dat ik boete moet betalen voor drie boeken, maar die "
            "heb ik vorige week al in de inleverbus van de bibliotheek gedaan.",
            "frustrated",
        ),
        agent("Boeken? Dan bent u bij ons aan het verkeerde adres, wij zijn geen bibliotheek."),
        customer(
            "O nee? Wacht even... ik heb het nummer uit een andere mail gepakt. Wat een gedoe.",
            "doubt",
        ),
        agent("Dat gebeurt. Succes ermee."),
        customer("Dank u wel, dag.", "calm"),
        misdialled=True,
    ),
)

BLIND11_CALLS = PARCELS_EN + PARCELS_NL + ENERGY_EN + ENERGY_NL
