"""The QA replay's HTML: a page per call and an index of all calls, self-contained files.

No external scripts, fonts or styles: the pages open from a file share or an
e-mail attachment on a machine without network, and the timeline is inline SVG.
"""

from __future__ import annotations

from html import escape
from typing import Any

from copilot.affect.text import word_spans
from copilot.affect.trend import AffectConfig
from copilot.events.core import Word

# Words below the affect stage's phrase floor are marked unsure; a line whose words average
# below its full-trust level shows how well it was heard (the sidebar does the same).
UNSURE_BELOW = AffectConfig().phrase_confidence_floor
TRUST_HIGH = AffectConfig().asr_trust_high

SIGNAL_COLOURS = {"frustration": "#c62828", "doubt": "#a65400", "load": "#6a1b9a"}
SIGNAL_NAMES = {"frustration": "frustration", "doubt": "doubt", "load": "emotional load"}
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


def _page(title: str, body: str, script: str = "") -> str:
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body>{body}{f'<script>{script}</script>' if script else ''}</body></html>\n"
    )


def _clock(seconds: float) -> str:
    return f"{int(seconds // 60)}:{seconds % 60:04.1f}"


def timeline_svg(report: dict, width: int = 880, height: int = 220) -> str:
    """Customer frustration / doubt / load per utterance over the call, alerts as lines."""
    pad, duration = 30, max(report["duration"], 1.0)
    plot_w, plot_h = width - 2 * pad, height - 2 * pad

    def x(t: float) -> float:
        return pad + plot_w * min(t, duration) / duration

    def y(v: float) -> float:
        return pad + plot_h * (1 - v)

    parts = [
        f'<svg id="timeline" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="customer signals over the call">',
        f'<rect x="{pad}" y="{pad}" width="{plot_w}" height="{plot_h}" fill="#fafafa" stroke="#ccc"/>',
    ]
    for v in (0.5,):
        parts.append(
            f'<line x1="{pad}" x2="{pad + plot_w}" y1="{y(v)}" y2="{y(v)}" stroke="#ddd" '
            f'stroke-dasharray="4"/>'
        )
    customer = [a for a in report["affect"] if a["speaker"] == "customer"]
    for signal, colour in SIGNAL_COLOURS.items():
        points = " ".join(f"{x(a['t']):.1f},{y(a[signal]):.1f}" for a in customer)
        if points:
            parts.append(
                f'<polyline class="signal-{signal}" points="{points}" fill="none" '
                f'stroke="{colour}" stroke-width="2"/>'
            )
            parts += [
                f'<circle cx="{x(a["t"]):.1f}" cy="{y(a[signal]):.1f}" r="3" fill="{colour}">'
                f"<title>{SIGNAL_NAMES[signal]} {a[signal]:.2f} at {_clock(a['t'])}</title></circle>"
                for a in customer
            ]
    for alert in report["alerts"]:
        colour = ALERT_COLOURS.get(alert["level"], "#c62828")
        parts.append(
            f'<line class="alert-mark" x1="{x(alert["t"]):.1f}" x2="{x(alert["t"]):.1f}" '
            f'y1="{pad}" y2="{pad + plot_h}" stroke="{colour}" stroke-width="2">'
            f"<title>{escape(alert['level'])}: {escape(alert['reason'])}</title></line>"
            + _mark_label(x(alert["t"]), pad, pad + plot_w, colour, alert["level"])
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
        f'<span style="color:{c}">&#9632; {SIGNAL_NAMES[s]}</span>'
        for s, c in SIGNAL_COLOURS.items()
    )
    return "".join(parts) + f'<p class="legend">{legend}</p>'


def _mark_label(at: float, pad: int, right: float, colour: str, level: str) -> str:
    """An alert's name above its line; near the right edge it ends at the line instead."""
    anchor, dx = ("end", -3) if at > right - 80 else ("start", 3)
    return (
        f'<text x="{at + dx:.1f}" y="{pad - 6}" font-size="11" fill="{colour}" '
        f'text-anchor="{anchor}">{escape(level.replace("_", " "))}</text>'
    )


