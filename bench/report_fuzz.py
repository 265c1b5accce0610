"""The fuzzing section of docs/benchmarks.md."""

from __future__ import annotations

from .markdown import stamp, table


def fuzz_line(sec: dict) -> str:
    verdict = "0 unhandled exceptions" if sec["pytest_exit"] == 0 else "**a property failed**"
    return (
        f"- Fuzzing: {sec['inputs']:,} generated inputs over {sec['properties']} properties,"
        f" {verdict} (target >= {sec['target_inputs']:,})"
    )


def fuzz_section(sec: dict) -> list[str]:
    rows = [[f"`{name.split('::')[1]}`", n] for name, n in sec["per_property"].items()]
    return [
        "## 8. Bad input (`fuzz`)",
        "",
        stamp(sec),
        "",
        f"Hypothesis property tests from {', '.join(f'`{f}`' for f in sec['files'])}, run with"
        f" {sec['examples_per_property']} examples each: every parser and decoder must return a"
        f" valid result or its own error type. pytest: {sec['pytest_summary']}.",
        "",
        *table(["Property", "Inputs"], rows),
    ]
