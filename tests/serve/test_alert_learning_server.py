"""A sidebar's "Niet relevant" on an alert, on a real loopback server, reaches the learner.

An agent of queue `sales` dismisses the false alert that "my account manager" raises on two
chats; the next `sales` chat with the same words raises none, a `support` chat still does,
and so does the next `sales` chat after the server restarts on the same feedback file.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from websockets.asyncio.client import connect

from copilot.config import Config
from copilot.serve.auth import TokenFile
from tests.serve.server_harness import server_for
from tests.serve.test_live_server import Watcher

FALSE_CUE = "My account manager told me to call you about the new invoice."


@pytest.fixture()
def setup(tmp_path: Path):
    tokens = TokenFile(tmp_path / "tokens.json")
    token = tokens.add("agent", "agent-a")
    config = Config(language="en", stages=("affect",))
    config.serve.audiosocket_customer_port = config.serve.audiosocket_agent_port = -1
    config.store.path = str(tmp_path / "events.sqlite3")
    config.auth.tokens_file = str(tokens.path)
    config.assist = dataclasses.replace(config.assist, feedback_db=str(tmp_path / "fb.sqlite3"))
    return config, token


async def chat_call(port: int, log, call_id: str, queue: str, line: str) -> list:
    """One chat of `queue` with one customer line, to its end; the alerts it raised."""
    async with connect(f"ws://127.0.0.1:{port}/chat") as chat:
        metadata = {"agent_id": "agent-a", "queue": queue}
        start = {"type": "start", "call_id": call_id, "language": "en", "metadata": metadata}
        await chat.send(json.dumps(start))
        await chat.send(json.dumps({"type": "turn", "speaker": "customer", "text": line}))
        await chat.send(json.dumps({"type": "stop"}))
        await log.wait_for(call_id, "call.ended", timeout=20.0)
    return log.of(call_id, "alert")


async def dismiss(agent: Watcher, call_id: str, seq: int, ref: str) -> dict:
    """The sidebar's "Niet relevant" button: a dismiss on the alert, named by its seq."""
    await agent.send(
        {
            "type": "feedback",
            "call_id": call_id,
            "target": "alert",
            "target_id": seq,
            "action": "dismiss",
            "ref": ref,
        }
    )
    return await agent.until(lambda m: m.get("ref") == ref, timeout=10.0)


def test_dismissed_alerts_reach_the_learner_and_quiet_that_queue_only(tiny_en, setup):
    config, token = setup

    async def scenario():
        async with server_for(tiny_en, config) as (server, log):
            port = server.ws_port
            agent = await Watcher.open(port, token)
            await agent.until(lambda m: m["type"] == "calls")
            acks, raised = [], []
            for n in range(2):
                (alert,) = await chat_call(port, log, f"sales-{n}", "sales", FALSE_CUE)
                raised.append((alert.level, alert.team, alert.language))
                acks.append(await dismiss(agent, alert.call_id, alert.seq, f"d{n}"))
            learned = server.stages.alert_learner().learned()
            quiet = await chat_call(port, log, "sales-2", "sales", FALSE_CUE)
            other = await chat_call(port, log, "support-0", "support", FALSE_CUE)
            await agent.ws.close()
        async with server_for(tiny_en, config) as (server, log):  # a restart, same files
            after_restart = await chat_call(server.ws_port, log, "sales-3", "sales", FALSE_CUE)
        return acks, raised, learned, quiet, other, after_restart

    acks, raised, learned, quiet, other, after_restart = asyncio.run(scenario())
    assert [a["type"] for a in acks] == ["feedback.ack", "feedback.ack"]
    assert raised == [("escalate", "sales", "en")] * 2
    (cue,) = learned
    assert (cue.key.team, cue.key.language, cue.dismissed) == ("sales", "en", 2)
    assert cue.multiplier == pytest.approx(0.75)
    assert quiet == [] and after_restart == []
    assert [(a.level, a.team) for a in other] == [("escalate", "support")]
    rows = sqlite3.connect(config.assist.feedback_db).execute(
        "SELECT call_id, action, team, language FROM alert_feedback ORDER BY id"
    )
    assert rows.fetchall() == [
        ("sales-0", "dismiss", "sales", "en"),
        ("sales-1", "dismiss", "sales", "en"),
    ]


def test_alert_learning_switched_off_learns_and_applies_nothing(tiny_en, setup):
    config, token = setup
    config.affect = dataclasses.replace(config.affect, alert_learning=False)

    async def scenario():
        async with server_for(tiny_en, config) as (server, log):
            port = server.ws_port
            agent = await Watcher.open(port, token)
            await agent.until(lambda m: m["type"] == "calls")
            counts = []
            for n in range(3):
                alerts = await chat_call(port, log, f"sales-{n}", "sales", FALSE_CUE)
                counts.append(len(alerts))
                for alert in alerts:
                    await dismiss(agent, alert.call_id, alert.seq, f"d{n}")
            await agent.ws.close()
        return counts

    assert asyncio.run(scenario()) == [1, 1, 1]
    db = Path(config.assist.feedback_db)
    query = "SELECT name FROM sqlite_master WHERE name = 'alert_feedback'"
    assert not db.exists() or sqlite3.connect(db).execute(query).fetchall() == []


def test_an_erased_calls_dismissals_stop_counting_on_the_running_server(tiny_en, setup, tmp_path):
    config, token = setup
    toml = tmp_path / "copilot.toml"
    toml.write_text(
        f'[store]\npath = "{config.store.path}"\n[assist]\nfeedback_db = "{config.assist.feedback_db}"\n'
    )

    def erase(*call_ids: str) -> subprocess.CompletedProcess:
        ids = [arg for call_id in call_ids for arg in ("--call-id", call_id)]
        command = [sys.executable, "-m", "copilot.cli", "erase", *ids, "--config", str(toml)]
        return subprocess.run(command, capture_output=True, text=True, timeout=120)

    async def scenario():
        async with server_for(tiny_en, config) as (server, log):
            port = server.ws_port
            agent = await Watcher.open(port, token)
            await agent.until(lambda m: m["type"] == "calls")
            for n in range(2):
                (alert,) = await chat_call(port, log, f"sales-{n}", "sales", FALSE_CUE)
                await dismiss(agent, alert.call_id, alert.seq, f"d{n}")
            quiet = await chat_call(port, log, "sales-2", "sales", FALSE_CUE)
            done = await asyncio.to_thread(erase, "sales-0", "sales-1")
            loud_again = await chat_call(port, log, "sales-3", "sales", FALSE_CUE)
            await agent.ws.close()
            return quiet, done, loud_again, server.stages.alert_learner().known_calls()

    quiet, done, loud_again, known = asyncio.run(scenario())
    assert quiet == [] and done.returncode == 0, done.stderr
    assert "answers to alerts" in done.stdout
    assert [a.level for a in loud_again] == ["escalate"] and known == set()
