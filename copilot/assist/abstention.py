"""Saying nothing when the evidence does not support a card: "not sure yet" and a patient policy gap.

An agent who is shown a wrong intent, article or hand-over learns to ignore every card,
so the assist stage shows only what clears the calibrated floors (floors.py) and says
so when it cannot tell yet:
- `IntentEvidence` judges one customer line for the contact's intent: clear enough to act
  on, sure enough to be the intent, or "not sure yet" and what is missing;
- `Agreement` keeps what the customer's clear questions were about: on audio a line's
  intent is shown when an earlier line agrees, or when the line alone is as sure as
  changing the contact's intent needs (a single misheard line is rarely misheard twice
  the same way, while a customer states what they want in more than one line);
- `Opening` remembers whether the customer's opening request named anything this company
  handles: a call meant for another company goes on about that request, and a later line
  that looks like one of ours is not enough on its own;
- `GapWatch` holds a "no article covers this" hand-over back until the customer's question
  is complete and the agent had a turn to answer it: it is raised only when the customer,
  after the agent's turn, still asks about the same intent (surely, not "thanks" or a
  request for a manager) and no article came even near the contact's words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from copilot.assist.complexity import Finding
from copilot.assist.floors import NO_EVIDENCE
from copilot.assist.intents import IntentGuess
from copilot.assist.summary import ContactState
from copilot.events.assist import NOT_SURE, Suggestion, suggestion_id
from copilot.events.core import TranscriptFinal
from copilot.events.wording import words_for

OTHER = "other"
CLEAR_AUDIO = "clear_audio"  # the words were heard too unsurely to act on
CLEAR_REQUEST = "clear_request"  # heard, but they match no intent well enough
# A line of fewer words greets, answers or thanks: it opens no request.
REQUEST_WORDS = 6
# Asking for a person is answered by a hand-over of its own; small talk asks nothing.
NEVER_A_GAP = frozenset({OTHER, "request_human"})
CONFIRMATION = "confirmation"  # on audio: one line was sure, the customer's next words confirm
# The opening request named nothing this company handles: the next words must say what the
# customer wants of us, surely and twice on audio (`Opening`).
NEW_REQUEST = "new_request"
# Clearly heard, but this language and audio condition has no calibrated intent floor.
NO_EVIDENCE_YET = "no_evidence"


@dataclass(frozen=True)
class IntentEvidence:
    """What one customer line says about the contact's intent."""

    guess: IntentGuess
    heard: float  # the line's mean word probability (1.0 typed)
    clear: bool  # heard at or above the transcript floor
    sure: bool  # clear, and the guess clears the intent floor: it may set the intent
    calibrated: bool = True  # the intent floor rests on development evidence

    @property
    def asks(self) -> bool:
        """The line is about something (not small talk): its likeliest intent is not `other`."""
        return self.guess.intent != OTHER

    @property
    def missing(self) -> str:
        """Why the line set no intent: "" when it did (or is small talk)."""
        if self.sure or not self.asks:
            return ""
        if not self.clear:
            return CLEAR_AUDIO
        return CLEAR_REQUEST if self.calibrated else NO_EVIDENCE_YET


def judge_line(
    guess: IntentGuess, heard: float, heard_floor: float, intent_floor: float
) -> IntentEvidence:
    """The evidence of a line: heard clearly enough, and its intent sure enough."""
    clear = heard >= heard_floor
    sure = clear and guess.intent != OTHER and guess.confidence >= intent_floor
    return IntentEvidence(guess, heard, clear, sure, intent_floor < NO_EVIDENCE)


@dataclass
class Agreement:
    """Whether a customer line agrees with an earlier one on an intent (see the module)."""

    # The likeliest intents of the customer's earlier clear lines that asked something: a
    # customer says what they want in more than one line, not always in a row (the agent's
    # question, a postcode or a name comes between).
    asked: set[str] = field(default_factory=set)

    def agrees(self, line: IntentEvidence) -> bool:
        """`line` asks about an intent an earlier clear line of the customer asked about."""
        return line.asks and line.guess.intent in self.asked

    def note(self, line: IntentEvidence) -> None:
        """After judging `line`: a clear line that asks something is one to agree with later."""
        if line.clear and line.asks:
            self.asked.add(line.guess.intent)


