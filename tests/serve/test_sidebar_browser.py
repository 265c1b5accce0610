"""The agent sidebar and supervisor view in headless Debian Chromium, against a real loopback server.

The escalating fixture call is played into /twilio; the page must show its transcript and the
escalation alert, and clicking the page's own buttons must land feedback in SQLite.
"""

import asyncio
import base64
import json
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from websockets.asyncio.client import connect

from copilot.audio.files import decode_file
from copilot.commands.simulate import play_twilio, twilio_messages
from copilot.events.assist import RouteToHuman
from copilot.events.core import CallStarted
from copilot.events.wording import Words
from copilot.runtime import KNOWN_STAGES
from copilot.serve.auth import TokenFile
from tests import axe
from tests.conftest import call_script, fixture_path
from tests.serve.server_harness import running_server
from tests.serve.test_voicebot_server import TwilioCaller

playwright_api = pytest.importorskip("playwright.async_api")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DOCS = Path(__file__).resolve().parents[2] / "docs"
CALL = "call_escalating_en"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium not installed")


async def agent_sidebar(pw, server, token: str, call_id: str):
    """Headless Chromium on the agent sidebar at 400 x 900, once it shows `call_id` live."""
    browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    page = await browser.new_page(viewport={"width": 400, "height": 900})
    await page.goto(f"http://127.0.0.1:{server.ws_port}/#token={token}")
    await page.wait_for_selector(f'#call-status:has-text("Live call {call_id}")')
    return browser, page


# Records the assist chips' values after every change of the page (MutationObserver).
CHIP_WATCH = """
window.chipStates = [];
new MutationObserver(() => {
  const state = {};
  for (const chip of document.querySelectorAll("#assist-chips .chip")) {
    state[chip.dataset.field] = chip.textContent.split(": ").slice(1).join(": ").trim();
  }
  const last = JSON.stringify(window.chipStates.at(-1) ?? {});
  if (JSON.stringify(state) !== last) window.chipStates.push(state);
}).observe(document.body, { subtree: true, childList: true, characterData: true });
"""


# Per card with a context: its suggestion id, the context's lines, and its other paragraphs.
CONTEXT_LINES = """
cards => cards.filter(c => c.querySelector(".context")).map(c => [
  c.dataset.suggestionId,
  [...c.querySelectorAll(".context span")].map(s => s.textContent),
  [...c.querySelectorAll(":scope > p:not(.context)")].map(p => p.textContent),
])
"""


def started_for_agent_7(call_id: str, source: str) -> CallStarted:
    """The first event of a one-leg call assigned to agent-7, for tests that publish events."""
    metadata = {"agent_id": "agent-7"}
    return CallStarted(call_id, 1, 0.0, source=source, legs=("customer",), metadata=metadata)


async def play_escalating_call(server, events, call_id: str) -> None:
    """The shipped escalating call over /twilio for agent-7, as fast as the server takes it."""
    await play_twilio(
        f"ws://127.0.0.1:{server.ws_port}/twilio",
        decode_file(fixture_path(f"{CALL}.wav")),
        call_id,
        realtime=False,
        parameters={"agent_id": "agent-7"},
    )
    await events.wait_for(call_id, "call.ended", timeout=120)


def feedback_rows(store_path: Path) -> list[tuple]:
    with sqlite3.connect(store_path) as db:
        return db.execute(
            "SELECT call_id, target, target_id, action, agent_id FROM feedback"
        ).fetchall()


