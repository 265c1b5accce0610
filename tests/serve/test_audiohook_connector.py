"""The Genesys transcript connector on a real server: copilot's finals back over AudioHook.

A test client plays Genesys: `open` (asking for the supported languages), interleaved PCMU
frames, `paused` / `resumed` / `discarded` / `update` mid-call, then `close`, and reads
every message the server sends until `closed`.
"""

from __future__ import annotations

import asyncio
import json
import uuid

import numpy as np
from websockets.asyncio.client import connect

from copilot.audio.files import decode_file
from copilot.audio.format import AGENT, CUSTOMER
from copilot.commands.simulate import narrowband
from copilot.telephony.audiohook import parse_duration
from copilot.telephony.g711 import ulaw_encode
from tests.conftest import fixture_path
from tests.serve.server_harness import running_server

FRAME = 1600  # 200 ms of 8 kHz per channel, as one Genesys client sends
MEDIA = [{"type": "audio", "format": "PCMU", "channels": ["external", "internal"], "rate": 8000}]


class GenesysClient:
    def __init__(self, ws) -> None:
        self.ws = ws
        self.id = str(uuid.uuid4())
        self.seq = 0
        self.received: list[dict] = []

    async def send(self, kind: str, **parameters) -> None:
        self.seq += 1
        serverseq = self.received[-1]["seq"] if self.received else 0
        message = {"version": "2", "id": self.id, "type": kind, "seq": self.seq}
        message |= {"serverseq": serverseq, "position": "PT0S", "parameters": parameters}
        await self.ws.send(json.dumps(message))

    async def frames(self, external: np.ndarray, internal: np.ndarray) -> None:
        for i in range(0, len(external), FRAME):
            frame = np.stack([external[i : i + FRAME], internal[i : i + FRAME]], 1)
            await self.ws.send(ulaw_encode(frame.reshape(-1)))
            await asyncio.sleep(0)

    async def read_until_closed(self) -> None:
        while not self.received or self.received[-1]["type"] != "closed":
            self.received.append(json.loads(await asyncio.wait_for(self.ws.recv(), 60)))

    def transcripts(self) -> list[dict]:
        return [
            entity["data"]
            for m in self.received
            if m["type"] == "event"
            for entity in m["parameters"]["entities"]
            if entity["type"] == "transcript"
        ]


async def genesys_call(server, play) -> GenesysClient:
    async with connect(f"ws://127.0.0.1:{server.ws_port}/audiohook") as ws:
        client = GenesysClient(ws)
        reader = asyncio.get_running_loop().create_task(client.read_until_closed())
        await client.send(
            "open",
            organizationId="org-1",
            conversationId=client.id,
            participant={"id": "p1"},
            media=MEDIA,
            language="en-US",
            supportedLanguages=True,
        )
        await play(client)
        await client.send("close", reason="end")
        await reader
        return client


def test_finals_go_back_in_order_then_closed_on_both_channels(tiny_en):
    legs = narrowband(decode_file(fixture_path("stereo_diarization.wav")))

    async def scenario():
        settings = {"audiohook_transcripts": ("org-1",), "audiohook_agent_assist": ("org-1",)}
        async with running_server(tiny_en, **settings) as (server, events):
            client = await genesys_call(server, lambda c: c.frames(legs[CUSTOMER], legs[AGENT]))
            return client, events

    client, events = run(scenario())
    opened, closed = client.received[0], client.received[-1]
    assert opened["type"] == "opened" and "en-US" in opened["parameters"]["supportedLanguages"]
    assert closed["type"] == "closed" and closed["clientseq"] == client.seq
    # Every server message has the next seq: nothing overtook anything.
    assert [m["seq"] for m in client.received] == list(range(1, len(client.received) + 1))
    transcripts = client.transcripts()
    finals = events.of(client.id, "transcript.final")
    assert len(transcripts) >= len(finals) >= 2  # a final of several sentences sends several
    by_channel = {t["channelId"]: t["alternatives"][0]["interpretations"][0] for t in transcripts}
    assert "horizon" in by_channel[0]["transcript"].lower()  # external: the customer
    assert "wizard" in by_channel[1]["transcript"].lower()  # internal: the agent
    for t in transcripts:
        assert 0 <= parse_duration(t["offset"]) <= 5.0 and parse_duration(t["duration"]) > 0
        assert 0 < t["alternatives"][0]["confidence"] <= 1


