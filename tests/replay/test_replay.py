"""QA replay as a user runs it: the CLI over the shipped fixtures, real models, real files out.

One replay (two worker processes) of a stereo call, a calm call, an 8 kHz mu-law file, a
short stereo clip and a file that is not audio feeds most tests; the report pages are
opened in headless Debian Chromium.
"""

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from copilot.affect.settings import AffectConfig
from copilot.asr.wer import word_errors
from copilot.replay.scorecard import Utterance, load_scorecard, score_call
from copilot.replay.sidecars import alert_matches, overall, precision_recall
from copilot.replay.worker import call_id_for, find_recordings
from tests import axe
from tests.conftest import FIXTURES

COPILOT = [sys.executable, "-m", "copilot.cli"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "replay_call.png"
CALLS = ("call_escalating_en.wav", "call_calm_en.wav", "jfk_8k_ulaw.wav", "stereo_diarization.wav")


def replay(*args: str, timeout: float = 600, lang: str = "C.UTF-8") -> subprocess.CompletedProcess:
    """`copilot replay`; `lang` is the locale it runs under (it picks the report's language)."""
    env = {**os.environ, "LANG": lang, "LC_ALL": "", "LC_MESSAGES": ""}
    return subprocess.run(
        [*COPILOT, "replay", *args], capture_output=True, text=True, timeout=timeout, env=env
    )


@pytest.fixture(scope="module")
def recordings(tmp_path_factory) -> Path:
    """The fixtures with their sidecars in one folder, plus one file that is not audio."""
    folder = tmp_path_factory.mktemp("recordings")
    for name in CALLS:
        for sibling in FIXTURES.glob(Path(name).stem + ".*"):
            if sibling.suffix in (".wav", ".txt") or sibling.name.endswith(".labels.json"):
                shutil.copy(sibling, folder / sibling.name)
    (folder / "broken.wav").write_bytes(b"RIFF not really a wave file")
    return folder


@pytest.fixture(scope="module")
def report(recordings, tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    out = tmp_path_factory.mktemp("qa")
    done = replay(str(recordings), "--out", str(out), "--workers", "2")
    return out, done


def load_call(out: Path, call_id: str) -> dict:
    return json.loads((out / "calls" / f"{call_id}.json").read_text(encoding="utf-8"))


def test_batch_reports_the_bad_file_and_replays_the_rest(report):
    out, done = report
    assert done.returncode == 1  # a failure is reported in the exit code, after the whole batch
    assert "broken.wav" in done.stderr and "Traceback" not in done.stderr
    assert "4/4" not in done.stderr and "5/5 calls" in done.stderr  # progress counted every file
    summary = json.loads((out / "overall.json").read_text())
    assert summary["calls"] == 4 and summary["failed"] == 1
    assert summary["failures"][0]["path"].endswith("broken.wav")
    for name in CALLS:
        call_id = Path(name).stem
        document = load_call(out, call_id)
        events = document["events"]
        assert events[0]["type"] == "call.started" and events[-1]["type"] == "call.ended"
        assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
        assert (out / "calls" / f"{call_id}.html").is_file()


def test_stereo_call_events_carry_both_legs_affect_and_alerts(report):
    out, _ = report
    events = load_call(out, "call_escalating_en")["events"]
    finals = [e for e in events if e["type"] == "transcript.final"]
    assert {e["speaker"] for e in finals} == {"agent", "customer"}
    affect_ids = {e["utterance_id"] for e in events if e["type"] == "affect"}
    assert affect_ids == {e["utterance_id"] for e in finals}
    levels = [e["level"] for e in events if e["type"] == "alert"]
    assert "escalate" in levels
    calm = load_call(out, "call_calm_en")["events"]
    assert not [e for e in calm if e["type"] == "alert"]


def test_wer_figures_match_the_sidecar_references(report, recordings):
    out, _ = report
    totals = {"errors": 0, "words": 0}
    for stem in ("call_escalating_en", "call_calm_en", "jfk_8k_ulaw"):
        document = load_call(out, stem)
        reference = (recordings / f"{stem}.txt").read_text()
        hypothesis = " ".join(u["text"] for u in document["report"]["transcript"])
        errors, words = word_errors(reference, hypothesis, language="en")
        scored = document["report"]["sidecar"]["wer"]
        assert (scored["errors"], scored["words"]) == (errors, words)
        totals["errors"] += errors
        totals["words"] += words
    assert load_call(out, "jfk_8k_ulaw")["report"]["sidecar"]["wer"]["wer"] <= 0.10
    assert "sidecar" not in load_call(out, "stereo_diarization")["report"]  # no annotation there
    figures = json.loads((out / "overall.json").read_text())["overall"]
    assert figures["wer"]["errors"] == totals["errors"]
    assert figures["wer"]["words"] == totals["words"]
    assert figures["wer"]["wer"] == round(totals["errors"] / totals["words"], 4)


def test_alert_precision_and_recall_against_labels(report, recordings):
    out, _ = report
    document = load_call(out, "call_escalating_en")
    labels = json.loads((recordings / "call_escalating_en.labels.json").read_text())
    fired = document["report"]["alerts"]
    expected = precision_recall(alert_matches(labels["alerts"], fired))
    assert document["report"]["sidecar"]["alerts"] == expected
    assert expected["recall"] >= 2 / 3  # the warning and the escalation at the labelled turns
    calm = load_call(out, "call_calm_en")["report"]["sidecar"]["alerts"]
    assert calm["fired"] == 0 and calm["expected"] == 0


def test_csv_has_one_row_per_call_matching_the_reports(report):
    out, _ = report
    with open(out / "calls.csv", newline="") as f:
        rows = {row["call_id"]: row for row in csv.DictReader(f)}
    assert set(rows) == {Path(n).stem for n in CALLS}
    for call_id, row in rows.items():
        r = load_call(out, call_id)["report"]
        assert float(row["peak_frustration"]) == r["peaks"]["frustration"]
        assert int(row["alerts"]) == len(r["alerts"])
        assert row["outcome"] == r["outcome"]


def test_scorecard_quotes_its_evidence(report):
    out, _ = report
    cards = {c["id"]: c for c in load_call(out, "call_escalating_en")["report"]["scorecard"]}
    assert cards["greeting"]["passed"] and "Good morning" in cards["greeting"]["evidence"]
    assert cards["empathy"]["passed"] is True  # "I understand" after frustration rose
    transcript = load_call(out, "call_escalating_en")["report"]["transcript"]
    assert cards["empathy"]["evidence"].strip('"') in [u["text"] for u in transcript]
    calm = {c["id"]: c for c in load_call(out, "call_calm_en")["report"]["scorecard"]}
    assert calm["empathy"]["passed"] is None  # no frustration alert: not applicable
    assert calm["closing"]["passed"] is True


def test_rerun_skips_finished_calls(report, recordings):
    out, _ = report
    before = {p.name: p.stat().st_mtime_ns for p in (out / "calls").glob("*.json")}
    again = replay(str(recordings), "--out", str(out))
    assert "4 call(s) already replayed, skipped" in again.stderr
    after = {p.name: p.stat().st_mtime_ns for p in (out / "calls").glob("*.json")}
    assert after == before
    assert json.loads((out / "overall.json").read_text())["calls"] == 4


def test_report_pages_in_headless_chromium(report):
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: run `make venv` (it installs it)")
    out, _ = report
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1000, "height": 1200})
        page.goto((out / "index.html").as_uri())
        index_violations = axe.check_sync(page)  # before any click changes the page
        assert page.locator("#calls tbody tr").count() == 4
        first = page.locator("#calls tbody tr").first.locator("td").first.inner_text()
        assert first == "call_escalating_en"  # sorted by peak frustration
        page.locator("#calls th", has_text="Duration").click()
        page.locator("#calls th", has_text="Duration").click()  # ascending
        assert page.locator("#calls tbody tr").first.locator("td").first.inner_text() == (
            "stereo_diarization"
        )
        assert "broken.wav" in page.locator("#failures").inner_text()
        page.locator("a", has_text="call_escalating_en").click()
        page.wait_for_selector("#timeline")
        assert page.locator("#transcript tr").count() == 1 + len(
            load_call(out, "call_escalating_en")["report"]["transcript"]
        )
        assert page.locator("#timeline polyline").count() == 3
        assert page.locator("#timeline .alert-mark").count() >= 2
        assert "Escalate" in page.locator(".alert").all_inner_texts()[1]
        SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOT), full_page=False)
        call_violations = axe.check_sync(page)
        browser.close()
    assert SCREENSHOT.stat().st_size > 10_000
    # No serious or critical accessibility violation on the index or a call's page.
    assert axe.summary(index_violations) == [] and axe.summary(call_violations) == []


