"""An eighth held-out set of labelled assist calls, for both sample domains, in EN and NL.

Written on 2026-12-07, blind: without running any model and without seeing any result, any
example line or the other sets' calls; never used to choose anything, it only measures.
Labels as in `bench/assist_labels.py`. Per domain and language: six calls to that company
and two that reached the wrong company (`misdialled`) with a neutral greeting, one about the
other sample company's business and one about an unrelated business.

Since then a development set: measured blind (bench assist_abstention on ccead67), its
mistakes were read, and it joined the development calls the floors are calibrated on
(bench/assist_floors.DEV_CALLS). The blind figure is now bench/assist_calls_blind11.py's.
"""

from __future__ import annotations

from audio_fixtures.generate_calls import agent, customer

from .assist_calls import GREET_EN, GREET_NL, asks_for_a_manager, parcel
from .assist_calls_energy import HELLO_EN, HELLO_NL, energy

NEUTRAL_EN = agent("Good afternoon, customer service, you're speaking with Priya. How can I help?")
NEUTRAL_NL = agent("Goedemiddag, klantenservice, u spreekt met Femke. Wat kan ik voor u doen?")

PARCELS_EN = (
    parcel(
        "blind8_parcels_en_grandson_customs",
        "en",
        "An elderly woman with a card through the door asks why a present needs customs fees.",
        GREET_EN,
        customer(
            "Oh hello, yes, uh, good morning. I have a question about something I got. "
            "Well, a card, through the door.",
            "doubt",
            "intent=parcel_status",
            "other",
        ),
        agent("Of course. What does the card say?"),
        customer(
            "It says there's a parcel for me but I have to pay, uh, fourteen euros fifty "
            "before they'll bring it. Something about import. It's from my grandson in Canada.",
            "doubt",
            "intent=billing|parcel_status",
        ),
        agent("That sounds like import duties. Is there a tracking code on the card?"),
        customer(
            "Let me get my glasses. It's V, L, seven, seven, three, zero, nine, one, two, "
            "eight, N, L.",
            "calm",
            "intent=parcel_status|billing",
            "other",
        ),
        agent("Thank you. Yes, there are customs charges of fourteen euros fifty on it."),
        customer(
            "But it's a present, a jumper he knitted. Why should I pay tax on a present? "
            "And how do I even pay, I don't do the internet.",
            "frustrated",
            "intent=billing|complaint",
        ),
        agent("You can pay the driver by card at the door, and I'll explain the charge."),
        customer("Right. Well, thank you, dear, you've been very patient.", "calm"),
    ),
    parcel(
        "blind8_parcels_en_shop_pickup_point",
        "en",
        "A bike shop owner checks a parcel his customer says never came, then asks about "
        "becoming a pickup point.",
        GREET_EN,
        customer(
            "Morning. This is Tom from Harbour Cycles in Bristol, we send a fair few parcels "
            "with you.",
            "calm",
        ),
        agent("Good morning Tom, what can I do for you?"),
        customer(
            "One of my customers says she never got her bike lights, but your tracking says "
            "delivered on Tuesday.",
            "calm",
            "intent=parcel_status|refund_return",
        ),
        agent("Can you give me the tracking number?"),
        customer(
            "V L four four two, uh, sorry, four four two six one zero eight three.",
            "calm",
            "intent=parcel_status",
            "other",
        ),
        agent("The driver left it with a neighbour at number twelve."),
        customer(
            "Ah, that'll be it then, I'll tell her. And while I have you, can my shop become "
            "one of your pickup points? What do you pay for that?",
            "calm",
            "other",
            "gap",
        ),
        agent("I'll pass your details to the team that handles that."),
        customer("Great, cheers.", "calm"),
    ),
    parcel(
        "blind8_parcels_en_mum_care_home",
        "en",
        "A daughter redirects her mother's parcels to a care home and wants to stop her Plus "
        "subscription on her behalf.",
        GREET_EN,
        customer(
            "Hi, I'm calling on behalf of my mum, Margaret Ellis. She's eighty-six and she's "
            "just moved into a care home.",
            "calm",
            "intent=address_change",
            "other",
        ),
        agent("I hope she's settling in. How can I help?"),
        customer(
            "She's got a couple of parcels on the way and they'll go to her old flat. Can they "
            "go to the home instead? It's Willow Court, twelve Station Road, B S three, four "
            "Q X.",
            "calm",
            "intent=address_change",
        ),
        agent("I can change that for parcels that haven't left the depot yet. One moment."),
        customer(
            "And she's got this Vlotpost Plus thing, she's paying every month and she won't "
            "need it any more. Can we stop that?",
            "calm",
            "intent=cancel_contract",
        ),
        agent("I can, but the account is in her name, so she'll need to confirm it."),
        customer(
            "Oh, she can't really manage the phone any more. Do I need power of attorney for "
            "that, or is a letter from her enough?",
            "doubt",
            "intent=cancel_contract",
            "gap",
        ),
        agent("Let me check what we need and email you."),
        customer("Okay, thanks, I'll sort that out.", "calm"),
    ),
    parcel(
        "blind8_parcels_en_locker_wont_open",
        "en",
        "A man standing at a parcel locker that won't open wants it delivered home instead.",
        GREET_EN,
        customer(
            "Yeah hi, I'm standing at the, uh, the parcel locker at the Tesco on Mill Lane "
            "and it won't open.",
            "frustrated",
            "intent=technical_issue",
        ),
        agent("I'm sorry about that. Are you using the code from the app?"),
        customer(
            "Yes, I scan the, the QR thing, it beeps, and then nothing. The screen says try "
            "again later.",
            "frustrated",
            "intent=technical_issue",
        ),
        agent("Can you tell me the tracking code?"),
        customer(
            "Hang on. It's V L, nine nine zero, one, five, five, three, seven, two.",
            "calm",
            "intent=technical_issue|parcel_status",
            "other",
        ),
        agent("It's in compartment twenty-three. I'll text you a new pickup code."),
        customer(
            "Fine, but if that doesn't work I'm not coming back here tomorrow. Can you just "
            "deliver it to my house then?",
            "frustrated",
            "intent=address_change|technical_issue",
        ),
        agent("If the new code fails, we'll take it back and deliver it to your home."),
        customer(
            "Okay. Right, the new code's come in, let me try... yeah, it's open. Thanks.",
            "calm",
        ),
    ),
    parcel(
        "blind8_parcels_en_washing_machine_install",
        "en",
        "A calm request to move a washing machine installation turns into a complaint about "
        "a missed visit.",
        GREET_EN,
        customer(
            "Hello, good morning. I'd like to move the installation appointment for my new "
            "washing machine, please.",
            "calm",
            "intent=appointment_change",
        ),
        agent("Certainly. Can I have your order number?"),
        customer(
            "It's W M, two zero four, eight eight one.",
            "calm",
            "intent=appointment_change",
            "other",
        ),
        agent("Thank you. The appointment is Thursday between eight and one."),
        customer(
            "Friday afternoon would be better. Actually, hold on, Thursday? I was told Monday. "
            "I took Monday off work and nobody came.",
            "frustrated",
            "intent=appointment_change|complaint",
        ),
        agent("I'm sorry, it looks like Monday's appointment was moved by planning."),
        customer(
            "Moved without telling me? That's the second time. I've lost two days of leave "
            "over this.",
            "frustrated",
            "intent=complaint",
        ),
        agent("I apologise. I can book Friday afternoon for you."),
        asks_for_a_manager("No. I want to speak to your supervisor about this. Now, please."),
    ),
    parcel(
        "blind8_parcels_en_crushed_box_invoice",
        "en",
        "A student reports headphones broken in a crushed box, then asks about an invoice "
        "she doesn't recognise.",
        GREET_EN,
        customer(
            "Hi, um, so I got a parcel yesterday and the box was, like, completely crushed.",
            "doubt",
            "intent=refund_return|complaint",
        ),
        agent("Oh no, I'm sorry. Was anything inside damaged?"),
        customer(
            "Yeah, the headphones, one side doesn't work any more. Do I, uh, do I claim with "
            "you or with the shop?",
            "doubt",
            "intent=refund_return",
        ),
        agent("You can report it to us. Did you keep the packaging?"),
        customer(
            "I think it's still in the recycling. I'll take photos.",
            "calm",
            "intent=refund_return",
            "other",
        ),
        agent("Good, please keep the box and the photos."),
        customer(
            "Okay. Oh, and one more thing, I got an invoice from you for six euros and I "
            "don't even have an account. Is that a scam?",
            "doubt",
            "intent=billing",
        ),
        agent("Let me look. Could you read me the invoice number?"),
        customer(
            "It's, uh, I N V, five five eight, three zero two.",
            "calm",
            "intent=billing",
            "other",
        ),
    ),
    parcel(
        "blind8_parcels_en_misdial_internet",
        "en",
        "A home worker whose internet is down has called the parcel service by mistake.",
        NEUTRAL_EN,
        customer(
            "Hi, yes, my internet's been down since last night. The light on the modem is "
            "blinking orange.",
            "frustrated",
            "energy_internet:intent=outage",
        ),
        agent("I'm sorry to hear that. Which provider are you with?"),
        customer(
            "Wattnet. I work from home, I really need it back today.",
            "frustrated",
            "energy_internet:intent=outage",
        ),
        agent("I'm afraid you've reached a parcel delivery service, not Wattnet."),
        customer(
            "Oh, for goodness' sake. Sorry, that's not your fault. Do you have their number?",
            "calm",
        ),
        misdialled=True,
    ),
    parcel(
        "blind8_parcels_en_misdial_dentist",
        "en",
        "A patient wanting to move a dental check-up has dialled the wrong number.",
        NEUTRAL_EN,
        customer(
            "Hello, I'd like to move my check-up on Wednesday, it's with Doctor Shah.",
            "calm",
        ),
        agent("I'm sorry, which appointment is this about?"),
        customer("My dental check-up. Is this not Brookfield Dental?", "doubt"),
        agent("No, I'm afraid you've reached a different company."),
        customer("Oh dear, I must have dialled the wrong number. Sorry to bother you.", "calm"),
        misdialled=True,
    ),
)

