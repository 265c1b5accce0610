"""Held-out labelled calls: the test half of the alert-quality set, rendered with espeak-ng.

Written on 2026-12-05, before the cue and threshold changes of that day, and never looked at
to make them: the calls in `bench/call_scripts.py` and the shipped fixtures are the dev half
those changes were made on. Each language's lines are written for that language (Dutch
callers say "ik heb al drie keer gebeld", not a rendering of the English). Labels as in
`bench/call_scripts.py`.
"""

from __future__ import annotations

from audio_fixtures.generate_calls import (
    EN_AGENT,
    EN_CUSTOMER,
    NL_AGENT,
    NL_CUSTOMER,
    Call,
    agent,
    customer,
)

ESCALATING_EN = Call(
    name="test_missing_refund_en",
    language="en",
    scenario="A refund promised three weeks ago never arrived; repeated contact, anger, churn.",
    agent=EN_AGENT,
    customer=EN_CUSTOMER,
    lines=(
        agent("Parcelo customer service, you're speaking with Daniel. What can I do for you?"),
        customer("Hi, I returned a jacket three weeks ago and I'm waiting for my refund.", "calm"),
        agent("Let me look that up. Do you have the order number?"),
        customer(
            "I gave it to your colleague last week. This is the third time I'm calling about it.",
            "frustrated",
        ),
        agent("I'm sorry, I see the return but the refund hasn't been processed yet."),
        customer("You told me that last time as well. This is a joke.", "frustrated"),
        agent("I can ask the finance team to look at it."),
        customer(
            "No, I want to speak to someone senior. Get me your manager please.",
            "frustrated",
            "manager_request",
        ),
        agent("My manager is in a meeting, but I can ask her to call you back."),
        customer(
            "If that money isn't back this week I'm cancelling my subscription.",
            "frustrated",
            "churn_threat",
        ),
    ),
)

ESCALATING_NL = Call(
    name="test_missing_refund_nl",
    language="nl",
    scenario="Een beloofde terugbetaling blijft uit; de klant belt opnieuw, wordt boos en dreigt op te zeggen.",
    agent=NL_AGENT,
    customer=NL_CUSTOMER,
    lines=(
        agent("Klantenservice van Parcelo, met Daan. Wat kan ik voor u doen?"),
        customer("Goedemiddag, ik heb drie weken geleden een jas teruggestuurd.", "calm"),
        agent("Ik zoek het even op. Heeft u het bestelnummer?"),
        customer(
            "Dat heb ik vorige week al aan uw collega gegeven. Ik heb al drie keer gebeld.",
            "frustrated",
        ),
        agent("Het spijt me, ik zie de retour maar de terugbetaling staat nog open."),
        customer("Dat zei uw collega ook. Dit is echt belachelijk.", "frustrated"),
        agent("Ik kan het doorzetten naar de financiële afdeling."),
        customer(
            "Nee, ik wil nu uw leidinggevende spreken.",
            "frustrated",
            "manager_request",
        ),
        agent("Mijn leidinggevende zit in een overleg, ze kan u terugbellen."),
        customer(
            "Als dat geld er deze week niet is, zeg ik mijn abonnement op.",
            "frustrated",
            "churn_threat",
        ),
    ),
)

CALM_EN = Call(
    name="test_change_address_en",
    language="en",
    scenario="A customer moving house changes the delivery address of an open order.",
    agent=EN_AGENT,
    customer=EN_CUSTOMER,
    lines=(
        agent("Good afternoon, Parcelo customer service, Daniel speaking."),
        customer("Hello, I'm moving next week and I'd like to change my delivery address.", "calm"),
        agent("No problem. What's the order number?"),
        customer("It's four four seven one two nine.", "calm"),
        agent("Thank you. And the new address?"),
        customer("Twelve Station Road, in Leeds.", "calm"),
        agent("Done. The parcel will go to the new address."),
        customer("Lovely, thanks for your help. Have a nice day.", "calm"),
    ),
)

CALM_NL = Call(
    name="test_change_address_nl",
    language="nl",
    scenario="Een klant gaat verhuizen en past het bezorgadres van een open bestelling aan.",
    agent=NL_AGENT,
    customer=NL_CUSTOMER,
    lines=(
        agent("Goedemiddag, klantenservice van Parcelo, u spreekt met Daan."),
        customer("Hoi, ik ga volgende week verhuizen en wil mijn bezorgadres wijzigen.", "calm"),
        agent("Geen probleem. Wat is het bestelnummer?"),
        customer("Dat is vier vier zeven een twee negen.", "calm"),
        agent("Dank u. En het nieuwe adres?"),
        customer("Stationsstraat twaalf in Utrecht.", "calm"),
        agent("Het is aangepast. Het pakket gaat naar het nieuwe adres."),
        customer("Top, bedankt voor uw hulp. Fijne dag nog.", "calm"),
    ),
)

