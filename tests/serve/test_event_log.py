"""What `copilot serve` writes about calls outside the store.

By default operations only (a line per call start and end, nothing said, no metadata value,
on stderr and in the log records); the full event stream only to an opt-in file that gets
the redacted events, and that erasure (offline or on the running server) and retention reach.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

from websockets.asyncio.client import connect

from copilot.config import Config
from copilot.events.core import CallEnded, CallStarted, Event, TranscriptFinal
from copilot.events.log_names import call_ref
from copilot.serve.call_log import CALLS_LOGGER, CallActivityLog
from copilot.serve.event_log import (
    EventLogFile,
    count_in_event_log,
    day_files,
    erase_from_event_log,
)
from tests.serve.server_harness import server_for, wait_healthy
from tests.serve.test_server_restart import free_port

DAY = 86_400
# What a caller said and who they are: none of it may leave the server outside the store.
SECRET_WORDS = "my purple walrus parcel never arrived"
CUSTOMER_ID = "C-4711-0815"
CALLER_NAME = "Annemarie Verbeek"
EMAIL = "annemarie.verbeek@example.com"
SECRETS = (SECRET_WORDS, CUSTOMER_ID, CALLER_NAME, EMAIL)


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def call_events(call_id: str, text: str = "hello") -> list[Event]:
    return [
        CallStarted(call_id, 1, 0.0, source="chat", legs=("agent", "customer")),
        TranscriptFinal(call_id, 2, 1.0, speaker="customer", text=text),
        CallEnded(call_id, 3, 2.0, duration=2.0, reason="stop"),
    ]


def lines_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def written(path: Path, events: list[Event], clock: Clock | None = None) -> EventLogFile:
    log = EventLogFile(path, clock or Clock(10 * DAY))
    for event in events:
        log(event)
    return log


# -- the file --------------------------------------------------------------------------


def test_each_line_is_the_event_with_when_it_was_written_in_a_private_file(tmp_path):
    path = tmp_path / "events.jsonl"
    events = call_events("c-1", "where is my parcel")
    written(path, events, Clock(10 * DAY + 0.5)).close()
    lines = lines_of(path)
    assert [{k: v for k, v in line.items() if k != "logged_at"} for line in lines] == [
        e.to_dict() for e in events
    ]
    assert {line["logged_at"] for line in lines} == {10 * DAY + 0.5}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_forget_removes_every_line_of_the_call_and_zeroes_the_old_copy(tmp_path):
    path = tmp_path / "events.jsonl"
    a, b = call_events("gone", SECRET_WORDS), call_events("kept", "thanks")
    log = written(path, [e for pair in zip(a, b, strict=True) for e in pair])
    with open(path, "rb") as old:  # a reader that still holds the file as it was
        size = os.fstat(old.fileno()).st_size
        assert log.forget({"gone"}) == 3
        assert old.read() == bytes(size)
    assert [line["call_id"] for line in lines_of(path)] == ["kept"] * 3
    assert log.forget({"gone", "never-seen"}) == 0
    log(TranscriptFinal("kept", 4, 3.0, speaker="agent", text="bye"))  # into the new file
    log.close()
    assert [line["seq"] for line in lines_of(path)] == [1, 2, 3, 4]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_forget_takes_a_test_of_call_ids_as_the_running_server_gets_them(tmp_path):
    class ErasedByHash:  # the server learns of an erasure by keyed hash only: `in` works
        def __contains__(self, call_id: object) -> bool:
            return call_id == "gone"

    path = tmp_path / "events.jsonl"
    log = written(path, call_events("gone") + call_events("kept"))
    assert count_in_event_log(path, ErasedByHash()) == 3
    assert log.forget(ErasedByHash()) == 3
    log.close()
    assert {line["call_id"] for line in lines_of(path)} == {"kept"}


def test_erase_offline_reaches_every_day_file(tmp_path):
    path = tmp_path / "events.jsonl"
    clock = Clock(10 * DAY + 100)
    log = written(path, call_events("gone")[:2] + call_events("kept")[:2], clock)
    clock.now = 11 * DAY + 100  # past midnight (UTC): the file of day 10 is renamed
    for event in call_events("gone")[2:] + call_events("kept")[2:]:
        log(event)
    log.close()
    assert [file.name for file, _ in day_files(path)] == ["events.jsonl.1970-01-11", path.name]
    assert count_in_event_log(path, {"gone"}) == 3
    assert erase_from_event_log(path, {"gone"}) == 3
    assert erase_from_event_log(tmp_path / "missing.jsonl", {"gone"}) == 0
    kept = [line for file, _ in day_files(path) for line in lines_of(file)]
    assert [(line["call_id"], line["seq"]) for line in kept] == [("kept", s) for s in (1, 2, 3)]


def test_a_line_a_crash_cut_short_is_ended_and_erased_by_its_call_id(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text(
        '{"logged_at":864000.0,"type":"transcript.final","v":1,"call_id":"gone","seq":2,"te',
        encoding="utf-8",
    )
    written(path, call_events("kept")[:1]).close()
    assert path.read_text(encoding="utf-8").count("\n") == 2  # the cut line got its end
    assert erase_from_event_log(path, {"gone"}) == 1
    assert [line["call_id"] for line in lines_of(path)] == ["kept"]


def test_retention_deletes_the_days_before_the_cutoff(tmp_path):
    path = tmp_path / "events.jsonl"
    clock = Clock(10 * DAY + 100)
    log = written(path, call_events("day-10"), clock)
    clock.now = 11 * DAY + 80_000
    log(call_events("midnight")[0])
    clock.now = 12 * DAY + 100
    for event in call_events("midnight")[1:] + call_events("day-12"):
        log(event)
    assert log.purge_older_than(12 * DAY - 1) == 3  # day 11 is not over before the cutoff
    assert log.purge_older_than(12 * DAY) == 1  # the call that ran past midnight: its start
    assert [line["call_id"] for line in lines_of(path)] == ["midnight"] * 2 + ["day-12"] * 3
    assert log.purge_older_than(13 * DAY) == 5  # FILE itself once its day is over
    assert not path.exists()
    log(call_events("later")[0])  # the next line starts a new FILE
    log.close()
    assert [line["call_id"] for line in lines_of(path)] == ["later"]


def test_appends_go_on_while_another_eraser_rewrites_the_file(tmp_path):
    path = tmp_path / "events.jsonl"
    log = EventLogFile(path, Clock(10 * DAY))
    done = threading.Event()

    def erase_again_and_again() -> None:
        while not done.is_set():
            erase_from_event_log(path, {"gone"})

    eraser = threading.Thread(target=erase_again_and_again)
    eraser.start()
    try:
        for seq in range(1, 1500):
            log(TranscriptFinal("gone" if seq % 3 else "kept", seq, 0.0, text="x" * 200))
    finally:
        done.set()
        eraser.join()
    erase_from_event_log(path, {"gone"})
    log.close()
    assert [line["seq"] for line in lines_of(path)] == list(range(3, 1500, 3))


def test_the_operations_log_names_calls_by_pseudonym_and_quotes_nobody(caplog):
    caplog.set_level(logging.INFO, logger=CALLS_LOGGER)
    activity = CallActivityLog()
    started = CallStarted("CA-1", 1, 0.0, source="twilio", metadata={"customer_id": CUSTOMER_ID})
    for event in (started, TranscriptFinal("CA-1", 2, 1.0, text=SECRET_WORDS)):
        activity(event)
    activity(CallEnded("CA-1", 3, 61.25, duration=61.25, reason=f"caller said {SECRET_WORDS}"))
    assert caplog.messages == [
        f"call {call_ref('CA-1')} started: source=twilio legs=",
        f"call {call_ref('CA-1')} ended: source=twilio duration=61.2s events=3 reason=other",
    ]


# -- a real server ----------------------------------------------------------------------------


def serving(transcriber, config: Config):
    config.store.path = ""  # in memory
    config.serve.audiosocket_customer_port = -1
    config.serve.audiosocket_agent_port = -1
    return server_for(transcriber, config)


async def chat_call(port: int, call_id: str) -> None:
    metadata = {"agent_id": "agent-a", "customer_id": CUSTOMER_ID, "caller_name": CALLER_NAME}
    async with connect(f"ws://127.0.0.1:{port}/chat") as chat:
        await chat.send(json.dumps({"type": "start", "call_id": call_id, "metadata": metadata}))
        for speaker, text in (
            ("agent", "Good morning, how can I help you?"),
            ("customer", f"Hello, {SECRET_WORDS}. Mail me at {EMAIL} please."),
        ):
            await chat.send(json.dumps({"type": "turn", "speaker": speaker, "text": text}))
        await chat.send(json.dumps({"type": "stop"}))


def test_a_default_server_logs_operations_and_no_content(tiny_en, capsys, caplog):
    # Every record `-v` would show, and copilot's own debug records too (websockets' debug
    # records dump frames, as a debugging aid nobody turns on in production).
    caplog.set_level(logging.INFO)
    caplog.set_level(logging.DEBUG, logger="copilot")

    async def scenario():
        async with serving(tiny_en, Config(language="en")) as (server, events):
            await chat_call(server.ws_port, "chat-ops")
            await events.wait_for("chat-ops", "call.ended")
            return server, events

    server, events = asyncio.run(scenario())
    assert server.event_log is None
    assert any(SECRET_WORDS in getattr(e, "text", "") for e in events)  # it was said
    out, err = capsys.readouterr()
    records = caplog.text + "".join(repr(r.args) for r in caplog.records)
    for secret in (*SECRETS, "chat-ops"):
        assert secret not in out + err + records
    ref = call_ref("chat-ops")
    assert f"call {ref} started: source=chat legs=agent,customer" in caplog.messages
    ended = f"call {ref} ended: source=chat duration="
    assert any(
        m.startswith(ended) and f"events={len(events)} reason=stop" in m for m in caplog.messages
    )


def test_the_event_log_file_holds_the_redacted_events_as_stored(tiny_en, tmp_path):
    path = tmp_path / "log" / "events.jsonl"
    path.parent.mkdir()
    config = Config(language="en", stages=())
    config.serve.event_log = str(path)
    config.redaction.enabled = True

    async def scenario():
        async with serving(tiny_en, config) as (server, events):
            await chat_call(server.ws_port, "chat-log")
            await events.wait_for("chat-log", "call.ended")
            stored = [json.loads(text) for _, text in server.store.events_after("chat-log")]
            return server, stored

    server, stored = asyncio.run(scenario())
    logged = lines_of(path)
    assert [{k: v for k, v in line.items() if k != "logged_at"} for line in logged] == stored
    text = path.read_text(encoding="utf-8")
    assert "[email]" in text and EMAIL not in text
    assert server.event_log.forget({"chat-log"}) == len(stored)
    assert path.read_text(encoding="utf-8") == ""


def test_copilot_serve_prints_no_event_and_logs_no_content(tmp_path):
    """The real command with default output settings: stdout empty, stderr operations only."""
    port = free_port()
    config = tmp_path / "copilot.toml"
    config.write_text(
        f'language = "en"\n[serve]\nport = {port}\n'
        "audiosocket_customer_port = -1\naudiosocket_agent_port = -1\n"
        f'[store]\npath = "{tmp_path / "events.sqlite3"}"\n',
        encoding="utf-8",
    )
    out_path, err_path = tmp_path / "serve.out", tmp_path / "serve.err"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        serve = subprocess.Popen(
            [sys.executable, "-m", "copilot.cli", "serve", "--config", str(config)],
            stdout=out,
            stderr=err,
        )
    try:
        wait_healthy(port, serve)
        asyncio.run(chat_call(port, "chat-cli"))
        asyncio.run(until_logged(err_path, " ended: source=chat "))
    finally:
        serve.send_signal(signal.SIGTERM)
        serve.wait(30)
    output = err_path.read_text(encoding="utf-8")
    assert out_path.read_bytes() == b""
    assert " started: source=chat legs=agent,customer" in output
    for secret in (*SECRETS, "chat-cli"):
        assert secret not in output


async def until_logged(path: Path, text: str, timeout: float = 60.0) -> None:
    async with asyncio.timeout(timeout):
        while text not in path.read_text(encoding="utf-8"):
            await asyncio.sleep(0.1)
