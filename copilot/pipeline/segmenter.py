"""Cut one leg's audio into utterances with webrtcvad endpointing.

Sans-I/O: feed PCM16 samples at 16 kHz, get `UtteranceStarted` and
`UtteranceAudio` items back. An utterance starts after a few voiced frames
(with some pre-roll so the first syllable is kept), grows while speech goes on,
and ends after `end_silence_ms` of silence or at `max_utterance_s`. While it
grows, a partial `UtteranceAudio` is offered every `partial_every_s` of new
speech so the transcriber can show text before the speaker is done.

Once the speaker has been silent for `speculate_after_ms` (less than the
`end_silence_ms` that closes the utterance), a *speculative* `UtteranceAudio`
carries exactly the audio the final would carry if the silence holds. The
transcriber can start on it while the segmenter is still waiting, so most of
whisper's time hides inside the end-of-utterance silence.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np
import webrtcvad

from copilot.audio.format import PIPELINE_RATE
from copilot.pipeline.settings import SegmenterConfig

# Where an over-long utterance is cut: the quietest frame of its last stretch.
SPLIT_SEARCH_MS = 1500


@dataclass(frozen=True)
class UtteranceStarted:
    """Speech began on a leg: the new utterance's id and start (pre-roll included)."""

    leg: str
    utterance_id: str
    start: float


@dataclass(frozen=True)
class UtteranceAudio:
    """Audio of an utterance so far (`final=False`) or complete (`final=True`).

    `speculative` marks a not-yet-final offer made during the closing silence: if
    the utterance then closes without new speech, its final has the same `end`
    and the same audio.
    """

    leg: str
    utterance_id: str
    start: float
    end: float
    audio: np.ndarray  # int16 at PIPELINE_RATE
    final: bool
    speculative: bool = False


SegmenterOutput = UtteranceStarted | UtteranceAudio