def test_sidebar_shows_call_and_stores_feedback(tiny_en, tmp_path):
    store_path = tmp_path / "events.sqlite3"
    tokens = TokenFile(tmp_path / "tokens.json")
    agent_token = tokens.add("agent", "agent-7")
    supervisor_token = tokens.add("supervisor")
    stages = ("affect", "assist") if "assist" in KNOWN_STAGES else ("affect",)
    script = call_script(CALL)

    async def scenario():
        async with running_server(tiny_en, str(store_path), str(tokens.path), stages=stages) as (
            server,
            events,
        ):
            base = f"http://127.0.0.1:{server.ws_port}"
            async with playwright_api.async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = await browser.new_page(viewport={"width": 400, "height": 1100})
                await page.goto(f"{base}/#token={agent_token}")
                await page.wait_for_selector('#conn[data-state="connected"]', timeout=15000)
                assert "token=" not in page.url  # the token left the address bar
                await page.evaluate(CHIP_WATCH)  # every state the assist chips go through

                supervisor = await browser.new_page(viewport={"width": 1200, "height": 800})
                await supervisor.goto(f"{base}/supervisor#token={supervisor_token}")
                await supervisor.wait_for_selector('#conn[data-state="connected"]')

                await play_escalating_call(server, events, "CA-browser")
                alert_seq = events.of("CA-browser", "alert")[-1].seq

                # Older alerts sit in the collapsed history: only the newest open one is up front.
                escalate = page.locator('.alert[data-level="escalate"]').first
                await escalate.wait_for(timeout=15000, state="attached")
                # The whole reason, worded by the page from the alert's fields, is its title.
                escalate_text = await escalate.get_attribute("title")
                finals = events.of("CA-browser", "transcript.final")
                lines = await page.locator("#transcript .line:not(.partial)").all_inner_texts()
                await page.wait_for_selector("#call-status.notice")  # the sidebar saw call.ended
                chip_states = await page.evaluate("window.chipStates")
                axe_found = {"sidebar": await axe.check_async(page)}

                # The supervisor lists the call with its risk and can open it read-only.
                row = supervisor.locator('#calls tr[data-call-id="CA-browser"]')
                await row.wait_for()
                risk = float(await row.locator(".risk").inner_text())
                await row.click()
                await supervisor.locator('#call .alert[data-level="escalate"]').first.wait_for(
                    state="attached"
                )
                supervisor_buttons = await supervisor.locator("#call .alert button").count()
                axe_found["supervisor"] = await axe.check_async(supervisor)

                # Acknowledge the newest alert with the keyboard: focus it, press "a".
                newest = page.locator(f'.alert[data-seq="{alert_seq}"]')
                await newest.focus()
                await page.keyboard.press("a")
                await newest.locator(".state", has_text="acknowledged").wait_for()

                suggestion_result = None
                if "assist" in stages:  # the assist stage's cards for this call: accept one
                    # The assist stage's cards that are not up front: open the history.
                    await page.locator("#history > summary").click()
                    card = page.locator('#history .suggestion[data-type="suggestion"]').first
                    await card.wait_for(timeout=15000)
                    suggestion_id = await card.get_attribute("data-suggestion-id")
                    await card.get_by_role("button", name="Accept").click()
                    await card.locator(".state", has_text="accepted").wait_for()
                    learned = server.stages.assist_learner().db.execute(
                        "SELECT suggestion_id, action, agent_id FROM assist_feedback"
                    )
                    suggestion_result = suggestion_id, learned.fetchall()
                await browser.close()
            return (
                events,
                escalate_text,
                finals,
                lines,
                alert_seq,
                risk,
                supervisor_buttons,
                suggestion_result,
                chip_states,
                axe_found,
            )

    (
        events,
        escalate_text,
        finals,
        lines,
        alert_seq,
        risk,
        sup_buttons,
        suggestion_id,
        chip_states,
        axe_found,
    ) = asyncio.run(scenario())
    # No serious or critical accessibility violation on either page (axe-core from npm).
    assert {page: axe.summary(v) for page, v in axe_found.items() if v} == {}
    if "assist" in stages:
        # intent, urgency and team: never blank again once known, all known at the end.
        for field in ("intent", "urgency", "team"):
            seen = [state.get(field) for state in chip_states]
            known = [i for i, value in enumerate(seen) if value]
            assert known, (field, chip_states[-3:])
            assert all(seen[i] for i in range(known[0], len(seen))), (field, seen)
    escalations = events.of("CA-browser", "alert")
    escalate = next(a for a in escalations if a.level == "escalate")
    assert escalate.reason == escalate_text  # in English the page words it as the server does
    assert len(lines) == len(finals) and len(finals) >= len(script["turns"]) // 2
    assert any(f.text in line for f in finals for line in lines if f.speaker == "customer")
    assert risk >= 0.75  # an escalate alert puts the call high on the supervisor's list
    assert sup_buttons == 0  # read-only: no feedback buttons for the supervisor
    rows = feedback_rows(store_path)
    assert ("CA-browser", "alert", str(alert_seq), "accept", "agent-7") in rows
    if "assist" in stages:
        suggestion_id, learned = suggestion_id
        assert ("CA-browser", "suggestion", suggestion_id, "accept", "agent-7") in rows
        assert (suggestion_id, "accept", "agent-7") in learned  # handed to the assist learner


