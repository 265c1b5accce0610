"""Webhook delivery against a real local HTTP receiver that checks the HMAC signature."""

from __future__ import annotations

import json
import time

import pytest

from copilot.delivery import webhook
from copilot.delivery.outgoing import DeliveryFailed, OutgoingDraft
from copilot.delivery.settings import DeliveryConfig
from copilot.delivery.webhook import WebhookSender, signature, verify
from tests.delivery.servers import Hook, free_port, webhook_server

SECRET = "a-webhook-secret-of-some-length"


def draft(recipient: str = "") -> OutgoingDraft:
    return OutgoingDraft(
        delivery_id="7f3c",
        call_id="CA-hook",
        suggestion_id="CA-hook:draft:email",
        recipient=recipient,
        subject="Your refund",
        text="Dear Mr Smith,\n\nYour refund of €25 is on its way.",
        language="en",
        intent="refund_return",
        agent_id="agent-7",
    )


def sender(url: str, secret: str = SECRET) -> WebhookSender:
    config = DeliveryConfig(mode="webhook", webhook_url=url, webhook_secret=secret)
    assert config.problem() is None
    return WebhookSender(config)


def test_the_draft_arrives_signed_with_the_call_id():
    hook = Hook(SECRET)
    with webhook_server(hook) as url:
        sender(url).send(draft(), timeout_s=5)
    [request] = hook.requests
    assert request["verified"]
    assert request["headers"][webhook.DELIVERY_HEADER] == "7f3c"
    assert request["body"] == {
        "type": "draft.send",
        "delivery_id": "7f3c",
        "call_id": "CA-hook",
        "suggestion_id": "CA-hook:draft:email",
        "channel": "email",
        "to": "",  # no address known: the receiver finds the customer by call id
        "subject": "Your refund",
        "text": "Dear Mr Smith,\n\nYour refund of €25 is on its way.",
        "language": "en",
        "intent": "refund_return",
        "agent_id": "agent-7",
    }


def test_a_receiver_with_another_secret_rejects_the_signature():
    hook = Hook("not-the-secret-the-sender-has")
    with webhook_server(hook) as url:
        sender(url).send(draft(), timeout_s=5)
    assert hook.requests[0]["verified"] is False


def test_verify_refuses_a_changed_body_an_old_timestamp_and_a_wrong_secret():
    body = json.dumps({"text": "Beste klant"}).encode()
    now = time.time()
    stamp = str(int(now))
    signed = signature(SECRET, stamp, body)
    assert verify(SECRET, stamp, body, signed, now=now)
    assert not verify(SECRET, stamp, body.replace(b"Beste", b"Hallo"), signed, now=now)
    assert not verify(SECRET, stamp, body, signed, now=now + webhook.TOLERANCE_S + 1)
    assert not verify("another-secret-of-some-length", stamp, body, signed, now=now)
    assert not verify(SECRET, "not-a-number", body, signed, now=now)


@pytest.mark.parametrize(
    ("status", "temporary"), [(500, True), (503, True), (429, True), (400, False), (403, False)]
)
def test_an_error_status_is_its_code_and_5xx_is_worth_another_try(status, temporary):
    hook = Hook(SECRET, statuses=[status])
    with webhook_server(hook) as url:
        with pytest.raises(DeliveryFailed) as failed:
            sender(url).send(draft(), timeout_s=5)
    assert failed.value.code == f"webhook_status_{status}"
    assert failed.value.temporary is temporary


def test_a_redirect_is_not_followed():
    hook = Hook(SECRET, statuses=[302])
    with webhook_server(hook) as url:
        with pytest.raises(DeliveryFailed) as failed:
            sender(url).send(draft(), timeout_s=5)
    assert failed.value.code == "webhook_status_302"
    assert len(hook.requests) == 1  # the text went nowhere else


def test_no_receiver_is_unreachable_and_worth_another_try():
    with pytest.raises(DeliveryFailed) as failed:
        sender(f"http://127.0.0.1:{free_port()}/drafts").send(draft(), timeout_s=2)
    assert failed.value.code == "webhook_unreachable" and failed.value.temporary


def test_a_slow_receiver_is_a_timeout():
    hook = Hook(SECRET, hang_s=3.0)
    with webhook_server(hook) as url:
        began = time.monotonic()
        with pytest.raises(DeliveryFailed) as failed:
            sender(url).send(draft(), timeout_s=0.3)
        took = time.monotonic() - began
    assert failed.value.code == "webhook_timeout" and failed.value.temporary
    assert took < 2.0
