"""The small parts of assist: BM25, facts, language guess, turn parsing, the LLM fallback."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from copilot.assist.bm25 import BM25Index, tokens
from copilot.assist.chat import TurnFormatError, parse_turns
from copilot.assist.complexity import ComplexityCheck
from copilot.assist.facts import extract_facts
from copilot.assist.language import guess_language
from copilot.assist.llm import ChatCompletionClient
from copilot.assist.urgency import UrgencyTracker


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
    from copilot.events import event_from_json

    monkeypatch.setattr("sys.stdin", io.StringIO("klant: Hoe wijzig ik mijn afspraak?\n"))
    assert main(["assist", "--stages", "", "--language", "nl"]) == 0
    events = [event_from_json(line) for line in capsys.readouterr().out.splitlines()]
    assert {e.type for e in events} <= {"suggestion", "draft", "route_to_human"}
    intent = next(e for e in events if e.type == "suggestion" and e.kind == "intent")
    assert (intent.intent, intent.language) == ("appointment_change", "nl")
    assert events[-1].type == "draft" and events[-1].language == "nl"
