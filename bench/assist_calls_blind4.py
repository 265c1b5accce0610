"""A fourth held-out set of labelled assist calls, for both sample domains, in EN and NL.

Written blind on 2026-12-07: without running any model and without seeing any result, any
example line or the other sets' calls. It is never used to choose anything (no floor,
threshold, prompt or model is picked on it); it only measures. Labels as in
`bench/assist_labels.py`. Per domain and language there are six calls to that company and
two that reached the wrong company (`misdialled`): one about the other sample company's
product, one about a different business altogether. Those open with a greeting that names
no company, so the agent's lines fit either one. The calls are meant to be untidy like real
ones: long openings, two topics in one turn, side remarks, codes read out on their own, and
questions no article answers (`gap`).

Since then a development set: measured blind once (on 6ad86e3), its mistakes were read, and
it joined the development calls the floors are calibrated on (bench/assist_floors.DEV_CALLS).
The blind figure is now bench/assist_calls_blind11.py's.
"""

from __future__ import annotations

from audio_fixtures.generate_calls import agent, customer

from .assist_calls import GREET_EN, GREET_NL, asks_for_a_manager, parcel
from .assist_calls_energy import HELLO_EN, HELLO_NL, energy

# The misdialled calls: a greeting either company's agent could say.
NEUTRAL_EN = agent("Good afternoon, customer service, this is Emma speaking. How can I help you?")
NEUTRAL_NL = agent("Goedemiddag, klantenservice, u spreekt met Lieke. Wat kan ik voor u doen?")

