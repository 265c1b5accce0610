"""Words the vocabulary prompt puts into transcripts of audio that never said them.

Whisper decodes each utterance after a prompt of the deployment's trade words. Over
unclear audio it may recite them, and an escalation word recited from the prompt
("leidinggevende", "manager") would raise an alert no caller asked for. This section
transcribes audio that contains none of the prompt's words (silence, noise, speech in
the model's language, speech in the other language, and 8 kHz mu-law copies of the
speech), each clip as one utterance straight to whisper, with three prompts per
language: the default (trade words and escalation words), the default without its
escalation words, and none.
A prompt word counts as manufactured when a transcript has it and the clip's reference
does not. WER on the speech clips shows what each prompt costs or gains.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import numpy as np

from copilot.asr.transcriber import DecodingOptions, TranscriptionRequest
from copilot.asr.wer import word_errors
from copilot.audio.files import decode_file, pcm16_to_float
from copilot.audio.format import PIPELINE_RATE
from copilot.config import Config
from copilot.events.core import TranscriptFinal
from copilot.pipeline.call import PipelineConfig
from copilot.pipeline.offline import run_call_offline
from copilot.runtime import whisper_vocabulary

from .asr_eval import telephony_copy
from .clips import (
    ENGLISH_CLIPS,
    FLEMISH_CLIPS,
    PRE_ROLL_S,
    TAIL_S,
    Models,
    call_script,
    fixture,
    leg_references,
    warm_up,
)
from .prompt_live import live_rows

# Words that raise an escalation on their own (the affect stage's escalation phrases).
TRIGGERS = {
    "en": ("manager", "supervisor", "complaint", "cancel"),
    "nl": ("leidinggevende", "klacht", "opzeggen", "opzeg", "manager"),
}


def without_triggers(prompt: str, language: str) -> str:
    """The prompt with its escalation words taken out (the variant the issue asked about)."""
    kept = [
        part
        for part in prompt.rstrip(".").split(",")
        if not any(trigger in part.lower() for trigger in TRIGGERS[language])
    ]
    return ",".join(kept).strip() + "."


MODEL = {"en": "tiny.en", "nl": "base"}
# The trade's words as a prompt, per language: what English ships with, and what Dutch
# shipped with until this section showed it manufacturing words (Dutch now ships none).
TRADE_PROMPTS = {
    "en": whisper_vocabulary(Config())["en"],  # the parcel domain's (its vocabulary.yaml)
    "nl": (
        "Klantenservicegesprek over pakketten en bezorging: pakket, pakketje, bestelnummer,"
        " track-and-trace, bezorger, pakketkluis, retour, terugbetaling, factuur, abonnement,"
        " opzeggen, klacht, leidinggevende, medewerker."
    ),
}
SPEECH = {"en": ENGLISH_CLIPS, "nl": FLEMISH_CLIPS}
# espeak-ng renderings: harder for whisper than a human voice, so where prompts leak most.
RENDERED = {
    "en": ("call_calm_en.wav", "call_escalating_en.wav"),
    "nl": ("call_calm_nl.wav", "call_escalating_nl.wav"),
}
SECONDS = 3.0


COMMON = {"about", "over"}  # function words of the prompt's sentence, said anyway


def prompt_words(prompt: str) -> set[str]:
    """The prompt's content words: what whisper could copy out of it."""
    return {w for w in re.findall(r"[a-zà-ÿ-]+", prompt.lower()) if len(w) >= 4} - COMMON


def _words(text: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ-]+", text.lower())


def _speech(names: tuple[str, ...], tmp: Path) -> list[tuple[str, str, np.ndarray]]:
    """(name, reference, audio) per leg of each clip, clean and as an 8 kHz mu-law copy."""
    out = []
    for name in names:
        refs = leg_references(name)
        for label, path in (
            (name, fixture(name)),
            (f"{name} 8k", telephony_copy(fixture(name), tmp)),
        ):
            legs = decode_file(path).legs
            for leg, reference in refs.items():
                out.append((f"{label} {leg}", reference, pcm16_to_float(legs[leg])))
    return out


def _rendered(names: tuple[str, ...], tmp: Path) -> list[tuple[str, str, np.ndarray]]:
    """Every turn of the generated calls, cut as the segmenter would, clean and at 8 kHz."""
    out = []
    for name in names:
        for label, path in (
            (name, fixture(name)),
            (f"{name} 8k", telephony_copy(fixture(name), tmp)),
        ):
            legs = decode_file(path).legs
            for i, turn in enumerate(call_script(name)["turns"]):
                pcm = legs[turn["speaker"]]
                first = max(0, int((turn["start"] - PRE_ROLL_S) * PIPELINE_RATE))
                last = min(len(pcm), int((turn["end"] + TAIL_S) * PIPELINE_RATE))
                audio = pcm16_to_float(pcm[first:last])
                out.append((f"{label} turn {i}", turn["text"], audio))
    return out


def _pipeline_finals(transcriber, language: str, names: tuple[str, ...], tmp: Path) -> list:
    """(name, reference, text) per final of each call run through the live segmenter offline.

    The reference is the script text of the same speaker's turns that overlap the final.
    """
    out = []
    for name in names:
        turns = call_script(name)["turns"]
        for label, path in (
            (name, fixture(name)),
            (f"{name} 8k", telephony_copy(fixture(name), tmp)),
        ):
            events = run_call_offline(
                decode_file(path), lambda _language: transcriber, PipelineConfig(language=language)
            )
            for e in events:
                if not isinstance(e, TranscriptFinal):
                    continue
                said = " ".join(
                    turn["text"]
                    for turn in turns
                    if turn["speaker"] == e.speaker
                    and turn["start"] < e.end + 0.5
                    and turn["end"] > e.start - 0.5
                )
                out.append((f"{label} {e.speaker} {e.start:.1f}s", said, e.text))
    return out


