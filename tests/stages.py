"""Drive one stage the way a call does: `run_stage(stage, events) -> events`.

Each event is stamped with the call's next seq and shown to the stage through the
same `StageChain` the pipeline uses, then the stage is flushed as at the end of a
call. The result is the call's event stream: the inputs and what the stage added.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from copilot.assist.floors import NO_EVIDENCE
from copilot.events.core import Event, TranscriptFinal, Word
from copilot.pipeline.stage_chain import Stage, StageChain


def run_stage(stage: Stage, events: Iterable[Event], call_id: str = "T") -> list[Event]:
    chain = StageChain(call_id, [stage])
    out: list[Event] = []
    for event in events:
        out.extend(chain.emit(event))
    out.extend(chain.flush())
    return out


def final(
    text: str,
    speaker: str = "customer",
    t: float = 1.0,
    probability: float = 0.95,
    unsure: dict[str, float] | None = None,
):
    """A transcript final with one word timing per word, each heard with `probability`;
    `unsure` gives some words (as written, punctuation included) a probability of their own."""
    unsure = unsure or {}
    words = tuple(
        Word(w, t + i * 0.3, t + i * 0.3 + 0.25, unsure.get(w, probability))
        for i, w in enumerate(text.split())
    )
    return TranscriptFinal(
        "",
        0,
        t,
        speaker=speaker,
        utterance_id=f"{speaker}-{t:g}",
        start=t,
        end=t + 2.0,
        text=text,
        language="",
        words=words,
    )


def calibrated_everywhere(models):
    """Assist `models` as a deployment that calibrated every language and audio condition
    on its own labelled calls: where the shipped floors have no evidence (Dutch heard
    through whisper from synthetic voices), that language's typed floors stand in."""
    table = models.floors
    cases = {
        case: table.floors_for(case[0], "text") if floors.intent >= NO_EVIDENCE else floors
        for case, floors in table.by_case.items()
    }
    return dataclasses.replace(models, floors=dataclasses.replace(table, by_case=cases))
