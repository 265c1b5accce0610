"""QA replay of a folder with one Dutch and one English recording, `--language auto`.

Each call is decided on its own and transcribed with its language's model; the report
shows the decision per call, the CSV carries it, and the index filters on it (headless
Debian Chromium). `--ui-language` only words the pages.
"""

import csv
import json
import shutil
from pathlib import Path

import pytest

from copilot.pipeline.language import guess_language
from tests.conftest import FIXTURES
from tests.replay.test_replay import CHROMIUM, CHROMIUM_ARGS, replay

CALLS = {"call_calm_nl": "nl", "call_calm_en": "en"}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("mixed")
    for name in CALLS:
        shutil.copy(FIXTURES / f"{name}.wav", folder / f"{name}.wav")
    out = tmp_path_factory.mktemp("qa-mixed")
    done = replay(
        str(folder), "--out", str(out), "--language", "auto", "--stages", "", "--ui-language", "nl"
    )
    assert done.returncode == 0, done.stderr
    return out


def document(out: Path, call_id: str) -> dict:
    return json.loads((out / "calls" / f"{call_id}.json").read_text(encoding="utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize(("call_id", "truth"), CALLS.items())
def test_each_call_gets_its_own_language_and_model(mixed, call_id, truth):
    doc = document(mixed, call_id)
    decided = [e for e in doc["events"] if e["type"] == "call.language"]
    assert len(decided) == 1 and decided[0]["language"] == truth
    finals = [e for e in doc["events"] if e["type"] == "transcript.final"]
    assert finals and {e["language"] for e in finals} == {truth}
    # The decision came first: every final was transcribed once, in the decided language.
    types = [e["type"] for e in doc["events"]]
    assert types.index("call.language") < types.index("transcript.final")
    said = " ".join(e["text"] for e in finals)
    assert guess_language(said, default="?") == truth, said
    report = doc["report"]["language_decision"]
    assert report["how"] == "auto" and report["language"] == truth
    assert report["confidence"] == decided[0]["confidence"]
    assert report["unsure"] is decided[0]["unsure"]


@pytest.mark.slow
def test_the_page_and_the_csv_show_the_decision(mixed):
    page = (mixed / "calls" / "call_calm_nl.html").read_text(encoding="utf-8")
    confidence = document(mixed, "call_calm_nl")["report"]["language_decision"]["confidence"]
    assert "Taal Nederlands, herkend met zekerheid" in page and f"{confidence:.2f}" in page
    with open(mixed / "calls.csv", encoding="utf-8") as f:
        rows = {r["call_id"]: r for r in csv.DictReader(f)}
    for call_id, truth in CALLS.items():
        assert rows[call_id]["language"] == truth and rows[call_id]["language_how"] == "auto"
        assert 0.5 < float(rows[call_id]["language_confidence"]) <= 1.0


@pytest.mark.slow
def test_the_index_filters_calls_by_language(mixed):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto((mixed / "index.html").as_uri())
        rows = page.locator("#calls tbody tr")
        assert rows.count() == 2
        page.select_option("#language-filter", "nl")
        visible = [rows.nth(i) for i in range(2) if rows.nth(i).is_visible()]
        assert [r.locator("td").first.inner_text() for r in visible] == ["call_calm_nl"]
        page.select_option("#language-filter", "all")
        assert all(rows.nth(i).is_visible() for i in range(2))
        browser.close()
