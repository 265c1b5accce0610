"""Contacts a person must judge: contradictions, exceptions the policy does not cover, custom deals.

Three kinds of evidence, each with the customer's own words as quotes:
- a *contradiction*: the customer says both sides of one claim ("I never got the
  parcel" ... "when I opened the box"), or states a fact (postcode, house number,
  tracking code) that differs from the customer record handed to the call;
- a *custom arrangement*: the customer asks for an exception, a goodwill gesture
  or a deal outside the rules;
- a *policy gap*: a real question that no knowledge-base article answers
  (reported by the stage, which knows the retrieval scores).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from copilot.assist.facts import RECORD_KEYS, Fact, normalise

# Claims with two sides; a customer who asserts both in one contact contradicts themself.
CLAIMS: dict[str, dict[bool, tuple[str, ...]]] = {
    "received the parcel": {
        True: (
            r"opened the (?:box|parcel|package)",
            r"(?:i|we) (?:got|received) (?:it|the parcel|the package)",
            r"when it (?:arrived|came)",
            r"(?:doos|pakket) open(?:gemaakt|deed)",
            r"toen (?:ik|we) (?:het|de doos|het pakket) openmaakte",
            r"(?:ik|we) heb(?:ben)? (?:het|het pakket) (?:ontvangen|gekregen)",
            r"toen het (?:aankwam|binnenkwam)",
        ),
        False: (
            r"never (?:got|received|arrived|came)",
            r"(?:didn't|did not|haven't|have not) (?:get|got|receive)",
            r"nooit (?:ontvangen|gekregen|aangekomen|gekomen)",
            r"niet (?:ontvangen|gekregen|bezorgd)",
            r"(?:is|was) (?:nooit|niet) (?:aangekomen|bezorgd)",
        ),
    },
    "was at home": {
        True: (
            r"i was (?:at )?home",
            r"we were (?:at )?home",
            r"ik was (?:gewoon )?thuis",
            r"we waren thuis",
        ),
        False: (
            r"i was(?:n't| not) (?:at )?home",
            r"nobody was home",
            r"ik was niet thuis",
            r"niemand thuis",
        ),
    },
    "paid": {
        True: (r"i (?:have )?(?:already )?paid", r"ik heb (?:al )?betaald", r"is betaald"),
        False: (r"(?:haven't|have not|didn't|did not) pa(?:y|id)", r"(?:nog )?niet betaald"),
    },
}
CUSTOM_ARRANGEMENT = re.compile(
    r"\b(?:exception|special arrangement|make an arrangement|goodwill|as a gesture|just this once|"
    r"uitzondering|coulance|speciale regeling|een regeling treffen|een gebaar|voor deze ene keer|"
    r"compensat\w+ (?:of|for) (?:more|over)|meer dan \d+ euro vergoed)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Finding:
    """A reason to hand the contact to a person (`route_to_human`), with the words that show it."""

    reason: str  # contradiction / record_mismatch / custom_arrangement
    explanation: str
    evidence: tuple[str, ...]
    key: str  # what it is about, one route_to_human per key and contact


_COMPILED = {
    claim: {
        side: tuple(re.compile(rf"\b{p}", re.IGNORECASE) for p in patterns)
        for side, patterns in sides.items()
    }
    for claim, sides in CLAIMS.items()
}


class ComplexityCheck:
    """One contact's statements, checked against each other and against the record."""

    def __init__(self, record: dict | None = None) -> None:
        self.record = {k: normalise(k, v) for k, v in (record or {}).items() if v not in (None, "")}
        self._claims: dict[str, dict[bool, str]] = {}
        self._reported: set[str] = set()

    def check(self, text: str, facts: list[Fact]) -> list[Finding]:
        """New findings in a customer line and its facts; each key is reported once per contact."""
        findings = self._claim_findings(text) + self._record_findings(facts)
        if match := CUSTOM_ARRANGEMENT.search(text):
            findings.append(
                Finding(
                    "custom_arrangement",
                    f"asks for an arrangement outside the rules ('{match.group(0)}')",
                    (text,),
                    "custom",
                )
            )
        fresh = [f for f in findings if f.key not in self._reported]
        self._reported.update(f.key for f in fresh)
        return fresh

    def _claim_findings(self, text: str) -> list[Finding]:
        out = []
        for claim, sides in _COMPILED.items():
            for side, patterns in sides.items():
                if not any(p.search(text) for p in patterns):
                    continue
                seen = self._claims.setdefault(claim, {})
                seen.setdefault(side, text)
                if len(seen) < 2:
                    continue
                said_yes, said_no = seen[True], seen[False]
                out.append(
                    Finding(
                        "contradiction",
                        f"the customer says both that they {claim} and that they did not",
                        (said_no, said_yes),
                        f"claim:{claim}",
                    )
                )
        return out

    def _record_findings(self, facts: list[Fact]) -> list[Finding]:
        out = []
        for fact in facts:
            key = RECORD_KEYS.get(fact.name)
            if key is None or key not in self.record or self.record[key] == fact.value:
                continue
            out.append(
                Finding(
                    "record_mismatch",
                    f"{fact.name.replace('_', ' ')} '{fact.said}' differs from the record ({self.record[key]})",
                    (fact.said, f"record {key}: {self.record[key]}"),
                    f"record:{key}",
                )
            )
        return out
