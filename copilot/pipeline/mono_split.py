"""Which legs a decoded recording gives the pipeline, and how they were found.

A stereo file is a leg per channel; a mono file is one leg (`mono_leg`), or with
`mono_leg = "split"` two legs made by `speakers.split`: whisper hears each voice's first
turns for the greeting, the agent's voiceprint (if the call names its agent) is compared,
and the call then runs through the stereo pipeline unchanged. Stereo calls that name their
agent add to that agent's voiceprint. The voice encoder loads once per process, on the
first mono call to split.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from copilot.asr.transcriber import TranscriptionRequest, WhisperTranscriber
from copilot.audio.files import DecodedCall
from copilot.audio.format import AGENT, CUSTOMER, SPLIT
from copilot.speakers.embedder import OnnxVoiceEncoder, SpeakerEmbedder
from copilot.speakers.split import LegSource, split_mono, voice_vector
from copilot.speakers.voiceprints import VoiceprintStore

TranscriberFor = Callable[[str | None], WhisperTranscriber]


class LegMaker:
    """Turns decoded recordings into the pipeline's legs; one per process, over its calls."""

    def __init__(
        self,
        mono_leg: str,
        voiceprints: str = "",
        company_names: Sequence[str] = (),
        embedder: SpeakerEmbedder | None = None,
    ) -> None:
        self.mono_leg = mono_leg
        self.store = VoiceprintStore(voiceprints) if voiceprints else None
        self.company_names = tuple(company_names)
        self._embedder = embedder

    @property
    def embedder(self) -> SpeakerEmbedder:
        """The voice encoder, loaded on first use."""
        if self._embedder is None:
            self._embedder = OnnxVoiceEncoder()
        return self._embedder

    def legs(
        self,
        call: DecodedCall,
        transcriber_for: TranscriberFor | None = None,
        language: str | None = None,
        agent_id: str = "",
    ) -> tuple[DecodedCall, LegSource]:
        """The call as the pipeline takes it, and how its legs were found."""
        if len(call.legs) == 2:
            self._enrol(call, agent_id)
            return call, LegSource("stereo")
        if self.mono_leg != SPLIT:
            leg = next(iter(call.legs))
            return call, LegSource("mono", 1, "mono_leg", 1.0, leg)
        pcm = next(iter(call.legs.values()))
        hear = hearing(transcriber_for, language) if transcriber_for is not None else None
        known = self.store.get(agent_id) if self.store is not None and agent_id else None
        split = split_mono(
            pcm, self.embedder, hear, known.vector if known else None, self.company_names
        )
        legs = {AGENT: split.agent, CUSTOMER: split.customer}
        return DecodedCall(
            legs, call.source_rate, call.source_channels, call.source_format
        ), split.source

    def _enrol(self, call: DecodedCall, agent_id: str) -> None:
        if self.store is None or not agent_id or AGENT not in call.legs:
            return
        found = voice_vector(call.legs[AGENT], self.embedder)
        if found is not None:
            self.store.enrol(agent_id, *found)


def hearing(
    transcriber_for: TranscriberFor, language: str | None
) -> Callable[[list[np.ndarray]], list[str]]:
    """What whisper hears in stretches of audio, all in one batch (the greeting rule's ears)."""
    spoken = None if language in (None, "auto") else language

    def hear(audios: list[np.ndarray]) -> list[str]:
        requests = [TranscriptionRequest(a, spoken, word_timestamps=False) for a in audios]
        return [r.text for r in transcriber_for(spoken).transcribe_batch(requests)]

    return hear


def agent_id_of(recording: str | Path) -> str:
    """The `agent_id` in `<name>.meta.json` beside a recording ("" if none)."""
    import json

    meta = Path(recording).with_name(Path(recording).stem + ".meta.json")
    if not meta.is_file():
        return ""
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return ""
    return str(data.get("agent_id") or "") if isinstance(data, dict) else ""