def test_pause_and_update_cut_the_utterance_and_a_discard_does_not(tiny_en):
    """A pause at 5.5 s and a language update at 9.5 s, both mid-sentence, cut jfk's speech."""
    speech = narrowband(decode_file(fixture_path("jfk.flac")))[CUSTOMER]
    quiet = np.zeros_like(speech)

    async def play(client):
        pause, drop, update = int(5.5 * 8000), int(7.0 * 8000), int(9.5 * 8000)
        await client.frames(speech[:pause], quiet[:pause])
        await client.send("paused")
        await client.send("resumed", start="PT5.5S", discarded="PT0S")
        await client.frames(speech[pause:drop], quiet[pause:drop])
        await client.send("discarded", start="PT7S", discarded="PT0.3S")
        await client.frames(speech[drop:update], quiet[drop:update])
        await client.send("update", language="en-US")
        await client.frames(speech[update:], quiet[update:])

    async def scenario():
        async with running_server(tiny_en, audiohook_transcripts=("*",)) as (server, events):
            return await genesys_call(server, play), events

    client, events = run(scenario())
    finals = [f for f in events.of(client.id, "transcript.final") if f.speaker == CUSTOMER]
    ends = [f.end for f in finals]
    # Cut at the pause (5.5 s) and at the update (9.5 s); the 0.3 s the client said it dropped
    # at 7 s cut nothing: the call runs on the stream's own position, as Genesys counts it.
    # An utterance ends at its last voiced frame, just before the cut.
    assert any(-0.3 <= end - 5.5 <= 0.1 for end in ends), ends
    assert any(-0.3 <= end - 9.5 <= 0.1 for end in ends), ends
    assert not any(-0.3 <= end - 7.0 <= 0.1 for end in ends), ends
    # Sent back on that timeline: every token at its word's own time.
    tokens = [
        token
        for t in client.transcripts()
        for token in t["alternatives"][0]["interpretations"][0]["tokens"]
    ]
    words = [w for f in finals for w in f.words if any(c.isalnum() for c in w.word)]
    assert len(tokens) == len(words) > 10
    for token, word in zip(tokens, words, strict=True):
        assert abs(parse_duration(token["offset"]) - word.start) <= 0.002, token
    assert max(parse_duration(t["offset"]) for t in tokens) <= len(speech) / 8000


def run(coro):
    return asyncio.run(coro)


def test_article_suggestions_go_back_as_agent_assist(tiny_en):
    legs = narrowband(decode_file(fixture_path("call_calm_en.wav")))

    async def scenario():
        settings = {"audiohook_agent_assist": ("org-1",), "stages": ("affect", "assist")}
        async with running_server(tiny_en, **settings) as (server, events):
            client = await genesys_call(server, lambda c: c.frames(legs[CUSTOMER], legs[AGENT]))
            return client, events

    client, events = run(scenario())
    suggested = [
        s
        for m in client.received
        if m["type"] == "event"
        for entity in m["parameters"]["entities"]
        if entity["type"] == "agentassist"
        for s in entity["data"]["suggestions"]
    ]
    articles = [e for e in events.of(client.id, "suggestion") if e.kind == "article"]
    assert articles and len(suggested) == len(articles)
    assert {s["documentUri"] for s in suggested} == {f"urn:copilot:kb:{a.item}" for a in articles}
    assert all(s["type"] == "article" and s["title"] and s["excerpts"] for s in suggested)
    assert client.transcripts() == []  # transcripts were not asked for this organisation
