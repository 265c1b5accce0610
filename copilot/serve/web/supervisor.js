// The supervisor wall: every live call the token may see in one dense table across the
// screen, riskiest first (take-over, escalate, early warning, then the customer's signal),
// with counts per alert level and per queue or team that filter the table; take-over
// suggestions raised above it until acknowledged; the day's ended calls paged from the
// store. A picked call opens read-only beside the list, which keeps its place and focus.

import { EventsConnection, showConnection, startPage } from "./connection.js";
import { CallView, alertReason, band, clock, el, sparkline } from "./call_view.js";
import { HistoryPages } from "./history.js";
import { setLanguage, t, term, translatePage, uiLanguage } from "./messages.js";
import { CallTable, LEVEL_RANK, clipped } from "./wall_table.js";

translatePage(); // the browser's language until the token's arrives in `hello`

const $ = (id) => document.getElementById(id);
const banner = $("take-overs");
const filter = $("filter");
const calls = new Map();
// Take-over suggestions stay on top until this supervisor acknowledges them (per call and
// alert); the server keeps the acknowledgement, so it holds after a reload.
const acknowledged = new Set();
const chosen = { level: null, team: null }; // a count clicked: the table shows only those
let selected = null;
let connection = null;
let view = null;
let history = null;
let tab = "live";
let historyRows = []; // the history page on screen

// -- how a call is worded ------------------------------------------------------------

const SPEAKERS = new Set(["agent", "customer", "bot"]);
const teamOf = (c) => (c.team ? term("team", c.team) : "–");
const levelOf = (c) => t(c.level ? `level.${c.level}` : "level.none");
const lastAlert = (c) => (c.alerts?.length ? c.alerts[c.alerts.length - 1] : null);

function line(c) {
  if (!c.last_speaker && !c.last_text) return "";
  const speaker = SPEAKERS.has(c.last_speaker) ? t(c.last_speaker) : c.last_speaker;
  return t("wall.line", { speaker, text: c.last_text });
}

function latest(c) {
  const alert = lastAlert(c);
  return alert ? alertReason(alert) : line(c);
}

const levelCell = (c) => (c.level ? el("span", { class: "level", "data-level": c.level, title: levelOf(c) }, levelOf(c))
  : el("span", { class: "level", "data-level": "none", title: levelOf(c) }, "–"));
const trendCell = (c) => (c.trend?.length ? el("span", { class: "trend" }, sparkline(c.trend, 90, 20)) : "–");
const agentCell = (c) => clipped(c.agent_id || t("unassigned"));
const teamCell = (c) => clipped(teamOf(c), c.team ? teamOf(c) : t("team.none"));
const sourceCell = (c) => clipped(term("source", c.source));

const LIVE_COLUMNS = [
  { key: "call", label: "col.call", width: "12%", sort: (c) => c.call_id, cell: (c) => clipped(c.call_id) },
  { key: "agent", label: "col.agent", width: "10%", sort: (c) => c.agent_id, cell: agentCell },
  { key: "team", label: "col.team", width: "10%", sort: teamOf, cell: teamCell },
  { key: "source", label: "col.source", width: "9%", sort: (c) => term("source", c.source), cell: sourceCell },
  { key: "alert", label: "col.alert", width: "12%", sort: (c) => LEVEL_RANK[c.level || ""], cell: levelCell },
  { key: "risk", label: "col.risk", width: "62px", sort: (c) => c.risk,
    // No alert and no customer line scored yet (whisper may still be catching up under
    // load): say so rather than a risk of 0.00 that looks like a calm call.
    cell: (c) => (c.level || c.trend?.length
      ? el("span", { class: "risk", "data-band": band(c.risk) }, c.risk.toFixed(2))
      : el("span", { class: "risk", title: t("risk.none") }, "–")) },
  { key: "trend", label: "col.trend", width: "104px", sort: null, cell: trendCell },
  { key: "time", label: "col.time", width: "8%", sort: (c) => c.t,
    cell: (c) => (c.live ? clock(c.t) : clipped(t("ended.reason", { reason: term("end", c.end_reason) }))) },
  { key: "latest", label: "col.latest", width: "", sort: null, cell: (c) => clipped(latest(c)) },
];