def test_sidebar_suggestion_and_draft_feedback(tiny_en, tmp_path):
    """Assist cards (the assist stage's own event types) through store, hub and page, then back."""
    from copilot.events.assist import Draft, Suggestion

    store_path = tmp_path / "events.sqlite3"
    tokens = TokenFile(tmp_path / "tokens.json")
    agent_token = tokens.add("agent", "agent-7")
    call = "CA-assist"
    article_id = f"{call}:article:delivery-times-en"
    draft_id = f"{call}:draft:late-parcel"

    async def scenario():
        async with running_server(tiny_en, str(store_path), str(tokens.path)) as (server, _):
            publish = server.live.sink_for(call)
            publish(started_for_agent_7(call, "chat"))
            async with playwright_api.async_playwright() as pw:
                browser, page = await agent_sidebar(pw, server, agent_token, "CA-assist")
                publish(
                    Suggestion(
                        call,
                        2,
                        5.0,
                        suggestion_id=article_id,
                        kind="article",
                        item="delivery-times-en",
                        title="Delivery times",
                        text="Parcels arrive within 2 working days.",
                        confidence=0.8,
                        intent="late_delivery",
                        urgency="high",
                    )
                )
                publish(
                    Draft(
                        call,
                        3,
                        6.0,
                        suggestion_id=draft_id,
                        subject="Your parcel",
                        body="Dear customer, your parcel is on its way.",
                        intent="late_delivery",
                    )
                )
                # The newer card (the draft) is up front; the article waits in the history.
                draft = page.locator(f'#current .suggestion[data-suggestion-id="{draft_id}"]')
                await draft.wait_for()
                await page.locator("#history > summary").click()
                article = page.locator(f'#history .suggestion[data-suggestion-id="{article_id}"]')
                await article.locator("blockquote", has_text="within 2 working days").wait_for()
                chips = await page.locator("#assist-chips .chip").evaluate_all(
                    "chips => chips.map(c => c.dataset.value)"
                )
                await article.get_by_role("button", name="Accept").click()
                await article.locator(".state", has_text="accepted").wait_for()

                await draft.locator("textarea").fill(
                    "Dear Ms Jansen, your parcel arrives tomorrow."
                )
                await draft.get_by_role("button", name="Send").click()
                await draft.locator(".state", has_text="sent").wait_for()
                await browser.close()
            return chips

    chips = asyncio.run(scenario())
    assert "late_delivery" in chips and "high" in chips
    rows = feedback_rows(store_path)
    assert (call, "suggestion", article_id, "accept", "agent-7") in rows
    assert (call, "draft", draft_id, "send", "agent-7") in rows
    with sqlite3.connect(store_path) as db:
        drafts = db.execute(
            "SELECT text, status FROM drafts WHERE suggestion_id = ?", (draft_id,)
        ).fetchall()
    assert drafts == [("Dear Ms Jansen, your parcel arrives tomorrow.", "sent")]


def test_sidebar_pins_the_voicebot_handoff_card_and_shows_the_bot_lines(tiny_en, tmp_path):
    """A bot call on /twilio where the caller presses 0: the agent's sidebar shows the card."""
    tokens = TokenFile(tmp_path / "tokens.json")
    agent_token = tokens.add("agent", "agent-7")
    stages = ("affect", "assist", "voicebot")

    async def scenario():
        async with running_server(tiny_en, "", str(tokens.path), stages=stages) as (server, events):
            async with playwright_api.async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = await browser.new_page(viewport={"width": 400, "height": 1100})
                await page.goto(f"http://127.0.0.1:{server.ws_port}/#token={agent_token}")
                await page.wait_for_selector('#conn[data-state="connected"]', timeout=15000)
                async with connect(f"ws://127.0.0.1:{server.ws_port}/twilio") as ws:
                    caller = TwilioCaller(ws, "CA-bot", parameters={"agent_id": "agent-7"})
                    await caller.start()
                    try:
                        await caller.until_position(0.5)
                        await caller.dtmf("0")  # "an operator, please"
                        await events.wait_for("CA-bot", "handoff", timeout=15)
                        await caller.hang_up()
                    finally:
                        caller.abandon()
                card = page.locator("#handoff section.handoff")
                await card.wait_for(timeout=15000)
                card_text = await card.inner_text()
                top = await page.evaluate("document.querySelector('#call').children[1].id")
                bot = page.locator('#transcript .line[data-speaker="bot"]')
                await bot.nth(1).wait_for(timeout=5000)
                bot_lines = await bot.all_inner_texts()
                await browser.close()
            return events, card_text, top, bot_lines

    events, card_text, top, bot_lines = asyncio.run(scenario())
    card = events.of("CA-bot", "handoff")[0]
    assert card.reason == "asked_for_person"
    assert top == "handoff"  # right under the call's status line, above alerts and assist
    for shown in (
        f"queue: {card.queue}",
        f"priority: {card.priority}",
        f"intent: {card.intent or 'unknown'}",
        f"urgency: {card.urgency}",
        "asked for person",
        card.bot_said[0],  # what the bot already said
        f"Frustration {card.affect['frustration']:.2f}",
    ):
        assert shown in card_text, (shown, card_text)
    says = events.of("CA-bot", "bot.say")
    assert [s.purpose for s in says] == ["greeting", "handoff"]
    assert len(bot_lines) == len(says)
    assert all(s.text in line and "Bot" in line for s, line in zip(says, bot_lines, strict=True))


