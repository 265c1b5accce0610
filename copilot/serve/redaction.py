"""Optional PII redaction of events before they are stored or shown.

Finds e-mail addresses, phone numbers, IBANs (mod-97 checked), payment card
numbers (Luhn checked), Dutch BSNs (11-proof checked) and Dutch postcodes with
their house number, and replaces each with a placeholder such as `[iban]`.
Check digits keep false alarms down: an order number of 9 digits is only taken
for a BSN when it passes the 11-proof, as every real BSN does.

Only the copies for storage and display are redacted; the stages of a live call
still see the words as spoken. Numbers spoken as words ("oh six one two…") are
not recognised.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from copilot.config import REDACTION_KINDS as KINDS

# Fields that name things rather than quote what people said; never touched.
STRUCTURAL_KEYS = frozenset(
    {"type", "v", "call_id", "seq", "t", "speaker", "utterance_id", "suggestion_id", "language"}
    | {"level", "signal", "kind", "source", "legs", "agent_id", "utterance_ids", "id"}
    | {"draft_id"}  # a draft's suggestion_id, named so on its `draft.delivery`
)

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CARD = re.compile(r"(?<![\d])(?:\d[ -]?){12,18}\d(?![\d])")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b")
_BSN = re.compile(r"(?<![\d])\d{4}[ .]?\d{2}[ .]?\d{3}(?![\d])|(?<![\d])\d{8,9}(?![\d])")
_PHONE = re.compile(
    r"(?<![\w+])(?:\+|00)\d(?:[ -]?\(?\d\)?){7,13}(?!\d)|(?<![\w])0\d(?:[ -]?\d){8}(?!\d)"
)
_POSTCODE = re.compile(
    r"\b[1-9]\d{3}[ ]?(?!SA|SD|SS)[A-Z]{2}\b"
    r"(?:[ ,]+(?:(?:huisnummer|nummer|number|nr\.?)[ ]+)?\d{1,5}(?:[ ]?[a-zA-Z]\b)?)?"
)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def luhn_valid(number: str) -> bool:
    """The Luhn check every payment card number (13 to 19 digits) passes."""
    digits = [int(d) for d in _digits(number)]
    if not 13 <= len(digits) <= 19:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def iban_valid(iban: str) -> bool:
    """The IBAN mod-97 check (15 to 34 characters once spaces are taken out)."""
    compact = iban.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    as_digits = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(as_digits) % 97 == 1


def bsn_valid(number: str) -> bool:
    """The BSN 11-proof: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11 (8 digits: leading 0)."""
    digits = _digits(number).zfill(9)
    if len(digits) != 9 or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


_RULES: dict[str, tuple[re.Pattern[str], Callable[[str], bool] | None]] = {
    "email": (_EMAIL, None),
    "card": (_CARD, luhn_valid),
    "iban": (_IBAN, iban_valid),
    "bsn": (_BSN, bsn_valid),
    "phone": (_PHONE, None),
    "postcode": (_POSTCODE, None),
}


@dataclass(frozen=True)
class Redactor:
    """Masks the chosen kinds of PII in the copies of events that are stored and shown."""

    kinds: tuple[str, ...] = KINDS
    enabled: bool = True

    def __post_init__(self) -> None:
        unknown = [k for k in self.kinds if k not in _RULES]
        if unknown:
            raise ValueError(f"unknown redaction kind(s) {unknown}; known: {', '.join(KINDS)}")

    def text(self, text: str) -> str:
        """The text with each match of a chosen kind replaced by its placeholder, e.g. `[iban]`."""
        if not self.enabled or not text:
            return text
        for kind in KINDS:  # fixed order: card before phone, so a card is not half a phone
            if kind not in self.kinds:
                continue
            pattern, check = _RULES[kind]

            def replace(match: re.Match[str], kind: str = kind, check=check) -> str:
                if check is not None and not check(match.group(0)):
                    return match.group(0)
                return f"[{kind}]"

            text = pattern.sub(replace, text)
        return text

    def event(self, data: dict[str, Any]) -> dict[str, Any]:
        """A redacted copy of an event dict (the dict given is not changed)."""
        if not self.enabled:
            return data
        redacted = {k: v if k in STRUCTURAL_KEYS else self._value(v) for k, v in data.items()}
        if redacted.get("text") != data.get("text") and data.get("words"):
            # Word timings quote the same digits one token at a time; hide the ones that could.
            redacted["words"] = [
                {**w, "word": "[redacted]"} if _could_be_pii(str(w.get("word", ""))) else w
                for w in data["words"]
            ]
        return redacted

    def _value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {k: v if k in STRUCTURAL_KEYS else self._value(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._value(v) for v in value]
        return value


def _could_be_pii(word: str) -> bool:
    return "@" in word or any(ch.isdigit() for ch in word)
