"""Agents' voiceprints: one file per agent id, made from that agent's stereo calls.

A voiceprint is the agent's personal data (biometric), never a caller's: it is only made
from the agent leg of a stereo recording whose metadata names the agent, kept under that
agent's id, and `copilot voiceprint delete AGENT_ID` removes it. The file holds the mean
voice vector, how many calls and seconds of speech made it, and the model it belongs to.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MODEL = "speaker_encoder.onnx"


@dataclass(frozen=True)
class Voiceprint:
    """One agent's enrolled voice."""

    agent_id: str
    vector: np.ndarray
    calls: int
    speech_s: float


class VoiceprintStore:
    """Voiceprints under `folder`, one JSON file per agent id (named by the id's hash)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def _path(self, agent_id: str) -> Path:
        # Hashed so any id (slashes, dots, an e-mail address) is a safe file name.
        return self.folder / (hashlib.sha256(agent_id.encode()).hexdigest()[:32] + ".json")

    def get(self, agent_id: str) -> Voiceprint | None:
        """The agent's voiceprint, or None if there is none (or it belongs to another model)."""
        path = self._path(agent_id)
        if not agent_id or not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("model") != MODEL or data.get("agent_id") != agent_id:
            return None
        vector = np.asarray(data["vector"], dtype=np.float32)
        return Voiceprint(agent_id, vector, int(data["calls"]), float(data["speech_s"]))

    def enrol(self, agent_id: str, vector: np.ndarray, speech_s: float) -> Voiceprint:
        """Add one call's agent voice to the agent's voiceprint (weighted by seconds of speech)."""
        old = self.get(agent_id)
        if old is not None:
            total = old.speech_s + speech_s
            vector = (old.vector * old.speech_s + vector * speech_s) / total
        vector = vector / max(float(np.linalg.norm(vector)), 1e-12)
        print_ = Voiceprint(
            agent_id,
            vector.astype(np.float32),
            (old.calls if old else 0) + 1,
            round((old.speech_s if old else 0.0) + speech_s, 2),
        )
        self.folder.mkdir(parents=True, exist_ok=True)
        record = {
            "agent_id": agent_id,
            "model": MODEL,
            "calls": print_.calls,
            "speech_s": print_.speech_s,
            "updated": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "vector": [round(float(v), 6) for v in print_.vector],
        }
        path = self._path(agent_id)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(record), encoding="utf-8")
        tmp.replace(path)
        return print_

    def delete(self, agent_id: str) -> bool:
        """Remove the agent's voiceprint; whether there was one."""
        path = self._path(agent_id)
        if path.is_file():
            path.unlink()
            return True
        return False

    def agents(self) -> list[tuple[str, int, float]]:
        """(agent id, calls, seconds of speech) of every stored voiceprint."""
        found = []
        for path in sorted(self.folder.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            found.append((str(data["agent_id"]), int(data["calls"]), float(data["speech_s"])))
        return found
