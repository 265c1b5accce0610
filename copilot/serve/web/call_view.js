// One call on screen: the voicebot's hand-over card, alerts, customer gauges, assist
// suggestions, transcript (the bot's own lines included).
//
// Driven only by events (docs/protocol.md). Assist events are drawn generically from
// their fields (suggestion_id, kind, title, text, passage, articles, steps…), so a new
// kind of suggestion shows up without a change here. All text goes in via textContent.

import { t } from "./messages.js";

// Signal names are looked up when drawn, so a language set by `hello` applies.
const SIGNALS = [["frustration", "signal.frustration"], ["doubt", "signal.doubt"], ["load", "signal.load"]];
const CORE_TYPES = new Set(["call.started", "call.ended", "speech.started", "speech.ended", "transcript.partial",
  "transcript.final", "dtmf", "error", "affect", "alert"]);
const CHIP_FIELDS = ["intent", "urgency", "team", "route", "complexity"];
const SHOWN_FIELDS = new Set(["type", "v", "call_id", "seq", "t", "suggestion_id", "kind", "title",
  "text", "body", "subject", "explanation", "summary", "quote", "passage", "matched_passage", "articles",
  "speaker", "utterance_id", "item", "language", "heard"]);
// Words whisper heard with less than this probability are marked unsure (the affect stage's
// default phrase_confidence_floor); an utterance whose words average below TRUST_HIGH
// (affect asr_trust_high) shows its transcript trust.
const UNSURE_BELOW = 0.5;
const TRUST_HIGH = 0.75;

// "heard NN%": how surely whisper heard a line, or the words a card was built on.
function trustMark(tag, probability, title, note = "") {
  return el(tag, { class: "trust", title }, t("heard", { pct: Math.round(100 * probability) }) + note);
}

// A final's text with the words whisper was unsure of marked: dotted, probability on hover
// and focus. Whisper's words are found in the text in order; the text itself is never changed.
export function heardText(e) {
  const text = String(e.text ?? "");
  const words = Array.isArray(e.words) ? e.words : [];
  if (!words.length) return [text];
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
    if (p >= UNSURE_BELOW) continue;
    const label = `unsure: heard with probability ${p.toFixed(2)}`;
    out.push(text.slice(shown, at),
      el("span", { class: "unsure", title: label, "aria-label": `${token} (${label})`, tabindex: "0" }, token));
    shown = cursor;
  }
  out.push(text.slice(shown));
  const trust = sum / words.length;
  if (trust < TRUST_HIGH) out.push(trustMark("span", trust, "mean word probability of this line"));
  return out;
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

