"""The `copilot` command as a user runs it: real subprocesses, real model, clear errors."""

import json
import os
import re
import signal
import subprocess
import sys

from tests.conftest import fixture_path

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
        done.returncode == 2
        and "model: /nonexistent/model is not a directory" in done.stderr
        and "Traceback" not in done.stderr
    )


def test_listen_without_a_microphone_says_so():
    from copilot.commands.listen import MicrophoneUnavailable, open_microphone

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


def test_transcribe_streams_affect_and_alerts_of_the_escalating_call():
    done = copilot("transcribe", "--json", str(fixture_path("call_escalating_en.wav")))
    assert done.returncode == 0, done.stderr
    events = [json.loads(line) for line in done.stdout.splitlines()]
    finals = [e for e in events if e["type"] == "transcript.final"]
    affects = {e["utterance_id"]: e for e in events if e["type"] == "affect"}
    # every final has its affect event, right after it in the stream
    assert set(affects) == {e["utterance_id"] for e in finals}
    for i, event in enumerate(events):
        if event["type"] == "transcript.final":
            assert events[i + 1]["type"] == "affect"
            assert events[i + 1]["utterance_id"] == event["utterance_id"]
    alerts = [e for e in events if e["type"] == "alert"]
    levels = [a["level"] for a in alerts]
    assert "early_warning" in levels and "escalate" in levels
    assert levels.index("early_warning") < levels.index("escalate")
    for alert in alerts:
        assert alert["reason"] and alert["utterance_ids"]
        assert set(alert["utterance_ids"]) <= set(affects)


def test_transcribe_readable_output_shows_alerts_and_stages_can_be_switched_off():
    call = str(fixture_path("call_escalating_en.wav"))
    readable = copilot("transcribe", call)
    assert readable.returncode == 0, readable.stderr
    assert "!! ESCALATE" in readable.stdout and "customer:" in readable.stdout
    bare = copilot("transcribe", "--json", "--stages", "", call)
    types = {json.loads(line)["type"] for line in bare.stdout.splitlines()}
    assert "transcript.final" in types and not types & {"affect", "alert"}


def test_classify_scores_text_lines_in_both_languages():
    lines = [
        "This is the third time I call, I want to speak to a manager!",
        "",
        "Ik weet het niet zeker, ik begrijp het niet.",
        "Mijn man is vorige maand overleden en ik heb schulden.",
        "Thanks, that was helpful.",
    ]
    done = subprocess.run(
        [*COPILOT, "classify"], input="\n".join(lines), capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["text"] for r in rows] == [line for line in lines if line]
    angry, unsure, grieving, thankful = rows
    assert [r["language"] for r in rows] == ["en", "nl", "nl", "en"]
    assert angry["frustration"] > 0.5 > thankful["frustration"]
    assert unsure["doubt"] > max(unsure["frustration"], unsure["load"], thankful["doubt"])
    assert grieving["load"] > max(grieving["frustration"], grieving["doubt"], thankful["load"])
    assert any("manager" in c["evidence"] for c in angry["cues"])
    assert len(angry["emotions"]) == 5
    assert all(0 <= p <= 1 for r in rows for p in r["emotions"].values())


def test_classify_language_flag_is_used():
    done = subprocess.run(
        [*COPILOT, "classify", "--language", "nl"],
        input="ok\n",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["language"] == "nl"


FINAL_LINE = re.compile(r"\[\s*\d+\.\d+ -\s*\d+\.\d+\]")


def test_demo_into_a_pipe_writes_plain_lines_and_says_how_it_ended():
    """`copilot demo | tee demo.log`: no terminal control sequences, no partials piled up,
    each final on a line of its own, and a last line that says the call ended."""
    clip = fixture_path("stereo_diarization.wav")
    done = copilot("demo", "--fast", "--no-browser", "--file", str(clip))
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout and "\r" not in done.stdout
    lines = done.stdout.splitlines()
    finals = [line for line in lines if FINAL_LINE.search(line)]
    assert finals and all(len(FINAL_LINE.findall(line)) == 1 for line in finals), finals
    assert lines[-1].startswith("demo over: the call ended (stop) after "), lines[-3:]
    assert f"; {len(finals)} transcript lines, " in lines[-1]


def test_ctrl_c_stops_make_demo_without_an_error(tmp_path):
    """Ctrl-C in a terminal signals make and the demo alike (one process group): the demo
    stops cleanly with status 0, says so, and make reports no `Error 130`."""
    makefile = tmp_path / "Makefile"
    command = [*COPILOT, "demo", "--no-browser", "--file", str(fixture_path("jfk.flac"))]
    makefile.write_text("demo:\n\t" + " ".join(command) + "\n", encoding="utf-8")
    make = subprocess.Popen(
        ["make", "--no-print-directory", "-f", str(makefile), "demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    seen = []
    try:
        for line in make.stdout:
            seen.append(line)
            if FINAL_LINE.search(line):  # the call is under way: a line has been heard
                break
        os.killpg(make.pid, signal.SIGINT)
        out, err = make.communicate(timeout=120)
    finally:
        if make.poll() is None:
            os.killpg(make.pid, signal.SIGKILL)
    lines = [*seen, *out.splitlines()]
    assert "Error" not in err and "Interrupt" not in err, err
    assert lines[-1].startswith("demo over: stopped by Ctrl-C after "), lines[-3:]
    assert "\x1b" not in "".join(lines)
