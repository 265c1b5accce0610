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
            r["compute_s"],
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
        " voicebot stages; `tiny.en` for EN, `base` for NL). Time to the bot's first audio byte ="
        f" endpointing on the audio timeline (the segmenter waits {sec['end_silence_ms']} ms of"
        " silence) + transcription and all stages incl. speech synthesis (wall) + the player's"
        " first Twilio `media` message (wall).",
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
                "compute s",
                "first byte s",
                "total s",
            ],
            rows,
        ),
    ]
