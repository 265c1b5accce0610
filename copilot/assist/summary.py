"""The context summary for whoever takes the contact: what the customer wants, what is known, what is done.

Short and in the contact's language, for a sidebar card or a hand-over note, so
the next person does not make the customer tell the story again.
"""

from __future__ import annotations

from dataclasses import dataclass

INTENT_NAMES = {
    "en": {
        "parcel_status": "where their parcel is",
        "appointment_change": "to change an appointment",
        "cancel_contract": "to cancel their subscription or contract",
        "complaint": "to make a complaint",
        "billing": "help with an invoice or payment",
        "address_change": "to change an address",
        "refund_return": "a return or refund",
        "technical_issue": "help with the app, website or a locker",
        "request_human": "to speak to someone else",
        "other": "nothing specific yet",
    },
    "nl": {
        "parcel_status": "weten waar het pakket is",
        "appointment_change": "een afspraak wijzigen",
        "cancel_contract": "het abonnement of contract opzeggen",
        "complaint": "een klacht indienen",
        "billing": "hulp bij een factuur of betaling",
        "address_change": "een adres wijzigen",
        "refund_return": "een retour of terugbetaling",
        "technical_issue": "hulp bij de app, website of een kluis",
        "request_human": "iemand anders spreken",
        "other": "nog niets specifieks",
    },
}
LABELS = {
    "en": {
        "wants": "Customer wants",
        "said": "said",
        "known": "Known",
        "done": "Done",
        "urgency": "Urgency",
        "none": "nothing yet",
    },
    "nl": {
        "wants": "Klant wil",
        "said": "zei",
        "known": "Bekend",
        "done": "Gedaan",
        "urgency": "Urgentie",
        "none": "nog niets",
    },
}


@dataclass(frozen=True)
class ContactState:
    intent: str
    language: str
    request: str  # the customer's words that showed the intent
    facts: dict[str, str]
    done_steps: tuple[str, ...]
    urgency: str
    urgency_reasons: tuple[str, ...]


def summarise(state: ContactState) -> str:
    lang = state.language if state.language in LABELS else "en"
    words = LABELS[lang]
    wants = INTENT_NAMES[lang].get(state.intent, state.intent.replace("_", " "))
    lines = [
        f"{words['wants']}: {wants}"
        + (f' ({words["said"]}: "{state.request}")' if state.request else "")
    ]
    known = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in state.facts.items()) or words["none"]
    lines.append(f"{words['known']}: {known}")
    if state.done_steps:
        lines.append(f"{words['done']}: {', '.join(s.replace('_', ' ') for s in state.done_steps)}")
    why = f" ({'; '.join(state.urgency_reasons[:2])})" if state.urgency_reasons else ""
    lines.append(f"{words['urgency']}: {state.urgency}{why}")
    return "\n".join(lines)
