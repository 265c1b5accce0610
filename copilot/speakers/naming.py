"""Which of two voices is the agent, by which rule, and how sure.

Rules, strongest evidence first: the agent's enrolled voiceprint (when the call names its
agent), a greeting only an agent says in the first turns ("u spreekt met", "you're speaking
with", "welkom bij", the company's name), and last the first speaker (agents answer
inbound calls). Each rule gives a speaker and a confidence; the surest wins, and two rules
that agree make it surer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

# Words an agent opens a call with, in the two languages copilot serves. Lowercase, spaces
# between words; matched on word boundaries after punctuation is dropped.
GREETINGS = (
    "you're speaking with",
    "you are speaking with",
    "you're speaking to",
    "you are speaking to",
    "customer service",
    "customer services",
    "thank you for calling",
    "thanks for calling",
    "welcome to",
    "how can i help",
    "how may i help",
    "what can i do for you",
    "u spreekt met",
    "je spreekt met",
    "spreekt u met",
    "klantenservice",
    "klantendienst",
    "welkom bij",
    "bedankt voor het bellen",
    "bedankt voor uw telefoontje",
    # The end of "waarmee / hoe kan ik u helpen": whisper's base model heard the espeak
    # agent's "waarmee" as "maar mee" (bench: speaker_split), the end it heard right.
    "kan ik u helpen",
    "kan ik je helpen",
    "wat kan ik voor u doen",
)
GREETING = "greeting"
VOICEPRINT = "voiceprint"
FIRST_SPEAKER = "first_speaker"
# How sure each rule is on its own. The first speaker is the agent on inbound calls, which
# most contact-centre recordings are; outbound calls and IVR-first recordings break it.
FIRST_SPEAKER_CONFIDENCE = 0.6
# A voiceprint decides when one voice is this much closer to it (cosine) than the other
# and close enough to be that agent at all.
VOICEPRINT_MARGIN = 0.05
VOICEPRINT_FLOOR = 0.7


@dataclass(frozen=True)
class AgentChoice:
    """The agent's speaker index, the rule that chose it, its confidence, and the evidence."""

    agent: int | None  # None: the rule could not tell
    rule: str
    confidence: float
    detail: str = ""


def _normal(text: str) -> str:
    return " " + re.sub(r"[^\w' ]+", " ", text.lower().replace("’", "'")).strip() + " "


def greeting_hits(text: str, company_names: Sequence[str] = ()) -> list[str]:
    """The greeting phrases and company names found in `text`."""
    normal = re.sub(r"\s+", " ", _normal(text))
    phrases = [*GREETINGS, *(name.lower() for name in company_names if name.strip())]
    return [p for p in phrases if f" {_normal(p).strip()} " in normal]


def by_greeting(first_words: Sequence[str], company_names: Sequence[str] = ()) -> AgentChoice:
    """The speaker whose first turns greet like an agent (texts indexed by speaker)."""
    hits = [greeting_hits(text, company_names) for text in first_words]
    counts = [len(h) for h in hits]
    if not counts or max(counts) == 0:
        return AgentChoice(None, GREETING, 0.0)
    best = int(np.argmax(counts))
    others = max((c for i, c in enumerate(counts) if i != best), default=0)
    if counts[best] == others:
        return AgentChoice(None, GREETING, 0.0, "both greet")
    # Only one side greets: very likely the agent; both do, one more: less so.
    confidence = 0.95 if others == 0 else min(0.85, 0.6 + 0.1 * (counts[best] - others))
    return AgentChoice(best, GREETING, confidence, ", ".join(hits[best]))


def by_voiceprint(centroids: np.ndarray, voiceprint: np.ndarray | None) -> AgentChoice:
    """The speaker whose voice is closest to the agent's enrolled voiceprint."""
    if voiceprint is None or len(centroids) == 0:
        return AgentChoice(None, VOICEPRINT, 0.0)
    similarity = centroids @ voiceprint
    best = int(np.argmax(similarity))
    margin = float(similarity[best] - (np.min(similarity) if len(similarity) > 1 else 0.0))
    detail = "similarity " + "/".join(f"{s:.2f}" for s in similarity)
    if similarity[best] < VOICEPRINT_FLOOR or (len(similarity) > 1 and margin < VOICEPRINT_MARGIN):
        return AgentChoice(None, VOICEPRINT, 0.0, detail)
    if len(similarity) == 1:
        return AgentChoice(0, VOICEPRINT, round(float(similarity[0]), 2), detail)
    return AgentChoice(best, VOICEPRINT, round(min(0.99, 0.7 + 2.0 * margin), 2), detail)


def choose_agent(choices: Sequence[AgentChoice], first_speaker: int) -> AgentChoice:
    """The surest rule's answer; rules that agree raise its confidence; else the first speaker."""
    decided = sorted((c for c in choices if c.agent is not None), key=lambda c: -c.confidence)
    if not decided:
        return AgentChoice(first_speaker, FIRST_SPEAKER, FIRST_SPEAKER_CONFIDENCE)
    best = decided[0]
    doubt = 1.0 - best.confidence
    for other in decided[1:]:
        doubt *= (1.0 - other.confidence) if other.agent == best.agent else 1.0
        if other.agent != best.agent:  # a rule that disagrees takes away from the winner
            doubt = min(1.0, doubt + other.confidence * (1.0 - doubt))
    rules = "+".join(c.rule for c in decided if c.agent == best.agent)
    return AgentChoice(best.agent, rules, round(1.0 - doubt, 2), best.detail)