PARCELS_BLIND4_EN = (
    parcel(
        "blind4_parcel_empty_house_en",
        "en",
        "Vlotpost: the app says the parcel was left with a neighbour at a house that has stood "
        "empty since August; the caller reads out her tracking code, complains about searching "
        "in the rain, asks what happens if the present is gone, and apologises for being short.",
        GREET_EN,
        customer(
            "Oh hi, yes, good morning. Sorry, I was on hold for quite a while there. My name is "
            "Karen Whitfield, I live at Brouwersgracht forty-one in Haarlem, and I'm ringing about "
            "a parcel that, according to your app, was delivered yesterday. Only I never got it.",
            "calm",
            "intent=parcel_status",
        ),
        agent("I'm sorry to hear that, Ms Whitfield. Do you have the tracking code for me?"),
        customer(
            "Yes, hang on, it's in my email somewhere. Here. V P, three eight, two one, zero "
            "five, nine nine.",
            "calm",
            "intent=parcel_status",
            "other",
        ),
        agent(
            "Thank you. I can see it was handed to a neighbour at number twelve yesterday, "
            "at ten past four."
        ),
        customer(
            "Number twelve? But nobody lives at number twelve. They moved out in August, the "
            "house is up for sale, there's a big sign in the front garden.",
            "doubt",
            "intent=parcel_status|complaint",
        ),
        agent("That is strange. I'll ask the driver where exactly he left it."),
        customer(
            "Please do. I've already been round the back of that house and looked behind the "
            "bins, in the pouring rain, I might add.",
            "frustrated",
            "intent=parcel_status|complaint",
            "other",
        ),
        agent("His route is finished for today, so we'll hear from him tomorrow morning."),
        customer(
            "And if he can't find it, what then? It was a birthday present for my son, a Lego "
            "set of about sixty euros, and his birthday is on Saturday.",
            "doubt",
            "intent=refund_return|parcel_status",
        ),
        agent(
            "If it doesn't turn up within two working days, we'll open an investigation, and the "
            "shop can send a new one or refund you."
        ),
        customer(
            "Right. Okay. Well, thank you, you've been very helpful, and sorry if I sounded a bit "
            "short just now.",
            "calm",
        ),
    ),
    parcel(
        "blind4_parcel_customs_gift_en",
        "en",
        "Vlotpost: a text message asks for import charges on a birthday present from the "
        "United States; the caller suspects a scam, reads out the tracking code, asks why a gift "
        "is taxed, whether he can refuse it, and whether he can pay with iDEAL.",
        GREET_EN,
        customer(
            "Morning. Look, I got a text this morning saying I have to pay thirty-eight euros "
            "fifty in import charges before you'll deliver my parcel. Is that actually from you, "
            "or is it one of those scam messages?",
            "doubt",
            "intent=parcel_status|billing",
        ),
        agent("I can check that for you. What's the tracking code in the message?"),
        customer(
            "It starts with L X, and then nine, one, four, four, zero, seven, two, and then U S.",
            "calm",
            "intent=parcel_status|billing",
            "other",
        ),
        agent(
            "Thanks. Yes, that message is ours. The parcel came from the United States, and "
            "customs charged VAT and duty on it."
        ),
        customer(
            "But it's a present. My sister sent me a jumper and some sweets for my birthday. I "
            "thought gifts were free of import tax?",
            "doubt",
            "intent=billing|parcel_status",
        ),
        agent(
            "Gifts from outside the EU are only exempt up to forty-five euros, and she declared "
            "it at sixty dollars."
        ),
        customer(
            "Sixty dollars, for a jumper. Typical. Okay, and if I don't pay, can I just refuse "
            "it and have it sent back to her?",
            "frustrated",
            "intent=refund_return|parcel_status",
        ),
        agent(
            "You can. Then it goes back after fourteen days, but she may have to pay the return "
            "postage."
        ),
        customer(
            "Then I'll pay it, she's not paying twice. The link in the text, I can just pay "
            "with iDEAL there, yes?",
            "calm",
            "intent=billing",
        ),
        agent("Yes, the link in our message is safe. You can pay with iDEAL or a credit card."),
        customer("Brilliant, cheers. That was all.", "calm"),
    ),
    parcel(
        "blind4_parcel_fridge_stairs_en",
        "en",
        "Vlotpost: an American fridge-freezer is to be delivered and installed on Thursday; the "
        "caller reads out the order number, moves the appointment to Saturday, mentions the "
        "broken lift, and asks whether the old fridge can be taken away (no article says).",
        GREET_EN,
        customer(
            "Hello, good morning. My name is Peter Okafor. We've bought a fridge-freezer, one of "
            "those big American ones, from Kitchenland, and you're delivering and installing it "
            "on Thursday between eight and one. Only, I've just been told I have to be in "
            "Rotterdam for work that day.",
            "calm",
            "intent=appointment_change",
        ),
        agent("No problem, I can move it for you. Do you have the order number?"),
        customer(
            "Yes, it's K L, two zero two six, dash, four four eight one.",
            "calm",
            "intent=appointment_change",
            "other",
        ),
        agent("Thank you. I have Friday afternoon, or Saturday morning between eight and twelve."),
        customer(
            "Saturday morning, please. Oh, and I should mention, we're on the third floor and the "
            "lift in our building has been broken for two weeks, so they'll have to take the "
            "stairs.",
            "calm",
            "intent=appointment_change",
            "other",
        ),
        agent("I'll put a note on the order, so they send two people."),
        customer(
            "Great. And one more thing, will they take our old fridge away? It still works, but "
            "we've nowhere to put it, and the council charges for picking it up.",
            "doubt",
            "intent=appointment_change",
            "other",
            "gap",
        ),
        agent("I'm not sure the installers do that. I'll check with the shop and email you."),
        customer("Okay, fair enough. Saturday morning then. Thanks, bye now.", "calm"),
    ),
    parcel(
        "blind4_parcel_plus_charged_twice_en",
        "en",
        "Vlotpost Plus: the caller was charged twice this month and had the same in October; "
        "he gives his customer number on its own, asks for a manager, and cancels Plus.",
        GREET_EN,
        customer(
            "Yeah, hi, this is Mark Jansen. I'm calling because you've taken money from my "
            "account twice for Vlotpost Plus this month. Nine ninety-nine on the first, and "
            "again nine ninety-nine on the third. And it's not the first time either.",
            "frustrated",
            "repeat_contact",
            "intent=billing|complaint",
        ),
        agent("I'm sorry about that, Mr Jansen. Can I have your customer number, please?"),
        customer(
            "Four zero zero, seven one two, three eight.",
            "frustrated",
            "intent=billing",
            "other",
        ),
        agent(
            "Thank you. I can see both payments. The second one will be refunded within five "
            "working days."
        ),
        customer(
            "Five working days. That's what your colleague said in October, and then I had to "
            "call again in November. I've spent more time on the phone with you lot than I've "
            "saved on shipping.",
            "frustrated",
            "repeat_contact",
            "intent=complaint|billing",
        ),
        agent("I understand. I'll add a note to your account so it gets priority."),
        asks_for_a_manager(
            "A note. No, I'm done with notes. I want to speak to your manager, please. Today."
        ),
        agent("My team leader is in a meeting, but I can ask her to call you back this afternoon."),
        customer(
            "Fine, have her call me. And while I'm waiting, you can cancel my Plus subscription, "
            "as of today. I'll pay per parcel like everybody else.",
            "frustrated",
            "churn_threat",
            "intent=cancel_contract",
        ),
        agent("I can do that. Your Plus ends today and you won't be charged again."),
        customer(
            "Good. And I want that in writing, by email.",
            "frustrated",
            "intent=cancel_contract",
            "other",
        ),
    ),
    parcel(
        "blind4_parcel_over_the_fence_en",
        "en",
        "Vlotpost: the doorbell camera shows the driver throwing a parcel over a garden fence; "
        "the glass lamp inside broke. The caller complains about the driver, reads out postcode "
        "and tracking code, asks how to get her money back and mentions the app's photo upload.",
        GREET_EN,
        customer(
            "Hi Daniel. Right, so I want to make a complaint about one of your drivers. I've got "
            "it on my doorbell camera. Yesterday afternoon he didn't even ring, he just threw my "
            "parcel over the garden fence. A fence of nearly two metres.",
            "frustrated",
            "intent=complaint",
        ),
        agent(
            "That should never happen, I'm really sorry. Can you give me the tracking code and "
            "your postcode?"
        ),
        customer(
            "Postcode is three five eight one, B K. Tracking code, V P, six six zero, one two "
            "eight, four.",
            "calm",
            "intent=complaint",
            "other",
        ),
        agent("Thank you, I can see the delivery. Was anything damaged?"),
        customer(
            "Yes, that's the thing. It was a glass table lamp, and the shade is in pieces. So "
            "now I need to send it back to the shop, I suppose, but the box is ruined too.",
            "frustrated",
            "intent=refund_return|complaint",
        ),
        agent(
            "For damage in transit you can file a claim with us, with photos of the lamp and the "
            "box. You don't have to send it back yourself."
        ),
        customer(
            "Oh, okay, that's easier. Do I do that in the app? Because last time I tried to "
            "upload photos in your app, it just kept spinning.",
            "doubt",
            "intent=refund_return|technical_issue",
        ),
        agent(
            "You can do it in the app or on the website. If the upload fails, you can email the "
            "photos to us."
        ),
        customer(
            "Good. And please do something about that driver. If my little boy had been playing "
            "in the garden...",
            "frustrated",
            "intent=complaint",
        ),
        agent("I'll pass it on to his depot with your video. Could you email us the clip as well?"),
        customer("Will do. Thank you.", "calm"),
    ),
    parcel(
        "blind4_parcel_webshop_owner_en",
        "en",
        "Vlotpost: a small webshop owner asks about a business rate and about shipping to "
        "Belgium and Germany (no article answers either), has a customer's parcel redirected "
        "to the right house number, and cannot log in after resetting her password.",
        GREET_EN,
        customer(
            "Hello, hi. I'm Aisha, I run a small online shop, we sell handmade candles, and at "
            "the moment I just drop everything off at the service point like a normal customer. "
            "But it's getting to about a hundred and fifty parcels a month now, so I wondered "
            "whether you do business accounts, with a better rate?",
            "calm",
            "gap",
        ),
        agent("We do have business contracts. Let me see what I can find for you."),
        customer(
            "And would that include Belgium and Germany? Because half my orders come from "
            "Belgium now, and the price per parcel there is crazy.",
            "calm",
            "gap",
        ),
        agent("I'll have to check that with our business desk. They can call you back."),
        customer(
            "That's fine. Oh, while I have you: one of my customers gave the wrong house number, "
            "it says seven instead of seventeen, and the parcel is out for delivery today. Can "
            "you still change that?",
            "calm",
            "intent=address_change",
        ),
        agent("If it hasn't reached the van yet, I can. What's the tracking code?"),
        customer(
            "V P, one one four, nine zero three, two.",
            "calm",
            "intent=address_change",
            "other",
        ),
        agent(
            "It's already on the van, but I'll add a note for the driver to deliver it at number "
            "seventeen."
        ),
        customer(
            "Perfect. And the last thing: I did a password reset on your website yesterday, and "
            "now it says my account is blocked. So I can't print any labels.",
            "frustrated",
            "intent=technical_issue",
        ),
        agent("I'll unblock it now. You'll get an email with a new link."),
        customer("Lovely. Thanks so much for sorting all that out.", "calm"),
    ),
    parcel(
        "blind4_misdial_wifi_en",
        "en",
        "Reached the wrong company: the caller's internet (with Wattnet, the energy and internet "
        "provider) drops out every evening; he gives postcode and his wife's name, and the agent "
        "cannot find the account and puts him through.",
        NEUTRAL_EN,
        customer(
            "Hi, yes. Our internet has been dropping out every evening since Monday, around eight "
            "o'clock, right when everyone's streaming. The light on the modem goes orange, and "
            "then it comes back after ten minutes or so.",
            "frustrated",
            "energy_internet:intent=outage",
        ),
        agent("I'm sorry to hear that. Can I have your name and postcode, please?"),
        customer(
            "Tom Baker, postcode two five one two, H A. The account's in my wife's name, "
            "actually, Linda Baker.",
            "calm",
            "energy_internet:intent=outage",
            "energy_internet:other",
        ),
        agent("One moment, please. I can't find that name or postcode in our system."),
        customer(
            "Really? We've been with you for years. We get the internet and the electricity from "
            "you, Wattnet, it says so on the modem.",
            "doubt",
            "energy_internet:intent=outage",
        ),
        agent("Then I'll put you through to the right department. Please hold the line."),
        customer("Okay, thank you.", "calm"),
        misdialled=True,
    ),
    parcel(
        "blind4_misdial_bank_card_en",
        "en",
        "Reached the wrong company: the caller's wallet was stolen on the train and she wants "
        "her debit card blocked; she reads out the last digits of the card before realising "
        "she typed the wrong number.",
        NEUTRAL_EN,
        customer(
            "Hello, good afternoon. I need to block my debit card, right now. My wallet was "
            "stolen on the train about half an hour ago, and there's a payment in my app that I "
            "didn't make.",
            "frustrated",
        ),
        agent("I'm sorry to hear that. Could you tell me your name?"),
        customer(
            "Rachel Hale. The card ends in two nine eight zero, and the payment is forty-nine "
            "euros at some online shop.",
            "frustrated",
        ),
        agent("I can't find that name in our system. Which company were you trying to reach?"),
        customer(
            "The bank, obviously. This is the number on the back of the card, isn't it? Oh no, "
            "hang on, I typed it over from a website.",
            "doubt",
        ),
        agent(
            "We're not a bank, I'm afraid. Your bank's number for blocking cards is on its "
            "website, and it's open day and night."
        ),
        customer(
            "Oh, for goodness' sake. Sorry, it's not your fault. I'll look it up.",
            "frustrated",
        ),
        agent("No problem. I hope you get it blocked in time."),
        customer("Thanks, bye.", "calm"),
        misdialled=True,
    ),
)

