// The supervisor view: every call the token may see, riskiest live call first, each with its
// frustration trend and latest alert; a take-over suggestion is raised above the list. A row
// opens that call read-only beside the list.

import { EventsConnection, showConnection, startPage } from "./connection.js";
import { CallView, band, clock, el, sparkline } from "./call_view.js";
import { setLanguage, t, translatePage } from "./messages.js";

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
}

function render() {
  const sorted = [...calls.values()].sort((a, b) => (b.live - a.live) || (b.risk - a.risk) || (b.t - a.t));
  rows.replaceChildren(...sorted.map(row));
  document.getElementById("no-calls").hidden = sorted.length > 0;
  banner.replaceChildren(...sorted.filter((c) => c.live && c.take_over).map((c) => {
    const alert = c.alerts[c.alerts.length - 1];
    return el("div", { class: "alert", "data-level": "take_over" },
      el("div", {}, `Take over suggested · ${c.call_id} · agent ${c.agent_id || "?"}`),
      el("div", { class: "why" }, alert?.reason || ""),
      el("button", { type: "button", onclick: () => open(c.call_id) }, t("open.call")));
  }));
}

function row(c) {
  const latest = c.alerts.length ? c.alerts[c.alerts.length - 1] : null;
  const tr = el("tr", {
    class: [c.take_over ? "take-over" : "", c.call_id === selected ? "selected" : "", c.live ? "" : "ended"].join(" "),
    tabindex: "0", "data-call-id": c.call_id, "aria-label": `call ${c.call_id}, risk ${c.risk}`,
    onclick: () => open(c.call_id),
    onkeydown: (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); open(c.call_id); } },
  },
  el("td", {}, el("div", {}, c.call_id), el("small", {}, `${c.agent_id || "unassigned"} · ${c.live ? clock(c.t) : `ended (${c.end_reason})`}`)),
  el("td", {}, el("span", { class: "risk", "data-band": band(c.risk) }, c.risk.toFixed(2))),
  el("td", {}, c.trend.length ? sparkline(c.trend) : "–"),
  el("td", {}, latest ? `${latest.level.replace("_", " ")}: ${latest.reason}` : c.last_line));
  return tr;
}

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
