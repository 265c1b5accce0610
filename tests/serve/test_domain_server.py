"""A server whose `[assist] domain` is the energy and internet provider: one key, nothing else.

A chat on /chat gets that domain's intents and teams, the affect stage hears its cue words,
and the sidebar's catalogue names its intents and teams in Dutch and English.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import urllib.request

from websockets.asyncio.client import connect

from copilot.config import Config
from tests.assist.test_domain import ENERGY
from tests.serve.server_harness import server_for

TURNS = [
    {"type": "turn", "speaker": "agent", "text": "Goedemiddag, waarmee kan ik u helpen?"},
    {"type": "turn", "speaker": "customer", "text": "mijn internet valt steeds weg"},
    {
        "type": "turn",
        "speaker": "customer",
        "text": "Als dit zo doorgaat ga ik weg bij Wattnet.",
    },
]


def test_a_call_under_the_energy_domain_gets_its_intents_teams_cues_and_labels(tiny_en):
    config = Config(language="nl", stages=("affect", "assist"))
    config.assist = dataclasses.replace(config.assist, domain=str(ENERGY))
    config.store.path = ""
    config.serve.audiosocket_customer_port = config.serve.audiosocket_agent_port = 0

    async def scenario():
        async with server_for(tiny_en, config) as (server, log):
            port = server.ws_port
            async with connect(f"ws://127.0.0.1:{port}/chat") as chat:
                await chat.send(json.dumps({"type": "start", "call_id": "e-1", "language": "nl"}))
                for turn in TURNS:
                    await chat.send(json.dumps(turn))
                await chat.send(json.dumps({"type": "stop"}))
            await log.wait_for("e-1", "call.ended")
            url = f"http://127.0.0.1:{port}/web/messages.json"
            catalogue = await asyncio.to_thread(lambda: json.load(urllib.request.urlopen(url)))
            return log, catalogue

    log, catalogue = asyncio.run(scenario())
    intents = [e for e in log.of("e-1", "suggestion") if e.kind == "intent"]
    assert intents and (intents[0].intent, intents[0].team) == ("outage", "outage_desk")
    cues = [c for e in log.of("e-1", "affect") for c in e.cues if c.kind == "phrase"]
    assert ("cancel threat", "weg bij Wattnet") in {(c.topic, c.phrase) for c in cues}
    assert catalogue["nl"]["intent.outage"] == "storing"
    assert catalogue["en"]["team.outage_desk"] == "outage desk"
    assert catalogue["nl"]["intent.parcel_status"] == "status pakket"  # the shipped words stay
