"""The small parts of assist: BM25, facts, language guess, turn parsing, the LLM fallback,
the intent model's n-gram view and its cross-validation folds."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import numpy as np
import pytest

from copilot.assist.bm25 import BM25Index, tokens
from copilot.assist.complexity import ComplexityCheck
from copilot.assist.crossval import cv_folds, translation_groups
from copilot.assist.facts import extract_facts
from copilot.assist.lexical import NgramNaiveBayes, char_ngrams, normalise
from copilot.assist.llm import ChatCompletionClient
from copilot.assist.urgency import UrgencyTracker
from copilot.pipeline.chat import TurnFormatError, parse_turns
from copilot.pipeline.language import guess_language


def test_bm25_prefers_the_document_with_the_rare_word():
    index = BM25Index(["parcel locker code", "parcel delivery times", "invoice and payment"])
    scores = index.scores("my locker code does not work")
    assert scores.index(max(scores)) == 0 and scores[2] == 0.0
    assert tokens("Bezorging bezorgd") == ["bezorg", "bezorg"]


def test_facts_are_normalised():
    facts = {
        f.name: f.value
        for f in extract_facts("Code vp 123456789 nl, postcode 3511 ab, Lindenlaan 14")
    }
    assert facts == {
        "tracking_code": "VP123456789NL",
        "postcode": "3511AB",
        "street": "Lindenlaan",
        "house_number": "14",
    }


def test_ngrams_ignore_case_accents_and_which_digit():
    assert normalise("Beëindigen? VP 4417-2290 NL") == "beeindigen vp 0000 0000 nl"
    grams = char_ngrams("Bezorgadres bezorgadres")
    assert " bez" in grams and "dres " in grams and "s b" not in grams  # words stay apart
    assert abs(sum(v * v for v in grams.values()) - 1) < 1e-9


def test_ngram_naive_bayes_learns_from_one_example_and_skips_classes_without_any():
    model = NgramNaiveBayes(3)
    model.add(["waar blijft mijn pakket", "ik wil mijn abonnement opzeggen"], [0, 1])
    p = model.probabilities(["mijn pakketje blijft weg", "abonnement opzeggen graag"])
    assert p[0].argmax() == 0 and p[1].argmax() == 1 and not p[:, 2].any()
    model.add(["pakketje naar de buren"], [2], weight=2.0)
    assert model.probabilities(["het pakketje naar de buren"])[0].argmax() == 2


def test_cv_folds_keep_translations_together_and_stratify():
    seeds = [(intent, lang, i) for intent in ("a", "b") for lang in ("en", "nl") for i in range(5)]
    examples = [(f"{lang} {intent} {i}", intent, lang) for intent, lang, i in seeds]
    # Seed i of an intent points the same way in English and in Dutch: a translation.
    vectors = np.array([np.eye(10)[i + 5 * (intent == "b")] for intent, _, i in seeds])
    groups = translation_groups(examples, vectors)
    assert sorted(len(g) for g in groups) == [2] * 10
    fold = cv_folds(examples, groups, k=5, seed=1)
    assert all(fold[g[0]] == fold[g[1]] for g in groups)
    for intent in ("a", "b"):
        for lang in ("en", "nl"):
            mine = [n for n, seed in enumerate(seeds) if seed[:2] == (intent, lang)]
            assert sorted(fold[mine]) == [0, 1, 2, 3, 4]


def test_language_guess():
    assert guess_language("Waar blijft mijn pakket?") == "nl"
    assert guess_language("Where is my parcel?") == "en"
    assert guess_language("VP123456789NL", default="nl") == "nl"


def test_turn_formats():
    text = '# comment\nklant: Hallo\nagent: Goedemiddag\n{"speaker": "customer", "text": "Hi", "language": "en"}\nno speaker here\n'
    turns = parse_turns(text)
    assert [(t["speaker"], t["text"]) for t in turns] == [
        ("klant", "Hallo"),
        ("agent", "Goedemiddag"),
        ("customer", "Hi"),
        ("customer", "no speaker here"),
    ]
    assert parse_turns('[{"speaker": "agent", "text": "Hoi"}]')[0]["speaker"] == "agent"
    with pytest.raises(TurnFormatError):
        parse_turns('[{"speaker": "agent"}]')


def test_a_fact_said_twice_the_same_is_no_contradiction():
    check = ComplexityCheck({"postcode": "3511AB"})
    assert check.check("postcode 3511 AB", extract_facts("postcode 3511 AB")) == []
    assert [f.reason for f in check.check("I have already paid", [])] == []
    assert [f.reason for f in check.check("I haven't paid", [])] == ["contradiction"]


def test_urgency_from_words():
    tracker = UrgencyTracker()
    assert tracker.level("billing") == "normal"
    tracker.note_text("I need it today")
    assert tracker.level("billing") == "high"
    tracker.note_text("mijn medicijnen zitten erin")
    assert tracker.level("other") == "critical"
    assert [r.to_dict() for r in tracker.reasons] == [
        {"kind": "deadline", "words": "today"},
        {"kind": "critical", "words": "medicijnen"},
    ]


def test_urgency_notes_an_alert_by_what_it_is_once_with_its_newest_run():
    tracker = UrgencyTracker()
    tracker.note_alert("escalate", "frustration", "sustained", run=2)
    tracker.note_alert("escalate", "frustration", "sustained", run=3)
    assert tracker.level("billing") == "high"
    (reason,) = tracker.reasons
    assert reason.to_dict() == {
        "kind": "alert",
        "level": "escalate",
        "signal": "frustration",
        "basis": "sustained",
        "run": 3,
    }


class _Completion(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - the http.server API
        length = int(self.headers["Content-Length"])
        request = json.loads(self.rfile.read(length))
        answer = {"choices": [{"message": {"content": f"LLM draft for {request['model']}"}}]}
        body = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_llm_endpoint_is_used_when_it_answers_and_skipped_when_it_does_not():
    server = HTTPServer(("127.0.0.1", 0), _Completion)
    thread = threading.Thread(target=server.handle_request, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}/v1/chat/completions"
    assert ChatCompletionClient(url, "tiny").complete("s", "u") == "LLM draft for tiny"
    thread.join(5)
    server.server_close()
    closed = ChatCompletionClient(url, "tiny", timeout_s=0.5)  # nothing listens there now
    assert closed.complete("s", "u") is None


def test_copilot_assist_prints_assist_events_as_json_lines(monkeypatch, capsys):
    import io

    from copilot.cli import main
    from copilot.events.codec import event_from_json

    monkeypatch.setattr("sys.stdin", io.StringIO("klant: Hoe wijzig ik mijn afspraak?\n"))
    assert main(["assist", "--stages", "", "--language", "nl"]) == 0
    events = [event_from_json(line) for line in capsys.readouterr().out.splitlines()]
    assert {e.type for e in events} <= {"suggestion", "draft", "route_to_human"}
    intent = next(e for e in events if e.type == "suggestion" and e.kind == "intent")
    assert (intent.intent, intent.language) == ("appointment_change", "nl")
    assert events[-1].type == "draft" and events[-1].language == "nl"
