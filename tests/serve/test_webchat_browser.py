"""The chat front door end to end in headless Chromium: a customer on /webchat, an agent's sidebar.

The customer asks "Waar blijft mijn pakketje?", the chat bot answers from the knowledge base,
the customer asks for a person and the bot hands over; the agent's sidebar shows the
hand-over card and the whole chat (customer, bot and agent lines told apart), the agent
replies from the reply box, and the customer's page shows the reply. In Dutch (the page's
`?lang=nl` in an English browser, the agent's token in Dutch) and in English (the browser's
language, the token's). Both pages axe-core clean.
"""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path

import pytest

from copilot.config import Config
from copilot.serve.auth import TokenFile
from tests import axe
from tests.serve.server_harness import server_for
from tests.serve.test_sidebar_browser import CHROMIUM, CHROMIUM_ARGS

playwright_api = pytest.importorskip("playwright.async_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium not installed")

CONVERSATIONS = {
    "nl": {
        "url": "/webchat?lang=nl",
        "locale": "en-US",  # the page's ?lang= wins over the browser
        "question": "Waar blijft mijn pakketje? Mijn volgcode is VP123456789NL.",
        "person": "Ik wil graag een medewerker spreken.",
        "reply": "Ik zie dat uw pakket vandaag nog wordt bezorgd.",
        "send": "Antwoord versturen",
        "sent": "Naar de klant verstuurd ✓",
        "who": {"customer": "Klant", "bot": "Bot", "agent": "Medewerker"},
        "page_who": {"bot": "Digitale assistent", "agent": "Klantenservice"},
    },
    "en": {
        "url": "/webchat",
        "locale": "en-GB",  # no ?lang=: the browser's language
        "question": "Where is my parcel? My tracking code is VP123456789NL.",
        "person": "I would like to speak to a person, please.",
        "reply": "I can see your parcel will be delivered today.",
        "send": "Send reply",
        "sent": "Sent to the customer ✓",
        "who": {"customer": "Customer", "bot": "Bot", "agent": "Agent"},
        "page_who": {"bot": "Digital assistant", "agent": "Customer service"},
    },
}


def front_door_config(tokens_file: str) -> Config:
    config = Config(language="nl", stages=("affect", "assist"))
    config.chat = dataclasses.replace(config.chat, bot=True)
    config.serve.audiosocket_customer_port = config.serve.audiosocket_agent_port = -1
    config.store.path = ""
    config.auth.tokens_file = tokens_file
    config.webchat.enabled = True
    config.webchat.agent_id = "agent-7"
    return config


async def texts(page, selector: str) -> list[str]:
    return await page.locator(selector).all_inner_texts()


async def conversation(browser, base: str, token: str, language: str) -> dict:
    """One customer and one agent through the whole front door; what each page showed."""
    said = CONVERSATIONS[language]
    # The page's CSP allows no inline script: the test lets axe-core's injected one through.
    customer_context = await browser.new_context(locale=said["locale"], bypass_csp=True)
    customer = await customer_context.new_page()
    await customer.goto(base + said["url"])
    bot_lines = customer.locator('#chat-log li[data-speaker="bot"]')
    await bot_lines.first.wait_for(timeout=15000)  # the greeting
    await customer.get_by_label(customer_label(language)).fill(said["question"])
    await customer.keyboard.press("Enter")
    await bot_lines.nth(1).wait_for(timeout=60000)  # the answer (the first one loads models)
    await customer.get_by_label(customer_label(language)).fill(said["person"])
    await customer.get_by_role("button", name=send_label(language), exact=True).click()
    await bot_lines.nth(2).wait_for(timeout=15000)  # the hand-over

    agent_context = await browser.new_context(viewport={"width": 400, "height": 900})
    agent = await agent_context.new_page()
    await agent.goto(f"{base}/#token={token}")
    await agent.locator("#handoff .card.handoff").wait_for(timeout=15000)
    lines = agent.locator("#transcript .line")
    await agent.locator('#transcript .line[data-speaker="bot"]').nth(2).wait_for()
    reply_box = agent.locator("#chat-reply-text")
    await reply_box.fill(said["reply"])
    await agent.get_by_role("button", name=said["send"]).click()
    await agent.locator("#chat-reply .state", has_text=said["sent"]).wait_for(timeout=10000)
    agent_on_page = customer.locator('#chat-log li[data-speaker="agent"]')
    await agent_on_page.wait_for(timeout=10000)
    await agent.locator('#transcript .line[data-speaker="agent"]').wait_for()
    seen = {
        "page_lang": await customer.evaluate("document.documentElement.lang"),
        "page_lines": [
            (await line.get_attribute("data-speaker"), await line.inner_text())
            for line in await customer.locator("#chat-log li").all()
        ],
        "sidebar_lang": await agent.evaluate("document.documentElement.lang"),
        "sidebar_lines": [
            (await line.get_attribute("data-speaker"), await line.locator(".who").inner_text())
            for line in await lines.all()
        ],
        "sidebar_text": await agent.locator("#transcript").inner_text(),
        "handoff": await agent.locator("#handoff .card.handoff").inner_text(),
        "reply_label": await agent.locator('label[for="chat-reply-text"]').inner_text(),
        "axe": {
            "webchat": axe.summary(await axe.check_async(customer)),
            "sidebar": axe.summary(await axe.check_async(agent)),
        },
    }
    # The customer closes the chat: the sidebar's reply box goes, the page says it ended.
    await customer.get_by_role("button", name=end_label(language)).click()
    await customer.locator('#chat-state[data-state="ended"]').wait_for(timeout=10000)
    await agent.locator("#call-status.notice").wait_for(timeout=10000)
    seen["reply_box_after_end"] = await agent.locator("#chat-reply-text").count()
    await customer_context.close()
    await agent_context.close()
    return seen


