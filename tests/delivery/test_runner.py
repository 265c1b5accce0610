"""Deliveries off the event loop: bounded tries, a timeout, and a loop that keeps running."""

from __future__ import annotations

import asyncio
import time

from copilot.delivery.outgoing import OutgoingDraft
from copilot.delivery.runner import runner_for
from copilot.delivery.settings import DeliveryConfig
from tests.delivery.servers import Hook, free_port, mail_server, webhook_server

SECRET = "a-webhook-secret-of-some-length"


def draft(text: str = "Beste klant, uw pakket komt morgen.") -> OutgoingDraft:
    return OutgoingDraft("d", "CA-run", "CA-run:draft:email", "jan@example.nl", "Pakket", text)


def hook_config(url: str, **changes) -> DeliveryConfig:
    config = DeliveryConfig(
        mode="webhook", webhook_url=url, webhook_secret=SECRET, retry_delay_s=0.01, timeout_s=2
    )
    for key, value in changes.items():
        setattr(config, key, value)
    return config


def deliver(config: DeliveryConfig, outgoing: OutgoingDraft | None = None):
    runner = runner_for(config)
    assert runner is not None
    try:
        return asyncio.run(runner.deliver(outgoing or draft()))
    finally:
        runner.close()


def test_temporary_failures_are_tried_again_until_delivered():
    hook = Hook(SECRET, statuses=[503, 500])
    with webhook_server(hook) as url:
        outcome = deliver(hook_config(url, attempts=3))
    assert (outcome.delivered, outcome.reason, outcome.attempts) == (True, "", 3)
    assert len(hook.requests) == 3 and all(r["verified"] for r in hook.requests)
    # One delivery id over all tries: the receiver's key against sending twice.
    assert len({r["headers"]["X-Copilot-Delivery"] for r in hook.requests}) == 1


def test_a_lasting_failure_is_not_tried_again():
    hook = Hook(SECRET, statuses=[400])
    with webhook_server(hook) as url:
        outcome = deliver(hook_config(url, attempts=3))
    assert (outcome.delivered, outcome.reason, outcome.attempts) == (False, "webhook_status_400", 1)


def test_the_tries_are_bounded():
    outcome = deliver(hook_config(f"http://127.0.0.1:{free_port()}/x", attempts=2))
    assert (outcome.delivered, outcome.reason, outcome.attempts) == (
        False,
        "webhook_unreachable",
        2,
    )


def test_a_slow_receiver_never_holds_up_the_event_loop():
    hook = Hook(SECRET, hang_s=2.0)

    async def scenario(runner):
        gaps, last = [], time.monotonic()

        async def tick():
            nonlocal last
            while True:
                await asyncio.sleep(0.01)
                gaps.append(time.monotonic() - last)
                last = time.monotonic()

        ticker = asyncio.create_task(tick())
        outcome = await runner.deliver(draft())
        ticker.cancel()
        return outcome, max(gaps)

    with webhook_server(hook) as url:
        runner = runner_for(hook_config(url, attempts=1, timeout_s=0.5))
        assert runner is not None
        outcome, longest_gap = asyncio.run(scenario(runner))
        runner.close()
    assert (outcome.delivered, outcome.reason) == (False, "webhook_timeout")
    assert longest_gap < 0.2


def test_a_text_no_mail_can_carry_is_a_clear_error_not_an_exception():
    with mail_server("none", auth=False) as (port, inbox):
        config = DeliveryConfig(
            mode="smtp",
            smtp_host="127.0.0.1",
            smtp_port=port,
            smtp_security="none",
            from_address="klantenservice@example.nl",
        )
        outcome = deliver(config, draft(text="half a character: \ud800"))
    assert (outcome.delivered, outcome.reason, outcome.attempts) == (False, "smtp_error", 1)
    assert inbox.mails == []
