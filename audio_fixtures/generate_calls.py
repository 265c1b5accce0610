"""Synthesise the test calls in audio_fixtures/ with espeak-ng.

    python audio_fixtures/generate_calls.py [--out DIR]

Each call is a 16 kHz PCM16 WAV plus a `<name>.json` sidecar with the turn timings, the
texts and the labels that later tests expect (see README.md in this folder). Calls are
stereo with the agent on the LEFT channel and the customer on the RIGHT, like a
dual-channel contact-centre recording; the `voice_*` files are mono, one customer.

The output is deterministic for a given espeak-ng build: gaps and the noise floor come
from a seeded generator, and espeak itself has no randomness. A different espeak-ng
version may pronounce words slightly differently, so the sidecar records the version.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf
import soxr

RATE = 16_000
HERE = Path(__file__).resolve().parent

# espeak pads each utterance with digital silence (and soxr adds faint ringing to it);
# -50 dBFS is far below its quietest consonant, so start/end land on the speech itself.
TRIM_THRESHOLD = 10 ** (-50 / 20)

# A live phone leg is never digitally silent; a -66 dBFS hiss keeps segmenters honest
# while staying far below speech (about -20 dBFS) and below the crosstalk check.
NOISE_FLOOR_RMS = 10 ** (-66 / 20)
CROSSTALK_LIMIT_DBFS = -55.0

GAP_RANGE_S = (0.6, 1.2)  # silence between turns: a natural hand-over, no overlap
LEAD_IN_S = 0.5
TAIL_S = 0.6


# Same leg names as copilot.audio.format; kept literal so this script runs without the package.
AGENT, CUSTOMER = "agent", "customer"


@dataclass(frozen=True)
class Voice:
    """espeak-ng settings: voice+variant, speed (words/min), base pitch 0-99, amplitude 0-200."""

    name: str
    speed: int
    pitch: int = 50
    amplitude: int = 100

    def as_dict(self) -> dict:
        return {
            "voice": self.name,
            "speed": self.speed,
            "pitch": self.pitch,
            "amplitude": self.amplitude,
        }


@dataclass(frozen=True)
class Line:
    speaker: str  # "agent" | "customer"
    text: str
    expect: tuple[str, ...] = ()  # labels for later tests; customer lines only

    @property
    def style(self) -> str:
        """Customer prosody follows the labels, so the audio cannot contradict them."""
        if "calm" in self.expect:
            return "calm"
        if {"manager_request", "churn_threat"} & set(self.expect):
            return "angry"
        if "frustrated" in self.expect:
            return "frustrated"
        return "uneasy" if "doubt" in self.expect else "calm"


def agent(text: str) -> Line:
    return Line(AGENT, text)


def customer(text: str, *expect: str) -> Line:
    return Line(CUSTOMER, text, expect)


@dataclass(frozen=True)
class Call:
    name: str
    language: str
    scenario: str
    agent: Voice | None
    customer: Voice
    lines: tuple[Line, ...]
    stereo: bool = True
    prosody: str | None = None  # only for the mono voice_* pair


# Customer prosody rises with the emotion of the turn: faster, higher, louder.
CUSTOMER_STYLES = {
    "calm": {"speed": 160, "pitch": 45, "amplitude": 100},
    "uneasy": {"speed": 165, "pitch": 52, "amplitude": 115},
    "frustrated": {"speed": 178, "pitch": 60, "amplitude": 140},
    "angry": {"speed": 190, "pitch": 68, "amplitude": 170},
}

EN_AGENT = Voice("en-us+m3", speed=165, pitch=45)
EN_CUSTOMER = Voice("en-gb+f3", **CUSTOMER_STYLES["calm"])
NL_AGENT = Voice("nl+m3", speed=160, pitch=45)
NL_CUSTOMER = Voice("nl+f2", **CUSTOMER_STYLES["calm"])

ESCALATING_EN = Call(
    name="call_escalating_en",
    language="en",
    scenario="Parcelo parcel delivery: customer chases a late parcel, agent stays vague and "
    "quotes policy, customer escalates to a manager request and a cancellation threat.",
    agent=EN_AGENT,
    customer=EN_CUSTOMER,
    lines=(
        agent("Good morning, Parcelo customer service, this is Daniel. How can I help you?"),
        customer("Hi. I'm calling about my parcel, order number PX-48213. Where is it?", "calm"),
        agent("Let me check. I can see the parcel in our system, and it is on its way."),
        customer(
            "On its way? The tracking page has said that for days. Are you sure it isn't lost?",
            "doubt",
        ),
        agent("It should arrive soon. Sometimes parcels take a little longer than expected."),
        customer(
            "This is the third time I'm calling about this. I've been waiting for two weeks.",
            "frustrated",
            "repeat_contact",
        ),
        agent(
            "I understand. Our policy is that we can only open an investigation after "
            "fifteen working days."
        ),
        customer("Fifteen working days? That's ridiculous. Nobody calls me back.", "frustrated"),
        agent("I'm sorry, but I have to follow the procedure."),
        customer(
            "Then I want to speak to your manager right now.", "frustrated", "manager_request"
        ),
        agent("I can ask a supervisor to call you back within two working days."),
        customer(
            "No. Put me through today. Otherwise I'm cancelling my subscription.",
            "frustrated",
            "manager_request",
            "churn_threat",
        ),
    ),
)

ESCALATING_NL = Call(
    name="call_escalating_nl",
    language="nl",
    scenario="Parcelo pakketbezorging: zelfde verhaal als call_escalating_en, in het Nederlands.",
    agent=NL_AGENT,
    customer=NL_CUSTOMER,
    lines=(
        agent(
            "Goedemorgen, klantenservice van Parcelo, u spreekt met Daan. Waarmee kan ik u helpen?"
        ),
        customer("Goedemorgen. Waar blijft mijn pakketje? Het ordernummer is PX-48213.", "calm"),
        agent("Een moment, ik kijk het even na. Het pakket is onderweg."),
        customer("Onderweg? Dat staat er al dagen. Weet u zeker dat het niet kwijt is?", "doubt"),
        agent("Het zou binnenkort moeten aankomen. Soms duurt het wat langer."),
        customer(
            "Ik heb al drie keer gebeld. Ik wacht nu al twee weken op dit pakket.",
            "frustrated",
            "repeat_contact",
        ),
        agent(
            "Dat begrijp ik. Volgens ons beleid starten we pas na vijftien werkdagen een onderzoek."
        ),
        customer("Vijftien werkdagen? Dat is belachelijk. Niemand belt mij terug.", "frustrated"),
        agent("Het spijt me, maar ik moet me aan de procedure houden."),
        customer("Dan wil ik nu uw leidinggevende spreken.", "frustrated", "manager_request"),
        agent("Ik kan een teamleider vragen om u binnen twee werkdagen terug te bellen."),
        customer(
            "Nee, ik wil vandaag nog iemand spreken. Anders zeg ik mijn abonnement op.",
            "frustrated",
            "manager_request",
            "churn_threat",
        ),
    ),
)

CALM_EN = Call(
    name="call_calm_en",
    language="en",
    scenario="Parcelo: customer moves a delivery appointment, gets help and says thanks. "
    "No frustration; one moment of load (several options) and one of doubt.",
    agent=EN_AGENT,
    customer=EN_CUSTOMER,
    lines=(
        agent("Good afternoon, Parcelo customer service, this is Daniel. How can I help you?"),
        customer("Hello. I won't be at home tomorrow. How do I change my appointment?", "calm"),
        agent("I can do that for you. Could you give me your order number, please?"),
        customer("Yes, of course. It's PX-51730.", "calm"),
        agent(
            "Thank you. We can deliver on Thursday morning, Friday afternoon, "
            "or Saturday between nine and one."
        ),
        customer(
            "Thursday, or was it Friday? Sorry, could you repeat the Saturday times?",
            "calm",
            "load",
        ),
        agent("Of course. On Saturday we deliver between nine and one."),
        customer(
            "Saturday is fine. I'm not sure my email address is still right, though.",
            "calm",
            "doubt",
        ),
        agent("It was updated last month, so you will get the confirmation there."),
        customer("Perfect. Thank you very much for your help.", "calm"),
        agent("You're welcome. Have a lovely day."),
        customer("You too. Goodbye.", "calm"),
    ),
)

CALM_NL = Call(
    name="call_calm_nl",
    language="nl",
    scenario="Parcelo: klant verzet een bezorgafspraak, wordt geholpen en bedankt. "
    "Geen frustratie; een moment van belasting (meerdere opties) en een van twijfel.",
    agent=NL_AGENT,
    customer=NL_CUSTOMER,
    lines=(
        agent(
            "Goedemiddag, klantenservice van Parcelo, u spreekt met Daan. Waarmee kan ik u helpen?"
        ),
        customer("Hallo. Ik ben morgen niet thuis. Hoe wijzig ik mijn afspraak?", "calm"),
        agent("Dat kan ik voor u regelen. Mag ik uw ordernummer?"),
        customer("Ja hoor. Het is PX-51730.", "calm"),
        agent(
            "Dank u wel. We kunnen bezorgen op donderdagochtend, vrijdagmiddag, "
            "of zaterdag tussen negen en één uur."
        ),
        customer(
            "Donderdag of vrijdag? Sorry, kunt u de tijden van zaterdag herhalen?", "calm", "load"
        ),
        agent("Natuurlijk. Op zaterdag bezorgen we tussen negen en één uur."),
        customer(
            "Zaterdag is goed. Ik weet alleen niet zeker of mijn e-mailadres nog klopt.",
            "calm",
            "doubt",
        ),
        agent("Dat is vorige maand bijgewerkt, dus u krijgt daar de bevestiging."),
        customer("Fijn. Hartelijk bedankt voor uw hulp.", "calm"),
        agent("Graag gedaan. Nog een fijne dag."),
        customer("Dank u, insgelijks. Tot ziens.", "calm"),
    ),
)

VOICE_TEXT = (
    "I have been waiting for my parcel for two weeks. Nobody calls me back. "
    "I need this solved today."
)

# Same words, same speaker; only prosody differs, so any change in affect scores between
# the two files comes from the voice features, not the text.
VOICE_CALM = Call(
    name="voice_calm_en",
    language="en",
    scenario="One customer turn spoken calmly (pair with voice_agitated_en).",
    agent=None,
    customer=Voice("en-gb+f3", speed=150, pitch=40, amplitude=100),
    lines=(customer(VOICE_TEXT, "calm"),),
    stereo=False,
    prosody="calm",
)

VOICE_AGITATED = Call(
    name="voice_agitated_en",
    language="en",
    scenario="The same customer turn spoken agitated: faster, higher, louder "
    "(pair with voice_calm_en).",
    agent=None,
    customer=Voice("en-gb+f3", speed=200, pitch=70, amplitude=200),
    lines=(customer(VOICE_TEXT, "frustrated"),),
    stereo=False,
    prosody="agitated",
)

CALLS = (ESCALATING_EN, ESCALATING_NL, CALM_EN, CALM_NL, VOICE_CALM, VOICE_AGITATED)


def espeak_version() -> str:
    out = subprocess.run(["espeak-ng", "--version"], capture_output=True, text=True, check=True)
    return out.stdout.split(":")[1].split()[0]  # "eSpeak NG text-to-speech: 1.51  Data at: ..."


def synthesise(text: str, voice: Voice) -> np.ndarray:
    """Speak `text` with espeak-ng and return float32 mono at RATE, leading/trailing silence cut."""
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "turn.wav"
        settings = {"-v": voice.name, "-s": voice.speed, "-p": voice.pitch, "-a": voice.amplitude}
        flags = [str(part) for option in settings.items() for part in option]
        subprocess.run(["espeak-ng", *flags, "-w", str(wav), text], check=True)
        audio, rate = sf.read(wav, dtype="float32")
    audio = soxr.resample(audio, rate, RATE)
    loud = np.flatnonzero(np.abs(audio) > TRIM_THRESHOLD)
    if loud.size == 0:
        raise RuntimeError(f"espeak-ng produced no audible speech for {text!r}")
    return audio[loud[0] : loud[-1] + 1]


def voice_for(call: Call, line: Line) -> Voice:
    if line.speaker == AGENT:
        assert call.agent is not None, f"{call.name} has no agent voice"
        return call.agent
    if call.prosody is not None:  # voice_* pair: its own fixed settings
        return call.customer
    return Voice(call.customer.name, **CUSTOMER_STYLES[line.style])


def render(call: Call) -> tuple[np.ndarray, list[dict]]:
    """Lay the turns out one after another; returns int16 samples (n, channels) and the turns."""
    rng = np.random.default_rng(zlib.crc32(call.name.encode()))
    clips = [synthesise(line.text, voice_for(call, line)) for line in call.lines]
    gaps = [round(float(rng.uniform(*GAP_RANGE_S)), 2) for _ in clips[1:]] + [TAIL_S]

    turns, position = [], int(LEAD_IN_S * RATE)
    for line, clip, gap in zip(call.lines, clips, gaps, strict=True):
        turn = {
            "speaker": line.speaker,
            "start": position,
            "end": position + len(clip),
            "text": line.text,
        }
        if line.speaker == CUSTOMER:
            turn["expect"] = list(line.expect)
            if call.prosody is None:
                turn["style"] = line.style
        turns.append(turn)
        position += len(clip) + int(gap * RATE)

    channels = 2 if call.stereo else 1
    mix = rng.normal(0.0, NOISE_FLOOR_RMS, size=(position, channels)).astype(np.float32)
    for turn, clip in zip(turns, clips, strict=True):
        column = 0 if (turn["speaker"] == AGENT or not call.stereo) else 1
        mix[turn["start"] : turn["end"], column] += clip
    pcm = np.clip(np.round(mix * 32767), -32768, 32767).astype(np.int16)

    for turn in turns:
        turn["start"] = round(turn["start"] / RATE, 3)
        turn["end"] = round(turn["end"] / RATE, 3)
    return pcm, turns


def sidecar(call: Call, pcm: np.ndarray, turns: list[dict], version: str) -> dict:
    channels = {"left": AGENT, "right": CUSTOMER} if call.stereo else {"mono": CUSTOMER}
    if call.prosody is None:  # per-turn customer prosody; each turn names its style
        voices = {
            AGENT: call.agent.as_dict(),
            CUSTOMER: {"voice": call.customer.name, "styles": CUSTOMER_STYLES},
        }
    else:
        voices = {CUSTOMER: call.customer.as_dict()}
    meta = {
        "file": f"{call.name}.wav",
        "language": call.language,
        "sample_rate": RATE,
        "channels": channels,
        "duration": round(len(pcm) / RATE, 3),
        "scenario": call.scenario,
        "synthetic": True,
        "generator": {"script": "audio_fixtures/generate_calls.py", "espeak_ng": version},
        "voices": voices,
        "turns": turns,
    }
    if call.prosody is not None:
        meta["prosody"] = call.prosody
    return meta


def dbfs(samples: np.ndarray) -> float:
    rms = float(np.sqrt(np.mean((samples.astype(np.float64) / 32768) ** 2)))
    return 20 * np.log10(max(rms, 1e-10))


def check(pcm: np.ndarray, turns: list[dict], stereo: bool) -> list[str]:
    """Per-turn level of each channel; on a stereo call the other leg must be near silent."""
    rows = []
    for turn in turns:
        part = pcm[int(turn["start"] * RATE) : int(turn["end"] * RATE)]
        levels = [dbfs(part[:, ch]) for ch in range(part.shape[1])]
        rows.append(
            f"  {turn['speaker']:<8} {turn['start']:6.2f}-{turn['end']:6.2f} s  "
            + "  ".join(f"{lv:6.1f}" for lv in levels)
            + " dBFS"
        )
        if stereo:
            other = levels[1] if turn["speaker"] == AGENT else levels[0]
            if other > CROSSTALK_LIMIT_DBFS:
                raise RuntimeError(f"crosstalk {other:.1f} dBFS during {turn}")
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: here)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    version = espeak_version()
    for call in CALLS:
        pcm, turns = render(call)
        wav = args.out / f"{call.name}.wav"
        sf.write(wav, pcm if call.stereo else pcm[:, 0], RATE, subtype="PCM_16")
        meta = sidecar(call, pcm, turns, version)
        (args.out / f"{call.name}.json").write_text(
            json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(
            f"{wav.name}: {meta['duration']:.1f} s, {len(turns)} turns, "
            f"{wav.stat().st_size / 1e6:.2f} MB"
        )
        print("\n".join(check(pcm, turns, call.stereo)))


if __name__ == "__main__":
    main()
