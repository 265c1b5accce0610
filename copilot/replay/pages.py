"""The QA replay's HTML: a page per call and an index of all calls, self-contained files.

No external scripts, fonts or styles: the pages open from a file share or an
e-mail attachment on a machine without network, and the timeline is inline SVG.
Every text comes from the UI's catalogue (`Words`, Dutch or English); what was said
on the call is shown as said. Thresholds (which words were unsure) come from the call's
own events, as the affect stage was set when it ran.
"""

from __future__ import annotations

from html import escape
from typing import Any

from copilot.affect.text import word_spans
from copilot.events.core import Word
from copilot.events.wording import ENGLISH, Words
from copilot.replay.summary import post_call_summary

SIGNAL_COLOURS = {"frustration": "#c62828", "doubt": "#a65400", "load": "#6a1b9a"}
ALERT_COLOURS = {"early_warning": "#a65400", "escalate": "#c62828", "take_over": "#000"}

STYLE = """
.unsure{text-decoration:underline dotted 2px;text-underline-offset:3px;cursor:help}
.trust{font-size:.8em;border:1px dashed currentColor;border-radius:3px;padding:0 .3em}
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 1.5rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%}td,th{padding:.3rem .5rem;border-bottom:1px solid #eee;
text-align:left;vertical-align:top}th{background:#f5f5f5;cursor:pointer;white-space:nowrap}
.agent{color:#1a4d8f}.customer{color:#7a3b00}.t{color:#595959;font-variant-numeric:tabular-nums;
white-space:nowrap}.pass{color:#1b7a2f}.fail{color:#c62828}.na{color:#595959}
.alert{border-left:4px solid #c62828;padding:.2rem .6rem;margin:.3rem 0;background:#fff5f5}
.alert.early_warning{border-color:#ef8f00;background:#fff8ec}.legend span{margin-right:1rem}
pre{white-space:pre-wrap;background:#f7f7f7;padding:.6rem}.num{text-align:right}
"""


def _page(title: str, body: str, words: Words, script: str = "") -> str:
    return (
        f'<!doctype html><html lang="{words.language}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body>{body}{f'<script>{script}</script>' if script else ''}</body></html>\n"
    )


def _clock(seconds: float) -> str:
    return f"{int(seconds // 60)}:{seconds % 60:04.1f}"


def timeline_svg(report: dict, words: Words = ENGLISH, width: int = 880, height: int = 220) -> str:
    """Customer frustration / doubt / load per utterance over the call, alerts as lines."""
    pad, duration = 30, max(report["duration"], 1.0)
    plot_w, plot_h = width - 2 * pad, height - 2 * pad

    def x(t: float) -> float:
        return pad + plot_w * min(t, duration) / duration

    def y(v: float) -> float:
        return pad + plot_h * (1 - v)

    parts = [
        f'<svg id="timeline" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(words("report.timeline"))}">',
        f'<rect x="{pad}" y="{pad}" width="{plot_w}" height="{plot_h}" fill="#fafafa" stroke="#ccc"/>',
    ]
    for v in (0.5,):
        parts.append(
            f'<line x1="{pad}" x2="{pad + plot_w}" y1="{y(v)}" y2="{y(v)}" stroke="#ddd" '
            f'stroke-dasharray="4"/>'
        )
    customer = [a for a in report["affect"] if a["speaker"] == "customer"]
    for signal, colour in SIGNAL_COLOURS.items():
        name = words.term("signal", signal)
        points = " ".join(f"{x(a['t']):.1f},{y(a[signal]):.1f}" for a in customer)
        if points:
            parts.append(
                f'<polyline class="signal-{signal}" points="{points}" fill="none" '
                f'stroke="{colour}" stroke-width="2"/>'
            )
            parts += [
                f'<circle cx="{x(a["t"]):.1f}" cy="{y(a[signal]):.1f}" r="3" fill="{colour}">'
                f"<title>{escape(words('report.point', signal=name, value=f'{a[signal]:.2f}', t=_clock(a['t'])))}"
                "</title></circle>"
                for a in customer
            ]
    for alert in report["alerts"]:
        colour = ALERT_COLOURS.get(alert["level"], "#c62828")
        level = words.term("level", alert["level"])
        parts.append(
            f'<line class="alert-mark" x1="{x(alert["t"]):.1f}" x2="{x(alert["t"]):.1f}" '
            f'y1="{pad}" y2="{pad + plot_h}" stroke="{colour}" stroke-width="2">'
            f"<title>{escape(level)}: {escape(words.alert_reason(alert))}</title></line>"
            + _mark_label(x(alert["t"]), pad, pad + plot_w, colour, level)
        )
    parts += [
        f'<text x="{pad - 4}" y="{y(v) + 4:.1f}" font-size="10" fill="#777" text-anchor="end">'
        f"{v:g}</text>"
        for v in (0, 0.5, 1)
    ]
    parts.append(
        f'<text x="{pad}" y="{height - 8}" font-size="11" fill="#777">0:00</text>'
        f'<text x="{pad + plot_w - 30}" y="{height - 8}" font-size="11" fill="#777">'
        f"{_clock(duration)}</text></svg>"
    )
    legend = "".join(
        f'<span style="color:{c}">&#9632; {escape(words.term("signal", s))}</span>'
        for s, c in SIGNAL_COLOURS.items()
    )
    return "".join(parts) + f'<p class="legend">{legend}</p>'