export function sparkline(values, width = 90, height = 22) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("aria-hidden", "true");
  const line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
  const n = values.length;
  const points = values.map((v, i) => {
    const x = n < 2 ? width : (i / (n - 1)) * width;
    return `${x.toFixed(1)},${(height - 1 - v * (height - 2)).toFixed(1)}`;
  });
  line.setAttribute("points", points.join(" "));
  svg.append(line);
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
    this.history = Object.fromEntries(SIGNALS.map(([name]) => [name, []]));
    this.cards = new Map(); // topic -> its card
    this.topics = new Map(); // topic -> the suggestion ids shown on that card
    this.lines = new Map();
    this.root.replaceChildren();
    this.status = el("p", { class: "empty", id: "call-status" }, callId ? t("call", { id: callId }) : t("waiting"));
    this.handoffBox = el("div", { id: "handoff" }); // pinned above everything: how the call came in
    this.alerts = el("div", { id: "alerts", role: "alert", "aria-live": "assertive" });
    this.gauges = el("div", { class: "gauges" }, SIGNALS.map(([name, key]) => this.gauge(name, t(key))));
    this.chips = el("div", { class: "chips", id: "assist-chips" });
    this.suggestions = el("div", { id: "suggestions" }, el("p", { class: "empty" }, t("no.suggestions")));
    this.transcript = el("div", { id: "transcript", "aria-live": "polite", tabindex: "0" });
    this.root.append(
      this.status, this.handoffBox, this.alerts,
      el("section", { class: "card", "aria-label": t("signals") }, el("h2", {}, t("customer")), this.gauges),
      el("section", { class: "card", "aria-label": t("assist") }, el("h2", {}, t("assist")), this.chips, this.suggestions),
      el("section", { class: "card", "aria-label": t("transcript") }, el("h2", {}, t("transcript")), this.transcript),
    );
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
      case "error": return this.note(`⚠ ${e.code}: ${e.message}`, e.t);
      case "dtmf": return this.note(`${e.speaker} pressed ${e.digit}`, e.t);
      case "speech.started": return undefined;
      case "speech.ended": return undefined; // no words in it: nothing to show
      case "bot.say": return this.botLine(e);
      case "bot.stop": return this.botStopped(e);
      case "bot.decision": return undefined; // for QA replay; the card below says what matters
      case "handoff": return this.handoff(e);
      default: return this.assist(e);
    }
  }

  started(e) {
    const agent = e.metadata?.agent_id ? ` · agent ${e.metadata.agent_id}` : "";
    this.status.textContent = t("call.live", { id: e.call_id, source: e.source, agent });
    this.status.className = "";
  }

  ended(e) {
    this.status.textContent = t("call.ended", { id: e.call_id, reason: e.reason, duration: clock(e.duration || e.t) });
    this.status.className = "notice";
  }

  line(e, partial) {
    const stick = this.transcript.scrollHeight - this.transcript.scrollTop - this.transcript.clientHeight < 40;
    let node = this.lines.get(e.utterance_id);
    if (!node) {
      node = el("div", { class: "line" });
      this.lines.set(e.utterance_id, node);
      this.transcript.append(node);
    }
    node.className = partial ? "line partial" : "line";
    node.dataset.speaker = e.speaker;
    node.replaceChildren(el("span", { class: "t" }, clock(e.start)),
      el("span", { class: "who" }, e.speaker === "agent" ? t("agent") : t("customer")),
      ...(partial ? [e.text] : heardText(e)));
    if (stick) this.transcript.scrollTop = this.transcript.scrollHeight;
  }

  botLine(e) {
    const node = el("div", { class: "line", "data-speaker": "bot", "data-prompt-id": e.prompt_id },
      el("span", { class: "t" }, clock(e.t)), el("span", { class: "who" }, t("bot")), e.text);
    this.lines.set(e.prompt_id, node);
    this.transcript.append(node);
  }

  botStopped(e) {
    const node = this.lines.get(e.prompt_id);
    if (!node) return;
    node.classList.add("cut");
    node.title = `the caller spoke after ${Number(e.played || 0).toFixed(1)} s`;
  }

  handoff(e) {
    const chips = [["queue", e.queue], ["priority", e.priority], ["intent", e.intent || "unknown"],
      ["urgency", e.urgency || "normal"]];
    if (e.in_business_hours === false) chips.push(["hours", "after hours"]);
    const facts = Object.entries(e.facts || {}).map(([k, v]) =>
      el("li", {}, el("b", {}, `${k.replace(/_/g, " ")}: `), String(v)));
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
    el("div", { class: "reason" }, t("why", { reason: String(e.reason || "").replace(/_/g, " ") })),
    el("div", { class: "chips" }, chips.map(([k, v]) =>
      el("span", { class: "chip", "data-field": k }, el("b", {}, `${k}: `), String(v)))),
    e.summary ? el("p", { class: "summary" }, e.summary) : null,
    facts.length ? el("ul", { class: "facts" }, facts) : null,
    el("div", { class: "chips affect" }, affect),
    (e.cues || []).length ? el("ul", { class: "details" }, e.cues.map((c) => el("li", {}, String(c)))) : null,
    said(t("customer.said"), e.customer_said), said(t("bot.said"), e.bot_said)));
  }

  note(text, t) {
    this.transcript.append(el("div", { class: "line partial" }, el("span", { class: "t" }, clock(t)), text));
  }

  affect(e) {
    if (e.speaker !== "customer") return;
    for (const [name] of SIGNALS) {
      const value = Number(e[name]) || 0;
      const history = this.history[name];
      history.push(value);
      if (history.length > 30) history.shift();
      const gauge = this.gauges.querySelector(`[data-signal="${name}"]`);
      gauge.dataset.band = band(value);
      const meter = gauge.querySelector(".meter");
      meter.setAttribute("aria-valuenow", value.toFixed(2));
      meter.title = `${name} ${value.toFixed(2)}`;
      gauge.querySelector(".fill").style.width = `${Math.round(value * 100)}%`;
      gauge.querySelector(".spark").replaceChildren(sparkline(history));
    }
  }

  alert(e) {
    const cues = (e.cues || []).slice(0, 4).map((c) => el("li", {}, c.evidence));
    const box = el("div", { class: "alert", "data-level": e.level, "data-seq": e.seq, tabindex: "0" },
      el("div", {}, `${t(`level.${e.level}`)} · ${t(`signal.${e.signal}`)} · ${clock(e.t)}`),
      el("div", { class: "why" }, e.reason),
      cues.length ? el("ul", {}, cues) : null);
    if (!this.readOnly) {
      const state = el("span", { class: "state" });
      const send = (action) => this.feedback(box, state, { target: "alert", target_id: e.seq, action });
      box.append(el("div", { class: "actions" },
        el("button", { type: "button", onclick: () => send("accept") }, t("acknowledge")), " ",
        el("button", { type: "button", onclick: () => send("dismiss") }, t("not.relevant")), " ", state));
      box.addEventListener("keydown", (ev) => this.shortcut(ev, { a: () => send("accept"), d: () => send("dismiss") }));
    }
    this.alerts.prepend(box);
  }

  assist(e) {
    for (const field of CHIP_FIELDS) {
      // Only a value updates a chip: events that do not know the urgency or team (an
      // article card, a draft) carry them empty and must not blank what is known.
      if (e[field] === undefined || e[field] === null || e[field] === "" || typeof e[field] === "object") continue;
      let chip = this.chips.querySelector(`[data-field="${field}"]`);
      if (!chip) this.chips.append((chip = el("span", { class: "chip", "data-field": field })));
      chip.replaceChildren(el("b", {}, `${t(`chip.${field}`)}: `), String(e[field]));
    }
    if (!e.suggestion_id || CORE_TYPES.has(e.type)) return;
    this.suggestions.querySelector(".empty")?.remove();
    // One card per topic: a hand-over for the same reason again updates its card (newest
    // evidence, a count) instead of stacking a twin; other cards update by suggestion id.
    const topic = e.type === "route_to_human" ? `route:${e.reason}` : e.suggestion_id;
    const ids = this.topics.get(topic) || new Set();
    ids.add(e.suggestion_id);
    this.topics.set(topic, ids);
    const old = this.cards.get(topic);
    const card = this.suggestionCard(e, ids.size);
    this.cards.set(topic, card);
    if (old) old.replaceWith(card); else this.suggestions.prepend(card);
  }

  suggestionCard(e, times = 1) {
    const kind = e.kind || e.type;
    const isDraft = e.type === "draft" || kind === "draft";
    const isRoute = /route/.test(e.type) || /route/.test(kind);
    const title = e.title || e.subject || (isRoute ? t("needs.person", { reason: e.reason || "" }) : "");
    const card = el("article", { class: `suggestion${isRoute ? " route" : ""}`, "data-suggestion-id": e.suggestion_id,
      "data-type": e.type, "data-kind": kind, tabindex: "0", "aria-label": title || kind });
    card.append(el("div", { class: "kind" }, kind.replace(/_/g, " ")));
    if (title) {
      card.append(el("h3", {}, title,
        times > 1 ? el("span", { class: "count", title: t("times", { n: times }) }, ` ×${times}`) : null));
    }
    // A card found from words whisper was unsure of says so: it may answer what was never said.
    if (typeof e.heard === "number" && e.heard < TRUST_HIGH) {
      card.append(trustMark("p", e.heard, "mean word probability of the customer words behind this card",
        t("unclear")));
    }
    const body = e.body ?? e.text;
    const editor = isDraft ? el("textarea", { class: "draft", "aria-label": t("draft.reply") }) : null;
    if (editor) { editor.value = body || ""; card.append(editor); }
    else if (kind === "article" && body) card.append(el("blockquote", {}, body)); // the matched passage
    else if (body) card.append(el("p", {}, body));
    for (const text of [e.explanation, e.summary]) if (text) card.append(el("p", {}, text));
    const passage = e.passage || e.matched_passage;
    if (passage) card.append(el("blockquote", {}, passage));
    if (e.quote) card.append(el("p", { class: "details" }, `customer: “${e.quote}”`));
    for (const article of Array.isArray(e.articles) ? e.articles : []) {
      card.append(el("div", {}, el("b", {}, article.title || article.id || t("article")),
        article.passage ? el("blockquote", {}, article.passage) : null));
    }
    for (const [key, list] of Object.entries(e)) {
      if (!Array.isArray(list) || !list.length || key === "articles") continue;
      const items = list.map((s) => el("li", {}, typeof s === "string" ? s : s.text || JSON.stringify(s)));
      card.append(el("div", { class: "details" }, key.replace(/_/g, " ")), el(key.includes("step") ? "ol" : "ul", {}, items));
    }
    const extra = Object.entries(e).filter(([k, v]) => !SHOWN_FIELDS.has(k) && !CHIP_FIELDS.includes(k)
      && v !== null && typeof v !== "object" && v !== "" && v !== 0);
    const shown = extra.flatMap(([k, v]) => [el("dt", {}, k.replace(/_/g, " ")), el("dd", {}, typeof v === "number" ? +v.toFixed(2) : v)]);
    if (shown.length) card.append(el("dl", { class: "details" }, shown));
    if (!this.readOnly) this.suggestionActions(card, e, isDraft ? "draft" : "suggestion", editor);
    return card;
  }

  suggestionActions(card, e, target, editor) {
    const state = el("span", { class: "state", role: "status" });
    const send = (action) => this.feedback(card, state, {
      target, target_id: e.suggestion_id, action, text: editor ? editor.value : "",
    });
    const buttons = [el("button", { type: "button", class: "primary", onclick: () => send("accept") }, t("accept"))];
    if (editor) {
      buttons.push(el("button", { type: "button", onclick: () => send("edit") }, t("save.edit")));
      buttons.push(el("button", { type: "button", onclick: () => send("send") }, t("send")));
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

  async feedback(card, state, fields) {
    if (!this.connection) return;
    state.textContent = "…";
    try {
      const ack = await this.connection.feedback({ call_id: this.callId, ...fields });
      card.dataset.state = ack.action;
      state.textContent = `${ack.action === "accept" ? "accepted" : ack.action === "send" ? "sent" : ack.action === "edit" ? "saved" : "dismissed"} ✓`;
      if (card.classList.contains("alert")) card.classList.add("done");
    } catch (err) {
      state.textContent = `not saved: ${err.message}`;
    }
  }
}