def _non_speech() -> list[tuple[str, str, np.ndarray]]:
    rng = np.random.default_rng(7)
    n = int(SECONDS * PIPELINE_RATE)
    noise = rng.standard_normal(n).astype(np.float32)
    return [
        ("silence", "", np.zeros(n, dtype=np.float32)),
        ("noise -40 dBFS", "", noise * 10 ** (-40 / 20)),
        ("noise -25 dBFS", "", noise * 10 ** (-25 / 20)),
    ]


def _clips(language: str, tmp: Path) -> dict[str, list[tuple[str, str, np.ndarray]]]:
    other = "nl" if language == "en" else "en"
    return {
        "non_speech": _non_speech(),
        "speech": _speech(SPEECH[language], tmp),
        "other_language": _speech(SPEECH[other], tmp),
        "rendered_speech": _rendered(RENDERED[language], tmp),
    }


def _run(
    language: str, prompt: str, clips: dict, allowed: set[str], tmp: Path, live: bool = False
) -> dict:
    options = DecodingOptions(vocabulary={language: prompt} if prompt else {})
    transcriber = Models.variant(MODEL[language], options)
    warm_up(transcriber)
    words = prompt_words(prompt) if prompt else set()
    rows, made, triggers = [], {}, {}
    errors = {"speech": [0, 0], "rendered_speech": [0, 0]}
    for kind, items in clips.items():
        requests = [TranscriptionRequest(audio, language) for _, _, audio in items]
        for (name, reference, _), result in zip(
            items, transcriber.transcribe_batch(requests), strict=True
        ):
            said = set(_words(reference))
            heard = _words(result.text)
            extra = [w for w in heard if w in (words | allowed) and w not in said]
            for w in extra:
                made[w] = made.get(w, 0) + 1
                if w in TRIGGERS[language]:
                    triggers[w] = triggers.get(w, 0) + 1
            if kind in ("speech", "rendered_speech"):
                e, n = word_errors(reference, result.text, language=language)
                errors[kind][0] += e
                errors[kind][1] += n
            rows.append({"clip": name, "kind": kind, "text": result.text, "manufactured": extra})
    # The same calls through the live segmenter: whisper sees the cuts a live call gets; with
    # the deployed prompt, also through a live server, leg by leg (partials included).
    pipeline = _pipeline_finals(transcriber, language, RENDERED[language], tmp)
    if live:
        pipeline += live_rows(transcriber, language, RENDERED[language], tmp)
    for name, reference, text in pipeline:
        said = set(_words(reference))
        extra = [w for w in _words(text) if w in (words | allowed) and w not in said]
        for w in extra:
            made[w] = made.get(w, 0) + 1
            if w in TRIGGERS[language]:
                triggers[w] = triggers.get(w, 0) + 1
        kind = "live" if name.startswith("live ") else "pipeline"
        rows.append({"clip": name, "kind": kind, "text": text, "manufactured": extra})
    clip_count = len(rows)
    return {
        "clips": clip_count,
        "clips_with_prompt_words": sum(bool(r["manufactured"]) for r in rows),
        "prompt_words_made": sum(made.values()),
        "trigger_words_made": sum(triggers.values()),
        "live_texts": sum(r["kind"] == "live" for r in rows),
        "live_prompt_words_made": sum(len(r["manufactured"]) for r in rows if r["kind"] == "live"),
        "made": dict(sorted(made.items(), key=lambda kv: -kv[1])),
        "triggers": triggers,
        "speech_wer": round(errors["speech"][0] / max(1, errors["speech"][1]), 4),
        "rendered_wer": round(
            errors["rendered_speech"][0] / max(1, errors["rendered_speech"][1]), 4
        ),
        "rows": rows,
    }


def prompt_words_section(models: Models, quick: bool) -> dict:
    config = Config()
    default = whisper_vocabulary(config)
    variants = {
        "default": default,
        "trade words": TRADE_PROMPTS,
        "without trigger words": {k: without_triggers(v, k) for k, v in TRADE_PROMPTS.items()},
        "none": {"en": "", "nl": ""},
    }
    out: dict = {"seconds_of_non_speech": SECONDS, "languages": {}}
    with tempfile.TemporaryDirectory(prefix="bench-prompt-") as tmp:
        for language in ("en", "nl"):
            clips = _clips(language, Path(tmp))
            # Trigger words and the trade's words are counted in every variant, also when
            # no prompt carries them.
            allowed = set(TRIGGERS[language]) | prompt_words(TRADE_PROMPTS[language])
            rows = {}
            for name, prompts in variants.items():
                if name != "default" and prompts[language] == default[language]:
                    continue  # the shipped prompt is the default row already
                live = name == "default"  # the deployed prompt, through a live server too
                rows[name] = _run(language, prompts[language], clips, allowed, Path(tmp), live)
                r = rows[name]
                print(
                    f"  prompt_words {language} {name}: {r['prompt_words_made']} prompt words "
                    f"({r['trigger_words_made']} triggers) in {r['clips_with_prompt_words']}/"
                    f"{r['clips']} clips, WER real {r['speech_wer']:.3f} rendered {r['rendered_wer']:.3f}",
                    flush=True,
                )
            out["languages"][language] = {"model": MODEL[language], "variants": rows}
    return out
