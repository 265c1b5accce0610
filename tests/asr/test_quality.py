"""The real whisper models on the real clips: WER, telephony copies, stereo attribution, language."""

import pytest

from bench.asr_eval import corpus_wer, leg_texts, score_clip, telephony_copy
from copilot.asr.transcriber import DecodingOptions, TranscriptionRequest, WhisperTranscriber
from copilot.audio.files import decode_file, pcm16_to_float
from tests.conftest import fixture_path, reference

ENGLISH = {
    "jfk.flac": lambda ref: {"customer": ref["text"]},
    "stereo_diarization.wav": lambda ref: {
        "agent": ref["channel_texts"]["left"],
        "customer": ref["channel_texts"]["right"],
    },
}
FLEMISH = ("vl00203.wav", "vl04108.wav", "vl09647.wav")


@pytest.fixture(scope="module")
def models(tiny_en, base_multilingual):
    return lambda language: tiny_en if language == "en" else base_multilingual


def english_scores(models, path_for=fixture_path):
    scores = []
    for name, refs in ENGLISH.items():
        scores += score_clip(path_for(name), refs(reference(name)), models, "en")
    return scores


def flemish_scores(models, path_for=fixture_path):
    scores = []
    for name in FLEMISH:
        scores += score_clip(path_for(name), {"customer": reference(name)["text"]}, models, "nl")
    return scores


def test_english_clips_under_ten_percent_wer(models):
    scores = english_scores(models)
    for score in scores:
        assert score.wer <= 0.10, f"{score.clip}/{score.leg}: {score.hypothesis!r}"


def test_flemish_clips_with_dutch_language_under_35_percent_wer(models):
    for score in flemish_scores(models):
        assert score.wer <= 0.35, f"{score.clip}: {score.hypothesis!r}"


@pytest.mark.parametrize("codec", ["ULAW", "ALAW"])
def test_english_telephony_copies_stay_within_five_points(models, tmp_path, codec):
    copy = lambda name: telephony_copy(fixture_path(name), tmp_path, codec)  # noqa: E731
    assert corpus_wer(english_scores(models, copy)) <= corpus_wer(english_scores(models)) + 0.05


def test_flemish_telephony_copies_stay_usable(models, tmp_path):
    # Known shortfall (docs/benchmarks.md): the multilingual base loses about 30 points on
    # 8 kHz Flemish, short of the 5-point goal. This guards against it getting worse. The
    # 28 reference words make one word 3.6 points, and int8 kernels differ by CPU: the same
    # code measured 39.3 % on the bench machine and 42.9 % on another 2-core VM.
    copy = lambda name: telephony_copy(fixture_path(name), tmp_path, "ULAW")  # noqa: E731
    assert corpus_wer(flemish_scores(models, copy)) <= corpus_wer(flemish_scores(models)) + 0.36


def test_stereo_recording_attributes_each_channel_to_its_speaker(models):
    texts = leg_texts(fixture_path("stereo_diarization.wav"), models, "en")
    assert "wizard" in texts["agent"].lower() and "horizon" not in texts["agent"].lower()
    assert "horizon" in texts["customer"].lower() and "wizard" not in texts["customer"].lower()


def test_auto_language_detects_dutch_and_english(base_multilingual):
    from copilot.audio.files import decode_file, pcm16_to_float

    for name, expected in (("vl04108.wav", "nl"), ("jfk.flac", "en")):
        pcm = decode_file(fixture_path(name)).legs["customer"]
        result = base_multilingual.transcribe(pcm16_to_float(pcm), language=None)
        assert result.language == expected
        # A final without a language carries the evidence the call's decision adds up.
        assert result.language_evidence is not None
        assert result.language_evidence.language == expected


def test_batched_results_equal_one_by_one(tiny_en):
    from copilot.audio.files import decode_file, pcm16_to_float

    clips = [pcm16_to_float(decode_file(fixture_path(n)).legs["customer"]) for n in ("jfk.flac",)]
    clips.append(pcm16_to_float(decode_file(fixture_path("stereo_diarization.wav")).legs["agent"]))
    alone = [tiny_en.transcribe(c, "en").text for c in clips]
    together = [
        r.text for r in tiny_en.transcribe_batch([TranscriptionRequest(c, "en") for c in clips])
    ]
    assert together == alone


def test_word_timestamps_lie_inside_the_utterance(tiny_en):
    from copilot.audio.files import decode_file, pcm16_to_float

    pcm = decode_file(fixture_path("jfk.flac")).legs["customer"]
    result = tiny_en.transcribe(pcm16_to_float(pcm), "en")
    assert [w.word.strip(",.") for w in result.words][:4] == ["And", "so", "my", "fellow"]
    starts = [w.start for w in result.words]
    assert starts == sorted(starts) and result.words[-1].end <= 11.0 + 1e-6


def test_temperature_fallback_keeps_the_likeliest_text_and_leaves_partials_alone():
    pcm = pcm16_to_float(decode_file(fixture_path("jfk.flac")).legs["customer"])
    beam = WhisperTranscriber("tiny.en").transcribe(pcm, "en")
    # No text can reach a log-probability above 0: every final fails and is sampled again.
    options = DecodingOptions(temperature_fallback=(0.6, 1.0), logprob_threshold=0.5)
    sampling = WhisperTranscriber("tiny.en", options=options)
    result = sampling.transcribe(pcm, "en")
    assert result.avg_logprob >= beam.avg_logprob
    assert "country" in result.text.lower()
    partial = sampling.transcribe_batch([TranscriptionRequest(pcm, "en", partial=True)])[0]
    assert partial.redone == ""


def test_a_looping_dutch_final_is_decoded_again_from_the_same_encoder_output(
    base_multilingual, tmp_path
):
    # The rendered calm Dutch call's "Ik weet alleen niet zeker of mijn e-mailadres nog klopt"
    # over a phone line: the beam gets stuck on "ik m'n maai niet"; the cure penalises repeats
    # on the encoder output it already has instead of encoding a 30-second window again.
    line = telephony_copy(fixture_path("call_calm_nl.wav"), tmp_path)
    leg = pcm16_to_float(decode_file(line).legs["customer"])
    turn = leg[int(39.8 * 16000) : int(45.3 * 16000)]
    result = base_multilingual.transcribe(turn, "nl")
    assert result.redone == "penalised"
    assert not base_multilingual._looks_looped(result)
    assert result.window_frames < 3000 and result.words


def test_a_first_partial_decodes_on_a_short_window_with_the_same_words(tiny_en):
    # Under a second of speech decodes on a 3 s window, and the words are still heard.
    leg = pcm16_to_float(decode_file(fixture_path("jfk.flac")).legs["customer"])
    first = tiny_en.transcribe_batch([TranscriptionRequest(leg[:16000], "en", partial=True)])[0]
    later = tiny_en.transcribe_batch([TranscriptionRequest(leg[:48000], "en", partial=True)])[0]
    assert first.window_frames == 300 and later.window_frames == 500
    assert first.text.lower().startswith("and so")