PARCELS_NL = (
    parcel(
        "blind8_parcels_nl_bloeddrukmeter",
        "nl",
        "Een oudere meneer zonder trackingcode wacht op een bloeddrukmeter en wil dat die "
        "bij de buren wordt bezorgd.",
        GREET_NL,
        customer("Ja, goedemorgen, u spreekt met meneer Van der Wal, uit Zwolle.", "calm"),
        agent("Goedemorgen meneer Van der Wal, wat kan ik voor u doen?"),
        customer(
            "Ik wacht al sinds vrijdag op een pakje. Een bloeddrukmeter, van de apotheek, eh, "
            "de internetapotheek dan.",
            "doubt",
            "intent=parcel_status",
        ),
        agent("Heeft u de trackingcode bij de hand?"),
        customer(
            "Nee, die zit in de mail en daar kan ik nu niet bij. Kunt u het op mijn postcode "
            "zoeken? Acht nul één één, L, K, huisnummer drieënveertig.",
            "calm",
            "intent=parcel_status",
            "other",
        ),
        agent("Ik zie een pakket op uw adres. Het wordt vandaag bezorgd, tussen twee en vijf."),
        customer(
            "O, vandaag al. Maar om drie uur moet ik naar de fysio. Kan het dan bij de buren, "
            "op nummer vijfenveertig?",
            "doubt",
            "intent=address_change|appointment_change",
        ),
        agent("Dat zet ik erbij, dan gaat de bezorger naar nummer vijfenveertig."),
        customer("Nou, fijn. Dank u wel, jongeman.", "calm"),
    ),
    parcel(
        "blind8_parcels_nl_webwinkel_accu",
        "nl",
        "Een zakelijke klant snapt haar maandfactuur niet en vraagt of ze e-bikeaccu's mag "
        "versturen.",
        GREET_NL,
        customer(
            "Hoi Daan, met Sanne Kuipers van Kuipers Fietsonderdelen in Utrecht. Wij "
            "versturen zakelijk met jullie.",
            "calm",
        ),
        agent("Hoi Sanne, waar kan ik je mee helpen?"),
        customer(
            "Ik heb de factuur van november gekregen en er staan opeens drieënzestig "
            "zendingen op, terwijl we er maar een stuk of veertig hebben verstuurd.",
            "doubt",
            "intent=billing",
        ),
        agent("Vervelend. Wat is het factuurnummer?"),
        customer(
            "F, twee, zes, nul, nul, vier, één, acht.",
            "calm",
            "intent=billing",
            "other",
        ),
        agent("De retouren van jouw klanten staan ook op jouw factuur, als aparte regels."),
        customer(
            "O, de retouren, ja. Dat zal het zijn.",
            "calm",
            "intent=billing|refund_return",
            "other",
        ),
        agent("Kan ik verder nog iets voor je doen?"),
        customer(
            "Ja, eigenlijk wel. We willen binnenkort ook accu's voor e-bikes gaan versturen. "
            "Mag dat met jullie, zo'n lithiumaccu?",
            "calm",
            "other",
            "gap",
        ),
    ),
    parcel(
        "blind8_parcels_nl_servies_over_hek",
        "nl",
        "Een vrouw meldt een kapot servies dat over het hek is gegooid en wil de schade "
        "vergoed krijgen.",
        GREET_NL,
        customer(
            "Goeiemorgen. Ik heb gisteren een pakket gehad en, ja, hoe zeg ik dat netjes, het "
            "was helemaal kapot.",
            "calm",
            "intent=refund_return|complaint",
        ),
        agent("Wat vervelend. Wat zat erin?"),
        customer(
            "Een servies. Voor de bruiloft van mijn dochter. Het rammelde al toen ik het oppakte.",
            "calm",
            "intent=refund_return",
        ),
        agent("Heeft u foto's gemaakt van de doos en de inhoud?"),
        customer(
            "Ja, die heb ik. En mijn buurman heeft gezien dat de bezorger het gewoon over het "
            "hek gooide. Over het hek! Dat kan toch niet?",
            "frustrated",
            "intent=complaint|refund_return",
        ),
        agent("Nee, dat hoort niet. Ik noteer het als klacht over de bezorger."),
        customer(
            "Graag. En wie betaalt dat servies nu? Dat was honderdvijftig euro.",
            "frustrated",
            "intent=refund_return",
        ),
        agent("U kunt een schadeclaim indienen, ik mail u het formulier."),
        customer(
            "Goed. Het pakketnummer is V, L, drie, één, vier, vier, zes, nul, twee, nul, N, L.",
            "calm",
            "intent=refund_return",
            "other",
        ),
    ),
    parcel(
        "blind8_parcels_nl_plus_opzeggen_inloggen",
        "nl",
        "Een studente wil Vlotpost Plus opzeggen maar kan niet inloggen, en vraagt of ze "
        "geld terugkrijgt.",
        GREET_NL,
        customer(
            "Hoi, eh, ik wil Vlotpost Plus opzeggen, maar het lukt niet via de app.",
            "doubt",
            "intent=cancel_contract|technical_issue",
        ),
        agent("Wat gebeurt er als je het probeert?"),
        customer(
            "Ik kan gewoon niet inloggen. Ik krijg steeds zo'n code via sms, maar die komt "
            "nooit aan.",
            "frustrated",
            "intent=technical_issue",
        ),
        agent("Klopt het telefoonnummer in je account nog?"),
        customer(
            "Ja, hoor. O, wacht. Ik heb sinds de zomer een nieuw nummer. Dat zal het zijn.",
            "doubt",
            "intent=technical_issue",
        ),
        agent("Dan pas ik dat aan, en ik kan de opzegging meteen voor je doorzetten."),
        customer(
            "Ja, graag. Ik heb in maart het hele jaar vooruitbetaald. Krijg ik de rest dan terug?",
            "calm",
            "intent=cancel_contract|refund_return|billing",
        ),
        agent("Je krijgt de maanden na de opzegdatum terug."),
        customer("Top, dank je wel.", "calm"),
    ),
    parcel(
        "blind8_parcels_nl_oud_adres_leidinggevende",
        "nl",
        "Een man wiens pakketten na zijn verhuizing naar het oude adres blijven gaan, vraagt "
        "om een leidinggevende.",
        GREET_NL,
        customer(
            "Ja, met Kees Dekker. Ik bel voor de derde keer deze maand, dus ik hoop dat het "
            "nu wel goed gaat.",
            "frustrated",
            "intent=complaint",
            "other",
        ),
        agent("Vervelend dat u opnieuw moet bellen. Waar gaat het om?"),
        customer(
            "Ik ben op één oktober verhuisd. Ik heb mijn adres netjes bij jullie gewijzigd en "
            "toch gaan mijn pakketten nog steeds naar de Mathenesserlaan.",
            "frustrated",
            "intent=address_change|complaint",
        ),
        agent("Wat is uw nieuwe adres?"),
        customer(
            "Groene Hilledijk honderdtwaalf, drie nul zeven vijf, B, H, Rotterdam.",
            "calm",
            "intent=address_change",
            "other",
        ),
        agent("Dat staat goed in uw account, maar de webwinkel had nog uw oude adres."),
        customer(
            "Dus het is weer mijn schuld? Er ligt nu een pakket van tweehonderd euro op een "
            "adres waar ik niet meer woon!",
            "frustrated",
            "intent=complaint|parcel_status|address_change",
        ),
        agent("Het ligt nog in het depot, ik kan het omleiden naar uw nieuwe adres."),
        asks_for_a_manager("Nee, ik wil nu een leidinggevende spreken. Ik ben er klaar mee."),
    ),
    parcel(
        "blind8_parcels_nl_vader_afhaalpunt",
        "nl",
        "Een dochter belt voor haar slechthorende vader wiens pakket bij een afhaalpunt ligt "
        "en laat het opnieuw bezorgen.",
        GREET_NL,
        customer(
            "Goedemorgen, ik bel eigenlijk voor mijn vader. Hij is slechthorend, dus ik doe "
            "het maar even.",
            "calm",
        ),
        agent("Dat is prima. Waar gaat het om?"),
        customer(
            "Er is gisteren een pakket voor hem gekomen, maar hij hoorde de bel niet. Nu ligt "
            "het bij een afhaalpunt, eh, in de Primera aan het Zaailand.",
            "calm",
            "intent=parcel_status",
        ),
        agent("Klopt, daar ligt het. Het blijft daar zeven dagen liggen."),
        customer(
            "Het punt is, hij loopt slecht en ik kan pas volgende week zaterdag. Kan het niet "
            "gewoon nog een keer bezorgd worden?",
            "doubt",
            "intent=appointment_change|parcel_status",
        ),
        agent("Ik kan een nieuwe bezorging inplannen. Welke dag komt het uit?"),
        customer(
            "Donderdag, dan ben ik er zelf ook. Zijn postcode is acht negen één één, A, E, "
            "nummer zeven.",
            "calm",
            "intent=appointment_change",
            "other",
        ),
        agent("Staat genoteerd: donderdag tussen negen en twaalf."),
        customer("Heel fijn, bedankt hoor.", "calm"),
    ),
    parcel(
        "blind8_parcels_nl_misdial_meterstanden",
        "nl",
        "Een vrouw die haar meterstanden aan Wattnet wil doorgeven, belt de pakketdienst.",
        NEUTRAL_NL,
        customer(
            "Goedemiddag, ik wil graag mijn meterstanden doorgeven. Ik heb een brief gehad "
            "dat dat moest.",
            "calm",
            "energy_internet:intent=meter_reading",
        ),
        agent("Meterstanden? Welk bedrijf wilde u bellen?"),
        customer(
            "Nou, Wattnet toch? Het is voor de jaarafrekening. Stroom is, eh, "
            "twaalfduizend driehonderdzesenveertig.",
            "doubt",
            "energy_internet:intent=meter_reading|billing",
        ),
        agent("U spreekt met een pakketbezorger, mevrouw. U heeft een verkeerd nummer gekozen."),
        customer("O, wat dom van me. Dan zoek ik het goede nummer even op. Sorry hoor.", "calm"),
        misdialled=True,
    ),
    parcel(
        "blind8_parcels_nl_misdial_zorgverzekeraar",
        "nl",
        "Een man met een vraag over een declaratie van de fysiotherapeut belt het verkeerde "
        "nummer.",
        NEUTRAL_NL,
        customer(
            "Ja, goedendag, ik heb een vraag over een rekening van de fysiotherapeut. Die heb "
            "ik ingediend, maar ik heb nog niks terugbetaald gekregen.",
            "doubt",
        ),
        agent("Een rekening van de fysiotherapeut? Welk bedrijf probeert u te bereiken?"),
        customer(
            "Mijn zorgverzekeraar. Mijn polisnummer is, eh, vier vier zeven, acht twee, "
            "één één nul.",
            "calm",
        ),
        agent("Dan bent u verkeerd verbonden, wij zijn geen zorgverzekeraar."),
        customer("Hè, nou ja. Dan zoek ik hun nummer wel even op. Dag.", "calm"),
        misdialled=True,
    ),
)