DOUBTFUL_EN = Call(
    name="test_contract_terms_en",
    language="en",
    scenario="A customer unsure whether an upgrade changes the contract length.",
    agent=EN_AGENT,
    customer=EN_CUSTOMER,
    lines=(
        agent("Parcelo customer service, Daniel speaking. How can I help?"),
        customer("Hi, I got an email about upgrading to the premium plan.", "calm"),
        agent("Yes, premium gives you free next-day delivery."),
        customer("I'm not sure I understand. Does that mean a new contract?", "doubt"),
        agent("It runs for twelve months from the upgrade."),
        customer(
            "So I can't leave before then? I really don't know if that's right for me.", "doubt"
        ),
        agent("You can cancel monthly in the first thirty days."),
        customer("Hmm, I'm still not sure. Maybe I'll think about it.", "doubt"),
    ),
)

DOUBTFUL_NL = Call(
    name="test_contract_terms_nl",
    language="nl",
    scenario="Een klant twijfelt of een upgrade de looptijd van het contract verandert.",
    agent=NL_AGENT,
    customer=NL_CUSTOMER,
    lines=(
        agent("Klantenservice van Parcelo, met Daan. Waarmee kan ik u helpen?"),
        customer("Hallo, ik kreeg een mail over het premium abonnement.", "calm"),
        agent("Klopt, met premium krijgt u gratis bezorging de volgende dag."),
        customer("Ik snap het niet helemaal. Betekent dat een nieuw contract?", "doubt"),
        agent("Het loopt twaalf maanden vanaf de upgrade."),
        customer("Dus ik zit er een jaar aan vast? Ik weet niet of dat verstandig is.", "doubt"),
        agent("De eerste dertig dagen kunt u maandelijks opzeggen."),
        customer("Hmm, ik twijfel nog. Misschien denk ik er nog even over na.", "doubt"),
    ),
)

DISTRESSED_EN = Call(
    name="test_cannot_pay_en",
    language="en",
    scenario="A customer who lost their job cannot pay an outstanding invoice; worry, no anger.",
    agent=EN_AGENT,
    customer=EN_CUSTOMER,
    lines=(
        agent("Parcelo customer service, Daniel speaking. How can I help you?"),
        customer("Hello. I got a reminder for an invoice, but I lost my job last month.", "load"),
        agent("I'm sorry to hear that. Let's see what we can do."),
        customer(
            "I really can't pay it right now, and I'm scared it goes to debt collectors.", "load"
        ),
        agent("We can set up a payment plan in small monthly amounts."),
        customer("That would help. It's been a really hard time for us.", "load"),
        agent("I'll put it in place and send you the details by email."),
        customer("Thank you, that's a relief.", "calm"),
    ),
)

DISTRESSED_NL = Call(
    name="test_cannot_pay_nl",
    language="nl",
    scenario="Een klant is zijn baan kwijt en kan een openstaande factuur niet betalen; zorgen, geen boosheid.",
    agent=NL_AGENT,
    customer=NL_CUSTOMER,
    lines=(
        agent("Klantenservice van Parcelo, met Daan. Waarmee kan ik u helpen?"),
        customer(
            "Goedendag. Ik kreeg een herinnering, maar ik ben vorige maand ontslagen.", "load"
        ),
        agent("Wat vervelend om te horen. We kijken samen wat er kan."),
        customer("Ik kan het nu echt niet betalen en ik ben bang voor een incassobureau.", "load"),
        agent("We kunnen een betalingsregeling treffen met kleine bedragen per maand."),
        customer("Dat zou helpen. Het is een heel zware tijd voor ons.", "load"),
        agent("Ik zet het klaar en stuur u de gegevens per mail."),
        customer("Dank u wel, dat is een hele opluchting.", "calm"),
    ),
)

HELDOUT_SCRIPTS = (
    ESCALATING_EN,
    ESCALATING_NL,
    CALM_EN,
    CALM_NL,
    DOUBTFUL_EN,
    DOUBTFUL_NL,
    DISTRESSED_EN,
    DISTRESSED_NL,
)