def test_reports_word_alerts_from_their_fields_as_the_server_does(report):
    """The report words an alert from `basis`, `run`, `cues`, `trend`: in English exactly the
    server's own reason, in Dutch a different sentence around the same quoted words."""
    from copilot.events.wording import ENGLISH, Words

    alerts = [
        a for name in CALLS for a in load_call(report[0], Path(name).stem)["report"]["alerts"]
    ]
    assert len(alerts) >= 2 and all(a["basis"] for a in alerts)
    assert [ENGLISH.alert_reason(a) for a in alerts] == [a["reason"] for a in alerts]
    dutch = [Words("nl").alert_reason(a) for a in alerts]
    assert all(
        d != a["reason"] and d.split(" ")[0] in ("frustratie", "twijfel", "belasting")
        for d, a in zip(dutch, alerts, strict=True)
    )


def test_a_dutch_locale_gives_the_report_in_dutch(report, recordings, tmp_path):
    """The same replay read under LANG=nl_NL: finished calls are not replayed again, every
    page is redrawn in Dutch from the stored reports; what was said stays as said."""
    sync_api = pytest.importorskip("playwright.sync_api")
    out = tmp_path / "nl"
    shutil.copytree(report[0], out)
    again = replay(str(recordings), "--out", str(out), lang="nl_NL.UTF-8")
    assert "4 call(s) already replayed, skipped" in again.stderr
    document = load_call(out, "call_escalating_en")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1000, "height": 1200})
        page.goto((out / "index.html").as_uri())
        index = {
            "lang": page.evaluate("document.documentElement.lang"),
            "columns": page.locator("#calls th").all_inner_texts(),
            "axe": axe.check_sync(page),
        }
        page.locator("#calls th", has_text="Duur").click()
        page.locator("#calls th", has_text="Duur").click()  # ascending, as in English
        index["shortest"] = page.locator("#calls tbody tr").first.locator("td").first.inner_text()
        page.locator("a", has_text="call_escalating_en").click()
        page.wait_for_selector("#timeline")
        call = {
            "headings": page.locator("h2").all_inner_texts(),
            "alerts": page.locator(".alert").all_inner_texts(),
            "results": page.locator("#scorecard td.pass, #scorecard td.fail").all_inner_texts(),
            "lines": page.locator("#transcript td:nth-child(3)").all_inner_texts(),
            "axe": axe.check_sync(page),
        }
        browser.close()
    assert index["lang"] == "nl" and index["axe"] == [] and call["axe"] == []
    assert index["columns"][:3] == ["Gesprek", "Duur", "Taal"]
    assert index["shortest"] == "stereo_diarization"
    assert {"Samenvatting", "Signalen van de klant", "Hulp", "Transcript"} <= set(call["headings"])
    assert call["alerts"][0].startswith(("Vroege waarschuwing", "Escaleren", "Overnemen"))
    assert any("frustratie" in a for a in call["alerts"])
    assert set(call["results"]) <= {"gehaald", "niet gehaald"} and call["results"]
    # The transcript is the words as heard, in the call's own language.
    said = [u["text"] for u in document["report"]["transcript"]]
    assert [line.split(" verstaan ")[0].strip() for line in call["lines"]] == said


