"""A domain folder: `copilot domain check` finds each mistake, `copilot domain eval` measures it.

The check runs on small domains written into a temporary folder, each with one mistake;
the figures are computed with the real encoder on both shipped domains and on copies of
them changed on purpose, so a figure that did not come from the files would show.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from copilot.affect.text import PHRASES, domain_phrases
from copilot.assist.domain import CUE_TOPICS, DomainError, phrase_pattern
from copilot.assist.domain_check import check_domain, load_domain
from copilot.assist.domain_eval import CLOSE_CENTROIDS, evaluate_domain
from copilot.assist.intents import load_examples
from copilot.cli import main
from copilot.config import Config, ConfigError, load_config
from copilot.encoders.sentence import load_sentence_encoder
from copilot.runtime import StageFactory, decoding_options

REPO = Path(__file__).resolve().parents[2]
PARCELS = REPO / "domains" / "parcels"
ENERGY = REPO / "domains" / "energy_internet"

BILLING_EN = [f"I have a question about invoice number {n}." for n in range(10)]
BILLING_NL = [f"Ik heb een vraag over factuur nummer {n}." for n in range(10)]
HUMAN_EN = [f"Let me speak to a person, attempt {n}." for n in range(10)]
HUMAN_NL = [f"Ik wil een mens spreken, poging {n}." for n in range(10)]
OTHER_EN = [f"Hello, it is {n} o'clock." for n in range(10)]
OTHER_NL = [f"Hallo, het is {n} uur." for n in range(10)]


def small_domain() -> dict[str, object]:
    """A complete, correct domain as {file: content}: YAML data, or text for articles."""
    return {
        "domain.yaml": {
            "name": "small",
            "company": "Klein BV",
            "languages": ["en", "nl"],
            "default_team": "service",
            "teams": {
                "desk": {"en": "billing desk", "nl": "factuurbalie"},
                "leads": {"en": "team leads", "nl": "teamleiders"},
                "service": {"en": "customer service", "nl": "klantenservice"},
            },
            "intents": {
                "billing": {"route": "desk", "label": {"en": "billing", "nl": "factuur"}},
                "request_human": {"route": "leads", "label": {"en": "person", "nl": "mens"}},
                "other": {"label": {"en": "other", "nl": "overig"}},
            },
        },
        "examples.yaml": {
            "billing": {"en": BILLING_EN, "nl": BILLING_NL},
            "request_human": {"en": HUMAN_EN, "nl": HUMAN_NL},
            "other": {"en": OTHER_EN, "nl": OTHER_NL},
        },
        "eval/intents.yaml": {"billing": {"en": ["Why is my invoice so high?"]}},
        "eval/kb_questions.yaml": {"en": [{"q": "Why is my bill high?", "article": "bills"}]},
        "kb/en/bills.md": "---\nid: bills\ntitle: Bills\nintents: [billing]\n---\n## Why\nUse.\n",
        "kb/nl/rekeningen.md": "---\nid: bills\ntitle: Rekeningen\n---\n## Waarom\nVerbruik.\n",
        "playbooks/billing.yaml": {
            "intent": "billing",
            "steps": [{"id": "open", "en": "Open the bill.", "nl": "Open de factuur."}],
        },
        "playbooks/request_human.yaml": {
            "intent": "request_human",
            "steps": [{"id": "transfer", "en": "Transfer.", "nl": "Verbind door."}],
        },
        **{
            f"templates/{lang}.yaml": {
                name: {"subject": "S", "body": "Hi {name},\n{passage}\n"}
                for name in ("fallback", "billing", "request_human")
            }
            for lang in ("en", "nl")
        },
        "vocabulary.yaml": {
            "whisper_prompt": {"en": "Billing call.", "nl": ""},
            "cues": {"cancel threat": {"nl": ["weg bij Klein"]}},
            "urgency": {"critical": {"en": ["smell gas"]}},
        },
    }


def write_domain(root: Path, files: dict[str, object]) -> Path:
    for name, content in files.items():
        if content is None:
            continue  # the file is left out
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = content if isinstance(content, str) else yaml.safe_dump(content, allow_unicode=True)
        path.write_text(text, encoding="utf-8")
    return root


def errors_of(root: Path) -> list[str]:
    return [str(p) for p in check_domain(root).errors]


def test_the_small_domain_and_the_shipped_ones_have_no_errors(tmp_path):
    assert errors_of(write_domain(tmp_path, small_domain())) == []
    for shipped in (PARCELS, ENERGY):
        check = check_domain(shipped)
        assert check.errors == [], shipped.name
        assert set(check.counts["examples"]) == set(check.counts["articles"]) == {"en", "nl"}
    # The one warning: Dutch heard through whisper had too few development cards to calibrate on.
    assert [str(w) for w in check_domain(ENERGY).warnings] == [
        "warning: floors.json: no intent shows for nl 8k: its development calls gave too"
        " few cards to calibrate on (label calls of your own there, then make calibrate-assist)"
    ]


def test_a_missing_language_is_an_error_in_each_place(tmp_path):
    files = small_domain()
    files["examples.yaml"]["billing"] = {"en": BILLING_EN}  # type: ignore[index]
    files["kb/nl/rekeningen.md"] = None
    files["templates/nl.yaml"] = None
    errors = errors_of(write_domain(tmp_path, files))
    assert "error: examples.yaml: intent 'billing' has no example lines in nl" in errors
    assert any("no articles in nl" in e for e in errors)
    assert "error: templates/nl.yaml: the file is missing" in errors
    files = small_domain()
    files["playbooks/billing.yaml"]["steps"][0].pop("nl")  # type: ignore[index]
    errors = errors_of(write_domain(tmp_path / "steps", files))
    assert errors == ["error: playbooks/billing.yaml: step 'open' has no text in nl"]


def test_an_intent_without_examples_is_an_error(tmp_path):
    files = small_domain()
    files["domain.yaml"]["intents"]["moving"] = {"route": "desk"}  # type: ignore[index]
    errors = errors_of(write_domain(tmp_path, files))
    assert "error: examples.yaml: intent 'moving' has no example lines in en" in errors
    assert "error: examples.yaml: intent 'moving' has no example lines in nl" in errors


def test_a_route_to_an_unknown_team_is_an_error(tmp_path):
    files = small_domain()
    files["domain.yaml"]["intents"]["billing"]["route"] = "invoices"  # type: ignore[index]
    assert errors_of(write_domain(tmp_path, files)) == [
        "error: domain.yaml: intent 'billing' routes to unknown team 'invoices'"
        " (teams: desk, leads, service)"
    ]


def test_an_example_of_two_intents_is_an_error(tmp_path):
    files = small_domain()
    files["examples.yaml"]["other"]["en"] = [*OTHER_EN, "i have a question about INVOICE number 3"]  # type: ignore[index]
    assert errors_of(write_domain(tmp_path, files)) == [
        "error: examples.yaml: 'i have a question about INVOICE number 3' is an example of both"
        " 'billing' and 'other'"
    ]


def test_an_article_without_a_title_is_an_error(tmp_path):
    files = small_domain()
    files["kb/nl/rekeningen.md"] = "---\nid: bills\n---\n## Waarom\nVerbruik.\n"
    assert errors_of(write_domain(tmp_path, files)) == [
        "error: kb/nl/rekeningen.md: article without a title (front matter `title`)"
    ]


def test_other_mistakes_are_named_too(tmp_path):
    files = small_domain()
    files["domain.yaml"]["intents"].pop("other")  # type: ignore[index]
    files["examples.yaml"].pop("other")  # type: ignore[union-attr]
    files["vocabulary.yaml"]["cues"]["anger"] = {"en": ["grr"]}  # type: ignore[index]
    files["templates/en.yaml"]["billing"]["body"] = "Hi {nam}\n"  # type: ignore[index]
    files["kb/en/bills.md"] = "---\nid: bills\ntitle: Bills\nintents: [refunds]\n---\nText.\n"
    errors = errors_of(write_domain(tmp_path, files))
    assert (
        "error: domain.yaml: intent 'other' is missing: every domain needs it (none of the others)"
        in errors
    )
    assert any("cues: unknown 'anger'" in e for e in errors)
    assert any("template 'billing': unknown placeholders ['nam']" in e for e in errors)
    assert "error: kb/en/bills.md: unknown intents ['refunds'] in `intents`" in errors


def test_the_check_command_prints_errors_and_warnings_apart_and_exits_1(tmp_path, capsys):
    good = write_domain(tmp_path / "good", small_domain())
    assert main(["domain", "check", str(good)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{good}: small (Klein BV), languages en, nl"
    assert "example lines en 30, nl 30" in out[1]
    # Ten lines per intent is enough; the held-out set lacks most intents and the floors
    # were never calibrated: warnings only.
    assert all(
        line.startswith(("warning: eval/intents.yaml:", "warning: floors.json: no calibrated"))
        for line in out[2:-1]
    )
    assert out[-1].startswith("0 errors, ") and out[-1].endswith("the domain can be used")
    files = small_domain()
    files["domain.yaml"]["intents"]["billing"]["route"] = "invoices"  # type: ignore[index]
    bad = write_domain(tmp_path / "bad", files)
    assert main(["domain", "check", str(bad)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[2].startswith("error: domain.yaml: intent 'billing' routes to unknown team")
    assert out[-1].startswith("1 error, ") and out[-1].endswith("cannot be used")
    assert main(["domain", "check", str(tmp_path / "nowhere")]) == 1


def test_a_broken_domain_stops_the_start_not_a_call(tmp_path):
    files = small_domain()
    files["domain.yaml"]["intents"]["billing"]["route"] = "invoices"  # type: ignore[index]
    broken = write_domain(tmp_path / "broken", files)
    with pytest.raises(DomainError, match="routes to unknown team 'invoices'"):
        load_domain(broken)
    config = Config()
    config.assist = type(config.assist)(domain=str(broken))
    with pytest.raises(ConfigError, match="assist.domain: domain .* cannot be used"):
        StageFactory(config).domain()


def test_old_assist_keys_point_to_the_domain_folder(tmp_path):
    toml = tmp_path / "copilot.toml"
    toml.write_text('[assist]\nroutes = ["billing=finance"]\n')
    with pytest.raises(ConfigError, match=r"assist.routes is now part of the domain folder"):
        load_config(toml)


def test_the_domain_says_whisper_prompt_and_words(tmp_path):
    assert (
        decoding_options(Config())
        .vocabulary["en"]
        .startswith("Customer service call about parcels")
    )
    energy = Config()
    energy.assist = type(energy.assist)(domain=str(ENERGY))
    assert "meter reading" in decoding_options(energy).vocabulary["en"]
    energy.vocabulary_en = "off"
    assert decoding_options(energy).vocabulary["en"] == ""
    # Every cue topic a domain may name is one the affect stage has (and words).
    assert set(CUE_TOPICS) == {p.topic for p in PHRASES}
    phrases = domain_phrases({"cancel threat": {"nl": [phrase_pattern("contract beëindig*")]}})
    assert phrases[0].pattern.search("Ik wil mijn contract beëindigen.")
    with pytest.raises(ValueError, match="unknown cue topic"):
        domain_phrases({"anger": {"en": ["grr"]}})


# -- eval ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def encoder():
    return load_sentence_encoder()


@pytest.mark.parametrize("root", [PARCELS, ENERGY], ids=["parcels", "energy_internet"])
def test_eval_figures_come_from_the_held_out_lines(root, encoder):
    report = evaluate_domain(load_domain(root), encoder)
    held_out = load_examples(root / "eval" / "intents.yaml")
    intents = report["intents"]
    for language, figures in report["held_out"]["languages"].items():
        mine = [intent for _, intent, lang in held_out if lang == language]
        matrix = figures["confusion"]
        assert figures["lines"] == len(mine) == sum(map(sum, matrix)) >= 100
        for i, intent in enumerate(intents):
            assert sum(matrix[i]) == mine.count(intent) == figures["intents"][intent]["lines"]
            predicted = sum(row[i] for row in matrix)
            if predicted:
                assert figures["intents"][intent]["precision"] == round(matrix[i][i] / predicted, 4)
        assert figures["accuracy"] == round(
            sum(matrix[i][i] for i in range(len(intents))) / len(mine), 4
        )
        assert figures["accuracy"] >= 0.9, language
        assert report["kb"]["languages"][language]["recall@3"] >= 0.9
    assert report["close_intents"] == []  # both shipped domains tell every pair apart


def test_eval_follows_the_files_it_is_given(tmp_path, encoder):
    """Relabel five Dutch billing lines as contract: the matrix moves them, nothing else."""
    copy = Path(shutil.copytree(ENERGY, tmp_path / "energy"))
    before = evaluate_domain(load_domain(copy), encoder)["held_out"]["languages"]["nl"]
    path = copy / "eval" / "intents.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    moved, data["billing"]["nl"] = data["billing"]["nl"][:5], data["billing"]["nl"][5:]
    data["contract"]["nl"] += moved
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    after = evaluate_domain(load_domain(copy), encoder)["held_out"]["languages"]["nl"]
    assert after["intents"]["billing"]["lines"] == before["intents"]["billing"]["lines"] - 5
    assert after["intents"]["contract"]["lines"] == before["intents"]["contract"]["lines"] + 5
    assert after["accuracy"] < before["accuracy"]  # five billing lines are not contract lines


def test_eval_warns_about_an_intent_split_in_two(tmp_path, encoder):
    """Half of billing's examples relabelled as a new intent: the two are the same thing."""
    copy = Path(shutil.copytree(ENERGY, tmp_path / "energy"))
    domain_file = copy / "domain.yaml"
    spec = yaml.safe_load(domain_file.read_text(encoding="utf-8"))
    spec["intents"]["invoice"] = {"route": "billing", "label": {"en": "invoice", "nl": "factuur"}}
    domain_file.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    examples_file = copy / "examples.yaml"
    examples = yaml.safe_load(examples_file.read_text(encoding="utf-8"))
    examples["invoice"] = {lang: lines[1::2] for lang, lines in examples["billing"].items()}
    examples["billing"] = {lang: lines[::2] for lang, lines in examples["billing"].items()}
    examples_file.write_text(yaml.safe_dump(examples, allow_unicode=True), encoding="utf-8")
    close = evaluate_domain(load_domain(copy), encoder)["close_intents"]
    pairs = {(c["first"], c["second"]): c for c in close}
    assert ("billing", "invoice") in pairs
    assert pairs[("billing", "invoice")]["centroid_cosine"] >= CLOSE_CENTROIDS
    assert any("centroid cosine" in r for r in pairs[("billing", "invoice")]["reasons"])


