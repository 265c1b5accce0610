"""Okapi BM25 over short passages, with a tokenizer for Dutch and English.

The lexical half of knowledge-base retrieval: exact words (a tracking-code prefix,
"rembours", "QR") that a sentence embedding blurs. Tokens are lower-cased, stop
words dropped, and cut to their first STEM_LENGTH letters: a crude stemmer that
needs no language model and joins "bezorging"/"bezorgd" and "delivery"/"delivered".
"""

from __future__ import annotations

import math
import re
from collections import Counter

STEM_LENGTH = 6
K1 = 1.2
B = 0.75

STOP_WORDS = frozenset(
    """
    a an and are as at be but by can could do does did for from had has have how i if in into is
    it its me my no not of on or our so that the their them then there this to was we what when
    where which who why will with would you your yes please hello hi
    de het een en van in op te dat die is zijn er aan met voor niet als ook om naar bij of maar
    dan nog wat hoe waar waarom wanneer ik mijn me mij u uw je jullie we wij ze hij zij kan kunt
    wil wilt moet heb heeft hebben was werd wordt worden dit deze al geen wel nu even graag ja
    hallo hoi
    """.split()
)

_WORD = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    """The words BM25 counts: lower case, no stop words, cut to STEM_LENGTH letters."""
    words = (w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS)
    return [w[:STEM_LENGTH] for w in words if len(w) > 1 or w.isdigit()]


class BM25Index:
    """Scores a query against a fixed list of documents (rebuilt whole when they change)."""

    def __init__(self, documents: list[str]) -> None:
        self._docs = [Counter(tokens(d)) for d in documents]
        self._lengths = [sum(d.values()) for d in self._docs]
        self._average = sum(self._lengths) / max(len(self._docs), 1)
        frequency: Counter[str] = Counter()
        for doc in self._docs:
            frequency.update(doc.keys())
        n = len(self._docs)
        self._idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in frequency.items()}

    def scores(self, query: str) -> list[float]:
        """The BM25 score of `query` for each document, in document order (0: no shared word)."""
        terms = [t for t in set(tokens(query)) if t in self._idf]
        out = []
        for doc, length in zip(self._docs, self._lengths, strict=True):
            norm = K1 * (1 - B + B * length / max(self._average, 1e-9))
            score = 0.0
            for term in terms:
                tf = doc.get(term, 0)
                if tf:
                    score += self._idf[term] * tf * (K1 + 1) / (tf + norm)
            out.append(score)
        return out
