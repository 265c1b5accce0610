"""Facts a customer states, pulled out of the words: tracking code, postcode, house number, dates, amounts.

Patterns, not a model: these are the strings a draft fills in and a contradiction
check compares with the customer record, so they must be exact. Values are
normalised (upper-case postcode without space, digits only) so "3511 ab" and
"3511AB" compare equal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "januari|februari|maart|mei|juni|juli|augustus|oktober"
)
_WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
)
_STREET_SUFFIX = (
    r"(?:straat|laan|weg|gracht|plein|kade|singel|dijk|hof|park|street|road|lane|avenue)"
)

PATTERNS: dict[str, re.Pattern[str]] = {
    "tracking_code": re.compile(r"\bVP\s?\d{9}\s?NL\b", re.IGNORECASE),
    "order_number": re.compile(r"\b(?:order|bestelling|bestelnummer)\D{0,12}(\d{6,10})\b", re.I),
    "postcode": re.compile(r"\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b", re.IGNORECASE),
    "street": re.compile(rf"\b([A-Z][a-z]+{_STREET_SUFFIX})\s+(\d{{1,4}}\s?[a-zA-Z]?)\b"),
    "house_number": re.compile(
        r"\b(?:house number|huisnummer|number|nummer)\s+(?:is\s+)?(\d{1,4}\s?[a-zA-Z]?)\b", re.I
    ),
    "date": re.compile(
        rf"\b(?:\d{{1,2}}[-/]\d{{1,2}}(?:[-/]\d{{2,4}})?|\d{{1,2}}\s+(?:{_MONTHS})|(?:{_WEEKDAYS}))\b",
        re.IGNORECASE,
    ),
    "amount": re.compile(
        r"(?:€\s?|\beuro\s)(\d+(?:[.,]\d{1,2})?)|\b(\d+(?:[.,]\d{1,2})?)\s?(?:euros?|EUR)\b", re.I
    ),
    "email": re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b"),
}

# Which record keys (call.started metadata["record"]) hold the same fact as a pattern.
RECORD_KEYS = {
    "tracking_code": "tracking_code",
    "order_number": "order_number",
    "postcode": "postcode",
    "house_number": "house_number",
    "email": "email",
}


@dataclass(frozen=True)
class Fact:
    """A fact the customer stated: its value normalised for comparing, and the words as said."""

    name: str
    value: str  # normalised
    said: str  # the words as spoken


def extract_facts(text: str) -> list[Fact]:
    """Every distinct fact in `text`; a street with its number also gives the house number."""
    facts: list[Fact] = []
    for name, pattern in PATTERNS.items():
        for match in pattern.finditer(text):
            if name == "street":
                facts.append(Fact("street", match.group(1), match.group(0)))
                facts.append(
                    Fact("house_number", normalise("house_number", match.group(2)), match.group(0))
                )
                continue
            raw = next((g for g in match.groups() if g), None) if match.groups() else None
            value = raw or match.group(0)
            facts.append(Fact(name, normalise(name, value), match.group(0)))
    return _unique(facts)


def normalise(name: str, value: object) -> str:
    """`value` of fact `name` in the one spelling facts are compared in ("3511 ab" -> "3511AB")."""
    text = str(value).strip()
    if name in ("tracking_code", "postcode", "house_number"):
        return re.sub(r"\s+", "", text).upper()
    if name == "amount":
        return text.replace(",", ".")
    if name in ("email", "date"):
        return text.lower()
    return text


def _unique(facts: list[Fact]) -> list[Fact]:
    seen: set[tuple[str, str]] = set()
    out = []
    for fact in facts:
        if (fact.name, fact.value) not in seen:
            seen.add((fact.name, fact.value))
            out.append(fact)
    return out