def test_the_eval_command_prints_the_tables_and_json(capsys):
    assert main(["domain", "eval", str(ENERGY), "--k", "1,3"]) == 0
    text = capsys.readouterr().out
    for wanted in ("nl: 150 lines, accuracy", "precision  recall", "confusion: rows the labelled"):
        assert wanted in text
    assert "recall@1" in text and "recall@3" in text
    assert "No intents too close to tell apart." in text
    assert main(["domain", "eval", str(ENERGY), "--json", "--k", "2"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report["kb"]["languages"]["all"]) == {"questions", "recall@2"}
    assert report["held_out"]["languages"]["en"]["lines"] == 150


def test_the_floors_file_is_checked_too(tmp_path):
    files = small_domain()
    root = write_domain(tmp_path / "none", files)
    warnings = [str(p) for p in check_domain(root).warnings]
    assert any("no calibrated floors" in w for w in warnings)
    bad = {
        "floors": {
            "en": {"clean": {"intent": 1.5}, "radio": {"intent": 0.5}},
        }
    }
    root = write_domain(tmp_path / "bad", files)
    (root / "floors.json").write_text(json.dumps(bad), encoding="utf-8")
    errors = errors_of(root)
    assert errors == [
        "error: floors.json: floors.en.clean.intent: must be a number in [0, 1], not 1.5"
    ]
    partial = {
        "floors": {
            "en": {c: {"intent": 0.6} for c in ("text", "clean")},
            "de": {"clean": {"intent": 0.5}},
        }
    }
    (root / "floors.json").write_text(json.dumps(partial), encoding="utf-8")
    check = check_domain(root)
    assert [str(p) for p in check.errors] == [
        "error: floors.json: floors for 'de', which the domain does not speak"
    ]
    warnings = [str(p) for p in check.warnings]
    assert "warning: floors.json: no floors for en 8k: [assist]'s own bars apply there" in warnings
    assert any("no floors for nl text, chat, clean, 8k" in w for w in warnings)
    assert "warning: floors.json: no intent_switch for en text, clean: [assist]" in "\n".join(
        warnings
    )
    fixed = {"floors": {"en": {"clean": {"intent": 0.6, "intent_switch": 1.0}}}}
    (root / "floors.json").write_text(json.dumps(fixed), encoding="utf-8")
    warnings = [str(p) for p in check_domain(root).warnings]
    assert any("an intent never changes for en clean:" in w for w in warnings)
    (root / "floors.json").write_text("{not json", encoding="utf-8")
    assert any(e.startswith("error: floors.json: ") for e in errors_of(root))