ENERGY_EN = (
    energy(
        "blind8_energy_en_pensioner_instalment",
        "en",
        "A pensioner with a letter about a higher monthly instalment asks to spread the "
        "extra cost.",
        HELLO_EN,
        customer(
            "Good morning. I've had a letter from you and I'm not quite sure what it wants "
            "from me.",
            "doubt",
        ),
        agent("Let's have a look together. What does it say at the top?"),
        customer(
            "Uh, it says new monthly instalment. It's gone from ninety-two to, uh, a hundred "
            "and forty-eight euros. That's a lot for a pensioner.",
            "frustrated",
            "intent=billing",
        ),
        agent("I understand. Can I have your customer number?"),
        customer(
            "It's, let me see, seven, zero, zero, three, four, two, six, one.",
            "calm",
            "intent=billing",
            "other",
        ),
        agent("Thank you, Mr Hughes. Your annual statement showed you used more than planned."),
        customer(
            "Well, we had the heating on a lot, with my wife being poorly. Can I pay the extra "
            "over a few months, rather than all at once?",
            "doubt",
            "intent=billing",
        ),
        agent("Yes, I can set up a payment arrangement over six months."),
        customer("That would help. Thank you very much, you're very kind.", "calm"),
    ),
    energy(
        "blind8_energy_en_wifi_video_calls",
        "en",
        "A family's wifi keeps dropping during video calls; the caller weighs a faster plan "
        "and asks about a fixed IP address.",
        HELLO_EN,
        customer(
            "Hi, so, the wifi keeps dropping out. Every afternoon, right in the middle of my "
            "video calls.",
            "frustrated",
            "intent=outage",
        ),
        agent("That's annoying. Have you tried restarting the modem?"),
        customer(
            "Yes, like ten times. It comes back for a bit and then, uh, drops again.",
            "frustrated",
            "intent=outage",
        ),
        agent("The line test looks fine, so it may be the wifi signal or too many devices."),
        customer(
            "There's four of us, all working or gaming. Would a faster package actually fix "
            "that, or is that just you selling me something?",
            "doubt",
            "intent=contract|outage",
        ),
        agent("A faster plan helps with many devices, and an extender helps with signal."),
        customer(
            "Hm. And can I get a fixed IP address on a home plan? My work VPN needs one.",
            "calm",
            "intent=contract",
            "gap",
        ),
        agent("I'll check that with our sales team and call you back."),
        customer("Sure, thanks.", "calm"),
    ),
    energy(
        "blind8_energy_en_cafe_moving",
        "en",
        "A café owner with a business contract moves premises and asks about the meter "
        "readings and the internet.",
        HELLO_EN,
        customer(
            "Hello, it's Aisha from the Corner Bean café on Queen Street. We've got a "
            "business contract with you.",
            "calm",
        ),
        agent("Hello Aisha, how can I help?"),
        customer(
            "We're moving the café to a bigger place, two streets away, on the first of "
            "February. Can the electricity and gas move with us?",
            "calm",
            "intent=moving",
        ),
        agent("Yes, we can move your contract. What's the new address?"),
        customer(
            "Forty-one Market Street, postcode, uh, L S one, six D W.",
            "calm",
            "intent=moving",
            "other",
        ),
        agent("Thanks. On the moving day we need the meter readings at both addresses."),
        customer(
            "The old place has a smart meter, I think. Do I still have to read it myself?",
            "doubt",
            "intent=meter_reading|moving",
        ),
        agent("With a smart meter we read it remotely, so you don't have to."),
        customer(
            "Great. And the internet as well, please, same package. Thanks!",
            "calm",
            "intent=moving|contract",
        ),
    ),
    energy(
        "blind8_energy_en_mother_no_power",
        "en",
        "A son calls for his ninety-year-old mother who has no electricity and asks about "
        "priority for her oxygen machine.",
        HELLO_EN,
        customer(
            "Hi, I'm ringing for my mother. She's ninety and she's had no electricity since "
            "this morning.",
            "frustrated",
            "intent=outage",
        ),
        agent("I'm sorry. Do the neighbours have power?"),
        customer(
            "Yes, she says next door's lights are on. It's only her house.",
            "doubt",
            "intent=outage",
        ),
        agent("Then it might be the fuse box. Could someone check if a switch has tripped?"),
        customer(
            "I'm, uh, forty minutes away. She can't climb on a chair to reach that box, it's "
            "high up in the hallway.",
            "frustrated",
            "intent=outage",
        ),
        agent("Of course. I can send a technician today."),
        customer(
            "Yes please, today. It's fourteen Elm Grove, O X four, two B N. Will they ring "
            "first? She doesn't hear the doorbell well.",
            "calm",
            "intent=appointment|outage",
        ),
        agent("I'll add a note that the technician must call her phone first."),
        customer(
            "Thank you. Oh, and she's got an oxygen machine. Can she be registered as a "
            "priority customer for power cuts?",
            "doubt",
            "intent=outage",
            "other",
            "gap",
        ),
    ),
    energy(
        "blind8_energy_en_exit_fee_manager",
        "en",
        "A calm question about switching supplier turns into a complaint about an exit fee "
        "and a request for a manager.",
        HELLO_EN,
        customer(
            "Hi there. I'm thinking of switching to another supplier, and I just want to know "
            "what it would cost me to leave.",
            "calm",
            "intent=cancel_contract",
        ),
        agent("Sure. Can I have your customer number?"),
        customer(
            "Six, one, eight, eight, zero, five, four, three.",
            "calm",
            "intent=cancel_contract",
            "other",
        ),
        agent(
            "You're on a fixed contract until twenty twenty-eight, so the exit fee is "
            "one hundred and twenty-five euros."
        ),
        customer(
            "A hundred and twenty-five? When I signed up, the salesman said I could leave "
            "whenever I wanted, no charge.",
            "frustrated",
            "intent=cancel_contract|complaint|contract",
        ),
        agent("I'm sorry, the contract you signed does mention the exit fee."),
        customer(
            "Then your salesman lied to me. I'm not paying that. I want this on record as a "
            "complaint.",
            "frustrated",
            "intent=complaint",
        ),
        agent("I'll register the complaint, but I can't remove the fee myself."),
        asks_for_a_manager("Then put me through to someone who can. Your manager, please."),
    ),
    energy(
        "blind8_energy_en_smart_meter_refund",
        "en",
        "A non-native speaker moves a smart meter appointment and asks when the refund from "
        "the annual statement arrives.",
        HELLO_EN,
        customer(
            "Hello, yes. I have, uh, how you say, appointment for the new meter, the smart "
            "meter, on Tuesday.",
            "calm",
            "intent=appointment|meter_reading",
        ),
        agent("Yes, I can help with that. Would you like to change it?"),
        customer(
            "Yes, I must work on Tuesday, my boss say no. Is possible Saturday?",
            "calm",
            "intent=appointment",
        ),
        agent("We don't install on Saturdays, I'm afraid. Friday the ninth, in the morning?"),
        customer(
            "Friday is good. My postcode is two, five, one, four, uh, no, sorry, one, five, "
            "four, two, K, T.",
            "calm",
            "intent=appointment",
            "other",
        ),
        agent("Booked: Friday the ninth, between eight and twelve."),
        customer(
            "Thank you. Also, the annual statement, I get it last week. It says I get back "
            "sixty euro. When is this money coming?",
            "doubt",
            "intent=billing",
        ),
        agent("It's paid into your bank account within two weeks of the statement."),
        customer("Okay, good, good. Thank you, have a nice day.", "calm"),
    ),
    energy(
        "blind8_energy_en_misdial_parcel",
        "en",
        "A man whose parcel shows as delivered but never arrived has called the energy "
        "provider by mistake.",
        NEUTRAL_EN,
        customer(
            "Hi, I'm calling about a parcel. The tracking says it was delivered, but there's "
            "nothing here.",
            "frustrated",
            "parcels:intent=parcel_status|refund_return",
        ),
        agent("I'm sorry, which company delivered it?"),
        customer(
            "It's a Vlotpost parcel. The code is V L, five two two, eight one, four zero, six.",
            "calm",
            "parcels:intent=parcel_status",
            "parcels:other",
        ),
        agent("I'm afraid this is an energy and internet provider, not Vlotpost."),
        customer("Oh, seriously? Okay, sorry. I'll look up the right number.", "calm"),
        misdialled=True,
    ),
    energy(
        "blind8_energy_en_misdial_bank_card",
        "en",
        "A woman whose wallet was stolen tries to block her bank card at the wrong number.",
        NEUTRAL_EN,
        customer(
            "Hello, I need to block my bank card, right now. I think my wallet was stolen on "
            "the tram.",
            "frustrated",
        ),
        agent("I'm sorry to hear that. Which bank are you with?"),
        customer(
            "Is this not the bank? I rang the number I wrote down from the back of the card.",
            "doubt",
        ),
        agent("No, this isn't a bank, I'm afraid. Your bank has an emergency number for that."),
        customer("Right. Okay. Thanks, I'll find it.", "calm"),
        misdialled=True,
    ),
)