def _mark_label(at: float, pad: int, right: float, colour: str, label: str) -> str:
    """An alert's name above its line; near the right edge it ends at the line instead."""
    anchor, dx = ("end", -3) if at > right - 80 else ("start", 3)
    return (
        f'<text x="{at + dx:.1f}" y="{pad - 6}" font-size="11" fill="{colour}" '
        f'text-anchor="{anchor}">{escape(label)}</text>'
    )


def leg_source_line(source: dict, w: Words) -> str:
    """Where the agent's and the customer's words came from, in the report's language."""
    kind = source.get("kind")
    if kind == "stereo":
        text = w("report.legs.stereo")
    elif kind == "mono":
        text = w("report.legs.mono", leg=w(source.get("detail") or "customer"))
    elif kind == "split_mono":
        rules = str(source.get("agent_rule") or "first_speaker").split("+")
        text = w(
            "report.legs.split",
            speakers=source.get("speakers", 2),
            rule=" + ".join(w(f"report.legs.rule.{rule}") for rule in rules),
            confidence=f"{round(100 * float(source.get('confidence', 0)))} %",
        )
    else:
        return ""  # a report from before leg sources were recorded
    return f'<p id="leg-source">{escape(text)}</p>'


def call_page(report: dict, words: Words = ENGLISH) -> str:
    """One call's self-contained page: summary, signals, alerts, assist, scorecard, transcript."""
    r, w = report, words
    facts = w(
        "report.facts",
        duration=_clock(r["duration"]),
        language=r["language"] or "?",
        n=r["utterances"],
    )
    outcome = w(f"outcome.{r['outcome_id']}") if r.get("outcome_id") else r["outcome"]
    speakers = {"agent": w("agent"), "customer": w("customer"), "bot": w("bot")}
    body = [
        f'<p><a href="../index.html">{escape(w("report.back"))}</a></p>',
        f"<h1>{escape(w('call', id=r['call_id']))}</h1>",
        f"<p>{escape(facts)} &middot; {escape(w('report.outcome'))}: <b>{escape(outcome)}</b></p>",
        leg_source_line(r.get("leg_source") or {}, w),
        f'<h2>{escape(w("report.summary"))}</h2><p id="summary">'
        f"{escape(post_call_summary(r, w))}</p>",
        f"<h2>{escape(w('signals'))}</h2>",
        timeline_svg(r, w),
        _alerts(r["alerts"], w),
        _assist_section(r, w),
        _scorecard(r["scorecard"], r["scorecard_score"], w),
        _sidecar(r.get("sidecar"), w),
        _voicebot(r.get("bot"), w),
        f'<h2>{escape(w("transcript"))}</h2><table id="transcript"><tr>'
        + "".join(
            f"<th>{escape(w(k))}</th>"
            for k in ("report.col.time", "report.col.speaker", "report.col.text")
        )
        + "</tr>",
        *(
            f'<tr class="{escape(line["speaker"])}"><td class="t">{_clock(line["start"])}</td>'
            f"<td>{escape(speakers.get(line['speaker'], line['speaker']))}</td>"
            f"<td>{heard_html(line, w, r.get('heard_thresholds'))}</td></tr>"
            for line in _lines_with_bot(r)
        ),
        "</table>",
    ]
    return _page(w("report.call.title", id=r["call_id"]), "".join(body), w)