class UtteranceSegmenter:
    """One leg's voice activity endpointing: 16 kHz PCM16 in, utterance items out."""

    def __init__(self, leg: str, config: SegmenterConfig | None = None) -> None:
        self.leg = leg
        self.config = config or SegmenterConfig()
        self._vad = webrtcvad.Vad(self.config.aggressiveness)
        self._frame_len = PIPELINE_RATE * self.config.frame_ms // 1000
        self._pending = np.zeros(0, dtype=np.int16)
        self._frames_seen = 0
        self._pre_roll: deque[np.ndarray] = deque(maxlen=self._frames(self.config.pre_roll_ms))
        self._voiced_run = 0
        self._count = 0
        self._reset_utterance()

    def _frames(self, ms: float) -> int:
        return max(1, int(round(ms / self.config.frame_ms)))

    def _reset_utterance(self) -> None:
        self._active_id: str | None = None
        self._chunks: list[np.ndarray] = []
        self._start = 0.0
        self._voiced_frames = 0
        self._silence_run = 0
        self._last_voiced_end = 0.0
        self._partial_at = 0.0
        self._partials_offered = 0  # in the open utterance

    @property
    def in_utterance(self) -> bool:
        """Whether an utterance is open (speech started and not yet closed)."""
        return self._active_id is not None

    @property
    def position(self) -> float:
        """Seconds of audio consumed so far."""
        return (self._frames_seen * self._frame_len + len(self._pending)) / PIPELINE_RATE

    def feed(self, samples: np.ndarray) -> list[SegmenterOutput]:
        """Any number of samples in; what their whole frames started, offered or closed out."""
        if samples.dtype != np.int16:
            raise TypeError("the segmenter takes int16 PCM")
        buffered = np.concatenate([self._pending, samples]) if len(self._pending) else samples
        n_frames = len(buffered) // self._frame_len
        out: list[SegmenterOutput] = []
        for i in range(n_frames):
            frame = buffered[i * self._frame_len : (i + 1) * self._frame_len]
            out.extend(self._on_frame(frame))
        self._pending = buffered[n_frames * self._frame_len :].copy()
        return out

    def flush(self) -> list[SegmenterOutput]:
        """End of stream: close any utterance still open (a hang-up mid-sentence keeps its words)."""
        out: list[SegmenterOutput] = []
        if self.in_utterance:
            if len(self._pending):
                self._chunks.append(self._pending)
            out.extend(self._close())
        self._pending = np.zeros(0, dtype=np.int16)
        return out

    def _on_frame(self, frame: np.ndarray) -> list[SegmenterOutput]:
        frame_start = self._frames_seen * self._frame_len / PIPELINE_RATE
        self._frames_seen += 1
        frame_end = frame_start + self.config.frame_ms / 1000
        voiced = self._vad.is_speech(frame.tobytes(), PIPELINE_RATE)
        if not self.in_utterance:
            return self._idle(frame, voiced, frame_end)
        return self._speaking(frame, voiced, frame_end)

    def _idle(self, frame: np.ndarray, voiced: bool, frame_end: float) -> list[SegmenterOutput]:
        self._pre_roll.append(frame)
        self._voiced_run = self._voiced_run + 1 if voiced else 0
        if self._voiced_run < self._frames(self.config.start_voiced_ms):
            return []
        self._count += 1
        self._active_id = f"{self.leg}-{self._count}"
        self._chunks = list(self._pre_roll)
        self._pre_roll.clear()
        self._start = frame_end - len(self._chunks) * self.config.frame_ms / 1000
        self._voiced_frames = self._voiced_run
        self._last_voiced_end = frame_end
        self._partial_at = frame_end
        self._partials_offered = 0
        return [UtteranceStarted(self.leg, self._active_id, round(self._start, 3))]

    def _speaking(self, frame: np.ndarray, voiced: bool, frame_end: float) -> list[SegmenterOutput]:
        self._chunks.append(frame)
        if voiced:
            self._voiced_frames += 1
            self._silence_run = 0
            self._last_voiced_end = frame_end
        else:
            self._silence_run += 1
        cfg = self.config
        if self._silence_run >= self._frames(cfg.end_silence_ms):
            return self._close()
        if (
            cfg.speculate_after_ms
            and self._silence_run == self._frames(cfg.speculate_after_ms)
            and self._voiced_frames >= self._frames(cfg.min_speech_ms)
        ):
            return [self._utterance_audio(final=False, speculative=True)]
        if frame_end - self._start >= cfg.max_utterance_s:
            # The speaker has not stopped: cut at the quietest recent frame, not mid-word.
            return self._split_long_utterance()
        every = cfg.partial_every_s if self._partials_offered else cfg.first_partial_after_s
        if voiced and frame_end - self._partial_at >= every:
            self._partial_at = frame_end
            self._partials_offered += 1
            return [self._utterance_audio(final=False)]
        return []

    def _utterance_audio(self, final: bool, speculative: bool = False) -> UtteranceAudio:
        audio = np.concatenate(self._chunks) if self._chunks else np.zeros(0, dtype=np.int16)
        end = self._last_voiced_end
        keep = int((end - self._start + self.config.tail_keep_ms / 1000) * PIPELINE_RATE)
        return UtteranceAudio(
            self.leg,
            self._active_id or "",
            round(self._start, 3),
            round(end, 3),
            audio[:keep],
            final,
            speculative,
        )

    def _close(self) -> list[SegmenterOutput]:
        out: list[SegmenterOutput] = []
        utterance_id = self._active_id
        if self._voiced_frames >= self._frames(self.config.min_speech_ms):
            out.append(self._utterance_audio(final=True))
        elif utterance_id is not None:
            # Too short to be speech: close it with no audio so listeners can drop it.
            empty = np.zeros(0, np.int16)
            out.append(
                UtteranceAudio(self.leg, utterance_id, self._start, self._start, empty, True)
            )
        self._reset_utterance()
        self._voiced_run = 0
        return out

    def _split_long_utterance(self) -> list[SegmenterOutput]:
        frame_s = self.config.frame_ms / 1000
        search = min(len(self._chunks) - 1, self._frames(SPLIT_SEARCH_MS))
        energies = [float(np.mean(c.astype(np.float32) ** 2)) for c in self._chunks[-search:]]
        cut = len(self._chunks) - search + int(np.argmin(energies)) + 1
        carried = self._chunks[cut:]
        cut_time = self._start + cut * frame_s
        self._chunks = self._chunks[:cut]
        self._last_voiced_end = min(self._last_voiced_end, cut_time)
        out = self._close()
        self._count += 1
        self._active_id = f"{self.leg}-{self._count}"
        self._chunks = carried
        self._start = cut_time
        self._voiced_frames = len(carried)
        self._last_voiced_end = cut_time + len(carried) * frame_s
        self._partial_at = self._last_voiced_end
        self._partials_offered = 0
        out.append(UtteranceStarted(self.leg, self._active_id, round(cut_time, 3)))
        return out