function endedAt(c) {
  return new Date(c.ended_at * 1000).toLocaleTimeString(uiLanguage(), { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
}
// With a call open beside the list, these columns make room (the rest keep their width).
const NARROW = ["source", "team", "ended"];

const HISTORY_COLUMNS = [
  LIVE_COLUMNS[0], LIVE_COLUMNS[1], LIVE_COLUMNS[2], LIVE_COLUMNS[3],
  LIVE_COLUMNS[4],
  LIVE_COLUMNS[6],
  { key: "ended", label: "col.ended", width: "7%", sort: null, cell: endedAt },
  { key: "length", label: "col.time", width: "7%", sort: null, cell: (c) => clock(c.duration) },
  { key: "outcome", label: "col.outcome", width: "10%", sort: null, cell: (c) => clipped(term("end", c.end_reason)) },
  { key: "latest", label: "col.latest", width: "", sort: null, cell: (c) => clipped(line(c)) },
].map((c) => ({ ...c, sort: null })); // the server's order: newest end first

const rowClass = (c) => [c.take_over ? "take-over" : "", c.call_id === selected ? "selected" : "",
  c.live === false ? "ended" : ""].filter(Boolean).join(" ");
const live = new CallTable($("calls"), LIVE_COLUMNS, { onOpen: open, sortKey: "risk", rowClass });
const past = new CallTable($("ended-calls"), HISTORY_COLUMNS, { onOpen: open, sortKey: "ended", rowClass });
live.onSort = () => render();

// -- the connection --------------------------------------------------------------------

function start(token) {
  connection = new EventsConnection(token, {
    event: (e) => { if (e.call_id === selected) view.show(e); },
    control: onControl,
    state: showConnection($("conn")),
  });
  view = new CallView($("call"), { readOnly: true, connection });
  history = new HistoryPages(connection, { onPage: showHistory, onError: historyFailed });
  connection.start();
}

function onControl(msg) {
  if (msg.type === "hello") {
    if (setLanguage(msg.ui_language)) redrawAll();
    history.load(); // the day's count on its tab, and the filters' choices
  }
  if (msg.type === "calls") { calls.clear(); msg.calls.forEach((c) => calls.set(c.call_id, c)); render(); }
  if (msg.type === "call.summary") {
    const before = calls.get(msg.call.call_id);
    calls.set(msg.call.call_id, msg.call);
    if (before?.live && !msg.call.live) { // it moves to the history
      endedSeen.set(msg.call.call_id, performance.now());
      sawEnd.add(msg.call.call_id);
      history.refreshSoon();
    }
    render();
  }
  if (msg.type === "decisions") {
    // This supervisor's take-over acknowledgements, and what the agent decided on the call open.
    for (const d of msg.decisions) if (d.target === "take_over") acknowledged.add(`${d.call_id}#${d.target_id}`);
    view.decide(msg.decisions);
    render();
  }
}

// -- the live table ---------------------------------------------------------------------

function takeOverKey(c) {
  const alert = lastAlert(c);
  return `${c.call_id}#${alert ? alert.seq : 0}`;
}

// A take-over waits for this supervisor while its call is live, and after it ended while this
// page watched; one that ended before the page opened is the history's (its level says so).
const sawEnd = new Set();
const pending = (c) => c.take_over && !acknowledged.has(takeOverKey(c)) && (c.live || sawEnd.has(c.call_id));
// A call seen ending stays on the wall, dimmed, for a while before it is only in the history.
const ENDED_GRACE_MS = 120_000;
const endedSeen = new Map(); // call_id -> when this page saw it end
// Live calls, and an ended one while its take-over waits, it is open beside the list, or it
// ended moments ago.
const onWall = (c) => c.live || pending(c) || c.call_id === selected
  || performance.now() - (endedSeen.get(c.call_id) ?? -Infinity) < ENDED_GRACE_MS;
setInterval(() => {
  if (!endedSeen.size) return;
  for (const [id, at] of endedSeen) if (performance.now() - at >= ENDED_GRACE_MS) endedSeen.delete(id);
  render();
}, 15_000);

function matches(c, words) {
  if (chosen.level !== null && (c.level || "") !== chosen.level) return false;
  if (chosen.team !== null && (c.team || "") !== chosen.team) return false;
  const haystack = [c.call_id, c.agent_id, teamOf(c), term("source", c.source), levelOf(c), latest(c)]
    .join(" ").toLowerCase();
  return words.every((w) => haystack.includes(w));
}

function render(redraw = false) {
  const wall = [...calls.values()].filter(onWall);
  const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = live.sorted(wall.filter((c) => matches(c, words)));
  live.show(shown, redraw);
  const empty = $("no-calls");
  empty.hidden = shown.length > 0;
  empty.textContent = wall.length ? t("wall.no.match") : t("no.calls");
  counts(wall.filter((c) => c.live));
  tabs();
  takeOvers();
}

// Counts of live calls per alert level and per queue or team; each is a filter of the table.
function counts(liveCalls) {
  const tally = (key) => liveCalls.reduce((m, c) => m.set(key(c), (m.get(key(c)) || 0) + 1), new Map());
  const levels = tally((c) => c.level || "");
  const teams = tally((c) => c.team || "");
  const levelButtons = ["take_over", "escalate", "early_warning", ""].map((level) =>
    countButton("level", level, t(level ? `level.${level}` : "level.none"), levels.get(level) || 0));
  const teamButtons = [...teams.keys()].sort((a, b) => teams.get(b) - teams.get(a) || a.localeCompare(b))
    .map((team) => countButton("team", team, team ? term("team", team) : t("team.none"), teams.get(team)));
  place($("level-counts"), levelButtons);
  place($("team-counts"), teamButtons);
}

function countButton(kind, value, label, n) {
  const id = `count-${kind}-${value || "none"}`;
  let button = document.getElementById(id);
  if (!button) {
    button = el("button", { type: "button", id, class: "count", "data-kind": kind, "data-value": value,
      onclick: () => { chosen[kind] = chosen[kind] === value ? null : value; render(); } });
  }
  button.setAttribute("aria-pressed", String(chosen[kind] === value));
  button.dataset.n = String(n);
  const text = t("wall.count", { label, n });
  if (button.textContent !== text) button.textContent = text;
  return button;
}

// Put exactly these nodes in the box, moving only what is out of place (focus stays).
function place(box, nodes) {
  const focused = box.contains(document.activeElement) ? document.activeElement : null;
  nodes.forEach((node, i) => { if (box.children[i] !== node) box.insertBefore(node, box.children[i] || null); });
  while (box.children.length > nodes.length) box.lastElementChild.remove();
  if (focused?.isConnected && document.activeElement !== focused) focused.focus({ preventScroll: true });
}

// One line per waiting take-over, kept across updates (only its words change), so a
// supervisor's focus on its buttons survives the summaries that keep arriving.
function takeOvers() {
  const waiting = live.sorted([...calls.values()].filter(pending));
  place(banner, waiting.map((c) => {
    const id = `take-over-${c.call_id}`;
    let node = document.getElementById(id);
    if (!node) {
      node = el("div", { id, class: "alert", "data-level": "take_over", "data-call-id": c.call_id },
        el("div", { class: "clip" }), el("div", { class: "why" }),
        el("button", { type: "button", class: "open", onclick: () => open(c.call_id) }, t("open.call")), " ",
        el("button", { type: "button", class: "ack", onclick: () => acknowledge(calls.get(c.call_id)) },
          t("acknowledge")), " ",
        el("span", { class: "state", role: "status" }));
    }
    const alert = lastAlert(c);
    const head = t("take.over", { id: c.call_id, agent: c.agent_id || "?" });
    const why = alert ? alertReason(alert) : "";
    const [clip, reason] = [node.querySelector(".clip"), node.querySelector(".why")];
    if (clip.textContent !== head) { clip.textContent = head; clip.title = head; }
    if (reason.textContent !== why) { reason.textContent = why; reason.title = why; }
    return node;
  }));
}

async function acknowledge(c) {
  const alert = lastAlert(c);
  const key = takeOverKey(c);
  // Where the supervisor's focus goes once the banner is gone: the next waiting take-over,
  // else this call's row, else the filter. Never the page's body.
  const next = document.getElementById(`take-over-${c.call_id}`)?.nextElementSibling?.querySelector(".ack");
  acknowledged.add(key);
  render();
  if (next?.isConnected) next.focus();
  else if (!live.focusRow(c.call_id)) filter.focus();
  try {
    await connection.feedback({ call_id: c.call_id, target: "take_over", target_id: alert.seq, action: "accept" });
  } catch (err) {
    acknowledged.delete(key); // not kept: the banner comes back, saying why
    render();
    const back = document.getElementById(`take-over-${c.call_id}`);
    back?.querySelector(".state")?.replaceChildren(t("state.failed", { error: err.message }));
    back?.querySelector(".ack")?.focus();
  }
}

// -- the history ------------------------------------------------------------------------

function showHistory(reply) {
  historyRows = reply.calls;
  past.show(historyRows, true);
  const facets = reply.facets;
  const day = Object.values(facets.levels).reduce((a, b) => a + b, 0);
  history.day = day;
  const empty = $("no-history");
  empty.hidden = reply.calls.length > 0;
  empty.textContent = day ? t("wall.no.history.match") : t("wall.no.history");
  $("page-of").textContent = t("page.of", { page: reply.page + 1, pages: history.pages, total: reply.total });
  $("page-prev").disabled = reply.page === 0;
  $("page-next").disabled = reply.page + 1 >= history.pages;
  options($("history-agent"), day, Object.entries(facets.agents).map(([a, n]) => [a, a || t("unassigned"), n]),
    history.filters.agent_id);
  options($("history-outcome"), day, Object.entries(facets.outcomes).map(([r, n]) => [r, term("end", r), n]),
    history.filters.outcome);
  const levels = facets.levels;
  const alerted = day - (levels[""] || 0);
  options($("history-alert"), day, [["any", t("filter.alert.any"), alerted], ["none", t("filter.alert.none"), levels[""] || 0],
    ...["take_over", "escalate", "early_warning"].map((l) => [l, t(`level.${l}`), levels[l] || 0])], history.filters.alert);
  tabs();
}

function options(select, all, choices, value) {
  const wanted = [["", t("filter.all", { n: all })], ...choices.map(([v, label, n]) => [v, t("filter.option", { label, n })])];
  const now = [...select.options].map((o) => [o.value, o.textContent]);
  if (JSON.stringify(now) !== JSON.stringify(wanted)) {
    select.replaceChildren(...wanted.map(([v, label]) => el("option", { value: v }, label)));
  }
  select.value = value;
}

function historyFailed(err) {
  const empty = $("no-history");
  empty.hidden = false;
  empty.textContent = t("wall.history.failed", { error: err.message });
}

for (const [id, field] of [["history-agent", "agent_id"], ["history-outcome", "outcome"], ["history-alert", "alert"]]) {
  $(id).addEventListener("change", (ev) => history.filter({ [field]: ev.target.value }));
}
$("page-prev").addEventListener("click", () => history.go(-1));
$("page-next").addEventListener("click", () => history.go(1));

// -- tabs, the open call, the language ---------------------------------------------------

function tabs() {
  const liveCount = [...calls.values()].filter((c) => c.live).length;
  $("tab-live").textContent = t("wall.live", { n: liveCount });
  $("tab-history").textContent = t("wall.history", { n: history?.day ?? "…" });
}

function showTab(name) {
  tab = name;
  $("tab-live").setAttribute("aria-pressed", String(name === "live"));
  $("tab-history").setAttribute("aria-pressed", String(name === "history"));
  $("live-panel").hidden = name !== "live";
  $("history-panel").hidden = name !== "history";
  // The filter and the counts are the live table's; the history has its own filters.
  for (const id of ["live-filter", "level-counts", "team-counts"]) $(id).hidden = name !== "live";
  if (name === "history") history.load();
}

$("tab-live").addEventListener("click", () => showTab("live"));
$("tab-history").addEventListener("click", () => showTab("history"));
filter.addEventListener("input", () => render());

function open(callId) {
  if (callId === selected) return;
  if (selected) connection.unsubscribe(selected);
  selected = callId;
  view.reset(callId);
  $("call-panel").hidden = false;
  $("wall").classList.add("has-call");
  live.hide(NARROW);
  past.hide(NARROW);
  connection.lastSeq.delete(callId);
  connection.subscribe(callId);
  render();
  past.show(historyRows); // its row marked selected
  // The list narrowed to make room: the picked row stays where the supervisor can see it.
  (tab === "live" ? live : past).rows.get(callId)?.tr.scrollIntoView({ block: "nearest" });
}

function close() {
  const was = selected;
  if (!was) return;
  connection.unsubscribe(was);
  selected = null;
  $("call-panel").hidden = true;
  $("wall").classList.remove("has-call");
  live.hide([]);
  past.hide([]);
  render();
  past.show(historyRows);
  if (!(tab === "live" ? live : past).focusRow(was)) filter.focus();
}

$("close-call").addEventListener("click", close);

function redrawAll() {
  live.header();
  past.header();
  banner.replaceChildren(); // drawn again in the new language
  render(true);
  if (history.total || history.day) history.load();
  if (!selected) view.reset(null);
}

live.header();
past.header();
tabs();
startPage(start);
