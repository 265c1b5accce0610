"""The QA report's pages: a hand-over card's context and cues in the report's language, a
timeline whose ticks and alert names can be read, an index sorted by keyboard."""

import dataclasses
import itertools
from pathlib import Path

import pytest

from copilot.events.core import CallEnded, CallStarted, TranscriptFinal, Word
from copilot.events.voicebot import BotDecision, Handoff
from copilot.events.wording import Words
from copilot.replay.pages import INDEX_COLUMNS, call_page, index_page
from copilot.replay.scorecard import load_scorecard
from copilot.replay.summary import summarise_call
from tests import axe
from tests.events.test_wording import MANAGER

CONTEXT = {
    "intent": "request_human",
    "request": "Ik wil uw leidinggevende.",
    "facts": {},
    "done": [],
    "urgency": "high",
    "urgency_reasons": [
        {"kind": "alert", "level": "escalate", "signal": "frustration", "basis": "request"}
    ],
}


def test_the_hand_over_card_reads_in_the_reports_language():
    card = Handoff(
        "QA1",
        3,
        5.0,
        queue="team_leads",
        reason="frustration",
        intent="request_human",
        urgency="high",
        context=CONTEXT,
        cues=(MANAGER,),
        phrase_floor=0.5,
    )
    decided = BotDecision("QA1", 2, 5.0, action="handoff", reason="frustration 0.81 >= 0.5")
    events = [CallStarted("QA1", 1, 0.0, source="file"), decided, card, CallEnded("QA1", 4, 6.0)]
    report = summarise_call("QA1", events, 6.0, load_scorecard())
    # The card as the report keeps it, with what a reader words it from.
    report["bot"]["handoff"] = card.to_dict()
    page = call_page(report, Words("nl"))
    assert "Klant wil: iemand anders spreken (zei: &quot;Ik wil uw leidinggevende.&quot;)" in page
    assert "Urgentie: hoog (melding escaleren: frustratie vraagt om escalatie)" in page
    assert "frustratie: &#x27;leidinggevende&#x27; (vraagt naar een leidinggevende;" in page
    assert "Customer wants" not in page and "asks for a manager" not in page


