// The agent sidebar: follows the agent's newest live call (or the one picked), read-write.
// Opened by a supervisor (`/?call=ID`) it shows that call read-only.

import { EventsConnection, showConnection, startPage } from "./connection.js";
import { CallView, clock } from "./call_view.js";
import { setLanguage, translatePage } from "./messages.js";
import { MyCalls } from "./my_calls.js";

translatePage(); // the browser's language until the token's arrives in `hello`

const params = new URLSearchParams(location.search);
const pinned = params.get("call");
const picker = document.getElementById("call-picker");
const calls = new Map();
let current = null;
let connection = null;
let view = null;
let myCalls = null; // the agent's ended calls of today, paged from the store
let browsing = null; // a call the agent picked from that list: followed until a new call starts
// Drawn now (offline, in the browser's language) and again in the token's once `hello` says it.
const state = showConnection(document.getElementById("conn"));

function start(token) {
  connection = new EventsConnection(token, { event: onEvent, control: onControl, state });
  view = new CallView(document.getElementById("call"), { connection });
  connection.start();
}

function onEvent(e) {
  if (e.call_id === current) view.show(e);
}

function onControl(msg) {
  if (msg.type === "hello") {
    view.readOnly = msg.role !== "agent";
    // The token's UI language wins over the browser's: redraw what is already on screen.
    if (setLanguage(msg.ui_language)) view.reset(current);
    if (msg.role === "agent" && !myCalls) {
      myCalls = new MyCalls(document.getElementById("my-calls"), connection, (id) => { browsing = id; open(id); });
    }
  }
  if (msg.type === "call.summary" && !msg.call.live) myCalls?.refresh();
  if (msg.type === "call.summary" && msg.call.live && !calls.has(msg.call.call_id)) browsing = null;
  if (msg.type === "calls") msg.calls.forEach(remember);
  if (msg.type === "call.summary") remember(msg.call);
  if (msg.type === "calls" || msg.type === "call.summary") follow();
  if (msg.type === "decisions") view.decide(msg.decisions); // answered before a reload, or in another tab
  if (msg.type === "error" && !msg.ref) console.warn("copilot:", msg.code, msg.message);
}

function remember(summary) {
  calls.set(summary.call_id, summary);
  let option = picker.querySelector(`option[value="${CSS.escape(summary.call_id)}"]`);
  if (!option) {
    option = document.createElement("option");
    option.value = summary.call_id;
    picker.prepend(option);
  }
  option.textContent = `${summary.live ? "● " : ""}${summary.call_id} (${clock(summary.t)})`;
}

function follow() {
  // Stay on the pinned or current call; move to a newer live call once the current one ended.
  const wanted = pinned && calls.has(pinned) ? pinned : null;
  if (wanted) return open(wanted);
  if (browsing && browsing === current) return;
  const live = [...calls.values()].filter((c) => c.live);
  const currentLive = current && calls.get(current)?.live;
  if (!current || (!currentLive && live.length)) {
    const next = live[0] || [...calls.values()][0];
    if (next) open(next.call_id);
  }
}

function open(callId) {
  if (callId === current) return;
  if (current) connection.unsubscribe(current);
  current = callId;
  picker.value = callId;
  view.reset(callId);
  connection.lastSeq.delete(callId); // a fresh view needs the call from its first event
  connection.subscribe(callId);
}

picker.addEventListener("change", () => open(picker.value));

startPage(start);
