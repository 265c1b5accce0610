"""The alert_learning section of docs/benchmarks.md: false alerts against dismissals."""

from __future__ import annotations

from .markdown import stamp, table

LEVELS = ("early_warning", "escalate", "take_over")


def _recall(group: dict, level: str) -> str:
    value = group["recall"][level]
    return "–" if value is None else f"{value:.2f}"


def _false(counts: dict) -> str:
    return f"{counts['alerts']} ({counts['calls']}/{counts['of']} calls)"


def _row(point: dict, label: str | None = None) -> list:
    true, angry = point["heldout_true"], point["same_cues_angry"]
    return [
        label if label is not None else point["dismissals"],
        _false(point["dev_false"]),
        _false(point["heldout_false"]),
        _false(point["control_team_false"]),
        " / ".join(_recall(true, level) for level in LEVELS),
        " / ".join(_recall(angry, level) for level in LEVELS[:2]),
        "yes" if point["clear_requests_escalate"] else "**no**",
    ]


def alert_learning_line(sec: dict) -> str:
    first, last = sec["curve"][0], sec["curve"][-1]
    true = " / ".join(_recall(last["heldout_true"], level) for level in LEVELS)
    return (
        f"- Alert learning (team `{sec['team']}`): false alerts on dev calls"
        f" {first['dev_false']['alerts']} -> {last['dev_false']['alerts']} after"
        f" {last['dismissals']} dismissals, held-out false"
        f" {first['heldout_false']['alerts']} -> {last['heldout_false']['alerts']};"
        f" held-out recall (early / escalate / take-over) {true}, as before: "
        + ("yes" if sec["targets"]["heldout_recall_kept"] else "**no**")
    )


def alert_learning_section(sec: dict) -> list[str]:
    header = [
        "Dismissals",
        "Dev false alerts",
        "Held-out false alerts",
        f"Dev calls on team `{sec['control_team']}`",
        "Held-out recall early / escalate / take-over",
        "Same phrases, angry: recall early / escalate",
        "Clear manager request escalates",
    ]
    later = sec["later"]
    rows = [_row(point) for point in sec["curve"]]
    rows += [
        _row(later["1_half_life"], "no answers for one half-life"),
        _row(later["3_half_life"], "no answers for three half-lives"),
        _row(sec["erased"], "every dismissing call erased"),
    ]
    settings = sec["settings"]
    targets = ", ".join(
        f"{name}: {'met' if ok else '**not met**'}" for name, ok in sec["targets"].items()
    )
    sets = sec["sets"]
    return [
        "## `alert_learning`",
        "",
        stamp(sec),
        "",
        f'Agents of team `{sec["team"]}` dismiss ("Niet relevant") every alert the'
        f" {len(sets['dev_false'])} dev calls raise: calm customers whose harmless words are cues"
        ' that escalate at once ("my account manager", "cancel my order", "switching to another'
        ' plan", "overstappen op het grotere pakket", "niet opzeggen"), en and nl, played'
        " round after round through the `AlertLearner` and `AffectStage` the server runs. After"
        " every call that brought a dismissal, everything is measured again without learning:"
        f" the dev calls, {len(sets['heldout_false'])} held-out calls with harmless words said"
        f" otherwise, the dev calls on team `{sec['control_team']}` (which dismissed nothing),"
        f" recall on {len(sets['heldout_true'])} held-out labelled calls (shipped, bench and"
        f" held-out scripts) and on {len(sets['same_cues_angry'])} angry calls that use the very"
        ' phrases being learned, and whether a clear request for a manager ("I want to speak to'
        ' your manager", "Ik wil graag uw leidinggevende spreken") still escalates. On the'
        " scripts' words (`bench/alert_learning.py`, `bench/call_scripts_learning.py`).",
        "",
        f"Settings: `dismissal_step` {settings['dismissal_step']}, `cue_weight_floor`"
        f" {settings['cue_weight_floor']}, `learned_request_min` {settings['learned_request_min']},"
        f" `learning_half_life_days` {settings['learning_half_life_days']}. A phrase stops"
        " escalating at once after two calls of the team dismissed it, per language; once it"
        " raises no alert nobody dismisses it, so it stays there. The last rows: how it comes"
        " back by itself (after one half-life without answers two dismissals count as one, so"
        " the phrase alerts again until one more dismissal) and after an erasure.",
        "",
        *table(header, rows),
        f"Targets: {targets}.",
        "",
    ]
