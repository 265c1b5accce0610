"""`copilot assist`: a conversation on stdin, the assist stage's events on stdout.

Input: `speaker: text` lines (speaker `customer`/`agent`, also `klant`/`medewerker`),
JSON lines `{"speaker": ..., "text": ..., "language": ...}`, or one JSON list of them.
Output: one JSON line per `suggestion`, `draft` and `route_to_human` event (every
event with --all), or readable lines with --text.
"""

from __future__ import annotations

import json
import sys
from typing import TextIO

from copilot.config import Config, ConfigError
from copilot.events.text import readable_line
from copilot.pipeline.chat import CHAT_SOURCE, TurnFormatError, parse_turns, run_text_turns
from copilot.runtime import StageFactory

ASSIST_TYPES = frozenset({"suggestion", "draft", "route_to_human"})


def run_assist(
    config: Config,
    text: str,
    out: TextIO = sys.stdout,
    record: str = "",
    conversation_id: str = "chat",
    source: str = CHAT_SOURCE,
    show_all: bool = False,
    readable: bool = False,
) -> int:
    """`copilot assist`: the turns in `text` through the stages, assist's events to `out`."""
    if "assist" not in config.stages:
        config.stages = (*config.stages, "assist")
    try:
        metadata = {"record": json.loads(record)} if record else {}
    except json.JSONDecodeError as exc:
        raise ConfigError(f"--record must be a JSON object: {exc}") from None
    try:
        turns = parse_turns(text)
    except TurnFormatError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    stages = StageFactory(config).for_call(conversation_id, metadata)
    language = config.language if config.language in ("en", "nl") else "en"
    events = run_text_turns(turns, stages, conversation_id, metadata, language, source)
    for event in events:
        if not show_all and event.type not in ASSIST_TYPES:
            continue
        line = readable_line(event) if readable else event.to_json()
        if line:
            out.write(line + "\n")
    out.flush()
    return 0
