"""`send` on an e-mail draft through a real server: out to a real local mail server or webhook,
and the `draft.delivery` outcome on the call's stream to the agent's sidebar.

The call's events are published straight into the server's sink (as the sidebar browser
tests do): what is tested here is the way from the agent's `send` to the customer.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import urllib.request
from pathlib import Path

import pytest

import copilot
from copilot.config import Config
from copilot.events.assist import Draft
from copilot.events.core import CallEnded, CallStarted
from copilot.events.feedback import DELIVERY_REASONS
from copilot.serve.auth import TokenFile
from copilot.serve.retention import erase
from copilot.serve.web_assets import asset_for
from tests.delivery.servers import (
    PASSWORD,
    USER,
    Hook,
    free_port,
    mail_server,
    self_signed,
    webhook_server,
)
from tests.serve.server_harness import server_for
from tests.serve.test_live_server import Watcher

SECRET = "a-webhook-secret-of-some-length"
CUSTOMER = "jan.jansen@example.nl"
DRAFTED = "Beste klant, uw pakket wordt morgen bezorgd."
EDITED = "Beste meneer Jansen, uw pakket 3SABC1234567 wordt morgen tussen 9 en 12 uur bezorgd."


@pytest.fixture(scope="module")
def cert(tmp_path_factory):
    return self_signed(tmp_path_factory.mktemp("tls"))


def server_config(tmp_path, **delivery) -> tuple[Config, str]:
    """A server for agent-7 with `[delivery]` set from `delivery`; returns it and the token."""
    tokens = TokenFile(tmp_path / "tokens.json")
    token = tokens.add("agent", "agent-7")
    config = Config(stages=("affect",))
    config.serve.audiosocket_customer_port = -1
    config.serve.audiosocket_agent_port = -1
    config.store.path = str(tmp_path / "events.sqlite3")
    config.auth.tokens_file = str(tokens.path)
    for key, value in {"timeout_s": 3.0, "retry_delay_s": 0.05, **delivery}.items():
        setattr(config.delivery, key, value)
    assert config.delivery.problem() is None
    return config, token


def smtp_settings(port: int, cert) -> dict:
    return {
        "mode": "smtp",
        "smtp_host": "127.0.0.1",
        "smtp_port": port,
        "smtp_username": USER,
        "smtp_password": PASSWORD,
        "from_address": "klantenservice@example.nl",
        "ca_file": str(cert[0]),
    }


def publish_contact(server, call_id: str, metadata: dict, ended: bool = True) -> str:
    """A chat contact for agent-7 that ended with an e-mail draft; returns the draft's id."""
    publish = server.live.sink_for(call_id)
    metadata = {"agent_id": "agent-7", **metadata}
    publish(CallStarted(call_id, 1, 0.0, source="chat", legs=("customer",), metadata=metadata))
    draft_id = f"{call_id}:draft:email"
    publish(
        Draft(
            call_id,
            2,
            30.0,
            suggestion_id=draft_id,
            channel="email",
            language="nl",
            intent="parcel_status",
            subject="Uw pakket",
            body=DRAFTED,
        )
    )
    if ended:
        publish(CallEnded(call_id, 3, 31.0, duration=31.0, reason="end"))
    return draft_id


async def send_draft(agent: Watcher, call_id: str, draft_id: str, text: str, ref: str) -> dict:
    """The agent's `send` on the draft; returns the ack."""
    await agent.send(
        {
            "type": "feedback",
            "call_id": call_id,
            "target": "draft",
            "target_id": draft_id,
            "action": "send",
            "text": text,
            "ref": ref,
        }
    )
    return await agent.until(lambda m: m.get("type") in ("feedback.ack", "error"))


def delivery_of(call_id: str):
    return lambda m: m.get("type") == "draft.delivery" and m.get("call_id") == call_id


async def agent_on(server, token: str, call_id: str) -> Watcher:
    agent = await Watcher.open(server.ws_port, token)
    await agent.until(lambda m: m["type"] == "calls")
    await agent.send({"type": "subscribe", "call_id": call_id, "after_seq": 0})
    await agent.until(lambda m: m.get("type") == "draft" and m.get("call_id") == call_id)
    return agent


def stored_deliveries(server, call_id: str) -> list[dict]:
    return [json.loads(e) for e in server.store.events_of_types(call_id, ("draft.delivery",))]


