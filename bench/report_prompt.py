"""The prompt_words section of docs/benchmarks.md."""

from __future__ import annotations

from .markdown import pct, stamp, table


def prompt_words_line(sec: dict) -> str:
    parts = []
    for language, data in sec["languages"].items():
        default = data["variants"]["default"]
        parts.append(
            f"{language}: {default['trigger_words_made']} trigger words,"
            f" {default['prompt_words_made']} prompt words in {default['clips']} transcripts"
        )
    return "- Words the vocabulary prompt manufactured in audio without them: " + "; ".join(parts)


def prompt_words_section(sec: dict) -> list[str]:
    rows = []
    for language, data in sec["languages"].items():
        for name, v in data["variants"].items():
            made = ", ".join(f"{w} x{n}" for w, n in v["made"].items()) or "–"
            rows.append(
                [
                    language,
                    f"`{data['model']}`",
                    name,
                    v["clips"],
                    v["clips_with_prompt_words"],
                    v["prompt_words_made"],
                    v["trigger_words_made"],
                    made,
                    pct(v["speech_wer"]),
                    pct(v["rendered_wer"]),
                ]
            )
    header = [
        "Language",
        "Model",
        "Prompt",
        "Transcripts",
        "With prompt words",
        "Prompt words",
        "Trigger words",
        "Which",
        "WER real speech",
        "WER rendered",
    ]
    return [
        "## Vocabulary prompt: words it manufactures (`prompt_words`)",
        "",
        stamp(sec),
        "",
        *table(header, rows),
        "Audio without any of the prompt's words, per language: silence and white noise"
        f" ({sec['seconds_of_non_speech']} s each, at -40 and -25 dBFS), real speech in the"
        " model's language (EN: `jfk.flac`, both legs of `stereo_diarization.wav`; NL: the"
        " three Flemish clips) and in the other language, the turns of the espeak-ng calls"
        " (`call_calm_*`, `call_escalating_*`, cut at their script times), each clean and as an"
        " 8 kHz mu-law copy, sent to whisper one utterance each; and the same calls through the"
        " live segmenter offline (finals matched to the overlapping script turns). A prompt word"
        " counts when a transcript has it and the reference does not; *trigger words* are the"
        " escalation words (manager, supervisor, complaint, cancel; leidinggevende, klacht,"
        " opzeggen), counted in every variant. *Default* is the default domain's"
        " `whisper_prompt` (`runtime.whisper_vocabulary`); *without"
        " trigger words* drops its escalation words. *WER real speech* is over the human"
        " clips (clean and 8 kHz), *WER rendered* over the espeak-ng turns.",
        "",
        "With the default prompt the same calls also go through a live server"
        " (`bench/prompt_live.py`): each leg as one `/ingest` stream of its turns cut at their"
        " boundaries with 1.5 s of silence between, at 16 kHz and as the 8 kHz copy, partials"
        " and would-be finals on; every partial and final counts. "
        + "; ".join(
            f"{language}: {data['variants']['default'].get('live_texts', '–')} live texts,"
            f" {data['variants']['default'].get('live_prompt_words_made', '–')} prompt words"
            for language, data in sec["languages"].items()
        )
        + ".",
        "",
    ]
