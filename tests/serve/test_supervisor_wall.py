"""The supervisor wall in headless Debian Chromium at 1280 x 800, against a real loopback server.

50 live calls and 200 calls ended today are published straight into the server's sink
(tests/serve/wall_calls.py: every alert level, queues, trends of 1 to 6 points). The page
must use the screen (a table across the width, no page scroll), draw every trend, rank the
calls by alert level, open a picked call beside the list, keep the keyboard focus where the
supervisor acted, say when a filter matches nothing, and page and filter the day's ended
calls from the store. A Dutch token's page must hold no English, and an agent's sidebar
lists their own ended calls of the day.
"""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import pytest

from copilot.events.core import CallEnded, CallStarted
from copilot.serve.auth import TokenFile
from tests import axe
from tests.serve.server_harness import server_for
from tests.serve.test_decisions import server_config
from tests.serve.wall_calls import (
    QUEUES,
    REASONS,
    agent_of,
    ended_level,
    live_level,
    publish_wall,
)

playwright_api = pytest.importorskip("playwright.async_api")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DOCS = Path(__file__).resolve().parents[2] / "docs"
CATALOGUE = Path(__file__).resolve().parents[2] / "copilot" / "serve" / "web" / "messages.json"
WIDTH, HEIGHT = 1280, 800
LIVE, ENDED = 50, 200
RANK = {"take_over": 3, "escalate": 2, "early_warning": 1, "": 0}

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium not installed")

# Per live row in the table's order: its id, shown risk, and whether it is inside the
# table's visible area; plus the table's and the page's sizes.
MEASURE = """() => {
  const scroll = document.querySelector("#live-scroll").getBoundingClientRect();
  const rows = [...document.querySelectorAll("#calls tbody tr")].map((tr) => {
    const r = tr.getBoundingClientRect();
    return [tr.dataset.callId, Number(tr.querySelector(".risk").textContent),
      r.top >= scroll.top && r.bottom <= scroll.bottom];
  });
  const latest = document.querySelector('#calls tbody tr td[data-key="latest"]');
  return { rows, table: document.querySelector("#calls").getBoundingClientRect().width,
    pageHeight: document.documentElement.scrollHeight, pageWidth: document.documentElement.scrollWidth,
    latest: latest.getBoundingClientRect().width };
}"""

# How a row's trend is drawn: the line's computed stroke and fill and its drawn size.
TREND = """(tr) => {
  const line = tr.querySelector(".trend polyline");
  const style = getComputedStyle(line);
  const box = line.getBoundingClientRect();
  return { points: line.getAttribute("points").trim().split(/\\s+/).length, stroke: style.stroke,
    fill: style.fill, width: style.strokeWidth, box: [box.width, box.height] };
}"""

FOCUS = """() => {
  const a = document.activeElement;
  return [a.tagName, a.dataset.callId || a.closest("[data-call-id]")?.dataset.callId || "", a.className];
}"""


def inside(box: dict) -> bool:
    """The element's box is wholly inside the 1280 x 800 viewport."""
    return (
        box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= WIDTH
        and (box["y"] + box["height"] <= HEIGHT)
    )


def acknowledged(server) -> list[str]:
    """The calls whose take-over a supervisor acknowledged, as stored."""
    rows = server.store.db.rows("SELECT call_id FROM feedback WHERE target = 'take_over'")
    return sorted(call_id for (call_id,) in rows)


async def wall_page(browser, base: str, token: str, locale: str = "en-US"):
    context = await browser.new_context(locale=locale, viewport={"width": WIDTH, "height": HEIGHT})
    page = await context.new_page()
    await page.goto(f"{base}/supervisor#token={token}")
    await page.wait_for_selector('#conn[data-state="connected"]')
    return page


async def live_rows(page, n: int) -> None:
    await page.wait_for_function(f"document.querySelectorAll('#calls tbody tr').length === {n}")


