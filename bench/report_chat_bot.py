"""The chat bot section of docs/benchmarks.md."""

from __future__ import annotations

from .markdown import pct, stamp, table

KINDS = ("in_kb", "no_self_service", "out_of_kb", "person", "angry")


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def chat_bot_line(sec: dict) -> str:
    held = sec["held_out"]
    reply = sec["reply_time"]
    per_language = "; ".join(
        f"{lang.upper()} {pct(f['answered_correctly'])} right / {pct(f['handed_over'])} handed"
        f" over / {pct(f['answered_wrongly'])} wrong, {pct(f['in_kb_answered'])} of in-KB"
        " questions answered"
        for lang, f in held.items()
    )
    return (
        f"- Chat bot on held-out chat questions: {per_language} (targets <="
        f" {pct(sec['target_wrong'])} wrong, >= {pct(sec['target_in_kb_answered'])} in-KB"
        f" answered: {_met(sec['targets_met'])}); reply {reply['p50_s']} / {reply['p95_s']} s"
        f" p50 / p95 (target p95 <= {sec['target_p95_s']} s:"
        f" {_met(reply['p95_s'] <= sec['target_p95_s'])})"
    )


def _quality_rows(figures: dict, which: str) -> list[list]:
    return [
        [
            which,
            lang.upper(),
            f["questions"],
            pct(f["answered_correctly"]),
            pct(f["handed_over"]),
            pct(f["answered_wrongly"]),
            f"{pct(f['in_kb_answered'])} of {f['in_kb_questions']}",
            f.get("answered_after_a_fact", "–"),
            f.get("answered_after_a_pick", "–"),
        ]
        for lang, f in figures.items()
    ]


def _kind_rows(figures: dict) -> list[list]:
    rows = []
    for lang, f in figures.items():
        for kind in KINDS:
            k = f["by_kind"].get(kind)
            if k:
                rows.append(
                    [lang.upper(), kind, k["questions"], k["correct"], k["handed_over"], k["wrong"]]
                )
    return rows


def _bars(sec: dict) -> str:
    names = ("answer_confidence", "answer_confidence_off_topic", "choice_margin", "choice_floor")
    return ", ".join(f"{name} {sec[name]}" for name in names if name in sec)


def chat_bot_section(sec: dict) -> list[str]:
    reply = sec["reply_time"]
    wrong = [
        [lang.upper(), w["q"], ", ".join(w["expected"]), w["answered"]]
        for lang, f in sec["held_out"].items()
        for w in f["wrong"]
    ]
    return [
        "## Chat bot front door (`chat_bot`)",
        "",
        stamp(sec),
        "",
        "Each labelled chat question (`bench/chat_questions/`, written for this, NL and EN) is a"
        " fresh chat through the stages a served chat gets with `[chat] bot` on: affect, assist"
        " (the shared USE encoder) and the chat bot, no LLM. The bench customer gives the fact"
        " the bot asks for (a tracking code, a date), picks the labelled topic when the bot"
        " offers topics (or says it is about something else when none is right: a customer"
        " knows what they asked) and repeats a question the bot did not understand; the"
        " outcome is the bot's first answer or its hand-over. *Right*: the"
        " answer's article is the labelled one; *wrong*: any other answer, including an"
        " answer where the label says hand over (out of the knowledge base, a request for a"
        " person, an angry customer, cancelling or a complaint). The **held-out** set was"
        " never used to choose anything; `[chat]`'s bars"
        f" ({_bars(sec)}) and the fact rules were tuned on the **dev** set.",
        "",
        *table(
            [
                "set",
                "lang",
                "questions",
                "answered right",
                "handed over",
                "answered wrong",
                "in-KB answered right",
                "answers after a fact question",
                "answers after a topic pick",
            ],
            _quality_rows(sec["held_out"], "held-out") + _quality_rows(sec["dev"], "dev"),
        ),
        f"Targets (held-out, per language): at most {pct(sec['target_wrong'])} answered wrongly"
        f" and at least {pct(sec['target_in_kb_answered'])} of the in-KB questions answered"
        f" right: {_met(sec['targets_met'])}.",
        "",
        "Held-out outcomes by kind of question:",
        "",
        *table(
            ["lang", "kind", "questions", "right", "handed over", "wrong"],
            _kind_rows(sec["held_out"]),
        ),
        *(
            [
                "Wrong answers on the held-out set:",
                "",
                *table(["lang", "question", "expected", "answered"], wrong),
            ]
            if wrong
            else []
        ),
        f"Bot reply time (wall, one `ChatConversation.turn`: the customer's message in, every"
        f" stage, the bot's reply out) over {reply['messages']} messages: p50 {reply['p50_s']} s,"
        f" p95 {reply['p95_s']} s, max {reply['max_s']} s (target p95 <="
        f" {sec['target_p95_s']} s: {_met(reply['p95_s'] <= sec['target_p95_s'])}).",
        "",
    ]