def test_a_sent_email_draft_reaches_the_customer_and_the_sidebar(tiny_en, tmp_path, cert, caplog):
    caplog.set_level(logging.DEBUG)
    with mail_server("starttls", cert) as (smtp_port, inbox):
        config, token = server_config(tmp_path, **smtp_settings(smtp_port, cert))

        async def scenario():
            async with server_for(tiny_en, config) as (server, _events):
                draft_id = publish_contact(server, "CA-mail", {"record": {"email": CUSTOMER}})
                agent = await agent_on(server, token, "CA-mail")
                ack = await send_draft(agent, "CA-mail", draft_id, EDITED, "s1")
                outcome = await agent.until(delivery_of("CA-mail"), timeout=20)
                order = [
                    m["type"]
                    for m in agent.messages
                    if m.get("type") in ("feedback.ack", "draft.delivery")
                ]
                # A second press never sends the mail twice.
                await send_draft(agent, "CA-mail", draft_id, EDITED, "s2")
                again = await agent.until(
                    lambda m: delivery_of("CA-mail")(m) and m is not outcome, timeout=20
                )
                return ack, outcome, order, again, stored_deliveries(server, "CA-mail")

        ack, outcome, order, again, stored = asyncio.run(scenario())
    assert ack["type"] == "feedback.ack" and ack["action"] == "send"
    assert order == ["feedback.ack", "draft.delivery"]  # acked first, delivered after
    assert outcome["seq"] == 4 and outcome["t"] == 31.0  # after the call's end
    assert {k: outcome[k] for k in ("draft_id", "channel", "via", "delivered", "reason")} == {
        "draft_id": "CA-mail:draft:email",
        "channel": "email",
        "via": "smtp",
        "delivered": True,
        "reason": "",
    }
    assert outcome["attempts"] == 1 and outcome["feedback_id"] == ack["feedback_id"]
    [mail] = inbox.mails
    assert mail.tls and mail.login == USER and mail.rcpt_tos == [CUSTOMER]
    assert mail.message["Subject"] == "Uw pakket"
    assert mail.message.get_content().strip() == EDITED  # the agent's text, not the draft's
    assert (again["delivered"], again["reason"]) == (False, "already_delivered")
    assert [s["seq"] for s in stored] == [4, 5]
    # The event says how it went in codes; no log line names the customer or the text.
    assert EDITED not in json.dumps(outcome) and CUSTOMER not in json.dumps(outcome)
    ours = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("copilot"))
    assert "draft delivered via smtp" in ours  # (the test's mail server logs what it got)
    assert CUSTOMER not in ours and "3SABC1234567" not in ours


def test_without_configuration_it_is_marked_sent_and_not_delivered(tiny_en, tmp_path):
    config, token = server_config(tmp_path)  # [delivery] mode none, the default

    async def scenario():
        async with server_for(tiny_en, config) as (server, _events):
            draft_id = publish_contact(server, "CA-none", {"record": {"email": CUSTOMER}})
            agent = await agent_on(server, token, "CA-none")
            await send_draft(agent, "CA-none", draft_id, EDITED, "s1")
            outcome = await agent.until(delivery_of("CA-none"))
            return outcome, server.store.draft("CA-none", draft_id)

    outcome, saved = asyncio.run(scenario())
    assert (outcome["delivered"], outcome["reason"], outcome["via"]) == (
        False,
        "not_configured",
        "",
    )
    assert saved == (EDITED, "sent")  # marked sent, as before


def test_a_mail_server_that_is_down_is_an_error_code_and_the_server_carries_on(tiny_en, tmp_path):
    down = smtp_settings(free_port(), ("", ""))
    config, token = server_config(tmp_path, **{**down, "ca_file": "", "attempts": 2})

    async def scenario():
        async with server_for(tiny_en, config) as (server, _events):
            draft_id = publish_contact(server, "CA-down", {"record": {"email": CUSTOMER}})
            agent = await agent_on(server, token, "CA-down")
            await send_draft(agent, "CA-down", draft_id, EDITED, "s1")
            outcome = await agent.until(delivery_of("CA-down"), timeout=20)
            await agent.send({"type": "ping", "ref": "p"})
            pong = await agent.until(lambda m: m.get("type") == "pong")
            url = f"http://127.0.0.1:{server.ws_port}/healthz"
            status = await asyncio.to_thread(lambda: urllib.request.urlopen(url, timeout=5).status)
            return outcome, pong, status

    outcome, pong, health = asyncio.run(scenario())
    assert (outcome["delivered"], outcome["reason"], outcome["attempts"]) == (
        False,
        "smtp_unreachable",
        2,
    )
    assert pong["ref"] == "p" and health == 200


@pytest.mark.parametrize(
    ("metadata", "redacted"),
    [({"record": {"name": "Jan Jansen"}}, False), ({"record": {"email": CUSTOMER}}, True)],
    ids=["no-address-on-record", "address-redacted-in-the-store"],
)
def test_no_address_is_no_recipient(tiny_en, tmp_path, cert, metadata, redacted):
    with mail_server("starttls", cert) as (smtp_port, inbox):
        config, token = server_config(tmp_path, **smtp_settings(smtp_port, cert))
        config.redaction.enabled = redacted

        async def scenario():
            async with server_for(tiny_en, config) as (server, _events):
                draft_id = publish_contact(server, "CA-nobody", metadata)
                agent = await agent_on(server, token, "CA-nobody")
                await send_draft(agent, "CA-nobody", draft_id, EDITED, "s1")
                return await agent.until(delivery_of("CA-nobody"))

        outcome = asyncio.run(scenario())
    assert (outcome["delivered"], outcome["reason"]) == (False, "no_recipient")
    assert inbox.mails == []


