"""Two speakers on one channel, turn by turn: sans-I/O, numpy over the whole recording.

Voice activity keeps the speech; 1.6 s windows slide over the speech alone every 0.25 s and
the voice encoder gives each a vector; two centroids are found (2-means on cosine); each
10 ms speech frame scores by the windows covering it (centre-weighted), and as much by
short windows (0.8 s of speech every 0.5 s, said twice to fill the encoder's 1.6 s) that
see a backchannel or the last second before an overlapping turn without the other voice
around it; a two-state Viterbi path then says who speaks, where changing speaker costs
little at a pause and much inside running speech, so a turn ends at the pause it ended at
and not where a 1.6 s window happens to tip over. Quick turns (a 0.2 s gap) and
backchannels split the way the speakers did, which majority labelling of the segmenter's
utterances (0.5 s end silence) could not.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from copilot.speakers.embedder import SpeakerEmbedder
from copilot.speakers.features import HOP, RATE, loudness_gain, mel_power
from copilot.speakers.voice_activity import runs, speech_frames

FRAME_S = HOP / RATE  # 10 ms
# A long window every 0.25 s of speech. Every 0.4 s (long and short ones alike) cost less,
# but the mixes' DER rose (mean 0.9 % to 1.2 %) and the live splitter, which learns the
# voices from 10 s of speech, put 73 % of words on the right leg instead of 85 % or more
# (tests/speakers/test_live.py).
HOP_FRAMES = 25
# Short windows: this much speech (10 ms frames), and their share of each frame's evidence.
# A 1.6 s window holds at most half of a 0.8 s backchannel, so the long windows alone gave
# backchannels and the tail of a turn the next one overlaps to the other voice (real-voice
# mixes, bench: speaker_split); the short ones alone are noisier on the espeak voices.
SHORT_FRAMES = 80
# Short windows every 0.5 s: a quarter less CPU for the separation than every 0.25 s (2.06 to
# 1.59 CPU s per audio minute) with the same words on the right leg (worst mix 91.3 %) and
# DER mean 1.05 % against 0.93 % (bench: speaker_split).
SHORT_HOP_FRAMES = 50
SHORT_WEIGHT = 0.5
# Two centroids closer than this (cosine) are one voice. Split in two, one espeak voice's
# halves sat at 0.96, two espeak voices (one engine) at 0.91-0.92 and two real voices
# lower (bench: speaker_split); a real voice in changing noise can fall below it too.
ONE_VOICE_SIMILARITY = 0.94
# Less speech than this (seconds) is not split: too few windows to tell two voices from one;
# a call is longer.
SHORTEST_TO_SPLIT_S = 10.0
# Each voice needs this much speech (seconds) to be a second speaker. One real voice split
# in two gives similarities as low as two real voices do when there is little of it (jfk.flac,
# 10 s of speech: 0.78; the five Flemish clips joined, 14 s: 0.87; two real voices in the
# mixes: 0.57-0.82), but its smaller half held 2.5-3.6 s, where each party of the mixed
# calls had 7 s or more.
MIN_VOICE_S = 4.0
# A voice's pause shorter than this (10 ms frames) with nobody else speaking stays in its
# turn, and each turn keeps this much (frames) of the silence either side: a turn is
# what a listener hears as one, not only the frames the voice activity detector kept.
BRIDGE_FRAMES = 50
EDGE_FRAMES = 10
# Less of the speech than this for the smaller cluster: a cough or a door, not a speaker.
SMALLEST_SHARE = 0.04
# A pause of at least this many 10 ms frames makes a speaker change cheap there.
PAUSE_FRAMES = 8
# Viterbi costs, in frames of typical evidence: inside running speech a change needs about
# 0.6 s of the other voice, at a pause 0.05 s.
SWITCH_IN_SPEECH = 60.0
SWITCH_AT_PAUSE = 5.0


@dataclass(frozen=True)
class SpeakerTurn:
    """A stretch of the recording given to one speaker (0 or 1), seconds."""

    speaker: int
    start: float
    end: float


@dataclass
class Diarization:
    """Who speaks when: a speaker (0, 1) per 10 ms frame, -1 where nobody does."""

    frames: np.ndarray  # int8 per 10 ms: 0, 1 or -1 (no speech)
    turns: list[SpeakerTurn]
    speakers: int  # 2, 1 (one voice heard) or 0 (no speech)
    similarity: float  # cosine of the two voices' centroids (1.0 with one voice)
    centroids: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    speech_s: dict[int, float] = field(default_factory=dict)

    def first_speaker(self) -> int:
        """The speaker of the first turn (0 without speech)."""
        return self.turns[0].speaker if self.turns else 0

    def owner_frames(self) -> np.ndarray:
        """Every 10 ms frame given to a speaker: a pause goes half to each side of it."""
        owner = self.frames.copy()
        spoken = np.flatnonzero(owner >= 0)
        if len(spoken) == 0:
            return np.zeros_like(owner)
        nearest = np.searchsorted(spoken, np.arange(len(owner)))
        before = spoken[np.clip(nearest - 1, 0, len(spoken) - 1)]
        after = spoken[np.clip(nearest, 0, len(spoken) - 1)]
        positions = np.arange(len(owner))
        use_after = np.abs(after - positions) < np.abs(positions - before)
        return np.where(use_after, owner[after], owner[before]).astype(np.int8)


def diarize(pcm: np.ndarray, embedder: SpeakerEmbedder, aggressiveness: int = 2) -> Diarization:
    """int16 mono at 16 kHz -> who speaks when (at most two speakers)."""
    voiced = speech_frames(pcm, aggressiveness)
    samples = pcm.astype(np.float32) / 32768.0
    speech = np.flatnonzero(voiced)
    frames = np.full(len(voiced), -1, dtype=np.int8)
    width = embedder.window_frames
    if len(speech) == 0:
        return Diarization(frames, [], 0, 1.0)
    spoken = np.concatenate([samples[s * HOP : e * HOP] for s, e in runs(voiced)])
    mels = mel_power(samples * loudness_gain(spoken))[: len(voiced)]
    starts = window_starts(len(speech), width)
    short = window_starts(len(speech), SHORT_FRAMES, SHORT_HOP_FRAMES)
    windows = [mels[speech[_clip(s, width, len(speech))]] for s in starts]
    windows += [mels[speech[s + np.arange(width) % min(SHORT_FRAMES, len(speech))]] for s in short]
    found = embedder.embed(np.stack(windows))  # one batch: long windows, then short ones
    vectors, short_vectors = found[: len(starts)], found[len(starts) :]
    labels, centroids = two_means(vectors)
    similarity = float(centroids[0] @ centroids[1])
    shares = np.bincount(labels, minlength=2) / len(labels)
    speech_s = len(speech) * FRAME_S
    too_short = speech_s < SHORTEST_TO_SPLIT_S or shares.min() * speech_s < MIN_VOICE_S
    if too_short or similarity >= ONE_VOICE_SIMILARITY or shares.min() < SMALLEST_SHARE:
        frames[speech] = 0
        return _finish(frames, 1, 1.0, _centroid(vectors)[None, :])
    direction = centroids[0] - centroids[1]
    evidence = (1 - SHORT_WEIGHT) * frame_evidence(
        vectors @ direction, starts, width, len(speech)
    ) + SHORT_WEIGHT * frame_evidence(
        short_vectors @ direction, short, min(SHORT_FRAMES, len(speech)), len(speech)
    )
    pause_before = np.concatenate(([True], np.diff(speech) > PAUSE_FRAMES))
    path = viterbi_two(evidence, pause_before)
    smaller = min(np.mean(path == 0), np.mean(path == 1))
    if smaller < SMALLEST_SHARE or smaller * speech_s < MIN_VOICE_S:  # smoothed away: one voice
        frames[speech] = 0
        return _finish(frames, 1, similarity, _centroid(vectors)[None, :])
    frames[speech] = path
    centroids = np.stack(
        [_centroid(vectors[_window_owner(frames[speech], starts, width) == k]) for k in (0, 1)]
    )
    return _finish(frames, 2, similarity, centroids)


def window_starts(count: int, width: int, hop: int = HOP_FRAMES) -> list[int]:
    """Window starts over `count` speech frames: every `hop`, the last one flush with the end."""
    if count <= width:
        return [0]
    starts = list(range(0, count - width + 1, hop))
    if starts[-1] != count - width:
        starts.append(count - width)
    return starts


def _clip(start: int, width: int, count: int) -> np.ndarray:
    # Short recordings repeat their speech to fill the one window the encoder takes.
    return np.arange(start, start + width) % count


def two_means(vectors: np.ndarray, rounds: int = 20) -> tuple[np.ndarray, np.ndarray]:
    """Two clusters of unit vectors by cosine: labels and the two unit centroids.

    Seeded by the vector farthest from the mean and then the one farthest from that, so the
    same recording always gives the same clusters.
    """
    if len(vectors) < 2:
        return np.zeros(len(vectors), dtype=np.int64), np.stack([_centroid(vectors)] * 2)
    first = int(np.argmin(vectors @ _centroid(vectors)))
    second = int(np.argmin(vectors @ vectors[first]))
    centroids = vectors[[first, second]]
    labels = np.zeros(len(vectors), dtype=np.int64)
    for _ in range(rounds):
        new = np.argmax(vectors @ centroids.T, axis=1)
        if _ and np.array_equal(new, labels):
            break
        labels = new
        centroids = np.stack(
            [
                _centroid(vectors[labels == k]) if np.any(labels == k) else centroids[k]
                for k in (0, 1)
            ]
        )
    return labels, centroids


def _centroid(vectors: np.ndarray) -> np.ndarray:
    if len(vectors) == 0:
        return np.zeros(0 if vectors.ndim < 2 else vectors.shape[1], dtype=np.float32)
    mean = vectors.mean(axis=0)
    return mean / max(float(np.linalg.norm(mean)), 1e-12)


def frame_evidence(scores: np.ndarray, starts: list[int], width: int, count: int) -> np.ndarray:
    """Each speech frame's mean window score, the windows' centres weighing most, scaled to ±1-ish."""
    taper = np.hanning(width + 2)[1:-1]
    total = np.zeros(count)
    weight = np.zeros(count)
    for score, start in zip(scores, starts, strict=True):
        idx = _clip(start, width, count)
        np.add.at(total, idx, score * taper)
        np.add.at(weight, idx, taper)
    evidence = total / np.maximum(weight, 1e-9)
    spread = float(np.median(np.abs(evidence))) or 1.0
    return np.clip(evidence / spread, -3.0, 3.0)


def viterbi_two(evidence: np.ndarray, pause_before: np.ndarray) -> np.ndarray:
    """The cheapest 0/1 path: state 0 likes positive evidence; changing costs per `pause_before`."""
    count = len(evidence)
    switch = np.where(pause_before, SWITCH_AT_PAUSE, SWITCH_IN_SPEECH)
    cost = np.array([-evidence[0], evidence[0]])
    back = np.zeros((count, 2), dtype=np.int8)
    for i in range(1, count):
        stay, move = cost, cost[::-1] + switch[i]
        back[i] = np.where(move < stay, 1, 0)
        cost = np.minimum(stay, move) + np.array([-evidence[i], evidence[i]])
    path = np.zeros(count, dtype=np.int8)
    path[-1] = int(np.argmin(cost))
    for i in range(count - 1, 0, -1):
        path[i - 1] = path[i] ^ back[i, path[i]]
    return path


def _window_owner(path: np.ndarray, starts: list[int], width: int) -> np.ndarray:
    """The speaker holding most of each window's frames (for the voices' centroids)."""
    return np.array([np.round(path[_clip(s, width, len(path))].mean()).astype(int) for s in starts])


def _finish(
    frames: np.ndarray, speakers: int, similarity: float, centroids: np.ndarray
) -> Diarization:
    frames = bridge_pauses(frames)
    turns = [
        SpeakerTurn(int(frames[s]), round(s * FRAME_S, 2), round(e * FRAME_S, 2))
        for s, e in _label_runs(frames)
        if frames[s] >= 0
    ]
    speech_s = {k: round(float(np.sum(frames == k)) * FRAME_S, 2) for k in range(speakers)}
    return Diarization(frames, turns, speakers, round(similarity, 3), centroids, speech_s)


def bridge_pauses(frames: np.ndarray) -> np.ndarray:
    """Short pauses inside one voice's speech filled, and a short margin of silence around
    each turn given to it (never over another voice's frames)."""
    out = frames.copy()
    bounds = _label_runs(frames)
    for start, end in bounds:
        if frames[start] >= 0:
            continue
        before = frames[start - 1] if start > 0 else -1
        after = frames[end] if end < len(frames) else -1
        if before >= 0 and before == after and end - start <= BRIDGE_FRAMES:
            out[start:end] = before
            continue
        if before >= 0:
            out[start : min(end, start + EDGE_FRAMES)] = before
        if after >= 0:
            out[max(start, end - EDGE_FRAMES) : end] = after
    return out


def _label_runs(frames: np.ndarray) -> list[tuple[int, int]]:
    changes = np.flatnonzero(np.diff(frames)) + 1
    bounds = [0, *changes.tolist(), len(frames)]
    return list(zip(bounds[:-1], bounds[1:], strict=True))
