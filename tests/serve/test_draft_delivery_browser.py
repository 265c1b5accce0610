"""The sidebar says what became of a sent e-mail draft, in English and in Dutch (Chromium).

English: the agent edits the draft, presses Send, the mail reaches a real local mail server
and the card says it was sent by e-mail. Dutch: no delivery is configured, and the card says
it was not delivered and why. The page stays axe-core clean with the line on it.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from copilot.events.core import CallEnded
from copilot.serve.auth import TokenFile
from tests import axe
from tests.delivery.servers import mail_server, self_signed
from tests.serve.server_harness import server_for
from tests.serve.test_draft_delivery import (
    CUSTOMER,
    EDITED,
    publish_contact,
    server_config,
    smtp_settings,
)

playwright_api = pytest.importorskip("playwright.async_api")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium not installed")

SAID = {
    "en": "Sent to the customer by e-mail ✓",
    "nl": "Niet bezorgd: e-mail versturen is niet ingesteld; verstuur het zelf",
}
SEND = {"en": "Send", "nl": "Versturen"}


async def sidebar_shows_the_outcome(tiny_en, config, token: str, language: str):
    """The agent's page on a contact that ended with an e-mail draft; Send; the card's line."""
    async with server_for(tiny_en, config) as (server, _events):
        publish_contact(server, "CA-page", {"record": {"email": CUSTOMER}}, ended=False)
        async with playwright_api.async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = await browser.new_page(viewport={"width": 400, "height": 900})
            await page.goto(f"http://127.0.0.1:{server.ws_port}/#token={token}")
            card = page.locator('#current .suggestion[data-suggestion-id="CA-page:draft:email"]')
            await card.wait_for()
            server.live.sink_for("CA-page")(CallEnded("CA-page", 1, 31.0, duration=31.0))
            await card.locator("textarea").fill(EDITED)
            await card.get_by_role("button", name=SEND[language], exact=True).click()
            line = page.locator('.suggestion[data-suggestion-id="CA-page:draft:email"] .delivery')
            await line.filter(has_text=SAID[language]).wait_for(timeout=20_000)
            shown = (
                await line.first.text_content(),
                await line.first.get_attribute("data-delivered"),
            )
            found = await axe.check_async(page)
            await browser.close()
    return shown, found


def test_the_sidebar_says_sent_by_email_in_english(tiny_en, tmp_path):
    cert = self_signed(tmp_path)
    with mail_server("starttls", cert) as (port, inbox):
        config, token = server_config(tmp_path, **smtp_settings(port, cert))
        shown, found = asyncio.run(sidebar_shows_the_outcome(tiny_en, config, token, "en"))
    assert shown == (SAID["en"], "true")
    assert [m.message.get_content().strip() for m in inbox.mails] == [EDITED]
    assert axe.summary(found) == []


def test_the_sidebar_says_not_delivered_in_dutch(tiny_en, tmp_path):
    config, _ = server_config(tmp_path)
    token = TokenFile(tmp_path / "tokens.json").add("agent", "agent-7", ui_language="nl")
    shown, found = asyncio.run(sidebar_shows_the_outcome(tiny_en, config, token, "nl"))
    assert shown == (SAID["nl"], "false")
    assert axe.summary(found) == []