def test_the_webhook_gets_the_signed_draft_with_the_call_id(tiny_en, tmp_path):
    hook = Hook(SECRET, statuses=[503])  # the first try fails for a moment, the second lands
    with webhook_server(hook) as url:
        config, token = server_config(
            tmp_path, mode="webhook", webhook_url=url, webhook_secret=SECRET
        )

        async def scenario():
            async with server_for(tiny_en, config) as (server, _events):
                draft_id = publish_contact(server, "CA-hook", {"record": {"email": CUSTOMER}})
                agent = await agent_on(server, token, "CA-hook")
                await send_draft(agent, "CA-hook", draft_id, EDITED, "s1")
                return await agent.until(delivery_of("CA-hook"), timeout=20)

        outcome = asyncio.run(scenario())
    assert (outcome["delivered"], outcome["via"], outcome["attempts"]) == (True, "webhook", 2)
    assert all(request["verified"] for request in hook.requests)
    body = hook.requests[-1]["body"]
    assert (body["call_id"], body["to"], body["text"], body["agent_id"]) == (
        "CA-hook",
        CUSTOMER,
        EDITED,
        "agent-7",
    )


def test_the_outcome_of_a_call_still_live_waits_for_its_end(tiny_en, tmp_path):
    """A call id streaming in again: its seqs are the pipeline's until it ends."""
    config, token = server_config(tmp_path)

    async def scenario():
        async with server_for(tiny_en, config) as (server, _events):
            draft_id = publish_contact(server, "CA-live", {}, ended=False)
            agent = await agent_on(server, token, "CA-live")
            await send_draft(agent, "CA-live", draft_id, EDITED, "s1")
            await asyncio.sleep(0.3)
            early = stored_deliveries(server, "CA-live")
            server.live.sink_for("CA-live")(CallEnded("CA-live", 1, 40.0, duration=40.0))
            outcome = await agent.until(delivery_of("CA-live"))
            return early, outcome

    early, outcome = asyncio.run(scenario())
    assert early == []
    assert outcome["seq"] == 4 and outcome["t"] == 40.0  # right after call.ended (seq 3)


def test_erasure_takes_the_outcome_and_a_delivery_under_way_leaves_nothing(tiny_en, tmp_path):
    hook = Hook(SECRET, hang_s=1.0)  # the receiver answers only after the call is erased
    with webhook_server(hook) as url:
        config, token = server_config(
            tmp_path, mode="webhook", webhook_url=url, webhook_secret=SECRET
        )

        async def scenario():
            async with server_for(tiny_en, config) as (server, _events):
                done = publish_contact(server, "CA-done", {})
                agent = await agent_on(server, token, "CA-done")
                hook.hang_s = 0.0
                await send_draft(agent, "CA-done", done, EDITED, "s1")
                await agent.until(delivery_of("CA-done"), timeout=20)
                before = stored_deliveries(server, "CA-done")
                erase(server.store, ["CA-done"], "test", "call")
                after = stored_deliveries(server, "CA-done")

                hook.hang_s = 1.0
                under_way = publish_contact(server, "CA-gone", {})
                agent = await agent_on(server, token, "CA-gone")
                await send_draft(agent, "CA-gone", under_way, EDITED, "s2")
                erase(server.store, ["CA-gone"], "test", "call")
                await asyncio.sleep(1.5)  # the receiver has answered by now
                left = server.store.events_after("CA-gone")
                return before, after, left

        before, after, left = asyncio.run(scenario())
    assert len(before) == 1 and after == []
    assert left == []  # the outcome did not bring the erased call back


def test_every_reason_a_delivery_can_give_is_worded_in_dutch_and_english():
    package = Path(copilot.__file__).parent
    sources = [*(package / "delivery").glob("*.py"), package / "serve" / "draft_delivery.py"]
    text = "".join(path.read_text(encoding="utf-8") for path in sources)
    given = set(re.findall(r'(?:DeliveryFailed|DeliveryOutcome)\(\s*(?:False, )?"(\w+)"', text))
    given |= {"smtp_timeout", "webhook_timeout", "smtp_error", "webhook_error"}  # f"{via}_…"
    given.add("webhook_status")  # f"webhook_status_{status}"
    assert len(given) >= 14 and given <= set(DELIVERY_REASONS)
    words = json.loads(asset_for("/web/messages.json")[0])
    for language in ("en", "nl"):
        for key in ("delivery.sent", "delivery.handed", "delivery.failed"):
            assert key in words[language]
        missing = [r for r in DELIVERY_REASONS if f"delivery.reason.{r}" not in words[language]]
        assert missing == [], language
    assert words["en"]["delivery.failed"] != words["nl"]["delivery.failed"]
