"""What an agent with a Dutch token meets in the sidebar, in headless Debian Chromium.

The Dutch escalating call's script (62 s) is heard by the server's own affect and assist
stages, line by line, with word probabilities drawn from a seeded generator (about a third
of the words below the phrase floor, as whisper's base model hears this synthetic voice);
the events go through the store and hub to a sidebar whose browser speaks English and whose
token says Dutch. The page must then be Dutch in every text node, connection states included;
its tab order must stay short (the transcript is one stop, its lines reached by the arrow
keys, each naming its unsure words); no unsure mark may sit on punctuation; and an alert up
front must agree with its signal's bar or say why it does not.
"""

import asyncio
import dataclasses
import json
import random
import re
from pathlib import Path

import pytest

from bench.alert_floor import script_finals
from copilot.events.affect import Alert, Cue
from copilot.events.core import (
    CallEnded,
    CallStarted,
    ErrorEvent,
    Event,
    Word,
)
from copilot.pipeline.stage_chain import StageChain
from copilot.serve.auth import TokenFile
from copilot.serve.web_assets import asset_for
from tests import axe
from tests.conftest import call_script
from tests.serve.server_harness import running_server
from tests.serve.test_sidebar_browser import CHROMIUM, CHROMIUM_ARGS
from tests.serve.test_sidebar_one_screen import uncalibrated_parcels

playwright_api = pytest.importorskip("playwright.async_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium not installed")

# A Twilio CallSid: "CA" and 32 hex digits, the longest id a phone platform gives a call.
CALL_ID = "CA" + "7f3e9a1c5b2d48e6a0f1c3b5d7e9a2c4"
WIDTH, HEIGHT = 400, 900


def heard_words(text: str, start: float, end: float, rng: random.Random) -> tuple[Word, ...]:
    """Whisper-like words: a leading space, punctuation glued on, a probability each."""
    tokens = text.split()
    step = (end - start) / max(len(tokens), 1)
    return tuple(
        Word(f" {token}", start + i * step, start + (i + 1) * step, round(rng.uniform(0.2, 1.0), 3))
        for i, token in enumerate(tokens)
    )


def dutch_call(stages, call_id: str = CALL_ID) -> list[Event]:
    """The Dutch escalating call as the server's stages make it of its script's lines."""
    script = call_script("call_escalating_nl")
    rng = random.Random(20261207)
    chain = StageChain(call_id, stages)
    metadata = {"agent_id": "agent-7"}
    events = chain.emit(
        CallStarted(call_id, 0, 0.0, source="twilio", legs=("agent", "customer"), metadata=metadata)
    )
    for i, line in enumerate(script_finals(call_id, "nl", script["turns"])):
        words = heard_words(line.text, line.start, line.end, rng)
        events += chain.emit(dataclasses.replace(line, words=words))
        if i == 3:  # a lost job, as the pipeline reports it: its message is for operators
            message = "the whisper worker failed: RuntimeError"
            events += chain.emit(
                ErrorEvent(call_id, 0, line.end, code="transcription_failed", message=message)
            )
    events += chain.flush()
    duration = script["duration"]
    events += chain.emit(CallEnded(call_id, 0, duration, duration=duration, reason="stop"))
    return events


# Everything the page's own words could be in English: the catalogue's English texts that
# differ from the Dutch (each fixed part of a text with {placeholders}), and the strings the
# pages once wrote themselves.
ONCE_HARD_CODED = (
    "token refused?",
    "not connected; try again in a moment",
    "gebruikt ✓",
    "the whisper worker failed",
)


def english_fragments() -> list[str]:
    catalogue = json.loads(asset_for("/web/messages.json")[0])
    found = set(ONCE_HARD_CODED)
    for key, english in catalogue["en"].items():
        if english == catalogue["nl"].get(key):
            continue
        for part in re.split(r"\{\w+\}", english):
            part = part.strip(" ()[]:;,.·—-'\"")
            if re.search(r"[A-Za-z]{3}", part):
                found.add(part)
    return sorted(found, key=len, reverse=True)


# Every text node and every text attribute the page holds, hidden ones included, except the
# caller's and agent's own words (a transcript line's text and its marked words).
PAGE_TEXTS = """
() => {
  const texts = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const said = parent.matches("#transcript .line, #transcript .line .unsure, blockquote");
    if (!said && node.textContent.trim()) texts.push(node.textContent.trim());
  }
  for (const node of document.querySelectorAll("[title], [aria-label], [placeholder]")) {
    for (const name of ["title", "aria-label", "placeholder"]) {
      if (node.getAttribute(name)) texts.push(node.getAttribute(name));
    }
  }
  for (const option of document.querySelectorAll("option")) texts.push(option.textContent);
  return texts;
}
"""


