"""The day's ended calls from the store, a page at a time, filtered by agent, outcome and alert.

The live board keeps recent calls in memory only; looking back is a query on the calls
table, whose team and highest alert level are kept there as the events are stored
(migration 5), so a page costs about the same after 20 calls as after 20,000. Each row
also carries the call's last line and its customer's frustration trend, read from that
call's own events (a page's worth of calls, never the day's).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from copilot.serve.auth import Principal
from copilot.serve.board import LEVEL_RANK, TREND_POINTS
from copilot.serve.store import EventStore

PAGE_SIZE = 25
MAX_PAGE_SIZE = 100
# `alert` filter values beyond the levels themselves: calls with no alert, or with any.
ALERT_FILTERS = ("", "none", "any", *[level for level in LEVEL_RANK if level])
LEVEL_OF_RANK = {rank: level for level, rank in LEVEL_RANK.items()}


@dataclass(frozen=True)
class HistoryQuery:
    """Which ended calls: since when (unix seconds), whose, how they ended, what was raised."""

    since: float
    agent_id: str = ""  # "" : every agent the token may see
    outcome: str = ""  # an end reason ("" : any)
    alert: str = ""  # one of ALERT_FILTERS: the call's highest alert level
    page: int = 0
    size: int = PAGE_SIZE


def start_of_today(now: float | None = None) -> float:
    """Midnight on the server's clock: the day a request that names none looks back over."""
    day = datetime.fromtimestamp(time.time() if now is None else now).date()
    return datetime(day.year, day.month, day.day).timestamp()


class CallHistory:
    """Pages of ended calls for one token: a supervisor's every call, an agent's own."""

    def __init__(self, store: EventStore) -> None:
        self.store = store

    def page(self, query: HistoryQuery, principal: Principal) -> dict[str, Any]:
        """One page of the calls `query` selects that `principal` may see, newest end first,
        with the total and what the filters can choose from (agents, outcomes, levels)."""
        scope, scope_args = self._scope(query, principal)
        where, args = self._filters(query)
        db = self.store.db
        total = db.one(f"SELECT COUNT(*) FROM calls WHERE {scope}{where}", (*scope_args, *args))
        rows = db.rows(
            "SELECT call_id, agent_id, source, team, started_at, ended_at, end_reason,"
            f" alert_level FROM calls WHERE {scope}{where}"
            " ORDER BY ended_at DESC, call_id LIMIT ? OFFSET ?",
            (*scope_args, *args, query.size, query.page * query.size),
        )
        return {
            "since": query.since,
            "page": query.page,
            "size": query.size,
            "total": int(total[0] or 0),
            "calls": [self._row(*row) for row in rows],
            "facets": self._facets(scope, scope_args),
        }

    @staticmethod
    def _scope(query: HistoryQuery, principal: Principal) -> tuple[str, tuple[Any, ...]]:
        # The same visibility as every other /events request (Principal.can_see).
        scope = "ended_at IS NOT NULL AND ended_at >= ?"
        if principal.role == "supervisor":
            return scope, (query.since,)
        return f"{scope} AND agent_id = ?", (query.since, principal.agent_id)

    @staticmethod
    def _filters(query: HistoryQuery) -> tuple[str, list[Any]]:
        where = ""
        args: list[Any] = []
        if query.agent_id:
            where += " AND agent_id = ?"
            args.append(query.agent_id)
        if query.outcome:
            where += " AND end_reason = ?"
            args.append(query.outcome)
        if query.alert == "none":
            where += " AND alert_level = 0"
        elif query.alert == "any":
            where += " AND alert_level > 0"
        elif query.alert:
            where += " AND alert_level = ?"
            args.append(LEVEL_RANK[query.alert])
        return where, args

    def _facets(self, scope: str, args: tuple[Any, ...]) -> dict[str, Any]:
        """What the day holds per agent, outcome and highest alert level, for the filters."""
        db = self.store.db

        def counts(column: str) -> list[tuple[Any, int]]:
            return [
                (value, int(n))
                for value, n in db.rows(
                    f"SELECT {column}, COUNT(*) FROM calls WHERE {scope}"
                    f" GROUP BY {column} ORDER BY {column}",
                    args,
                )
            ]

        return {
            "agents": {agent: n for agent, n in counts("agent_id")},
            "outcomes": {reason: n for reason, n in counts("end_reason")},
            "levels": {LEVEL_OF_RANK.get(int(rank), ""): n for rank, n in counts("alert_level")},
        }

    def _row(
        self,
        call_id: str,
        agent_id: str,
        source: str,
        team: str,
        started_at: float,
        ended_at: float,
        end_reason: str,
        alert_level: int,
    ) -> dict[str, Any]:
        db = self.store.db
        last = db.row(
            "SELECT json FROM events WHERE call_id = ? AND type = 'transcript.final'"
            " ORDER BY seq DESC LIMIT 1",
            (call_id,),
        )
        final = json.loads(last[0]) if last else {}
        # The call's own length (its `call.ended`), not the store's clock: a call fed in
        # faster than it was spoken (a replay, a test) still says how long it lasted.
        end = db.row(
            "SELECT json FROM events WHERE call_id = ? AND type = 'call.ended'"
            " ORDER BY seq DESC LIMIT 1",
            (call_id,),
        )
        ended = json.loads(end[0]) if end else {}
        duration = float(ended.get("duration") or ended.get("t") or (ended_at - started_at))
        affect = db.rows(
            "SELECT json FROM events WHERE call_id = ? AND type = 'affect'"
            " ORDER BY seq DESC LIMIT ?",
            (call_id, 2 * TREND_POINTS),
        )
        customer = [json.loads(text) for (text,) in reversed(affect)]
        trend = [
            float(a.get("frustration", 0.0)) for a in customer if a.get("speaker") == "customer"
        ]
        return {
            "call_id": call_id,
            "agent_id": agent_id,
            "source": source,
            "team": team,
            "started_at": float(started_at),
            "ended_at": float(ended_at),
            "duration": round(duration, 1),
            "end_reason": end_reason,
            "level": LEVEL_OF_RANK.get(int(alert_level), ""),
            "trend": trend[-TREND_POINTS:],
            "last_speaker": str(final.get("speaker", "")),
            "last_text": str(final.get("text", ""))[:200],
        }
