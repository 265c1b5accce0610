"""A clear request for a person in charge, in Dutch and English ("ik wil uw leidinggevende
spreken", "put me through to your supervisor").

Shared by two stages that must agree on it: the affect stage escalates an alert on it at
once and no agent's dismissal weakens it (affect/text.py), and the assist stage hands the
contact to a person on it whatever intent the rest of the line leans to (assist/stage.py).
The bare words ("manager", "leidinggevende") are not here: they also occur harmlessly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from copilot.events.core import Word, span_confidence, word_spans

BOSS_NL = r"(?:leidinggevende|verantwoordelijke|manager|supervisor|baas|chef|meerdere)"
BOSS_EN = r"(?:manager|supervisor|superior|boss)"
# Not "the manager's number" or "the manager of the shop": then nobody asks for one.
NOT_OWNED = r"(?!['’]s\b| of\b)"

# Regular expressions per language, matched as whole words and ignoring case.
CLEAR_REQUESTS: dict[str, tuple[str, ...]] = {
    "nl": (
        rf"(?:wil|mag|kan|moet)(?: ik)? (?:nu |graag |even |direct |dan |hier |daar |hierover )?(?:een|uw|je|jullie|de) {BOSS_NL} (?:hierover |daarover |over |nu |even )?(?:spreken|aan de lijn|aan de telefoon)",
        rf"(?:verbind|verbindt|zet)(?: u)? (?:me|mij) (?:\w+ ){{0,2}}(?:met|naar) (?:een|uw|je|de) {BOSS_NL}",
        rf"(?:geef|geeft)(?: u)? (?:me|mij) (?:nu |dan |maar |even )?(?:een|uw|je|jullie|de) {BOSS_NL}",
        rf"(?:ik )?wil (?:nu |graag |direct )?(?:een|uw|je|de) {BOSS_NL}(?=\s*(?:[.!?]|$))",
        rf"\b(?:uw|je|jullie) {BOSS_NL},? (?:graag|alstublieft|alsjeblieft)",
    ),
    "en": (
        rf"(?:speak|talk) (?:to|with) (?:a|your|the|an?other) {BOSS_EN}{NOT_OWNED}",
        rf"(?:get|put|give|transfer|pass) me (?:through )?(?:to )?(?:a|your|the) {BOSS_EN}{NOT_OWNED}",
        rf"(?:want|need|demand) (?:a|your|the) {BOSS_EN}{NOT_OWNED}",
        rf"(?:want|get|need|put) (?:a|your|the) {BOSS_EN} on the (?:line|phone)",
        rf"\b(?:a|your|the) {BOSS_EN},? please",
    ),
}  # fmt: skip

_COMPILED = tuple(
    re.compile(rf"\b(?:{p})\b", re.IGNORECASE)
    for patterns in CLEAR_REQUESTS.values()
    for p in patterns
)


def clear_manager_request(text: str, words: Sequence[Word] = (), floor: float = 0.5) -> str:
    """The words of a clear request for a person in charge in `text`, every one of them
    heard at least `floor` surely (without whisper's `words`: typed, so sure); "" when
    there is none. Every word, not their mean: well-heard filler must not carry a guessed
    'leidinggevende' over the floor."""
    spans = word_spans(text, words)
    for pattern in _COMPILED:
        for match in pattern.finditer(text):
            if span_confidence(spans, match.start(), match.end(), every=True) >= floor:
                return match.group(0)
    return ""
