"""Whisper transcription of whole utterances, batched, on a trimmed encoder window.

faster-whisper's own `transcribe` always encodes a padded 30-second window,
which dominates the cost of the short utterances a call is made of. We drive
its CTranslate2 model directly: the mel window is cut to the utterance plus a
margin (never below a per-model safe minimum), several utterances share one
encoder/decoder pass, and a repetition guard re-runs an item on the full
window when the decoder starts looping.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
import re
import threading
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import ctranslate2
import numpy as np
from faster_whisper import WhisperModel
from faster_whisper.tokenizer import Tokenizer

from copilot.asr.language_id import LanguageEvidence, identify_encoded
from copilot.asr.model_files import ModelNotAvailable, resolve_model
from copilot.audio.format import PIPELINE_RATE
from copilot.events.core import Word

log = logging.getLogger(__name__)

FULL_WINDOW = 3000  # mel frames in whisper's 30-second window
FRAMES_PER_SECOND = 100

# Measured safe minimum windows (see docs/benchmarks.md). On a window of just the
# utterance + 1 s, tiny.en sometimes misses the end of text and repeats the sentence
# ("The horizon seems extremely distant. The horizon seems..."); 10 s of context stops
# that. The multilingual base loops or loses words on short windows: 15 s keeps the real
# Flemish speech's errors where 20 s had them (7 of 47 words clean, 15-16 at 8 kHz) at
# 0.74 instead of 0.97 CPU s per utterance; 12-13 s lose one or two words, 10 s two or three.
SAFE_MIN_WINDOW = {"tiny.en": 1000, "base": 1500}
# A partial is a preview the final redoes: it may loop now and then (it is only trimmed),
# so it runs on a 5 s window (tiny.en: 0.15 instead of 0.20 CPU s per partial measured).
PARTIAL_MIN_WINDOW = 500
# An utterance's first partial holds under a second of speech: a 3 s window gives the same
# words in 35-40 % less time than 5 s (batches of 8 first partials, tiny.en and base), and
# callers who start together wait for that batch before they see their first words.
FIRST_PARTIAL_WINDOW = 300
FIRST_PARTIAL_MAX_FRAMES = 200  # audio up to 2 s counts as a first partial's
WINDOW_MARGIN = 100  # 1 s of padding after the speech
# tiny.en loses nothing with greedy decoding on our clips. The multilingual base needs a
# beam: greedy makes 8 % more errors on the Dutch dev set (`make bench`, nl_decoding). A
# beam of 3 made 5 % fewer there, but one word less on the real Flemish speech is noise
# and a held-out rendered caller line ("Mijn account is geblokkeerd") is lost with it.
BEAM_SIZE = {"tiny.en": 1, "base": 5}
# Whisper takes at most half its 448-token context as preceding text.
MAX_PROMPT_TOKENS = 223
# A looping final is first decoded again from the same encoder output with repeated tokens
# penalised: on the rendered Dutch call's looping 8 kHz turn that took 0.56 s and ended on
# the caller's last words ("... nog klopt"), where the full-window redo took 1.69 s and
# still lost the end. Only text that already looped is decoded this way.
LOOP_REPETITION_PENALTY = 1.3


@dataclass(frozen=True)
class TranscriptionRequest:
    """One utterance for whisper: its audio, its language, and how to decode it."""

    audio: np.ndarray  # float32 mono at 16 kHz
    language: str | None = None  # None: detect (multilingual models only)
    word_timestamps: bool = True
    partial: bool = False  # a growing utterance: greedy decoding, it will be redone at the end


@dataclass(frozen=True)
class TranscriptionResult:
    """What whisper heard in one utterance: text, language, word times, and how it decoded."""

    text: str
    language: str
    language_probability: float = 1.0
    words: tuple[Word, ...] = ()
    avg_logprob: float = 0.0
    no_speech_prob: float = 0.0
    window_frames: int = 0
    # How a looping first decode was redone: "" (it was not), "unprompted" (same window,
    # no vocabulary prompt), "penalised" (same encoder output, repeats penalised),
    # "full window" (whisper's 30 s window, no prompt) or "temperature T" (sampled at T
    # after the beam's text failed the quality checks).
    redone: str = ""
    tokens: tuple[int, ...] = field(default=(), repr=False)
    # A final decoded without a language: how its language was identified (the call's
    # language decision adds these up).
    language_evidence: LanguageEvidence | None = None


@dataclass(frozen=True)
class DecodingOptions:
    """How whisper decodes: beam, quality checks, token budgets, languages, vocabulary prompt."""

    beam_size: int = 0  # 0: the model's measured default (BEAM_SIZE); partials are always greedy
    # An utterance whose compressed text is this much smaller than itself repeats itself.
    compression_ratio_threshold: float = 2.4
    # Whisper says "no speech" with a confident blank; treat it as silence.
    no_speech_threshold: float = 0.6
    logprob_threshold: float = -1.0
    # Whisper's fallback: a final whose beam text loops or scores below `logprob_threshold`
    # is sampled again at these temperatures, in order, until one passes. Empty: off.
    temperature_fallback: tuple[float, ...] = ()
    max_new_tokens: int = 200
    # Speech runs at about 3-4 tokens a second; a decoder past this budget is looping,
    # and each extra token costs a decoder step on the shared worker.
    tokens_per_second: float = 7.0
    min_window_frames: int | None = None  # None: the model's measured safe minimum
    # Auto-detection picks among these only: a Dutch caller misheard as Norwegian or
    # Afrikaans helps nobody. Extend per deployment.
    candidate_languages: tuple[str, ...] = ("nl", "en")
    # Per language, words of the deployment's trade (product names, "parcel", "manager"),
    # given to whisper as preceding text: it then hears them on a poor line, not sound-alikes.
    vocabulary: dict[str, str] = field(default_factory=dict)


class WhisperTranscriber:
    """One loaded whisper model, shared by every call in the process."""

    def __init__(
        self,
        model: str = "tiny.en",
        cpu_threads: int = 1,
        compute_type: str = "int8",
        options: DecodingOptions | None = None,
        workers: int = 1,
        nice: int = 0,
        device: str = "cpu",
    ) -> None:
        self.name = model
        self.workers = workers
        path = resolve_model(model)
        try:
            self._whisper = _load_at_priority(
                nice,
                lambda: WhisperModel(
                    str(path),
                    device=device,
                    compute_type=compute_type,
                    cpu_threads=cpu_threads,
                    num_workers=workers,  # parallel batches from several threads, weights shared
                ),
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelNotAvailable(
                f"cannot load whisper model {model!r} from {path}: {exc}"
            ) from exc
        self.options = options or DecodingOptions()
        self.multilingual = self._whisper.model.is_multilingual
        self._tokenizers: dict[str, Tokenizer] = {}
        self._prompts: dict[str, list[int]] = {}  # language -> vocabulary prompt tokens
        self.beam_size = self.options.beam_size or BEAM_SIZE.get(
            model, 5 if self.multilingual else 1
        )
        self.min_window = (
            self.options.min_window_frames
            if self.options.min_window_frames is not None
            else SAFE_MIN_WINDOW.get(model, 0 if not self.multilingual else 1500)
        )

    # -- public ---------------------------------------------------------------

    def transcribe_batch(self, requests: list[TranscriptionRequest]) -> list[TranscriptionResult]:
        """Transcribe utterances in shared passes, then cure loops, prompt recitals, weak finals."""
        if not requests:
            return []
        if len({r.partial for r in requests}) > 1:
            # Partials decode greedily, finals with the beam: run the two kinds apart.
            order = sorted(range(len(requests)), key=lambda i: requests[i].partial)
            split = sum(not r.partial for r in requests)
            finals = self.transcribe_batch([requests[i] for i in order[:split]])
            partials = self.transcribe_batch([requests[i] for i in order[split:]])
            by_index = dict(zip(order, finals + partials, strict=True))
            return [by_index[i] for i in range(len(requests))]
        results, encoded = self._run_encoded(requests, window=self._window_for(requests))
        for i, (request, result) in enumerate(zip(requests, results, strict=True)):
            if not self._looks_looped(result):
                continue
            # A looping partial is only trimmed: it is redone at the end of the utterance anyway.
            if not request.partial:
                result = self._redo_looped(request, result, _one_of(encoded, i))
            results[i] = _dedupe_repeats(result) if self._looks_looped(result) else result
        for i, request in enumerate(requests):
            if self._recites_prompt(results[i]):
                results[i] = self._unprompted(request, results[i])
            if not request.partial and self._fails_checks(results[i]):
                results[i] = self._sample_again(request, results[i])
        return results

    def transcribe(self, audio: np.ndarray, language: str | None = None) -> TranscriptionResult:
        """Transcribe one utterance as a final, outside the shared service (tools, benchmarks)."""
        return self.transcribe_batch([TranscriptionRequest(audio, language)])[0]

    def encode(self, audios: list[np.ndarray]) -> ctranslate2.StorageView:
        """The encoder's output for utterances on the window their finals get."""
        window = self._window_for([TranscriptionRequest(a) for a in audios])
        features = np.stack([self._features(a, window) for a in audios])
        return self._whisper.model.encode(ctranslate2.StorageView.from_array(features))

    def language_probabilities(self, encoded: ctranslate2.StorageView) -> list[dict[str, float]]:
        """Whisper's probability of every language it knows, per encoded utterance."""
        ranked = self._whisper.model.detect_language(encoded)
        return [{token[2:-2]: float(p) for token, p in item} for item in ranked]

    def forced_decodes(
        self, encoded: ctranslate2.StorageView, index: int, seconds: float, languages: list[str]
    ) -> dict[str, tuple[float, str, bool]]:
        """Item `index` decoded greedily once in each language, without the vocabulary
        prompt: per language (score, text, whether it loops)."""
        one = np.asarray(encoded)[index : index + 1]
        repeated = np.ascontiguousarray(np.repeat(one, len(languages), axis=0))
        prompts = [
            [*self._tokenizer(lang).sot_sequence, self._tokenizer(lang).no_timestamps]
            for lang in languages
        ]
        budget = min(
            self.options.max_new_tokens, 12 + int(seconds * self.options.tokens_per_second)
        )
        generated = self._whisper.model.generate(
            ctranslate2.StorageView.from_array(repeated),
            prompts,
            beam_size=1,
            max_length=len(prompts[0]) + budget,
            return_scores=True,
            suppress_blank=True,
            suppress_tokens=[-1],
        )
        out = {}
        for lang, gen in zip(languages, generated, strict=True):
            tokenizer = self._tokenizer(lang)
            text = tokenizer.decode([t for t in gen.sequences_ids[0] if t < tokenizer.eot])
            probe = TranscriptionResult(text=text.strip(), language=lang)
            out[lang] = (float(gen.scores[0]), probe.text, self._looks_looped(probe))
        return out

    # -- internals ------------------------------------------------------------

    def _redo_looped(
        self,
        request: TranscriptionRequest,
        looped: TranscriptionResult,
        encoded: ctranslate2.StorageView,
    ) -> TranscriptionResult:
        """Decode a looping final again, cheapest cure first.

        Over unclear speech whisper may recite its vocabulary prompt ("service call,
        service call, ...") until the token budget runs out; without the prompt, on the
        same window, it transcribes (0.23 s against 1.4 s for a full-window redo, measured
        on such a turn). A decoder stuck on a phrase is next decoded again from the same
        encoder output with repeats penalised (no second encoder pass). A window much
        longer than the speech, as whisper was trained on, is the last cure: for a
        decoder that missed the end of the audio.
        """
        result = looped
        attempts: list[tuple[str, int, float]] = []
        if self._vocabulary_prompt(looped.language):
            attempts.append(("unprompted", looped.window_frames, 1.0))
        attempts.append(("penalised", looped.window_frames, LOOP_REPETITION_PENALTY))
        if looped.window_frames < FULL_WINDOW:
            attempts.append(("full window", FULL_WINDOW, 1.0))
        for how, window, penalty in attempts:
            reuse = encoded if window == looped.window_frames else None
            redo = self._run(
                [request], window=window, prompted=False, encoded=reuse, repetition_penalty=penalty
            )[0]
            result = dataclasses.replace(redo, redone=how)
            if not self._looks_looped(result):
                break
        return result

    def _recites_prompt(self, result: TranscriptionResult) -> bool:
        """Whisper wrote its vocabulary prompt back instead of the audio (over a short or
        unclear turn it may end with the prompt's last words: "Klacht, leidinggevende,
        medewerker.", an escalation nobody asked for)."""
        if not result.text or result.redone:
            return False
        return prompt_recital(result.text, self.options.vocabulary.get(result.language, ""))

    def _unprompted(
        self, request: TranscriptionRequest, recited: TranscriptionResult
    ) -> TranscriptionResult:
        """The same audio decoded without the prompt; what it hears is what was said."""
        redo = self._run([request], window=recited.window_frames, prompted=False)[0]
        return dataclasses.replace(redo, redone="unprompted")

    def _fails_checks(self, result: TranscriptionResult) -> bool:
        if not self.options.temperature_fallback or not result.text:
            return False
        return result.avg_logprob < self.options.logprob_threshold or self._looks_looped(result)

    def _sample_again(
        self, request: TranscriptionRequest, failed: TranscriptionResult
    ) -> TranscriptionResult:
        """Whisper's temperature fallback; if every temperature fails, the likeliest text wins."""
        best = failed
        for temperature in self.options.temperature_fallback:
            sampled = self._run([request], failed.window_frames, temperature=temperature)[0]
            sampled = dataclasses.replace(sampled, redone=f"temperature {temperature:g}")
            if not self._looks_looped(sampled) and (
                sampled.avg_logprob >= self.options.logprob_threshold
            ):
                return sampled
            if sampled.text and sampled.avg_logprob > best.avg_logprob:
                best = sampled
        return _dedupe_repeats(best) if self._looks_looped(best) else best

    def _window_for(self, requests: list[TranscriptionRequest]) -> int:
        longest = max(len(r.audio) for r in requests) // (PIPELINE_RATE // FRAMES_PER_SECOND)
        least = self.min_window
        if all(r.partial for r in requests):
            short = longest <= FIRST_PARTIAL_MAX_FRAMES
            least = min(least, FIRST_PARTIAL_WINDOW if short else PARTIAL_MIN_WINDOW)
        return int(min(FULL_WINDOW, max(least, longest + WINDOW_MARGIN)))

    def _features(self, audio: np.ndarray, window: int) -> np.ndarray:
        samples = window * (PIPELINE_RATE // FRAMES_PER_SECOND)
        audio = audio[:samples].astype(np.float32, copy=False)
        mel = self._whisper.feature_extractor(audio, padding=samples - len(audio) + 160)
        return mel[:, :window]

    def _vocabulary_prompt(self, language: str) -> list[int]:
        """Tokenised once per language: every job of the call's language starts with it."""
        if language not in self._prompts:
            text = self.options.vocabulary.get(language, "").strip()
            tokenizer = self._tokenizer(language)
            words = tokenizer.encode(" " + text) if text else []
            self._prompts[language] = (
                [tokenizer.sot_prev, *words[-(MAX_PROMPT_TOKENS):]] if words else []
            )
        return self._prompts[language]

    def _tokenizer(self, language: str) -> Tokenizer:
        if language not in self._tokenizers:
            self._tokenizers[language] = Tokenizer(
                self._whisper.hf_tokenizer,
                self.multilingual,
                task="transcribe",
                language=language if self.multilingual else None,
            )
        return self._tokenizers[language]

    def _run(
        self, requests: list[TranscriptionRequest], window: int, **how: Any
    ) -> list[TranscriptionResult]:
        """`_run_encoded`'s results alone."""
        return self._run_encoded(requests, window, **how)[0]

    def _run_encoded(
        self,
        requests: list[TranscriptionRequest],
        window: int,
        prompted: bool = True,
        temperature: float = 0.0,
        encoded: ctranslate2.StorageView | None = None,
        repetition_penalty: float = 1.0,
    ) -> tuple[list[TranscriptionResult], ctranslate2.StorageView]:
        """Decode `requests` on `window` frames; also returns the encoder output for redos."""
        if encoded is None:
            features = np.stack([self._features(r.audio, window) for r in requests])
            encoded = self._whisper.model.encode(ctranslate2.StorageView.from_array(features))
        languages = self._languages(requests, encoded)
        evidence = self._identify(requests, encoded)
        for i, found in evidence.items():
            if found.language:
                languages[i] = (found.language, found.probability)
        prompts = [
            [
                *(self._vocabulary_prompt(lang) if prompted else ()),
                *self._tokenizer(lang).sot_sequence,
                self._tokenizer(lang).no_timestamps,
            ]
            for lang, _ in languages
        ]
        generated = self._whisper.model.generate(
            encoded,
            prompts,
            beam_size=1 if requests[0].partial or temperature else self.beam_size,
            # Sampling over the whole vocabulary at `temperature`; 0 keeps the search exact.
            sampling_topk=0 if temperature else 1,
            sampling_temperature=temperature or 1.0,
            repetition_penalty=repetition_penalty,
            max_length=len(prompts[0]) + self._token_budget(requests),
            return_scores=True,
            return_no_speech_prob=True,
            suppress_blank=True,
            suppress_tokens=[-1],
        )
        results = []
        for i, (request, gen) in enumerate(zip(requests, generated, strict=True)):
            lang, lang_prob = languages[i]
            tokenizer = self._tokenizer(lang)
            tokens = [t for t in gen.sequences_ids[0] if t < tokenizer.eot]
            text = tokenizer.decode(tokens).strip()
            n_tokens = max(1, len(tokens))
            avg_logprob = gen.scores[0] / n_tokens if gen.scores else 0.0
            if gen.no_speech_prob > self.options.no_speech_threshold and (
                avg_logprob < self.options.logprob_threshold
            ):
                text, tokens = "", []
            words: tuple[Word, ...] = ()
            if tokens and request.word_timestamps:
                words = self._align(tokenizer, tokens, encoded, i, len(request.audio))
            results.append(
                TranscriptionResult(
                    text=text,
                    language=lang,
                    language_probability=lang_prob,
                    words=words,
                    avg_logprob=float(avg_logprob),
                    no_speech_prob=float(gen.no_speech_prob),
                    window_frames=window,
                    tokens=tuple(tokens),
                    language_evidence=evidence.get(i),
                )
            )
        return results, encoded

    def _identify(
        self, requests: list[TranscriptionRequest], encoded: ctranslate2.StorageView
    ) -> dict[int, LanguageEvidence]:
        """A final without a language: identified as the call's language decision counts it
        (partials keep whisper's first guess; they are redone anyway)."""
        if not self.multilingual:
            return {}
        wanted = [i for i, r in enumerate(requests) if r.language is None and not r.partial]
        if not wanted:
            return {}
        found = identify_encoded(
            self,
            encoded,
            {i: len(requests[i].audio) / PIPELINE_RATE for i in wanted},
            self.options.candidate_languages,
        )
        return dict(zip(wanted, found, strict=True))

    def _languages(
        self, requests: list[TranscriptionRequest], encoded: ctranslate2.StorageView
    ) -> list[tuple[str, float]]:
        if not self.multilingual:
            return [("en", 1.0)] * len(requests)
        detected: list[list[tuple[str, float]]] | None = None
        if any(r.language is None for r in requests):
            detected = self._whisper.model.detect_language(encoded)
        out = []
        for i, request in enumerate(requests):
            if request.language is not None:
                out.append((request.language, 1.0))
            else:
                assert detected is not None  # detected above: a request without a language
                out.append(self._pick_language(detected[i]))
        return out

    def _pick_language(self, ranked: list[tuple[str, float]]) -> tuple[str, float]:
        allowed = self.options.candidate_languages
        for token, prob in ranked:
            code = token[2:-2]
            if not allowed or code in allowed:
                return code, float(prob)
        return allowed[0], 0.0

    def _align(
        self,
        tokenizer: Tokenizer,
        tokens: list[int],
        encoded: ctranslate2.StorageView,
        index: int,
        n_samples: int,
    ) -> tuple[Word, ...]:
        # align() takes one start sequence for the whole batch, so each item is aligned on
        # its own slice of the encoder output (cheap next to encoding).
        encoded = _one_of(encoded, index)
        num_frames = n_samples // (PIPELINE_RATE // FRAMES_PER_SECOND)
        alignment = self._whisper.find_alignment(tokenizer, [tokens], encoded, num_frames)[0]
        duration = n_samples / PIPELINE_RATE
        return tuple(
            Word(
                word=a["word"].strip(),
                start=round(min(float(a["start"]), duration), 2),
                end=round(min(float(a["end"]), duration), 2),
                probability=round(float(a["probability"]), 3),
            )
            for a in alignment
            if a["word"].strip()
        )

    def _token_budget(self, requests: list[TranscriptionRequest]) -> int:
        longest = max(len(r.audio) for r in requests) / PIPELINE_RATE
        budget = 12 + int(longest * self.options.tokens_per_second)
        return min(self.options.max_new_tokens, budget)

    def _looks_looped(self, result: TranscriptionResult) -> bool:
        if not result.text:
            return False
        return compression_ratio(
            result.text
        ) > self.options.compression_ratio_threshold or _has_repeated_run(result.text.split())


def _one_of(encoded: ctranslate2.StorageView, index: int) -> ctranslate2.StorageView:
    """Item `index` of a batch's encoder output, as a batch of one."""
    if encoded.shape[0] == 1:
        return encoded
    one = np.asarray(encoded)[index : index + 1]
    return ctranslate2.StorageView.from_array(np.ascontiguousarray(one))


def _load_at_priority(nice: int, load: Callable[[], WhisperModel]) -> WhisperModel:
    """Build the model on a thread `nice` steps below normal priority.

    CTranslate2 starts its worker threads while the model loads, and on Linux a thread
    inherits the niceness of the thread that starts it. So whisper runs below the event
    loop: it takes every core the loop leaves idle, and yields them when packets arrive.
    """
    if nice <= 0:
        return load()

    def lower_priority() -> None:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)

    with ThreadPoolExecutor(1, "whisper-load", initializer=lower_priority) as loader:
        return loader.submit(load).result()  # a load error is raised here, on the caller's thread