def test_sidebar_marks_the_words_whisper_was_unsure_of(tiny_en, tmp_path):
    """A final's unsure words are dotted (the word, not its punctuation), with their
    probability; its line is focusable and names them; the line shows its trust, and a route
    card built on those words says how surely they were heard. The thresholds are the affect
    stage's, from its event after the final."""
    from copilot.events.affect import Affect
    from copilot.events.assist import RouteToHuman
    from copilot.events.core import CallStarted, TranscriptFinal, Word

    tokens = TokenFile(tmp_path / "tokens.json")
    agent_token = tokens.add("agent", "agent-7")
    call = "CA-unsure"
    said = [("Ja,", 0.9), ("het", 0.8), ("is", 0.7), ("leidinggevende.", 0.01)]
    words = tuple(Word(w, i * 0.3, i * 0.3 + 0.25, p) for i, (w, p) in enumerate(said))

    async def scenario():
        async with running_server(tiny_en, "", str(tokens.path)) as (server, _):
            publish = server.live.sink_for(call)
            metadata = {"agent_id": "agent-7"}
            publish(
                CallStarted(call, 1, 0.0, source="twilio", legs=("customer",), metadata=metadata)
            )
            async with playwright_api.async_playwright() as pw:
                browser, page = await agent_sidebar(pw, server, agent_token, "CA-unsure")
                text = " ".join(w for w, _ in said)
                publish(
                    TranscriptFinal(
                        call,
                        2,
                        2.0,
                        speaker="customer",
                        utterance_id="u1",
                        start=0.0,
                        end=1.2,
                        text=text,
                        language="nl",
                        words=words,
                    )
                )
                publish(
                    Affect(
                        call,
                        3,
                        2.0,
                        speaker="customer",
                        utterance_id="u1",
                        phrase_floor=0.5,
                        trust_high=0.75,
                    )
                )
                publish(
                    RouteToHuman(
                        call,
                        4,
                        2.1,
                        suggestion_id="CA-unsure:route:asked",
                        reason="asked_for_human",
                        explanation="the customer asks for a person",
                        evidence=(text,),
                        heard=0.6,
                    )
                )
                unsure = page.locator("#transcript .line .unsure")
                await unsure.wait_for()
                route = page.locator("article.route .trust")
                await route.wait_for()
                line = page.locator("#transcript .line").first
                found = (
                    await unsure.all_inner_texts(),
                    await unsure.first.get_attribute("title"),
                    await unsure.first.get_attribute("tabindex"),
                    await line.inner_text(),
                    await route.inner_text(),
                    # The line is what the keyboard reaches; its description names the word.
                    await line.get_attribute("tabindex"),
                    await line.evaluate(
                        "l => document.getElementById(l.getAttribute('aria-describedby')).textContent"
                    ),
                )
                await browser.close()
            return found

    texts, title, tabindex, line, route, line_tabindex, described = asyncio.run(scenario())
    # The word is marked, not the full stop whisper glued to it.
    assert texts == ["leidinggevende"] and "0.01" in title and tabindex is None
    assert line_tabindex == "-1" and described == "Heard unsurely: leidinggevende (p 0.01)"
    assert "Ja, het is leidinggevende." in line and "heard 60%" in line
    assert route == "heard 60% (unclear audio)"


