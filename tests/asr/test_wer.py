import json
from pathlib import Path

import pytest

from copilot.asr.wer import corpus_wer, edit_distance, normalise, wer, word_errors

REFERENCES = json.loads(
    (Path(__file__).resolve().parents[2] / "audio_fixtures" / "references.json").read_text(
        encoding="utf-8"
    )
)


def test_normalise_drops_case_and_punctuation():
    assert normalise("Hello, World! How are you?") == ["hello", "world", "how", "are", "you"]


def test_normalise_keeps_intra_word_apostrophes_and_unifies_their_glyph():
    assert normalise("I\u2019m fine, don't worry") == ["i'm", "fine", "don't", "worry"]
    assert normalise("Two auto's", "nl") == ["two", "auto's"]


def test_normalise_strips_quote_marks_around_words():
    assert normalise("'Hello' said `she'") == ["hello", "said", "she"]


def test_normalise_splits_hyphenated_compounds():
    assert normalise("een zee-engte", "nl") == ["een", "zee", "engte"]
    assert normalise("order PX-48213") == ["order", "px", "48213"]


def test_normalise_keeps_numbers_as_digits():
    assert normalise("fifteen 15") == ["fifteen", "15"]


def test_normalise_unifies_composed_and_decomposed_unicode():
    assert normalise("caf\u00e9") == normalise("cafe\u0301") == ["caf\u00e9"]


def test_dutch_drops_stress_accents_but_keeps_diaeresis():
    assert normalise("Eén uur, vóór twaalven", "nl") == ["een", "uur", "voor", "twaalven"]
    assert normalise("zeeën", "nl") == ["zeeën"]
    assert normalise("één", "en") == ["één"]


def test_normalise_of_punctuation_only_is_empty():
    assert normalise(" ... -- !? ") == []


def test_identical_texts_have_no_errors():
    assert word_errors("the cat sat", "the cat sat") == (0, 3)
    assert wer("the cat sat", "the cat sat") == 0.0


def test_substitution():
    assert word_errors("the cat sat", "the bat sat") == (1, 3)
    assert wer("the cat sat", "the bat sat") == pytest.approx(1 / 3)


def test_insertion():
    assert word_errors("the cat sat", "the cat sat down") == (1, 3)


def test_deletion():
    assert word_errors("the cat sat", "the sat") == (1, 3)


def test_substitution_plus_insertion_is_two_errors_not_more():
    # a b c d -> a x c d e: substitute b->x, insert e
    assert word_errors("a b c d", "a x c d e") == (2, 4)


def test_swapped_words_cost_two():
    assert edit_distance(["a", "b"], ["b", "a"]) == 2


def test_empty_hypothesis_is_all_deletions():
    assert word_errors("the cat sat", "") == (3, 3)
    assert wer("the cat sat", "") == 1.0


def test_wer_can_exceed_one():
    assert wer("yes", "yes yes yes") == 2.0


def test_case_and_punctuation_are_not_errors():
    assert wer("Where is my parcel?", "where is my parcel") == 0.0


def test_jfk_reference_with_or_without_comma():
    reference = REFERENCES["jfk.flac"]["text"]
    assert wer(reference, reference.replace("Americans,", "Americans").upper()) == 0.0


def test_dutch_reference_compound_written_apart():
    reference = REFERENCES["vl04108.wav"]["text"]
    hypothesis = "de straat van gibraltar is een zee engte aan het uiteinde van de middellandse zee"
    assert wer(reference, hypothesis, language="nl") == 0.0


def test_empty_reference_and_hypothesis():
    assert word_errors("", "") == (0, 0)
    assert wer("", "") == 0.0
    assert wer("...", "") == 0.0


def test_empty_reference_with_words_counts_insertions_but_has_no_rate():
    assert word_errors("", "hello there") == (2, 0)
    with pytest.raises(ValueError, match="empty reference"):
        wer("", "hello there")


def test_corpus_wer_weights_by_reference_length():
    pairs = [("a b c", "a b c"), ("d e", "d")]
    # 1 error over 5 words, not the mean of the per-pair rates (0 + 0.5) / 2
    assert corpus_wer(pairs) == pytest.approx(0.2)


def test_corpus_wer_accepts_an_empty_reference_among_others():
    assert corpus_wer([("a b c d", "a b c d"), ("", "uh")]) == pytest.approx(0.25)


def test_corpus_wer_passes_language_through():
    assert corpus_wer([("één", "een")], language="nl") == 0.0
    assert corpus_wer([("één", "een")], language="en") == 1.0


def test_corpus_wer_accepts_a_generator():
    assert corpus_wer((ref, ref) for ref in ["a", "b c"]) == 0.0


def test_corpus_wer_of_no_pairs_is_an_error():
    with pytest.raises(ValueError, match="at least one"):
        corpus_wer([])
