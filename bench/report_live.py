"""Markdown for the live sections of results.json: latency with concurrent calls, memory."""

from __future__ import annotations

from .markdown import pct, seconds, stamp, table


def _calls(row: dict) -> str:
    """Language, calls and load of a run (older runs: independent turns or the aligned burst)."""
    load = row.get("load") or row.get("turns", "")
    return f"{row.get('language', 'en')} {row['calls']} {load}"


def _latency_rows(levels: list[dict]) -> list[list]:
    rows = []
    for r in levels:
        lat, side = r["latency_s"], r["sidebar_latency_s"]
        broken = sum(row["broken"] for row in r["sidebar_gaps"].values())
        followed = sum(row["calls"] for row in r["sidebar_gaps"].values())
        rows.append(
            [
                _calls(r),
                r["utterances"],
                seconds(lat["p50"]),
                seconds(lat["p95"]),
                r["sidebars"],
                seconds(side["p50"]),
                f"**{seconds(side['p95'])}**",
                seconds(side["p99"]),
                seconds(side["max"]),
                f"{broken} of {followed}",
            ]
        )
    return rows


def _service_rows(levels: list[dict]) -> list[list]:
    rows = []
    for r in levels:
        svc = r["service"]
        rows.append(
            [
                _calls(r),
                svc["batches"],
                svc["jobs"],
                svc["largest_batch"],
                svc["mean_batch"],
                pct(svc["busy_fraction"]),
                f"{svc['final_retries']} of {svc['finals']}",
                f"{svc['partial_retries']} of {svc['partials']}",
                svc["skipped_partials"],
                svc.get("speculative_jobs", "–"),
                svc.get("finals_served_early", "–"),
            ]
        )
    return rows


def _target_rows(judged: list[dict]) -> list[list]:
    verdict = {True: "**met**", False: "**not met**", None: "not measured"}
    return [
        [
            f"{t['language']} {t['calls']} {t['load']}",
            t["what"],
            f"<= {t['limit_s']}",
            seconds(t["measured_s"]),
            verdict[t["met"]],
        ]
        for t in judged
    ]


def _capacity_lines(capacity: dict) -> list[str]:
    """Calls per core within the p95 limit, one line per language."""
    if not capacity:
        return []
    lines = [
        f"- {language}: {c['calls']} calls with sidebar p95 within {c['p95_limit_s']} s"
        f" (offset starts; runs up to {c['largest_run']} calls), {c['calls_per_core']} per core"
        for language, c in capacity.items()
    ]
    return ["Capacity (this machine's cores):", "", *lines, ""]


def _first_partial_rows(levels: list[dict]) -> list[list]:
    return [
        [
            _calls(r),
            seconds(r.get("first_partial_s", {}).get("p50")),
            seconds(r.get("first_partial_s", {}).get("p95")),
            r.get("server_cores", "–"),
            r["service"].get("partials_shed_stale", "–"),
            r["service"].get("partials_shed_budget", "–"),
            r["service"].get("held_for_finals", "–"),
        ]
        for r in levels
    ]