def test_the_wall_uses_the_screen_ranks_by_alert_and_pages_the_day(tiny_en, tmp_path):
    tokens = TokenFile(tmp_path / "tokens.json")
    supervisor = tokens.add("supervisor", name="lead", ui_language="en")
    config = server_config(tmp_path, tokens)

    async def scenario():
        async with server_for(tiny_en, config) as (server, _events):
            base = f"http://127.0.0.1:{server.ws_port}"
            publish_wall(server, live=0, ended=ENDED)  # the day so far
            async with playwright_api.async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = await wall_page(browser, base, supervisor)
                publish_wall(server, live=LIVE, ended=0)  # live calls arrive while it watches
                await live_rows(page, LIVE)
                seen = {"measure": await page.evaluate(MEASURE)}
                rows = page.locator("#calls tbody tr")
                seen["trend_2"] = await page.locator('tr[data-call-id="GS-L01"]').evaluate(TREND)
                seen["trend_1"] = await page.locator('tr[data-call-id="GS-L00"]').evaluate(TREND)
                seen["trend_6"] = await page.locator('tr[data-call-id="GS-L05"]').evaluate(TREND)
                seen["counts"] = await page.locator("button.count").evaluate_all(
                    "bs => bs.map(b => [b.dataset.kind, b.dataset.value, Number(b.dataset.n)])"
                )
                await page.click('button.count[data-kind="level"][data-value="escalate"]')
                seen["escalate_only"] = await rows.evaluate_all(
                    "rs => rs.map(r => r.dataset.callId)"
                )
                await page.click('button.count[data-kind="level"][data-value="escalate"]')

                # A row far down: scrolled to inside the table, picked with the keyboard.
                last = rows.nth(LIVE - 1)
                await last.scroll_into_view_if_needed()
                picked = await last.get_attribute("data-call-id")
                await last.focus()
                await page.keyboard.press("Enter")
                await page.wait_for_selector(f'#call-status:has-text("{picked}")')
                seen["picked"] = picked
                seen["panel"] = await page.locator("#call-panel").bounding_box()
                seen["status"] = await page.locator("#call-status").bounding_box()
                seen["picked_row"] = await last.bounding_box()
                seen["focus_after_pick"] = await page.evaluate(FOCUS)
                seen["axe_live"] = await axe.check_async(page)

                # Acknowledge every take-over with the keyboard: focus moves to the next one,
                # and after the last to that call's row, never to the page's body.
                banners = page.locator("#take-overs .alert")
                seen["take_overs"] = await banners.evaluate_all(
                    "bs => bs.map(b => b.dataset.callId)"
                )
                await banners.first.locator(".ack").focus()
                seen["focus_after_ack"] = []
                for _ in seen["take_overs"]:
                    before = await banners.count()
                    await page.keyboard.press("Enter")
                    await page.wait_for_function(
                        f"document.querySelectorAll('#take-overs .alert').length === {before - 1}"
                    )
                    seen["focus_after_ack"].append(await page.evaluate(FOCUS))
                async with asyncio.timeout(10):
                    while len(acknowledged(server)) < len(seen["take_overs"]):
                        await asyncio.sleep(0.05)
                seen["stored_acks"] = acknowledged(server)

                await page.fill("#filter", "no such call anywhere")
                seen["empty"] = [
                    await rows.count(),
                    await page.locator("#no-calls").is_visible(),
                    await page.locator("#no-calls").inner_text(),
                ]
                await page.fill("#filter", "mw-03")
                seen["filtered"] = await rows.evaluate_all("rs => rs.map(r => r.dataset.callId)")
                await page.fill("#filter", "")

                # For the docs: the top of the wall with the riskiest call open beside it.
                await rows.first.scroll_into_view_if_needed()
                top = await rows.first.get_attribute("data-call-id")
                await rows.first.click()
                await page.wait_for_selector(f'#call-status:has-text("{top}")')
                await page.locator("#call .alert").first.wait_for(state="attached")
                await page.screenshot(path=str(DOCS / "supervisor.png"))

                # The day's ended calls: 8 pages of 25, then filters.
                await page.click("#close-call")
                await page.click("#tab-history")
                history = page.locator("#ended-calls tbody tr")
                await page.wait_for_selector("#page-of:has-text('Page 1 of 8')")
                seen["history_table"] = (await page.locator("#ended-calls").bounding_box())["width"]
                await page.screenshot(path=str(DOCS / "supervisor_history.png"))
                paged = []
                for n in range(8):
                    await page.wait_for_selector(f"#page-of:has-text('Page {n + 1} of 8')")
                    paged.append(await history.evaluate_all("rs => rs.map(r => r.dataset.callId)"))
                    if n < 7:
                        await page.click("#page-next")
                seen["paged"] = paged
                seen["next_disabled"] = await page.locator("#page-next").is_disabled()
                seen["history_trend"] = await history.first.evaluate(TREND)
                await page.select_option("#history-alert", "escalate")
                await page.wait_for_selector("#page-of:has-text('Page 1 of')")
                await page.wait_for_function(
                    "[...document.querySelectorAll('#ended-calls tbody tr')].every(r =>"
                    " r.querySelector('.level').dataset.level === 'escalate')"
                )
                seen["escalated"] = await page.locator("#page-of").inner_text()
                seen["escalated_rows"] = await history.evaluate_all(
                    "rs => rs.map(r => r.dataset.callId)"
                )
                await page.select_option("#history-alert", "")
                await page.select_option("#history-agent", "mw-03")
                await page.select_option("#history-outcome", "hangup")
                await page.wait_for_function(
                    "[...document.querySelectorAll('#ended-calls tbody tr')].every(r =>"
                    " r.querySelector('td[data-key=agent]').textContent === 'mw-03')"
                )
                seen["agent_outcome"] = await history.evaluate_all(
                    "rs => rs.map(r => r.dataset.callId)"
                )
                seen["axe_history"] = await axe.check_async(page)
                # An ended call opens beside the history, from the store.
                await history.first.click()
                first = seen["agent_outcome"][0]
                await page.wait_for_selector(f'#call-status:has-text("{first}")')
                await page.locator("#transcript .line").first.wait_for()
                seen["history_panel"] = await page.locator("#call-panel").bounding_box()
                # A call nothing was scored on yet (whisper still catching up): no risk of
                # 0.00 that reads as calm, but a dash that says there is no reading yet.
                fresh = server.live.sink_for("GS-NEW")
                fresh(CallStarted("GS-NEW", 1, 0.0, source="twilio", legs=("agent", "customer")))
                risk = page.locator('tr[data-call-id="GS-NEW"] .risk')
                await risk.wait_for(state="attached")
                seen["no_reading"] = await risk.evaluate("e => [e.textContent, e.title]")
                await browser.close()
            return seen

    seen = asyncio.run(scenario())
    measure = seen["measure"]
    # The table spans the width; the page is the screen (no page scroll either way).
    assert measure["table"] >= 0.95 * WIDTH, measure["table"]
    assert measure["pageHeight"] <= HEIGHT and measure["pageWidth"] <= WIDTH
    visible = sum(1 for _, _, shown in measure["rows"] if shown)
    assert visible >= 18, visible  # rows in view at 1280 x 800, take-over banners above them
    assert measure["latest"] >= 300, measure["latest"]  # room for the latest line
    # Every trend is a stroked line, not a black fill, and has its width even at 1 or 2 points.
    for name, points in (("trend_1", 2), ("trend_2", 2), ("trend_6", 6)):
        trend = seen[name]
        assert trend["points"] == points and trend["fill"] == "none", trend
        assert trend["stroke"] not in ("none", "rgb(0, 0, 0)") and float(trend["width"][:-2]) >= 1
        assert trend["box"][0] >= 60, trend
    # Ranked by alert level first, then the signal: an early warning at 0.95 below any escalation.
    order = [int(call_id[-2:]) for call_id, _, _ in measure["rows"]]
    ranks = [RANK[live_level(i)] for i in order]
    assert ranks == sorted(ranks, reverse=True), ranks
    risks = [risk for _, risk, _ in measure["rows"]]
    assert risks == sorted(risks, reverse=True) and min(risks) > 0, risks
    assert seen["no_reading"] == ["–", "no reading of the customer yet"]
    # Live counts per alert level and per queue, as published.
    levels = {kind_value[1]: n for *kind_value, n in seen["counts"] if kind_value[0] == "level"}
    for level in RANK:
        assert levels[level] == sum(1 for i in range(LIVE) if live_level(i) == level), level
    teams = {value: n for kind, value, n in seen["counts"] if kind == "team"}
    assert teams == {q: sum(1 for i in range(LIVE) if QUEUES[i % 4] == q) for q in QUEUES}
    assert sorted(seen["escalate_only"]) == sorted(
        f"GS-L{i:02d}" for i in range(LIVE) if live_level(i) == "escalate"
    )
    # The picked call opens beside the list, in view; the row stays in view and focused.
    assert inside(seen["panel"]) and inside(seen["status"]), seen["panel"]
    assert (
        inside(seen["picked_row"])
        and seen["panel"]["x"] >= seen["picked_row"]["x"] + seen["picked_row"]["width"]
    )
    assert seen["focus_after_pick"][:2] == ["TR", seen["picked"]]
    assert seen["axe_live"] == [] and seen["axe_history"] == [], (
        seen["axe_live"],
        seen["axe_history"],
    )
    # After each Acknowledge the focus is on the next take-over's button, after the last on its row.
    take_overs = seen["take_overs"]
    assert len(take_overs) == sum(1 for i in range(LIVE) if live_level(i) == "take_over")
    for k, (tag, call_id, cls) in enumerate(seen["focus_after_ack"][:-1]):
        assert (tag, call_id, cls) == ("BUTTON", take_overs[k + 1], "ack")
    assert seen["focus_after_ack"][-1][:2] == ["TR", take_overs[-1]]
    assert seen["stored_acks"] == sorted(take_overs)
    # An honest empty filter, and a filter by agent.
    assert seen["empty"] == [0, True, "No calls match this filter."]
    assert sorted(seen["filtered"]) == [
        f"GS-L{i:02d}" for i in range(LIVE) if agent_of(i) == "mw-03"
    ]
    # The history: 200 ended calls over 8 pages of 25, each once; filters as computed.
    assert seen["history_table"] >= 0.95 * WIDTH
    paged = seen["paged"]
    assert [len(p) for p in paged] == [25] * 8 and seen["next_disabled"]
    assert sorted(c for p in paged for c in p) == [f"GS-E{i:03d}" for i in range(ENDED)]
    assert seen["history_trend"]["fill"] == "none" and seen["history_trend"]["box"][0] >= 60
    escalated = [i for i in range(ENDED) if ended_level(i) == "escalate"]
    assert seen["escalated"] == f"Page 1 of 1 · {len(escalated)} calls"
    assert sorted(seen["escalated_rows"]) == [f"GS-E{i:03d}" for i in escalated]
    wanted = [i for i in range(ENDED) if agent_of(i) == "mw-03" and REASONS[i % 3] == "hangup"]
    assert sorted(seen["agent_outcome"]) == sorted(f"GS-E{i:03d}" for i in wanted)
    assert inside(seen["history_panel"])
    assert (DOCS / "supervisor.png").stat().st_size > 10_000