PARCELS_BLIND4_NL = (
    parcel(
        "blind4_pakket_bezorger_gemist_nl",
        "nl",
        "Vlotpost: de klant werkt 's nachts en heeft de bezorger gemist; ze noemt postcode en "
        "huisnummer, wil niet 's ochtends bezorgd worden en laat het pakket naar een servicepunt "
        "brengen; ze vraagt of ze haar legitimatie mee moet nemen.",
        GREET_NL,
        customer(
            "Ja, goedemorgen, met Ingrid de Vries. Ik heb gisteren een kaartje in de bus gehad "
            "dat jullie me gemist hebben, maar ik was gewoon thuis hoor. Ik lag te slapen, ik "
            "werk in de nachtdienst, en de bel doet het ook niet altijd even goed, dat geef ik "
            "toe.",
            "calm",
            "intent=parcel_status|appointment_change",
        ),
        agent("Vervelend. Wat is uw postcode en huisnummer?"),
        customer(
            "Zevenendertig vierenvijftig, E G, nummer achttien.",
            "calm",
            "intent=parcel_status|appointment_change",
            "other",
        ),
        agent("Dank u. Ik zie het pakket. We proberen het morgen nog een keer."),
        customer(
            "Morgen? Hoe laat dan ongeveer? Want morgenochtend lig ik weer te slapen. Kan het "
            "niet na drie uur 's middags?",
            "doubt",
            "intent=appointment_change|parcel_status",
        ),
        agent(
            "Een tijd kan ik helaas niet kiezen. U kunt het wel naar een servicepunt laten brengen."
        ),
        customer(
            "O ja, dat is eigenlijk wel zo handig. Bij de Primera op het Marktplein zit er een, "
            "toch? Doe daar dan maar.",
            "calm",
            "intent=address_change|appointment_change|parcel_status",
        ),
        agent(
            "Dat kan. Het ligt er overmorgen vanaf twaalf uur, u krijgt een mail met de ophaalcode."
        ),
        customer(
            "Top. Moet ik dan mijn legitimatie meenemen, of is die code genoeg?",
            "calm",
            "intent=parcel_status",
            "other",
        ),
        agent("Neem voor de zekerheid uw legitimatie mee."),
        customer("Prima. Dank u wel, nog een fijne dag.", "calm"),
    ),
    parcel(
        "blind4_pakketkluis_code_verlopen_nl",
        "nl",
        "Vlotpost: de klant staat bij een pakketkluis op het station en de code werkt niet meer; "
        "de app zegt nog 'klaar om op te halen' en geeft een foutmelding. Hij krijgt een nieuwe "
        "code per sms en wil het pakket meteen weer terugsturen, want de maat is verkeerd.",
        GREET_NL,
        customer(
            "Hoi, met Bram. Ik sta hier nu bij jullie pakketkluis op station Zwolle, en ik krijg "
            "mijn pakket er niet uit. Ik tik de code in en dan staat er gewoon: code ongeldig.",
            "frustrated",
            "intent=parcel_status|technical_issue",
        ),
        agent("Dat is vervelend. Welke code heeft u gekregen?"),
        customer(
            "Vier acht één, zes nul twee.",
            "calm",
            "intent=parcel_status|technical_issue",
            "other",
        ),
        agent(
            "Ik zie dat die code gisteravond is verlopen. Het pakket heeft er drie dagen gelegen."
        ),
        customer(
            "Ja, dat klopt, ik was een weekendje weg. Maar in de app staat nog steeds klaar om op "
            "te halen, dus ik dacht dat het wel goed zat. En als ik op vernieuwen druk, krijg ik "
            "een foutmelding.",
            "doubt",
            "intent=technical_issue|parcel_status",
        ),
        agent(
            "Het pakket gaat morgen terug naar de afzender. Ik kan het een dag langer laten "
            "liggen en u een nieuwe code sturen."
        ),
        customer(
            "Graag. Stuur maar naar dit nummer: nul zes, twaalf, vierendertig, zesenvijftig, "
            "achtenzeventig.",
            "calm",
            "intent=parcel_status",
            "other",
        ),
        agent("Gedaan, u krijgt zo een sms."),
        customer(
            "En nog iets. Ik weet eigenlijk al dat er de verkeerde maat in zit, dat heeft de "
            "winkel me gemaild. Kan ik het vanuit de kluis meteen weer terugsturen?",
            "calm",
            "intent=refund_return",
        ),
        agent("Ja, met een retourlabel van de winkel kunt u het in elke pakketkluis afgeven."),
        customer("Mooi, dan doe ik dat meteen. Bedankt, hè.", "calm"),
    ),
    parcel(
        "blind4_retour_niet_aangekomen_nl",
        "nl",
        "Vlotpost: een koptelefoon is drie weken geleden bij een servicepunt teruggestuurd; de "
        "webwinkel zegt niets te hebben ontvangen en betaalt niet terug. De klant leest de "
        "trackingcode van het bonnetje voor en wil het op papier hebben.",
        GREET_NL,
        customer(
            "Goedemiddag, eh, goedemorgen, met Hans Verbeek. Ik heb drie weken geleden een "
            "koptelefoon teruggestuurd naar de webwinkel, via jullie, bij het servicepunt in de "
            "Albert Heijn. En nou zegt die winkel dat ze niks hebben ontvangen, dus ik krijg mijn "
            "geld niet terug. Honderdnegenentachtig euro.",
            "frustrated",
            "intent=refund_return|parcel_status",
        ),
        agent("Dat zoeken we voor u uit. Heeft u de trackingcode van het retourpakket?"),
        customer(
            "Ja, die staat op het bonnetje. Eh, wacht even, mijn bril. R T, nul negen, vijf vijf, "
            "twee drie, zeven één.",
            "calm",
            "intent=refund_return|parcel_status",
            "other",
        ),
        agent(
            "Ik zie dat het bij het servicepunt is afgegeven, maar daarna is het niet meer gescand."
        ),
        customer(
            "Dus het is gewoon kwijt? Bij jullie?",
            "doubt",
            "intent=parcel_status|refund_return|complaint",
        ),
        agent("Het lijkt erop. Ik start een onderzoek en stuur u een bevestiging per mail."),
        customer(
            "En dat geld, krijg ik dat dan van jullie of van de winkel? Want de winkel wijst naar "
            "jullie, en straks wijzen jullie weer naar de winkel. Dat ken ik.",
            "frustrated",
            "intent=refund_return",
        ),
        agent(
            "Met het bewijs van afgifte kan de winkel u terugbetalen. Wij regelen het verder met "
            "de winkel."
        ),
        customer(
            "Oké. Kunt u dat dan ook even zwart op wit zetten in die mail, zodat ik het aan de "
            "winkel kan laten zien?",
            "calm",
            "intent=refund_return",
            "other",
        ),
        agent("Dat zet ik erin."),
        customer("Goed. Dank u wel, meneer.", "calm"),
    ),
    parcel(
        "blind4_verhuizing_en_spanje_nl",
        "nl",
        "Vlotpost: de klant verhuist naar Deventer en geeft het nieuwe adres door, laat de "
        "incasso van Plus van een nieuwe gezamenlijke rekening lopen (IBAN voorgelezen) en "
        "vraagt wat het kost om dozen naar Spanje te sturen (geen artikel).",
        GREET_NL,
        customer(
            "Goedemorgen Daan, met Karel Smit. Ik heb een paar dingen. We gaan verhuizen, per "
            "één maart, van de Kastanjelaan in Apeldoorn naar Deventer, en ik heb een "
            "Plus-abonnement bij jullie. Hoe zet ik mijn adres om?",
            "calm",
            "intent=address_change",
        ),
        agent(
            "Dat kan in de app bij uw gegevens, maar ik kan het ook voor u doen. Wat wordt het "
            "nieuwe adres?"
        ),
        customer(
            "Brink zesenveertig B, zevenenzeventig elf... nee, vierenzeventig elf, B R, Deventer.",
            "calm",
            "intent=address_change",
            "other",
        ),
        agent(
            "Genoteerd, vanaf één maart. Pakketten die daarvoor al onderweg zijn, komen nog op "
            "het oude adres."
        ),
        customer(
            "Dat is prima. En dan het abonnement. Dat gaat nu van de rekening van mijn vrouw af, "
            "maar we hebben een gezamenlijke rekening genomen. Kan dat rekeningnummer gewijzigd "
            "worden?",
            "calm",
            "intent=billing",
        ),
        agent("Zeker. Wat is het nieuwe IBAN?"),
        customer(
            "N L vierenveertig, R A B O, nul drie één vijf, zes zes twee acht, nul negen.",
            "calm",
            "intent=billing",
            "other",
        ),
        agent("Dank u. De volgende incasso gaat van die rekening af."),
        customer(
            "Mooi. En dan nog iets heel anders: mijn dochter gaat in Valencia studeren, en we "
            "willen haar een paar dozen met spullen nasturen. Kan dat via jullie, en wat kost "
            "dat ongeveer?",
            "calm",
            "gap",
        ),
        agent("Dat weet ik niet precies uit mijn hoofd. Ik laat een collega u daarover mailen."),
        customer("Oké, dat is goed. Bedankt voor het meedenken.", "calm"),
    ),
    parcel(
        "blind4_pakket_kwijt_boos_nl",
        "nl",
        "Vlotpost: de klant belt voor de derde keer over een stofzuiger die al drie weken in "
        "het sorteercentrum staat; hij leest de trackingcode nog eens voor, eist zijn geld of "
        "een nieuwe, wil een leidinggevende en dreigt Plus op te zeggen.",
        GREET_NL,
        customer(
            "Ja, met Van Dijk. Ik bel nu voor de derde keer over hetzelfde pakket. Drie weken "
            "geleden besteld, een stofzuiger, en er staat nog steeds: in sorteercentrum. Elke "
            "keer zegt iemand van jullie: nog even geduld.",
            "frustrated",
            "repeat_contact",
            "intent=parcel_status|complaint",
        ),
        agent("Dat is heel vervelend, meneer Van Dijk. Mag ik de trackingcode van u?"),
        customer(
            "Die heb ik al twee keer doorgegeven. V P, zeven zeven één, nul vier drie, negen.",
            "frustrated",
            "intent=parcel_status",
            "other",
        ),
        agent(
            "Dank u. Het pakket is sinds de twaalfde niet meer gescand. Ik kan een onderzoek "
            "starten."
        ),
        customer(
            "Een onderzoek. Dat zei uw collega vorige week ook, en toen is er niks gebeurd. Ik "
            "wil gewoon mijn geld terug, of een nieuwe stofzuiger, en wel deze week.",
            "frustrated",
            "intent=refund_return|complaint",
        ),
        agent("Ik begrijp het. De vergoeding loopt via de webwinkel zodra het onderzoek klaar is."),
        asks_for_a_manager(
            "Nee, ik ben er klaar mee. Ik wil nu uw leidinggevende spreken. Niet morgen, nu."
        ),
        agent("Ik kijk of mijn teamleider vrij is. Blijft u even aan de lijn?"),
        customer(
            "Ik blijf hangen. En weet u wat, als dit niet opgelost wordt, zeg ik dat "
            "Plus-abonnement ook op. Waar betaal ik eigenlijk voor?",
            "frustrated",
            "churn_threat",
            "intent=cancel_contract|complaint",
        ),
    ),
    parcel(
        "blind4_zakelijke_factuur_nl",
        "nl",
        "Vlotpost zakelijk: een zzp'er ziet op de factuur van oktober veertien zendingen terwijl "
        "ze er elf verstuurde, leest het factuurnummer voor, wil een creditnota, vraagt naar "
        "betalen op rekening en of pakketten op vaste dagen opgehaald kunnen worden (geen "
        "artikel).",
        GREET_NL,
        customer(
            "Goedemorgen, met Sanne Mulder, van Mulder Keramiek. Ik heb een vraag over mijn "
            "factuur van oktober. Er staan veertien zendingen op, maar ik heb er volgens mijn "
            "eigen administratie maar elf verstuurd.",
            "calm",
            "intent=billing",
        ),
        agent("Dat kijk ik na. Wat is het factuurnummer?"),
        customer(
            "Eh, even kijken. Twee nul twee zes, tien, nul nul drie acht zeven.",
            "calm",
            "intent=billing",
            "other",
        ),
        agent(
            "Ik zie drie zendingen die wel zijn aangemaakt maar nooit bij ons zijn afgegeven. Die "
            "hadden niet gefactureerd mogen worden."
        ),
        customer(
            "Ah, dat zijn de labels die ik dubbel had geprint, denk ik. Dus dat krijg ik terug? "
            "Ik heb wel een creditnota nodig, voor mijn boekhouder.",
            "calm",
            "intent=billing|refund_return",
        ),
        agent("Ja, u krijgt binnen een week een creditnota per mail."),
        customer(
            "Fijn. En nu betaal ik steeds met de creditcard, maar kan ik ook gewoon per maand op "
            "factuur betalen, met een betaaltermijn?",
            "calm",
            "intent=billing",
        ),
        agent("Dat kan voor zakelijke klanten, met een incasso aan het eind van de maand."),
        customer(
            "Oké. En dan nog een laatste vraag. Ik breng alles nu zelf naar het servicepunt. "
            "Kunnen jullie ook op vaste dagen bij mij in het atelier komen ophalen? Dinsdag en "
            "vrijdag bijvoorbeeld?",
            "calm",
            "gap",
        ),
        agent("Dat moet ik navragen bij onze zakelijke afdeling. Zal ik u laten terugbellen?"),
        customer(
            "Ja, graag. Liefst na twee uur, want 's ochtends sta ik aan de draaischijf.",
            "calm",
        ),
    ),
    parcel(
        "blind4_misdial_apotheek_nl",
        "nl",
        "Verkeerd verbonden: een oudere dame vraagt of haar herhaalrecept klaarligt en wanneer "
        "de apotheek het bezorgt; ze geeft haar geboortedatum en ziet dan op het etiket dat ze "
        "het verkeerde nummer heeft gebeld.",
        NEUTRAL_NL,
        customer(
            "Goedemiddag, met mevrouw Bakker. Ik bel even of mijn herhaalrecept al klaarligt. "
            "Het is voor de bloeddrukpillen, de dokter zou het maandag hebben doorgestuurd. "
            "Normaal brengt de bezorger het op donderdag, maar ik heb er nog maar twee.",
            "calm",
        ),
        agent("Dan bent u volgens mij verkeerd verbonden, mevrouw. Dit is geen apotheek."),
        customer(
            "O, niet? Maar ik heb het nummer van het briefje op de koelkast gebeld. Mijn "
            "geboortedatum is zeventien april negenendertig, als u dat nodig heeft.",
            "doubt",
        ),
        agent(
            "Dat hoeft niet, hoor. Staat het nummer van de apotheek misschien op het doosje van "
            "uw pillen?"
        ),
        customer(
            "Wacht even, ik pak mijn bril. Ja, hier op het etiket. Ach, ik heb de verkeerde "
            "gebeld. Neemt u me niet kwalijk, hoor.",
            "calm",
        ),
        agent("Geen probleem. Nog een fijne dag."),
        customer("U ook, dag.", "calm"),
        misdialled=True,
    ),
    parcel(
        "blind4_misdial_jaarafrekening_nl",
        "nl",
        "Verkeerd verbonden: de klant moet volgens zijn jaarafrekening van Wattnet (stroom en "
        "gas) ruim driehonderd euro bijbetalen omdat zijn stand is geschat; hij leest zijn "
        "klantnummer en meterstand voor en wordt doorverbonden.",
        NEUTRAL_NL,
        customer(
            "Goedemiddag, met Joost Hendriks. Ik heb vanochtend mijn jaarafrekening gekregen, en "
            "ik moet ruim driehonderd euro bijbetalen. Dat kan volgens mij niet kloppen, want de "
            "meterstand is geschat, terwijl ik hem gewoon heb doorgegeven.",
            "frustrated",
            "energy_internet:intent=billing|meter_reading",
        ),
        agent("Dat begrijp ik. Mag ik uw klantnummer, of uw postcode en huisnummer?"),
        customer(
            "Klantnummer is één nul nul, acht zeven twee, vijf vier.",
            "calm",
            "energy_internet:intent=billing|meter_reading",
            "energy_internet:other",
        ),
        agent(
            "Dat nummer vind ik niet bij ons. Om welk bedrijf gaat het, dan kan ik u goed "
            "doorverbinden."
        ),
        customer(
            "Wattnet, voor de stroom en het gas. Ik heb de stand van de elektriciteit hier voor "
            "me: dertigduizend vierhonderdtwaalf.",
            "calm",
            "energy_internet:intent=meter_reading|billing",
        ),
        agent("Dan verbind ik u door met de juiste afdeling. Een ogenblik."),
        customer("Dank u.", "calm"),
        misdialled=True,
    ),
)

