"""The web chat section of docs/benchmarks.md."""

from __future__ import annotations

from .markdown import stamp, table


def webchat_line(sec: dict) -> str:
    nothing_lost = sec["customers_with_a_loss"] == 0 and not sec["failures"]
    return (
        f"- Web chat: {sec['customers']} customer sockets at once on one worker,"
        f" {sec['messages_stored']}/{sec['messages_sent']} messages stored and"
        f" {sec['replies_delivered']}/{sec['replies_stored']} bot and agent lines delivered"
        f" ({'nothing lost' if nothing_lost else '**lost some**'}); connect"
        f" {sec['connect_s']['p50']} / {sec['connect_s']['p95']} s, bot reply"
        f" {sec['reply_s']['p50']} / {sec['reply_s']['p95']} s p50 / p95"
    )


def webchat_section(sec: dict) -> list[str]:
    rows = [
        ["connect (socket opened to `welcome`, greeting included)", *_times(sec["connect_s"])],
        ["bot reply (message sent to the bot's reply)", *_times(sec["reply_s"])],
    ]
    counts = [
        [
            "customer messages sent / stored in order",
            f"{sec['messages_sent']} / {sec['messages_stored']}",
        ],
        [
            "bot and agent lines stored / delivered in order",
            f"{sec['replies_stored']} / {sec['replies_delivered']}",
        ],
        ["agent replies from the sidebar (`chat.reply`)", sec["agent_replies"]],
        ["customer messages the bot left to the agent (no reply)", sec["left_to_the_agent"]],
        ["customers with anything lost, extra or out of order", sec["customers_with_a_loss"]],
        ["customers whose socket failed", len(sec["failures"])],
        ["refused by the limits (sockets, starts, messages)", sum(sec["refused"].values())],
        ["server RSS idle / peak (MB)", f"{sec['rss_idle_mb']} / {sec['rss_peak_mb']}"],
    ]
    return [
        "## Web chat under load (`webchat`)",
        "",
        stamp(sec),
        "",
        f"One server (this process; stages {', '.join(sec['stages'])} and `[chat] bot`, no LLM,"
        " in-memory store, `[webchat]` with its default limits, each customer from its own"
        f" address) takes {sec['customers']} customers on `/webchat/socket` at the same moment,"
        " half in Dutch, half in English, from a child process. Each sends three messages a"
        " few seconds apart (a parcel question with its tracking code, a thank-you, a return"
        " question), waiting for the bot's reply to each; once its third line is stored an"
        " agent replies from the sidebar (`chat.reply` on /events) and the customer ends the"
        " chat. *Stored in order*: the chat's customer finals are exactly the messages sent;"
        " *delivered in order*: the `reply` messages (and the greeting in `welcome`) are"
        " exactly the chat's stored bot and agent lines.",
        "",
        *table(["", "p50 (s)", "p95 (s)", "p99 (s)", "max (s)"], rows),
        *table(["", ""], counts),
    ]


def _times(figures: dict) -> list:
    return [figures["p50"], figures["p95"], figures["p99"], figures["max"]]