def latency_section(sec: dict) -> list[str]:
    models = sec.get("models", {"en": sec.get("model", "tiny.en")})
    calls = sec["calls"] if isinstance(sec["calls"], dict) else {"en": sec["calls"]}
    return [
        "## 4. End of speech to final transcript, live (`latency`)",
        "",
        stamp(sec),
        "",
        *table(
            ["Language, calls, load", "Finals", "Server p50 (s)", "Server p95 (s)", "Sidebars"]
            + ["Sidebar p50 (s)", "Sidebar p95 (s)", "Sidebar p99 (s)", "Sidebar max (s)"]
            + ["Calls with a gap or duplicate"],
            _latency_rows(sec["levels"]),
        ),
        "Targets:",
        "",
        *table(
            ["Run", "Figure", "Target (s)", "Measured (s)", ""],
            _target_rows(sec.get("targets", [])),
        ),
        *_capacity_lines(sec.get("capacity", {})),
        "First partial (its arrival at the server minus the moment its speech started), the",
        "server's CPU (cores: the benchmark process's CPU time over the level's wall time; the",
        "players and sidebars are other processes) and what the service shed to keep finals first:",
        "",
        *table(
            ["Language, calls, load", "First partial p50 (s)", "First partial p95 (s)"]
            + ["Server cores", "Partials shed (stale)", "Partials shed (call budget)"]
            + ["Workers kept for finals"],
            _first_partial_rows(sec["levels"]),
        ),
        "The transcription worker during each level:",
        "",
        *table(
            ["Language, calls, load", "Batches", "Jobs", "Largest batch", "Mean batch"]
            + ["Whisper busy", "Retried finals", "Retried partials", "Skipped partials"]
            + ["Would-be finals", "Finals served early"],
            _service_rows(sec["levels"]),
        ),
        "How it was measured: a real `CopilotServer` runs in the benchmark process on 127.0.0.1",
        "(port 0, AudioSocket off) with "
        + ", ".join(f"`{m}` ({lang})" for lang, m in models.items())
        + f" loaded once, `cpu_threads={sec['cpu_threads']}`,",
        f"`max_batch={sec['max_batch']}`, stages {', '.join(sec.get('stages', ['affect']))}, partial transcripts {'on' if sec['partials'] else 'off'} (the",
        "defaults; the first partial of an utterance after"
        f" {sec.get('first_partial_after_s', '?')} s of speech, then every"
        f" {sec.get('partial_every_s', '?')} s). One server per language serves its runs one",
        "after another; before the first, a batch of 29 s finals and one of partials go through",
        "its worker so that first-use allocations count neither as latency nor as memory per",
        "call. A child process (`bench/callers.py`) plays the stereo calls "
        + "; ".join(f"{lang}: `{'`, `'.join(files)}`" for lang, files in calls.items()),
        "alternately with `copilot.commands.simulate.play_twilio` (Twilio Media Streams: 20 ms",
        "mu-law packets per leg, 8 kHz, real-time pace). Two loads: *simultaneous* starts every",
        "call at once, from its beginning, so all calls' turns end together (the burst);",
        f"*offset* starts call i at i x {sec.get('offset_spread_s', 5.0)} / N seconds. Playing from",
        "a separate process keeps the players' JSON and base64 work off the server's GIL and out",
        "of its RSS, as a remote telephony platform would. The event sink stamps each event with",
        "its arrival time; a final's *server* latency is arrival - (arrival of its call's",
        "`call.started` + the final's `end`, the end of the last voiced VAD frame in call",
        "seconds). A third process (`bench/sidebars.py`) connects one supervisor sidebar per",
        "call to `/events` before the calls start; each subscribes to every call it is told of",
        "and stamps each `transcript.final` as it arrives: the *sidebar* latency is that wall",
        "time minus the wall time the utterance ended, for every sidebar (the targets are judged",
        "on it). Both include the",
        f"{sec['end_silence_ms']} ms of silence the segmenter waits for before it closes an",
        "utterance (17 frames of 30 ms = 510 ms in practice), though whisper starts after",
        f"{sec.get('speculate_after_ms', 300)} ms of it. The last column checks that every",
        "sidebar got each call's events exactly once and in order (seq 1, 2, 3, ...).",
        "*Batches/Jobs* come from `TranscriptionService.stats` and include partial-transcript",
        "jobs; *Whisper busy* is the time the whisper workers spent transcribing, summed over",
        f"the {sec.get('whisper_workers', 1)} workers, as a share of the level's wall time",
        "(so up to 100 % per worker). *Retried* counts jobs whose first decode looked looped or",
        "recited the vocabulary prompt and was decoded again. Partials degrade first: a partial",
        "that waited past `partial_max_wait` or met overloaded workers is dropped (*stale*);",
        "under pressure a call whose last partial ran under 2 s ago gets none (*call budget*);",
        "and with two workers partials never take the last free one (*kept for finals*).",
        "*Would-be finals* are the speculative jobs sent once a speaker had",
        "been silent for the segmenter's `speculate_after_ms`; *Finals served early* is how many",
        "finals needed no job of their own because the silence held and the would-be final",
        "was theirs. The playing client and the server share the same 2 cores; the server's",
        "models were loaded and its stages warmed (`StageFactory.preload`) before the first",
        "level, as `copilot serve` does.",
        "",
    ]