def heard_html(line: dict, words: Words = ENGLISH, thresholds: dict | None = None) -> str:
    """A line's text with the words whisper was unsure of dotted, their probability on hover.

    `thresholds` are the affect events' `phrase_floor` (a word below it is unsure) and
    `trust_high` (a line whose words average below it shows how well it was heard), as the
    sidebar reads them; without them (a call replayed without the affect stage, a report from
    before protocol 1.1) nothing is marked. The words are found in the text as the affect
    stage finds them (`word_spans`); the text itself is never changed.
    """
    text, heard = line["text"], line.get("words") or []
    if not thresholds:
        return escape(text)
    timed = [Word(word, 0.0, 0.0, probability) for word, probability in heard]
    parts, shown = [], 0
    for start, end, probability in word_spans(text, timed):
        if probability >= thresholds["phrase_floor"]:
            continue
        label = escape(words("unsure.word", p=f"{probability:.2f}"))
        parts.append(escape(text[shown:start]))
        parts.append(
            f'<span class="unsure" tabindex="0" title="{label}">{escape(text[start:end])}</span>'
        )
        shown = end
    parts.append(escape(text[shown:]))
    trust = sum(p for _, p in heard) / len(heard) if heard else 1.0
    if trust < thresholds["trust_high"]:
        parts.append(
            f' <span class="trust">{escape(words("heard", pct=round(100 * trust)))}</span>'
        )
    return "".join(parts)


def _lines_with_bot(r: dict) -> list[dict]:
    """The transcript with the bot's prompts in place, so QA reads the call as it went.

    A chat's bot lines are finals of their own (speaker `bot`): already in the transcript.
    """
    if any(line["speaker"] == "bot" for line in r["transcript"]):
        return list(r["transcript"])
    said = (r.get("bot") or {}).get("said", [])
    bot = [{"speaker": "bot", "start": s["t"], "text": s["text"]} for s in said]
    return sorted([*r["transcript"], *bot], key=lambda line: line["start"])


def _voicebot(bot: dict | None, w: Words) -> str:
    if not bot or not (bot["said"] or bot["decisions"]):
        return ""
    rows = "".join(
        f'<tr><td class="t">{_clock(d["t"])}</td><td>{escape(w.term("bot.action", d["action"]))}</td>'
        f"<td>{escape(d['reason'])}</td></tr>"
        for d in bot["decisions"]
    )
    card = bot["handoff"]
    handed = (
        '<div class="alert">'
        + escape(
            w(
                "report.handed",
                queue="\0",
                priority=card["priority"],
                reason=w.term("handoff.reason", card["reason"]),
                intent=w.intent(card["intent"] or "unknown"),
                urgency=w.urgency(card["urgency"]),
            )
        ).replace("\0", f"<b>{escape(card['queue'])}</b>")
        + "</div>"
        + _handoff_details(card, w)
        if card
        else ""
    )
    head = "".join(
        f"<th>{escape(w(k))}</th>"
        for k in ("report.col.time", "report.col.decision", "report.col.why")
    )
    return (
        f'<h2>{escape(w("report.voicebot"))}</h2><table id="bot-decisions"><tr>{head}</tr>'
        f"{rows}</table>{handed}"
    )


def _handoff_details(card: dict, w: Words) -> str:
    """The hand-over card's context and cues in the report's language, as the sidebar words
    them (a report whose card has neither shows neither)."""
    lines = w.context(card["context"]) if card.get("context") else []
    cues = [w.signal_cue(cue, card.get("phrase_floor")) for cue in card.get("cues") or ()]
    items = "".join(f"<li>{escape(line)}</li>" for line in (*lines, *cues))
    return f'<ul id="handoff-context">{items}</ul>' if items else ""


