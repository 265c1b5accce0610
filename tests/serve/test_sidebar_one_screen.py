"""One screen: at 400 x 900 an agent sees what matters without scrolling, in either UI language.

Both shipped escalating calls are played (the English one over /twilio through tiny.en, the
Dutch one over /ingest at 16 kHz through the multilingual base model) to two agent sidebars at once, one with a
Dutch and one with an English token. A probe in each page measures, every 150 ms and after
every change, the bounding boxes of the newest open alert, the three signals, the intent /
urgency / team chips, the current suggestion and the transcript's last line: all must lie
inside the 400 x 900 viewport, and the page must not need scrolling.
"""

import asyncio
import shutil
from pathlib import Path

import pytest

from copilot.assist.floors import FLOORS_FILE
from copilot.assist.settings import REPO
from copilot.audio.files import decode_file
from copilot.commands.simulate import play_raw, play_twilio
from copilot.events.wording import Words
from copilot.serve.auth import TokenFile
from tests import axe
from tests.assist.test_stage import ENGLISH_ON_A_CARD
from tests.conftest import fixture_path
from tests.serve.server_harness import running_server
from tests.serve.test_sidebar_browser import CHROMIUM, CHROMIUM_ARGS, CONTEXT_LINES, DOCS

playwright_api = pytest.importorskip("playwright.async_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium not installed")

SIDEBAR_SCREENSHOT = DOCS / "sidebar.png"


async def play_call(port: int, call: str, call_id: str, language: str) -> None:
    """The English call as a phone call (Twilio, 8 kHz mu-law); the Dutch one as wideband
    audio (/ingest, 16 kHz): over 8 kHz the base model hears this synthetic Dutch voice too
    unclearly for any card (on some processors), and copilot rightly withholds them."""
    recording = decode_file(fixture_path(f"{call}.wav"))
    if language == "en":
        parameters = {"agent_id": "agent-7"}
        url = f"ws://127.0.0.1:{port}/twilio"
        await play_twilio(url, recording, call_id, realtime=False, parameters=parameters)
    else:
        await play_raw(f"ws://127.0.0.1:{port}/ingest?agent_id=agent-7", recording, call_id, False)


def uncalibrated_parcels(tmp_path: Path) -> str:
    """The parcel domain without its calibrated floors, `[assist]`'s own bars everywhere.

    The calibrated floors withhold every intent of Dutch heard through whisper (no
    evidence) and, on a phone line, the English call's until it is surer than typed lines
    need: right for an agent, and it leaves this layout test little to lay out.
    """
    copy = tmp_path / "parcels"
    shutil.copytree(REPO / "domains" / "parcels", copy, ignore=shutil.ignore_patterns(FLOORS_FILE))
    return str(copy)


# On audio a line's intent waits for a second line that agrees, or needs
# switch_intent_confidence alone; of this garbled Dutch call no two clear lines agree and
# none reaches the intent floor, so the agent would rightly see no intent. A layout test
# needs one: here one line is enough, at a bar its likeliest intents (0.38) reach.
ONE_LINE_IS_ENOUGH = {"switch_intent_confidence": 0.35, "min_intent_confidence": 0.35}

WIDTH, HEIGHT = 400, 900

# Records every moment something up front is outside the viewport, or the page scrolls.
PROBE = """
window.oneScreen = { checks: 0, failures: [], seen: {} };
function boxOf(name, node) {
  const r = node.getBoundingClientRect();
  return { name, top: r.top, bottom: r.bottom, left: r.left, right: r.right };
}
function check() {
  const s = window.oneScreen;
  const call = document.getElementById("call");
  if (!call || !document.getElementById("transcript")) return;
  const boxes = [];
  const alert = document.querySelector("#alerts .alert");
  if (alert) boxes.push(boxOf("alert", alert));
  boxes.push(boxOf("signals", document.querySelector(".gauges")));
  const chips = document.querySelectorAll("#assist-chips .chip");
  if (chips.length) boxes.push(boxOf("chips", document.getElementById("assist-chips")));
  const card = document.querySelector("#current .suggestion");
  if (card) boxes.push(boxOf("suggestion", card));
  const transcript = document.getElementById("transcript");
  const last = transcript.querySelector(".line:last-child");
  if (last) {
    boxes.push(boxOf("transcript", transcript));
    // The last line must be in the transcript's visible part, not scrolled away.
    const view = transcript.getBoundingClientRect(), line = last.getBoundingClientRect();
    if (line.bottom > view.bottom + 1 || line.top < view.top - 1) {
      s.failures.push({ name: "last line scrolled away", line: [line.top, line.bottom], view: [view.top, view.bottom] });
    }
  }
  for (const b of boxes) {
    s.seen[b.name] = (s.seen[b.name] || 0) + 1;
    if (b.top < -0.5 || b.left < -0.5 || b.bottom > innerHeight + 0.5 || b.right > innerWidth + 0.5) {
      s.failures.push(b);
    }
  }
  const page = document.scrollingElement, main = document.querySelector("main");
  if (page.scrollHeight > innerHeight + 1 || main.scrollHeight > main.clientHeight + 1) {
    s.failures.push({ name: "scrolls", page: page.scrollHeight, main: [main.scrollHeight, main.clientHeight] });
  }
  s.checks += 1;
}
new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
setInterval(check, 150);
"""