def customer_label(language: str) -> str:
    return {"nl": "Uw bericht", "en": "Your message"}[language]


def send_label(language: str) -> str:
    return {"nl": "Versturen", "en": "Send"}[language]


def end_label(language: str) -> str:
    return {"nl": "Chat beëindigen", "en": "End chat"}[language]


def test_a_customer_asks_the_bot_is_handed_over_and_the_agents_reply_arrives(tiny_en, tmp_path):
    tokens = TokenFile(tmp_path / "tokens.json")
    agent_tokens = {lang: tokens.add("agent", "agent-7", ui_language=lang) for lang in ("nl", "en")}

    async def scenario():
        async with server_for(tiny_en, front_door_config(str(tokens.path))) as (server, events):
            base = f"http://127.0.0.1:{server.ws_port}"
            async with playwright_api.async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                seen = {}
                for language in ("nl", "en"):
                    seen[language] = await conversation(
                        browser, base, agent_tokens[language], language
                    )
                await browser.close()
            return seen, list(events)

    seen, events = asyncio.run(scenario())
    for language, page in seen.items():
        said = CONVERSATIONS[language]
        assert page["axe"] == {"webchat": [], "sidebar": []}, language
        assert page["page_lang"] == language and page["sidebar_lang"] == language
        speakers = [speaker for speaker, _ in page["page_lines"]]
        assert speakers == ["bot", "customer", "bot", "customer", "bot", "agent"], page[
            "page_lines"
        ]
        bot_answer = page["page_lines"][2][1]
        assert (
            said["page_who"]["bot"] in bot_answer and len(bot_answer) > 60
        )  # an article, not a prompt
        assert page["page_lines"][-1][1].startswith(said["page_who"]["agent"])
        assert said["reply"] in page["page_lines"][-1][1]
        # The sidebar: the whole chat, each speaker named in the agent's language.
        assert [s for s, _ in page["sidebar_lines"]] == speakers
        assert {s: w for s, w in page["sidebar_lines"]} == said["who"]
        assert said["question"] in page["sidebar_text"] and said["reply"] in page["sidebar_text"]
        assert "VP123456789NL" in page["handoff"]  # the context card carries the facts
        assert page["reply_label"] and page["reply_box_after_end"] == 0
    # Every line the customer saw is stored as the conversation's final, once.
    chats = {e.call_id for e in events if e.type == "call.started"}
    assert len(chats) == 2
    for call_id in chats:
        finals = [e for e in events if e.call_id == call_id and e.type == "transcript.final"]
        assert [f.speaker for f in finals] == ["bot", "customer", "bot", "customer", "bot", "agent"]
        assert [e.type for e in events if e.call_id == call_id][-1] == "call.ended"