def _alerts(alerts: list[dict], w: Words) -> str:
    if not alerts:
        return f"<p>{escape(w('report.no.alerts'))}</p>"
    return "".join(
        f'<div class="alert {escape(a["level"])}"><b>{escape(w.term("level", a["level"]))}</b> '
        f'<span class="t">{_clock(a["t"])}</span> {escape(w.alert_reason(a))}</div>'
        for a in alerts
    )


def _assist_section(r: dict, w: Words) -> str:
    out = [f"<h2>{escape(w('assist'))}</h2>"]
    intents = ", ".join(escape(w.intent(i)) for i in r["intents"]) or escape(w("report.none"))
    urgency = (
        f" &middot; {escape(w('chip.urgency'))} {escape(w.urgency(r['urgency']))}"
        if r.get("urgency")
        else ""
    )
    out.append(f"<p>{escape(w('report.intent'))}: <b>{intents}</b>{urgency}</p>")
    for title, items in (
        ("report.knowledge", r["articles"]),
        ("report.next.steps", r["next_steps"]),
    ):
        if items:
            out.append(f"<p>{escape(w(title))}:</p><ul>")
            out += [f"<li>{escape(_label(i, w))}</li>" for i in items]
            out.append("</ul>")
    for hand_off in r["route_to_human"]:
        reason = (
            w.term("route", hand_off.get("reason"))
            if hand_off.get("reason")
            else _label(hand_off, w)
        )
        out.append(f'<div class="alert">{escape(w("report.route", reason=reason))}</div>')
    if r["draft"]:
        text = r["draft"].get("body") or r["draft"].get("text") or ""
        out.append(f'<p>{escape(w("report.draft"))}</p><pre id="draft">{escape(str(text))}</pre>')
    return "".join(out)


def _label(item: dict[str, Any], w: Words) -> str:
    # A playbook step in the report's language when the playbook has it.
    translated = (item.get("translations") or {}).get(w.language)
    if item.get("kind") == "next_step" and (translated or item.get("text")):
        return str(translated or item["text"])
    for key in ("title", "text", "reason", "summary"):
        if item.get(key):
            return str(item[key])
    return str(item.get("kind", ""))


def _scorecard(results: list[dict], total: float | None, w: Words) -> str:
    head = "".join(
        f"<th>{escape(w(k))}</th>"
        for k in ("report.col.item", "report.col.result", "report.col.evidence")
    )
    out = [
        f"<h2>{escape(w('report.scorecard'))}{f' — {total:.0%}' if total is not None else ''}</h2>"
        f'<table id="scorecard"><tr>{head}</tr>'
    ]
    for item in results:
        mark, cls = {
            True: ("report.pass", "pass"),
            False: ("report.fail", "fail"),
            None: ("report.na", "na"),
        }[item["passed"]]
        title = (item.get("titles") or {}).get(w.language) or item["title"]
        out.append(
            f'<tr><td>{escape(title)}</td><td class="{cls}">{escape(w(mark))}</td>'
            f"<td>{escape(_evidence(item, title, w))}</td></tr>"
        )
    return "".join(out) + "</table>"


def _evidence(item: dict, title: str, w: Words) -> str:
    """A pass quotes what was said; a miss and an n/a are worded in the report's language."""
    if item["passed"] or "when" not in item:
        return str(item["evidence"])
    if item["passed"] is None:
        return w("report.never.rose")
    where = w(f"report.where.{item['when']}", s=f"{item['window_s']:.0f}", n=item["agent_turns"])
    who = w.term("report.who", item["speaker"])
    return w("report.missing", item=title.lower(), who=who, where=where)


