"""`copilot alert-cues`: what agents' answers to alerts taught, per team, and the way back.

Lists every phrase cue with an answer: the team or queue, the language, the phrase's
topic and pattern, what its weight is multiplied by now, and how many calls dismissed or
acknowledged an alert citing it. `--reset` forgets the answers (of one `--team`, or all),
so every phrase counts fully again; a running server sees the file change and counts
again at its next utterance.
"""

from __future__ import annotations

import sys
from typing import TextIO

from copilot.config import Config, ConfigError
from copilot.runtime import StageFactory


def alert_cues(
    config: Config, team: str | None = None, reset: bool = False, out: TextIO = sys.stdout
) -> int:
    """Print the learned cue weights, or with `reset` forget them (one team's, or all)."""
    if not config.assist.feedback_db:
        raise ConfigError(
            "no [assist] feedback_db: answers to alerts are kept in the server's memory only"
        )
    stages = StageFactory(config)
    learner = stages.alert_learner()
    if reset:
        removed = learner.reset(team)
        whose = f"team {team!r}" if team is not None else "every team"
        print(f"forgot {removed} answers to alerts of {whose}", file=out)
        return 0
    rows = [row for row in learner.learned() if team is None or row.key.team == team]
    if not rows:
        print("no answers to alerts yet: every phrase counts fully", file=out)
        return 0
    # The patterns as written: without the word boundaries every phrase is wrapped in.
    phrases = {p.code: (p.topic, p.pattern.pattern[5:-3]) for p in stages.affect_phrases()}
    for row in rows:
        topic, pattern = phrases.get(row.key.code, ("?", f"(code {row.key.code})"))
        print(
            f"{row.key.team or '(no team)'}\t{row.key.language or '-'}\t{topic}\t{pattern}"
            f"\tx{row.multiplier:.2f}\tdismissed {row.dismissed}\tacknowledged {row.acknowledged}",
            file=out,
        )
    return 0
