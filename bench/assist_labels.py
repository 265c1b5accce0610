"""How the labelled assist calls say what would be right to show, per domain.

Each customer line says what a suggestion for it may be about, in its `expect` labels:
- `intent=a|b`: the intents an intent card, article or draft for this line may have, in
  the call's own domain; a line without one (a greeting, thanks, or a question this
  company does not handle) has only "other": anything shown for it is wrong;
- `other` beside an intent: showing that intent is right, saying nothing is right too
  (a line that only gives a tracking code);
- `<domain>:intent=a|b` (and `<domain>:other`): the same for another domain's models,
  where that company handles the line too (a technician's visit is an appointment
  for an energy provider as well as for a parcel service that installs fridges);
- `person`: the customer asks for a person (an `asked_for_human` hand-over is right);
- `gap`: a real question of the call's domain that no article answers (a `policy_gap`
  hand-over is right);
- moods (`calm`, `frustrated`, `manager_request`, ...) only set the rendered voice.
A line another domain has no labels for is "other" to that domain's models (a parcel
service has nothing to say about an internet outage), except asking for a person,
which every domain knows. A few calls per language are marked `misdialled`: each domain
is calibrated and measured on its own calls and those (a company gets a few calls meant
for another, not half of its calls).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from audio_fixtures.generate_calls import EN_AGENT, EN_CUSTOMER, NL_AGENT, NL_CUSTOMER, Call, Line

OTHER = "other"
# Intents every domain has: asking for a person is right whatever the company does.
EVERY_DOMAIN = frozenset({"request_human"})


@dataclass(frozen=True)
class DomainCall:
    """A labelled call and the domain whose intents its plain labels name."""

    call: Call
    domain: str
    # Also played to the other domains, as a call that reached the wrong company: a few
    # per language, as a contact centre gets a few; their own calls are the rest.
    misdialled: bool = False


def domain_call(
    domain: str,
    name: str,
    language: str,
    scenario: str,
    lines: Iterable[Line],
    misdialled: bool = False,
) -> DomainCall:
    """A call to `domain`'s company in `language`, with the shipped calls' voices."""
    voices = (EN_AGENT, EN_CUSTOMER) if language == "en" else (NL_AGENT, NL_CUSTOMER)
    return DomainCall(Call(name, language, scenario, *voices, tuple(lines)), domain, misdialled)


def calls_for(domain: str, calls: Iterable[DomainCall]) -> list[DomainCall]:
    """What a domain's deployment is measured on: its own calls and the misdialled others."""
    return [c for c in calls if c.domain == domain or c.misdialled]


def acceptable(expect: Iterable[str], own_domain: str, domain: str) -> frozenset[str]:
    """What a card for a line may be about when `domain`'s models judge it: intents, and
    "other" when showing nothing is right too."""
    labels = tuple(expect)
    prefix = "" if domain == own_domain else f"{domain}:"
    wanted: set[str] = set()
    for label in labels:
        if label.startswith(f"{prefix}intent="):
            wanted |= set(label.removeprefix(f"{prefix}intent=").split("|"))
        elif label == f"{prefix}{OTHER}":
            wanted.add(OTHER)
    if prefix and not wanted:
        wanted = (acceptable(labels, own_domain, own_domain) & EVERY_DOMAIN) | {OTHER}
    return frozenset(wanted or {OTHER})


def handovers(expect: Iterable[str], own_domain: str, domain: str) -> set[str]:
    """The hand-over reasons a line makes right: asking for a person anywhere, a policy gap
    in the call's own domain."""
    labels = set(expect)
    reasons = {"asked_for_human"} if "person" in labels else set()
    if "gap" in labels and domain == own_domain:
        reasons.add("policy_gap")
    return reasons
