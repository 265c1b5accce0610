"""The `copilot` command as a user runs it: real subprocesses, real model, clear errors."""

import json
import subprocess
import sys

from .conftest import fixture_path

COPILOT = [sys.executable, "-m", "copilot.cli"]


def copilot(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([*COPILOT, *args], capture_output=True, text=True, timeout=timeout)


def test_transcribe_json_prints_one_event_per_line():
    done = copilot("transcribe", "--json", str(fixture_path("stereo_diarization.wav")))
    assert done.returncode == 0, done.stderr
    events = [json.loads(line) for line in done.stdout.splitlines()]
    assert events[0]["type"] == "call.started" and events[-1]["type"] == "call.ended"
    finals = [e for e in events if e["type"] == "transcript.final"]
    by_speaker = {e["speaker"]: e["text"].lower() for e in finals}
    assert "wizard" in by_speaker["agent"] and "horizon" in by_speaker["customer"]
    for event in finals:
        assert event["language"] == "en" and event["words"]
        assert (
            event["start"]
            <= event["words"][0]["start"]
            <= event["words"][-1]["end"]
            <= event["end"] + 0.2
        )
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert done.stderr == ""


def test_transcribe_dutch_readable_output():
    done = copilot("transcribe", "--language", "nl", str(fixture_path("vl09647.wav")))
    assert done.returncode == 0, done.stderr
    assert "customer: Dat kan met betrekkelijk" in done.stdout


def test_bad_inputs_get_one_clear_line_each_and_good_files_still_run(tmp_path):
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    text = tmp_path / "notes.mp3"
    text.write_text("not audio")
    silence = tmp_path / "silence.wav"
    import numpy as np
    import soundfile as sf

    sf.write(silence, np.zeros(16000 * 3, dtype=np.int16), 16000)
    done = copilot(
        "transcribe",
        str(empty),
        str(text),
        str(fixture_path("jfk.flac")),
        str(silence),
        str(tmp_path / "missing.ogg"),
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    errors = done.stderr.strip().splitlines()
    assert len(errors) == 3 and all(line.startswith("error: ") for line in errors)
    assert (
        "empty" in errors[0]
        and "not a readable audio file" in errors[1]
        and "no such file" in errors[2]
    )
    assert "ask not what your country can do for you" in done.stdout.lower()


def test_silence_only_gives_an_empty_transcript(tmp_path):
    import numpy as np
    import soundfile as sf

    silence = tmp_path / "silence.wav"
    sf.write(silence, np.zeros(16000 * 3, dtype=np.int16), 16000)
    done = copilot("transcribe", "--json", str(silence))
    assert done.returncode == 0
    types = [json.loads(line)["type"] for line in done.stdout.splitlines()]
    assert types == ["call.started", "call.ended"]


def test_configuration_errors_name_the_key(tmp_path):
    config = tmp_path / "copilot.toml"
    config.write_text('[segmenter]\nend_silence_ms = "soon"\n')
    done = copilot("transcribe", "--config", str(config), str(fixture_path("jfk.flac")))
    assert done.returncode == 2
    assert done.stderr.strip() == "error: segmenter.end_silence_ms must be a int, got 'soon'"
    done = copilot("transcribe", "--model", "/nonexistent/model", str(fixture_path("jfk.flac")))
    assert (
        done.returncode == 2 and "unknown model" in done.stderr and "Traceback" not in done.stderr
    )


def test_listen_without_a_microphone_says_so():
    from copilot.microphone import MicrophoneUnavailable, open_microphone

    try:
        audio, stream = open_microphone()
    except MicrophoneUnavailable as exc:
        message = str(exc)
        done = copilot("listen", timeout=60)
        assert done.returncode == 2
        assert done.stderr.strip() == f"error: {message}"
        assert "microphone" in message
    else:  # a machine with a real microphone: it opened, so close it again
        stream.close()
        audio.terminate()
