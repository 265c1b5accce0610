// The /events websocket: token, reconnect with backoff, resume each call from its last seq.

import { LANGUAGE_CHANGED, has, t } from "./messages.js";
//
// The server numbers every call's events 1, 2, 3…; this object remembers the last seq
// it delivered per call and asks for exactly what came after on every (re)connect, so
// the page sees each event once, in order, across network drops and server restarts.

export function takeToken() {
  // The token travels in the URL fragment (never sent to the server in a page request);
  // it is kept for this tab and removed from the address bar.
  const match = location.hash.match(/token=([^&]+)/);
  if (match) {
    sessionStorage.setItem("copilot-token", decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname + location.search);
  }
  return sessionStorage.getItem("copilot-token") || "";
}

export function startPage(start) {
  // Connect with the token from the URL or this tab; otherwise ask for one.
  const form = document.getElementById("login");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    sessionStorage.setItem("copilot-token", document.getElementById("token").value);
    location.reload();
  });
  const token = takeToken();
  if (token) start(token);
  else form.hidden = false;
}

export function showConnection(badge) {
  // The connection badge's text and colour; a refused token brings the login form back.
  // `detail` is a catalogue key: the badge is drawn again in the token's language once
  // `hello` has set it (the first states were drawn in the browser's).
  let shown = { name: badge.dataset.state || "offline", detail: "" };
  const draw = () => {
    badge.dataset.state = shown.name;
    const label = t(`state.${shown.name}`);
    badge.textContent = shown.detail ? `${label}: ${t(shown.detail)}` : label;
  };
  document.addEventListener(LANGUAGE_CHANGED, draw);
  draw();
  return (name, detail = "") => {
    shown = { name, detail };
    draw();
    if (name === "refused") document.getElementById("login").hidden = false;
  };
}

export class EventsConnection {
  constructor(token, handlers) {
    this.token = token;
    this.handlers = handlers; // {event(e), control(msg), state(name, detail)}
    this.lastSeq = new Map(); // call_id -> last seq delivered to the page
    this.subscribed = new Set();
    this.pending = new Map(); // ref -> callback for feedback acks
    this.nextRef = 1;
    this.backoff = 500;
    this.ws = null;
    this.everOpened = false;
  }

  start() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const url = `${scheme}://${location.host}/events?token=${encodeURIComponent(this.token)}`;
    this.setState(this.everOpened ? "reconnecting" : "connecting");
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.onopen = () => {
      this.everOpened = true;
      this.backoff = 500;
      this.setState("connected");
      for (const callId of this.subscribed) this.sendSubscribe(callId);
    };
    ws.onmessage = (msg) => this.receive(msg.data);
    ws.onclose = (ev) => {
      if (this.ws !== ws) return;
      // 1006 before any open usually means the upgrade was refused (bad token).
      const refused = !this.everOpened && ev.code === 1006;
      this.setState(refused ? "refused" : "reconnecting", refused ? "conn.refused.token" : "");
      setTimeout(() => this.start(), this.backoff);
      this.backoff = Math.min(this.backoff * 2, 10000);
    };
  }

  setState(name, detail = "") {
    this.state = name;
    this.handlers.state?.(name, detail);
  }

  send(message) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) {
      this.ws.send(JSON.stringify(message));
      return true;
    }
    return false;
  }

  subscribe(callId) {
    this.subscribed.add(callId);
    this.sendSubscribe(callId);
  }

  unsubscribe(callId) {
    this.subscribed.delete(callId);
    this.send({ type: "unsubscribe", call_id: callId });
  }

  sendSubscribe(callId) {
    this.send({ type: "subscribe", call_id: callId, after_seq: this.lastSeq.get(callId) || 0 });
  }

  feedback(fields) {
    return this.request("feedback", fields);
  }

  chatReply(callId, text) {
    // The agent's reply to a chat's customer: stored as their line, then sent.
    return this.request("chat.reply", { call_id: callId, text });
  }

  request(type, fields) {
    // Resolves with the server's ack, rejects with its error (message, and `code`).
    return new Promise((resolve, reject) => {
      const ref = `fb-${this.nextRef++}`;
      this.pending.set(ref, { resolve, reject });
      if (!this.send({ type, ref, ...fields })) {
        this.pending.delete(ref);
        reject(Object.assign(new Error(t("conn.not.connected")), { code: "not_connected" }));
      }
    });
  }

  receive(text) {
    let msg;
    try { msg = JSON.parse(text); } catch { return; }
    if (typeof msg.seq === "number" && msg.call_id !== undefined) {
      const last = this.lastSeq.get(msg.call_id) || 0;
      if (msg.seq <= last) return; // already shown
      if (msg.seq > last + 1) { this.sendSubscribe(msg.call_id); return; } // a gap: ask again
      this.lastSeq.set(msg.call_id, msg.seq);
      this.handlers.event?.(msg);
      return;
    }
    if (msg.type === "resume") {
      for (const callId of msg.calls || []) if (this.subscribed.has(callId)) this.sendSubscribe(callId);
    }
    // A request's answer: its ack, or the reply that carries its ref (`history`).
    if (msg.type !== "error" && msg.ref !== undefined && this.pending.has(msg.ref)) {
      this.pending.get(msg.ref).resolve(msg);
      this.pending.delete(msg.ref);
    }
    if (msg.type === "error" && msg.ref && this.pending.has(msg.ref)) {
      // Worded from the catalogue by its code: the server's own message is English.
      const key = `server.error.${msg.code}`;
      const text = has(key) ? t(key) : t("server.error.other", { code: msg.code || "" });
      this.pending.get(msg.ref).reject(Object.assign(new Error(text), { code: msg.code }));
      this.pending.delete(msg.ref);
    }
    this.handlers.control?.(msg);
  }
}