# --- the timeline and the index as a QA reviewer reads them, in headless Debian Chromium ---

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def alerting_call(call_id: str, duration: float, alerts: list[tuple[float, str]]) -> dict:
    """A call's report: a customer line every 5 s (two of its words heard unsurely, one with
    a question mark glued on) with rising frustration, then `alerts` (time, level)."""
    from copilot.events.affect import Affect, Alert

    events = [CallStarted(call_id, 1, 0.0, source="file")]
    for i in range(int(duration // 5)):
        t = 5.0 * i + 4.0
        said = (("Waar", 0.9), ("blijft", 0.3), ("mijn", 0.8), ("pakketje?", 0.2))
        words = tuple(
            Word(w, t - 3 + k * 0.5, t - 2.6 + k * 0.5, p) for k, (w, p) in enumerate(said)
        )
        text = " ".join(w for w, _ in said)
        events.append(
            TranscriptFinal(
                call_id,
                0,
                t,
                speaker="customer",
                utterance_id=f"u{i}",
                start=t - 3,
                end=t,
                text=text,
                language="nl",
                words=words,
            )
        )
        events.append(
            Affect(
                call_id,
                0,
                t,
                speaker="customer",
                utterance_id=f"u{i}",
                frustration=min(1.0, t / duration),
                phrase_floor=0.5,
                trust_high=0.75,
            )
        )
    for t, level in alerts:
        events.append(
            Alert(call_id, 0, t, level=level, signal="frustration", basis="request", trend=0.6)
        )
    events.sort(key=lambda e: e.t)
    events.append(CallEnded(call_id, 0, duration, duration=duration))
    numbered = [dataclasses.replace(e, seq=i + 1) for i, e in enumerate(events)]
    return summarise_call(call_id, numbered, duration, load_scorecard())


# Every text of the timeline: its box on screen and its font size as drawn (SVG units
# scaled by the drawing's size on the page); the ticks' times.
TIMELINE = """
() => {
  const svg = document.getElementById("timeline");
  const scale = svg.getScreenCTM().a;
  return {
    texts: [...svg.querySelectorAll("text")].map(t => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent, box: [r.left, r.top, r.right, r.bottom],
               px: parseFloat(getComputedStyle(t).fontSize) * scale };
    }),
    ticks: [...svg.querySelectorAll(".tick")].map(t => Number(t.dataset.t)),
    unsure: [...document.querySelectorAll("#transcript .unsure")].map(u => u.textContent),
    described: [...document.querySelectorAll("#transcript td[tabindex]")].map(td =>
      document.getElementById(td.getAttribute("aria-describedby")).textContent),
    lines: document.querySelectorAll("#transcript tr").length - 1,
    marks: [...svg.querySelectorAll(".alert-mark")].map(l => {
      const r = l.getBoundingClientRect();
      return [(r.left + r.right) / 2, r.top, r.bottom];
    }),
  };
}
"""


def overlapping(texts: list[dict]) -> list[tuple[str, str]]:
    """Pairs of texts whose boxes on screen overlap."""
    pairs = []
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            (l1, t1, r1, b1), (l2, t2, r2, b2) = a["box"], b["box"]
            if l1 < r2 and l2 < r1 and t1 < b2 and t2 < b1:
                pairs.append((a["text"], b["text"]))
    return pairs


def test_the_timeline_ticks_every_10_to_15_s_and_its_labels_never_overlap(tmp_path):
    """Alerts 7.8 s apart (as a real Dutch call raised them: "Vroege waarsEscaleren" once),
    three within 10 s, one at the very end: every name readable, at 12 px or more; under it
    the transcript marks unsure words without their punctuation, one tab stop a line."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium not installed")
    calls = {
        "QA-short": alerting_call("QA-short", 31.0, [(12.0, "early_warning"), (19.8, "escalate")]),
        "QA-dense": alerting_call(
            "QA-dense",
            62.6,
            [(30.2, "early_warning"), (38.0, "escalate"), (40.1, "take_over"), (62.0, "escalate")],
        ),
        "QA-long": alerting_call("QA-long", 170.0, [(60.0, "early_warning"), (61.5, "escalate")]),
    }
    seen = {}
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1000, "height": 1200})
        for name, report in calls.items():
            for language in ("nl", "en"):
                path = tmp_path / f"{name}.{language}.html"
                path.write_text(call_page(report, Words(language)), encoding="utf-8")
                page.goto(path.as_uri())
                seen[name, language] = page.evaluate(TIMELINE)
        seen["axe"] = axe.check_sync(page)
        browser.close()
    assert seen.pop("axe") == []
    for (name, language), drawn in seen.items():
        ticks = drawn["ticks"]
        steps = {b - a for a, b in itertools.pairwise(ticks)}
        assert len(steps) == 1 and 10 <= steps.pop() <= 15, (name, ticks)
        assert ticks[0] == 0 and calls[name]["duration"] - ticks[-1] < 15, (name, ticks)
        assert overlapping(drawn["texts"]) == [], (name, language, overlapping(drawn["texts"]))
        crossed = [
            (t["text"], x)
            for x, top, bottom in drawn["marks"]
            for t in drawn["texts"]
            if t["box"][0] < x < t["box"][2] and top < t["box"][3] and t["box"][1] < bottom
        ]
        assert crossed == [], (name, language, crossed)  # no alert's line runs through a name
        small = [t for t in drawn["texts"] if t["px"] < 12]
        assert small == [], (name, language, small)
        # Unsure words marked without their punctuation; each line one tab stop naming them.
        assert set(drawn["unsure"]) == {"blijft", "pakketje"}, drawn["unsure"]
        assert len(drawn["described"]) == drawn["lines"] > 0
        unsure = {"nl": "Onzeker verstaan: blijft (kans 0.30), pakketje (kans 0.20)"}
        unsure["en"] = "Heard unsurely: blijft (p 0.30), pakketje (p 0.20)"
        assert set(drawn["described"]) == {unsure[language]}
        labels = [t["text"] for t in drawn["texts"]]
        levels = [Words(language).term("level", a["level"]) for a in calls[name]["alerts"]]
        assert all(labels.count(level) >= levels.count(level) for level in levels), labels


INDEX_ROWS = (
    "() => [...document.querySelectorAll('#calls tbody tr')].map(r => r.cells[0].innerText)"
)
SORTED = "() => [...document.querySelectorAll('#calls th')].map(h => h.getAttribute('aria-sort'))"


def test_the_index_sorts_by_keyboard_and_says_how_it_is_sorted(tmp_path):
    """Every column heading is a button: Tab to it, Enter or Space sorts; aria-sort follows."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium not installed")
    reports = [
        alerting_call("QA-b", 62.0, [(30.0, "escalate")]),
        alerting_call("QA-a", 31.0, []),
        alerting_call("QA-c", 170.0, [(60.0, "early_warning")]),
    ]
    stats = {"calls": 3, "audio_hours": 0.07, "failed": 0}
    index = tmp_path / "index.html"
    index.write_text(index_page(reports, {}, [], stats, Words("nl")), encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1000, "height": 800})
        page.goto(index.as_uri())
        seen = {"first": page.evaluate(INDEX_ROWS), "sorted": page.evaluate(SORTED)}
        seen["axe"] = axe.check_sync(page)
        seen["buttons"] = page.locator("#calls th button").all_inner_texts()
        # Tab to the second heading (Duur), past the filters and the first heading's button.
        for _ in range(12):
            page.keyboard.press("Tab")
            seen["focused"] = page.evaluate("document.activeElement.textContent")
            if seen["focused"] == "Duur":
                break
        page.keyboard.press("Enter")
        seen["down"] = page.evaluate(INDEX_ROWS), page.evaluate(SORTED)
        page.keyboard.press("Space")
        seen["up"] = page.evaluate(INDEX_ROWS), page.evaluate(SORTED)
        seen["hint"] = page.locator("#calls + p").inner_text()
        browser.close()
    none = ["none"] * len(INDEX_COLUMNS)
    assert seen["axe"] == []
    assert seen["buttons"][:3] == ["Gesprek", "Duur", "Taal"]
    # Most frustrated first, and the table says so.
    assert seen["first"] == ["QA-c", "QA-b", "QA-a"]
    assert seen["sorted"] == [*none[:3], "descending", *none[4:]]
    assert seen["focused"] == "Duur"
    assert seen["down"] == (["QA-c", "QA-b", "QA-a"], [none[0], "descending", *none[2:]])
    assert seen["up"] == (["QA-a", "QA-b", "QA-c"], [none[0], "ascending", *none[2:]])
    assert "toetsenbord" in seen["hint"] and "Klik" not in seen["hint"]
