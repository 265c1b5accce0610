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
import soxr

from copilot.affect.types import VoiceFeatures
from copilot.audio.format import PIPELINE_RATE

FRAME = 512  # 32 ms loudness window
HOP = 160  # 10 ms
# Pitch is found on the audio at 8 kHz, every other speech frame: a voice's F0 (60-400 Hz)
# sits far below 4 kHz, and median and spread need no 10 ms detail. This makes YIN about
# six times cheaper, and it runs on the event loop at every final (~40 ms -> ~6 ms for 7 s).
PITCH_RATE = 8000
PITCH_DECIMATION = PIPELINE_RATE // PITCH_RATE
PITCH_FRAME = FRAME // PITCH_DECIMATION
PITCH_STRIDE = 2
F0_MIN, F0_MAX = 60.0, 400.0
TAU_MIN = int(PITCH_RATE / F0_MAX)
TAU_MAX = int(math.ceil(PITCH_RATE / F0_MIN))
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
    x = audio.astype(np.float32) / 32768.0
    if len(x) < FRAME:
        x = np.pad(x, (0, FRAME - len(x)))
    n = 1 + (len(x) - FRAME) // HOP
    starts = HOP * np.arange(n)
    frames = x[starts[:, None] + np.arange(FRAME)[None, :]]
    power: np.ndarray = (frames**2).mean(axis=1, dtype=np.float64)  # np.mean's stub: maybe a scalar
    db = 10 * np.log10(power + 1e-12)
    floor, peak = float(np.percentile(db, 10)), float(db.max())
    # An utterance without pauses has no floor to speak of: its floor is then its own speech.
    above_floor = min(floor + ABOVE_FLOOR_DB, peak - ABOVE_FLOOR_DB)
    speech = (db > max(above_floor, peak - BELOW_PEAK_DB)) & (db > SILENCE_DBFS)
    if not speech.any():
        return FrameAnalysis(float(peak), np.zeros(0), 0.0)
    loudness = 10 * math.log10(float(np.mean(power[speech])) + 1e-12)
    f0 = yin_f0(pitch_frames(x, starts[speech][::PITCH_STRIDE]))
    return FrameAnalysis(loudness, f0[f0 > 0], float(speech.sum()) * HOP / PIPELINE_RATE)


def pitch_frames(x: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """The 8 kHz analysis frames (plus the lags YIN compares) starting at 16 kHz `starts`."""
    low = soxr.resample(x, PIPELINE_RATE, PITCH_RATE, quality="HQ")
    width = PITCH_FRAME + TAU_MAX
    low = np.pad(low, (0, width))
    return low[(starts // PITCH_DECIMATION)[:, None] + np.arange(width)[None, :]]


def yin_f0(frames: np.ndarray) -> np.ndarray:
    """F0 per frame (0 where aperiodic) by YIN's cumulative mean normalised difference."""
    if not len(frames):
        return np.zeros(0)
    head = frames[:, :PITCH_FRAME]
    size = 1 << int(math.ceil(math.log2(PITCH_FRAME + TAU_MAX + PITCH_FRAME)))
    # r(tau) = sum_j head[j] * frame[j + tau], for every tau at once
    spec = np.conj(np.fft.rfft(head, size)) * np.fft.rfft(frames, size)
    r = np.fft.irfft(spec, size)[:, : TAU_MAX + 1]
    sq = np.cumsum(np.pad(frames.astype(np.float64) ** 2, ((0, 0), (1, 0))), axis=1)
    taus = np.arange(TAU_MAX + 1)
    shifted = sq[:, taus + PITCH_FRAME] - sq[:, taus]  # energy of frame[tau : tau + FRAME]
    diff = np.maximum(shifted[:, :1] + shifted - 2 * r, 0.0)
    cum = np.cumsum(diff[:, 1:], axis=1) / taus[None, 1:]
    cmnd = np.ones_like(diff)
    cmnd[:, 1:] = diff[:, 1:] / np.maximum(cum, 1e-12)
    periods = _periods(cmnd)
    return np.where(periods > 0, PITCH_RATE / np.maximum(periods, 1e-9), 0.0)


def _periods(cmnd: np.ndarray) -> np.ndarray:
    """Per row: the first dip under the threshold (the fundamental, not an octave below),
    followed down to its bottom and refined by a parabola; 0 where a row has no period."""
    rows = np.arange(len(cmnd))
    window = cmnd[:, TAU_MIN : TAU_MAX + 1]
    below = window < YIN_THRESHOLD
    has_dip = below.any(axis=1)
    tau = np.where(has_dip, np.argmax(below, axis=1), np.argmin(window, axis=1)) + TAU_MIN
    aperiodic = ~has_dip & (cmnd[rows, tau] > YIN_APERIODIC)
    walking = has_dip.copy()
    while walking.any():  # slide to the bottom of the dip, a few lags at most
        nxt = np.minimum(tau + 1, TAU_MAX)
        walking &= (tau + 1 <= TAU_MAX) & (cmnd[rows, nxt] < cmnd[rows, tau])
        tau = tau + walking
    inner = (tau > TAU_MIN) & (tau < TAU_MAX)
    a = cmnd[rows, np.maximum(tau - 1, 0)]
    b = cmnd[rows, tau]
    c = cmnd[rows, np.minimum(tau + 1, TAU_MAX)]
    bend = a - 2 * b + c
    refine = inner & (bend > 0)
    shift = np.where(refine, 0.5 * (a - c) / np.where(refine, bend, 1.0), 0.0)
    return np.where(aperiodic, 0.0, tau + shift)


def semitones(hz: float | np.ndarray) -> float | np.ndarray:
    """Pitch in semitones re 100 Hz, so a rise counts alike for low and high voices."""
    return 12 * np.log2(np.asarray(hz) / 100.0)


class RunningBaseline:
    """Welford mean and variance of one feature for one speaker, with a population prior."""

    def __init__(self, prior: Baseline) -> None:
        self.prior = prior
        self.n = 0
        self.mean = 0.0
        self.m2 = 0.0

    def z(self, value: float) -> float:
        """`value` in sds from this speaker's mean, or the population's until they have one."""
        if self.n == 0:
            return (value - self.prior.mean) / self.prior.between_sd
        pooled = (PRIOR_WEIGHT * self.prior.within_sd**2 + self.m2) / (PRIOR_WEIGHT + self.n - 1)
        sd = max(math.sqrt(pooled), self.prior.within_sd)
        return (value - self.mean) / sd

    def add(self, value: float) -> None:
        """One more utterance's value into the running mean and variance."""
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
        """An utterance's voice features, z-scored against the leg's earlier utterances only."""
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