def call_page(report: dict) -> str:
    r = report
    body = [
        '<p><a href="../index.html">&larr; all calls</a></p>',
        f"<h1>Call {escape(r['call_id'])}</h1>",
        f"<p>{_clock(r['duration'])} &middot; language {escape(r['language'] or '?')} &middot; "
        f"{r['utterances']} utterances &middot; outcome: <b>{escape(r['outcome'])}</b></p>",
        f'<h2>Summary</h2><p id="summary">{escape(r["summary"])}</p>',
        "<h2>Customer signals</h2>",
        timeline_svg(r),
        _alerts(r["alerts"]),
        _assist_section(r),
        _scorecard(r["scorecard"], r["scorecard_score"]),
        _sidecar(r.get("sidecar")),
        _voicebot(r.get("bot")),
        '<h2>Transcript</h2><table id="transcript"><tr><th>Time</th><th>Speaker</th><th>Text</th></tr>',
        *(
            f'<tr class="{escape(line["speaker"])}"><td class="t">{_clock(line["start"])}</td>'
            f"<td>{escape(line['speaker'])}</td><td>{heard_html(line)}</td></tr>"
            for line in _lines_with_bot(r)
        ),
        "</table>",
    ]
    return _page(f"copilot QA: {r['call_id']}", "".join(body))


def heard_html(line: dict) -> str:
    """A line's text with the words whisper was unsure of dotted, their probability on hover.

    The words are found in the text as the affect stage finds them (`word_spans`); the text
    itself is never changed.
    """
    text, words = line["text"], line.get("words") or []
    timed = [Word(word, 0.0, 0.0, probability) for word, probability in words]
    parts, shown = [], 0
    for start, end, probability in word_spans(text, timed):
        if probability >= UNSURE_BELOW:
            continue
        label = f"unsure: heard with probability {probability:.2f}"
        parts.append(escape(text[shown:start]))
        parts.append(
            f'<span class="unsure" tabindex="0" title="{label}">{escape(text[start:end])}</span>'
        )
        shown = end
    parts.append(escape(text[shown:]))
    trust = sum(p for _, p in words) / len(words) if words else 1.0
    if trust < TRUST_HIGH:
        parts.append(f' <span class="trust">heard {round(100 * trust)}%</span>')
    return "".join(parts)


def _lines_with_bot(r: dict) -> list[dict]:
    """The transcript with the bot's prompts in place, so QA reads the call as it went."""
    said = (r.get("bot") or {}).get("said", [])
    bot = [{"speaker": "bot", "start": s["t"], "text": s["text"]} for s in said]
    return sorted([*r["transcript"], *bot], key=lambda line: line["start"])


def _voicebot(bot: dict | None) -> str:
    if not bot or not (bot["said"] or bot["decisions"]):
        return ""
    rows = "".join(
        f'<tr><td class="t">{_clock(d["t"])}</td><td>{escape(d["action"])}</td>'
        f"<td>{escape(d['reason'])}</td></tr>"
        for d in bot["decisions"]
    )
    card = bot["handoff"]
    handed = (
        f'<div class="alert">handed over to queue <b>{escape(card["queue"])}</b> '
        f"(priority {card['priority']}, {escape(card['reason'].replace('_', ' '))}, intent "
        f"{escape(card['intent'] or 'unknown')}, urgency {escape(card['urgency'])})</div>"
        if card
        else ""
    )
    return (
        '<h2>Voicebot</h2><table id="bot-decisions"><tr><th>Time</th><th>Decision</th>'
        f"<th>Why</th></tr>{rows}</table>{handed}"
    )


def _alerts(alerts: list[dict]) -> str:
    if not alerts:
        return "<p>No alerts.</p>"
    return "".join(
        f'<div class="alert {escape(a["level"])}"><b>{escape(a["level"].replace("_", " "))}</b> '
        f'<span class="t">{_clock(a["t"])}</span> {escape(a["reason"])}</div>'
        for a in alerts
    )


def _assist_section(r: dict) -> str:
    out = ["<h2>Assist</h2>"]
    intents = ", ".join(escape(i) for i in r["intents"]) or "none detected"
    urgency = f" &middot; urgency {escape(str(r['urgency']))}" if r.get("urgency") else ""
    out.append(f"<p>Intent: <b>{intents}</b>{urgency}</p>")
    for title, items in (("Knowledge used", r["articles"]), ("Next steps", r["next_steps"])):
        if items:
            out.append(f"<p>{title}:</p><ul>")
            out += [f"<li>{escape(_label(i))}</li>" for i in items]
            out.append("</ul>")
    for hand_off in r["route_to_human"]:
        out.append(f'<div class="alert">route to a human: {escape(_label(hand_off))}</div>')
    if r["draft"]:
        text = r["draft"].get("body") or r["draft"].get("text") or ""
        out.append(f'<p>Drafted reply:</p><pre id="draft">{escape(str(text))}</pre>')
    return "".join(out)


