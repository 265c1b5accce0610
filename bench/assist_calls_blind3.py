"""A third held-out set of labelled assist calls, for both sample domains, in EN and NL.

Written on 2026-12-07, blind: without running any model and without seeing any result or
the other sets' calls. It is a third held-out set and is never used to choose anything
(no floor, threshold, prompt or model is picked on it); it only measures. Labels as in
`bench/assist_labels.py`. Per domain and language there are five calls to that company and
one that reached the wrong company (`misdialled`), with a greeting that names no company
so the agent's lines fit either one.

Since then a development set: measured blind twice (on the rules, then after the
article-derived examples), its mistakes were read, and it joined the development calls
the floors are calibrated on (bench/assist_floors.DEV_CALLS). The blind figure is now a
later set's (bench/assist_calls_blind11.py).
"""

from __future__ import annotations

from audio_fixtures.generate_calls import agent, customer

from .assist_calls import GREET_EN, GREET_NL, asks_for_a_manager, parcel
from .assist_calls_energy import HELLO_EN, HELLO_NL, energy

# The misdialled calls: a greeting either company's agent could say.
NEUTRAL_EN = agent("Good afternoon, customer service, you're speaking with Sarah. How can I help?")
NEUTRAL_NL = agent("Goedemiddag, klantenservice, u spreekt met Sanne. Wat kan ik voor u doen?")

PARCELS_BLIND3_EN = (
    parcel(
        "blind3_parcel_house_number_en",
        "en",
        "A wrong house number typed on an order that is still on its way.",
        GREET_EN,
        customer(
            "Hello, good afternoon, my name is Peter Smit. I ordered a pair of running shoes "
            "on Sunday and I've just seen that I typed forty-one as my house number, but it "
            "should be fourteen.",
            "calm",
            "intent=address_change",
        ),
        agent("No problem, let me look. Is the street name right?"),
        customer(
            "Yes, the street and the postcode are fine, it's only the number. The tracking "
            "says sorted, so it's not in the van yet I think?",
            "doubt",
            "intent=address_change|parcel_status",
        ),
        agent("That's right, it's still at the sorting centre. I've changed it to fourteen."),
        customer(
            "Brilliant. And will it still come tomorrow then?", "calm", "intent=parcel_status"
        ),
        agent("Yes, you'll get a two-hour window in the morning."),
        customer("Lovely, thank you very much.", "calm"),
    ),
    parcel(
        "blind3_parcel_sofa_slot_en",
        "en",
        "A sofa delivery on a weekday morning that the customer wants in the evening.",
        GREET_EN,
        customer(
            "Hi, you're delivering a sofa to me on Thursday between eight and twelve, but I'm "
            "at work then. Is there anything in the evening, or else the Saturday?",
            "calm",
            "intent=appointment_change",
        ),
        agent("Let me see what's free on your route."),
        customer(
            "The evening would be best, after six. Do I have to pay extra for that?",
            "calm",
            "intent=appointment_change|billing",
        ),
        agent("No extra cost. I have Thursday from six to nine, shall I book that?"),
        customer("Yes please, do that.", "calm"),
    ),
    parcel(
        "blind3_parcel_not_there_manager_en",
        "en",
        "The app says delivered but nothing came; the customer asks for a supervisor.",
        GREET_EN,
        customer(
            "Your app says my parcel was delivered yesterday at four, but there is nothing "
            "here, and I've already been round all the neighbours.",
            "frustrated",
            "intent=parcel_status|refund_return|complaint",
        ),
        agent("I'm sorry. I'll open an investigation, that takes up to five working days."),
        customer(
            "Five days? It's a birthday present for my daughter, and this is the second time "
            "this month your driver has got it wrong.",
            "frustrated",
            "intent=complaint|parcel_status",
        ),
        agent("I understand. I can register a complaint about the driver as well."),
        asks_for_a_manager(
            "No, I've had enough of forms. I want to speak to your supervisor, please."
        ),
        agent("Of course, I'll put you through to my team leader."),
    ),
    parcel(
        "blind3_parcel_return_collect_en",
        "en",
        "A heavy return the customer wants collected at home.",
        GREET_EN,
        customer(
            "Hi there, good morning, this is Margaret Owens. I'm sending a coffee machine back "
            "to the web shop, it's quite heavy and I haven't got a car, so I was wondering "
            "whether one of your drivers could pick it up from my house.",
            "calm",
            "intent=refund_return",
        ),
        agent("Yes, we can collect returns at home."),
        customer(
            "Oh good. What does that cost, and do I need to print a label myself? Because my "
            "printer's broken as well.",
            "doubt",
            "intent=refund_return",
        ),
        agent("It's two ninety-five. The label comes from the shop, the driver can bring it."),
        customer(
            "And the shop pays me back once you've picked it up?", "doubt", "intent=refund_return"
        ),
        agent("Once the shop has it back, yes."),
        customer("Right, I'll book it in the app tonight. Thanks, love.", "calm"),
    ),
    parcel(
        "blind3_parcel_plus_pause_gap_en",
        "en",
        "Putting the Plus subscription on hold while abroad: no article covers it.",
        GREET_EN,
        customer(
            "Good afternoon, my name is Anil Rampersad. I've had Plus for about two years now, "
            "but I'm working in Canada from January to April. Can I put my subscription on "
            "hold for those months instead of cancelling it?",
            "calm",
            "intent=cancel_contract",
            "gap",
        ),
        agent("Good question. I'm not sure we can pause it, let me check."),
        customer(
            "Or could my sister take it over in her name while I'm away, and then I take it back?",
            "doubt",
            "intent=cancel_contract|billing",
            "gap",
        ),
        agent("I'll ask my colleagues and email you the answer today."),
        customer("Okay, that's fine. Thanks.", "calm"),
    ),
    parcel(
        "blind3_misdial_parcel_stuck_en",
        "en",
        "A parcel stuck on sorted for days, called in at the wrong company.",
        NEUTRAL_EN,
        customer(
            "Hi, I'm waiting for a laptop from a web shop and the tracking has said sorted "
            "for four days now.",
            "frustrated",
            "intent=parcel_status",
        ),
        agent("Let me take a look. Do you have a reference number?"),
        customer("Yes, it's VP five five two, eight one zero, three four.", "calm"),
        agent("Thank you, one moment."),
        customer(
            "I really need it for work on Monday. Can you find out where it is?",
            "frustrated",
            "intent=parcel_status",
        ),
        agent("I'll look into it and call you back this afternoon."),
        misdialled=True,
    ),
)

