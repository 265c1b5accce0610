// One call on screen: the voicebot's hand-over card, alerts, customer gauges, assist
// suggestions, transcript (the bot's own lines included).
//
// One screen (400 x 900 beside a softphone): only the newest open alert and the single most
// useful open card are up front; older and handled ones collapse into a history the agent
// can open. A hand-over to a person comes first while it is open (the call's wrap-up draft
// once the call has ended), then the newest card; an intent card (its facts are in the
// chips) only when nothing else is open.
//
// Driven only by events (docs/protocol.md). Assist events are drawn generically from
// their fields (suggestion_id, kind, title, text, passage, articles, steps…), so a new
// kind of suggestion shows up without a change here. All text goes in via textContent.

import { has, t, term, uiLanguage } from "./messages.js";

// Signal names are looked up when drawn, so a language set by `hello` applies.
const SIGNALS = [["frustration", "signal.frustration"], ["doubt", "signal.doubt"], ["load", "signal.load"]];
const CORE_TYPES = new Set(["call.started", "call.ended", "speech.started", "speech.ended", "transcript.partial",
  "transcript.final", "dtmf", "error", "affect", "alert"]);
const CHIP_FIELDS = ["intent", "urgency", "team", "route", "complexity"];
const SHOWN_FIELDS = new Set(["type", "v", "call_id", "seq", "t", "suggestion_id", "kind", "title",
  "text", "body", "subject", "explanation", "summary", "quote", "passage", "matched_passage", "articles",
  "speaker", "utterance_id", "item", "language", "heard", "reason", "translations", "context",
  // How a card was made, not what the agent acts on: left off a screen with no room to spare.
  "channel", "generator", "article", "next_step", "source",
  // A "not sure yet" intent card says what is missing in words, not as fields.
  "status", "missing",
  // The intents an article is written for: how the card was chosen (protocol 1.2), not news.
  "article_intents"]);
// A handled card or alert stays in place this long so the agent sees the ✓, then moves on.
const HANDLED_LINGER_MS = 1500;
// What a card's or alert's state line says for each answer: "accepted ✓", "acknowledged ✓"…
const STATE_WORDS = { accept: "accepted", send: "sent", edit: "saved", dismiss: "dismissed" };
const ALERT_STATE_WORDS = { accept: "alert.acknowledged", dismiss: "alert.not.relevant" };
function stateWord(node, action) {
  const words = node.classList.contains("alert") ? ALERT_STATE_WORDS : STATE_WORDS;
  return t(`state.${words[action] || "dismissed"}`);
}
const DECIDED_TARGETS = new Set(["alert", "suggestion", "draft"]); // a take-over ack is the supervisor's list's

// Where a decision is kept: an alert by its seq, a card by its suggestion id.
function decisionKey(d) {
  return d.target === "alert" ? `alert:${d.target_id}` : `card:${d.target_id}`;
}
const ALERT_CUES_SHOWN = 3;

// "heard NN%": how surely whisper heard a line, or the words a card was built on.
function trustMark(tag, probability, title, note = "") {
  return el(tag, { class: "trust", title }, t("heard", { pct: Math.round(100 * probability) }) + note);
}

// A sent draft's delivery in the agent's words: "sent by e-mail", or why it was not delivered.
export function deliveryText(e) {
  if (e.delivered) return t(e.via === "webhook" ? "delivery.handed" : "delivery.sent");
  const status = /^webhook_status_(\d+)$/.exec(e.reason || "");
  const reason = status ? t("delivery.reason.webhook_status", { status: status[1] })
    : term("delivery.reason", e.reason || "");
  return t("delivery.failed", { reason });
}

// A sent chat draft, as its ack says: in the chat now, or why not.
function chatDelivery(card, ack) {
  const line = card.querySelector(".delivery");
  if (!line) return;
  line.dataset.delivered = String(Boolean(ack.delivered));
  line.textContent = ack.delivered ? t("chat.draft.sent")
    : t("chat.reply.failed", { reason: term("chat.reply.reason", ack.reason || "") });
}

function showDelivery(card, e) {
  const line = card.querySelector(".delivery");
  if (!line) return;
  line.dataset.delivered = String(Boolean(e.delivered));
  line.textContent = deliveryText(e);
}

// The word characters of a token ("leidinggevende." -> "leidinggevende"): only they are
// marked unsure, never the punctuation whisper glues to a word.
const WORD_CHARS = /[\p{L}\p{N}](?:.*[\p{L}\p{N}])?/su;

// A final's text with the words whisper was unsure of marked: dotted, probability on hover.
// Whisper's words are found in the text in order; the text itself is never changed.
// `limits` are the thresholds the affect stage judged the words by (its events'
// `phrase_floor` and `trust_high`); until an affect event has said them, nothing is marked.
// Returns the line's parts and its unsure words ({word, p}): the line, not each word, is
// what the keyboard reaches, and its description lists them (CallView.line).
export function heardText(e, limits = null) {
  const text = String(e.text ?? "");
  const words = Array.isArray(e.words) ? e.words : [];
  const unsure = [];
  if (!words.length || !limits) return { parts: [text], unsure };
  const out = [];
  let shown = 0;
  let cursor = 0;
  let sum = 0;
  for (const w of words) {
    const p = Number(w.probability) || 0;
    sum += p;
    const token = String(w.word).trim();
    const at = token ? text.indexOf(token, cursor) : -1;
    if (at < 0) continue;
    cursor = at + token.length;
    const core = WORD_CHARS.exec(token);
    if (p >= limits.phraseFloor || !core) continue;
    const start = at + core.index;
    unsure.push({ word: core[0], p });
    out.push(text.slice(shown, start),
      el("span", { class: "unsure", title: t("unsure.word", { p: p.toFixed(2) }) }, core[0]));
    shown = start + core[0].length;
  }
  out.push(text.slice(shown));
  const trust = sum / words.length;
  if (trust < limits.trustHigh) out.push(trustMark("span", trust, t("line.trust")));
  return { parts: out, unsure };
}