def english_fragments() -> set[str]:
    """English words of the catalogue the Dutch one does not share, placeholders left out."""
    catalogue = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    dutch = re.sub(r"\{\w+\}", " ", " ".join(catalogue["nl"].values()).lower())
    found = set()
    for key, english in catalogue["en"].items():
        if english == catalogue["nl"].get(key):
            continue
        for part in re.split(r"\{\w+\}|[·():,;“”!?…%✓]", english):
            part = part.strip(" .'\"-–")
            shared = re.search(rf"(?<!\w){re.escape(part.lower())}(?!\w)", dutch)
            if len(part) >= 4 and not shared:
                found.add(part)
    # What the wall drew in English before it was worded from the catalogue.
    return found | {"copilot · supervisor", "agent:", "customer:", "raw audio", "No alert", "Live"}


# Every text node of the page, and the words in attributes a person meets (title, labels).
TEXTS = """() => {
  const out = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) if (walker.currentNode.textContent.trim()) out.push(walker.currentNode.textContent.trim());
  for (const node of document.body.querySelectorAll("[title], [aria-label], [placeholder]")) {
    for (const name of ["title", "aria-label", "placeholder"]) if (node.getAttribute(name)) out.push(node.getAttribute(name));
  }
  for (const node of document.querySelectorAll("script, style")) out.splice(out.indexOf(node.textContent.trim()), 1);
  return [...new Set(out)];
}"""