PARCELS_BLIND3_NL = (
    parcel(
        "blind3_pakket_retour_kwijt_nl",
        "nl",
        "Een retourzending die de winkel niet heeft ontvangen.",
        GREET_NL,
        customer(
            "Goedemiddag, u spreekt met Ingrid de Wit. Ik heb drie weken geleden een jurk "
            "teruggestuurd via zo'n afgiftepunt in de supermarkt, en nu zegt de winkel dat ze "
            "niks hebben ontvangen, dus ik krijg mijn geld niet terug.",
            "frustrated",
            "intent=refund_return|parcel_status",
        ),
        agent("Wat vervelend. Heeft u het bonnetje van het afgiftepunt nog?"),
        customer(
            "Ja, dat heb ik gelukkig bewaard, er staat een code op.",
            "calm",
            "intent=refund_return|parcel_status",
            "other",
        ),
        agent("Mooi. Volgens die code is het pakket vorige week bij de winkel afgeleverd."),
        customer(
            "Kunt u dat dan naar de winkel sturen of zo? Want zij blijven zeggen dat het er "
            "niet is.",
            "doubt",
            "intent=refund_return|parcel_status",
        ),
        agent("Ik mail u een bewijs van aflevering, dat kunt u doorsturen."),
        customer("Oké, top, dank u wel.", "calm"),
    ),
    parcel(
        "blind3_pakket_btw_incasso_nl",
        "nl",
        "Een zzp'er die zijn btw-nummer op de factuur wil en een mislukte incasso had.",
        GREET_NL,
        customer(
            "Ja hallo, ik heb een eenmanszaak en ik verstuur best veel via jullie. Ik wil graag "
            "mijn btw-nummer op de facturen, hoe doe ik dat?",
            "calm",
            "intent=billing",
        ),
        agent("Dat kunt u zelf toevoegen in de app, onder Facturen."),
        customer(
            "O, handig. En ik kreeg gisteren een betaallink, want de afschrijving was "
            "mislukt. Moet ik die nou nog betalen of doen jullie dat opnieuw?",
            "doubt",
            "intent=billing",
        ),
        agent("We hebben het al opnieuw geprobeerd, dus betaalt u via de link."),
        customer("Prima, dan doe ik dat vandaag nog.", "calm"),
    ),
    parcel(
        "blind3_pakket_sms_code_nl",
        "nl",
        "Een Vlaamse beller die niet kan inloggen omdat de sms-code naar een oud nummer gaat.",
        GREET_NL,
        customer(
            "Dag meneer, ik probeer al heel de voormiddag in te loggen op jullie app, maar ik "
            "krijg die sms-code niet binnen. Ik heb wel een nieuw gsm-nummer sinds vorige maand.",
            "frustrated",
            "intent=technical_issue",
        ),
        agent("Dan gaat de code nog naar uw oude nummer. Ik kan het voor u aanpassen."),
        customer(
            "Ah, dat zal het zijn. Het nieuwe is nul vier negen vijf, twaalf, "
            "vierendertig, zesenvijftig.",
            "calm",
            "intent=technical_issue",
            "other",
        ),
        agent("Dank u, het is aangepast. Probeert u het maar opnieuw."),
        customer(
            "Want eigenlijk wil ik mijn pakje naar een afhaalpunt laten sturen, ik ben morgen "
            "niet thuis. Kan dat nog?",
            "calm",
            "intent=address_change|parcel_status",
        ),
        agent("Zolang het nog niet in de bus zit, kan dat in de app."),
        customer("Super, merci.", "calm"),
    ),
    parcel(
        "blind3_pakket_bezorger_gazon_nl",
        "nl",
        "Een bezorger die over het gazon reed en onbeschoft was; de klant wil een leidinggevende.",
        GREET_NL,
        customer(
            "Uw bezorger is vanochtend met zijn busje dwars over mijn gazon gereden en toen "
            "mijn vader er wat van zei, begon hij ook nog te schelden.",
            "frustrated",
            "intent=complaint",
        ),
        agent("Dat hoort absoluut niet. Weet u hoe laat dat was?"),
        customer(
            "Een uur of tien. Er staan gewoon sporen in het gras, ik heb er foto's van.",
            "frustrated",
            "intent=complaint",
        ),
        agent("Ik leg de klacht vast, dan krijgt u binnen vijf werkdagen antwoord."),
        asks_for_a_manager(
            "Nee, ik wil niet weer vijf dagen wachten. Ik wil nu iemand spreken die erover "
            "gaat, een leidinggevende."
        ),
        agent("Ik verbind u door met mijn teamleider."),
    ),
    parcel(
        "blind3_pakket_plus_jaar_gap_nl",
        "nl",
        "Het Plus-abonnement per jaar betalen met korting: daar is geen artikel over.",
        GREET_NL,
        customer(
            "Goedemorgen, met Hans Verbeek. Ik heb sinds kort Plus, en ik vroeg me af of ik "
            "dat ook per jaar kan betalen in plaats van elke maand, met een beetje korting?",
            "calm",
            "intent=billing",
            "gap",
        ),
        agent("Dat weet ik eerlijk gezegd niet, ik zoek het even uit."),
        customer(
            "En als dat kan, kan ik dan tussentijds nog opzeggen, of zit ik dan een jaar vast?",
            "doubt",
            "intent=cancel_contract|billing",
            "gap",
        ),
        agent("Ik vraag het na bij de afdeling facturatie en bel u morgen terug."),
        customer("Prima, dank u.", "calm"),
    ),
    parcel(
        "blind3_misdial_pakket_express_nl",
        "nl",
        "Expresbezorging die twee dagen te laat kwam, gebeld naar het verkeerde bedrijf.",
        NEUTRAL_NL,
        customer(
            "Hallo, ik heb extra betaald voor expresbezorging, maar het pakket kwam twee dagen "
            "te laat. Krijg ik dat geld terug?",
            "frustrated",
            "intent=refund_return|billing|complaint",
        ),
        agent("Dat begrijp ik. Wanneer is het bezorgd?"),
        customer(
            "Gisteren pas, en het had er dinsdag moeten zijn.",
            "calm",
            "intent=refund_return|parcel_status",
            "other",
        ),
        agent("Dank u, ik kijk het na."),
        customer(
            "Het ging om een cadeau voor een verjaardag, dus daar had ik echt niks meer aan.",
            "frustrated",
            "intent=complaint|refund_return",
        ),
        agent("Dat is heel vervelend. Ik zoek uit wat er mogelijk is."),
        misdialled=True,
    ),
)

