// The agent's own ended calls of today (their shift), paged from the store as the
// supervisor's history is: a short "Today (N)" in the bar that opens a list over the call,
// so the sidebar stays one screen.
// A call picked from it opens in the sidebar, its events replayed from the store.

import { clock, el } from "./call_view.js";
import { HistoryPages } from "./history.js";
import { t, term, uiLanguage } from "./messages.js";

const SIZE = 10;

export class MyCalls {
  constructor(root, connection, open) {
    this.root = root;
    this.open = open;
    this.pages = new HistoryPages(connection, { size: SIZE, onPage: (reply) => this.draw(reply) });
    this.summary = el("summary", {}, t("my.calls.short", { n: "…" }));
    this.list = el("ol", { class: "my-calls-list" });
    this.empty = el("p", { class: "empty" }, t("my.calls.none"));
    this.pageOf = el("span", { role: "status" });
    this.prev = el("button", { type: "button", onclick: () => this.pages.go(-1) }, t("page.prev"));
    this.next = el("button", { type: "button", onclick: () => this.pages.go(1) }, t("page.next"));
    root.replaceChildren(this.summary, el("div", { class: "my-calls-pop" },
      el("h2", {}, t("my.calls", { n: "…" })), this.list, this.empty,
      el("div", { class: "pager" }, this.prev, " ", this.pageOf, " ", this.next)));
    root.hidden = false;
    this.pages.load();
  }

  draw(reply) {
    this.summary.textContent = t("my.calls.short", { n: reply.total });
    this.summary.title = t("my.calls", { n: reply.total });
    this.root.querySelector(".my-calls-pop > h2").textContent = t("my.calls", { n: reply.total });
    this.list.replaceChildren(...reply.calls.map((c) => {
      const at = new Date(c.ended_at * 1000).toLocaleTimeString(uiLanguage(), { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
      const level = c.level ? ` · ${t(`level.${c.level}`)}` : "";
      const text = `${at} · ${c.call_id} · ${clock(c.duration)} · ${term("end", c.end_reason)}${level}`;
      return el("li", {}, el("button", { type: "button", class: "my-call", "data-call-id": c.call_id,
        onclick: () => { this.root.open = false; this.open(c.call_id); } }, text));
    }));
    this.empty.hidden = reply.calls.length > 0;
    this.pageOf.textContent = t("page.of", { page: reply.page + 1, pages: this.pages.pages, total: reply.total });
    this.prev.disabled = reply.page === 0;
    this.next.disabled = reply.page + 1 >= this.pages.pages;
  }

  // One of the agent's calls ended: it joins the list.
  refresh() {
    this.pages.refreshSoon();
  }
}
