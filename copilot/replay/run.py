"""`copilot replay`: a batch of recordings through the pipeline, a QA report per call and overall.

    DIR/calls/<id>.json   every event of the call plus its summary (the report's source)
    DIR/calls/<id>.html   transcript, signal timeline with alerts, assist, scorecard
    DIR/index.html        every call, sortable; DIR/calls.csv the same for spreadsheets
    DIR/overall.json      totals and the figures against annotations

A call whose JSON exists is done: a rerun skips it (resume after a crash or when
new recordings are added). A file that cannot be replayed is listed and skipped.
Workers are processes, each with its own models: with two cores, two one-thread
workers keep both busy through the parts of a call that are not whisper.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import csv
import dataclasses
import json
import multiprocessing
import os
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from copilot.config import Config
from copilot.events.wording import ENGLISH, Words, language_from_locale, words_for
from copilot.replay.language_report import CSV_COLUMNS as LANGUAGE_COLUMNS
from copilot.replay.language_report import csv_cells as language_cells
from copilot.replay.pages import call_page, index_page
from copilot.replay.scorecard import ScorecardItem, load_scorecard
from copilot.replay.sidecars import LabelsError, overall, read_sidecars
from copilot.replay.summary import summarise_call
from copilot.replay.worker import (
    CallReplayer,
    Recording,
    ReplayedCall,
    find_recordings,
    init_worker,
    replay_in_worker,
    worker_config,
    worker_environment,
)

CSV_COLUMNS = (
    "call_id",
    "path",
    "duration",
    "language",
    "utterances",
    "peak_frustration",
    "peak_doubt",
    "peak_load",
    "alerts",
    "top_alert",
    "intents",
    "urgency",
    "scorecard_score",
    "wer",
    "outcome",
    *LANGUAGE_COLUMNS,
)


@dataclasses.dataclass
class ReplayOptions:
    """What `copilot replay` was asked: recordings, report folder, workers, scorecard, language."""

    paths: list[str]
    out_dir: Path
    workers: int = 1
    ray_address: str | None = None  # "local" or a cluster address
    scorecard: str | None = None
    # The report's language (nl / en); `copilot replay --ui-language`, else the locale's.
    ui_language: str = ""


class Progress:
    """One status line on stderr: calls done, audio hours, speed against real time."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total, self.stream = total, stream or sys.stderr
        self.done = self.failed = 0
        self.audio_s = 0.0
        self.began = time.perf_counter()
        self.tty = self.stream.isatty()  # the default (stderr) too

    def update(self, result: ReplayedCall) -> None:
        """Count one finished call (a skipped one also gets a line of its own) and redraw."""
        self.done += 1
        self.failed += not result.ok
        self.audio_s += result.duration
        if not result.ok:
            self._line(f"skipped {result.recording.path}: {result.error}", final=True)
        self._line(self.status(), final=not self.tty or self.done == self.total)

    def status(self) -> str:
        """Return the status text: a bar, calls done, audio hours, speed against real time."""
        elapsed = max(time.perf_counter() - self.began, 1e-6)
        filled = int(20 * self.done / max(self.total, 1))
        return (
            f"[{'#' * filled}{'.' * (20 - filled)}] {self.done}/{self.total} calls, "
            f"{self.audio_s / 3600:.2f} h audio, {self.audio_s / elapsed:.1f}x real time"
            + (f", {self.failed} failed" if self.failed else "")
        )

    def _line(self, text: str, final: bool) -> None:
        self.stream.write(("\r\033[K" if self.tty else "") + text + ("\n" if final else ""))
        self.stream.flush()


def run_replay(config: Config, options: ReplayOptions, log: TextIO | None = None) -> int:
    """Replay, write the reports; progress and problems go to `log` (stderr by default)."""
    log = log or sys.stderr
    scorecard = load_scorecard(options.scorecard)
    recordings, missing = find_recordings(options.paths)
    calls_dir = options.out_dir / "calls"
    calls_dir.mkdir(parents=True, exist_ok=True)
    for problem in missing:
        print(f"error: {problem}", file=log)
    todo = [r for r in recordings if not _done(calls_dir, r.call_id)]
    if len(todo) < len(recordings):
        print(f"{len(recordings) - len(todo)} call(s) already replayed, skipped", file=log)
    progress = Progress(len(todo), log)
    failures = [{"path": p.split(":")[0], "error": "no such file or folder"} for p in missing]
    for result in _results(config, options, todo):
        progress.update(result)
        if result.ok:
            _write_call(calls_dir, result, scorecard)
        else:
            failures.append({"path": str(result.recording.path), "error": result.error})
    reports = _load_reports(calls_dir, {r.call_id for r in recordings})
    words = words_for(options.ui_language or language_from_locale())
    write_index(options.out_dir, reports, failures, words)
    print(f"report: {options.out_dir / 'index.html'}", file=log)
    return 1 if failures else 0


def _results(config: Config, options: ReplayOptions, todo: list[Recording]) -> Iterator:
    if not todo:
        return iter(())
    if options.ray_address:
        from copilot.replay.on_ray import replay_with_ray

        return replay_with_ray(config, todo, options.ray_address, options.workers)
    if options.workers <= 1:
        return _in_process(config, todo)
    return _in_processes(config, todo, options.workers)


def _in_process(config: Config, todo: list[Recording]) -> Iterator[ReplayedCall]:
    replayer = CallReplayer(config)
    for recording in todo:
        yield replayer.replay_safely(recording)


@contextlib.contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old