ENERGY_BLIND3_EN = (
    energy(
        "blind3_energy_newbuild_move_en",
        "en",
        "Moving into a new-build flat and wanting internet from the first day.",
        HELLO_EN,
        customer(
            "Hello, good morning, my name is Claire Dunmore. We're moving from Haarlem to a "
            "new-build flat in Almere on the fifteenth of January, and I want to be sure the "
            "internet works on the day we get the keys.",
            "calm",
            "intent=moving",
        ),
        agent("Let me check the new address. Do you know if there's fibre in the flat?"),
        customer(
            "No idea, it's brand new. Would a technician have to come and connect it?",
            "doubt",
            "intent=moving|appointment",
        ),
        agent("Yes, for a new connection we plan a technician visit with you."),
        customer(
            "Okay. And the electricity and gas just move along at the same price?",
            "calm",
            "intent=moving|contract",
        ),
        agent("Yes, your contract moves with you on the same terms."),
        customer("Perfect, that's a relief.", "calm"),
    ),
    energy(
        "blind3_energy_statement_extra_en",
        "en",
        "An annual statement with a large extra payment the customer disputes.",
        HELLO_EN,
        customer(
            "I've just opened my annual statement and I have to pay four hundred and twenty "
            "euros extra. How is that even possible?",
            "frustrated",
            "intent=billing",
        ),
        agent("I'm sorry, let me look at your usage."),
        customer(
            "We've hardly been home this year, and nobody ever asked us for a meter reading, "
            "so I think you just guessed.",
            "frustrated",
            "intent=meter_reading|billing|complaint",
        ),
        agent("It was an estimate, yes. You can still correct it, and I can spread the amount."),
        customer(
            "Then spread it, but I'd also like to make a formal complaint about that estimate.",
            "frustrated",
            "intent=complaint|billing",
        ),
        agent("I'll register it, you'll get a complaint number by email."),
    ),
    energy(
        "blind3_energy_wifi_upstairs_en",
        "en",
        "Weak wifi upstairs; the customer asks about a booster.",
        HELLO_EN,
        customer(
            "Hi, the internet itself is fine, it's just that upstairs in the kids' bedrooms "
            "the wifi is basically gone.",
            "calm",
            "intent=outage|contract",
        ),
        agent("Where is the modem now?"),
        customer(
            "In the cupboard under the stairs, next to the meters.",
            "calm",
            "intent=outage|contract",
            "other",
        ),
        agent("That's not the best spot. A mesh point upstairs would help."),
        customer(
            "Do you rent those out, and what does it cost a month?",
            "calm",
            "intent=contract|outage",
        ),
        agent("Three euros a month, you can order it in the app."),
        customer("Great, I'll do that, thanks.", "calm"),
    ),
    energy(
        "blind3_energy_fibre_mess_manager_en",
        "en",
        "A technician left a mess after a fibre installation; the customer asks for a manager.",
        HELLO_EN,
        customer(
            "Your technician came yesterday to put in the fibre, and he left a hole in my "
            "hallway wall and mud all over the carpet.",
            "frustrated",
            "intent=complaint|appointment",
        ),
        agent("I'm very sorry. I'll register a complaint so it can be put right."),
        asks_for_a_manager(
            "I don't want another complaint number. I've had two this year and nobody ever "
            "called me back. Put me through to someone in charge."
        ),
        agent("I understand. I'll transfer you to my team leader."),
    ),
    energy(
        "blind3_energy_static_ip_gap_en",
        "en",
        "A fixed IP address for a home business: no article covers it.",
        HELLO_EN,
        customer(
            "Good afternoon, this is Tom Akkerman. I run a small design business from home and "
            "I'd like a fixed IP address on my internet connection. Do you offer that?",
            "calm",
            "intent=contract",
            "gap",
        ),
        agent("Hmm, I'm not sure. Let me ask."),
        customer(
            "And can I get the invoice in my company's name for the internet part, but keep "
            "the energy private?",
            "doubt",
            "intent=billing|contract",
            "gap",
        ),
        agent("I'll find out for both and call you back tomorrow."),
        customer("That's fine, cheers.", "calm"),
    ),
    energy(
        "blind3_misdial_energy_final_notice_en",
        "en",
        "A final notice for an energy bill, called in at the wrong company.",
        NEUTRAL_EN,
        customer(
            "Hello, I got a final notice for my energy bill, two hundred and sixty euros, and "
            "I just can't pay it all at once.",
            "doubt",
            "intent=billing",
        ),
        agent("I understand. Let me look at your account."),
        customer(
            "Could I spread it over a few months? I really don't want it to go to a collection "
            "agency.",
            "doubt",
            "intent=billing",
        ),
        agent("Let me see what's possible for you."),
        customer("Thank you, that would help a lot.", "calm"),
        misdialled=True,
    ),
)

