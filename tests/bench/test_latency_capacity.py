"""Capacity counts the most calls still within the p95 limit, from one call up."""

from bench.latency import capacity


def _row(language: str, calls: int, load: str, p95: float | None) -> dict:
    return {"language": language, "calls": calls, "load": load, "sidebar_latency_s": {"p95": p95}}


def test_capacity_is_the_last_run_within_the_limit_per_core():
    rows = [
        _row("nl", 1, "simultaneous", 1.3),
        _row("nl", 2, "offset", 1.4),
        _row("nl", 4, "offset", 1.49),
        _row("nl", 6, "offset", 1.7),
        _row("nl", 8, "offset", 1.45),  # past a miss: not counted
        _row("en", 1, "simultaneous", 0.6),
        _row("en", 16, "simultaneous", 1.2),  # simultaneous runs are not capacity runs
        _row("en", 24, "offset", 0.9),
    ]
    found = capacity(rows, cores=2, limit_s=1.5)
    assert found["nl"] == {
        "p95_limit_s": 1.5,
        "calls": 4,
        "calls_per_core": 2.0,
        "largest_run": 8,
    }
    assert found["en"]["calls"] == 24 and found["en"]["calls_per_core"] == 12.0


def test_no_run_within_the_limit_is_zero_capacity():
    found = capacity([_row("nl", 1, "simultaneous", 2.0)], cores=2, limit_s=1.5)
    assert found["nl"]["calls"] == 0 and found["nl"]["calls_per_core"] == 0.0
