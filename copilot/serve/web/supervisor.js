// The supervisor view: every call the token may see, riskiest live call first, each with its
// frustration trend and latest alert; a take-over suggestion is raised above the list. A row
// opens that call read-only beside the list.

import { EventsConnection, showConnection, startPage } from "./connection.js";
import { CallView, alertReason, band, clock, el, sparkline } from "./call_view.js";
import { setLanguage, t, term, translatePage } from "./messages.js";

translatePage(); // the browser's language until the token's arrives in `hello`

const rows = document.querySelector("#calls tbody");
const banner = document.getElementById("take-overs");
const calls = new Map();
let selected = null;
let connection = null;
let view = null;

function start(token) {
  connection = new EventsConnection(token, {
    event: (e) => { if (e.call_id === selected) view.show(e); },
    control: onControl,
    state: showConnection(document.getElementById("conn")),
  });
  view = new CallView(document.getElementById("call"), { readOnly: true, connection });
  view.root.replaceChildren(el("p", { class: "empty" }, t("pick.call")));
  connection.start();
}

function onControl(msg) {
  if (msg.type === "hello" && setLanguage(msg.ui_language) && !selected) {
    view.root.replaceChildren(el("p", { class: "empty" }, t("pick.call")));
  }
  if (msg.type === "calls") { calls.clear(); msg.calls.forEach((c) => calls.set(c.call_id, c)); render(); }
  if (msg.type === "call.summary") { calls.set(msg.call.call_id, msg.call); render(); }
  if (msg.type === "decisions") {
    // This supervisor's take-over acknowledgements (kept across reloads), and what the agent
    // decided on the call open beside the list.
    for (const d of msg.decisions) if (d.target === "take_over") acknowledged.add(`${d.call_id}#${d.target_id}`);
    view.decide(msg.decisions);
    render();
  }
}

// Take-over suggestions stay on top until this supervisor acknowledges them (per call and
// alert); the server keeps the acknowledgement, so it holds after a reload. The agent's own
// alert stays theirs to answer.
const acknowledged = new Set();
const filter = document.getElementById("filter");
const sortRisk = document.getElementById("sort-risk");
let riskDescending = true;

function takeOverKey(c) {
  const latest = c.alerts[c.alerts.length - 1];
  return `${c.call_id}#${latest ? latest.seq : 0}`;
}

async function acknowledge(c, alert) {
  const key = takeOverKey(c);
  acknowledged.add(key);
  render();
  try {
    await connection.feedback({ call_id: c.call_id, target: "take_over", target_id: alert.seq, action: "accept" });
  } catch (err) {
    acknowledged.delete(key); // not kept: the banner comes back, saying why
    render();
    document.querySelector(`#take-overs [data-call-id="${CSS.escape(c.call_id)}"] .state`)
      ?.replaceChildren(t("state.failed", { error: err.message }));
  }
}

function matches(c, words) {
  const latest = c.alerts.length ? alertReason(c.alerts[c.alerts.length - 1]) : c.last_line || "";
  const haystack = `${c.call_id} ${c.agent_id || ""} ${latest}`.toLowerCase();
  return words.every((w) => haystack.includes(w));
}

function render() {
  const direction = riskDescending ? 1 : -1;
  const sorted = [...calls.values()].sort(
    (a, b) => (b.live - a.live) || direction * (b.risk - a.risk) || (b.t - a.t));
  const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = sorted.filter((c) => matches(c, words));
  rows.replaceChildren(...shown.map(row));
  document.getElementById("no-calls").hidden = shown.length > 0;
  const pending = sorted.filter((c) => c.take_over && !acknowledged.has(takeOverKey(c)));
  banner.replaceChildren(...pending.map((c) => {
    const alert = c.alerts[c.alerts.length - 1];
    return el("div", { class: "alert", "data-level": "take_over", "data-call-id": c.call_id },
      el("div", { class: "clip", title: c.call_id },
        t("take.over", { id: c.call_id, agent: c.agent_id || "?" })),
      el("div", { class: "why" }, alert ? alertReason(alert) : ""),
      el("button", { type: "button", onclick: () => open(c.call_id) }, t("open.call")), " ",
      el("button", { type: "button", class: "ack", onclick: () => acknowledge(c, alert) }, t("acknowledge")), " ",
      el("span", { class: "state", role: "status" }));
  }));
}

function clipped(text, tag = "div") {
  return el(tag, { class: "clip", title: text }, text);
}

function row(c) {
  const latest = c.alerts.length ? c.alerts[c.alerts.length - 1] : null;
  const status = `${c.agent_id || t("unassigned")} · ${c.live ? clock(c.t) : t("ended.reason", { reason: term("end", c.end_reason) })}`;
  const latestText = latest ? `${t(`level.${latest.level}`)}: ${alertReason(latest)}` : c.last_line || "";
  const tr = el("tr", {
    class: [c.take_over ? "take-over" : "", c.call_id === selected ? "selected" : "", c.live ? "" : "ended"].join(" "),
    tabindex: "0", "data-call-id": c.call_id, "aria-label": t("risk.label", { id: c.call_id, risk: c.risk }),
    onclick: () => open(c.call_id),
    onkeydown: (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); open(c.call_id); } },
  },
  el("td", {}, clipped(c.call_id), clipped(status, "small")),
  el("td", {}, el("span", { class: "risk", "data-band": band(c.risk) }, c.risk.toFixed(2))),
  el("td", {}, c.trend.length ? sparkline(c.trend) : "–"),
  el("td", {}, clipped(latestText)));
  return tr;
}

filter.addEventListener("input", render);
sortRisk.addEventListener("click", () => {
  riskDescending = !riskDescending;
  sortRisk.parentElement.setAttribute("aria-sort", riskDescending ? "descending" : "ascending");
  render();
});

function open(callId) {
  if (callId === selected) return;
  if (selected) connection.unsubscribe(selected);
  selected = callId;
  view.reset(callId);
  connection.lastSeq.delete(callId);
  connection.subscribe(callId);
  render();
}

startPage(start);