ENERGY_BLIND3_NL = (
    energy(
        "blind3_energie_alleen_wij_nl",
        "nl",
        "Alleen in het eigen huis geen stroom; de aardlekschakelaar springt steeds.",
        HELLO_NL,
        customer(
            "Goedemiddag, met Jan Peeters. Wij zitten sinds een half uur zonder stroom, maar "
            "bij de buren brandt gewoon het licht, dus het ligt echt aan ons huis.",
            "frustrated",
            "intent=outage",
        ),
        agent("Heeft u al in de meterkast gekeken of er een schakelaar omlaag staat?"),
        customer(
            "Ja, die aardlekschakelaar, die zet ik omhoog maar hij springt er meteen weer uit.",
            "frustrated",
            "intent=outage",
        ),
        agent("Zet dan alle groepen uit en een voor een weer aan, dan ziet u welke het is."),
        customer(
            "En als dat niet lukt, moet ik dan zelf een elektricien bellen of sturen jullie "
            "iemand?",
            "doubt",
            "intent=outage|appointment",
        ),
        agent("In huis is dat voor een installateur, niet voor ons."),
        customer("Oké, ik ga het proberen. Dank u.", "calm"),
    ),
    energy(
        "blind3_energie_slimme_meter_fout_nl",
        "nl",
        "Een slimme meter die na vervanging niets doorgeeft en een foutcode toont.",
        HELLO_NL,
        customer(
            "Hoi, sinds ze vorige week de slimme meter hebben vervangen, zie ik in de app "
            "helemaal geen verbruik meer.",
            "calm",
            "intent=meter_reading|appointment",
        ),
        agent("Wat staat er op het schermpje van de meter?"),
        customer(
            "Er staat E twee een, of zoiets, en verder niks.",
            "doubt",
            "intent=meter_reading|appointment",
        ),
        agent("Dan moet de netbeheerder ernaar kijken, ik meld het voor u aan."),
        customer(
            "Moet ik dan ondertussen zelf de standen doorgeven?",
            "doubt",
            "intent=meter_reading",
        ),
        agent("Nee, dat hoeft niet, de netbeheerder zet de standen goed."),
        customer("Fijn, bedankt.", "calm"),
    ),
    energy(
        "blind3_energie_verlengen_sneller_nl",
        "nl",
        "Een verlengingsaanbod voor het vaste contract en sneller internet erbij.",
        HELLO_NL,
        customer(
            "Goedemorgen, u spreekt met Fatima el Amrani. Ik kreeg een brief dat mijn vaste "
            "contract afloopt, met een aanbod, maar ik heb nog niet gekeken, en wat gebeurt er "
            "eigenlijk als ik niks doe?",
            "calm",
            "intent=contract",
        ),
        agent("Dan loopt het door als variabel contract, dat u altijd kunt opzeggen."),
        customer(
            "Hm, en is vast nu goedkoper dan variabel, wat zou u doen?",
            "doubt",
            "intent=contract",
        ),
        agent("Dat hangt af van de looptijd, ik kan beide voor u doorrekenen."),
        customer(
            "Graag. En als ik toch bezig ben: mijn internet mag wel wat sneller, mijn zoon "
            "gamet de hele dag.",
            "calm",
            "intent=contract|outage",
        ),
        agent("Dat kan in de app, binnen twee werkdagen is het sneller."),
        customer("Top, dank u wel.", "calm"),
    ),
    energy(
        "blind3_energie_incassobureau_manager_nl",
        "nl",
        "Een brief van een incassobureau terwijl de klant betaald heeft; hij wil een leidinggevende.",
        HELLO_NL,
        customer(
            "Ik heb net een brief van een incassobureau gekregen, terwijl ik alles gewoon "
            "betaald heb! Ik heb de afschriften hier voor me liggen.",
            "frustrated",
            "intent=billing|complaint",
        ),
        agent("Dat is schrikken. Wanneer heeft u betaald?"),
        customer(
            "Op de twaalfde, honderdvijftig euro. En ik heb hier vorige maand ook al over "
            "gebeld, toen zou het geregeld worden.",
            "frustrated",
            "intent=billing|complaint",
        ),
        agent("Ik zie de betaling. Ik zet de zaak bij het incassobureau stop."),
        asks_for_a_manager(
            "Nee, dat werd vorige keer ook gezegd. Ik wil nu uw leidinggevende aan de lijn."
        ),
        agent("Ik verbind u door met mijn teamleider."),
    ),
    energy(
        "blind3_energie_scheiding_gap_nl",
        "nl",
        "Na een scheiding het contract op de eigen naam zetten: daar is geen artikel over.",
        HELLO_NL,
        customer(
            "Ja goedemiddag, mijn vriend en ik gaan uit elkaar, hij gaat het huis uit, maar "
            "het contract staat op zijn naam. Kan dat op mijn naam, met dezelfde vaste prijs?",
            "calm",
            "intent=contract|moving",
            "gap",
        ),
        agent("Dat weet ik niet precies, ik moet dat navragen."),
        customer(
            "En de jaarafrekening die er nog aankomt, moet ik die dan ook betalen, of hij?",
            "doubt",
            "intent=billing",
            "gap",
        ),
        agent("Ik vraag het na bij mijn collega's en bel u vandaag nog terug."),
        customer("Oké, graag. Dank u.", "calm"),
    ),
    energy(
        "blind3_misdial_energie_samenwonen_nl",
        "nl",
        "Internet opzeggen omdat de klant gaat samenwonen, gebeld naar het verkeerde bedrijf.",
        NEUTRAL_NL,
        customer(
            "Hallo, ik ga bij mijn vriendin intrekken en zij heeft al internet, dus ik wil mijn "
            "internetabonnement opzeggen.",
            "calm",
            "intent=cancel_contract|moving",
        ),
        agent("Dat kan. Mag ik uw klantnummer?"),
        customer("Vier vijf zeven nul, een twee acht drie.", "calm"),
        agent("Dank u wel."),
        customer(
            "Hoe lang is de opzegtermijn eigenlijk? Ik verhuis over drie weken.",
            "doubt",
            "intent=cancel_contract|moving",
        ),
        agent("Ik kijk het even voor u na."),
        customer("Prima, dank u.", "calm"),
        misdialled=True,
    ),
)

BLIND3_CALLS = (*PARCELS_BLIND3_EN, *PARCELS_BLIND3_NL, *ENERGY_BLIND3_EN, *ENERGY_BLIND3_NL)
