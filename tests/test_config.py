import os
import subprocess
import sys
from pathlib import Path

import pytest

from copilot.config import ConfigError, load_config, usable_cores
from copilot.runtime import decoding_options


def test_file_then_environment_then_flags(tmp_path, monkeypatch):
    path = tmp_path / "copilot.toml"
    path.write_text(
        'language = "nl"\nmax_batch = 4\nstereo_legs = ["customer", "agent"]\n'
        "[segmenter]\nend_silence_ms = 700\n[serve]\nport = 9000\n"
        "[decoding]\ntemperature_fallback = [0.2, 0.4]\nlogprob_threshold = -0.8\n"
    )
    monkeypatch.setenv("COPILOT_PORT", "9100")
    config = load_config(path, {"segmenter.aggressiveness": "3", "language": None})
    assert config.language == "nl" and config.max_batch == 4
    assert config.stereo_legs == ("customer", "agent")
    assert config.segmenter.end_silence_ms == 700 and config.segmenter.aggressiveness == 3
    assert config.serve.port == 9100
    assert config.decoding.temperature_fallback == (0.2, 0.4)
    assert decoding_options(config).logprob_threshold == -0.8


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("language = 'fr'", "language must be one of"),
        ("bogus = 1", "unknown config key 'bogus'"),
        ("[nope]\nx = 1", "unknown config section 'nope'"),
        ("[segmenter]\naggressiveness = 9", "aggressiveness must be 0, 1, 2 or 3"),
        ("partials = 'maybe'", "partials must be a bool"),
        ("stereo_legs = ['agent', 'agent']", "stereo_legs must name"),
        ("language = ", "not valid TOML"),
        ("whisper_nice = 20", "whisper_nice must be between 0 and 19"),
        ("whisper_workers = -1", "whisper_workers must be between 0"),
        ("[decoding]\ntemperature_fallback = [0.2, 3.0]", "temperature_fallback values"),
        ("[decoding]\nno_speech_threshold = 0", "no_speech_threshold must be in"),
        ("[store]\nretention_days = -1", "retention_days >= 0"),
        ("[store]\nheartbeat_s = 20", "heartbeat_s < worker_timeout_s"),
    ],
)
def test_bad_configuration_is_refused_with_the_key_named(tmp_path, text, message):
    path = tmp_path / "copilot.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_whisper_gets_one_worker_per_core_unless_told(tmp_path, monkeypatch):
    path = tmp_path / "copilot.toml"
    path.write_text("")
    assert load_config(path).whisper_worker_count() == usable_cores()
    monkeypatch.setenv("COPILOT_WHISPER_WORKERS", "3")
    assert load_config(path).whisper_worker_count() == 3


def test_usable_cores_honour_a_cgroup_cpu_quota(tmp_path):
    cores = len(os.sched_getaffinity(0))
    quota = tmp_path / "cpu.max"
    quota.write_text("max 100000\n")
    assert usable_cores(quota) == cores
    quota.write_text("150000 100000\n")  # 1.5 CPUs: the half core still runs a worker
    assert usable_cores(quota) == min(cores, 2)
    quota.write_text("50000 100000\n")
    assert usable_cores(quota) == 1
    assert usable_cores(tmp_path / "absent") == cores


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "absent.toml")


def test_the_shipped_fleet_example_loads(monkeypatch):
    """deploy/copilot.toml.example: a worker of a fleet on one PostgreSQL store."""
    example = Path(__file__).resolve().parents[1] / "deploy" / "copilot.toml.example"
    monkeypatch.setenv("COPILOT_WORKER_ID", "w7")
    monkeypatch.setenv("COPILOT_RETENTION_DAYS", "30")
    config = load_config(example)
    assert config.store.location.startswith("postgresql://") and config.relay.worker_id == "w7"
    assert config.store.retention_days == 30


# What loading the configuration must never pull in: the VAD, whisper and its runtime,
# torch, the audio resampler, the websocket server.
HEAVY_LIBRARIES = ("webrtcvad", "faster_whisper", "ctranslate2", "torch", "soxr", "websockets")
COPILOT = Path(__file__).resolve().parents[1] / "copilot"


def test_loading_the_config_loads_no_stage_code_and_no_models():
    """A fresh interpreter that imports copilot.config gets the settings modules, nothing more."""
    script = "import sys, copilot.config; print('\\n'.join(sorted(sys.modules)))"
    loaded = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    heavy = [name for name in loaded if name.split(".")[0] in HEAVY_LIBRARIES]
    stage_code = [
        name for name in loaded if name.startswith("copilot.") and not _light_copilot_module(name)
    ]
    assert heavy == [] and stage_code == []


def _light_copilot_module(name: str) -> bool:
    """Settings, the constants they use, the event contract, and the folders' __init__s."""
    parts = name.split(".")
    if parts[-1] == "settings" or parts[1] == "events":
        return True
    if len(parts) == 2 and (COPILOT / parts[1]).is_dir():
        return True  # a folder's __init__: a docstring
    light = ("copilot.config", "copilot.asr.model_files", "copilot.audio.format")
    return name in (*light, "copilot.affect.types")
