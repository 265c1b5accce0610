// A dense table of calls, one row per call id, drawn from column definitions: sortable by
// its header buttons, rows kept (not rebuilt) across updates so the keyboard focus and the
// place in the list survive a new summary every second on fifty calls.

import { el } from "./call_view.js";
import { t } from "./messages.js";

// Alert levels in the order a supervisor acts on them ("" : none yet).
export const LEVEL_RANK = { "": 0, early_warning: 1, escalate: 2, take_over: 3 };

export function clipped(text, title = text) {
  return el("span", { class: "clip", title }, text);
}

export class CallTable {
  // columns: [{ key, label (catalogue key), width (px or ""), sort (row -> value) or null,
  //   cell (row -> node or text) }]; onOpen(row) when a row is picked (click, Enter, Space).
  constructor(table, columns, { onOpen, sortKey, descending = true, rowClass = () => "" }) {
    this.table = table;
    this.body = table.tBodies[0];
    this.columns = columns;
    this.onOpen = onOpen;
    this.rowClass = rowClass;
    this.sortKey = sortKey;
    this.descending = descending;
    this.rows = new Map(); // call_id -> { tr, drawn } (drawn: the row object last drawn)
    this.hidden = new Set(); // column keys left out while the picked call takes room beside
    this.onSort = () => {};
  }

  get shown() {
    return this.columns.filter((c) => !this.hidden.has(c.key));
  }

  // Leave these columns out (or none); the rows are drawn again on the next `show`.
  hide(keys) {
    this.hidden = new Set(keys);
    this.header();
    for (const entry of this.rows.values()) entry.drawn = null;
  }

  // The header: a button per sortable column, aria-sort on the one the rows follow.
  header() {
    const colgroup = el("colgroup", {}, this.shown.map((c) => el("col", c.width ? { style: `width:${c.width}` } : {})));
    this.table.querySelector("colgroup")?.remove();
    this.table.prepend(colgroup);
    const cells = this.shown.map((c) => {
      const label = t(c.label);
      const th = el("th", { scope: "col", "data-key": c.key }, c.sort
        ? el("button", { type: "button", class: "sort", id: `${this.table.id}-sort-${c.key}`, "data-key": c.key,
          title: t("wall.sort", { column: label }),
          onclick: () => this.sortBy(c.key) }, label)
        : label);
      if (c.key === this.sortKey) th.setAttribute("aria-sort", this.descending ? "descending" : "ascending");
      return th;
    });
    this.table.tHead.rows[0].replaceChildren(...cells);
  }

  sortBy(key) {
    this.descending = key === this.sortKey ? !this.descending : true;
    this.sortKey = key;
    this.header();
    this.onSort();
  }

  // Rows in the order of the sorted column (ties: riskier, then newer first).
  sorted(items) {
    const column = this.columns.find((c) => c.key === this.sortKey);
    const sign = this.descending ? -1 : 1;
    const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
    return [...items].sort((a, b) => sign * compare(column.sort(a), column.sort(b))
      || (b.risk ?? 0) - (a.risk ?? 0) || (b.t ?? b.ended_at ?? 0) - (a.t ?? a.ended_at ?? 0));
  }

  // Show exactly these rows, in this order; `redraw` forces every cell (a new language).
  show(items, redraw = false) {
    const focused = this.body.contains(document.activeElement) ? document.activeElement : null;
    const wanted = new Set(items.map((r) => r.call_id));
    for (const [id, entry] of this.rows) if (!wanted.has(id)) { entry.tr.remove(); this.rows.delete(id); }
    items.forEach((item, i) => {
      let entry = this.rows.get(item.call_id);
      if (!entry) this.rows.set(item.call_id, (entry = { tr: this.row(item), drawn: null }));
      if (redraw || entry.drawn !== item) this.draw(entry, item);
      entry.tr.className = this.rowClass(item);
      if (this.body.children[i] !== entry.tr) this.body.insertBefore(entry.tr, this.body.children[i] || null);
    });
    // Moving a row takes the keyboard focus off it: give it back, without scrolling.
    if (focused && focused.isConnected && document.activeElement !== focused) focused.focus({ preventScroll: true });
  }

  row(item) {
    const id = item.call_id;
    return el("tr", {
      tabindex: "0", "data-call-id": id,
      onclick: () => this.onOpen(id),
      onkeydown: (ev) => this.key(ev, id),
    });
  }

  draw(entry, item) {
    entry.drawn = item;
    entry.tr.replaceChildren(...this.shown.map((c) => el("td", { "data-key": c.key }, c.cell(item))));
    entry.tr.setAttribute("aria-label", item.risk === undefined ? t("call", { id: item.call_id })
      : t("risk.label", { id: item.call_id, risk: item.risk.toFixed(2) }));
  }

  key(ev, id) {
    if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); this.onOpen(id); }
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      const next = ev.key === "ArrowDown" ? ev.currentTarget.nextElementSibling : ev.currentTarget.previousElementSibling;
      next?.focus();
    }
  }

  focusRow(id) {
    const entry = this.rows.get(id);
    if (entry) entry.tr.focus();
    return Boolean(entry);
  }
}
