"""Word error rate for checking transcripts against the references in audio_fixtures/.

Both sides go through the same `normalise`, so case, punctuation and Unicode spelling
variants never count as errors; only word substitutions, insertions and deletions do.
Numbers are left as written ("48213" and "forty-eight thousand" differ), which keeps
the rule simple and the same for English and Dutch.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# A word is a run of letters/digits, optionally joined by apostrophes ("i'm", "auto's").
# Hyphens, dashes and all other punctuation separate words, so "zee-engte" and
# "zee engte" normalise alike whichever way a transcriber writes the compound.
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})

# Dutch writes stress accents only for emphasis ("één", "vóór") and transcribers use
# them inconsistently; the diaeresis ("zeeën") is spelling and is kept.
_DUTCH_STRESS_ACCENTS = {"\u0301", "\u0300"}


def normalise(text: str, language: str = "en") -> list[str]:
    """Lower-cased words of `text` with punctuation removed, ready for comparison."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES)
    if language == "nl":
        decomposed = unicodedata.normalize("NFD", text)
        kept = "".join(ch for ch in decomposed if ch not in _DUTCH_STRESS_ACCENTS)
        text = unicodedata.normalize("NFC", kept)
    return _WORD.findall(text)


def edit_distance(reference: list[str], hypothesis: list[str]) -> int:
    """Fewest substitutions + insertions + deletions turning `reference` into `hypothesis`."""
    previous = list(range(len(hypothesis) + 1))  # row for an empty reference: all insertions
    for i, ref_word in enumerate(reference, start=1):
        current = [i]  # empty hypothesis: all i reference words deleted
        for j, hyp_word in enumerate(hypothesis, start=1):
            current.append(
                min(
                    previous[j] + 1,  # deletion
                    current[j - 1] + 1,  # insertion
                    previous[j - 1] + (ref_word != hyp_word),  # match or substitution
                )
            )
        previous = current
    return previous[-1]


def word_errors(reference: str, hypothesis: str, *, language: str = "en") -> tuple[int, int]:
    """(word errors, reference word count) after normalising both texts."""
    ref_words = normalise(reference, language)
    hyp_words = normalise(hypothesis, language)
    return edit_distance(ref_words, hyp_words), len(ref_words)


def wer(reference: str, hypothesis: str, *, language: str = "en") -> float:
    """Word errors divided by reference words; can exceed 1.0 when the hypothesis adds words."""
    return corpus_wer([(reference, hypothesis)], language=language)


def corpus_wer(pairs: Iterable[tuple[str, str]], *, language: str = "en") -> float:
    """Total errors over total reference words, so long utterances weigh more than short ones.

    An empty reference is allowed in a pair (its hypothesis words count as insertions),
    but when all references together have no words the rate is only defined if there
    are no errors either; otherwise ValueError, rather than a silent 0 or infinity.
    """
    errors = words = count = 0
    for reference, hypothesis in pairs:
        pair_errors, pair_words = word_errors(reference, hypothesis, language=language)
        errors += pair_errors
        words += pair_words
        count += 1
    if count == 0:
        raise ValueError("corpus_wer needs at least one (reference, hypothesis) pair")
    if words == 0:
        if errors:
            raise ValueError(
                f"WER is undefined for an empty reference with {errors} inserted word(s); "
                "use word_errors() to count them"
            )
        return 0.0
    return errors / words
