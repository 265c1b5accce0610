"""`make bench`: ASR accuracy and speed, language auto, batching, live latency, memory, affect model, alert
quality and learning, QA replay, fuzzing, voicebot, chat bot, web chat, soak, fleet.

    python -m bench.run                         # every section (about 10 minutes on 2 cores)
    python -m bench.run --only latency,memory   # some sections; the others keep their numbers
    python -m bench.run --quick                 # smaller levels, a smoke run

A full run writes bench/results.json and regenerates docs/benchmarks.md from it.
--only replaces just the named sections in the existing results.json. --quick
writes to bench/out/ instead, so a smoke run never replaces the published numbers.

On a shared machine, each section first waits (up to 3 minutes) for other processes
to go quiet, and is measured once more if they still took over 10 % of the CPU while
it ran; the share they took is recorded with every section.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from .affect import affect_text
from .alert_learning import alert_learning
from .alert_quality import alert_quality
from .asr import asr_rtf, asr_window
from .assist import assist, assist_abstention
from .batching import batching
from .chat_bot import chat_bot
from .clips import Models
from .domains import domains
from .fleet import fleet
from .fuzz import fuzz
from .language_auto import language_auto
from .latency import latency
from .machine import REPO, OtherLoad, code_version, machine_info, now_utc, wait_for_quiet
from .memory import memory
from .nl_decoding import nl_decoding
from .prompt_words import prompt_words_section as prompt_words
from .replay import replay
from .report import render
from .side_by_side import side_by_side
from .soak import soak
from .speaker_split import speaker_split
from .voicebot import voicebot
from .webchat import webchat

# Above this share of the CPU taken by other processes, a section's timings are not ours.
DISTURBED_SHARE = 0.10
RETRIES_WHEN_DISTURBED = 1

SECTIONS: dict[str, Callable[..., dict]] = {
    "asr_window": asr_window,
    "asr_rtf": asr_rtf,
    "prompt_words": prompt_words,
    "nl_decoding": nl_decoding,
    "language_auto": language_auto,
    "batching": batching,
    "latency": latency,
    "side_by_side": side_by_side,
    "memory": memory,
    "affect_text": affect_text,
    "alert_quality": alert_quality,
    "alert_learning": alert_learning,
    "replay": replay,
    "speaker_split": speaker_split,
    "assist": assist,
    "assist_abstention": assist_abstention,
    "domains": domains,
    "fuzz": fuzz,
    "voicebot": voicebot,
    "chat_bot": chat_bot,
    "webchat": webchat,
    "soak": soak,
    "fleet": fleet,
}


def _sections(only: str) -> list[str]:
    if not only:
        return list(SECTIONS)
    wanted = [name.strip() for name in only.split(",") if name.strip()]
    unknown = [name for name in wanted if name not in SECTIONS]
    if unknown:
        raise SystemExit(
            f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}"
        )
    return [name for name in SECTIONS if name in wanted]  # always in dependency order


def _outputs(quick: bool) -> tuple[Path, Path]:
    if quick:
        out = REPO / "bench" / "out"
        out.mkdir(parents=True, exist_ok=True)
        return out / "results.json", out / "benchmarks.md"
    return REPO / "bench" / "results.json", REPO / "docs" / "benchmarks.md"


def _previous(path: Path, partial: bool) -> dict:
    if partial and path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    return {}


def _write(results: dict, json_path: Path, md_path: Path) -> None:
    json_path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    md_path.parent.mkdir(parents=True, exist_ok=True)
    md_path.write_text(render(results), encoding="utf-8")


def _measure(name: str, models: Models, quick: bool, results: dict) -> dict:
    """One section, measured again once if other processes took much of the CPU meanwhile."""
    for attempt in range(1 + RETRIES_WHEN_DISTURBED):
        waited = wait_for_quiet()  # a shared machine: let other jobs finish first if they will
        note = f" (waited {waited} s for a quiet machine)" if waited > 6 else ""
        print(f"[{name}]{note}", flush=True)
        machine = machine_info()  # every figure names the processor it was measured on
        header = {
            "date": now_utc(),
            "commit": code_version(),
            "quick": quick,
            "cpu": {"model": machine["cpu_model"], "instruction_sets": machine["instruction_sets"]},
        }
        began = time.perf_counter()
        load = OtherLoad()
        if name == "memory":
            # Per-call RSS comes from the latency levels: this run's, else the stored ones.
            data = memory(models, quick, results.get("latency"))
        else:
            data = SECTIONS[name](models, quick)
        header["load"] = {**load.result(), "waited_for_quiet_s": waited, "attempt": attempt + 1}
        header["bench_seconds"] = round(time.perf_counter() - began, 1)
        if header["load"]["other_cpu_share"] <= DISTURBED_SHARE:
            break
        print(
            f"  other processes took {header['load']['other_cpu_share']:.0%} of the CPU", flush=True
        )
    return {**header, **data}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller levels for a smoke run")
    parser.add_argument("--only", default="", help=f"comma-separated: {','.join(SECTIONS)}")
    args = parser.parse_args(argv)
    names = _sections(args.only)
    json_path, md_path = _outputs(args.quick)
    results = _previous(json_path, partial=bool(args.only))
    results["machine"] = machine_info()
    print(f"loading models on {results['machine']['cpu_model']}", flush=True)
    models = Models()
    for name in names:
        results[name] = _measure(name, models, args.quick, results)
        _write(results, json_path, md_path)  # after each section: a crash keeps what was measured
    print(f"wrote {json_path.relative_to(REPO)} and {md_path.relative_to(REPO)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