# An output whose words are mostly the prompt's, that ends on three of the prompt's words in
# the prompt's own order, or holds five of them anywhere, was read off the prompt rather than
# heard. (A caller's "my parcel, order number PX-48213" follows the prompt for three words in
# mid-sentence: that is speech.)
PROMPT_SHARE = 0.6
PROMPT_TAIL_RUN = 3
PROMPT_RUN = 5
_PROMPT_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


def prompt_words(text: str) -> list[str]:
    """The lower-cased words of `text`, as the prompt recital check compares them."""
    return [w.lower() for w in _PROMPT_WORD.findall(text)]


def prompt_recital(text: str, prompt: str) -> bool:
    """True when `text` reproduces the vocabulary `prompt` (mostly its words, or a run of
    its words in its order) rather than transcribing speech."""
    said = prompt_words(text)
    vocabulary, tails, runs = _prompt_shape(prompt)
    if not said or not vocabulary:
        return False
    if sum(w in vocabulary for w in said) / len(said) >= PROMPT_SHARE:
        return True
    if tuple(said[-PROMPT_TAIL_RUN:]) in tails:
        return True
    return any(tuple(said[i : i + PROMPT_RUN]) in runs for i in range(len(said) - PROMPT_RUN + 1))


@functools.lru_cache(maxsize=8)
def _prompt_shape(prompt: str) -> tuple[frozenset[str], frozenset[tuple], frozenset[tuple]]:
    """The prompt's words, and its runs of PROMPT_TAIL_RUN and PROMPT_RUN words, once per prompt
    (every result is checked against the same one or two prompts)."""
    given = prompt_words(prompt)
    return frozenset(given), _runs(given, PROMPT_TAIL_RUN), _runs(given, PROMPT_RUN)