def english_in(texts: list[str], fragments: list[str]) -> list[tuple[str, str]]:
    """(text, English fragment) for each text that holds a fragment as whole words."""
    found = []
    for text in texts:
        for fragment in fragments:
            if re.search(rf"(?<![\w-]){re.escape(fragment)}(?![\w-])", text):
                found.append((text, fragment))
                break
    return found


async def tab_stops(page, limit: int = 400) -> list[str]:
    """Press Tab until the focus comes back to where it started; each stop's description."""
    await page.evaluate("document.activeElement && document.activeElement.blur()")
    stops: list[str] = []
    marks: set[str] = set()
    for i in range(limit):
        await page.keyboard.press("Tab")
        mark = await page.evaluate(
            """(i) => {
              const node = document.activeElement;
              if (!node || node === document.body) return null;
              if (!node.dataset.tabMark) node.dataset.tabMark = String(i);
              const what = node.className || node.tagName.toLowerCase();
              return [node.dataset.tabMark, `${node.tagName.toLowerCase()}.${what}`];
            }""",
            i,
        )
        if mark is None:
            continue
        if mark[0] in marks:
            break
        marks.add(mark[0])
        stops.append(mark[1])
    return stops


# The call picker: its selected text's width in its own font, against the room it has.
PICKER = """
() => {
  const select = document.getElementById("call-picker");
  const style = getComputedStyle(select);
  const ctx = document.createElement("canvas").getContext("2d");
  ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const text = select.options[select.selectedIndex]?.textContent || "";
  const box = select.getBoundingClientRect();
  return { text, needed: ctx.measureText(text).width, width: box.width, right: box.right };
}
"""

# The unsure marks: their text, and the description of the line they are on.
UNSURE = """
() => [...document.querySelectorAll("#transcript .line")].filter(l => l.querySelector(".unsure"))
  .map(line => ({
    marked: [...line.querySelectorAll(".unsure")].map(s => s.textContent),
    description: document.getElementById(line.getAttribute("aria-describedby") || "")?.textContent,
    tabindex: line.getAttribute("tabindex"),
  }))
"""

# The up-front alert against its signal's bar, and the note under the bars.
GAUGES = """
() => {
  const alert = document.querySelector("#alerts .alert");
  const gauges = Object.fromEntries([...document.querySelectorAll(".gauge")].map(g =>
    [g.dataset.signal, { band: g.dataset.band, alert: g.dataset.alert || "" }]));
  const note = document.getElementById("gauge-note");
  return { level: alert?.dataset.level || "", signal: alert ? alert.querySelector("div").textContent : "",
    gauges, note: note.hidden ? "" : note.textContent };
}
"""

CONNECTION_LOG = """
window.connTexts = [];
document.addEventListener("DOMContentLoaded", () => {
  const badge = document.getElementById("conn");
  const log = () => { if (window.connTexts.at(-1) !== badge.textContent) window.connTexts.push(badge.textContent); };
  log();
  new MutationObserver(log).observe(badge, { childList: true, characterData: true, subtree: true });
});
"""


def consistent(gauges: dict) -> bool:
    """An alert up front and its signal's bar agree, or a note under the bars says why not."""
    if not gauges["level"]:
        return gauges["note"] == "" and not any(g["alert"] for g in gauges["gauges"].values())
    signal = next(name for name, g in gauges["gauges"].items() if g["alert"])
    needed = 1 if gauges["level"] == "early_warning" else 2
    band = {"low": 0, "mid": 1, "high": 2}[gauges["gauges"][signal]["band"]]
    return gauges["gauges"][signal]["alert"] == gauges["level"] and (
        band >= needed or bool(gauges["note"])
    )


