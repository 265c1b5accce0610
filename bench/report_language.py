"""The `language_auto` section of docs/benchmarks.md: each test call's language decision."""

from __future__ import annotations

from .markdown import stamp, table


def language_auto_line(sec: dict) -> str:
    unsure = sum(r["unsure"] for r in sec["calls"])
    wrong = [f"{r['call']} {r['condition']}" for r in sec["calls"] if not r["correct"]]
    slowest = max(r["speech_s"] for r in sec["calls"])
    return (
        f"- Language `auto`: {sec['correct']} / {sec['total']} test calls decided right"
        f" (clean and 8 kHz mu-law; {unsure} flagged unsure); at most {slowest} s of speech"
        + (f"; wrong: {', '.join(wrong)}" if wrong else "")
    )


def language_auto_section(sec: dict) -> list[str]:
    s = sec["settings"]
    summary = [
        [
            r["truth"],
            r["kind"],
            r["condition"],
            f"{r['correct']} / {r['calls']}",
            r["unsure"],
            r["min_confidence"],
            r["mean_speech_s"],
            r["max_decided_at_s"],
            r["mean_cpu_s"],
        ]
        for r in sec["summary"]
    ]
    calls = [
        [
            r["call"],
            r["condition"],
            r["truth"],
            r["decision"] if r["correct"] else f"**{r['decision']}**",
            r["confidence"],
            "yes" if r["unsure"] else "",
            r["speech_s"],
            r["decided_at_s"],
            f"{r['utterances']} ({r['decoded']} decoded)",
            r["cpu_s"],
        ]
        for r in sec["calls"]
    ]
    return [
        "## Language `auto` per call (`language_auto`)",
        "",
        stamp(sec),
        "",
        f"Each call segmented by the live pipeline and decided as QA replay decides it"
        f" (`copilot.pipeline.offline.decide_language`, `{sec['model']}`): candidates"
        f" {', '.join(s['candidates'])}; early once {s['min_speech_s']} s in"
        f" {s['min_utterances']} utterances agree at {s['sure']}, else after"
        f" {s['max_speech_s']} s of speech; unsure below {s['unsure_below']}. *fixture*: the"
        " shipped espeak-ng calls; *dev* / *held-out*: the espeak-ng calls of"
        " `bench/call_scripts*.py`, rendered at bench time; *real*: the Flemish clips, jfk,"
        " stereo_diarization and the real-speech Flemish calls of `alert_quality`. *8k*: a"
        " G.711 mu-law copy. *Speech* is the seconds of speech the decision heard (both legs),"
        " *at* the call time it was made, *CPU* the process CPU seconds of identification"
        " (one call at a time; a speed figure).",
        "",
        *table(
            [
                "Truth",
                "Calls",
                "Condition",
                "Right",
                "Unsure",
                "Min confidence",
                "Mean speech (s)",
                "Latest at (s)",
                "Mean CPU (s)",
            ],
            summary,
        ),
        *table(
            [
                "Call",
                "Condition",
                "Truth",
                "Decision",
                "Confidence",
                "Unsure",
                "Speech (s)",
                "At (s)",
                "Utterances",
                "CPU (s)",
            ],
            calls,
        ),
    ]