@dataclass
class Opening:
    """Whether the customer's opening request named something this company handles.

    The opening request is the first clearly heard customer line long enough to ask
    something (a greeting or a "yes" is not one). When its likeliest intent is `other`
    (a meter reading at a parcel service), the contact is unplaced: its later lines go on
    about that request (see the assist stage). A request of ours that is only not sure
    enough yet leaves the contact placed: the next line may confirm it.
    """

    seen: bool = False
    unplaced: bool = False

    def note(self, line: IntentEvidence, text: str, has_intent: bool) -> None:
        """After judging a customer line (`has_intent`: the contact has an intent now): the
        first clear line of a request's length decides, unless an intent came first."""
        if self.seen:
            return
        if has_intent:
            self.seen = True  # the call is about something of ours; what follows is too
            return
        if not line.clear or len(text.split()) < REQUEST_WORDS:
            return
        self.seen = True
        self.unplaced = not line.asks


def takes_switch(agreed: bool, unplaced: bool, changing: bool) -> bool:
    """Whether a line takes the bar of changing an intent rather than the floor: it would
    change one, it was heard with no earlier line agreeing (`agreed` False), or it follows
    an opening request that named nothing of ours (`unplaced`)."""
    return changing or unplaced or not agreed


def intent_bar(
    floor: float, switch: float, agreed: bool, unplaced: bool, changing: bool
) -> float | None:
    """The confidence a customer line needs to set the contact's intent; None: it cannot.

    A first intent needs the floor. Changing one needs `switch` (never less than the
    floor), and so does a line on audio no earlier line agrees with (`agreed` False) and
    any line after an opening request that named nothing of ours (`unplaced`); on audio
    such a line must also agree with an earlier one. The assist stage and the floors'
    calibration both ask this.
    """
    if unplaced and not agreed:
        return None
    if takes_switch(agreed, unplaced, changing):
        return max(switch, floor)
    return floor


@dataclass
class GapWatch:
    """A policy gap waits for a complete question and the agent's turn (see the module)."""

    evidence: list[str] = field(default_factory=list)  # the customer's question, as said
    agent_answered: bool = False  # the agent spoke after the question
    raised: bool = False
    intent: str = ""  # what the question is about

    def customer_asks(self, text: str, covered: bool, intent: str) -> Finding | None:
        """A customer line surely about the contact's `intent`; the gap when due.

        `covered`: an article came close enough to this contact's words (over the noise
        floor, shown or held back), so the knowledge base may have something to say.
        A line about another intent starts a new question: the agent has not had a turn
        at it, and asking for a person is a hand-over of its own, never a gap.
        """
        if self.raised or intent in NEVER_A_GAP:
            return None
        if intent != self.intent:
            self.intent, self.evidence, self.agent_answered = intent, [], False
        if covered:
            self.evidence, self.agent_answered = [], False
            return None
        if self.evidence and self.agent_answered:
            self.raised = True
            return Finding(
                "policy_gap",
                "no knowledge-base article covers this",
                (*self.evidence[:2], text),
                f"gap:{intent}",
            )
        self.evidence.append(text)  # the question, or more of it before the agent spoke
        return None

    def agent_spoke(self) -> None:
        """The agent had a turn: a pending question has had its chance to be answered."""
        if self.evidence:
            self.agent_answered = True


def not_sure_card(
    call_id: str,
    event: TranscriptFinal,
    line: IntentEvidence,
    state: ContactState,
    missing: str,
) -> Suggestion:
    """The intent card that says "not sure yet" and what is `missing` (the line's own, or
    what the contact's rules still wait for), never a guess."""
    key = f"not_sure.{missing}"
    return Suggestion(
        call_id,
        0,
        event.t,
        suggestion_id=suggestion_id(call_id, "intent", NOT_SURE),
        kind="intent",
        item=NOT_SURE,
        title=words_for(state.language).term("intent", NOT_SURE),
        text=words_for(state.language)(key),
        language=state.language,
        utterance_id=event.utterance_id,
        quote=event.text,
        heard=round(line.heard, 3),
        context=state.context(),
        status=NOT_SURE,
        missing=missing,
    )
