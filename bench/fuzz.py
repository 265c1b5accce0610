"""Generated bad input against every parser, far more of it than CI runs.

Runs the property tests (telephony parsers, config files, recordings, stored events,
and sidebar client messages where that test file exists) with a large example count in
a pytest subprocess, and counts the examples hypothesis reports as run. A failing
property is a bug: the section records it and the headline says so.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

from .clips import Models
from .machine import REPO

TARGET_INPUTS = 100_000
PROPERTY_FILES = (
    "tests/telephony/test_protocol_fuzz.py",
    "tests/test_input_fuzz.py",
)
PER_PROPERTY = 8_000  # x the number of properties (about 15) clears TARGET_INPUTS


def fuzz(models: Models, quick: bool) -> dict:
    files = list(PROPERTY_FILES)
    examples = 300 if quick else PER_PROPERTY
    env = {**os.environ, "COPILOT_FUZZ_EXAMPLES": str(examples)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--hypothesis-show-statistics",
            *files,
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=3600,
    )
    per_test = {}
    current = None
    for line in done.stdout.splitlines():
        name = re.match(r"^(tests/\S+::\S+):$", line.strip())
        if name:
            current = name.group(1)
            continue
        counts = re.search(r"(\d+) passing, (\d+) failing", line)
        if counts and current:
            per_test[current] = (
                per_test.get(current, 0) + int(counts.group(1)) + int(counts.group(2))
            )
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-300:]
    total = sum(per_test.values())
    return {
        "files": files,
        "examples_per_property": examples,
        "properties": len(per_test),
        "inputs": total,
        "per_property": per_test,
        "pytest_exit": done.returncode,
        "pytest_summary": summary,
        "target_inputs": TARGET_INPUTS,
        "met": done.returncode == 0 and total >= TARGET_INPUTS,
    }
