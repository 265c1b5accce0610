"""Two voices on one live stream: learnt once, then each new stretch given to one of them.

Sans-I/O: `feed(pcm)` takes 16 kHz audio as it comes and returns the pieces the two legs
get (a piece for one leg and silence of the same length for the other, so both legs'
segmenters see time pass). Until enough speech has been heard to tell the voices apart
(`ENROL_SPEECH_S`) the audio is held; then the held audio is split as a recording is
(`diarize`), and from then on every 0.25 s block is given to the voice that a 1.6 s
window of the speech around it is closest to (looking 0.8 s ahead, so the legs run that
much behind the line). Changing voice needs a clear margin, so a voice does not flicker.
The result says when the voices were learnt: what was held until then was labelled then.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from copilot.audio.format import AGENT, CUSTOMER
from copilot.speakers.diarize import Diarization, diarize
from copilot.speakers.embedder import SpeakerEmbedder
from copilot.speakers.features import HOP, RATE, loudness_gain, mel_power
from copilot.speakers.naming import AgentChoice, by_voiceprint, choose_agent
from copilot.speakers.voice_activity import speech_frames

ENROL_SPEECH_S = 10.0  # speech heard before the voices are learnt
ENROL_GIVE_UP_S = 45.0  # audio after which one voice is all there is (so far)
RETRY = 2 * RATE  # while only one voice is heard, look again after this much more audio
BLOCK = RATE // 4  # 0.25 s given to one voice at a time
LOOKAHEAD = int(0.8 * RATE)
CONTEXT = int(2.5 * RATE)  # audio searched for the window's 1.6 s of speech
LEAST_SPEECH_FRAMES = 80  # below 0.8 s of speech in the context: no new evidence
# A new voice takes over when the window is this much closer to it (cosine difference).
SWITCH_MARGIN = 0.04


@dataclass(frozen=True)
class LegPiece:
    """Audio for one leg starting `t` seconds into the call."""

    leg: str
    samples: np.ndarray
    t: float


@dataclass(frozen=True)
class VoicesLearnt:
    """The voices were told apart after `at` seconds; audio before it was held till then."""

    at: float
    speakers: int
    agent_rule: str
    confidence: float
    voice_similarity: float | None


class LiveSplitter:
    """One live call's mixed stream made into agent and customer pieces."""

    def __init__(self, embedder: SpeakerEmbedder, voiceprint: np.ndarray | None = None) -> None:
        self.embedder = embedder
        self.voiceprint = voiceprint
        self._audio = np.zeros(0, dtype=np.int16)  # from sample `_base` of the call on
        self._base = 0
        self._given = 0  # samples of the call handed to the legs
        self._voiced_s = 0.0
        self._checked = 0  # samples already run through voice activity while enrolling
        self._next_try = 0  # audio length at which to try telling the voices apart again
        self._centroids: np.ndarray | None = None
        self._agent: int | None = None
        self._current = 0

    @property
    def learnt(self) -> bool:
        """Whether the voices have been learnt (audio now flows with a short lag)."""
        return self._centroids is not None

    def feed(self, pcm: np.ndarray) -> tuple[list[LegPiece], VoicesLearnt | None]:
        """New audio in; the pieces ready for the legs, and the news of learning the voices."""
        self._audio = np.concatenate([self._audio, pcm.astype(np.int16, copy=False)])
        if not self.learnt:
            return self._enrol(final=False)
        return self._assign(final=False), None

    def flush(self) -> tuple[list[LegPiece], VoicesLearnt | None]:
        """The call ended: everything held goes out (learnt from what there is, if need be)."""
        news = None
        pieces: list[LegPiece] = []
        if not self.learnt:
            pieces, news = self._enrol(final=True)
        return pieces + self._assign(final=True), news

    def _enrol(self, final: bool) -> tuple[list[LegPiece], VoicesLearnt | None]:
        # Voice activity a second at a time (30 ms frames): a click is only told from speech
        # in a stretch longer than one frame.
        end = len(self._audio) - (len(self._audio) - self._checked) % (3 * HOP)
        if end - self._checked >= 32 * 3 * HOP or (final and end > self._checked):
            self._voiced_s += (
                float(speech_frames(self._audio[self._checked : end]).sum()) * HOP / RATE
            )
            self._checked = end
        heard = len(self._audio) / RATE
        if not final and (self._voiced_s < ENROL_SPEECH_S or len(self._audio) < self._next_try):
            return [], None
        found = diarize(self._audio, self.embedder)
        if found.speakers < 2 and not final and heard < ENROL_GIVE_UP_S:
            self._next_try = len(self._audio) + RETRY
            return [], None
        choice = choose_agent(
            [by_voiceprint(found.centroids, self.voiceprint)], found.first_speaker()
        )
        if found.speakers < 2 and choice.rule == "first_speaker":
            choice = AgentChoice(None, "one_voice", choice.confidence)
        self._centroids, self._agent = found.centroids, choice.agent
        pieces = self._held_pieces(found)
        news = VoicesLearnt(
            round(heard, 2),
            found.speakers,
            choice.rule,
            choice.confidence,
            found.similarity if found.speakers == 2 else None,
        )
        return pieces, news

    def _held_pieces(self, found: Diarization) -> list[LegPiece]:
        owner = np.repeat(found.owner_frames(), HOP)
        owner = np.pad(owner, (0, max(0, len(self._audio) - len(owner))), mode="edge")
        owner = owner[: len(self._audio)] if len(owner) else np.zeros(len(self._audio), np.int8)
        pieces = []
        bounds = [0, *(np.flatnonzero(np.diff(owner)) + 1).tolist(), len(self._audio)]
        for start, end in zip(bounds[:-1], bounds[1:], strict=True):
            if end > start:
                pieces += self._pieces(int(owner[start]), start, end)
        self._current = int(owner[-1]) if len(owner) else 0
        self._given = self._base + len(self._audio)
        return pieces

    def _assign(self, final: bool) -> list[LegPiece]:
        pieces = []
        available = self._base + len(self._audio)
        while self._given + BLOCK + (0 if final else LOOKAHEAD) <= available or (
            final and self._given < available
        ):
            end = min(self._given + BLOCK, available)
            self._current = self._voice_at(end)
            pieces += self._pieces(self._current, self._given - self._base, end - self._base)
            self._given = end
        keep = max(0, self._given - self._base - CONTEXT)  # the context the next window needs
        self._audio, self._base = self._audio[keep:], self._base + keep
        return pieces

    def _voice_at(self, block_end: int) -> int:
        if self._centroids is None or len(self._centroids) < 2:
            return self._current
        stop = min(block_end + LOOKAHEAD, self._base + len(self._audio)) - self._base
        context = self._audio[max(0, stop - CONTEXT) : stop]
        voiced = speech_frames(context)
        width = self.embedder.window_frames
        if voiced.sum() < LEAST_SPEECH_FRAMES:
            return self._current
        samples = context.astype(np.float32) / 32768.0
        spoken = np.repeat(voiced, HOP)
        mels = mel_power(samples * loudness_gain(samples[: len(spoken)][spoken]))[: len(voiced)]
        speech = mels[voiced][-width:]
        if len(speech) < width:
            speech = np.concatenate([speech] * (width // len(speech) + 1))[-width:]
        vector = self.embedder.embed(speech[None])[0]
        closeness = self._centroids @ vector
        best = int(np.argmax(closeness))
        if best != self._current and closeness[best] - closeness[self._current] >= SWITCH_MARGIN:
            return best
        return self._current

    def _pieces(self, speaker: int, start: int, end: int) -> list[LegPiece]:
        audio = self._audio[start:end]
        leg = AGENT if speaker == self._agent else CUSTOMER
        other = CUSTOMER if leg == AGENT else AGENT
        t = (self._base + start) / RATE
        return [LegPiece(leg, audio.copy(), t), LegPiece(other, np.zeros_like(audio), t)]