// A line's description for a screen reader (read when it has the focus): its unsure words, their odds.
function unsureDescription(unsure) {
  const words = unsure.map(({ word, p }) => t("unsure.item", { word, p: p.toFixed(2) })).join(", ");
  return t("unsure.line", { n: unsure.length, words });
}

// The word thresholds an affect event carries (protocol 1.1), or null when it has none.
export function heardLimits(e) {
  const known = typeof e.phrase_floor === "number" && typeof e.trust_high === "number";
  return known ? { phraseFloor: e.phrase_floor, trustHigh: e.trust_high } : null;
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clock(t) {
  const s = Math.max(0, Math.round(t || 0));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export function band(value) {
  return value >= 0.6 ? "high" : value >= 0.3 ? "mid" : "low";
}

// A gauge's band against an alert's level: an early warning reads as "mid", the rest "high".
const BAND_RANK = { low: 0, mid: 1, high: 2 };
const LEVEL_RANK = { early_warning: 1, escalate: 2, take_over: 2 };

// Where an alert came from, in a few words: its first cue, else its basis.
function alertSource(e) {
  const cue = (e.cues || [])[0];
  if (cue && structured(cue)) return describeCue(cue, e.phrase_floor);
  return e.basis ? t(`basis.${e.basis}`, { run: e.run ?? 0 }) : alertReason(e, { cues: false });
}

// Figures as the server words them (events/wording.py fixed, signed, quoted): rounded half
// up, so both sides print the same number for the same event.
export function fixed(value, places) {
  const scale = 10 ** places;
  return (Math.floor(Number(value) * scale + 0.5) / scale).toFixed(places);
}

export function twoPlaces(value) {
  return fixed(value, 2);
}

function signed(value) {
  return (Number(value) >= 0 ? "+" : "-") + fixed(Math.abs(Number(value)), 1);
}

function quoted(words) {
  return words.includes("'") && !words.includes('"') ? `"${words}"` : `'${words}'`;
}

// Whether a cue says what it is made of (protocol 1.1); an older one has its evidence only.
function structured(cue) {
  return Boolean(cue.phrase || cue.emotion || cue.feature);
}

// A cue in the agent's language, from its fields: the caller's words stay as said, the
// topic, emotion or voice feature around them is translated. A phrase heard below `floor`
// (the alert's phrase_floor) says the audio was unclear. A cue from before protocol 1.1
// shows its evidence as the server wrote it.
export function describeCue(cue, floor = null) {
  if (cue.kind === "phrase" && cue.phrase) {
    const unclear = typeof floor === "number" && Number(cue.confidence ?? 1) < floor;
    const words = quoted(String(cue.phrase));
    const p = twoPlaces(cue.confidence ?? 1);
    if (cue.topic) {
      return t(unclear ? "cue.phrase.unclear" : "cue.phrase", { words, topic: term("topic", cue.topic), p });
    }
    return unclear ? t("cue.unclear", { words, p }) : words;
  }
  if (cue.kind === "emotion" && cue.emotion) return `${term("emotion", cue.emotion)} ${twoPlaces(cue.score ?? 0)}`;
  if (cue.kind === "voice" && cue.feature === "overlap") return t("cue.voice.overlap", { s: fixed(cue.seconds ?? 0, 1) });
  if (cue.kind === "voice" && cue.feature) {
    return t("cue.voice.above", { feature: term("voice", cue.feature), sd: signed(cue.z ?? 0),
      reference: t(`reference.${cue.reference || "baseline"}`) });
  }
  return String(cue.evidence ?? "");
}

// The alert's reason worded from its fields (events/wording.py alert_reason does the same).
// An alert stored before `basis` existed, or with cues from before protocol 1.1, keeps its
// own. `cues: false` leaves the cues out, for a card that lists them itself.
export function alertReason(e, { cues = true } = {}) {
  const signal = term("signal", e.signal).toLowerCase();
  const basis = e.basis ? t(`basis.${e.basis}`, { run: e.run ?? 0 }) : "";
  const trend = twoPlaces(e.trend ?? 0);
  const own = !e.basis || (e.reason && !(e.cues || []).every(structured));
  if (!cues) return own ? e.reason : t("alert.short", { signal, basis, trend });
  if (own) return e.reason;
  const said = (e.cues || []).map((c) => describeCue(c, e.phrase_floor)).join(", ")
    || `${signal} ${twoPlaces(e.score ?? 0)}`;
  return t("alert.reason", { signal, basis, cues: said, trend });
}

// A cue with the signal it moved, for a list of cues of several signals (the hand-over
// card); a string cue from before protocol 1.1 is its own evidence.
export function signalCue(cue, floor = null) {
  if (typeof cue === "string") return cue;
  if (!cue.signal) return describeCue(cue, floor);
  return t("cue.signal", { signal: term("signal", cue.signal).toLowerCase(), cue: describeCue(cue, floor) });
}

// The context of an intent or hand-over card (protocol 1.1) as lines, as events/wording.py
// Words.context words it: what the customer wants (in their words), what is known, what is
// done, how urgent and why. The card shows it instead of the server's prose summary.
export function describeContext(ctx) {
  const intent = ctx.intent || "other";
  const wants = has(`wants.${intent}`) ? t(`wants.${intent}`) : term("intent", intent);
  const facts = Object.entries(ctx.facts || {}).map(([name, value]) => `${term("fact", name)} ${value}`).join(", ");
  const lines = [
    ctx.request ? t("context.wants.said", { wants, said: ctx.request }) : t("context.wants", { wants }),
    t("context.known", { facts: facts || t("context.none") }),
  ];
  if ((ctx.done || []).length) lines.push(t("context.done", { steps: ctx.done.map(doneStep).join("; ") }));
  const urgency = term("urgency", ctx.urgency || "normal");
  const reasons = (ctx.urgency_reasons || []).map(urgencyReason).join("; ");
  lines.push(reasons ? t("context.urgency.why", { urgency, reasons }) : t("context.urgency", { urgency }));
  return lines;
}

// A done step by its title in the agent's language, else its id with spaces.
function doneStep(step) {
  const done = typeof step === "string" ? { step } : step;
  return done.titles?.[uiLanguage()] || String(done.step ?? "").split(".").pop().replace(/_/g, " ");
}

// Why the urgency rose: an alert by its level, signal and basis; the customer's words as said.
function urgencyReason(r) {
  if (r.kind === "deadline" || r.kind === "critical") {
    return t(`context.reason.${r.kind}`, { words: quoted(String(r.words ?? "")) });
  }
  if (r.kind !== "alert") return String(r.kind ?? "").replace(/_/g, " ");
  let what = term("signal", r.signal || "").toLowerCase();
  if (r.basis) what += ` ${t(`basis.${r.basis}`, { run: r.run ?? 0 })}`;
  return t("context.reason.alert", { level: term("level", r.level || "").toLowerCase(), what: what.trim() });
}

// An event's context, or null: events without one (an article card) carry it empty.
function contextOf(e) {
  return e.context && typeof e.context === "object" && Object.keys(e.context).length ? e.context : null;
}

// The context's lines in one paragraph, a line each.
function contextParagraph(ctx, className) {
  const lines = describeContext(ctx).flatMap((line, i) => [i ? el("br") : null, el("span", {}, line)]);
  return el("p", { class: className }, lines);
}

// A trend as a line: stroked in the text's colour and never filled (an SVG polyline fills
// black by default), the newest point dotted; one point is drawn as a flat line, so even the
// first utterance shows.
export function sparkline(values, width = 90, height = 22) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", "sparkline");
  const y = (v) => (height - 2 - Math.min(1, Math.max(0, Number(v) || 0)) * (height - 4)).toFixed(1);
  const shown = values.length === 1 ? [values[0], values[0]] : values;
  const n = shown.length;
  const points = shown.map((v, i) => `${((i / Math.max(1, n - 1)) * (width - 3)).toFixed(1)},${y(v)}`);
  const line = document.createElementNS(ns, "polyline");
  line.setAttribute("points", points.join(" "));
  line.setAttribute("fill", "none");
  line.setAttribute("stroke", "currentColor");
  line.setAttribute("stroke-width", "1.5");
  line.setAttribute("stroke-linejoin", "round");
  const dot = document.createElementNS(ns, "circle");
  dot.setAttribute("cx", (width - 3).toFixed(1));
  dot.setAttribute("cy", y(values[values.length - 1]));
  dot.setAttribute("r", "2");
  dot.setAttribute("fill", "currentColor");
  svg.append(line, dot);
  return svg;
}

export class CallView {
  constructor(root, { readOnly = false, connection = null } = {}) {
    this.root = root;
    this.readOnly = readOnly;
    this.connection = connection;
    this.reset(null);
  }

  reset(callId) {
    this.callId = callId;
    this.over = false;
    this.history = Object.fromEntries(SIGNALS.map(([name]) => [name, []]));
    this.items = new Map(); // topic (or "alert:seq") -> { node, kind, t, order, handledAt }
    this.topics = new Map(); // topic -> the suggestion ids shown on that card
    this.deliveries = new Map(); // draft id -> its `draft.delivery`, drawn again on a redrawn card
    // What was decided on the call's alerts and cards (`decisions`: before a reload, in another
    // tab, by the agent of a call a supervisor watches): applied when the item is drawn.
    this.decided = new Map(); // decisionKey -> { action, text, at }
    this.arrivals = 0;
    this.lines = new Map();
    this.finals = new Map(); // utterance id -> its final, redrawn once the word thresholds are known
    this.limits = null; // the affect stage's word thresholds, from its first event on this call
    this.stuck = true; // the transcript follows its newest line until the agent scrolls up
    this.root.replaceChildren();
    this.status = el("p", { class: "empty", id: "call-status" }, callId ? t("call", { id: callId }) : t("waiting"));
    this.handoffBox = el("div", { id: "handoff" }); // pinned above everything: how the call came in
    this.alerts = el("div", { id: "alerts" });
    // Screen readers hear each alert once, when it arrives: an older one that comes back up
    // front (the newest was handled) is not news.
    this.announcer = el("div", { id: "alert-announcer", class: "visually-hidden", role: "alert", "aria-live": "assertive" });
    this.gauges = el("div", { class: "gauges" }, SIGNALS.map(([name, key]) => this.gauge(name, t(key))));
    // An alert up front whose signal's bar reads lower (the bar is the last line's score; an
    // alert may come from a phrase or a trend) says so under the bars.
    this.gaugeNote = el("p", { class: "gauge-note", id: "gauge-note", hidden: "" });
    this.upFront = null; // the alert event up front, if any
    this.chips = el("div", { class: "chips", id: "assist-chips" });
    this.current = el("div", { id: "current" }, el("p", { class: "empty" }, t("no.suggestions")));
    this.historyCount = el("summary", {}, t("history", { n: 0 }));
    this.historyItems = el("div", { class: "history-items" });
    this.historyBox = el("details", { class: "card history", id: "history", hidden: "" },
      this.historyCount, this.historyItems);
    // One tab stop for the whole transcript; the arrow keys go from line to line (each line
    // says its unsure words), so a long call never fills the tab order with words.
    this.transcriptKeys = el("span", { id: "transcript-keys", class: "visually-hidden" }, t("transcript.keys"));
    this.transcript = el("div", { id: "transcript", "aria-live": "polite", tabindex: "0",
      "aria-describedby": "transcript-keys" });
    this.transcript.addEventListener("keydown", (ev) => this.lineKeys(ev));
    this.described = 0; // lines with an unsure-word description so far (their ids)
    this.chat = false; // a chat (source `chat`): the bot's lines are finals, the agent may reply
    this.replyBox = el("div", { id: "chat-reply" });
    this.transcript.addEventListener("scroll", () => {
      const t = this.transcript;
      this.stuck = t.scrollHeight - t.scrollTop - t.clientHeight < 40;
    });
    // The transcript's box shrinks when an alert or a card appears: keep its newest line in view.
    new ResizeObserver(() => this.follow()).observe(this.transcript);
    this.root.append(
      this.status, this.handoffBox, this.announcer, this.alerts,
      el("section", { class: "card", "aria-label": t("signals") }, el("h2", {}, t("customer")), this.gauges,
        this.gaugeNote),
      el("section", { class: "card", "aria-label": t("assist") }, el("h2", {}, t("assist")), this.chips, this.current),
      this.historyBox,
      el("section", { class: "card transcript", "aria-label": t("transcript") }, el("h2", {}, t("transcript")), this.transcriptKeys, this.transcript),
      this.replyBox,
    );
  }

  follow() {
    if (this.stuck) this.transcript.scrollTop = this.transcript.scrollHeight;
  }

  gauge(name, label) {
    return el("div", { class: "gauge", "data-signal": name, "data-band": "low" },
      el("span", {}, label),
      el("div", { class: "meter", role: "meter", "aria-label": label, "aria-valuemin": "0", "aria-valuemax": "1", "aria-valuenow": "0" },
        el("div", { class: "fill" })),
      el("span", { class: "spark" }));
  }

  show(e) {
    switch (e.type) {
      case "call.started": return this.started(e);
      case "call.ended": return this.ended(e);
      case "transcript.partial": return this.line(e, true);
      case "transcript.final": return this.line(e, false);
      case "affect": return this.affect(e);
      case "alert": return this.alert(e);
      // The server's message is for operators (English, technical): the agent reads the code's words.
      case "error": return this.note(t("call.error", { what: has(`error.${e.code}`) ? t(`error.${e.code}`) : e.code }), e.t);
      case "dtmf": return this.note(t("pressed", { who: e.speaker === "agent" ? t("agent") : t("customer"), digit: e.digit }), e.t);
      case "speech.started": return undefined;
      case "speech.ended": return undefined; // no words in it: nothing to show
      case "bot.say": return this.chat ? undefined : this.botLine(e); // a chat's bot line is a final
      case "bot.stop": return this.botStopped(e);
      case "bot.decision": return undefined; // for QA replay; the card below says what matters
      case "handoff": return this.handoff(e);
      case "draft.delivery": return this.delivery(e);
      case "call.assigned": return undefined; // the call lists show whose call it is now
      case "call.language": return undefined; // finals carry their language; QA reports the decision
      default: return this.assist(e);
    }
  }

  started(e) {
    const agent = e.metadata?.agent_id ? ` · ${t("agent").toLowerCase()} ${e.metadata.agent_id}` : "";
    this.status.textContent = t("call.live", { id: e.call_id, source: term("source", e.source), agent });
    this.status.className = "";
    this.chat = e.source === "chat";
    if (this.chat && !this.readOnly && this.connection) this.replyBox.replaceChildren(this.replyForm());
  }

  ended(e) {
    this.status.textContent = t("call.ended", { id: e.call_id, reason: term("end", e.reason), duration: clock(e.duration || e.t) });
    this.status.className = "notice";
    this.over = true; // the wrap-up draft now comes first
    this.replyBox.replaceChildren(); // the customer has gone: nothing more can reach them
    this.layout();
  }

  line(e, partial) {
    let node = this.lines.get(e.utterance_id);
    if (!node) {
      node = el("div", { class: "line" });
      this.lines.set(e.utterance_id, node);
      this.transcript.append(node);
    }
    node.className = partial ? "line partial" : "line";
    node.dataset.speaker = e.speaker;
    if (!partial) this.finals.set(e.utterance_id, e);
    const heard = partial ? { parts: [e.text], unsure: [] } : heardText(e, this.limits);
    node.replaceChildren(el("span", { class: "t" }, clock(e.start)),
      el("span", { class: "who" }, t(["agent", "bot"].includes(e.speaker) ? e.speaker : "customer")),
      ...heard.parts);
    node.tabIndex = -1; // reached with the arrow keys from the transcript (lineKeys)
    node.removeAttribute("aria-describedby");
    if (heard.unsure.length) {
      const id = node.dataset.describedBy || `unsure-${this.described++}`;
      node.dataset.describedBy = id;
      // Hidden: read as the line's description when it has the focus, never as its text.
      node.append(el("span", { hidden: "", id }, unsureDescription(heard.unsure)));
      node.setAttribute("aria-describedby", id);
    }
    this.follow();
  }

  // Up / Down (and Home / End) from line to line of the transcript; from the transcript
  // itself, the newest line first.
  lineKeys(ev) {
    const keys = ["ArrowUp", "ArrowDown", "Home", "End"];
    if (!keys.includes(ev.key) || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const lines = [...this.transcript.querySelectorAll(".line")];
    if (!lines.length) return;
    const at = lines.indexOf(ev.target.closest(".line"));
    let next = lines.length - 1;
    if (ev.key === "Home") next = 0;
    else if (at >= 0 && ev.key === "ArrowUp") next = Math.max(0, at - 1);
    else if (at >= 0 && ev.key === "ArrowDown") next = Math.min(lines.length - 1, at + 1);
    ev.preventDefault();
    lines[next].focus();
  }

  // An answer card's text into the reply box, for the agent to check and send.
  useAsReply(text, send) {
    const box = this.replyBox.querySelector("textarea");
    if (!box) return;
    box.value = text;
    box.focus();
    send("accept");
  }

  // The agent's written reply to a chat's customer: stored as their line, then sent (chat.reply).
  replyForm() {
    const input = el("textarea", { id: "chat-reply-text", rows: "2", maxlength: "4000" });
    const state = el("span", { class: "state", role: "status" });
    const form = el("form", { class: "card chat-reply", "aria-label": t("chat.reply.title") },
      el("label", { for: "chat-reply-text" }, t("chat.reply.label")), input,
      el("div", { class: "actions" }, el("button", { type: "submit", class: "primary" }, t("chat.reply.send")), " ", state));
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      state.textContent = t("chat.reply.sending");
      try {
        await this.connection.chatReply(this.callId, text);
        input.value = "";
        state.textContent = t("chat.reply.sent");
      } catch (err) {
        state.textContent = t("chat.reply.failed", { reason: term("chat.reply.reason", err.code || err.message) });
      }
    });
    // Ctrl+Enter sends; Enter alone starts a new line, as in the draft editor.
    input.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); form.requestSubmit(); }
    });
    return form;
  }

  botLine(e) {
    const node = el("div", { class: "line", "data-speaker": "bot", "data-prompt-id": e.prompt_id },
      el("span", { class: "t" }, clock(e.t)), el("span", { class: "who" }, t("bot")), e.text);
    this.lines.set(e.prompt_id, node);
    this.transcript.append(node);
    this.follow();
  }

  botStopped(e) {
    const node = this.lines.get(e.prompt_id);
    if (!node) return;
    node.classList.add("cut");
    node.title = t("bot.cut", { s: Number(e.played || 0).toFixed(1) });
  }

  handoff(e) {
    const chips = [["queue", e.queue], ["priority", e.priority], ["intent", term("intent", e.intent || "unknown")],
      ["urgency", term("urgency", e.urgency || "normal")]];
    if (e.in_business_hours === false) chips.push(["hours", t("after.hours")]);
    const facts = Object.entries(e.facts || {}).map(([k, v]) =>
      el("li", {}, el("b", {}, `${term("fact", k)}: `), String(v)));
    const said = (who, lines) => (Array.isArray(lines) && lines.length
      ? [el("div", { class: "details" }, who), el("ul", {}, lines.map((s) => el("li", {}, String(s))))] : []);
    const affect = SIGNALS.map(([name, key]) => {
      const value = Number(e.affect?.[name]) || 0;
      return el("span", { class: "chip", "data-signal": name, "data-band": band(value) }, `${t(key)} ${value.toFixed(2)}`);
    });
    this.handoffBox.replaceChildren(el("section", {
      class: "card handoff", "data-priority": e.priority, "aria-label": t("handoff.label"), tabindex: "0",
    },
    el("h2", {}, t("handoff.title", { t: clock(e.t) })),
    el("div", { class: "reason" }, t("why", { reason: term("handoff.reason", e.reason || "") })),
    el("div", { class: "chips" }, chips.map(([k, v]) =>
      el("span", { class: "chip", "data-field": k }, el("b", {}, `${t(`chip.${k}`)}: `), String(v)))),
    contextOf(e) ? contextParagraph(e.context, "summary context")
      : e.summary ? el("p", { class: "summary" }, e.summary) : null,
    facts.length ? el("ul", { class: "facts" }, facts) : null,
    el("div", { class: "chips affect" }, affect),
    (e.cues || []).length
      ? el("ul", { class: "details cues" }, e.cues.map((c) => el("li", {}, signalCue(c, e.phrase_floor)))) : null,
    said(t("customer.said"), e.customer_said), said(t("bot.said"), e.bot_said)));
  }

  note(text, at) {
    this.transcript.append(el("div", { class: "line partial" }, el("span", { class: "t" }, clock(at)), text));
    this.follow();
  }

  affect(e) {
    // The affect event follows its final: with the thresholds it carries, mark that line's
    // unsure words (and every later line's as it comes).
    this.limits = heardLimits(e) || this.limits;
    const final = this.finals.get(e.utterance_id);
    if (final && this.limits) this.line(final, false);
    if (e.speaker !== "customer") return;
    for (const [name, key] of SIGNALS) {
      const value = Number(e[name]) || 0;
      const history = this.history[name];
      history.push(value);
      if (history.length > 30) history.shift();
      const gauge = this.gauges.querySelector(`[data-signal="${name}"]`);
      gauge.dataset.band = band(value);
      const meter = gauge.querySelector(".meter");
      meter.setAttribute("aria-valuenow", value.toFixed(2));
      meter.title = `${t(key)} ${value.toFixed(2)}`;
      gauge.querySelector(".fill").style.width = `${Math.round(value * 100)}%`;
      gauge.querySelector(".spark").replaceChildren(sparkline(history));
    }
    this.explainGauges();
  }

  // The bar of the up-front alert's signal carries the alert's level; when the bar reads
  // lower than the level (a phrase or a trend raised it, not this line's score), a note says
  // where the alert came from.
  explainGauges() {
    const e = this.upFront;
    for (const gauge of this.gauges.querySelectorAll(".gauge")) {
      if (e && gauge.dataset.signal === e.signal) gauge.dataset.alert = e.level;
      else delete gauge.dataset.alert;
    }
    const gauge = e && this.gauges.querySelector(`[data-signal="${e.signal}"]`);
    const behind = Boolean(gauge) && BAND_RANK[gauge.dataset.band] < (LEVEL_RANK[e.level] ?? 0);
    this.gaugeNote.hidden = !behind;
    this.gaugeNote.textContent = behind ? t("gauge.alert", { level: t(`level.${e.level}`),
      signal: term("signal", e.signal).toLowerCase(), why: alertSource(e) }) : "";
    this.gaugeNote.title = this.gaugeNote.textContent; // cut to one line on screen
    this.follow(); // the note took or gave back a line: the transcript keeps its newest in view
  }

  alert(e) {
    const cues = (e.cues || []).slice(0, ALERT_CUES_SHOWN).map((c) => el("li", {}, describeCue(c, e.phrase_floor)));
    // The reason's cues are the list below it; the whole reason sentence is the title.
    const box = el("div", { class: "alert", "data-level": e.level, "data-seq": e.seq, tabindex: "0",
      title: alertReason(e) },
    el("div", {}, `${t(`level.${e.level}`)} · ${t(`signal.${e.signal}`)} · ${clock(e.t)}`),
    el("div", { class: "why" }, alertReason(e, { cues: cues.length === 0 })),
    cues.length ? el("ul", {}, cues) : null);
    const item = this.remember(`alert:${e.seq}`, box, "alert", e.t);
    item.event = e; // the gauges explain the alert up front (explainGauges)
    const decided = this.decided.get(`alert:${e.seq}`);
    if (!decided) { // an alert the agent answered before a reload is no news
      this.announcer.textContent = `${t(`level.${e.level}`)} · ${t(`signal.${e.signal}`)}: ${alertReason(e, { cues: false })}`;
    }
    if (!this.readOnly) {
      const state = el("span", { class: "state" });
      const send = (action) => this.feedback(item, state, { target: "alert", target_id: e.seq, action });
      box.append(el("div", { class: "actions" },
        el("button", { type: "button", onclick: () => send("accept") }, t("acknowledge")), " ",
        el("button", { type: "button", onclick: () => send("dismiss") }, t("not.relevant")), " ", state));
      box.addEventListener("keydown", (ev) => this.shortcut(ev, { a: () => send("accept"), d: () => send("dismiss") }));
    }
    this.showDecision(item, decided);
    this.layout();
  }

  assist(e) {
    for (const field of CHIP_FIELDS) {
      // Only a value updates a chip: events that do not know the urgency or team (an
      // article card, a draft) carry them empty and must not blank what is known.
      if (e[field] === undefined || e[field] === null || e[field] === "" || typeof e[field] === "object") continue;
      let chip = this.chips.querySelector(`[data-field="${field}"]`);
      if (!chip) this.chips.append((chip = el("span", { class: "chip", "data-field": field })));
      chip.dataset.value = String(e[field]);
      chip.replaceChildren(el("b", {}, `${t(`chip.${field}`)}: `), term(field, e[field]));
    }
    if (!e.suggestion_id || CORE_TYPES.has(e.type)) return;
    // One card per topic: a hand-over for the same reason again updates its card (newest
    // evidence, a count) instead of stacking a twin; other cards update by suggestion id.
    const topic = e.type === "route_to_human" ? `route:${e.reason}` : e.suggestion_id;
    const ids = this.topics.get(topic) || new Set();
    ids.add(e.suggestion_id);
    this.topics.set(topic, ids);
    const kind = e.type === "suggestion" ? e.kind : e.type;
    const card = this.suggestionCard(e, ids.size);
    const old = this.items.get(topic);
    // Updated in place: the same item with a new node, so its place in line, the agent's
    // answer on it (and an answer still on its way) and the keyboard focus all stay.
    const item = old || this.remember(topic, card, kind, e.t);
    if (!this.readOnly) this.suggestionActions(card, e, kind === "draft" ? "draft" : "suggestion", item);
    if (this.deliveries.has(e.suggestion_id)) showDelivery(card, this.deliveries.get(e.suggestion_id));
    if (old) {
      const hadFocus = old.node.contains(document.activeElement);
      const said = old.node.querySelector(".state")?.textContent;
      if (old.node.dataset.state) card.dataset.state = old.node.dataset.state;
      if (said && card.querySelector(".state")) card.querySelector(".state").textContent = said;
      old.node.replaceWith(card);
      old.node = card;
      if (hadFocus) card.focus();
    }
    this.showDecision(item, this.decisionOn(ids));
    this.layout();
  }

  // The server's `decisions`: what was answered on this call's alerts and cards before this
  // page drew them (a reload, a reconnect), in another tab, or by the agent a supervisor watches.
  decide(decisions) {
    const mine = (decisions || []).filter((d) => d.call_id === this.callId && DECIDED_TARGETS.has(d.target));
    for (const d of mine) {
      this.decided.set(decisionKey(d), d);
      const item = d.target === "alert" ? this.items.get(`alert:${d.target_id}`) : this.cardOf(d.target_id);
      if (item) this.showDecision(item, d);
    }
    if (mine.length) this.layout();
  }

  cardOf(suggestionId) {
    for (const [topic, ids] of this.topics) if (ids.has(suggestionId)) return this.items.get(topic);
    return undefined;
  }

  // The newest decision on any of a card's suggestion ids (a hand-over card carries several).
  decisionOn(ids) {
    let newest = null;
    for (const id of ids) {
      const d = this.decided.get(`card:${id}`);
      if (d && (!newest || d.at >= newest.at)) newest = d;
    }
    return newest;
  }

  // A decision made elsewhere or earlier, shown as the agent's own answer is, without the
  // linger: a handled item goes straight to the history; a saved draft stays, with its text.
  showDecision(item, d) {
    if (!d) return;
    const node = item.node;
    node.dataset.state = d.action;
    let state = node.querySelector(".state");
    if (!state) node.append((state = el("span", { class: "state" }))); // a read-only view has none
    state.textContent = stateWord(node, d.action);
    if (node.classList.contains("alert")) node.classList.add("done");
    const editor = node.querySelector("textarea");
    if (editor && d.text && editor !== document.activeElement) editor.value = d.text;
    if (d.action !== "edit" && item.handledAt === null) item.handledAt = -Infinity;
  }

  // What became of a sent draft (by e-mail, or why not): said on its card, which stays where it is.
  delivery(e) {
    this.deliveries.set(e.draft_id, e);
    const item = this.items.get(e.draft_id);
    if (item) showDelivery(item.node, e);
  }

  remember(key, node, kind, at) {
    const item = { node, kind, t: at, order: this.arrivals++, handledAt: null };
    this.items.set(key, item);
    return item;
  }

  // Which alert and which card are up front, the rest in the history, newest first.
  layout() {
    const now = performance.now();
    const open = (item) => item.handledAt === null || now - item.handledAt < HANDLED_LINGER_MS;
    const all = [...this.items.values()];
    const newestFirst = (a, b) => b.t - a.t || b.order - a.order;
    const alert = all.filter((i) => i.kind === "alert" && open(i)).sort(newestFirst)[0];
    const rank = (i) => (i.kind === "draft" && this.over ? 0 : i.kind === "route_to_human" ? 1
      : i.kind === "intent" ? 3 : 2);
    // Cards of one moment (the steps of a playbook) keep the order they came in.
    const card = all.filter((i) => i.kind !== "alert" && open(i))
      .sort((a, b) => rank(a) - rank(b) || b.t - a.t || a.order - b.order)[0];
    const focused = all.find((i) => i.node.contains(document.activeElement));
    this.place(this.alerts, alert ? [alert.node] : []);
    this.upFront = alert ? alert.event : null;
    this.explainGauges();
    this.place(this.current, [card ? card.node : el("p", { class: "empty" },
      all.some((i) => i.kind !== "alert") ? t("nothing.open") : t("no.suggestions"))]);
    const earlier = all.filter((i) => i !== alert && i !== card).sort(newestFirst);
    this.place(this.historyItems, earlier.map((i) => i.node));
    this.historyCount.textContent = t("history", { n: earlier.length });
    this.historyBox.hidden = earlier.length === 0;
    // The agent handled the card they were on: the next one up front takes the focus.
    // Only for a handled one: a card that was merely outranked keeps no focus to act on by mistake.
    // The next item of the same kind first: after acknowledging an alert with "a", the next
    // "a" must not accept a suggestion.
    if (focused && focused.handledAt !== null && focused !== card && focused !== alert
      && !this.historyBox.open) (focused.kind === "alert" ? alert || card : card || alert)?.node.focus();
    this.follow();
  }

  place(box, nodes) {
    // Move only what is out of place: moving a node takes the keyboard focus away from it,
    // and an agent working in the open history must keep their place there.
    nodes.forEach((node, i) => {
      if (box.children[i] !== node) box.insertBefore(node, box.children[i] || null);
    });
    while (box.children.length > nodes.length) box.lastElementChild.remove();
  }

  suggestionCard(e, times = 1) {
    const kind = e.kind || e.type;
    const isDraft = e.type === "draft" || kind === "draft";
    const isRoute = /route/.test(e.type) || /route/.test(kind);
    const translated = e.translations?.[uiLanguage()];
    // A next step is its instruction, in the agent's language when the playbook has it.
    const title = kind === "next_step" ? (translated || e.text)
      : kind === "intent" ? term("intent", e.intent || e.item)
        : e.title || e.subject || (isRoute ? term("route", e.reason || "") : "");
    const card = el("article", { class: `suggestion${isRoute ? " route" : ""}`, "data-suggestion-id": e.suggestion_id,
      "data-type": e.type, "data-kind": kind, tabindex: "0", "aria-label": `${term("kind", kind)}: ${title}` });
    card.append(el("div", { class: "kind" }, term("kind", kind)));
    // An intent the evidence does not support yet is shown as "not sure yet", never as a guess.
    const notSure = kind === "intent" && e.status === "not_sure";
    if (notSure) card.dataset.status = "not_sure";
    if (title) {
      card.append(el("h3", {}, title,
        times > 1 ? el("span", { class: "count", title: t("times", { n: times }) }, ` ×${times}`) : null));
    }
    // A card found from words whisper was unsure of says so: it may answer what was never said.
    if (typeof e.heard === "number" && this.limits && e.heard < this.limits.trustHigh) {
      card.append(trustMark("p", e.heard, t("card.trust"), t("unclear")));
    }
    // An intent card's text is the prose summary its context replaces.
    const body = kind === "next_step" || (kind === "intent" && contextOf(e)) ? "" : e.body ?? e.text;
    if (notSure && has(`not_sure.${e.missing}`)) card.append(el("p", { class: "not-sure" }, t(`not_sure.${e.missing}`)));
    const editor = isDraft ? el("textarea", { class: "draft", "aria-label": t("draft.reply") }) : null;
    if (editor) { editor.value = body || ""; card.append(editor, el("p", { class: "delivery", role: "status" })); }
    else if (kind === "article" && body) card.append(el("blockquote", {}, body)); // the matched passage
    else if (body) card.append(el("p", {}, body));
    // A hand-over's title is its reason in the agent's language; the server's explanation (in
    // English, with the specifics, e.g. which record value differs) follows in an English UI,
    // while in another language the quoted evidence below says it in the caller's own words.
    const explanation = isRoute && uiLanguage() !== "en" ? "" : e.explanation;
    if (explanation && explanation !== title) card.append(el("p", {}, explanation));
    if (contextOf(e) && !notSure) card.append(contextParagraph(e.context, "context"));
    else if (e.summary) card.append(el("p", {}, e.summary));
    const passage = e.passage || e.matched_passage;
    if (passage) card.append(el("blockquote", {}, passage));
    if (e.quote) card.append(el("p", { class: "details" }, t("customer.quote", { quote: e.quote })));
    for (const article of Array.isArray(e.articles) ? e.articles : []) {
      card.append(el("div", {}, el("b", {}, article.title || article.id || t("article")),
        article.passage ? el("blockquote", {}, article.passage) : null));
    }
    for (const [key, list] of Object.entries(e)) {
      if (!Array.isArray(list) || !list.length || key === "articles" || key === "article_intents") continue;
      const items = list.map((s) => el("li", {}, typeof s === "string" ? s : s.text || JSON.stringify(s)));
      card.append(el("div", { class: "details" }, term("field", key)), el(key.includes("step") ? "ol" : "ul", {}, items));
    }
    const extra = Object.entries(e).filter(([k, v]) => !SHOWN_FIELDS.has(k) && !CHIP_FIELDS.includes(k)
      && v !== null && typeof v !== "object" && v !== "" && v !== 0);
    const shown = extra.flatMap(([k, v]) => [el("dt", {}, term("field", k)), el("dd", {}, typeof v === "number" ? +v.toFixed(2) : v)]);
    if (shown.length) card.append(el("dl", { class: "details" }, shown));
    return card;
  }

  suggestionActions(card, e, target, item) {
    const editor = card.querySelector("textarea");
    const state = el("span", { class: "state", role: "status" });
    const send = (action) => this.feedback(item, state, {
      target, target_id: e.suggestion_id, action, text: editor ? editor.value : "",
    });
    const buttons = [el("button", { type: "button", class: "primary", onclick: () => send("accept") }, t("accept"))];
    if (editor) {
      buttons.push(el("button", { type: "button", onclick: () => send("edit") }, t("save.edit")));
      buttons.push(el("button", { type: "button", onclick: () => send("send") }, t("send")));
    }
    // On a live chat, an answer card's text can start the agent's reply: accepted, then edited
    // in the reply box and sent from there.
    if (e.kind === "answer" && this.replyBox.querySelector("textarea")) {
      buttons.push(el("button", { type: "button", onclick: () => this.useAsReply(e.text || "", send) },
        t("chat.reply.use")));
    }
    buttons.push(el("button", { type: "button", onclick: () => send("dismiss") }, t("dismiss")));
    card.append(el("div", { class: "actions" }, buttons, state));
    card.addEventListener("keydown", (ev) => this.shortcut(ev, {
      a: () => send("accept"), d: () => send("dismiss"), e: () => editor?.focus(), s: () => editor && send("send"),
    }));
  }

  shortcut(ev, keys) {
    // Single-key shortcuts on a focused card; never while typing in the draft editor.
    if (ev.target.tagName === "TEXTAREA" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const run = keys[ev.key];
    if (run) { ev.preventDefault(); run(); }
  }

  async feedback(item, state, fields) {
    if (!this.connection) return;
    state.textContent = "…";
    try {
      const ack = await this.connection.feedback({ call_id: this.callId, ...fields });
      const card = item.node; // the card may have been updated in place meanwhile
      card.dataset.state = ack.action;
      // Kept, so a card redrawn later (an update of it) still shows the answer and the text.
      this.decided.set(decisionKey(ack), { ...ack, text: fields.text, at: Date.now() / 1000 });
      (card.querySelector(".state") || state).textContent = stateWord(card, ack.action);
      if (ack.channel === "chat") chatDelivery(card, ack); // a chat draft went (or not) to the customer
      if (card.classList.contains("alert")) card.classList.add("done");
      // Saving an edit keeps the draft open; every other answer hands the place to the next.
      if (ack.action !== "edit") {
        item.handledAt = performance.now();
        setTimeout(() => this.layout(), HANDLED_LINGER_MS + 20);
      }
    } catch (err) {
      (item.node.querySelector(".state") || state).textContent = t("state.failed", { error: err.message });
    }
  }
}