def test_sidebar_and_supervisor_speak_the_token_or_browser_language(tiny_en, tmp_path):
    """The token's UI language first (`copilot token add --ui-language`), then the browser's."""
    tokens = TokenFile(tmp_path / "tokens.json")
    dutch_agent = tokens.add("agent", "agent-7", ui_language="nl")
    english_agent = tokens.add("agent", "agent-7", ui_language="en")
    supervisor = tokens.add("supervisor")  # no setting: follows the browser
    stages = ("affect", "assist") if "assist" in KNOWN_STAGES else ("affect",)

    async def page_in(browser, locale: str, url: str):
        context = await browser.new_context(locale=locale, viewport={"width": 400, "height": 900})
        page = await context.new_page()
        await page.goto(url)
        await page.wait_for_selector('#conn[data-state="connected"]', timeout=15000)
        return page

    async def scenario():
        async with running_server(tiny_en, "", str(tokens.path), stages=stages) as (
            server,
            events,
        ):
            base = f"http://127.0.0.1:{server.ws_port}"
            async with playwright_api.async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                nl = await page_in(browser, "en-US", f"{base}/#token={dutch_agent}")
                en = await page_in(browser, "nl-NL", f"{base}/#token={english_agent}")
                sup = await page_in(browser, "nl-NL", f"{base}/supervisor#token={supervisor}")
                await play_escalating_call(server, events, "CA-languages")
                seen = {}
                for name, page in (("nl", nl), ("en", en)):
                    await page.wait_for_selector("#call-status.notice")
                    await page.locator(".alert").first.wait_for(timeout=15000)
                    seen[name] = {
                        "lang": await page.evaluate("document.documentElement.lang"),
                        "headings": await page.locator("#call h2").all_text_contents(),
                        "status": await page.locator("#call-status").inner_text(),
                        "alert": await page.locator(".alert > div").first.inner_text(),
                        "buttons": await page.locator(".alert button").first.inner_text(),
                        # What a screen reader hears: each alert once, when it arrives.
                        "announced": await page.locator("#alert-announcer").text_content(),
                        "alert_roles": await page.locator("#alerts[role]").count(),
                        "axe": await axe.check_async(page),
                        # Every alert's whole reason (its title) and every chip, by their codes.
                        "reasons": await page.locator(".alert[data-seq]").evaluate_all(
                            "alerts => alerts.map(a => [Number(a.dataset.seq), a.title])"
                        ),
                        "chips": await page.locator("#assist-chips .chip").evaluate_all(
                            "chips => chips.map(c => [c.dataset.field, c.dataset.value,"
                            " c.textContent.split(': ').slice(1).join(': ')])"
                        ),
                        # Each intent and hand-over card's context lines, and its other text.
                        "contexts": await page.locator("article.suggestion").evaluate_all(
                            CONTEXT_LINES
                        ),
                    }
                seen["sup"] = {
                    "lang": await sup.evaluate("document.documentElement.lang"),
                    "title": await sup.locator("#wall-heading").text_content(),
                    "columns": await sup.locator("#calls th").all_text_contents(),
                }
                await browser.close()
            return seen, events

    seen, events = asyncio.run(scenario())
    nl, en, sup = seen["nl"], seen["en"], seen["sup"]
    assert nl["lang"] == "nl" and en["lang"] == "en" and sup["lang"] == "nl"
    assert "Klant" in nl["headings"] and "Hulp" in nl["headings"]
    assert "Customer" in en["headings"] and "Assist" in en["headings"]
    assert "beëindigd" in nl["status"] and "ended" in en["status"]
    levels_nl = ("Vroege waarschuwing", "Escaleren", "Overnemen")
    assert nl["alert"].startswith(levels_nl) and nl["buttons"] == "Gezien"
    assert nl["announced"].startswith(levels_nl) and "frustratie" in nl["announced"].lower()
    assert nl["alert_roles"] == 0  # the visible alerts are not re-announced when they move
    assert en["alert"].startswith(("Early warning", "Escalate", "Take over"))
    assert sup["title"] == "Gesprekken" and sup["columns"][:2] == ["Gesprek", "Medewerker"]
    assert nl["axe"] == [] and en["axe"] == []
    # The page words what the server sends as codes exactly as events/wording.py does, with
    # the same catalogue: alert reasons, intent / urgency / team chips, the end reason.
    alerts = {a.seq: a for a in events.of("CA-languages", "alert")}
    (ended,) = events.of("CA-languages", "call.ended")
    for ui in ("nl", "en"):
        words = Words(ui)
        shown = seen[ui]
        assert shown["reasons"] and all(
            title == words.alert_reason(alerts[seq]) for seq, title in shown["reasons"]
        ), shown["reasons"]
        assert shown["chips"] and all(
            text == words.term(field, value) for field, value, text in shown["chips"]
        ), shown["chips"]
        assert f"({words.end_reason(ended.reason)})" in shown["status"]
    assert "(stop)" not in nl["status"] and "gestopt" in nl["status"]
    assert not [c for c in nl["chips"] if c[2] in ("high", "normal", "retention", "delivery")]
    # The intent and hand-over cards word their context as the server would, never its prose.
    cards = events.of("CA-languages", "suggestion") + events.of("CA-languages", "route_to_human")
    contexts = {card.suggestion_id: card.context for card in cards if card.context}
    for ui in ("nl", "en"):
        shown = seen[ui]["contexts"]
        assert shown, ui
        for suggestion_id, lines, paragraphs in shown:
            assert lines == Words(ui).context(contexts[suggestion_id]), (ui, lines)
            assert not [p for p in paragraphs if "Customer wants" in p], paragraphs
    assert all(lines[0].startswith("Klant wil: ") for _, lines, _ in seen["nl"]["contexts"])
    # What the caller said stays as said: the transcript is the same words in both.
    assert events.of("CA-languages", "transcript.final")


