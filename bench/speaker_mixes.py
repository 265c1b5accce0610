"""Mono mixes with a known answer for the speaker_split bench: who speaks when, per 10 ms.

Synthetic: the stereo test calls of audio_fixtures/ (espeak voices, agent left, customer
right) summed to one channel; their scripts say each turn's times, and the customer's
tense turns (style uneasy or frustrated). Real: clips of different real speakers from
audio_fixtures/ (JFK, the Flemish reader, the licence reader of multilingual.mp3) cut
into phrases at their pauses and laid in turns: gaps of 0.1-0.5 s, some turns starting
0.2-0.4 s before the other ends, and short backchannels of the other voice between two
phrases of a turn (a 0.15 s gap either side), all from a fixed seed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import numpy as np

from copilot.audio.files import decode_file
from copilot.speakers.voice_activity import runs, speech_frames

from .machine import REPO

FIXTURES = REPO / "audio_fixtures"
RATE = 16_000
FRAME = 160  # 10 ms
SYNTHETIC = ("call_calm_en", "call_escalating_en", "call_calm_nl", "call_escalating_nl")
TENSE = ("uneasy", "frustrated")


@dataclass
class Mix:
    """One mono call and its answer."""

    name: str
    kind: str  # synthetic / real
    language: str
    pcm: np.ndarray  # int16 at 16 kHz
    truth: dict[str, np.ndarray]  # leg -> bool per 10 ms frame
    tense: list[tuple[float, float]] = field(default_factory=list)  # customer's tense turns
    note: str = ""


def _empty(samples: int) -> np.ndarray:
    return np.zeros(samples // FRAME + 1, dtype=bool)


def synthetic_mixes() -> list[Mix]:
    """The four scripted stereo calls summed to mono."""
    mixes = []
    for name in SYNTHETIC:
        call = decode_file(FIXTURES / f"{name}.wav")
        agent, customer = call.legs["agent"], call.legs["customer"]
        pcm = np.clip(agent.astype(np.int32) + customer, -32768, 32767).astype(np.int16)
        script = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
        truth = {"agent": _empty(len(pcm)), "customer": _empty(len(pcm))}
        tense = []
        for turn in script["turns"]:
            truth[turn["speaker"]][int(turn["start"] * 100) : int(turn["end"] * 100)] = True
            if turn["speaker"] == "customer" and turn.get("style") in TENSE:
                tense.append((turn["start"], turn["end"]))
        mixes.append(Mix(name, "synthetic", script["language"], pcm, truth, tense))
    return mixes


def phrases(pcm: np.ndarray) -> list[np.ndarray]:
    """A clip cut at its pauses (0.25 s or more) into phrases of at least 0.3 s."""
    voiced = speech_frames(pcm)
    spans: list[list[int]] = []
    for start, end in runs(voiced):
        if spans and start - spans[-1][1] < 25:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return [pcm[s * FRAME : e * FRAME] for s, e in spans if e - s >= 30]


def one_voice_pcm(name: str) -> np.ndarray:
    """A one-voice fixture's samples (int16 at 16 kHz): its first leg."""
    return next(iter(decode_file(FIXTURES / name).legs.values()))


def _voice(*names: str, seconds: tuple[float, float] | None = None) -> list[np.ndarray]:
    out = []
    for name in names:
        pcm = one_voice_pcm(name)
        if seconds is not None:
            pcm = pcm[int(seconds[0] * RATE) : int(seconds[1] * RATE)]
        out += phrases(pcm)
    return out


def _long_phrases(items: list[np.ndarray], longest: float = 5.0) -> list[np.ndarray]:
    """Phrases over `longest` seconds halved at their quietest 10 ms frame near the middle."""
    out = []
    for p in items:
        while len(p) > longest * RATE:
            mid = len(p) // 2
            window = p[mid - RATE // 2 : mid + RATE // 2].astype(np.float32) ** 2
            energy = window[: len(window) // FRAME * FRAME].reshape(-1, FRAME).mean(axis=1)
            cut = mid - RATE // 2 + int(np.argmin(energy)) * FRAME
            out.append(p[:cut])
            p = p[cut:]
        out.append(p)
    return out


def _lay(
    name: str, language: str, agent: list[np.ndarray], customer: list[np.ndarray], seed: int
) -> Mix:
    """Agent and customer phrases laid in turns (1-2 phrases each), with quick gaps,
    overlaps and backchannels; the agent opens the call."""
    rng = np.random.default_rng(seed)
    pieces: list[tuple[str, int, np.ndarray]] = []  # (leg, start sample, audio)
    t = int(0.5 * RATE)
    queues = {"agent": list(agent), "customer": list(customer)}
    leg = "agent"
    while queues["agent"] and queues["customer"]:
        other = "customer" if leg == "agent" else "agent"
        for i in range(int(rng.integers(1, 3))):
            if not queues[leg]:
                break
            if i and len(queues[other]) > 1 and rng.random() < 0.4:
                short = queues[other].pop(int(np.argmin([len(p) for p in queues[other]])))[
                    : int(0.8 * RATE)
                ]
                t += int(0.15 * RATE)
                pieces.append((other, t, short))  # a backchannel between two phrases
                t += len(short) + int(0.15 * RATE)
            phrase = queues[leg].pop(0)
            pieces.append((leg, t, phrase))
            t += len(phrase) + int(0.25 * RATE)
        t -= int(0.25 * RATE)
        if rng.random() < 0.25:
            t -= int(rng.uniform(0.2, 0.4) * RATE)  # the next turn starts before this one ends
        else:
            t += int(rng.uniform(0.1, 0.5) * RATE)
        leg = other
    total = max(start + len(audio) for _, start, audio in pieces) + RATE // 2
    mixed = np.zeros(total, dtype=np.int32)
    truth = {"agent": _empty(total), "customer": _empty(total)}
    for piece_leg, start, audio in pieces:
        mixed[start : start + len(audio)] += audio
        truth[piece_leg][start // FRAME : (start + len(audio)) // FRAME] = True
    pcm = np.clip(mixed, -32768, 32767).astype(np.int16)
    return Mix(name, "real", language, pcm, truth, note="")


def real_mixes() -> list[Mix]:
    """Three calls of two real voices each (the only distinct real speakers shipped)."""
    jfk = _long_phrases(_voice("jfk.flac"))
    flemish = _long_phrases(
        _voice("vl00203.wav", "vl04108.wav", "vl09647.wav", "vl12745.wav", "vl14994.wav")
    )
    licence_en = _long_phrases(_voice("multilingual.mp3", seconds=(0.0, 32.0)))
    licence_de = _long_phrases(_voice("multilingual.mp3", seconds=(32.0, 60.0)))
    mixes = [
        _lay("real_en_licence_jfk", "en", licence_en, jfk, seed=1),
        _lay("real_nl_flemish_jfk", "nl", flemish, jfk, seed=2),
        _lay("real_nl_flemish_licence_de", "nl", flemish, licence_de, seed=3),
    ]
    mixes[0].note = "agent: multilingual.mp3's English reader; customer: JFK"
    mixes[1].note = "agent: the Flemish reader (vl*.wav); customer: JFK (English)"
    mixes[2].note = "agent: the Flemish reader; customer: multilingual.mp3's German reader"
    return mixes
