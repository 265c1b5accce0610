"""Act on an alert and two cards, reload the page: they stay handled (headless Chromium).

The agent's sidebar (Dutch UI) and a supervisor's view (English UI) on a live call whose
events are published into the server's sink. The supervisor acknowledges the take-over
(the agent's alert stays open for the agent); the agent acknowledges that alert, accepts
one card and dismisses the other with the page's own buttons. After a reload of both
pages the alert and both cards are handled, in the history, with their state in Dutch,
and the take-over banner stays away. The reloaded sidebar is axe-core clean.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from copilot.serve.auth import TokenFile
from tests import axe
from tests.serve.server_harness import server_for
from tests.serve.test_decisions import ARTICLE, CALL, STEP, publish_call, server_config
from tests.serve.test_sidebar_browser import CHROMIUM, CHROMIUM_ARGS

playwright_api = pytest.importorskip("playwright.async_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium not installed")

TAKE_OVER = '.alert[data-seq="6"]'  # the take-over alert publish_call sends as seq 6
BANNER = f'#take-overs [data-call-id="{CALL}"]'


def card(suggestion_id: str) -> str:
    return f'.suggestion[data-suggestion-id="{suggestion_id}"]'


async def handled(page) -> dict:
    """Each item's place (up front or in the history), its state and its state line."""
    return await page.evaluate(
        """items => Object.fromEntries(items.map(([name, selector]) => {
          const node = document.querySelector(selector);
          return [name, node && [node.closest("#history") ? "history" : "front",
            node.dataset.state || "", node.querySelector(".state")?.textContent || ""]];
        }))""",
        [["alert", TAKE_OVER], ["accepted", card(STEP)], ["dismissed", card(ARTICLE)]],
    )


def test_an_alert_and_two_cards_stay_handled_after_a_reload(tiny_en, tmp_path):
    tokens = TokenFile(tmp_path / "tokens.json")
    agent = tokens.add("agent", "agent-7", ui_language="nl")
    supervisor = tokens.add("supervisor", name="sup-1", ui_language="en")
    config = server_config(tmp_path, tokens)

    async def scenario():
        async with server_for(tiny_en, config) as (server, _events):
            base = f"http://127.0.0.1:{server.ws_port}"
            async with playwright_api.async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = await browser.new_page(viewport={"width": 400, "height": 900})
                await page.goto(f"{base}/#token={agent}")
                boss = await browser.new_page(viewport={"width": 1200, "height": 800})
                await boss.goto(f"{base}/supervisor#token={supervisor}")
                for view in (page, boss):
                    await view.wait_for_selector('#conn[data-state="connected"]')
                publish_call(server)

                # The supervisor acknowledges the take-over: their banner goes, the agent's
                # alert stays open up front.
                await boss.locator(BANNER).get_by_role("button", name="Acknowledge").click()
                await boss.locator(BANNER).wait_for(state="detached")
                async with asyncio.timeout(10):
                    while not server.store.feedback_for(CALL):
                        await asyncio.sleep(0.05)
                alert = page.locator(f"#alerts {TAKE_OVER}")
                await alert.wait_for()
                open_after_supervisor = await alert.get_attribute("class")

                await alert.get_by_role("button", name="Gezien").click()
                await alert.locator(".state", has_text="Gezien ✓").wait_for()
                # The newest card is up front: accept it; then the next one: dismiss it.
                await (
                    page.locator(f"#current {card(STEP)}")
                    .get_by_role("button", name="Gebruiken")
                    .click()
                )
                await (
                    page.locator(f"#current {card(ARTICLE)}")
                    .get_by_role("button", name="Negeren")
                    .click()
                )
                await page.locator(f"{card(ARTICLE)} .state", has_text="genegeerd ✓").wait_for()
                before = await handled(page)

                await page.reload()
                await boss.reload()
                await page.locator(card(ARTICLE)).wait_for(state="attached")
                await page.locator("#alerts .alert").wait_for()
                after = await handled(page)
                up_front = await page.locator("#alerts .alert").get_attribute("data-seq")
                current = await page.locator("#current").inner_text()
                found = await axe.check_async(page)
                await boss.locator(f'tr[data-call-id="{CALL}"]').wait_for()
                await boss.wait_for_timeout(500)  # the list's `decisions` follow its `calls`
                banners = await boss.locator(BANNER).count()
                await browser.close()
            return open_after_supervisor, before, after, up_front, current, found, banners

    open_after_supervisor, before, after, up_front, current, found, banners = asyncio.run(
        scenario()
    )
    assert "done" not in open_after_supervisor  # the supervisor's ack is not the agent's
    assert before["alert"][1:] == ["accept", "Gezien ✓"]
    assert after == {
        "alert": ["history", "accept", "Gezien ✓"],
        "accepted": ["history", "accept", "gebruikt ✓"],
        "dismissed": ["history", "dismiss", "genegeerd ✓"],
    }
    # Up front now: the escalation nobody answered (seq 2), and the draft still open.
    assert up_front == "2" and "Your parcel" in current
    assert banners == 0
    assert axe.summary(found) == []