def test_ray_local_gives_the_same_report(report, recordings, tmp_path):
    pytest.importorskip("ray")
    out, _ = report
    subset = tmp_path / "subset"
    subset.mkdir()
    for name in ("jfk_8k_ulaw.wav", "jfk_8k_ulaw.txt", "stereo_diarization.wav"):
        shutil.copy(recordings / name, subset / name)
    ray_out = tmp_path / "ray"
    done = replay(str(subset), "--out", str(ray_out), "--ray", "local", "--workers", "2")
    assert done.returncode == 0, done.stderr
    for call_id in ("jfk_8k_ulaw", "stereo_diarization"):
        ours, theirs = load_call(ray_out, call_id)["report"], load_call(out, call_id)["report"]
        assert ours["transcript"] == theirs["transcript"]
        assert ours["peaks"] == theirs["peaks"] and ours["alerts"] == theirs["alerts"]


# -- the pieces, without audio -------------------------------------------------------------


def test_call_ids_are_stable_and_unique(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "call 1.wav").write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("not a recording")
    found, problems = find_recordings([tmp_path, tmp_path / "missing"])
    assert sorted(r.call_id for r in found) == ["a__call_1", "b__call_1"]
    assert problems == [f"{tmp_path / 'missing'}: no such file or folder"]
    assert call_id_for(tmp_path / "a" / "call 1.wav", None) == "call_1"


