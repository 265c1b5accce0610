"""The soak section of docs/benchmarks.md."""

from __future__ import annotations

from .markdown import seconds, stamp, table


def soak_line(sec: dict) -> str:
    lat = sec["sidebar_latency_s"]
    rss = sec["rss_mb"]
    return (
        f"- Soak: {sec['calls_at_once']} calls at once for {sec['seconds']:.0f} s"
        f" ({sec['calls_played']} calls) with {sum(sec['sidebars'].values())} sidebars:"
        f" {sec['lost_or_duplicated']} lost or duplicated events; sidebar p95"
        f" {seconds(lat['p95'])} s; RSS max {rss['first_half_max']} MiB (first half) /"
        f" {rss['second_half_max']} MiB (second half)"
    )


def soak_section(sec: dict) -> list[str]:
    rows = [
        [b, c["clients"], c["calls"], c["broken"], c["incomplete"], c["resumes"], c["reconnects"]]
        for b, c in sec["clients"].items()
    ]
    lat, srv = sec["sidebar_latency_s"], sec["server_latency_s"]
    return [
        "## 9. Soak: many calls, many sidebars, minutes (`soak`)",
        "",
        stamp(sec),
        "",
        f"{sec['calls_at_once']} caller lines play the stereo fixtures back to back at real-time"
        f" pace into `/twilio` for {sec['seconds']:.0f} s ({sec['calls_played']} calls,"
        f" {sec['events']} events) while {sum(sec['sidebars'].values())} sidebar clients follow"
        " every call on `/events` (`bench/sidebars.py`): *slow* ones read two messages a second"
        " and must be told to resume, *reconnect* ones drop their socket every 3-8 s and"
        " subscribe again from their last seq. *Broken*: a call whose received seqs are not"
        " exactly 1, 2, 3, ...; *incomplete*: fewer events than the server produced (expected"
        " only for slow clients, which never catch up). A slow client stops reading, so the"
        " server either tells it to resume (*Resumes*) or, when it stops answering keepalive"
        " pings, closes it and it reconnects from its last seq (*Reconnects*).",
        "",
        *table(
            ["Clients", "Count", "Calls followed", "Broken", "Incomplete", "Resumes", "Reconnects"],
            rows,
        ),
        f"Latency of finals at the normal and reconnecting sidebars p50 / p95 / p99: {seconds(lat['p50'])} /"
        f" {seconds(lat['p95'])} / {seconds(lat['p99'])} s (at the server: {seconds(srv['p50'])}"
        f" / {seconds(srv['p95'])} / {seconds(srv['p99'])} s). Server RSS max: first half"
        f" {sec['rss_mb']['first_half_max']} MiB, second half {sec['rss_mb']['second_half_max']} MiB.",
        "",
    ]
