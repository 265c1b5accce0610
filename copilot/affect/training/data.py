"""GoEmotions for training and evaluation: the splits, the Ekman groups, cached sentence embeddings.

Embeddings are cached under .cache/affect/, keyed by encoder name and file hash.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from copilot.affect.emotion_model import LABELS

REPO = Path(__file__).resolve().parents[3]
CACHE = REPO / ".cache" / "affect"


def goemotions_dir() -> Path:
    """COPILOT_GOEMOTIONS_DIR, else the repo copy, else the shared original."""
    if os.environ.get("COPILOT_GOEMOTIONS_DIR"):
        return Path(os.environ["COPILOT_GOEMOTIONS_DIR"])
    repo_copy = REPO / "data" / "goemotions"
    if repo_copy.is_dir():
        return repo_copy
    return Path("/work/shared/data/goemotions/original")


@dataclass(frozen=True)
class Split:
    """One GoEmotions split: texts, n x 28 gold labels, and the file's hash (the cache key)."""

    name: str
    texts: list[str]
    gold: np.ndarray  # n x 28 bool
    sha1: str


def load_split(name: str, root: Path | None = None) -> Split:
    """The split in `<name>.tsv`, once labels.txt is checked to list LABELS in order."""
    root = root or goemotions_dir()
    labels = (root / "labels.txt").read_text(encoding="utf-8").split()
    if tuple(labels) != LABELS:
        raise ValueError(f"{root / 'labels.txt'} does not list the 28 GoEmotions labels in order")
    raw = (root / f"{name}.tsv").read_bytes()
    texts, gold = [], []
    for line in raw.decode("utf-8").splitlines():
        text, ids, _comment_id = line.split("\t")
        row = np.zeros(len(LABELS), dtype=bool)
        row[[int(i) for i in ids.split(",")]] = True
        texts.append(text)
        gold.append(row)
    return Split(name, texts, np.array(gold), hashlib.sha1(raw).hexdigest())


def ekman_groups(root: Path | None = None) -> dict[str, list[str]]:
    """Ekman class -> member labels, with neutral as its own seventh class."""
    root = root or goemotions_dir()
    path = root / "ekman_mapping.json"
    if not path.is_file():  # the shared original keeps it one folder up
        path = root.parent / "ekman" / "ekman_mapping.json"
    groups = json.loads(path.read_text(encoding="utf-8"))
    return {**groups, "neutral": ["neutral"]}


def embed(split: Split, encoder, batch: int = 512) -> np.ndarray:
    """Encoder vectors for a split, cached by encoder name and file hash."""
    path = CACHE / f"{encoder.name}-{split.name}-{split.sha1[:12]}.npy"
    if path.is_file():
        return np.load(path)
    t0 = time.time()
    parts = [encoder.encode(split.texts[i : i + batch]) for i in range(0, len(split.texts), batch)]
    vectors = np.concatenate(parts).astype(np.float32)
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    print(f"embedded {split.name} ({len(split.texts)} texts) in {time.time() - t0:.0f} s")
    return vectors