def test_supervisor_view_stays_readable_with_fifty_live_calls(tiny_en, tmp_path):
    """50 live calls at 1280 px: long ids clipped (full id on hover), filter, sort by risk,
    and a take-over that stays on top, announced, until it is acknowledged."""
    tokens = TokenFile(tmp_path / "tokens.json")
    supervisor = tokens.add("supervisor")
    long_id = "L" * 120  # as long as an id may be (128): it must not stretch the table

    async def quiet_call(server, call_id: str, agent: str):
        ws = await connect(f"ws://127.0.0.1:{server.ws_port}/ingest?agent_id={agent}")
        start = {"type": "start", "call_id": call_id, "sample_rate": 8000, "channels": 1}
        await ws.send(json.dumps(start))
        await ws.send(np.zeros(800, "<i2").tobytes())
        return ws

    async def scenario():
        async with running_server(tiny_en, "", str(tokens.path)) as (server, events):
            base = f"http://127.0.0.1:{server.ws_port}"
            open_calls = [await quiet_call(server, long_id, "agent-long")]
            for i in range(48):
                open_calls.append(await quiet_call(server, f"CA-quiet-{i:02d}", f"agent-{i % 7}"))
            async with playwright_api.async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = await browser.new_page(viewport={"width": 1280, "height": 900})
                await page.goto(f"{base}/supervisor#token={supervisor}")
                await page.wait_for_selector('#conn[data-state="connected"]')
                # The 50th call: the escalating one, still live (no `stop` yet).
                angry = await connect(f"ws://127.0.0.1:{server.ws_port}/twilio")
                call = decode_file(fixture_path(f"{CALL}.wav"))
                last = {}
                for item in twilio_messages(call, "CA-angry", {"agent_id": "agent-7"}):
                    message = json.loads(item.message)
                    if message["event"] == "stop":
                        break
                    last = message
                    await angry.send(item.message)
                # 1.5 s more of line silence, so the last turn's utterance closes while live.
                after = int(last["media"]["timestamp"])
                for i in range(1, 76):
                    media = {**last["media"], "timestamp": str(after + 20 * i), "track": "inbound"}
                    media["payload"] = base64.b64encode(b"\xff" * 160).decode()
                    await angry.send(json.dumps({**last, "media": media}))
                banner = page.locator('#take-overs .alert[data-call-id="CA-angry"]')
                await banner.wait_for(timeout=15000)
                await page.wait_for_function(
                    "document.querySelectorAll('#calls tbody tr').length === 50"
                )
                seen = {
                    "page_width": await page.evaluate("document.documentElement.scrollWidth"),
                    "first_row": await page.locator("#calls tbody tr").first.get_attribute(
                        "data-call-id"
                    ),
                    "long_cell": await page.evaluate(
                        """() => {
                          const cell = document.querySelector(`tr[data-call-id^="LLL"] .clip`);
                          return [cell.scrollWidth > cell.clientWidth, cell.title];
                        }"""
                    ),
                    "flash": await banner.evaluate("b => getComputedStyle(b).animationName"),
                    "live": await page.locator("#take-overs").get_attribute("aria-live"),
                    "axe": await axe.check_async(page),
                }
                await page.fill("#filter", "agent-3")
                seen["filtered"] = await page.locator("#calls tbody tr").count()
                await page.fill("#filter", "")
                await page.click("#calls-sort-risk")
                seen["ascending_first"] = await page.locator("#calls tbody tr").first.get_attribute(
                    "data-call-id"
                )
                seen["sort_state"] = await page.locator("#calls th[aria-sort]").get_attribute(
                    "aria-sort"
                )
                # The angry call ends; its take-over stays until acknowledged.
                await angry.close()
                await events.wait_for("CA-angry", "call.ended")
                await page.locator('#calls tr.ended[data-call-id="CA-angry"]').wait_for()
                seen["still_there"] = await banner.count()
                await banner.get_by_role("button", name="Acknowledge").click()
                seen["after_ack"] = await banner.count()
                await browser.close()
            for ws in open_calls:
                await ws.close()
            return seen

    seen = asyncio.run(scenario())
    assert seen["page_width"] <= 1280  # nothing pushes the page sideways
    assert seen["long_cell"] == [True, long_id]  # clipped on screen, whole in the title
    assert seen["flash"] == "flash" and seen["live"] == "assertive"
    assert seen["axe"] == []
    assert seen["filtered"] == 7  # agent-3: calls 3, 10, 17, 24, 31, 38, 45
    assert seen["first_row"] == "CA-angry"  # the riskiest live call on top
    assert seen["ascending_first"] != "CA-angry" and seen["sort_state"] == "ascending"
    assert seen["still_there"] == 1 and seen["after_ack"] == 0


