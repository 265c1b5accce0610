"""The labelled assist calls as the assist stage hears them: typed, clean audio and a phone line.

Each call is rendered with espeak-ng and run through the QA replay's pipeline (the
segmenter and whisper as deployed, no stages) once as recorded (16 kHz, `clean`) and once
as a phone line carries it (8 kHz mu-law, `8k`). The `text` condition is the script
itself, every word sure: what a typed chat gives the stage. Every customer final is then
tied to the script line it overlaps most, and so to that line's labels.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import soundfile as sf

from audio_fixtures.generate_calls import RATE, render
from copilot.assist.settings import AssistConfig
from copilot.audio.format import CUSTOMER
from copilot.config import Config
from copilot.events.core import TranscriptFinal
from copilot.replay.worker import CallReplayer, Recording

from .alert_floor import script_finals
from .asr_eval import telephony_copy
from .assist_labels import DomainCall, acceptable, handovers

CONDITIONS = ("text", "clean", "8k")
AUDIO_CONDITIONS = ("clean", "8k")


@dataclass(frozen=True)
class HeardCall:
    """One labelled call in one condition: its script turns and the finals the stage gets."""

    name: str
    language: str
    domain: str  # whose intents the labels name
    split: str  # dev (floors are chosen on it) or test (held out)
    condition: str  # text / clean / 8k
    turns: tuple[dict, ...]  # speaker, start, end, text, expect
    finals: tuple[TranscriptFinal, ...]  # both legs, in the order they were said

    def labels_of(self, final: TranscriptFinal) -> tuple[str, ...]:
        """The `expect` labels of the script line `final` overlaps most (none: a made-up line)."""
        best, labels = 0.0, ()
        for turn in self.turns:
            if turn["speaker"] != final.speaker:
                continue
            overlap = min(final.end, turn["end"]) - max(final.start, turn["start"])
            if overlap > best:
                best, labels = overlap, tuple(turn.get("expect", ()))
        return labels

    def acceptable(self, final: TranscriptFinal, domain: str) -> frozenset[str]:
        """What a card for this customer final may be about, judged by `domain`'s models."""
        return acceptable(self.labels_of(final), self.domain, domain)

    def customer_lines(self) -> list[dict]:
        """The script's customer turns."""
        return [t for t in self.turns if t["speaker"] == CUSTOMER]

    def intents(self, domain: str) -> set[str]:
        """Every intent some customer line makes right for `domain`'s models."""
        lines = self.customer_lines()
        return set().union(*(acceptable(t.get("expect", ()), self.domain, domain) for t in lines))

    def needed_intents(self, domain: str) -> set[str]:
        """The intents of lines that need one (showing nothing for them is a miss)."""
        out: set[str] = set()
        for turn in self.customer_lines():
            allowed = acceptable(turn.get("expect", ()), self.domain, domain)
            out |= set() if "other" in allowed else allowed
        return out

    def handovers(self, domain: str) -> set[str]:
        """The hand-over reasons the call makes right for `domain`'s models."""
        lines = self.customer_lines()
        return set().union(*(handovers(t.get("expect", ()), self.domain, domain) for t in lines))


def hear_calls(
    calls: Sequence[DomainCall],
    split: str,
    assist: AssistConfig,
    conditions: Sequence[str] = CONDITIONS,
) -> list[HeardCall]:
    """Every call in every condition, whisper prompted with `assist`'s domain words (loaded
    once per language)."""
    replayers: dict[str, CallReplayer] = {}
    heard: list[HeardCall] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for labelled in calls:
            call = labelled.call
            pcm, turns = render(call)
            path = folder / f"{call.name}.wav"
            sf.write(path, pcm, RATE, subtype="PCM_16")
            for condition in conditions:
                if condition == "text":
                    finals = script_finals(call.name, call.language, turns)
                else:
                    if call.language not in replayers:
                        config = Config(language=call.language, stages=(), assist=assist)
                        replayers[call.language] = CallReplayer(config)
                    audio = path if condition == "clean" else telephony_copy(path, folder)
                    replayed = replayers[call.language].replay(Recording(call.name, audio))
                    finals = [e for e in replayed.events if isinstance(e, TranscriptFinal)]
                heard.append(
                    HeardCall(
                        call.name,
                        call.language,
                        labelled.domain,
                        split,
                        condition,
                        tuple(turns),
                        tuple(f for f in finals if f.text.strip()),
                    )
                )
    return heard


def customer_finals(call: HeardCall) -> list[TranscriptFinal]:
    """The customer's finals of a heard call, in order."""
    return [f for f in call.finals if f.speaker == CUSTOMER]
