"""The QA replay's HTML: a page per call and an index of all calls, self-contained files.

No external scripts, fonts or styles: the pages open from a file share or an
e-mail attachment on a machine without network, and the timeline is inline SVG.
Every text comes from the UI's catalogue (`Words`, Dutch or English); what was said
on the call is shown as said. Thresholds (which words were unsure) come from the call's
own events, as the affect stage was set when it ran.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from copilot.events.core import Word, word_spans
from copilot.events.wording import ENGLISH, Words
from copilot.replay.language_report import (
    FILTER_SCRIPT,
    language_cell,
    language_filter,
    language_section,
)
from copilot.replay.summary import post_call_summary

SIGNAL_COLOURS = {"frustration": "#c62828", "doubt": "#a65400", "load": "#6a1b9a"}
ALERT_COLOURS = {"early_warning": "#a65400", "escalate": "#c62828", "take_over": "#000"}
WORD_CHARS = re.compile(r"\w(?:.*\w)?", re.S)  # a token's first to last letter or digit

STYLE = """
.unsure{text-decoration:underline dotted 2px;text-underline-offset:3px;cursor:help}
.trust{font-size:.8em;border:1px dashed currentColor;border-radius:3px;padding:0 .3em}
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 1.5rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%}td,th{padding:.3rem .5rem;border-bottom:1px solid #eee;
text-align:left;vertical-align:top}th{background:#f5f5f5;white-space:nowrap}
.agent{color:#1a4d8f}.customer{color:#7a3b00}.t{color:#595959;font-variant-numeric:tabular-nums;
white-space:nowrap}.pass{color:#1b7a2f}.fail{color:#c62828}.na{color:#595959}
.alert{border-left:4px solid #c62828;padding:.2rem .6rem;margin:.3rem 0;background:#fff5f5}
.alert.early_warning{border-color:#ef8f00;background:#fff8ec}.legend span{margin-right:1rem}
pre{white-space:pre-wrap;background:#f7f7f7;padding:.6rem}.num{text-align:right}
th button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer}
th[aria-sort=ascending] button::after{content:" \\25B2" / ""}
th[aria-sort=descending] button::after{content:" \\25BC" / ""}
:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
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


# Text on the timeline, in SVG units: at the page's 880-unit drawing on a 60rem column
# (912 px at 15 px per rem) it is drawn at 13.5 px.
FONT = 13
ROW = FONT + 5  # one row of alert names above the plot
# A tick every 10 s on a call up to 2 min, 15 s up to 3 min; longer calls keep about a dozen.
TICK_STEPS = (10, 15, 30, 60, 120, 300, 600, 1200)
MAX_TICKS = 13


def tick_step(duration: float) -> int:
    """Seconds between the time axis' ticks: the smallest step that keeps them a dozen or so."""
    return next((s for s in TICK_STEPS if duration / s <= MAX_TICKS - 1), TICK_STEPS[-1])


def text_width(text: str, size: float = FONT) -> float:
    """A generous width of `text` in a sans-serif face: wide enough that labels placed by it
    never touch in a browser (system-ui averages ~0.55 em a character; capitals more)."""
    return sum(0.72 if c.isupper() or c in "mwMW" else 0.58 for c in text) * size


def label_rows(
    marks: list[tuple[float, str]], left: float, right: float
) -> list[tuple[int, str, float]]:
    """Each alert name's row (0 nearest the plot), anchor and x, so that no two overlap.

    A name starts just right of its line; near the right edge it ends just left of it. The
    names are placed from the right: each in the lowest row where it clears every name there
    by 8 units and where no name in a row below sits across its line (which runs down
    through those rows to the plot). A name that starts right of its line cannot cover the
    line of an earlier alert, so placed from the right no line crosses a name.
    """
    rows: list[list[tuple[float, float]]] = []
    placed: dict[int, tuple[int, str, float]] = {}

    def free(row: int, span: tuple[float, float]) -> bool:
        return row >= len(rows) or all(span[1] <= a or span[0] >= b for a, b in rows[row])

    for i in sorted(range(len(marks)), key=lambda i: -marks[i][0]):
        at, label = marks[i]
        width = text_width(label)
        start, anchor = (at - 4 - width, "end") if at + 4 + width > right else (at + 4, "start")
        start = max(start, left)
        span = (start - 8, start + width + 8)
        line = (at - 2, at + 2)
        row = next(
            r
            for r in range(len(rows) + 1)
            if free(r, span) and all(free(below, line) for below in range(r)) or r == len(rows)
        )
        rows += [[] for _ in range(row + 1 - len(rows))]
        rows[row].append(span)
        for below in range(row):
            rows[below].append(line)  # a name placed later in a lower row keeps clear of it
        placed[i] = (row, anchor, at + 4 if anchor == "start" else at - 4)
    return [placed[i] for i in range(len(marks))]


def _tick_clock(seconds: float) -> str:
    return f"{int(seconds // 60)}:{int(seconds % 60):02d}"


def timeline_svg(report: dict, words: Words = ENGLISH, width: int = 880, plot_h: int = 160) -> str:
    """Customer frustration / doubt / load per utterance over the call, alerts as lines.

    Time ticks every 10 or 15 s (tick_step), alert names in rows above the plot so that
    none overlaps another (label_rows), all text at 13 units.
    """
    left, right, duration = 40, width - 24, max(report["duration"], 1.0)
    plot_w = right - left
    customer = [a for a in report["affect"] if a["speaker"] == "customer"]

    def x(t: float) -> float:
        return left + plot_w * min(t, duration) / duration

    marks = [(x(a["t"]), words.term("level", a["level"])) for a in report["alerts"]]
    rows = label_rows(marks, left, right)
    top = 8 + ROW * (1 + max((row for row, _, _ in rows), default=-1))
    height = top + plot_h + 2 * ROW + 4

    def y(v: float) -> float:
        return top + plot_h * (1 - v)

    parts = [
        f'<svg id="timeline" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(words("report.timeline"))}" font-size="{FONT}">',
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="#fafafa" stroke="#ccc"/>',
        f'<line x1="{left}" x2="{right}" y1="{y(0.5)}" y2="{y(0.5)}" stroke="#ddd" '
        'stroke-dasharray="4"/>',
    ]
    step = tick_step(duration)
    for k in range(int(duration // step) + 1):
        at = x(k * step)
        parts.append(
            f'<line class="tick" data-t="{k * step}" x1="{at:.1f}" x2="{at:.1f}" y1="{top}" '
            f'y2="{top + plot_h + 4}" stroke="#e2e2e2"/>'
            f'<text class="tick-label" x="{at:.1f}" y="{top + plot_h + ROW + 4}" fill="#595959" '
            f'text-anchor="middle">{_tick_clock(k * step)}</text>'
        )
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
    for alert, (at, level), (row, anchor, label_x) in zip(
        report["alerts"], marks, rows, strict=True
    ):
        colour = ALERT_COLOURS.get(alert["level"], "#c62828")
        baseline = top - 6 - ROW * row
        parts.append(
            f'<line class="alert-mark" x1="{at:.1f}" x2="{at:.1f}" '
            f'y1="{baseline - FONT + 2}" y2="{top + plot_h}" stroke="{colour}" stroke-width="2">'
            f"<title>{escape(level)}: {escape(words.alert_reason(alert))}</title></line>"
            f'<text class="alert-label" x="{label_x:.1f}" y="{baseline}" fill="{colour}" '
            f'text-anchor="{anchor}">{escape(level)}</text>'
        )
    parts += [
        f'<text x="{left - 6}" y="{y(v) + 4:.1f}" fill="#595959" text-anchor="end">{v:g}</text>'
        for v in (0, 0.5, 1)
    ]
    parts.append("</svg>")
    legend = "".join(
        f'<span style="color:{c}">&#9632; {escape(words.term("signal", s))}</span>'
        for s, c in SIGNAL_COLOURS.items()
    )
    return "".join(parts) + f'<p class="legend">{legend}</p>'


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
        language_section(r, w),
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
            + transcript_cell(i, heard_html(line, w, r.get("heard_thresholds")))
            + "</tr>"
            for i, line in enumerate(_lines_with_bot(r))
        ),
        "</table>",
    ]
    return _page(w("report.call.title", id=r["call_id"]), "".join(body), w)


def transcript_cell(row: int, html: str) -> str:
    """A transcript line's cell; one with unsure words is a tab stop described by them (the
    line, not each word: a long call would otherwise fill the tab order with words)."""
    if 'class="unsure-words"' not in html:
        return f"<td>{html}</td>"
    described = html.replace('class="unsure-words"', f'class="unsure-words" id="unsure-{row}"')
    return f'<td tabindex="0" aria-describedby="unsure-{row}">{described}</td>'


def heard_html(line: dict, words: Words = ENGLISH, thresholds: dict | None = None) -> str:
    """A line's text with the words whisper was unsure of dotted, their probability on hover.

    `thresholds` are the affect events' `phrase_floor` (a word below it is unsure) and
    `trust_high` (a line whose words average below it shows how well it was heard), as the
    sidebar reads them; the mark covers a word's letters and digits, never its punctuation,
    and a hidden sentence after the line names the unsure words for a screen reader; without them (a call replayed without the affect stage, a report from
    before protocol 1.1) nothing is marked. The words are found in the text as the affect
    stage finds them (`word_spans`); the text itself is never changed.
    """
    text, heard = line["text"], line.get("words") or []
    if not thresholds:
        return escape(text)
    timed = [Word(word, 0.0, 0.0, probability) for word, probability in heard]
    parts, shown, unsure = [], 0, []
    for start, end, probability in word_spans(text, timed):
        core = WORD_CHARS.search(text, start, end)  # the word, not the punctuation glued to it
        if probability >= thresholds["phrase_floor"] or core is None:
            continue
        label = escape(words("unsure.word", p=f"{probability:.2f}"))
        parts.append(escape(text[shown : core.start()]))
        parts.append(f'<span class="unsure" title="{label}">{escape(core.group())}</span>')
        unsure.append(words("unsure.item", word=core.group(), p=f"{probability:.2f}"))
        shown = core.end()
    parts.append(escape(text[shown:]))
    if unsure:  # the line's description (see transcript_cell), as the sidebar's says it
        said = words("unsure.line", words=", ".join(unsure))
        parts.append(f'<span hidden class="unsure-words">{escape(said)}</span>')
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


# Each column heading is a button (mouse and keyboard); its <th> says how the rows are
# sorted (aria-sort). First press: largest first; again: smallest first.
SORT_SCRIPT = """
document.querySelectorAll('#calls th button').forEach((button) => button.addEventListener('click', () => {
  const th = button.closest('th'), col = th.cellIndex, body = th.closest('table').tBodies[0];
  const down = th.getAttribute('aria-sort') !== 'descending';
  th.parentElement.querySelectorAll('th').forEach((h) => h.setAttribute('aria-sort', 'none'));
  th.setAttribute('aria-sort', down ? 'descending' : 'ascending');
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
            language_cell(r, w),
            *(f'<td class="num">{r["peaks"][s]:.2f}</td>' for s in SIGNAL_COLOURS),
            f'<td data-sort="{rank * 100 + len(r["alerts"])}">{len(r["alerts"])}{top}</td>',
            f"<td>{escape(', '.join(w.intent(i) for i in r['intents']))}</td>",
            f'<td class="num" data-sort="{score}">{_pct(r["scorecard_score"])}</td>',
            f'<td class="num" data-sort="{wer if wer is not None else -1}">{_pct(wer)}</td>',
            f"<td>{escape(outcome)}</td>",
        ]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    # The rows come most frustrated first: that column says so until another is chosen.
    head = "".join(
        f'<th aria-sort="{"descending" if c == "peak.frustration" else "none"}">'
        f'<button type="button">{escape(w(f"report.col.{c}"))}</button></th>'
        for c in INDEX_COLUMNS
    )
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
        language_filter(reports, w),
        f'<table id="calls"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>',
        f"<p>{escape(w('report.sort.keys'))}</p>",
    ]
    if failures:
        body.append(f"<h2>{escape(w('report.failed'))}</h2><ul id=failures>")
        body += [f"<li>{escape(f['path'])}: {escape(f['error'])}</li>" for f in failures]
        body.append("</ul>")
    return _page(w("report.title"), "".join(body), w, SORT_SCRIPT + FILTER_SCRIPT)