def test_the_same_hand_over_reason_twice_is_one_card_with_a_count(tiny_en, tmp_path):
    """One card per topic: a second policy-gap route updates the first (newest evidence)."""
    tokens = TokenFile(tmp_path / "tokens.json")
    agent = tokens.add("agent", "agent-7")
    call_id = "CA-topics"

    def route(seq: int, key: str, reason: str, quote: str) -> RouteToHuman:
        return RouteToHuman(
            call_id,
            seq,
            float(seq),
            suggestion_id=f"{call_id}:route:{key}",
            reason=reason,
            explanation=f"why {reason}",  # the server's own English words for it
            evidence=(quote,),
        )

    async def scenario():
        async with running_server(tiny_en, "", str(tokens.path)) as (server, events):
            base = f"http://127.0.0.1:{server.ws_port}"
            async with playwright_api.async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = await browser.new_page(viewport={"width": 400, "height": 900})
                await page.goto(f"{base}/#token={agent}")
                await page.wait_for_selector('#conn[data-state="connected"]')
                sink = server.live.sink_for(call_id)
                sink(started_for_agent_7(call_id, "raw"))
                sink(route(2, "gap:parcel_status", "policy_gap", "first words"))
                sink(route(3, "gap:cancel_contract", "policy_gap", "newest words"))
                sink(route(4, "asked", "asked_for_human", "get me a person"))
                cards = page.locator("article.suggestion.route")
                await page.wait_for_function(
                    "document.querySelectorAll('article.suggestion.route').length === 2"
                )
                # The newest hand-over is up front, the policy-gap card in the history.
                await page.locator(
                    "#current article.route", has_text="asks for a person"
                ).wait_for()
                await page.locator("#history > summary").click()
                await page.locator("#history article.route h3 .count").wait_for()
                gap = page.locator("article.route", has_text="no knowledge-base article")
                seen = {
                    "cards": await cards.count(),
                    "gap_text": await gap.inner_text(),
                    "count": await gap.locator(".count").inner_text(),
                    "gap_cards": await gap.count(),
                }
                await browser.close()
            return seen

    seen = asyncio.run(scenario())
    assert seen["cards"] == 2 and seen["gap_cards"] == 1
    assert seen["count"].strip() == "×2"
    assert "newest words" in seen["gap_text"] and "first words" not in seen["gap_text"]
