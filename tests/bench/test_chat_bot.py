"""The chat bot bench: its figures come from running the labelled questions, not from a table."""

from __future__ import annotations

import dataclasses

import pytest

from bench.chat_bot import (
    DEV,
    HANDOFF,
    HELD_OUT,
    Question,
    chat_bot_factory,
    evaluate,
    load_questions,
    meets_targets,
    quality,
)
from bench.report_chat_bot import chat_bot_line

KINDS = {"in_kb", "no_self_service", "out_of_kb", "person", "angry"}


@pytest.fixture(scope="module")
def factory():
    return chat_bot_factory()


def test_the_sets_are_labelled_in_both_languages_and_kept_apart(factory):
    passages = factory._assist.kb.passages  # the knowledge base the bot answers from
    held_out, dev = load_questions(HELD_OUT), load_questions(DEV)
    for questions in (held_out, dev):
        for language in ("nl", "en"):
            mine = [q for q in questions if q.language == language]
            assert len(mine) >= 30 and {q.kind for q in mine} == KINDS
            known = {p.article_id for p in passages if p.language == language}
            for q in mine:
                labelled = set(q.expect) <= known if q.kind == "in_kb" else q.expect == (HANDOFF,)
                assert labelled, q
    assert not {q.text for q in held_out} & {q.text for q in dev}


def test_quality_is_counted_from_the_chats_against_their_labels(factory):
    picked = [
        Question("en", "My account is locked.", ("app-account",), "in_kb"),
        Question("en", "I want to speak to a real person.", (HANDOFF,), "person"),
        Question("nl", "De app crasht steeds.", ("app-account",), "in_kb"),
        Question("nl", "Dit is echt belachelijk, ik heb al drie keer gebeld!", (HANDOFF,), "angry"),
    ]
    outcomes = evaluate(factory, picked)
    assert [(o.action, o.article) for o in outcomes] == [
        ("answer", "app-account"),
        (HANDOFF, ""),
        ("answer", "app-account"),
        (HANDOFF, ""),
    ]
    figures = quality(outcomes)
    for language in ("en", "nl"):
        assert figures[language]["answered_correctly"] == 0.5
        assert figures[language]["handed_over"] == 0.5
        assert figures[language]["answered_wrongly"] == 0.0
        assert figures[language]["in_kb_answered"] == 1.0
    assert meets_targets(figures)
    # The same chats judged against other labels: the answer is now counted wrong.
    relabelled = [
        dataclasses.replace(o, question=dataclasses.replace(o.question, expect=(HANDOFF,)))
        if o.question.language == "en"
        else o
        for o in outcomes
    ]
    figures = quality(relabelled)
    assert figures["en"]["answered_wrongly"] == 0.5 and figures["en"]["in_kb_answered"] == 0.0
    assert figures["en"]["wrong"] == [
        {"q": "My account is locked.", "expected": [HANDOFF], "answered": "app-account"}
    ]
    assert figures["nl"]["answered_wrongly"] == 0.0
    assert not meets_targets(figures)


def test_the_headline_line_reads_the_figures():
    figures = {
        "en": {
            "answered_correctly": 0.5,
            "handed_over": 0.45,
            "answered_wrongly": 0.05,
            "in_kb_answered": 0.6,
        }
    }
    section = {
        "held_out": figures,
        "reply_time": {"p50_s": 0.02, "p95_s": 0.04},
        "target_wrong": 0.05,
        "target_in_kb_answered": 0.5,
        "target_p95_s": 0.5,
        "targets_met": True,
    }
    line = chat_bot_line(section)
    assert "EN 50.0 % right / 45.0 % handed over / 5.0 % wrong" in line
    assert "60.0 % of in-KB" in line and "0.02 / 0.04 s" in line