def memory_section(sec: dict) -> list[str]:
    rows = [["Python with copilot imported", sec["rss_start_mb"], "–"]]
    rows += [
        [f"after loading `{name}`", m["rss_after_mb"], f"+{m['added_mb']}"]
        for name, m in sec["models"].items()
    ]
    per_level = [
        [r["calls"], r["rss_idle_mb"], r["rss_peak_mb"], r["growth_per_call_mb"]]
        for r in sec["per_level"]
    ]
    pc = sec["per_call"]
    return [
        "## 5. Memory (`memory`)",
        "",
        stamp(sec),
        "",
        *table(["Process state", "RSS (MiB)", "Added (MiB)"], rows),
        f"RSS growth per active call: **{pc['growth_per_call_mb']} MiB** (idle server",
        f"{pc['rss_idle_mb']} MiB, peak {pc['rss_peak_mb']} MiB with {pc['calls']} calls).",
        "",
        *table(["Calls", "Idle RSS (MiB)", "Peak RSS (MiB)", "Growth per call (MiB)"], per_level),
        "How it was measured: VmRSS from `/proc/self/status`. Model cost: just before and after",
        "each model loads, first thing in the run (`int8` weights; tiny.en is about 40 MB on",
        "disk, base about 75 MB, and CTranslate2 adds its runtime). Per call: the latency run",
        "samples RSS every 0.2 s; growth is (peak during a level - RSS of the idle server just",
        "before it) / calls. It includes per-call buffers (segmenter, resamplers, events kept",
        "by the benchmark's sink, well under 1 MiB per call) and any encoder memory the",
        "larger batches of more calls need beyond the warm-up's. The allocator keeps freed",
        "memory, so levels after the first start from a higher idle RSS and show less growth.",
        "",
    ]


def side_by_side_section(sec: dict) -> list[str]:
    """The previous release beside this one, run after run, on this machine."""
    rows = []
    previous, this = sec["levels"]["previous"], sec["levels"]["this"]
    for before, now in zip(previous, this, strict=True):
        rows.append(
            [
                _calls(now),
                seconds(before["sidebar_latency_s"]["p95"]),
                f"**{seconds(now['sidebar_latency_s']['p95'])}**",
                seconds(before["first_partial_s"]["p50"]),
                f"**{seconds(now['first_partial_s']['p50'])}**",
                before["server_cores"],
                now["server_cores"],
            ]
        )
    return [
        "## The previous release beside this one (`side_by_side`)",
        "",
        stamp(sec),
        "",
        f"The previous release ({sec['previous_commit']}) and this commit"
        f" ({sec['this_commit']}), one after the other on this machine, each run by this"
        " commit's latency harness (`bench/latency.py`: the same calls, players, sidebars and"
        " loads; only the server under test differs). Sidebar p95 is end of speech to the"
        " final at the sidebar; first partial from the start of its utterance.",
        "",
        *table(
            ["Language, calls, load", "Sidebar p95 before (s)", "Sidebar p95 now (s)"]
            + ["First partial p50 before (s)", "First partial p50 now (s)"]
            + ["Server cores before", "Server cores now"],
            rows,
        ),
    ]


def side_by_side_line(sec: dict) -> str:
    """The headline: p95 before and now, per run."""
    pairs = [
        f"{_calls(now)} {before['sidebar_latency_s']['p95']} -> {now['sidebar_latency_s']['p95']} s"
        for before, now in zip(sec["levels"]["previous"], sec["levels"]["this"], strict=True)
    ]
    return f"- Previous release ({sec['previous_commit']}) -> now, sidebar p95: " + "; ".join(pairs)
