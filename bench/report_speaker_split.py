"""The speaker_split section of docs/benchmarks.md: mono recordings split by voice."""

from __future__ import annotations

from .markdown import pct, stamp, table


def speaker_split_line(sec: dict) -> str:
    worst_der = max(r["der"] for r in sec["calls"])
    worst_leg = min(r["right_leg"] or 0.0 for r in sec["calls"])
    split = [r for r in sec["replay_speed"] if r["input"] == "split_mono"]
    speeds = ", ".join(
        f"{r['language']} {r['x_real_time']}x ({r.get('x_real_time_steady', '-')}x steady)"
        for r in split
    )
    met = "met" if all(sec["met"].values()) else "**not all met**"
    return (
        f"- Mono recordings split by voice: worst DER {pct(worst_der)}, worst call"
        f" {pct(worst_leg)} of words on the right leg; QA replay of split mono {speeds}"
        f" (targets DER <= {pct(sec['targets']['der'])}, >= {pct(sec['targets']['right_leg'])},"
        f" >= {sec['targets']['x_real_time']}x: {met})"
    )


def speaker_split_section(sec: dict) -> list[str]:
    calls = [
        [
            r["call"],
            r["kind"],
            r["language"],
            r["condition"],
            r["audio_s"],
            pct(r["der"]),
            f"{pct(r['missed'])} / {pct(r['false_alarm'])} / {pct(r['confusion'])}",
            pct(r["right_leg"]),
            r["words"],
            pct(r["tense_on_customer_leg"]),
            r["speakers_found"],
            f"{r['agent_rule']} ({r['agent_confidence']})",
            "yes" if r["agent_named_right"] else "**no**",
        ]
        for r in sec["calls"]
    ]
    summary = [
        [
            s["kind"],
            s["language"],
            s["condition"],
            s["calls"],
            pct(s["der_mean"]),
            pct(s["der_worst"]),
            pct(s["right_leg_worst"]),
            pct(s["tense_on_customer_leg_worst"]),
        ]
        for s in sec["summary"]
    ]
    speed = [
        [
            r["language"],
            r["input"],
            r["calls"],
            r["audio_s"],
            r["wall_s"],
            r["x_real_time"],
            r.get("x_real_time_steady", "-"),
        ]
        for r in sec["replay_speed"]
    ]
    one = [
        [r["clip"], r["audio_s"], r["speakers_found"], r["voice_similarity"]]
        for r in sec["one_voice"]
    ]
    cost = sec["separation_cpu_s_per_audio_min"]
    greeting = sec.get("with_greeting_cpu_s_per_audio_min")
    with_greeting = (
        f" With the greeting heard by whisper (tiny.en / base) as QA replay does it:"
        f" {greeting['mean']} on average, {greeting['max']} at most."
        if greeting
        else ""
    )
    return [
        "## Speaker separation of mono recordings (`speaker_split`)",
        "",
        stamp(sec),
        "",
        f'`mono_leg = "split"` with {sec["model"]} on mono mixes (`bench/speaker_mixes.py`):'
        " the four stereo test calls (espeak voices) summed to mono, and real voices laid in"
        " quick turns with overlaps and backchannels; each clean at 16 kHz and as 8 kHz mu-law."
        f" DER has a {sec['collar_s']} s collar; words on the right leg count every final"
        " word by its middle, the agent naming included.",
        "",
        *table(
            [
                "kind",
                "language",
                "condition",
                "calls",
                "DER mean",
                "DER worst",
                "right leg, worst call",
                "tense turns on customer leg, worst",
            ],
            summary,
        ),
        *table(
            [
                "call",
                "kind",
                "lang",
                "condition",
                "audio s",
                "DER",
                "miss / FA / confusion",
                "words right leg",
                "words",
                "tense on customer",
                "voices",
                "agent rule (confidence)",
                "agent right",
            ],
            calls,
        ),
        "One-voice recordings (the splitter should find one voice):",
        "",
        *table(["clip", "audio s", "voices found", "similarity of the two halves"], one),
        f"Separation cost (voice activity, features, encoder, clustering; not whisper):"
        f" {cost['mean']} CPU s per audio minute on average, {cost['max']} at most.{with_greeting}",
        "",
        "QA replay (`run_replay`, 2 workers, stages affect + assist) of a QA folder per"
        " language (English: the `replay` section's recordings copied 8 times; Dutch: the"
        " Dutch fixtures copied 4 times) as recorded (stereo calls and one-voice clips), as"
        " mono mixes read as one leg, and as mono mixes split by voice. Wall time includes"
        " loading the models in each worker; *steady* leaves out the time until the first"
        " call was done. The target is met on English (tiny.en); Dutch runs the multilingual"
        " base model, whose decoding limits it as recorded too.",
        "",
        *table(
            ["language", "input", "calls", "audio s", "wall s", "x real time", "x steady"],
            speed,
        ),
    ]
