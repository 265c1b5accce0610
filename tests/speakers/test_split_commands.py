"""`--mono-leg split` as a user runs it: transcribe and replay in real subprocesses."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
import soundfile as sf

from copilot.config import ConfigError, load_config
from tests.conftest import fixture_path

COPILOT = [sys.executable, "-m", "copilot.cli"]


def copilot(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*COPILOT, *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def mono_call(tmp_path_factory) -> str:
    samples, rate = sf.read(fixture_path("call_escalating_en.wav"), dtype="float32")
    folder = tmp_path_factory.mktemp("mono")
    path = folder / "mixed_call.wav"
    sf.write(path, np.clip(samples[: 24 * rate].sum(axis=1), -1, 1), rate, subtype="PCM_16")
    return str(path)


def test_transcribe_splits_a_mono_call(mono_call):
    args = ["transcribe", "--json", "--language", "en", "--stages", "", "--mono-leg", "split"]
    done = copilot(*args, mono_call)
    assert done.returncode == 0, done.stderr
    events = [json.loads(line) for line in done.stdout.splitlines()]
    source = events[0]["metadata"]["leg_source"]
    assert source["kind"] == "split_mono" and source["agent_rule"] == "greeting"
    said = {
        leg: " ".join(e["text"].lower() for e in events if e.get("speaker") == leg and "text" in e)
        for leg in ("agent", "customer")
    }
    assert "customer service" in said["agent"] and "parcel" in said["customer"]
    assert "customer service" not in said["customer"]


def test_replay_reports_the_leg_source(mono_call, tmp_path):
    out = tmp_path / "qa"
    args = ["replay", "--language", "en", "--stages", "", "--mono-leg", "split", "--out", str(out)]
    args.append(mono_call)
    done = copilot(*args, "--ui-language", "nl")
    assert done.returncode == 0, done.stderr
    stored = json.loads((out / "calls" / "mixed_call.json").read_text(encoding="utf-8"))
    report = stored["report"]
    source = report["leg_source"]
    assert source["kind"] == "split_mono" and source["speakers"] == 2
    assert 0.5 <= source["confidence"] <= 1.0
    assert {u["speaker"] for u in report["transcript"]} == {"agent", "customer"}
    page = (out / "calls" / "mixed_call.html").read_text(encoding="utf-8")
    assert "gesplitst op stem" in page and "de begroeting" in page


def test_mono_leg_must_be_a_leg_or_split(tmp_path):
    with pytest.raises(ConfigError, match="mono_leg must be 'agent', 'customer' or 'split'"):
        load_config(None, {"mono_leg": "both"})
    config = tmp_path / "copilot.toml"
    config.write_text('mono_leg = "stereo"\n')
    done = copilot("transcribe", "--config", str(config), str(fixture_path("jfk.flac")))
    assert done.returncode == 2
    assert "mono_leg must be 'agent', 'customer' or 'split'" in done.stderr
    assert "Traceback" not in done.stderr
    assert load_config(None, {"mono_leg": "split"}).mono_leg == "split"