def test_a_dutch_wall_holds_no_english_and_an_agent_sees_their_own_day(tiny_en, tmp_path):
    tokens = TokenFile(tmp_path / "tokens.json")
    supervisor = tokens.add("supervisor", ui_language="nl")
    agent = tokens.add("agent", "mw-03", ui_language="nl")
    config = server_config(tmp_path, tokens)
    english = english_fragments()

    async def scenario():
        async with server_for(tiny_en, config) as (server, _events):
            base = f"http://127.0.0.1:{server.ws_port}"
            publish_wall(server, live=0, ended=150)
            async with playwright_api.async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = await wall_page(browser, base, supervisor, locale="en-US")
                publish_wall(server, live=20, ended=0)
                await live_rows(page, 20)
                # One live call ends while it watches (numbered after its stored events).
                ended = CallEnded("GS-L07", 1, 60.0, duration=60.0, reason="hangup")
                server.live.sink_for("GS-L07")(ended)
                await page.locator('tr.ended[data-call-id="GS-L07"]').wait_for()
                await page.click("#tab-history")
                await page.wait_for_selector("#ended-calls tbody tr")
                await page.locator("#ended-calls tbody tr").first.click()
                await page.locator("#transcript .line").first.wait_for()
                await page.click("#tab-live")
                await page.fill("#filter", "niets hierover")
                texts = {"wall": await page.evaluate(TEXTS)}
                await page.fill("#filter", "")
                await page.locator("#calls tbody tr").first.click()
                await page.locator("#call .alert").first.wait_for(state="attached")
                texts["open"] = await page.evaluate(TEXTS)
                seen = {"lang": await page.evaluate("document.documentElement.lang")}
                seen["axe"] = await axe.check_async(page)

                # The agent's sidebar: their own ended calls of the day, 10 a page.
                sidebar = await browser.new_page(viewport={"width": 400, "height": 900})
                await sidebar.goto(f"{base}/#token={agent}")
                summary = sidebar.locator("#my-calls > summary")
                await summary.wait_for()
                await sidebar.wait_for_function(
                    "!document.querySelector('#my-calls > summary').textContent.includes('…')"
                )
                await summary.click()
                calls = sidebar.locator("#my-calls button.my-call")
                seen["my_summary"] = await summary.inner_text()
                seen["my_heading"] = await sidebar.locator("#my-calls h2").inner_text()
                seen["my_axe"] = await axe.check_async(sidebar)
                seen["my_first_page"] = await calls.evaluate_all(
                    "bs => bs.map(b => b.dataset.callId)"
                )
                await sidebar.click("#my-calls .pager button:last-child")
                await sidebar.wait_for_selector("#my-calls [role=status]:has-text('Pagina 2')")
                seen["my_second_page"] = await calls.evaluate_all(
                    "bs => bs.map(b => b.dataset.callId)"
                )
                picked = seen["my_second_page"][0]
                await calls.first.click()
                await sidebar.wait_for_selector(f'#call-status:has-text("{picked}")')
                seen["my_picked"] = picked
                texts["sidebar_list"] = await sidebar.locator("#my-calls").evaluate(
                    "d => d.textContent"
                )
                await browser.close()
            return texts, seen

    texts, seen = asyncio.run(scenario())
    assert seen["lang"] == "nl" and seen["axe"] == [] and seen["my_axe"] == []
    found = {}
    for view, shown in texts.items():
        strings = shown if isinstance(shown, list) else [shown]
        for text in strings:
            hits = [e for e in english if re.search(rf"(?<!\w){re.escape(e)}(?!\w)", text)]
            if hits:
                found.setdefault(view, []).append((text, hits))
    assert found == {}
    assert "Geen gesprekken voor dit filter." in texts["wall"]
    mine = [i for i in range(150) if agent_of(i) == "mw-03"]
    assert seen["my_summary"] == f"Vandaag ({len(mine)})"
    assert seen["my_heading"] == f"Mijn gesprekken vandaag ({len(mine)})"
    shown = seen["my_first_page"] + seen["my_second_page"]
    assert len(seen["my_first_page"]) == 10 and set(shown) <= {f"GS-E{i:03d}" for i in mine}
    assert len(set(shown)) == len(shown) == min(20, len(mine))
