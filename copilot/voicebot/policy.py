"""The voicebot's judgement on one customer turn, kept apart from its state machine.

Plain functions over what the other stages said about the utterance: is this a
yes or a no, does the caller ask for a person, is the caller upset, confused or
overloaded, is there a knowledge-base passage good enough to read out. Word lists
rather than a model: they must be predictable, and a wrong guess costs only a
hand-over to a person, which is always allowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from copilot.events.affect import SIGNALS
from copilot.voicebot.settings import VoicebotConfig

YES = re.compile(
    r"\b(?:ja|jazeker|jawel|zeker|klopt|prima|top|super|dank\w*|yes|yeah|yep|sure|"
    r"it did|that helped|thanks|thank you|great|perfect)\b",
    re.IGNORECASE,
)
NO = re.compile(
    r"\b(?:nee|neen|niet|helaas|geen|no|nope|not|didn't|did not|doesn't|does not)\b",
    re.IGNORECASE,
)
ASKS_FOR_PERSON = re.compile(
    r"\b(?:medewerker|mens|een persoon|iemand spreken|collega|echt iemand|operator|human|"
    r"real person|a person|representative|someone real|an agent|speak to (?:someone|somebody))\b",
    re.IGNORECASE,
)
# A reply to "is it about one of these topics?": a topic's number or place, or none of them.
_PICKED = (
    re.compile(r"\b(?:1|eerste|first)\b", re.IGNORECASE),
    re.compile(r"\b(?:2|tweede|second)\b", re.IGNORECASE),
    re.compile(r"\b(?:3|derde|third)\b", re.IGNORECASE),
)
NONE_OF_THEM = re.compile(
    r"\b(?:geen van (?:beide|allen|deze)|geen|iets anders|anders|nee|neen|none|neither|"
    r"something else|other|no)\b",
    re.IGNORECASE,
)
# The words of a message that only thanks or says goodbye ("Top, dank u wel!", "Thanks,
# have a nice day"): with any other word in it, or a question mark, it asks something.
_CLOSING_WORDS = frozenset(
    """
    ja jazeker jawel ok oke oké okee okay prima top super mooi fijn fijne goed goede heel
    hartelijk bedankt dank danku dankje dankjewel dankuwel je jij u wel zeer erg veel voor
    de het uw hulp nog een prettige dag avond middag ochtend weekend tot ziens doei
    groetjes groeten hoor helemaal duidelijk geholpen helpt dat was is alles perfect
    geweldig nee neen niks verder meer anders
    yes yeah yep great perfect fine good thanks thank thx you so very much a lot for the
    your help have nice day evening weekend bye goodbye cheers see that was is all it
    helped helps clear got awesome brilliant lovely cool alright ta no nope nothing else s
    """.split()
)
_WORDS = re.compile(r"[^\W\d_]+")
# Intents a bot never answers by itself (the assist stage's own front-door list).
NO_SELF_SERVICE = frozenset({"complaint", "request_human", "cancel_contract"})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
PERSON_DIGIT = "0"  # DTMF 0 is "an operator, please" on every phone menu


def confirmation(text: str) -> str:
    """`yes`, `no` or `` for an answer to "did that help?"; a mixed answer counts as no."""
    if NO.search(text):
        return "no"
    if YES.search(text):
        return "yes"
    return ""


def only_thanks(text: str) -> bool:
    """Whether a message only thanks or says goodbye: no question in it, nothing to act on."""
    words = _WORDS.findall(text.lower())
    return bool(words) and "?" not in text and all(w in _CLOSING_WORDS for w in words)


def switched_on(value: object) -> bool:
    """A metadata switch (`voicebot`, a chat's `bot`) read as a yes: true, 1, yes, on."""
    return str(value).lower() in ("1", "true", "yes", "on")


def picked_option(text: str, options: int) -> int:
    """The topic (1-based) a reply picks among `options`, -1 for none of them, 0 if unclear.

    A place wins over a "no" ("nee, de tweede" is 2); one topic offered, a yes picks it.
    """
    picked = [i + 1 for i, p in enumerate(_PICKED[:options]) if p.search(text)]
    if len(picked) == 1:
        return picked[0]
    if picked:
        return 0  # "1 or 2?": ask again
    if options == 1 and confirmation(text) == "yes":
        return 1
    return -1 if NONE_OF_THEM.search(text) else 0


def asks_for_person(text: str) -> bool:
    """Whether the caller asks for a person in words ("medewerker", "real person", ...)."""
    return bool(ASKS_FOR_PERSON.search(text))


def over_threshold(scores: dict[str, float], config: VoicebotConfig) -> str:
    """The first affect signal at or over its hand-over threshold, as a reason; `` if none."""
    limits = {
        "frustration": config.frustration_threshold,
        "doubt": config.doubt_threshold,
        "load": config.load_threshold,
    }
    for signal in SIGNALS:
        score = scores.get(signal, 0.0)
        if score >= limits[signal]:
            return f"{signal} {score:.2f} >= {limits[signal]}"
    return ""


def spoken_answer(passage: str, max_chars: int) -> str:
    """The passage cut after the last whole sentence that fits in `max_chars`."""
    text = " ".join(passage.split())
    if len(text) <= max_chars:
        return text
    kept = ""
    for sentence in _SENTENCE_END.split(text):
        if len(kept) + len(sentence) + 1 > max_chars:
            break
        kept = f"{kept} {sentence}".strip()
    return kept or text[:max_chars].rsplit(" ", 1)[0]


def estimate_seconds(text: str, words_per_minute: int = 165) -> float:
    """Speaking time of `text` when the synthesizer cannot tell (a fallback, not a measurement)."""
    return round(len(text.split()) * 60.0 / words_per_minute + 0.3, 3)


@dataclass
class CallerProfile:
    """What the caller said and showed so far: the facts and affect on the hand-over card."""

    said: list[str] = field(default_factory=list)
    facts: dict[str, str] = field(default_factory=dict)
    affect: dict[str, float] = field(default_factory=lambda: dict.fromkeys(SIGNALS, 0.0))

    def note_affect(self, scores: dict[str, float]) -> None:
        """One utterance's affect: each signal keeps the call's highest, for the hand-over card."""
        for signal in SIGNALS:
            self.affect[signal] = max(self.affect[signal], round(scores.get(signal, 0.0), 3))
