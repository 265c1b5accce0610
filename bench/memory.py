"""Resident memory: what each loaded model costs, and what each live call adds.

Model cost is VmRSS just before and after each model loads (bench/clips.Models,
first thing in the run). Per-call cost is the peak VmRSS during the largest
latency level minus VmRSS of the idle server just before it, divided by calls.
"""

from __future__ import annotations

import asyncio

from .clips import Models
from .latency import QUICK_RUNS, run_levels


def memory(models: Models, quick: bool, latency_result: dict | None = None) -> dict:
    if latency_result is None:
        # Run alone: measure one busy level of our own.
        levels = asyncio.run(run_levels(models.get("tiny.en"), (max(QUICK_RUNS["en"]),)))
    else:
        levels = latency_result["levels"]
    english = [row for row in levels if row.get("language", "en") == "en"]
    peak = max(english, key=lambda row: row["calls"])
    before = models.rss_before_mb
    after = models.rss_after_mb
    loaded = {}
    for name in Models.NAMES:
        loaded[name] = {"rss_after_mb": after[name], "added_mb": round(after[name] - before, 1)}
        before = after[name]
    return {
        "rss_start_mb": models.rss_before_mb,
        "models": loaded,
        "per_call": {
            "calls": peak["calls"],
            "rss_idle_mb": peak["rss_idle_mb"],
            "rss_peak_mb": peak["rss_peak_mb"],
            "growth_per_call_mb": peak["rss_growth_per_call_mb"],
        },
        "per_level": [
            {
                "calls": row["calls"],
                "rss_idle_mb": row["rss_idle_mb"],
                "rss_peak_mb": row["rss_peak_mb"],
                "growth_per_call_mb": row["rss_growth_per_call_mb"],
            }
            for row in levels
        ],
    }
