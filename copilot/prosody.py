"""Voice features per utterance, against the speaker's own baseline in this call.

Sans-I/O and numpy only: hand it an utterance's PCM16 at 16 kHz and get loudness,
pitch, pitch variability, speaking rate, the pause before and the overlap with the
other leg, raw and as z-scores. A caller is compared with themselves, not with a
population: a naturally loud voice is not an angry one. Until a speaker has a
baseline, wide population defaults keep their z-scores near 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .affect_types import VoiceFeatures
from .legs import PIPELINE_RATE

FRAME = 512  # 32 ms analysis window: two periods of a 60 Hz voice
HOP = 160  # 10 ms
F0_MIN, F0_MAX = 60.0, 400.0
TAU_MIN = int(PIPELINE_RATE / F0_MAX)
TAU_MAX = int(math.ceil(PIPELINE_RATE / F0_MIN))
# YIN: a dip of the normalised difference below this is a period; above APERIODIC there is none.
YIN_THRESHOLD = 0.15
YIN_APERIODIC = 0.35
# A frame is speech when it stands this far above the utterance's noise floor and near its peak.
ABOVE_FLOOR_DB = 12.0
BELOW_PEAK_DB = 35.0
SILENCE_DBFS = -60.0


@dataclass(frozen=True)
class Baseline:
    """Population default for a feature: where a voice usually sits and how far a voice moves."""

    mean: float
    between_sd: float  # across speakers: used before the speaker has any baseline
    within_sd: float  # one speaker across utterances: prior and floor for the running sd


# Pitch is compared in semitones (re 100 Hz): a step up sounds alike for low and high voices.
# Its population spread is infinite on purpose: across speakers pitch says man or woman, not
# agitation, so pitch z stays 0 until the caller has a baseline of their own. Words per second
# swings with numbers and names ("PX-48213" is one word, spoken as eight), hence its wide sd.
POPULATION = {
    "loudness": Baseline(-24.0, 6.0, 2.0),
    "pitch": Baseline(6.0, math.inf, 1.2),
    "pitch_variability": Baseline(2.5, 1.5, 0.6),
    "rate": Baseline(3.0, 1.0, 0.6),
}
PRIOR_WEIGHT = 2.0  # pseudo-utterances of within_sd, so one odd utterance does not set the sd


@dataclass(frozen=True)
class FrameAnalysis:
    """What the frames of one utterance say, before any baseline."""

    loudness_db: float
    f0: np.ndarray  # Hz, voiced frames only
    speech_s: float


def analyse(audio: np.ndarray) -> FrameAnalysis:
    """Loudness of the speech frames and F0 of the voiced ones, for int16 audio at 16 kHz."""
    x = audio.astype(np.float64) / 32768.0
    if len(x) < FRAME + TAU_MAX:
        x = np.pad(x, (0, FRAME + TAU_MAX - len(x)))
    n = 1 + (len(x) - FRAME - TAU_MAX) // HOP
    index = np.arange(FRAME + TAU_MAX)[None, :] + HOP * np.arange(n)[:, None]
    frames = x[index]
    power = np.mean(frames[:, :FRAME] ** 2, axis=1)
    db = 10 * np.log10(power + 1e-12)
    floor, peak = float(np.percentile(db, 10)), float(db.max())
    # An utterance without pauses has no floor to speak of: its floor is then its own speech.
    above_floor = min(floor + ABOVE_FLOOR_DB, peak - ABOVE_FLOOR_DB)
    speech = (db > max(above_floor, peak - BELOW_PEAK_DB)) & (db > SILENCE_DBFS)
    if not speech.any():
        return FrameAnalysis(float(peak), np.zeros(0), 0.0)
    loudness = 10 * math.log10(float(np.mean(power[speech])) + 1e-12)
    f0 = yin_f0(frames[speech])
    return FrameAnalysis(loudness, f0[f0 > 0], float(speech.sum()) * HOP / PIPELINE_RATE)


def yin_f0(frames: np.ndarray) -> np.ndarray:
    """F0 per frame (0 where aperiodic) by YIN's cumulative mean normalised difference."""
    head = frames[:, :FRAME]
    size = 1 << int(math.ceil(math.log2(FRAME + TAU_MAX + FRAME)))
    # r(tau) = sum_j head[j] * frame[j + tau], for every tau at once
    spec = np.conj(np.fft.rfft(head, size)) * np.fft.rfft(frames, size)
    r = np.fft.irfft(spec, size)[:, : TAU_MAX + 1]
    sq = np.cumsum(np.pad(frames**2, ((0, 0), (1, 0))), axis=1)
    taus = np.arange(TAU_MAX + 1)
    shifted = sq[:, taus + FRAME] - sq[:, taus]  # energy of frame[tau : tau + FRAME]
    diff = np.maximum(shifted[:, :1] + shifted - 2 * r, 0.0)
    cum = np.cumsum(diff[:, 1:], axis=1) / taus[None, 1:]
    cmnd = np.ones_like(diff)
    cmnd[:, 1:] = diff[:, 1:] / np.maximum(cum, 1e-12)
    f0 = np.zeros(len(frames))
    for i, row in enumerate(cmnd):
        tau = _period(row)
        if tau:
            f0[i] = PIPELINE_RATE / tau
    return f0


