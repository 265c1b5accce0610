"""More labelled calls for alert quality, rendered with espeak-ng when the bench runs.

Doubtful, distressed and angry (billing) customers, per language (written for each language, not
translated word for word). Labels use the fixture vocabulary (`doubt`, `load`, `calm`),
which `bench.alert_eval.mood_of` turns into doubtful / distressed / calm; the
customer's voice follows the label as in the shipped calls. Nothing here is tuned on:
the scripts were written before their alerts were first measured.
"""

from __future__ import annotations

from pathlib import Path

import soundfile as sf

from audio_fixtures.generate_calls import (
    EN_AGENT,
    EN_CUSTOMER,
    NL_AGENT,
    NL_CUSTOMER,
    RATE,
    Call,
    agent,
    customer,
    render,
)

DOUBTFUL_EN = Call(
    name="call_doubtful_en",
    language="en",
    scenario="A contract renewal the customer thinks was cancelled; doubt, no anger.",
    agent=EN_AGENT,
    customer=EN_CUSTOMER,
    lines=(
        agent("Good morning, Parcelo customer service, this is Daniel. How can I help you?"),
        customer("Hi. I got an email saying my contract renews next month.", "calm"),
        agent("That's right, it renews automatically on the first of the month."),
        customer(
            "Are you sure? I thought I cancelled it last year. That doesn't sound right.", "doubt"
        ),
        agent("I can see no cancellation on your account."),
        customer(
            "I really don't know. Could you check again? I'm not sure it's my account.", "doubt"
        ),
        agent("I checked it twice. It is your account and there is no cancellation."),
        customer("Hmm, I'm still not convinced. Maybe I should think about it first.", "doubt"),
        agent("Of course. Take your time and call us back whenever you like."),
        customer("Okay. Thank you.", "calm"),
    ),
)

DOUBTFUL_NL = Call(
    name="call_doubtful_nl",
    language="nl",
    scenario="Een verlenging die de klant dacht te hebben stopgezet; twijfel, geen boosheid.",
    agent=NL_AGENT,
    customer=NL_CUSTOMER,
    lines=(
        agent(
            "Goedemorgen, klantenservice van Parcelo, u spreekt met Daan. Waarmee kan ik u helpen?"
        ),
        customer(
            "Goedemorgen. Ik kreeg een mail dat mijn contract volgende maand verlengd wordt.",
            "calm",
        ),
        agent("Dat klopt, het wordt op de eerste van de maand automatisch verlengd."),
        customer("Weet u dat zeker? Ik dacht dat ik het vorig jaar al had stopgezet.", "doubt"),
        agent("Ik zie geen opzegging op uw account."),
        customer(
            "Ik weet het echt niet. Kunt u nog eens kijken? Is dat wel mijn account?", "doubt"
        ),
        agent("Ik heb het twee keer nagekeken. Het is uw account en er is niets stopgezet."),
        customer("Hmm, ik twijfel nog. Misschien moet ik er eerst even over nadenken.", "doubt"),
        agent("Natuurlijk. Neem gerust de tijd en bel ons terug wanneer u wilt."),
        customer("Goed. Dank u wel.", "calm"),
    ),
)

DISTRESSED_EN = Call(
    name="call_distressed_en",
    language="en",
    scenario="A widow closing her late husband's account; grief and overload, no anger.",
    agent=EN_AGENT,
    customer=EN_CUSTOMER,
    lines=(
        agent("Good afternoon, Parcelo customer service, this is Daniel. How can I help you?"),
        customer(
            "Hello. My husband passed away last week and I don't know what to do with his account.",
            "load",
        ),
        agent("I'm so sorry for your loss. I can help you with that."),
        customer(
            "There is so much to arrange. I can't think straight, I don't know where to start.",
            "load",
        ),
        agent("We can do it step by step. First I need his customer number."),
        customer("I'm sorry, I can't find anything. It's all too much right now.", "load"),
        agent("That's no problem at all. I can find it with his address."),
        customer("Thank you. That really helps.", "calm"),
    ),
)

