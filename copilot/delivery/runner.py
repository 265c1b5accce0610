"""Deliveries off the event loop: a blocking sender in its own threads, a timeout, a few tries.

A mail server that takes 10 s to answer must not hold up any call: each try runs in
one of the runner's own threads (not the loop's default executor, which others
share), the loop waits at most `timeout_s` plus a second for it, and only a
temporary failure (a 4xx reply, a refused connection, a webhook's 5xx) is tried
again, after `retry_delay_s`, doubled each time. Anything a sender did not foresee
becomes `<via>_error`: a delivery never raises into the server.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from copilot.delivery.mail import SmtpSender
from copilot.delivery.outgoing import DeliveryFailed, OutgoingDraft, Sender
from copilot.delivery.settings import DeliveryConfig
from copilot.delivery.webhook import WebhookSender

log = logging.getLogger(__name__)
THREADS = 2  # deliveries at once; more wait their turn (agents send a draft now and then)


@dataclass(frozen=True)
class DeliveryOutcome:
    """How a delivery ended: delivered or not, the reason code, and the tries it took."""

    delivered: bool
    reason: str = ""  # "" when delivered
    attempts: int = 0


class DeliveryRunner:
    """Runs one configured sender off the event loop, with a timeout and bounded retries."""

    def __init__(self, sender: Sender, config: DeliveryConfig) -> None:
        self.sender = sender
        self.timeout_s = config.timeout_s
        self.attempts = config.attempts
        self.retry_delay_s = config.retry_delay_s
        self._threads = ThreadPoolExecutor(THREADS, thread_name_prefix="delivery")

    @property
    def via(self) -> str:
        """smtp or webhook."""
        return self.sender.via

    async def deliver(self, draft: OutgoingDraft) -> DeliveryOutcome:
        """Try until delivered, a lasting failure, or the last try; never raises (but cancel)."""
        delay = self.retry_delay_s
        for attempt in range(1, self.attempts + 1):
            failure = await self._try(draft)
            if failure is None:
                return DeliveryOutcome(True, "", attempt)
            if not failure.temporary or attempt == self.attempts:
                return DeliveryOutcome(False, failure.code, attempt)
            await asyncio.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable: the last try returns")  # attempts >= 1

    async def _try(self, draft: OutgoingDraft) -> DeliveryFailed | None:
        loop = asyncio.get_running_loop()
        work = loop.run_in_executor(self._threads, self.sender.send, draft, self.timeout_s)
        try:
            # The sender's sockets time out on their own; this bounds a server that drips.
            await asyncio.wait_for(work, self.timeout_s + 1.0)
        except DeliveryFailed as failure:
            return failure
        except TimeoutError:
            return DeliveryFailed(f"{self.via}_timeout", temporary=True)
        except Exception as exc:  # a sender's bug must not reach the server; no text in the log
            log.error("draft delivery via %s failed unexpectedly: %s", self.via, type(exc).__name__)
            return DeliveryFailed(f"{self.via}_error")
        return None

    def close(self) -> None:
        """Let the threads go; a try still running finishes on its own socket timeout."""
        self._threads.shutdown(wait=False, cancel_futures=True)


def runner_for(config: DeliveryConfig) -> DeliveryRunner | None:
    """The runner of `[delivery] mode` (smtp or webhook); None when nothing is to be sent."""
    if config.mode == "smtp":
        return DeliveryRunner(SmtpSender(config), config)
    if config.mode == "webhook":
        return DeliveryRunner(WebhookSender(config), config)
    return None