def _in_processes(config: Config, todo: list[Recording], workers: int) -> Iterator[ReplayedCall]:
    shared = worker_config(config, workers)
    context = multiprocessing.get_context("spawn")  # no forked copies of loaded model threads
    with (
        _environment(worker_environment(shared)),  # spawned workers inherit it
        concurrent.futures.ProcessPoolExecutor(
            workers, mp_context=context, initializer=init_worker, initargs=(shared,)
        ) as pool,
    ):
        futures = {pool.submit(replay_in_worker, r): r for r in todo}
        for future in concurrent.futures.as_completed(futures):
            try:
                yield future.result()
            except Exception as exc:  # noqa: BLE001 - a worker that died takes one call with it
                yield ReplayedCall(futures[future], error=f"worker failed: {exc}")


def _done(calls_dir: Path, call_id: str) -> bool:
    path = calls_dir / f"{call_id}.json"
    if not path.is_file():
        return False
    try:
        return "report" in json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False  # a half-written file from a crash: replay it again


def _write_call(calls_dir: Path, result: ReplayedCall, scorecard: list[ScorecardItem]) -> None:
    recording = result.recording
    try:
        sidecars, sidecar_error = read_sidecars(recording.path), ""
    except LabelsError as exc:
        sidecars, sidecar_error = None, str(exc)
    report = summarise_call(recording.call_id, result.events, result.duration, scorecard, sidecars)
    if sidecar_error:
        report["sidecar_error"] = sidecar_error
    document = {
        "call_id": recording.call_id,
        "path": str(recording.path),
        "seconds": result.seconds,
        "report": report,
        "events": [e.to_dict() for e in result.events],
    }
    _write_atomically(calls_dir / f"{recording.call_id}.html", call_page(report))
    # The JSON last: its presence marks the call done.
    _write_atomically(calls_dir / f"{recording.call_id}.json", json.dumps(document, indent=1))


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _load_reports(calls_dir: Path, call_ids: set[str]) -> list[dict]:
    reports = []
    for call_id in sorted(call_ids):
        path = calls_dir / f"{call_id}.json"
        if path.is_file():
            reports.append(json.loads(path.read_text(encoding="utf-8"))["report"])
    return reports


def write_index(
    out_dir: Path, reports: list[dict], failures: list[dict], words: Words = ENGLISH
) -> dict:
    """The index, overall.json and calls.csv; every call page is redrawn in `words`' language
    from its stored report, so a rerun in another language leaves no page in the old one."""
    for report in reports:
        _write_atomically(out_dir / "calls" / f"{report['call_id']}.html", call_page(report, words))
    totals = overall([r["sidecar"] for r in reports if r.get("sidecar")])
    stats = {
        "calls": len(reports),
        "audio_hours": sum(r["duration"] for r in reports) / 3600,
        "failed": len(failures),
    }
    summary: dict[str, Any] = {**stats, "overall": totals, "failures": failures}
    _write_atomically(out_dir / "overall.json", json.dumps(summary, indent=1))
    _write_atomically(out_dir / "index.html", index_page(reports, totals, failures, stats, words))
    with open(out_dir / "calls.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(CSV_COLUMNS)
        writer.writerows(_csv_row(r) for r in reports)
    return summary


def _csv_row(r: dict) -> list:
    wer = (r.get("sidecar") or {}).get("wer", {}).get("wer")
    return [
        r["call_id"],
        r["path"],
        r["duration"],
        r["language"],
        r["utterances"],
        r["peaks"]["frustration"],
        r["peaks"]["doubt"],
        r["peaks"]["load"],
        len(r["alerts"]),
        r["top_alert"],
        " ".join(r["intents"]),
        r.get("urgency") or "",
        "" if r["scorecard_score"] is None else r["scorecard_score"],
        "" if wer is None else wer,
        r["outcome"],
        *language_cells(r),
    ]


def _report_files(out_dir: Path, call_ids: set[str]) -> list[Path]:
    """These calls' replay outputs (JSON, page) in the report folder."""
    calls_dir = out_dir / "calls"
    found = []
    for call_id in call_ids:
        if Path(call_id).name != call_id or call_id in ("", ".", ".."):
            continue  # not a file name: never a path out of the report folder
        found += [
            path
            for suffix in (".json", ".html")
            if (path := calls_dir / f"{call_id}{suffix}").is_file()
        ]
    return found


def count_reports(out_dir: Path, call_ids: set[str]) -> int:
    """Count these calls' replay files (JSON, page): what `erase_reports` would delete."""
    return len(_report_files(out_dir, call_ids))


def erase_reports(out_dir: Path, call_ids: set[str]) -> int:
    """Delete these calls' replay outputs (JSON, page) and redraw the index and CSV without them,
    in the language the report was drawn in. Returns how many files went."""
    calls_dir = out_dir / "calls"
    removed = 0
    for path in _report_files(out_dir, call_ids):
        _overwrite(path)
        path.unlink()
        removed += 1
    if removed and calls_dir.is_dir():
        kept = {p.stem for p in calls_dir.glob("*.json")}
        summary_path = out_dir / "overall.json"
        failures = (
            json.loads(summary_path.read_text())["failures"] if summary_path.is_file() else []
        )
        index = out_dir / "index.html"
        drawn = re.search(r'<html lang="(\w+)"', index.read_text()) if index.is_file() else None
        words = words_for(drawn.group(1) if drawn else "")
        write_index(out_dir, _load_reports(calls_dir, kept), failures, words)
    return removed


def _overwrite(path: Path) -> None:
    """Zeros over a file's bytes before it is unlinked, so its blocks do not keep the text."""
    size = path.stat().st_size
    with open(path, "r+b") as f:
        f.write(b"\0" * size)
        f.flush()
        os.fsync(f.fileno())
