// Every text the sidebar and the supervisor view show, in Dutch and English.
// The language: the agent's token setting (`copilot token add … --ui-language nl`, sent in
// `hello`), else the browser's language, else English. What callers said is never translated.

const CATALOGUE = {
  en: {
    "skip.call": "Skip to the call",
    "skip.calls": "Skip to the calls",
    "call.label": "Call",
    "token.label": "Access token",
    "token.supervisor": "Supervisor token",
    "connect": "Connect",
    "waiting": "Waiting for a call…",
    "call": "Call {id}",
    "call.live": "Live call {id} ({source}{agent})",
    "call.ended": "Call {id} ended ({reason}) after {duration}",
    "customer": "Customer",
    "agent": "Agent",
    "bot": "Bot",
    "signals": "Customer signals",
    "assist": "Assist",
    "transcript": "Transcript",
    "no.suggestions": "No suggestions yet.",
    "signal.frustration": "Frustration",
    "signal.doubt": "Doubt",
    "signal.load": "Load",
    "level.early_warning": "Early warning",
    "level.escalate": "Escalate",
    "level.take_over": "Take over",
    "acknowledge": "Acknowledge",
    "not.relevant": "Not relevant",
    "accept": "Accept",
    "save.edit": "Save edit",
    "send": "Send",
    "dismiss": "Dismiss",
    "needs.person": "Needs a person: {reason}",
    "draft.reply": "Draft reply",
    "article": "Article",
    "handoff.title": "Handed over by the voicebot · {t}",
    "handoff.label": "Handed over by the voicebot",
    "why": "Why: {reason}",
    "customer.said": "Customer said",
    "bot.said": "Bot said",
    "heard": "heard {pct}%",
    "unclear": " (unclear audio)",
    "chip.intent": "intent",
    "chip.urgency": "urgency",
    "chip.team": "team",
    "chip.route": "route",
    "chip.complexity": "complexity",
    "state.offline": "offline",
    "state.connecting": "connecting",
    "state.connected": "connected",
    "state.reconnecting": "reconnecting",
    "state.refused": "refused",
    "calls.by.risk": "Calls by risk",
    "col.call": "Call",
    "col.risk": "Risk",
    "col.trend": "Trend",
    "col.latest": "Latest",
    "no.calls": "No calls yet.",
    "pick.call": "Pick a call to follow it read-only.",
    "open.call": "Open call",
    "filter.label": "Filter by agent or text",
    "take.over": "Take over suggested · {id} · agent {agent}",
    "unassigned": "unassigned",
    "ended.reason": "ended ({reason})",
    "risk.label": "call {id}, risk {risk}",
    "times": "raised {n} times; the newest evidence is shown",
  },
  nl: {
    "skip.call": "Naar het gesprek",
    "skip.calls": "Naar de gesprekken",
    "call.label": "Gesprek",
    "token.label": "Toegangstoken",
    "token.supervisor": "Token van de teamleider",
    "connect": "Verbinden",
    "waiting": "Wachten op een gesprek…",
    "call": "Gesprek {id}",
    "call.live": "Lopend gesprek {id} ({source}{agent})",
    "call.ended": "Gesprek {id} beëindigd ({reason}) na {duration}",
    "customer": "Klant",
    "agent": "Medewerker",
    "bot": "Bot",
    "signals": "Signalen van de klant",
    "assist": "Hulp",
    "transcript": "Transcript",
    "no.suggestions": "Nog geen suggesties.",
    "signal.frustration": "Frustratie",
    "signal.doubt": "Twijfel",
    "signal.load": "Belasting",
    "level.early_warning": "Vroege waarschuwing",
    "level.escalate": "Escaleren",
    "level.take_over": "Overnemen",
    "acknowledge": "Gezien",
    "not.relevant": "Niet relevant",
    "accept": "Gebruiken",
    "save.edit": "Wijziging bewaren",
    "send": "Versturen",
    "dismiss": "Negeren",
    "needs.person": "Heeft een mens nodig: {reason}",
    "draft.reply": "Conceptantwoord",
    "article": "Artikel",
    "handoff.title": "Doorgezet door de voicebot · {t}",
    "handoff.label": "Doorgezet door de voicebot",
    "why": "Waarom: {reason}",
    "customer.said": "De klant zei",
    "bot.said": "De bot zei",
    "heard": "verstaan {pct}%",
    "unclear": " (onduidelijk geluid)",
    "chip.intent": "vraag",
    "chip.urgency": "urgentie",
    "chip.team": "team",
    "chip.route": "route",
    "chip.complexity": "complexiteit",
    "state.offline": "offline",
    "state.connecting": "verbinden",
    "state.connected": "verbonden",
    "state.reconnecting": "opnieuw verbinden",
    "state.refused": "geweigerd",
    "calls.by.risk": "Gesprekken op risico",
    "col.call": "Gesprek",
    "col.risk": "Risico",
    "col.trend": "Verloop",
    "col.latest": "Laatste",
    "no.calls": "Nog geen gesprekken.",
    "pick.call": "Kies een gesprek om het mee te lezen.",
    "open.call": "Gesprek openen",
    "filter.label": "Filteren op medewerker of tekst",
    "take.over": "Overnemen voorgesteld · {id} · medewerker {agent}",
    "unassigned": "niet toegewezen",
    "ended.reason": "beëindigd ({reason})",
    "risk.label": "gesprek {id}, risico {risk}",
    "times": "{n} keer gemeld; het nieuwste bewijs staat erbij",
  },
};

export const LANGUAGES = Object.keys(CATALOGUE);
let language = fromBrowser();

function fromBrowser() {
  const wanted = (navigator.languages || [navigator.language || "en"]).map((l) => l.slice(0, 2));
  return wanted.find((l) => LANGUAGES.includes(l)) || "en";
}

export function uiLanguage() {
  return language;
}

// The token's setting wins over the browser's; "" keeps the browser's choice.
export function setLanguage(wanted) {
  const next = LANGUAGES.includes(wanted) ? wanted : language;
  if (next === language && document.documentElement.lang === next) return false;
  language = next;
  translatePage();
  return true;
}

export function t(key, values = {}) {
  const text = CATALOGUE[language][key] ?? CATALOGUE.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

// Static page text: elements with data-i18n (their text) or data-i18n-label (aria-label).
export function translatePage(root = document) {
  document.documentElement.lang = language;
  for (const node of root.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll("[data-i18n-label]")) {
    node.setAttribute("aria-label", t(node.dataset.i18nLabel));
  }
}
