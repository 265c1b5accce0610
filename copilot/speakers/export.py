"""`make export-speaker-model`: Resemblyzer's GE2E voice encoder as ONNX in models/.

The network (3-layer LSTM over 40 mel bands, a linear layer, ReLU, L2 norm) is rebuilt
here from the wheel's `pretrained.pt`, so neither the resemblyzer package nor its
librosa / webrtcvad dependencies are imported; torch (the `train` extra) runs only here,
never in a serving process. The exported graph takes (batch, 160 frames, 40 bands)
and gives (batch, 256) unit vectors; `speakers/features.py` computes its mel input.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import zipfile
from pathlib import Path

import torch
from torch import nn

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "models" / "speaker_encoder.onnx"
WHEEL_MEMBER = "resemblyzer/pretrained.pt"
N_MELS, FRAMES, HIDDEN, LAYERS = 40, 160, 256, 3


class VoiceEncoder(nn.Module):
    """Resemblyzer's network, the same layer names as its checkpoint."""

    def __init__(self) -> None:
        super().__init__()
        self.lstm = nn.LSTM(N_MELS, HIDDEN, LAYERS, batch_first=True)
        self.linear = nn.Linear(HIDDEN, HIDDEN)

    def forward(self, mels: torch.Tensor) -> torch.Tensor:
        """(batch, frames, bands) mel power -> (batch, 256) L2-normed embeddings."""
        _, (hidden, _) = self.lstm(mels)
        raw = torch.relu(self.linear(hidden[-1]))
        # The epsilon only matters for an all-zero output, which ONNX would turn into NaN.
        return raw / (torch.norm(raw, dim=1, keepdim=True) + 1e-12)


def load_encoder(wheel: Path) -> VoiceEncoder:
    """The network with the weights from the wheel's pretrained.pt."""
    with zipfile.ZipFile(wheel) as archive, archive.open(WHEEL_MEMBER) as handle:
        checkpoint = torch.load(handle, map_location="cpu", weights_only=False)
    state = {k: v for k, v in checkpoint["model_state"].items() if not k.startswith("similarity")}
    encoder = VoiceEncoder()
    encoder.load_state_dict(state)
    return encoder.eval()


def export(wheel: Path, out: Path = OUT) -> dict:
    """Write the ONNX file and its provenance JSON beside it; return the provenance."""
    encoder = load_encoder(wheel)
    example = torch.zeros(2, FRAMES, N_MELS)
    torch.onnx.export(
        encoder,
        (example,),
        str(out),
        input_names=["mels"],
        output_names=["embedding"],
        dynamic_axes={"mels": {0: "batch"}, "embedding": {0: "batch"}},
        opset_version=17,
        dynamo=False,  # the TorchScript exporter needs no onnx / onnxscript packages
    )
    info = {
        "max_abs_difference_onnxruntime_vs_torch": _parity(encoder, out),
        "source": "PyPI Resemblyzer 0.1.4 (resemblyzer/pretrained.pt), Apache-2.0",
        "wheel_sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
        "onnx_sha256": hashlib.sha256(out.read_bytes()).hexdigest(),
        "input": f"mels: (batch, {FRAMES}, {N_MELS}) mel power, 25 ms / 10 ms at 16 kHz",
        "output": "embedding: (batch, 256), L2-normed",
        "exported_with": f"torch {torch.__version__}",
    }
    out.with_suffix(".json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return info


def _parity(encoder: VoiceEncoder, out: Path) -> float:
    """Largest difference between onnxruntime's and torch's embeddings on a fixed input."""
    import numpy as np
    import onnxruntime

    mels = np.abs(np.random.default_rng(0).standard_normal((5, FRAMES, N_MELS))).astype("float32")
    session = onnxruntime.InferenceSession(str(out), providers=["CPUExecutionProvider"])
    got = session.run(None, {"mels": mels})[0]
    with torch.no_grad():
        want = encoder(torch.from_numpy(mels)).numpy()
    difference = float(np.abs(got - want).max())
    if difference > 1e-4:
        raise SystemExit(f"the ONNX graph differs from the network by {difference}")
    return float(f"{difference:.1e}")


def main() -> None:
    """Command line: the path of the downloaded Resemblyzer-0.1.4 wheel."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("wheel", type=Path, help="Resemblyzer-0.1.4-py3-none-any.whl")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    print(json.dumps(export(args.wheel, args.out), indent=2))


if __name__ == "__main__":
    main()
