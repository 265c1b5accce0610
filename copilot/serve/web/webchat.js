// The customer web chat: one conversation over /webchat/socket (docs/protocol.md "Web chat").
//
// The conversation token from `welcome` is kept in this tab (sessionStorage): a reload or a
// lost connection comes back into the same conversation and redraws it from the server's
// lines. Messages typed while the connection is down wait and go once it is back; a message
// the server already stored (its ref is in the history) is never sent twice.
// Language: `?lang=nl|en`, else the browser's. Every text from messages.json.

import { has, setLanguage, t, translatePage, uiLanguage } from "./messages.js";

const TOKEN_KEY = "copilot-webchat-token";
const wanted = new URLSearchParams(location.search).get("lang");
if (!setLanguage(wanted || "")) translatePage();

const log = document.getElementById("chat-log");
const scroller = document.getElementById("chat-scroll");
const form = document.getElementById("chat-form");
const input = document.getElementById("chat-input");
const sendButton = document.getElementById("chat-send");
const endButton = document.getElementById("chat-end");
const newButton = document.getElementById("chat-new");
const note = document.getElementById("chat-note");
const stateLine = document.getElementById("chat-state");

let ws = null;
let open = false; // welcomed: messages may go
let ended = false;
let backoff = 500;
let token = sessionStorage.getItem(TOKEN_KEY) || "";
const refBase = Math.random().toString(36).slice(2, 8);
let nextRef = 1;
const waiting = new Map(); // ref -> { text, node }: typed, not yet stored by the server

function setState(name) {
  stateLine.dataset.state = name;
  stateLine.textContent = t(`webchat.state.${name}`);
  const usable = name === "connected";
  input.disabled = !usable;
  sendButton.disabled = !usable;
  endButton.disabled = !usable;
  newButton.hidden = name !== "ended";
}

function who(speaker) {
  return t(`webchat.${speaker === "customer" ? "you" : speaker}`);
}

function line(speaker, text, ref = null) {
  const node = document.createElement("li");
  node.dataset.speaker = speaker;
  const name = document.createElement("span");
  name.className = "who";
  name.textContent = who(speaker);
  node.append(name, document.createTextNode(text));
  if (ref !== null) {
    node.dataset.ref = ref;
    const status = document.createElement("span");
    status.className = "status";
    node.append(status);
  }
  log.append(node);
  scroller.scrollTop = scroller.scrollHeight;
  return node;
}

function mark(node, state, words) {
  node.dataset.state = state;
  const status = node.querySelector(".status");
  if (status) status.textContent = words;
}

function connect() {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const socket = new WebSocket(`${scheme}://${location.host}/webchat/socket`);
  ws = socket;
  setState(open ? "reconnecting" : "connecting");
  socket.onopen = () => start(socket);
  socket.onmessage = (msg) => receive(JSON.parse(msg.data));
  socket.onclose = () => {
    if (ws !== socket) return;
    open = false;
    if (ended) return;
    setState("reconnecting");
    setTimeout(connect, backoff);
    backoff = Math.min(backoff * 2, 10000);
  };
}

function start(socket) {
  if (ws === socket && socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify({ type: "start", language: uiLanguage(), token }));
  }
}

function receive(msg) {
  if (msg.type === "welcome") return welcome(msg);
  if (msg.type === "received") {
    const typed = waiting.get(msg.ref);
    if (typed) mark(typed.node, "received", t("webchat.received"));
    waiting.delete(msg.ref);
    return undefined;
  }
  if (msg.type === "reply") return line(msg.speaker, msg.text);
  if (msg.type === "ended") return end();
  if (msg.type === "error") return refused(msg);
  return undefined;
}

function welcome(msg) {
  token = msg.token;
  sessionStorage.setItem(TOKEN_KEY, token);
  open = true;
  backoff = 500;
  log.replaceChildren();
  const stored = new Set();
  for (const said of msg.history || []) {
    const node = line(said.speaker, said.text, said.ref ?? null);
    if (said.ref !== undefined && said.ref !== null) {
      stored.add(said.ref);
      mark(node, "received", t("webchat.received"));
    }
  }
  setState("connected");
  // What was typed but never stored goes now, in the order it was typed.
  for (const [ref, typed] of waiting) {
    if (stored.has(ref)) { waiting.delete(ref); continue; }
    typed.node = line("customer", typed.text, ref);
    mark(typed.node, "waiting", t("webchat.sending"));
    ws.send(JSON.stringify({ type: "message", text: typed.text, ref }));
  }
}

function refused(msg) {
  const typed = msg.ref !== undefined ? waiting.get(msg.ref) : null;
  const words = t(has(`webchat.error.${msg.code}`) ? `webchat.error.${msg.code}` : "webchat.error.other");
  if (typed) {
    mark(typed.node, "failed", words);
    waiting.delete(msg.ref);
    input.value = input.value || typed.text; // the customer can send it again
  }
  note.textContent = words;
  console.warn("web chat:", msg.code, msg.message);
  // A start the server could not take: a token it no longer knows starts afresh, too many
  // new chats from here waits a while.
  if (!open && msg.code === "bad_token") { token = ""; start(ws); }
  if (!open && msg.code === "rate_limited") setTimeout(start, 10000, ws);
}

function end() {
  ended = true;
  open = false;
  sessionStorage.removeItem(TOKEN_KEY);
  token = "";
  setState("ended");
  newButton.focus();
}

form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  const text = input.value.trim();
  if (!text || !open) return;
  note.textContent = "";
  const ref = `${refBase}-${nextRef++}`;
  const node = line("customer", text, ref);
  mark(node, "waiting", t("webchat.sending"));
  waiting.set(ref, { text, node });
  ws.send(JSON.stringify({ type: "message", text, ref }));
  input.value = "";
  input.focus();
});

input.addEventListener("keydown", (ev) => {
  // Enter sends, Shift+Enter starts a new line.
  if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
    ev.preventDefault();
    form.requestSubmit();
  }
});

endButton.addEventListener("click", () => {
  if (open) ws.send(JSON.stringify({ type: "end" }));
});

newButton.addEventListener("click", () => {
  ended = false;
  log.replaceChildren();
  waiting.clear();
  connect();
  input.focus();
});

connect();
