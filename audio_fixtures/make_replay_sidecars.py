"""Write the QA replay's annotation sidecars for the shipped fixtures (and the 8 kHz mu-law copy).

    .venv/bin/python audio_fixtures/make_replay_sidecars.py

`<stem>.txt` is the reference transcript (all speakers in time order) from each call's
JSON or from references.json. `<stem>.labels.json` says which alerts should fire and
when, derived from the turn labels the calls were written with, not from copilot's
output: an early warning between the first doubtful turn and the end of the first
repeated-contact turn; an escalation from the turn before the manager request to the
end of the turn after it; a take-over from the manager request on. Calm calls expect
none. Intents are the scenario's. jfk_8k_ulaw.wav is jfk.flac as
telephony audio; both get jfk's reference text.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import soundfile as sf
import soxr

HERE = Path(__file__).resolve().parent
INTENTS = {
    "call_escalating_en": ["parcel_status"],
    "call_escalating_nl": ["parcel_status"],
    "call_calm_en": ["appointment_change"],
    "call_calm_nl": ["appointment_change"],
}


def _first(turns: list[dict], label: str) -> int:
    return next(i for i, t in enumerate(turns) if label in t.get("expect", []))


def expected_alerts(turns: list[dict], duration: float) -> list[dict]:
    customer = [t for t in turns if t["speaker"] == "customer"]
    if not any("manager_request" in t.get("expect", []) for t in customer):
        return []
    doubt, repeat = _first(customer, "doubt"), _first(customer, "repeat_contact")
    manager = _first(customer, "manager_request")
    after = customer[min(manager + 1, len(customer) - 1)]
    return [
        {
            "level": "early_warning",
            "from": customer[doubt]["start"],
            "to": customer[repeat]["end"] + 1,
        },
        {"level": "escalate", "from": customer[manager - 1]["start"], "to": after["end"] + 1},
        {"level": "take_over", "from": customer[manager]["start"], "to": duration + 1},
    ]


def write_call_sidecars(stem: str) -> None:
    call = json.loads((HERE / f"{stem}.json").read_text(encoding="utf-8"))
    turns = sorted(call["turns"], key=lambda t: t["start"])
    (HERE / f"{stem}.txt").write_text(" ".join(t["text"] for t in turns) + "\n", encoding="utf-8")
    labels = {"alerts": expected_alerts(turns, call["duration"]), "intents": INTENTS[stem]}
    (HERE / f"{stem}.labels.json").write_text(json.dumps(labels, indent=1) + "\n", encoding="utf-8")


def write_ulaw_copy() -> None:
    references = json.loads((HERE / "references.json").read_text(encoding="utf-8"))
    audio, rate = sf.read(HERE / "jfk.flac", dtype="float32")
    mono = audio.mean(axis=1) if audio.ndim > 1 else audio
    narrow = soxr.resample(mono, rate, 8000).astype(np.float32)
    sf.write(HERE / "jfk_8k_ulaw.wav", narrow, 8000, subtype="ULAW")
    for stem in ("jfk", "jfk_8k_ulaw"):
        (HERE / f"{stem}.txt").write_text(references["jfk.flac"]["text"] + "\n", encoding="utf-8")


if __name__ == "__main__":
    for name in INTENTS:
        write_call_sidecars(name)
    write_ulaw_copy()
    print("wrote replay sidecars and jfk_8k_ulaw.wav")
