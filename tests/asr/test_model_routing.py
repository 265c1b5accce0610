"""The whisper model per call language, and models given as CTranslate2 directories."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from copilot.asr.model_files import resolve_model
from copilot.asr.transcriber import TranscriptionRequest
from copilot.asr.wer import wer
from copilot.audio.files import decode_file, pcm16_to_float
from copilot.config import ConfigError, load_config
from copilot.runtime import transcriber_pool
from tests.conftest import fixture_path, reference


def config_file(tmp_path, text: str):
    path = tmp_path / "copilot.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_each_language_gets_its_model_and_auto_detects_with_the_dutch_one(tmp_path):
    base = resolve_model("base")
    config = load_config(config_file(tmp_path, f'[models]\nen = "tiny.en"\nnl = "{base}"\n'))
    pool = transcriber_pool(config)
    assert pool.model_for("en") == "tiny.en"
    assert pool.model_for("nl") == pool.model_for("auto") == pool.model_for(None) == str(base)
    plain = transcriber_pool(load_config(config_file(tmp_path, 'model = "base"\n')))
    assert plain.model_for("en") == plain.model_for("nl") == "base"  # one model for all
    default = transcriber_pool(load_config(config_file(tmp_path, "")))
    assert (default.model_for("en"), default.model_for("nl")) == ("tiny.en", "base")


def test_a_model_directory_is_loaded_and_transcribes_dutch(tmp_path):
    copy = tmp_path / "whisper-base-ct2"
    shutil.copytree(resolve_model("base"), copy)
    config = load_config(config_file(tmp_path, f'[models]\nnl = "{copy}"\n'))
    pool = transcriber_pool(config, workers=1)
    whisper = pool.get(pool.model_for("nl"))
    audio = pcm16_to_float(next(iter(decode_file(fixture_path("vl04108.wav")).legs.values())))
    (result,) = whisper.transcribe_batch([TranscriptionRequest(audio, "nl")])
    assert wer(reference("vl04108.wav")["text"], result.text, language="nl") <= 0.35


@pytest.mark.parametrize(
    "setting, says",
    [
        ('nl = "{missing}"', "is not a directory"),
        ('nl = "{broken}"', "lacks model.bin, tokenizer.json"),
        ('device = "gpu"', "models.device must be one of cpu, cuda, auto"),
        ('compute_type = "int3"', "models.compute_type must be one of"),
    ],
)
def test_a_missing_or_broken_model_fails_at_start_up_naming_it(tmp_path, setting, says):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "config.json").write_text("{}", encoding="utf-8")
    text = "[models]\n" + setting.format(missing=tmp_path / "nowhere", broken=broken) + "\n"
    with pytest.raises(ConfigError, match=says) as caught:
        load_config(config_file(tmp_path, text))
    if "{" in setting:
        assert str(tmp_path) in str(caught.value)  # the message names the path


def test_the_command_line_says_so_in_one_line(tmp_path):
    path = config_file(tmp_path, f'[models]\nnl = "{tmp_path / "nowhere"}"\n')
    run = subprocess.run(
        [sys.executable, "-m", "copilot.cli", "transcribe", "--config", str(path), "x.wav"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2
    assert run.stderr.strip().startswith("error: models.nl:") and "Traceback" not in run.stderr