DISTRESSED_NL = Call(
    name="call_distressed_nl",
    language="nl",
    scenario="Een weduwe die het account van haar overleden man afsluit; verdriet en overbelasting.",
    agent=NL_AGENT,
    customer=NL_CUSTOMER,
    lines=(
        agent(
            "Goedemiddag, klantenservice van Parcelo, u spreekt met Daan. Waarmee kan ik u helpen?"
        ),
        customer(
            "Hallo. Mijn man is vorige week overleden en ik weet niet wat ik met zijn account moet doen.",
            "load",
        ),
        agent("Gecondoleerd met uw verlies. Ik help u daar graag mee."),
        customer(
            "Er moet zoveel geregeld worden. Ik kan niet helder denken, ik weet niet waar ik moet beginnen.",
            "load",
        ),
        agent("We doen het stap voor stap. Eerst heb ik zijn klantnummer nodig."),
        customer("Sorry, ik kan niets vinden. Het is me allemaal even te veel.", "load"),
        agent("Dat is helemaal geen probleem. Ik kan het ook met zijn adres vinden."),
        customer("Dank u. Dat helpt echt.", "calm"),
    ),
)

BILLING_EN = Call(
    name="call_billing_angry_en",
    language="en",
    scenario="A double charge; the customer grows tense, asks for a supervisor, threatens to leave.",
    agent=EN_AGENT,
    customer=EN_CUSTOMER,
    lines=(
        agent("Good morning, Parcelo customer service, this is Daniel. How can I help you?"),
        customer("Hello, I'm calling about my last invoice.", "calm"),
        agent("Of course. What seems to be the problem?"),
        customer(
            "You charged me twice this month. That's the second time this year.", "frustrated"
        ),
        agent("I see the double charge. A refund can take up to thirty days."),
        customer("Thirty days? That's unacceptable. I need that money now.", "frustrated"),
        agent("I'm afraid that is the procedure."),
        customer(
            "Then I want to file a formal complaint. Put me through to a supervisor.",
            "frustrated",
            "manager_request",
        ),
        agent("I can pass this on to my team leader."),
        customer("Do it now, or I'm closing my account today.", "frustrated", "churn_threat"),
    ),
)

BILLING_NL = Call(
    name="call_billing_angry_nl",
    language="nl",
    scenario="Dubbel afgeschreven; de klant raakt geïrriteerd, vraagt een leidinggevende en dreigt op te zeggen.",
    agent=NL_AGENT,
    customer=NL_CUSTOMER,
    lines=(
        agent(
            "Goedemorgen, klantenservice van Parcelo, u spreekt met Daan. Waarmee kan ik u helpen?"
        ),
        customer("Hallo, ik bel over mijn laatste factuur.", "calm"),
        agent("Natuurlijk. Wat is het probleem?"),
        customer(
            "U heeft deze maand twee keer afgeschreven. Dat is al de tweede keer dit jaar.",
            "frustrated",
        ),
        agent("Ik zie de dubbele afschrijving. Een terugbetaling kan tot dertig dagen duren."),
        customer("Dertig dagen? Dat is onacceptabel. Ik heb dat geld nu nodig.", "frustrated"),
        agent("Ik ben bang dat dat de procedure is."),
        customer(
            "Dan wil ik een officiële klacht indienen. Verbind me door met een leidinggevende.",
            "frustrated",
            "manager_request",
        ),
        agent("Ik kan dit doorgeven aan mijn teamleider."),
        customer("Nu meteen, of ik zeg vandaag nog mijn account op.", "frustrated", "churn_threat"),
    ),
)

SCRIPTS = (DOUBTFUL_EN, DOUBTFUL_NL, DISTRESSED_EN, DISTRESSED_NL, BILLING_EN, BILLING_NL)


def render_scripts(
    folder: Path, scripts: tuple[Call, ...] = SCRIPTS
) -> list[tuple[str, str, Path, list[dict]]]:
    """Each script as a stereo WAV in `folder`: (name, language, path, turns with `expect`)."""
    out = []
    for call in scripts:
        pcm, turns = render(call)
        path = folder / f"{call.name}.wav"
        sf.write(path, pcm, RATE, subtype="PCM_16")
        out.append((f"{call.name}.wav", call.language, path, turns))
    return out