def _runs(words: list[str], size: int) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def compression_ratio(text: str) -> float:
    """How far zlib shrinks `text`; a high ratio means it repeats itself (whisper's loop check)."""
    data = text.encode("utf-8")
    return len(data) / len(zlib.compress(data))


# The same 1-6 characters four or more times in a row ("tŕtŕtŕtŕ"): a loop inside a word.
_REPEATED_CHARS = re.compile(r"(.{1,6}?)\1{3,}")


def _has_repeated_run(words: list[str], min_repeats: int = 4) -> bool:
    """True when the decoder repeats itself.

    Either a 1-4 word phrase back to back `min_repeats` times ("Dat Dat Dat Dat"), or a
    phrase of three or more words said twice in a row ("you can do for your country you
    can do for your country"), which people almost never do but a decoder that missed
    the end of the audio does.
    """
    if any(_REPEATED_CHARS.search(w) for w in words if len(w) > 12):
        return True
    lowered = [w.lower().strip(".,!?") for w in words]
    n = len(lowered)
    for size in range(1, n // 2 + 1):
        repeats_needed = min_repeats if size < 3 else 2
        for start in range(0, n - size * repeats_needed + 1):
            phrase = lowered[start : start + size]
            if all(
                lowered[start + k * size : start + (k + 1) * size] == phrase
                for k in range(1, repeats_needed)
            ):
                return True
    return False


def _dedupe_repeats(result: TranscriptionResult) -> TranscriptionResult:
    """Last resort against a looping decoder: collapse back-to-back repeats of a phrase."""
    words = _REPEATED_CHARS.sub(r"\1", result.text).split()
    out: list[str] = []
    for word in words:
        out.append(word)
        for size in range(1, len(out) // 2 + 1):
            if [w.lower() for w in out[-size:]] == [w.lower() for w in out[-2 * size : -size]]:
                del out[-size:]
                break
    words_kept = result.words[: len(out)]
    return TranscriptionResult(**{**result.__dict__, "text": " ".join(out), "words": words_kept})