def test_a_dutch_token_gets_a_dutch_sidebar_with_a_short_tab_order(tiny_en, tmp_path):
    tokens = TokenFile(tmp_path / "tokens.json")
    dutch = tokens.add("agent", "agent-7", ui_language="nl")
    fragments = english_fragments()

    async def scenario():
        seen: dict = {}
        async with playwright_api.async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            # The browser speaks English: only the token says Dutch, and it says so in `hello`.
            context = await browser.new_context(
                locale="en-US", viewport={"width": WIDTH, "height": HEIGHT}
            )
            await context.add_init_script(CONNECTION_LOG)
            page = await context.new_page()
            async with running_server(
                tiny_en,
                "",
                str(tokens.path),
                stages=("affect", "assist"),
                language="nl",
                domain=uncalibrated_parcels(tmp_path),
            ) as (server, _):
                base = f"http://127.0.0.1:{server.ws_port}"
                events = dutch_call(server.stages.for_call(CALL_ID, {"agent_id": "agent-7"}))
                publish = server.live.sink_for(CALL_ID)
                await page.goto(f"{base}/#token={dutch}")
                await page.wait_for_selector('#conn[data-state="connected"]', timeout=15000)
                await page.wait_for_function("document.documentElement.lang === 'nl'")
                ended = [e for e in events if e.type == "call.ended"]
                for event in events:
                    if event.type != "call.ended":
                        publish(event)
                last = max(e.seq for e in events if e.type != "call.ended")
                await page.wait_for_function(
                    "n => [...document.querySelectorAll('#transcript .line')].length >= n",
                    arg=sum(e.type == "transcript.final" for e in events),
                )
                await page.wait_for_timeout(300)  # the last affect events redraw their lines
                seen["events"] = events
                seen["last_seq"] = last
                seen["error_note"] = await page.locator(
                    "#transcript .line.partial", has_text="⚠"
                ).all_inner_texts()
                seen["picker"] = await page.evaluate(PICKER)
                seen["gauges_live"] = await page.evaluate(GAUGES)
                seen["unsure"] = await page.evaluate(UNSURE)
                seen["tab_stops"] = await tab_stops(page)
                # From the transcript, the arrow keys go line by line; a line says its words.
                await page.focus("#transcript")
                await page.keyboard.press("ArrowUp")
                await page.keyboard.press("ArrowUp")
                seen["arrow_focus"] = await page.evaluate(
                    "document.activeElement.classList.contains('line')"
                    " && document.activeElement === [...document.querySelectorAll("
                    "'#transcript .line')].at(-2)"
                )
                seen["axe_live"] = await axe.check_async(page)
                # The alert up front, acknowledged with its shortcut.
                alert = page.locator("#alerts .alert").first
                if await alert.count():
                    await alert.focus()
                    await page.keyboard.press("a")
                    await alert.locator(".state", has_text="✓").wait_for()
                    seen["acknowledged"] = await alert.locator(".state").text_content()
                publish(ended[0])
                await page.wait_for_selector("#call-status.notice")
                seen["texts_ended"] = await page.evaluate(PAGE_TEXTS)
                seen["conn_live"] = await page.evaluate("window.connTexts")
            # The server has gone: the badge says so, in Dutch, and an answer cannot be sent.
            await page.wait_for_selector('#conn[data-state="reconnecting"]', timeout=15000)
            card = page.locator("#current .suggestion button.primary")
            if await card.count():
                await card.first.click()
                await page.locator("#current .state", has_text="verbonden").wait_for()
            seen["texts_offline"] = await page.evaluate(PAGE_TEXTS)
            seen["conn_all"] = await page.evaluate("window.connTexts")
            seen["axe_offline"] = await axe.check_async(page)
            await browser.close()
        return seen

    seen = asyncio.run(scenario())
    events = seen["events"]
    # The stages made a call worth checking: alerts, cards, lines with unsure words.
    assert [e for e in events if e.type == "alert"], "no alert"
    assert [e for e in events if e.type == "suggestion"], "no card"
    assert len(seen["unsure"]) >= 10, seen["unsure"]
    # Not a word of English around the callers' own words, before or after the server went.
    for moment in ("texts_ended", "texts_offline"):
        assert english_in(seen[moment], fragments) == [], (
            moment,
            english_in(seen[moment], fragments),
        )
    said = "⚠ Technisch probleem bij dit gesprek: een regel kon niet worden uitgeschreven"
    assert len(seen["error_note"]) == 1 and said in seen["error_note"][0], seen["error_note"]
    # The badge went connecting -> connected in the browser's language, then Dutch from hello on.
    assert seen["conn_live"][-1] == "verbonden", seen["conn_live"]
    assert seen["conn_all"][-1] == "opnieuw verbinden", seen["conn_all"]
    # One tab stop for the transcript, whatever its length.
    stops = seen["tab_stops"]
    assert len(stops) < 20, stops
    assert sum("line" in stop for stop in stops) == 0, stops
    assert seen["arrow_focus"] is True
    # Unsure marks on word characters only; each line's description names its marked words.
    for line in seen["unsure"]:
        assert all(re.fullmatch(r"\w(.*\w)?", word) for word in line["marked"]), line
        assert line["tabindex"] == "-1" and line["description"].startswith("Onzeker verstaan: ")
        assert all(word in line["description"] for word in line["marked"]), line
    # The alert and the bars agree, or the note says where the alert came from.
    assert consistent(seen["gauges_live"]), seen["gauges_live"]
    if "acknowledged" in seen:
        assert seen["acknowledged"] == "Gezien ✓"
    # The call picker shows the whole of a Twilio call id at 400 px.
    picker = seen["picker"]
    assert CALL_ID in picker["text"] and picker["needed"] + 28 <= picker["width"], picker
    assert picker["right"] <= WIDTH
    assert axe.summary(seen["axe_live"]) == [] and axe.summary(seen["axe_offline"]) == []