def _sidecar(sidecar: dict | None, w: Words, heading: str = "report.annotation") -> str:
    if not sidecar:
        return ""
    out = [f"<h2>{escape(w(heading))}</h2><ul>"]
    if "wer" in sidecar:
        s = sidecar["wer"]
        out.append(
            f"<li>{escape(w('report.wer', wer=_pct(s['wer']), errors=s['errors'], words=s['words']))}</li>"
        )
    for key in ("alerts", "intents"):
        if key in sidecar:
            s = sidecar[key]
            line = w(
                "report.pr",
                what=w(f"report.pr.{key}"),
                precision=_pct(s["precision"]),
                recall=_pct(s["recall"]),
                matched=s["matched"],
                fired=s["fired"],
                expected=s["expected"],
            )
            out.append(f"<li>{escape(line)}</li>")
    return "".join(out) + "</ul>"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f} %"


SORT_SCRIPT = """
document.querySelectorAll('#calls th').forEach((th, col) => th.addEventListener('click', () => {
  const body = th.closest('table').tBodies[0];
  const down = th.dataset.dir !== 'desc'; th.dataset.dir = down ? 'desc' : 'asc';
  const key = r => { const c = r.cells[col]; const v = c.dataset.sort ?? c.textContent;
                     const n = parseFloat(v); return isNaN(n) ? v.toLowerCase() : n; };
  [...body.rows].sort((a, b) => (key(a) > key(b) ? 1 : key(a) < key(b) ? -1 : 0) * (down ? -1 : 1))
    .forEach(r => body.appendChild(r));
}));
"""

INDEX_COLUMNS = (
    "call",
    "duration",
    "language",
    "peak.frustration",
    "peak.doubt",
    "peak.load",
    "alerts",
    "intent",
    "scorecard",
    "wer",
    "outcome",
)


def index_page(
    reports: list[dict], overall: dict, failures: list[dict], stats: dict, words: Words = ENGLISH
) -> str:
    """The report's front page: every call (most frustrated first, sortable), totals, failures."""
    w = words
    rows = []
    for r in sorted(reports, key=lambda r: -r["peaks"]["frustration"]):
        wer = (r.get("sidecar") or {}).get("wer", {}).get("wer")
        rank = {"": 0, "early_warning": 1, "escalate": 2, "take_over": 3}[r["top_alert"]]
        top = f" ({escape(w.term('level', r['top_alert']))})" if r["top_alert"] else ""
        outcome = w(f"outcome.{r['outcome_id']}") if r.get("outcome_id") else r["outcome"]
        score = r["scorecard_score"] if r["scorecard_score"] is not None else -1
        cells = [
            f'<td data-sort="{escape(r["call_id"])}"><a href="calls/{escape(r["call_id"])}.html">'
            f"{escape(r['call_id'])}</a></td>",
            f'<td class="num" data-sort="{r["duration"]}">{_clock(r["duration"])}</td>',
            f"<td>{escape(r['language'])}</td>",
            *(f'<td class="num">{r["peaks"][s]:.2f}</td>' for s in SIGNAL_COLOURS),
            f'<td data-sort="{rank * 100 + len(r["alerts"])}">{len(r["alerts"])}{top}</td>',
            f"<td>{escape(', '.join(w.intent(i) for i in r['intents']))}</td>",
            f'<td class="num" data-sort="{score}">{_pct(r["scorecard_score"])}</td>',
            f'<td class="num" data-sort="{wer if wer is not None else -1}">{_pct(wer)}</td>',
            f"<td>{escape(outcome)}</td>",
        ]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    head = "".join(f"<th>{escape(w(f'report.col.{c}'))}</th>" for c in INDEX_COLUMNS)
    line = w(
        "report.stats",
        calls=stats["calls"],
        hours=f"{stats['audio_hours']:.2f}",
        failed=stats["failed"],
    )
    body = [
        f"<h1>{escape(w('report.title'))}</h1>",
        f'<p id="stats">{escape(line)}</p>',
        _sidecar(overall, w, "report.overall"),
        f'<table id="calls"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>',
        f"<p>{escape(w('report.sort'))}</p>",
    ]
    if failures:
        body.append(f"<h2>{escape(w('report.failed'))}</h2><ul id=failures>")
        body += [f"<li>{escape(f['path'])}: {escape(f['error'])}</li>" for f in failures]
        body.append("</ul>")
    return _page(w("report.title"), "".join(body), w, SORT_SCRIPT)
