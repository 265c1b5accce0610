"""A mono recording made into agent and customer legs, for the stereo pipeline to run as is.

Each speaker's turns go into its own leg, silence elsewhere (a pause goes half to each
side), so the segmenter, whisper and the stages see two clean legs exactly as from a
stereo file. `LegSource` says how the legs were found, for the call's metadata and the
QA report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

import numpy as np

from copilot.speakers.diarize import Diarization, diarize
from copilot.speakers.embedder import SpeakerEmbedder
from copilot.speakers.features import HOP, loudness_gain, mel_power
from copilot.speakers.naming import AgentChoice, by_greeting, by_voiceprint, choose_agent
from copilot.speakers.voice_activity import runs, speech_frames

# The greeting is looked for in each speaker's first turns: this much of their speech, from
# at most this far into the call. 5 s holds an agent's opening ("Good morning, <company>
# customer service, this is <name>"); 8 s named every mix's agent alike and cost QA replay
# a tenth of its speed on short calls (bench: speaker_split).
GREETING_SPEECH_S = 5.0
GREETING_WITHIN_S = 40.0
# Less agent speech than this on a stereo call makes no voiceprint (too little to trust).
ENROL_MIN_SPEECH_S = 5.0

# Stretches of float samples at 16 kHz -> what was said in each (one whisper batch).
Hear = Callable[[list[np.ndarray]], list[str]]


@dataclass(frozen=True)
class LegSource:
    """How a call's agent and customer legs were found (the `leg_source` of its metadata)."""

    kind: str  # "stereo" (a channel per leg), "mono" (one leg, as configured), "split_mono"
    speakers: int = 2  # voices heard (split_mono: 0, 1 or 2)
    agent_rule: str = "channel"  # voiceprint, greeting, first_speaker (+ when rules agree)
    confidence: float = 1.0
    detail: str = ""
    voice_similarity: float | None = None  # cosine of the two voices' centroids
    speech_s: dict[str, float] | None = None  # seconds of speech per leg

    def to_dict(self) -> dict:
        """Plain JSON, the fields that are set."""
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}


@dataclass(frozen=True)
class SplitCall:
    """The two legs made from one mono signal, and how."""

    agent: np.ndarray  # int16 at 16 kHz
    customer: np.ndarray
    source: LegSource
    diarization: Diarization
    agent_speaker: int | None  # the diarization's speaker that is the agent (None: no agent)


def split_mono(
    pcm: np.ndarray,
    embedder: SpeakerEmbedder,
    hear: Hear | None = None,
    voiceprint: np.ndarray | None = None,
    company_names: Sequence[str] = (),
) -> SplitCall:
    """Who speaks when, which voice is the agent's, and a leg per speaker."""
    found = diarize(pcm, embedder)
    texts = first_words(pcm, found, hear) if hear is not None else []
    greeting = by_greeting(texts, company_names)
    printed = by_voiceprint(found.centroids, voiceprint)
    choice = choose_agent([printed, greeting], found.first_speaker())
    if found.speakers < 2:
        choice = _one_voice(choice)
    owner = np.repeat(found.owner_frames(), HOP)
    owner = np.pad(owner, (0, max(0, len(pcm) - len(owner))), mode="edge")[: len(pcm)]
    agent_mask = owner == choice.agent if found.speakers else np.zeros(len(pcm), dtype=bool)
    agent = np.where(agent_mask, pcm, 0).astype(np.int16)
    customer = np.where(agent_mask, 0, pcm).astype(np.int16)
    speech = {
        "agent": found.speech_s.get(choice.agent, 0.0) if choice.agent is not None else 0.0,
        "customer": round(sum(s for k, s in found.speech_s.items() if k != choice.agent), 2),
    }
    source = LegSource(
        "split_mono",
        found.speakers,
        choice.rule,
        choice.confidence,
        choice.detail,
        found.similarity if found.speakers == 2 else None,
        speech,
    )
    return SplitCall(agent, customer, source, found, choice.agent)


def _one_voice(choice: AgentChoice) -> AgentChoice:
    # One voice: it is the agent only if a rule says so (a greeting, the voiceprint); the first
    # speaker rule means nothing here, and the call stays the customer's, as a plain mono file.
    if choice.rule == "first_speaker":
        return AgentChoice(None, "one_voice", choice.confidence)
    return choice


def first_words(pcm: np.ndarray, found: Diarization, hear: Hear) -> list[str]:
    """What each speaker says in their first turns (index = speaker), heard in one batch."""
    heard: dict[int, np.ndarray] = {}
    for speaker in range(found.speakers):
        pieces, total = [], 0.0
        for turn in found.turns:
            if turn.speaker != speaker or turn.start > GREETING_WITHIN_S:
                continue
            pieces.append(pcm[int(turn.start * 16000) : int(turn.end * 16000)])
            total += turn.end - turn.start
            if total >= GREETING_SPEECH_S:
                break
        if not pieces:
            continue
        gap = np.zeros(3200, dtype=np.int16)  # 0.2 s between turns: whisper hears a pause
        joined = np.concatenate([p for piece in pieces for p in (piece, gap)])
        heard[speaker] = joined.astype(np.float32) / 32768.0
    texts = dict(zip(heard, hear(list(heard.values())), strict=True)) if heard else {}
    return [texts.get(speaker, "") for speaker in range(found.speakers)]


def voice_vector(pcm: np.ndarray, embedder: SpeakerEmbedder) -> tuple[np.ndarray, float] | None:
    """One voice's mean vector over its speech, and the seconds of speech; None if too little."""
    voiced = speech_frames(pcm)
    spans = runs(voiced)
    speech_s = float(voiced.sum()) * HOP / 16000
    if speech_s < ENROL_MIN_SPEECH_S:
        return None
    samples = pcm.astype(np.float32) / 32768.0
    spoken = np.concatenate([samples[s * HOP : e * HOP] for s, e in spans])
    mels = mel_power(spoken * loudness_gain(spoken))
    width = embedder.window_frames
    starts = range(0, len(mels) - width + 1, width // 2)
    vectors = embedder.embed(np.stack([mels[s : s + width] for s in starts]))
    mean = vectors.mean(axis=0)
    return mean / max(float(np.linalg.norm(mean)), 1e-12), round(speech_s, 2)