CALLS = {
    "call_escalating_en": ("tiny_en", "en"),
    "call_escalating_nl": ("base_multilingual", "nl"),
}


@pytest.mark.parametrize("call", sorted(CALLS))
def test_an_escalating_call_fits_one_screen_in_both_languages(call, request, tmp_path):
    model, language = CALLS[call]
    transcriber = request.getfixturevalue(model)
    tokens = TokenFile(tmp_path / "tokens.json")
    agents = {ui: tokens.add("agent", "agent-7", ui_language=ui) for ui in ("nl", "en")}
    call_id = f"CA-{language}-screen"

    async def sidebar(browser, base, ui):
        page = await browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        await page.goto(f"{base}/#token={agents[ui]}")
        await page.wait_for_selector('#conn[data-state="connected"]', timeout=15000)
        await page.evaluate(PROBE)
        return page

    async def scenario():
        async with running_server(
            transcriber,
            "",
            str(tokens.path),
            stages=("affect", "assist"),
            language=language,
            domain=uncalibrated_parcels(tmp_path),
            assist=ONE_LINE_IS_ENOUGH if language == "nl" else None,
        ) as (server, events):
            base = f"http://127.0.0.1:{server.ws_port}"
            async with playwright_api.async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                pages = {ui: await sidebar(browser, base, ui) for ui in ("nl", "en")}
                play = asyncio.create_task(play_call(server.ws_port, call, call_id, language))
                if language == "nl":
                    # docs/sidebar.png: the Dutch agent, Dutch UI, mid-call, once an alert and
                    # a suggestion are up front.
                    await pages["nl"].wait_for_function(
                        "(document.querySelector('#alerts .alert')"
                        " && document.querySelector('#current article'))"
                        " || document.querySelector('#call-status.notice')",
                        timeout=180_000,
                    )
                    await pages["nl"].screenshot(path=str(SIDEBAR_SCREENSHOT))
                await play
                await events.wait_for(call_id, "call.ended", timeout=180)
                seen = {}
                for ui, page in pages.items():
                    await page.wait_for_selector("#call-status.notice")
                    await page.wait_for_timeout(300)  # the last checks after the final events
                    seen[ui] = {
                        **await page.evaluate("window.oneScreen"),
                        "why": await page.locator(".alert .why").all_text_contents(),
                        "steps": await page.locator(
                            '.suggestion[data-kind="next_step"] h3'
                        ).all_text_contents(),
                        "intent": await page.locator(
                            '#assist-chips [data-field="intent"]'
                        ).text_content(),
                        "axe": await axe.check_async(page),
                        "contexts": await page.locator("article.suggestion").evaluate_all(
                            CONTEXT_LINES
                        ),
                    }
                await browser.close()
            return seen, events

    seen, events = asyncio.run(scenario())
    alerts = events.of(call_id, "alert")
    steps = [s for s in events.of(call_id, "suggestion") if s.kind == "next_step"]
    finals = events.of(call_id, "transcript.final")
    assert finals and steps, "the call gave the sidebar nothing to lay out"
    for ui in ("nl", "en"):
        screen = seen[ui]
        assert screen["failures"] == [], (ui, screen["failures"][:5])
        # The probe really measured each element up front, many times over the call.
        assert screen["checks"] > 50, screen
        for name in ("signals", "chips", "suggestion", "transcript"):
            assert screen["seen"].get(name, 0) > 5, (ui, name, screen["seen"])
        if alerts:
            assert screen["seen"].get("alert", 0) > 0, (ui, screen["seen"])
        assert screen["axe"] == [], (ui, axe.summary(screen["axe"]))
        # Next steps read in the agent's language, whatever language the call is in.
        assert sorted(screen["steps"]) == sorted(s.translations[ui] for s in steps)
    # Server-made words in the agent's language: the alert reasons and the intent.
    if alerts:
        assert all(
            why.startswith(("frustratie", "twijfel", "belasting")) for why in seen["nl"]["why"]
        )
        assert all(why.startswith(("frustration", "doubt", "load")) for why in seen["en"]["why"])
        assert seen["en"]["why"][0] != seen["nl"]["why"][0]
    assert seen["nl"]["intent"].startswith("vraag: ") and seen["en"]["intent"].startswith(
        "intent: "
    )
    # The intent and hand-over cards' context in the agent's language, whatever the call's.
    cards = events.of(call_id, "suggestion") + events.of(call_id, "route_to_human")
    contexts = {card.suggestion_id: card.context for card in cards if card.context}
    for ui in ("nl", "en"):
        for suggestion_id, lines, _ in seen[ui]["contexts"]:
            context = contexts[suggestion_id]
            assert lines == Words(ui).context(context), (ui, lines)
            if ui == "nl":  # around the caller's own words, nothing the server said in English
                around = "\n".join(lines).replace(context.get("request", ""), "")
                assert not [w for w in ENGLISH_ON_A_CARD if w in around], around
    if language == "nl":
        assert SIDEBAR_SCREENSHOT.stat().st_size > 10_000
