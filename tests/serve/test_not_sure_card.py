"""The sidebar shows "not sure yet" as such, in the agent's language: never as an intent guess."""

import asyncio
from pathlib import Path

import pytest

from copilot.events.assist import NOT_SURE, Suggestion
from copilot.events.wording import Words
from copilot.serve.auth import TokenFile
from tests.serve.server_harness import running_server
from tests.serve.test_sidebar_browser import CHROMIUM, CHROMIUM_ARGS, started_for_agent_7

playwright_api = pytest.importorskip("playwright.async_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium not installed")


def not_sure(call_id: str, seq: int, missing: str) -> Suggestion:
    return Suggestion(
        call_id,
        seq,
        float(seq),
        suggestion_id=f"{call_id}:intent:{NOT_SURE}",
        kind="intent",
        item=NOT_SURE,
        title="not sure yet",
        text="the server's prose",
        confidence=0.0,
        language="nl",
        quote="ik wil graag mijn afstraak met hem om te remetten",
        heard=0.9,
        context={"intent": "other", "request": "", "facts": {}, "done": [], "urgency": "normal"},
        status=NOT_SURE,
        missing=missing,
    )


def test_a_not_sure_card_reads_not_sure_yet_and_what_is_missing(tiny_en, tmp_path):
    tokens = TokenFile(tmp_path / "tokens.json")
    agents = {lang: tokens.add("agent", "agent-7", ui_language=lang) for lang in ("nl", "en")}
    call_id = "CA-unsure"

    async def seen_by(page) -> dict:
        card = page.locator(f'article[data-suggestion-id="{call_id}:intent:{NOT_SURE}"]')
        await card.wait_for()
        return {
            "status": await card.get_attribute("data-status"),
            "title": await card.locator("h3").inner_text(),
            "missing": await card.locator("p.not-sure").inner_text(),
            "text": await card.inner_text(),
            "chips": await page.locator("#assist-chips").inner_text(),
        }

    async def scenario():
        async with running_server(tiny_en, "", str(tokens.path)) as (server, _events):
            base = f"http://127.0.0.1:{server.ws_port}"
            sink = server.live.sink_for(call_id)
            sink(started_for_agent_7(call_id, "raw"))
            sink(not_sure(call_id, 2, "clear_request"))
            seen = {}
            async with playwright_api.async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for lang, token in agents.items():
                    page = await browser.new_page(viewport={"width": 400, "height": 900})
                    await page.goto(f"{base}/#token={token}")
                    await page.wait_for_selector('#conn[data-state="connected"]')
                    seen[lang] = await seen_by(page)
                await browser.close()
            return seen

    seen = asyncio.run(scenario())
    for lang, card in seen.items():
        words = Words(lang)
        assert card["status"] == NOT_SURE
        assert card["title"] == words.term("intent", NOT_SURE)
        assert card["missing"] == words("not_sure.clear_request")
        assert "the server's prose" not in card["text"]
        # Nothing on the card or the chips names an intent as if it were known.
        for intent in ("parcel_status", "cancel_contract", "other"):
            assert words.term("intent", intent) not in card["title"]
        assert words.term("intent", "other") not in card["chips"]
    assert seen["nl"]["title"] == "nog niet zeker" and seen["en"]["title"] == "not sure yet"
