// The day's ended calls, a page at a time, from the server's store (`history` on /events):
// a supervisor's every call, an agent's own. The filters go to the server, so a page of 25
// costs the same on a day of 200 calls as of 20,000.

export const PAGE_SIZE = 25;

// Midnight in the browser's time zone: "today" is the supervisor's day, not the server's.
export function startOfToday() {
  const day = new Date();
  day.setHours(0, 0, 0, 0);
  return day.getTime() / 1000;
}

export class HistoryPages {
  constructor(connection, { size = PAGE_SIZE, onPage, onError }) {
    this.connection = connection;
    this.size = size;
    this.onPage = onPage;
    this.onError = onError;
    this.filters = { agent_id: "", outcome: "", alert: "" };
    this.page = 0;
    this.total = 0;
    this.asked = 0; // only the newest request's answer is drawn
    this.timer = null;
  }

  get pages() {
    return Math.max(1, Math.ceil(this.total / this.size));
  }

  filter(changes) {
    Object.assign(this.filters, changes);
    this.page = 0;
    return this.load();
  }

  go(delta) {
    this.page = Math.min(this.pages - 1, Math.max(0, this.page + delta));
    return this.load();
  }

  async load() {
    const asked = ++this.asked;
    try {
      const reply = await this.connection.request("history", {
        ...this.filters, page: this.page, size: this.size, since: startOfToday(),
      });
      if (asked !== this.asked) return;
      this.total = reply.total;
      this.onPage(reply);
    } catch (err) {
      if (asked === this.asked) this.onError?.(err);
    }
  }

  // A call ended: the page may have changed. Calls often end together; ask once for them.
  refreshSoon(ms = 400) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.load(), ms);
  }
}
