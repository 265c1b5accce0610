"""Markdown pieces shared by the benchmark report's sections."""

from __future__ import annotations


def table(header: list[str], rows: list[list]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join("–" if v is None else str(v) for v in row) + " |" for row in rows]
    return out + [""]


def pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f} %"


def seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def stamp(section: dict) -> str:
    quick = ", **quick run**" if section.get("quick") else ""
    load = section["load"]
    return (
        f"_Measured {section['date']} on commit {section.get('commit', '?')}{quick};"
        f" the section took {section['bench_seconds']} s;"
        f" other processes used {pct(load['other_cpu_share'])} of the machine's CPU meanwhile"
        f" (steal {load['steal_cpu_s']} s)._"
        + (" **Timings disturbed by other load.**" if load["other_cpu_share"] > 0.1 else "")
        + (" (Second attempt: the first was disturbed.)" if load.get("attempt", 1) > 1 else "")
    )