def test_scorecard_windows_and_not_applicable():
    items = {i.id: i for i in load_scorecard()}
    calls = [
        Utterance("agent", 0.5, 3.0, "Goedemorgen, u spreekt met Daan."),
        Utterance("customer", 4.0, 8.0, "Ik heb al drie keer gebeld!"),
        Utterance("agent", 9.0, 12.0, "Dat begrijp ik, het spijt me."),
        Utterance("agent", 50.0, 55.0, "Kan ik u nog ergens anders mee helpen?"),
    ]
    results = {r["id"]: r for r in score_call(list(items.values()), calls, 8.0, "nl", 56)}
    assert results["greeting"]["passed"] and results["greeting"]["matched"] == "Goedemorgen"
    assert results["empathy"]["passed"] and results["empathy"]["t"] == 9.0
    assert results["closing"]["passed"] is False  # "nog ergens anders" is not in the phrase list
    calm = {r["id"]: r for r in score_call(list(items.values()), calls, None, "nl", 56)}
    assert calm["empathy"]["passed"] is None


def test_alert_matching_counts_each_alert_once():
    expected = [{"level": "escalate", "from": 10, "to": 20}]
    fired = [
        {"level": "escalate", "t": 12.0},
        {"level": "escalate", "t": 15.0},  # a second one in the window is a false alarm
        {"level": "early_warning", "t": 11.0},
    ]
    counts = precision_recall(alert_matches(expected, fired))
    assert (counts["matched"], counts["precision"], counts["recall"]) == (1, 0.333, 1.0)
    totals = overall([{"alerts": counts}, {"alerts": precision_recall(alert_matches([], []))}])
    assert totals["alerts"]["fired"] == 3 and totals["alerts"]["calls"] == 2


def test_bad_scorecard_file_is_a_clear_error(tmp_path):
    card = tmp_path / "card.toml"
    card.write_text('[[item]]\nid = "x"\nwhen = "sometimes"\nphrases.en = ["hi"]\n')
    done = replay(str(tmp_path), "--out", str(tmp_path / "out"), "--scorecard", str(card))
    assert done.returncode == 2
    assert "scorecard item x: when must be one of" in done.stderr