def _label(item: dict[str, Any]) -> str:
    for key in ("title", "text", "reason", "summary"):
        if item.get(key):
            return str(item[key])
    return str(item.get("kind", ""))


def _scorecard(results: list[dict], total: float | None) -> str:
    out = [
        f"<h2>QA scorecard{f' — {total:.0%}' if total is not None else ''}</h2>"
        '<table id="scorecard"><tr><th>Item</th><th>Result</th><th>Evidence</th></tr>'
    ]
    for item in results:
        mark, cls = {True: ("pass", "pass"), False: ("fail", "fail"), None: ("n/a", "na")}[
            item["passed"]
        ]
        out.append(
            f'<tr><td>{escape(item["title"])}</td><td class="{cls}">{mark}</td>'
            f"<td>{escape(item['evidence'])}</td></tr>"
        )
    return "".join(out) + "</table>"


def _sidecar(sidecar: dict | None) -> str:
    if not sidecar:
        return ""
    out = ["<h2>Against the annotation</h2><ul>"]
    if "wer" in sidecar:
        w = sidecar["wer"]
        out.append(f"<li>WER {_pct(w['wer'])} ({w['errors']} errors / {w['words']} words)</li>")
    for key in ("alerts", "intents"):
        if key in sidecar:
            s = sidecar[key]
            out.append(
                f"<li>{key}: precision {_pct(s['precision'])}, recall {_pct(s['recall'])} "
                f"({s['matched']} matched, {s['fired']} fired, {s['expected']} expected)</li>"
            )
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
    "Call",
    "Duration",
    "Language",
    "Peak frustration",
    "Peak doubt",
    "Peak load",
    "Alerts",
    "Intent",
    "Scorecard",
    "WER",
    "Outcome",
)


def index_page(reports: list[dict], overall: dict, failures: list[dict], stats: dict) -> str:
    rows = []
    for r in sorted(reports, key=lambda r: -r["peaks"]["frustration"]):
        wer = (r.get("sidecar") or {}).get("wer", {}).get("wer")
        rank = {"": 0, "early_warning": 1, "escalate": 2, "take_over": 3}[r["top_alert"]]
        cells = [
            f'<td data-sort="{escape(r["call_id"])}"><a href="calls/{escape(r["call_id"])}.html">'
            f"{escape(r['call_id'])}</a></td>",
            f'<td class="num" data-sort="{r["duration"]}">{_clock(r["duration"])}</td>',
            f"<td>{escape(r['language'])}</td>",
            *(f'<td class="num">{r["peaks"][s]:.2f}</td>' for s in SIGNAL_COLOURS),
            f'<td data-sort="{rank * 100 + len(r["alerts"])}">{len(r["alerts"])}'
            f"{' (' + escape(r['top_alert'].replace('_', ' ')) + ')' if r['top_alert'] else ''}</td>",
            f"<td>{escape(', '.join(r['intents']))}</td>",
            f'<td class="num" data-sort="{r["scorecard_score"] if r["scorecard_score"] is not None else -1}">'
            f"{_pct(r['scorecard_score'])}</td>",
            f'<td class="num" data-sort="{wer if wer is not None else -1}">{_pct(wer)}</td>',
            f"<td>{escape(r['outcome'])}</td>",
        ]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    head = "".join(f"<th>{c}</th>" for c in INDEX_COLUMNS)
    body = [
        "<h1>copilot QA replay</h1>",
        f'<p id="stats">{stats["calls"]} calls, {stats["audio_hours"]:.2f} h of audio, '
        f"{stats['failed']} failed.</p>",
        _overall(overall),
        f'<table id="calls"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>',
        "<p>Click a column to sort.</p>",
    ]
    if failures:
        body.append("<h2>Not replayed</h2><ul id=failures>")
        body += [f"<li>{escape(f['path'])}: {escape(f['error'])}</li>" for f in failures]
        body.append("</ul>")
    return _page("copilot QA replay", "".join(body), SORT_SCRIPT)


def _overall(overall: dict) -> str:
    if not overall:
        return ""
    return _sidecar(overall).replace("Against the annotation", "Overall, against annotations")