ENERGY_BLIND4_EN = (
    energy(
        "blind4_energy_internet_down_home_office_en",
        "en",
        "Wattnet: internet and TV down since last night; the caller works from home, gives "
        "postcode and house number, has restarted the modem, books a technician and asks "
        "whether the days without internet come off the bill.",
        HELLO_EN,
        customer(
            "Hi, good morning. I'm calling because our internet has been down since last night, "
            "around eleven. I work from home and I've got a client meeting at ten, so, yeah, "
            "it's a bit urgent.",
            "frustrated",
            "intent=outage",
        ),
        agent("Sorry to hear that. Can you give me your postcode and house number?"),
        customer("Five six one one, A X, number nine.", "calm", "intent=outage", "other"),
        agent("Thank you. Have you restarted the modem? What are the lights doing?"),
        customer(
            "Yes, twice, I pulled the plug out for a minute like it says on your website. The "
            "power light is green and the internet light keeps blinking red. And the TV isn't "
            "working either, it just says no signal.",
            "frustrated",
            "intent=outage",
        ),
        agent("There's no known outage in your area, so I'd like to send a technician."),
        customer(
            "Can someone come today? I'm home all day today, but tomorrow I'm at the office.",
            "calm",
            "intent=appointment|outage",
        ),
        agent("The first slot is tomorrow between eight and twelve, or Thursday afternoon."),
        customer(
            "Thursday afternoon, then. And do I get something back on my bill for these days? "
            "I'm paying sixty-two euros a month for this.",
            "doubt",
            "intent=appointment|billing|complaint|outage",
        ),
        agent(
            "If the fault is on our side and lasts more than twelve hours, you get a credit on "
            "your next bill."
        ),
        customer("Okay, that's something. Thanks for your help.", "calm"),
    ),
    energy(
        "blind4_energy_moving_heat_pump_en",
        "en",
        "Wattnet: the caller moves from Utrecht to an all-electric house with a heat pump in "
        "Amersfoort; she reads out her customer number and new address, asks what happens to "
        "the gas, whether there is a heat-pump tariff (no article), and about meter readings.",
        HELLO_EN,
        customer(
            "Hello, good afternoon. I'm Sophie Turner, customer number three zero five, one one "
            "eight, seven. We're moving house on the first of April, from Utrecht to Amersfoort, "
            "and I want to take everything with me, the internet and the energy.",
            "calm",
            "intent=moving",
        ),
        agent("Congratulations on the move. What's the new address?"),
        customer(
            "Vogelweg twenty-two, three eight one four, K P, Amersfoort.",
            "calm",
            "intent=moving",
            "other",
        ),
        agent(
            "Thank you. Internet is available there. I can have it installed on the first of April."
        ),
        customer(
            "Great. Now, the new house is all electric, it has a heat pump, there's no gas at "
            "all. So I don't need gas any more, right? How does that work with my contract?",
            "doubt",
            "intent=contract|moving",
        ),
        agent("We'll end the gas on the day you move out, and the electricity moves with you."),
        customer(
            "And is there a special tariff for heat pumps? Our new neighbours said their supplier "
            "gives them a cheaper rate at night because of it.",
            "calm",
            "intent=contract",
            "gap",
        ),
        agent("I'll have to check that for you. I don't know of a heat pump tariff."),
        customer(
            "Okay. And the meter readings, I give those on the day I get the keys, in the app?",
            "calm",
            "intent=meter_reading|moving",
        ),
        agent("Yes, for both addresses, on moving day. The app will ask you for them."),
        customer("Perfect, thanks, that's all clear.", "calm"),
    ),
    energy(
        "blind4_energy_annual_back_payment_en",
        "en",
        "Wattnet: the annual statement asks four hundred and twelve euros extra because the "
        "smart meter stopped sending in May and the reading was estimated; the caller reads "
        "out both meter readings, asks to spread the payment and raise the monthly amount.",
        HELLO_EN,
        customer(
            "Hi, um, I got my annual statement this week, and it says I have to pay four hundred "
            "and twelve euros extra. I honestly don't understand how. We've been really careful "
            "this year.",
            "doubt",
            "intent=billing",
        ),
        agent("Let's look at it together. May I have your customer number?"),
        customer(
            "Yes. It's three zero zero, four one seven, two two. The name is Gupta.",
            "calm",
            "intent=billing",
            "other",
        ),
        agent(
            "Thank you, Mr Gupta. The electricity reading on the statement was estimated, "
            "because no reading came in."
        ),
        customer(
            "Estimated? But we have a smart meter. Doesn't that send the readings by itself?",
            "doubt",
            "intent=meter_reading",
        ),
        agent("It should. It looks like your meter stopped sending in May."),
        customer(
            "Great. So what now? Can I give you the real reading? I can go and look, it's in the "
            "cupboard in the hall.",
            "calm",
            "intent=meter_reading",
        ),
        agent("Yes, please. Then I'll have the statement recalculated."),
        customer(
            "One second... right. It says one, two, four, eight, seven, for the normal rate, and "
            "six, nine, zero, three for the low one.",
            "calm",
            "intent=meter_reading",
            "other",
        ),
        agent(
            "Thank you. With those readings the back-payment comes down a lot. You'll get a new "
            "statement within two weeks."
        ),
        customer(
            "That's a relief. And if there's still something to pay, can I spread it over a few "
            "months? And maybe my monthly amount should go up a bit, so this doesn't happen "
            "again.",
            "calm",
            "intent=billing",
        ),
        agent(
            "Yes to both. I'll set up an arrangement once the new statement is out, and you can "
            "change the monthly amount in the app."
        ),
        customer(
            "Brilliant. And somebody needs to fix that meter, I suppose?",
            "calm",
            "intent=appointment|meter_reading",
        ),
        agent(
            "Our metering team will check it remotely first, and send a technician if they need to."
        ),
        customer("Lovely. Thank you so much.", "calm"),
    ),
    energy(
        "blind4_energy_solar_panels_en",
        "en",
        "Wattnet: the caller had twelve solar panels fitted in March; his monthly amount is "
        "lowered, he did not know he had to report the panels, and he asks what the end of net "
        "metering in 2027 will cost him (no article).",
        HELLO_EN,
        customer(
            "Hi there. My name is Greg Lawson. We had twelve solar panels put on the roof in "
            "March, and I have a couple of questions about what that means for my contract with "
            "you.",
            "calm",
            "intent=contract",
        ),
        agent("Of course. What would you like to know?"),
        customer(
            "Well, first of all, my monthly amount is still a hundred and forty euros, and in the "
            "summer we're producing more than we use. Can that come down?",
            "calm",
            "intent=billing",
        ),
        agent("Yes, let me look at your usage. Have you told us about the panels?"),
        customer(
            "No, I didn't know I had to. The installer said the meter would sort it out by "
            "itself. It's one of those smart meters.",
            "doubt",
            "intent=meter_reading|contract",
        ),
        agent(
            "The smart meter measures what you feed back, so that's fine. I'll note the panels "
            "and lower your monthly amount to ninety-five euros."
        ),
        customer(
            "That's better. And the other thing: I keep reading in the paper that net metering "
            "stops in twenty twenty-seven, and that suppliers will charge for feeding back. What "
            "will that mean for me, in euros?",
            "doubt",
            "intent=contract|billing",
            "gap",
        ),
        agent("That depends on tariffs that haven't been set yet, so I can't give you an amount."),
        customer("Hm. So I should just call back next year, then.", "calm"),
        agent("We'll write to all customers with solar panels before anything changes."),
        customer("Fair enough. Thanks for your help.", "calm"),
    ),
    energy(
        "blind4_energy_cancel_moving_in_en",
        "en",
        "Wattnet: the caller cancels electricity and internet because she moves in with her "
        "partner; she gives postcode and house number, asks about an exit fee, the final bill "
        "and the direct debit, and whether the modem goes back.",
        HELLO_EN,
        customer(
            "Good morning. I'd like to cancel my contract, please, both the electricity and the "
            "internet. I'm moving in with my partner, and she already has everything sorted at "
            "her place.",
            "calm",
            "intent=cancel_contract|moving",
        ),
        agent("I'm sorry to see you go. Could I have your postcode and house number?"),
        customer(
            "One zero seven two, K M, number fifty-three, second floor.",
            "calm",
            "intent=cancel_contract|moving",
            "other",
        ),
        agent("Thank you. I see your electricity contract is fixed until October."),
        customer(
            "Yes, that's what I was afraid of. Is there a fine for stopping early? I'm not "
            "switching to another company, I'm just moving out.",
            "doubt",
            "intent=cancel_contract|moving",
        ),
        agent(
            "If you move in with someone who already has a contract, there's no exit fee. I just "
            "need the date."
        ),
        customer(
            "The last day is the thirtieth of this month. And will I get a final bill, or does "
            "the direct debit just stop?",
            "calm",
            "intent=billing|cancel_contract",
        ),
        agent(
            "You'll get a final statement within six weeks, and the direct debit stops after "
            "this month."
        ),
        customer(
            "Okay. Oh, and the modem, do I need to send that back, or can I just throw it away?",
            "calm",
            "intent=cancel_contract",
            "other",
        ),
        agent("Please send it back. We'll email you a free return label."),
        customer("Will do. Thanks, you've been very helpful.", "calm"),
    ),
    energy(
        "blind4_energy_slow_wifi_fourth_call_en",
        "en",
        "Wattnet: fourth call about wifi that is slow upstairs and drops downstairs; the caller "
        "gives his customer number, is offered a paid booster, asks for a manager and says he "
        "will leave when his contract ends in two months.",
        HELLO_EN,
        customer(
            "Yes, hello. This is the fourth time I'm ringing about the same problem, so I hope "
            "you've got my notes in front of you. My wifi is useless. Upstairs there's practically "
            "nothing, and downstairs it drops every half hour.",
            "frustrated",
            "repeat_contact",
            "intent=outage|complaint",
        ),
        agent("I'm sorry. Let me find your account. What's your customer number?"),
        customer("Three one two, zero zero nine, four.", "frustrated", "intent=outage", "other"),
        agent(
            "Thank you. I see my colleagues reset the line twice. Have you tried putting the "
            "modem in a more central place?"
        ),
        customer(
            "Oh, come on. It's in the hall, where your own technician put it. And it's the same "
            "modem I got in twenty eighteen, it's ancient.",
            "frustrated",
            "intent=outage|complaint",
        ),
        agent(
            "We can send you a newer modem, and a wifi booster for upstairs for five euros a month."
        ),
        customer(
            "Five euros a month extra? To get the speed I'm already paying for? I pay for a "
            "hundred megabits and I get twelve upstairs.",
            "frustrated",
            "intent=complaint|contract|billing",
        ),
        agent("I understand. I can only offer the booster at that price."),
        asks_for_a_manager(
            "Then I want to talk to someone who can actually make a decision. Put me through to "
            "your manager, please."
        ),
        agent("I'll ask a team leader to call you back before five today."),
        customer(
            "Before five. Fine. And if nothing changes, I'm leaving. My contract is up in two "
            "months anyway.",
            "frustrated",
            "churn_threat",
            "intent=cancel_contract|complaint",
        ),
    ),
    energy(
        "blind4_misdial_locker_empty_en",
        "en",
        "Reached the wrong company: the caller's parcel (Vlotpost, the parcel service) was "
        "meant to be in a locker, but the locker door was open and the box empty; she reads out "
        "the code from the text message and asks to be put through.",
        NEUTRAL_EN,
        customer(
            "Hi, hello. I got a text saying my parcel was in one of your lockers, at the Jumbo "
            "on Stationsstraat, but when I got there the locker door was open and it was empty.",
            "frustrated",
            "parcels:intent=parcel_status|complaint",
        ),
        agent("Oh dear. Do you have a reference number for me?"),
        customer(
            "The code in the text is V P, five, five, eight, one, four, four, zero.",
            "calm",
            "parcels:intent=parcel_status",
            "parcels:other",
        ),
        agent("I can't find that code in our system, I'm afraid. Who sent you the text?"),
        customer(
            "Vlotpost, it says here. Oh wait, have I rung the wrong number? I just searched for "
            "parcel locker customer service.",
            "doubt",
        ),
        agent("I think you have. I can give you the right number, or put you through."),
        customer("Put me through, please, that's easier. Thank you.", "calm"),
        misdialled=True,
    ),
    energy(
        "blind4_misdial_gym_membership_en",
        "en",
        "Reached the wrong company: the caller wants to cancel her gym membership after moving "
        "to Eindhoven for work; the gym's app will not let her, and she gives her postcode "
        "before noticing she pressed the wrong contact.",
        NEUTRAL_EN,
        customer(
            "Hi, I'd like to cancel my gym membership, please. I've moved to Eindhoven for work, "
            "and there's no FitFirst anywhere near me.",
            "calm",
        ),
        agent("Could you give me your name and postcode?"),
        customer(
            "Lisa Moreno, postcode five six two two, B E. I've been a member for three years, "
            "and the app won't let me cancel, it keeps sending me to a page that doesn't load.",
            "frustrated",
        ),
        agent("I can't find you in our system. Which company is your membership with?"),
        customer(
            "FitFirst, the gym. Isn't this FitFirst? Oh no. I'm so sorry, I must have tapped the "
            "wrong contact.",
            "doubt",
        ),
        agent("No worries. You'll find their number on their website."),
        customer("Thanks, sorry again. Bye.", "calm"),
        misdialled=True,
    ),
)