def test_report_lines_mark_unsure_words_and_low_trust():
    from copilot.events.wording import ENGLISH
    from copilot.replay.pages import heard_html

    limits = {"phrase_floor": 0.5, "trust_high": 0.75}  # as the call's affect events say
    line = {"text": "Ja, <leidinggevende>", "words": [["Ja,", 0.9], ["<leidinggevende>", 0.01]]}
    html = heard_html(line, ENGLISH, limits)
    # The word is marked, not the brackets around it; the line names it (its description).
    assert 'Ja, &lt;<span class="unsure" title="unsure: heard with probability 0.01">' in html
    assert "leidinggevende</span>&gt;" in html and "heard 46%" in html
    assert "Heard unsurely: leidinggevende (p 0.01)</span>" in html
    assert heard_html({"text": "clear", "words": [["clear", 0.97]]}, ENGLISH, limits) == "clear"
    assert heard_html({"text": "no <timings>"}, ENGLISH, limits) == "no &lt;timings&gt;"
    # The thresholds are the call's own: a stricter floor marks more, none marks nothing.
    stricter = heard_html(line, ENGLISH, {"phrase_floor": 0.95, "trust_high": 0.4})
    assert stricter.count('class="unsure"') == 2 and 'class="trust"' not in stricter
    assert heard_html(line, ENGLISH, None) == "Ja, &lt;leidinggevende&gt;"


def test_the_report_keeps_the_thresholds_its_call_was_judged_by(report):
    document = load_call(report[0], "call_escalating_en")
    config = AffectConfig()  # what `copilot replay` ran the affect stage with
    assert document["report"]["heard_thresholds"] == {
        "phrase_floor": config.phrase_confidence_floor,
        "trust_high": config.asr_trust_high,
    }
    for alert in document["report"]["alerts"]:
        assert alert["phrase_floor"] == config.phrase_confidence_floor
        assert set(alert["thresholds"]) == {"early_warning", "escalate", "take_over"}


# English a Dutch agent must never read: the server's own words for what the codes mean.
ENGLISH_WORDS = (
    "asks for a manager",
    "unclear audio",
    "above this caller's baseline",
    "a typical voice",
    "escalation request",
    "rising",
    "utterances",
    "repeated contact",
    "strong wording",
    "cancel threat",
    "annoyance",
    "anger",
    "loudness",
    "speaking rate",
    "pitch",
    "talked over",
    "trend",
    "retention",
    "delivery",
    "complaints",
    "customer service",
    "high",
    "normal",
    "critical",
    "stop",
    "hangup",
    "file",
)


def test_a_dutch_wording_of_a_real_call_has_no_english_in_it(report):
    """The escalating call as replayed through the stages, worded for a Dutch agent: the alert
    reasons, intents, urgencies, teams, the end reason and the source. Only the caller's own
    words (quoted) may be English."""
    from copilot.events.wording import Words

    dutch = Words("nl")
    events = load_call(report[0], "call_escalating_en")["events"]
    alerts = [e for e in events if e["type"] == "alert"]
    cards = [e for e in events if e["type"] in ("suggestion", "route_to_human") and e.get("team")]
    assert alerts and cards, "the call gave nothing to word"
    worded = [dutch.alert_reason(a) for a in alerts]
    worded += [dutch.cue(c, a["phrase_floor"]) for a in alerts for c in a["cues"]]
    worded += [f"{dutch.intent(c['intent'])} {dutch.urgency(c['urgency'])}" for c in cards]
    worded += [dutch.team(c["team"]) for c in cards]
    worded += [dutch.end_reason(e["reason"]) for e in events if e["type"] == "call.ended"]
    worded += [dutch.source(e["source"]) for e in events if e["type"] == "call.started"]
    for line in worded:
        unquoted = re.sub(r"'[^']*'|\"[^\"]*\"", "", line).lower()
        leaked = [w for w in ENGLISH_WORDS if re.search(rf"\b{re.escape(w)}\b", unquoted)]
        assert leaked == [], (line, leaked)
