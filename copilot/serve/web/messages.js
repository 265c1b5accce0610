// Every text the sidebar and the supervisor view show, in Dutch and English, from
// messages.json (every Python reader words events from the same catalogue: events/wording.py).
// The language: the agent's token setting (`copilot token add … --ui-language nl`, sent in
// `hello`), else the browser's language, else English. What callers said is never translated.

// Fetched, not imported as a JSON module: those need browsers from 2025 on, and contact
// centres run older ones (Firefox ESR 128).
const CATALOGUE = await (await fetch(new URL("./messages.json", import.meta.url))).json();

export const LANGUAGES = Object.keys(CATALOGUE);
let language = fromBrowser();

function fromBrowser() {
  const wanted = (navigator.languages || [navigator.language || "en"]).map((l) => l.slice(0, 2));
  return wanted.find((l) => LANGUAGES.includes(l)) || "en";
}

export function uiLanguage() {
  return language;
}

// Sent on `document` once the language changed: what a script drew itself (the connection
// badge) draws itself again in the new language.
export const LANGUAGE_CHANGED = "copilot:language";

// The token's setting wins over the browser's; "" keeps the browser's choice.
export function setLanguage(wanted) {
  const next = LANGUAGES.includes(wanted) ? wanted : language;
  if (next === language && document.documentElement.lang === next) return false;
  language = next;
  translatePage();
  document.dispatchEvent(new Event(LANGUAGE_CHANGED));
  return true;
}

export function has(key) {
  return key in CATALOGUE[language] || key in CATALOGUE.en;
}

// A catalogue term, else the server's own word (an intent or reason the catalogue does not know).
export function term(prefix, value) {
  const key = `${prefix}.${value}`;
  return has(key) ? t(key) : String(value ?? "").replace(/_/g, " ");
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