ENERGY_BLIND4_NL = (
    energy(
        "blind4_stroomstoring_zuurstof_nl",
        "nl",
        "Wattnet: de hele straat zit sinds de nacht zonder stroom; de klant geeft postcode en "
        "huisnummer, zijn vrouw gebruikt 's nachts een zuurstofapparaat en hij vraagt of daar "
        "voorrang voor is (geen artikel), en of de inhoud van de vriezer vergoed wordt.",
        HELLO_NL,
        customer(
            "Goedemorgen, met Wim Kok uit Zaandam. We zitten sinds vannacht een uur of drie "
            "zonder stroom, en niet alleen wij, de hele straat. Weet u daar iets van?",
            "calm",
            "intent=outage",
        ),
        agent("Goedemorgen meneer Kok. Mag ik uw postcode en huisnummer?"),
        customer(
            "Vijftien eenenzeventig, K D, nummer honderdtwaalf.",
            "calm",
            "intent=outage",
            "other",
        ),
        agent(
            "Dank u. Ik zie een storing bij de netbeheerder in uw wijk. Ze verwachten dat de "
            "stroom rond twaalf uur terug is."
        ),
        customer(
            "Twaalf uur nog? Nou ja. Kijk, mijn vrouw gebruikt 's nachts een zuurstofapparaat. "
            "Dat draait nu op de accu, maar die is over een paar uur leeg. Krijgen wij dan "
            "voorrang, of kunnen jullie daar iets mee?",
            "doubt",
            "intent=outage",
            "gap",
        ),
        agent(
            "Dat is belangrijk. Ik geef het meteen door aan de netbeheerder, en ik zet in uw "
            "dossier dat er medische apparatuur is."
        ),
        customer(
            "Graag. En de vriezer zit natuurlijk ook vol. Als dat allemaal weg moet, krijg ik dat "
            "dan vergoed?",
            "doubt",
            "intent=outage|complaint",
        ),
        agent(
            "Schade door een stroomstoring loopt via de netbeheerder. Ik mail u hoe u dat "
            "aanvraagt."
        ),
        customer("Oké. Nou, bedankt voor het meedenken, hè.", "calm"),
    ),
    energy(
        "blind4_termijnbedrag_isolatie_nl",
        "nl",
        "Wattnet: na isolatie van het huis wil de klant een lager termijnbedrag; ze leest haar "
        "klantnummer en beide meterstanden voor, laat de incasso naar een nieuwe rekening gaan "
        "(IBAN voorgelezen) en vraagt of ze een machtiging moet tekenen.",
        HELLO_NL,
        customer(
            "Goedemiddag, o nee, het is nog ochtend, goedemorgen. Met Els van den Berg. Ik wil "
            "graag mijn termijnbedrag omlaag hebben. We betalen nu tweehonderdtwintig euro per "
            "maand, en we hebben deze zomer het hele huis laten isoleren, dus we verbruiken echt "
            "een stuk minder.",
            "calm",
            "intent=billing",
        ),
        agent("Dat kan ik met u bekijken. Wat is uw klantnummer?"),
        customer(
            "Dat is, eh, drie nul nul, zes zes één, nul acht.",
            "calm",
            "intent=billing",
            "other",
        ),
        agent(
            "Dank u. Als u nu ook uw meterstanden doorgeeft, kan ik het bedrag nauwkeuriger "
            "berekenen."
        ),
        customer(
            "O, die heb ik hier, ik heb vanochtend nog een foto gemaakt. Stroom is "
            "vijfenveertigduizend tweehonderddrie, en gas is achtduizend zeshonderdvijftig.",
            "calm",
            "intent=meter_reading|billing",
            "other",
        ),
        agent("Dank u. Dan kom ik uit op honderdvijfenveertig euro per maand."),
        customer(
            "Mooi. En dan nog iets. Het geld wordt nu afgeschreven van mijn oude rekening bij de "
            "ING, maar die wil ik opheffen. Kan de incasso naar mijn nieuwe rekening?",
            "calm",
            "intent=billing",
        ),
        agent("Natuurlijk. Wat is het nieuwe rekeningnummer?"),
        customer(
            "N L zeventien, A S N B, nul zeven zeven vier, twee drie één vijf, negen acht.",
            "calm",
            "intent=billing",
            "other",
        ),
        agent("Genoteerd. Vanaf de volgende termijn wordt het van die rekening afgeschreven."),
        customer(
            "Fijn. En moet ik daar nog iets voor tekenen, een machtiging of zo?",
            "doubt",
            "intent=billing",
        ),
        agent("Nee, u krijgt een bevestiging per mail, daarin staat de nieuwe machtiging."),
        customer("Helemaal goed. Dank u wel.", "calm"),
    ),
    energy(
        "blind4_slimme_meter_stuurt_niets_nl",
        "nl",
        "Wattnet: de app toont sinds september geen verbruik meer van de slimme meter; er komt "
        "een monteur op woensdag, de klant vraagt of die ook naar de omvormer van de "
        "zonnepanelen kan kijken (geen artikel) en wat er met de gemiste standen gebeurt.",
        HELLO_NL,
        customer(
            "Hallo, goedemorgen, u spreekt met Fatima el Amrani. Ik heb een slimme meter, maar in "
            "de app zie ik sinds september geen verbruik meer. Gewoon niks, een lege grafiek.",
            "doubt",
            "intent=meter_reading",
        ),
        agent("Vervelend. Mag ik uw postcode en huisnummer?"),
        customer(
            "Tweeëntwintig eenendertig, G T, huisnummer vijf.",
            "calm",
            "intent=meter_reading",
            "other",
        ),
        agent(
            "Ik zie dat uw meter geen gegevens meer doorstuurt. Waarschijnlijk is de module "
            "kapot, daar moet een monteur voor komen."
        ),
        customer(
            "Oké. Moet ik dan thuis zijn? Want ik werk doordeweeks, alleen op woensdag ben ik "
            "vrij.",
            "calm",
            "intent=appointment",
        ),
        agent("Ik kan woensdag de achttiende inplannen, tussen acht en één."),
        customer(
            "Woensdag de achttiende is goed. Eh, en nu ik u toch aan de lijn heb: de omvormer van "
            "mijn zonnepanelen geeft ook een rood lampje. Kan die monteur daar meteen even naar "
            "kijken?",
            "calm",
            "intent=appointment",
            "gap",
        ),
        agent("Dat doen onze monteurs helaas niet. Daarvoor moet u bij uw installateur zijn."),
        customer(
            "Jammer. En de meterstanden van de maanden dat er niks is doorgekomen, wat gebeurt "
            "daarmee? Worden die geschat?",
            "doubt",
            "intent=meter_reading|billing",
        ),
        agent("Ja, die worden geschat, en na het herstel gecorrigeerd met de echte standen."),
        customer("Goed. Nou, dan zie ik de monteur woensdag. Bedankt.", "calm"),
    ),
    energy(
        "blind4_contract_loopt_af_nl",
        "nl",
        "Wattnet: het vaste contract loopt in januari af; de klant vindt het nieuwe aanbod te "
        "duur, noemt het tarief van een concurrent en dreigt over te stappen, vraagt naar "
        "korting met internet erbij en wie opzegt als hij overstapt.",
        HELLO_NL,
        customer(
            "Goedemiddag, met Ruud Jacobs. Mijn contract voor stroom en gas loopt in januari af, "
            "en ik kreeg een brief met jullie nieuwe aanbod. Maar eerlijk gezegd vind ik dat "
            "behoorlijk aan de prijs.",
            "calm",
            "intent=contract",
        ),
        agent("Ik kijk graag met u mee. Om welk aanbod gaat het?"),
        customer(
            "Drie jaar vast, voor zevenendertig cent per kilowattuur. Bij Energiek Nederland kan "
            "ik voor tweeëndertig cent vastzetten, las ik op een vergelijkingssite.",
            "doubt",
            "intent=contract",
        ),
        agent(
            "Ik kan u ook een jaar vast aanbieden, of een variabel tarief. Variabel is nu "
            "vierendertig cent."
        ),
        customer(
            "Variabel, dan zit je weer met die schommelingen, daar heb ik een paar jaar terug "
            "mijn lesje wel van geleerd. Kunnen jullie niet gewoon die tweeëndertig cent "
            "matchen? Anders stap ik over, hoor.",
            "frustrated",
            "churn_threat",
            "intent=contract|cancel_contract",
        ),
        agent("Dat kan ik helaas niet. Wel krijgt u korting als u internet er ook bij neemt."),
        customer(
            "Internet heb ik nu bij een ander, dat loopt nog tot de zomer. Hoeveel korting is dat "
            "dan?",
            "calm",
            "intent=contract",
        ),
        agent("Tien euro per maand, zolang u beide bij ons heeft."),
        customer(
            "Hm. Ik ga erover nadenken. Als ik overstap, moet ik jullie dan zelf opzeggen, of "
            "regelt die nieuwe partij dat?",
            "doubt",
            "intent=cancel_contract",
        ),
        agent(
            "Dat regelt uw nieuwe leverancier. Uw contract loopt in januari af, dus er is geen "
            "opzegvergoeding."
        ),
        customer("Duidelijk. Bedankt voor de uitleg.", "calm"),
    ),
    energy(
        "blind4_betalingsregeling_baan_kwijt_nl",
        "nl",
        "Wattnet: de klant is zijn baan kwijt, heeft een aanmaning met incassokosten, vraagt "
        "een betalingsregeling, of hij afgesloten wordt, en of Wattnet met de "
        "schuldhulpverlening van de gemeente samenwerkt (geen artikel).",
        HELLO_NL,
        customer(
            "Ja, hallo. Eh, ik vind dit een beetje lastig om te vragen. Met Mohamed Haddou. Ik "
            "heb een aanmaning gekregen, van jullie, en ik loop een paar maanden achter met "
            "betalen. Ik ben in augustus mijn baan kwijtgeraakt.",
            "doubt",
            "intent=billing",
        ),
        agent(
            "Goed dat u belt, meneer Haddou. Daar gaan we samen naar kijken. Wat is uw klantnummer?"
        ),
        customer(
            "Dat staat op de brief. Drie één vier, vier nul twee, zes één.",
            "calm",
            "intent=billing",
            "other",
        ),
        agent(
            "Dank u. Ik zie een openstaand bedrag van vierhonderdzesentachtig euro, inclusief "
            "vijftig euro incassokosten."
        ),
        customer(
            "Vijftig euro kosten erbovenop, terwijl ik het nu al niet kan betalen. Kan ik het in "
            "delen betalen? Vijftig euro per maand of zo, meer lukt echt niet.",
            "frustrated",
            "intent=billing|complaint",
        ),
        agent(
            "Een regeling van tien maanden is mogelijk. De incassokosten kan ik niet "
            "kwijtschelden, maar er komen geen nieuwe bij."
        ),
        customer(
            "Oké. En zolang ik die regeling heb, worden we dan niet afgesloten? Ik heb twee kleine "
            "kinderen thuis.",
            "doubt",
            "intent=billing",
        ),
        agent("Nee, zolang u zich aan de regeling houdt, wordt u niet afgesloten."),
        customer(
            "Gelukkig. En, eh, bij de gemeente hadden ze het over schuldhulpverlening. Werken "
            "jullie daarmee samen, of moet ik dat allemaal zelf doorgeven?",
            "doubt",
            "intent=billing",
            "gap",
        ),
        agent("Dat weet ik niet zeker. Ik zoek het uit en bel u deze week terug."),
        customer("Dank u wel, echt. U bent heel vriendelijk.", "calm"),
    ),
    energy(
        "blind4_monteur_niet_gekomen_boos_nl",
        "nl",
        "Wattnet: vierde keer bellen over internet dat elke avond wegvalt en een haperende tv; "
        "de monteur kwam niet opdagen terwijl de klant vrij had genomen. Hij wil die dag "
        "vergoed, vraagt een leidinggevende en dreigt alles op te zeggen.",
        HELLO_NL,
        customer(
            "Ja, met De Graaf. Ik bel voor de vierde keer deze maand. Ons internet valt elke "
            "avond weg, de tv hapert, en vorige week zou er een monteur komen, dinsdag tussen "
            "acht en twaalf. Ik heb er een vrije dag voor opgenomen, en er is niemand gekomen. "
            "Niemand. Ook geen telefoontje.",
            "frustrated",
            "repeat_contact",
            "intent=complaint|outage|appointment",
        ),
        agent("Dat spijt me heel erg, meneer De Graaf. Dat had niet mogen gebeuren."),
        customer(
            "Sorry zeggen kan iedereen. Ik wil weten wat jullie eraan gaan doen. En ik wil die "
            "vrije dag vergoed hebben.",
            "frustrated",
            "intent=complaint|appointment",
        ),
        agent(
            "Ik plan een nieuwe afspraak voor u in, en ik dien een verzoek in voor een "
            "tegemoetkoming."
        ),
        asks_for_a_manager(
            "Een verzoek. Weet u hoe vaak ik dat al gehoord heb? Ik wil nu een leidinggevende "
            "aan de lijn. Iemand die wél iets kan beslissen."
        ),
        agent(
            "Mijn teamleider is in gesprek. Ze belt u vandaag voor vijf uur terug, dat beloof ik."
        ),
        customer(
            "Dat wil ik dan eerst weleens zien. En als die monteur er volgende week weer niet "
            "is, zeg ik alles op. Stroom, gas, internet, alles.",
            "frustrated",
            "churn_threat",
            "intent=cancel_contract|complaint",
        ),
    ),
    energy(
        "blind4_misdial_niet_thuis_getroffen_nl",
        "nl",
        "Verkeerd verbonden: de klant zat de hele dag thuis, maar kreeg een mail van Vlotpost "
        "(de pakketdienst) dat ze niet thuis was; ze leest de trackingcode voor, merkt dat ze "
        "verkeerd belt en vraagt of het morgen opnieuw bezorgd wordt.",
        NEUTRAL_NL,
        customer(
            "Goedemiddag, met Lotte. Ik bel over een pakket dat vandaag bezorgd zou worden. Ik "
            "heb de hele dag thuis gezeten, en net krijg ik een mailtje: we hebben u niet thuis "
            "getroffen. Dat is dus gewoon niet waar.",
            "frustrated",
            "parcels:intent=parcel_status|complaint",
        ),
        agent("Dat is vervelend. Heeft u een klantnummer of een referentie voor mij?"),
        customer(
            "Er staat een trackingcode in de mail. V P, drie drie negen, acht één nul, twee.",
            "calm",
            "parcels:intent=parcel_status|complaint",
            "parcels:other",
        ),
        agent("Die code kan ik bij ons niet vinden. Van welk bedrijf komt die mail?"),
        customer(
            "Van Vlotpost. O wacht, heb ik nou het verkeerde nummer gebeld? Ik had gewoon op "
            "klantenservice gezocht.",
            "doubt",
        ),
        agent("Dat denk ik wel. Ik kan u doorverbinden, als u wilt."),
        customer(
            "Ja, graag. En weet u toevallig of ze het morgen nog een keer proberen?",
            "doubt",
            "parcels:intent=parcel_status|appointment_change",
        ),
        agent("Dat weet ik niet, dat kunnen ze u daar vertellen. Ik verbind u door."),
        customer("Dank u wel.", "calm"),
        misdialled=True,
    ),
    energy(
        "blind4_misdial_garage_apk_nl",
        "nl",
        "Verkeerd verbonden: de klant wil een APK en een kleine beurt voor zijn auto inplannen "
        "en leest het kenteken voor; het nummer bleek één cijfer te verschillen van dat van de "
        "garage.",
        NEUTRAL_NL,
        customer(
            "Goedemorgen, met Peter Visser. Ik wil graag een afspraak maken voor de APK en een "
            "kleine beurt. Het gaat om een Volkswagen Golf, kenteken G, zeven één vier, R X.",
            "calm",
        ),
        agent("Een APK, zegt u? Dan bent u volgens mij verkeerd verbonden, dit is geen garage."),
        customer(
            "Nee? Ik heb het nummer van de sticker op de achterruit overgenomen. Garage Hendriks, "
            "aan de Industrieweg.",
            "doubt",
        ),
        agent("Dan heeft u misschien een cijfer verkeerd ingetoetst. We krijgen die vraag vaker."),
        customer(
            "Ha, dat zal het zijn. Neemt u me niet kwalijk dat ik u stoor, hoor.",
            "calm",
        ),
        agent("Geen probleem. Succes met de APK."),
        customer("Dank u, fijne dag.", "calm"),
        misdialled=True,
    ),
)

BLIND4_CALLS = (*PARCELS_BLIND4_EN, *PARCELS_BLIND4_NL, *ENERGY_BLIND4_EN, *ENERGY_BLIND4_NL)