def escalate(call_id: str, seq: int, t: float) -> Alert:
    """An escalation on a request for a manager: a phrase raised it, not the line's score."""
    cue = Cue(
        "frustration",
        "phrase",
        "'leidinggevende'",
        0.6,
        confidence=0.9,
        topic="asks for a manager",
        phrase="leidinggevende",
    )
    return Alert(
        call_id,
        seq,
        t,
        level="escalate",
        signal="frustration",
        score=0.12,
        trend=0.31,
        basis="request",
        cues=(cue,),
        reason="frustration escalation request: 'leidinggevende' (trend 0.31)",
    )


def test_the_frustration_bar_and_an_escalation_agree_or_say_why(tiny_en, tmp_path):
    """A calm line's bar under an escalation on a request: the bar carries the alert's level
    and a note names the request; once the bar reads high, the note goes."""
    from copilot.events.affect import Affect

    tokens = TokenFile(tmp_path / "tokens.json")
    agents = {ui: tokens.add("agent", "agent-7", ui_language=ui) for ui in ("nl", "en")}
    call = "CA-bars"

    def affect(seq: int, t: float, frustration: float) -> Affect:
        return Affect(
            call,
            seq,
            t,
            speaker="customer",
            utterance_id=f"u{seq}",
            frustration=frustration,
            phrase_floor=0.5,
            trust_high=0.75,
        )

    async def scenario():
        seen: dict = {}
        async with running_server(tiny_en, "", str(tokens.path)) as (server, _):
            publish = server.live.sink_for(call)
            async with playwright_api.async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                pages = {}
                for ui, token in agents.items():
                    page = await browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
                    await page.goto(f"http://127.0.0.1:{server.ws_port}/#token={token}")
                    await page.wait_for_selector('#conn[data-state="connected"]')
                    pages[ui] = page
                metadata = {"agent_id": "agent-7"}
                publish(CallStarted(call, 1, 0.0, source="twilio", metadata=metadata))
                publish(affect(2, 3.0, 0.12))
                publish(escalate(call, 3, 3.1))
                for ui, page in pages.items():
                    await page.locator("#alerts .alert").wait_for()
                    await page.wait_for_function("!document.getElementById('gauge-note').hidden")
                    seen[f"calm_{ui}"] = await page.evaluate(GAUGES)
                    seen[f"axe_{ui}"] = await axe.check_async(page)
                publish(affect(4, 6.0, 0.72))
                for ui, page in pages.items():
                    await page.wait_for_function("document.getElementById('gauge-note').hidden")
                    seen[f"high_{ui}"] = await page.evaluate(GAUGES)
                # Acknowledged: the alert leaves the front after its ✓, and so does its mark.
                page = pages["en"]
                await page.locator("#alerts .alert").focus()
                await page.keyboard.press("a")
                await page.locator("#alerts .alert .state", has_text="✓").wait_for()
                seen["acknowledged"] = await page.locator("#alerts .alert .state").text_content()
                await page.wait_for_function("!document.querySelector('#alerts .alert')")
                seen["after"] = await page.evaluate(GAUGES)
                await browser.close()
        return seen

    seen = asyncio.run(scenario())
    for ui in ("nl", "en"):
        calm, high = seen[f"calm_{ui}"], seen[f"high_{ui}"]
        assert calm["gauges"]["frustration"] == {"band": "low", "alert": "escalate"}, calm
        assert consistent(calm) and consistent(high), (calm, high)
        assert high["note"] == "" and high["gauges"]["frustration"]["band"] == "high"
        assert seen[f"axe_{ui}"] == []
    assert seen["calm_nl"]["note"].startswith("Escaleren door 'leidinggevende'"), seen["calm_nl"]
    assert seen["calm_en"]["note"].startswith("Escalate from 'leidinggevende'"), seen["calm_en"]
    assert seen["acknowledged"] == "Acknowledged ✓"
    assert consistent(seen["after"]) and seen["after"]["note"] == ""


def test_a_refused_token_is_said_in_the_browsers_language(tiny_en, tmp_path):
    """No `hello` comes for a bad token: the badge and its detail follow the browser."""
    tokens = TokenFile(tmp_path / "tokens.json")
    tokens.add("agent", "agent-7")

    async def scenario():
        seen = {}
        async with running_server(tiny_en, "", str(tokens.path)) as (server, _):
            async with playwright_api.async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for locale in ("nl-NL", "en-US"):
                    context = await browser.new_context(locale=locale)
                    page = await context.new_page()
                    await page.goto(f"http://127.0.0.1:{server.ws_port}/#token=wrong")
                    await page.wait_for_selector('#conn[data-state="refused"]', timeout=15000)
                    seen[locale] = await page.locator("#conn").text_content()
                await browser.close()
        return seen

    seen = asyncio.run(scenario())
    assert seen == {
        "nl-NL": "geweigerd: controleer het toegangstoken",
        "en-US": "refused: check the access token",
    }