ENERGY_NL = (
    energy(
        "blind8_energy_nl_melkrobot_storing",
        "nl",
        "Een melkveehouder met zakelijk glasvezel heeft een storing door graafwerk en vraagt "
        "naar vergoeding.",
        HELLO_NL,
        customer(
            "Goeiemorgen, met Jan Hoekstra, uit Westerbork. Wij hebben bij jullie glasvezel "
            "voor het bedrijf.",
            "calm",
        ),
        agent("Goedemorgen meneer Hoekstra, wat is er aan de hand?"),
        customer(
            "Sinds gisteravond doet het internet het niet meer. Het lampje op het kastje "
            "knippert rood.",
            "frustrated",
            "intent=outage",
        ),
        agent("Ik zie een storing in uw straat, door graafschade bij werkzaamheden."),
        customer(
            "Ja, dat kan kloppen, ze zijn hier langs de weg aan het graven. Maar mijn "
            "melkrobot werkt via het internet, hè. Hoe lang gaat dit duren?",
            "frustrated",
            "intent=outage",
        ),
        agent("De monteurs verwachten het vanavond te herstellen."),
        customer(
            "En krijg ik daar nog iets voor terug? Ik heb een zakelijk abonnement, daar zit "
            "toch een gegarandeerde hersteltijd in?",
            "doubt",
            "intent=outage|contract|billing",
            "gap",
        ),
        agent("Dat weet ik niet zeker, ik laat een collega van zakelijk u terugbellen."),
        customer("Goed, dan hoor ik het wel. Bedankt.", "calm"),
    ),
    energy(
        "blind8_energy_nl_verhuizen_amersfoort",
        "nl",
        "Een vrouw verhuist naar een kleiner huis en vraagt hoe ze de oude meterstand "
        "doorgeeft en of haar termijnbedrag omlaag gaat.",
        HELLO_NL,
        customer(
            "Hallo, ja, ik ga verhuizen en ik wil eigenlijk alles meenemen. Stroom, gas en "
            "internet.",
            "calm",
            "intent=moving",
        ),
        agent("Gefeliciteerd. Per wanneer verhuist u?"),
        customer(
            "Per vijftien januari. Naar de Leusderweg in Amersfoort, eh, nummer "
            "tweehonderdachtentwintig, postcode drie acht één één, N, L... nee, N, M.",
            "calm",
            "intent=moving",
            "other",
        ),
        agent("Prima. Op de verhuisdag geeft u de meterstanden van beide adressen door."),
        customer(
            "Hoe doe ik dat bij het oude huis? De sleutel gaat de dag ervoor al terug naar de "
            "verhuurder.",
            "doubt",
            "intent=meter_reading|moving",
        ),
        agent("Schrijf de standen de laatste dag op, u kunt ze binnen vijf dagen doorgeven."),
        customer(
            "Oké. En het nieuwe huis is veel kleiner, dus dan ga ik toch ook minder per maand "
            "betalen?",
            "doubt",
            "intent=billing|moving",
        ),
        agent("We berekenen een nieuw termijnbedrag voor het nieuwe adres."),
        customer("Fijn. Dank u wel.", "calm"),
    ),
    energy(
        "blind8_energy_nl_opa_dubbele_incasso",
        "nl",
        "Een kleinzoon belt voor zijn opa over een dubbele afschrijving en vraagt naar een "
        "goedkoper contract.",
        HELLO_NL,
        customer(
            "Goedemiddag, ik bel namens mijn opa, die zit hier naast me. Hij heeft een vraag "
            "over zijn bankafschrift.",
            "calm",
            "intent=billing",
            "other",
        ),
        agent("Dat is goed. Mag ik zijn postcode en huisnummer?"),
        customer(
            "Zijn postcode is zes twee één één, B, C, huisnummer drie a.",
            "calm",
            "intent=billing",
            "other",
        ),
        agent("Dank u. Wat ziet hij op zijn afschrift?"),
        customer(
            "Er is deze maand twee keer honderdachttien euro afgeschreven door Wattnet. Hij "
            "snapt er niks van en ik eerlijk gezegd ook niet.",
            "doubt",
            "intent=billing",
        ),
        agent("De incasso van vorige maand is gestorneerd en nu samen met deze maand geïnd."),
        customer(
            "O, dus dat was een achterstand. Opa, hoor je dat? Hij zegt dat hij daar niks van "
            "wist. Heeft hij dan geen herinnering gehad?",
            "doubt",
            "intent=billing",
        ),
        agent("Er is op tien november een herinnering per post gestuurd."),
        customer(
            "Hij zegt ook: de buurvrouw betaalt veel minder. Kan hij een goedkoper contract "
            "krijgen, of anders overstappen?",
            "calm",
            "intent=contract|cancel_contract",
        ),
    ),
    energy(
        "blind8_energy_nl_monteur_niet_gekomen",
        "nl",
        "Een vrouw wacht tevergeefs op de monteur voor de slimme meter, voor de tweede keer, "
        "en wil een leidinggevende.",
        HELLO_NL,
        customer(
            "Ja, goedemorgen, met mevrouw El Amrani. Ik had vandaag een afspraak met een "
            "monteur voor de slimme meter.",
            "calm",
            "intent=appointment",
        ),
        agent("Klopt, tussen acht en twaalf. Is de monteur nog niet geweest?"),
        customer(
            "Nee. Het is nu half één. Ik heb er speciaal een dag vrij voor genomen.",
            "frustrated",
            "intent=appointment|complaint",
        ),
        agent("Dat spijt me. Ik zie dat de afspraak vanochtend is geannuleerd door de planning."),
        customer(
            "Geannuleerd? En niemand die mij even belt? Dit is al de tweede keer, hoor. In "
            "oktober precies hetzelfde.",
            "frustrated",
            "intent=complaint|appointment",
        ),
        agent("Ik begrijp dat u boos bent. Zal ik een nieuwe afspraak maken, woensdag?"),
        asks_for_a_manager("Nee, ik neem niet nog een dag vrij. Ik wil uw leidinggevende spreken."),
    ),
    energy(
        "blind8_energy_nl_jaarafrekening_geschat",
        "nl",
        "Een oudere vrouw moet veel bijbetalen omdat haar meterstand is geschat, en leest de "
        "meter af tijdens het gesprek.",
        HELLO_NL,
        customer(
            "Dag meneer. Ik heb de jaarafrekening gekregen en ik moet zeshonderd euro "
            "bijbetalen. Dat kan toch niet kloppen?",
            "doubt",
            "intent=billing",
        ),
        agent("Dat schrikt, dat begrijp ik. Wat is uw klantnummer?"),
        customer(
            "Eh, even zoeken, ik heb het hier. Vier, vier, één, negen, nul, zeven, drie, twee.",
            "calm",
            "intent=billing",
            "other",
        ),
        agent("De eindstand van de elektriciteit is geschat, we hebben geen stand van u gehad."),
        customer(
            "Geschat? Ik heb die stand in januari gewoon doorgegeven, op een kaartje. Mijn "
            "zoon heeft het voor me op de post gedaan.",
            "frustrated",
            "intent=meter_reading|billing|complaint",
        ),
        agent("Dan is dat kaartje niet aangekomen. Kunt u de meter nu aflezen?"),
        customer(
            "Ik sta er al bij. Er staat: nul, één, vier, acht, zeven, twee. Dat is het eerste "
            "telwerk.",
            "calm",
            "intent=meter_reading",
        ),
        agent("Dank u. Dan berekenen we de afrekening opnieuw, u krijgt binnen een week bericht."),
        customer("Nou, gelukkig. Dank u wel voor uw geduld, meneer.", "calm"),
    ),
    energy(
        "blind8_energy_nl_app_dynamisch_contract",
        "nl",
        "Een man met zonnepanelen kan niet in de app en vraagt of een dynamisch contract "
        "iets voor hem is.",
        HELLO_NL,
        customer(
            "Ja, hoi. Ik heb eigenlijk een vraagje over, eh, over iets in de app. Of eigenlijk "
            "twee dingen.",
            "doubt",
        ),
        agent("Vertel maar."),
        customer(
            "Sinds de update kan ik niet meer inloggen. Hij zegt steeds dat mijn wachtwoord "
            "fout is, maar ik heb het al twee keer gereset.",
            "frustrated",
            "intent=billing",
            "other",
        ),
        agent("Vervelend. Ik zet uw account terug, u krijgt zo een mail met een link."),
        customer("Oké, die heb ik. Ja, nu lukt het. Mooi.", "calm"),
        agent("En uw tweede vraag?"),
        customer(
            "Ik heb zonnepanelen en ik zag dat jullie nu ook een dynamisch contract hebben. "
            "Is dat slim voor mij, of juist niet?",
            "doubt",
            "intent=contract",
        ),
        agent("Dat hangt af van wanneer u stroom gebruikt. Ik mail u de voorwaarden."),
        customer(
            "Ja, doe maar. En hoe lang zit ik nog vast aan mijn huidige contract?",
            "calm",
            "intent=contract|cancel_contract",
        ),
    ),
    energy(
        "blind8_energy_nl_misdial_pakketkluis",
        "nl",
        "Een vrouw bij een pakketkluis die niet opengaat, belt per ongeluk de energieleverancier.",
        NEUTRAL_NL,
        customer(
            "Hallo, ik sta bij zo'n pakketkluis bij het station en hij gaat niet open. Ik heb "
            "de code uit de app.",
            "frustrated",
            "parcels:intent=technical_issue",
        ),
        agent("Vervelend voor u. Van welke bezorger is dat pakket?"),
        customer(
            "Van Vlotpost. Ik kreeg gisteren een sms'je dat het klaarlag.",
            "doubt",
            "parcels:intent=technical_issue|parcel_status",
        ),
        agent("Dan heeft u het verkeerde nummer gebeld, wij zijn een energieleverancier."),
        customer("Echt? Pff. Oké, sorry, ik zoek het even op.", "calm"),
        misdialled=True,
    ),
    energy(
        "blind8_energy_nl_misdial_apk",
        "nl",
        "Een man die een APK-afspraak voor zijn auto wil maken, belt het verkeerde nummer.",
        NEUTRAL_NL,
        customer(
            "Goedemorgen, ik wil graag een afspraak maken voor de APK van mijn auto. Het is "
            "een Opel Corsa.",
            "calm",
        ),
        agent("Een APK? Welk bedrijf wilde u bellen?"),
        customer(
            "Autobedrijf Smit, in Zeist. Ik heb dit nummer van de sticker op de voorruit.",
            "doubt",
        ),
        agent("Dan is er iets misgegaan, u spreekt niet met een garage."),
        customer("Nou ja, dan heb ik het verkeerd overgenomen. Excuus, fijne dag nog.", "calm"),
        misdialled=True,
    ),
)

BLIND8_CALLS = PARCELS_EN + PARCELS_NL + ENERGY_EN + ENERGY_NL