def _period(cmnd: np.ndarray) -> float:
    """The first dip under the threshold (the fundamental, not an octave below), refined."""
    window = cmnd[TAU_MIN : TAU_MAX + 1]
    below = np.flatnonzero(window < YIN_THRESHOLD)
    if len(below):
        tau = int(below[0]) + TAU_MIN
        while tau + 1 <= TAU_MAX and cmnd[tau + 1] < cmnd[tau]:
            tau += 1
    else:
        tau = int(np.argmin(window)) + TAU_MIN
        if cmnd[tau] > YIN_APERIODIC:
            return 0.0
    if TAU_MIN < tau < TAU_MAX:
        a, b, c = cmnd[tau - 1], cmnd[tau], cmnd[tau + 1]
        bend = a - 2 * b + c
        if bend > 0:
            return tau + 0.5 * (a - c) / bend
    return float(tau)


def semitones(hz: float | np.ndarray) -> float | np.ndarray:
    return 12 * np.log2(np.asarray(hz) / 100.0)


class RunningBaseline:
    """Welford mean and variance of one feature for one speaker, with a population prior."""

    def __init__(self, prior: Baseline) -> None:
        self.prior = prior
        self.n = 0
        self.mean = 0.0
        self.m2 = 0.0

    def z(self, value: float) -> float:
        if self.n == 0:
            return (value - self.prior.mean) / self.prior.between_sd
        pooled = (PRIOR_WEIGHT * self.prior.within_sd**2 + self.m2) / (PRIOR_WEIGHT + self.n - 1)
        sd = max(math.sqrt(pooled), self.prior.within_sd)
        return (value - self.mean) / sd

    def add(self, value: float) -> None:
        self.n += 1
        delta = value - self.mean
        self.mean += delta / self.n
        self.m2 += delta * (value - self.mean)


class VoiceFeatureExtractor:
    """One call: per-leg baselines, utterance intervals for pauses and overlap."""

    def __init__(self) -> None:
        self._baselines: dict[str, dict[str, RunningBaseline]] = {}
        self._intervals: dict[str, list[tuple[float, float]]] = {}
        self._last_end: dict[str, float] = {}

    def baseline_size(self, leg: str) -> int:
        """How many of this leg's utterances its loudness baseline holds."""
        baselines = self._baselines.get(leg)
        return baselines["loudness"].n if baselines else 0

    def note_utterance(self, leg: str, start: float, end: float) -> None:
        """A finished utterance on `leg` (also one whose text came back empty).

        Only finished utterances count as overlap: a `speech.started` may be a click the
        segmenter later drops without a word, and its open interval would read as interrupting.
        """
        spans = self._intervals.setdefault(leg, [])
        if (start, end) not in spans:
            spans.append((start, end))

    def features(
        self, leg: str, audio: np.ndarray, start: float, end: float, words: int
    ) -> VoiceFeatures:
        self.note_utterance(leg, start, end)
        frames = analyse(audio)
        pitch = float(np.median(frames.f0)) if len(frames.f0) else 0.0
        variability = float(np.std(semitones(frames.f0))) if len(frames.f0) > 2 else 0.0
        rate = words / frames.speech_s if frames.speech_s > 0 else 0.0
        pause = start - self._last_end[leg] if leg in self._last_end else 0.0
        self._last_end[leg] = max(end, self._last_end.get(leg, end))
        raw = {"loudness": frames.loudness_db, "rate": rate}
        if pitch > 0:
            raw["pitch"] = float(semitones(pitch))
            raw["pitch_variability"] = variability
        if words < 2:
            raw.pop("rate")  # "yes." has no tempo worth a baseline
        z = self._z_then_learn(leg, raw)
        return VoiceFeatures(
            loudness_db=round(frames.loudness_db, 2),
            pitch_hz=round(pitch, 1),
            pitch_variability=round(variability, 2),
            speaking_rate=round(rate, 2),
            pause_before_s=round(max(pause, 0.0), 3),
            overlap_s=round(self._overlap(leg, start, end), 3),
            z={k: round(v, 2) + 0.0 for k, v in z.items()},  # + 0.0: no "-0.0" in JSON
        )

    def _z_then_learn(self, leg: str, raw: dict[str, float]) -> dict[str, float]:
        # z against the baseline *before* this utterance, so a shout is measured, not absorbed.
        baselines = self._baselines.setdefault(
            leg, {name: RunningBaseline(prior) for name, prior in POPULATION.items()}
        )
        z = {}
        for name, value in raw.items():
            z[name] = baselines[name].z(value)
            baselines[name].add(value)
        return z

    def _overlap(self, leg: str, start: float, end: float) -> float:
        total = 0.0
        for other, spans in self._intervals.items():
            if other != leg:
                total += sum(max(0.0, min(end, e) - max(start, s)) for s, e in spans)
        return total
