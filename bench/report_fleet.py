"""The fleet section of docs/benchmarks.md."""

from __future__ import annotations

from .markdown import seconds, stamp, table


def fleet_line(sec: dict) -> str:
    lat, killed = sec["sidebar_latency_s"], sec["killed"]
    return (
        f"- Fleet: {sec['workers']} workers on one PostgreSQL, {sec['calls']} calls,"
        f" {sec['sidebars']} sidebars: {sec['events_per_s']} events stored/s, sidebar p95"
        f" {seconds(lat['p95'])} s; kill -9 of {killed['worker']}:"
        f" {killed['ended_server_restart']}/{killed['calls']} calls ended `server_restart`,"
        f" {killed['sidebars_moved']} sidebars resumed elsewhere, {sec['lost_events']} lost /"
        f" {sec['repeated_events']} repeated events"
    )


def fleet_section(sec: dict) -> list[str]:
    lat, killed, cost = sec["sidebar_latency_s"], sec["killed"], sec["append_ms"]
    ceiling, fan = sec["write_ceiling_events_per_s"], sec["fanout_ms"]
    per_worker = ", ".join(f"{w} {n}" for w, n in sorted(sec["calls_per_worker"].items()))
    return [
        "## 10. Fleet: workers on one PostgreSQL store, one killed (`fleet`)",
        "",
        stamp(sec),
        "",
        f"{sec['workers']} `copilot serve` processes on this machine share one PostgreSQL store"
        " (Debian's PostgreSQL 15 with its default durability: fsync and synchronous commit on,"
        " started by the bench) and fan events out through one Redis stream;"
        f" {sec['calls']} calls play at real-time pace ({per_worker}) while {sec['sidebars']}"
        " supervisor sidebars on random workers follow every call (`bench/fleet.py`)."
        f" {killed['at_s']:.0f} s in, worker {killed['worker']} gets SIGKILL.",
        "",
        *table(
            ["Measure", "Value"],
            [
                ["events stored (all workers)", f"{sec['events_stored']} in {sec['seconds']} s"],
                ["events stored per second", sec["events_per_s"]],
                [
                    "end of speech → final at the sidebar, p50 / p95",
                    f"{seconds(lat['p50'])} / {seconds(lat['p95'])} s"
                    f" ({sec['finals_at_sidebars']} finals at sidebars)",
                ],
                [
                    "events per call-minute; stored size per event (table and index)",
                    f"{sec['events_per_call_minute']}; {sec['bytes_per_event']} bytes"
                    f" ({sec['json_bytes_per_event']} of JSON)",
                ],
                [
                    "PostgreSQL write ceiling here, 1 / 4 writer processes flat out",
                    f"{ceiling['postgresql_1_writer']:.0f} /"
                    f" {ceiling['postgresql_4_writers']:.0f} events/s",
                ],
                [
                    "append per event, PostgreSQL p50 / p95",
                    f"{cost['postgresql']['p50']} / {cost['postgresql']['p95']} ms",
                ],
                [
                    "append per event, SQLite p50 / p95",
                    f"{cost['sqlite']['p50']} / {cost['sqlite']['p95']} ms",
                ],
                [
                    "live fan-out, send → listener at 500/s, p50 / p95: Redis stream",
                    f"{fan['redis_stream']['p50']} / {fan['redis_stream']['p95']} ms",
                ],
                [
                    "the same through PostgreSQL NOTIFY",
                    f"{fan['postgresql_notify']['p50']} / {fan['postgresql_notify']['p95']} ms;"
                    f" {sec['events_over_notify_limit']} of the {sec['events_stored']} stored"
                    " events exceed its 8000-byte payload",
                ],
                [
                    "killed worker's calls ended `server_restart`",
                    f"{killed['ended_server_restart']} of {killed['calls']},"
                    f" {killed['its_calls_ended_after_s']} s after the kill",
                ],
                [
                    "sidebars on the killed worker / resumed on another",
                    f"{killed['sidebars_on_it']} / {killed['sidebars_moved']}",
                ],
                [
                    "events lost / repeated at any sidebar",
                    f"{sec['lost_events']} / {sec['repeated_events']}",
                ],
            ],
        ),
        "",
        "A worker that stops heart-beating for `worker_timeout_s`"
        f" ({sec.get('worker_timeout_s', 5):g} s here) is taken for dead by the others; one of"
        " them ends its open calls, and any seq a survivor's sidebars never got live (stored"
        " by the dead worker but not yet relayed) is read from the shared store first.",
        "",
    ]
