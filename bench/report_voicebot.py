"""The voicebot section of docs/benchmarks.md."""

from __future__ import annotations

from .markdown import stamp, table


def voicebot_line(sec: dict) -> str:
    met = "met" if sec["p95_s"] <= sec["target_p95_s"] else "**not met**"
    return (
        f"- Voicebot: caller's end of speech to the bot's first audio byte {sec['p50_s']} /"
        f" {sec['p95_s']} s p50 / p95 (target p95 <= {sec['target_p95_s']} s: {met})"
    )


def voicebot_section(sec: dict) -> list[str]:
    rows = [
        [
            r["language"],
            r["text"],
            r["heard"],
            r["bot"],
            r["endpoint_s"],
            r.get("whisper_sent_s", "–"),
            r.get("whisper_s", "–"),
            r.get("transcript_ready_s", "–"),
            r.get("stages_s", r.get("compute_s")),
            r["first_byte_s"],
            r["total_s"],
        ]
        for r in sec["turns"]
    ]
    return [
        "## Voicebot front door (`voicebot`)",
        "",
        stamp(sec),
        "",
        "Caller turns spoken by espeak-ng go through the real pipeline (affect, assist and"
        " voicebot stages; `tiny.en` for EN, `base` for NL), all times from the caller's last"
        " audible sample. Whisper starts on the would-be final once the caller has been silent"
        f" {sec.get('speculate_after_ms', 0)} ms (*whisper sent*, audio timeline) and takes"
        " *whisper s* (wall); the transcript is ready at the later of that and the *endpoint*"
        f" (the segmenter closes the utterance after {sec['end_silence_ms']} ms of silence)."
        " Time to the bot's first audio byte = transcript ready + all stages incl. speech"
        " synthesis (wall) + the player's first Twilio `media` message (wall).",
        "",
        f"p50 {sec['p50_s']} s, p95 {sec['p95_s']} s, max {sec['max_s']} s"
        f" (target p95 <= {sec['target_p95_s']} s).",
        "",
        *table(
            [
                "lang",
                "caller said",
                "whisper heard",
                "bot",
                "endpoint s",
                "whisper sent s",
                "whisper s",
                "transcript ready s",
                "stages s",
                "first byte s",
                "total s",
            ],
            rows,
        ),
    ]
