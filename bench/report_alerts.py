"""The alert_quality section of docs/benchmarks.md."""

from __future__ import annotations

from copilot.affect.types import PHRASE_CONFIDENCE_FLOOR

from .markdown import seconds, stamp, table

LEVELS = ("early_warning", "escalate", "take_over")


def _pr(level: dict) -> str:
    def fmt(v):
        return "–" if v is None else f"{v:.2f}"

    return f"{fmt(level['precision'])} / {fmt(level['recall'])}"


def _alert(alert: dict) -> str:
    """An alert for the per-call table; one resting on unsure words says how sure they were."""
    unsure = (
        f" (words heard at p {alert['confidence']:.2f})"
        if alert["confidence"] < PHRASE_CONFIDENCE_FLOOR
        else ""
    )
    return f"{alert['level']} {alert['t']:.1f} s{unsure}"


def _met(value: bool | None) -> str:
    return "not measured" if value is None else "met" if value else "not met"


def _real_wer(sec: dict) -> dict:
    stored = sec.get("real_speech_wer_nl", {})
    if "clean" in stored:  # one real call, stored before the set had two
        return {"real_flemish_calm_nl.wav": stored}
    return stored


def alert_quality_line(sec: dict) -> str:
    parts = [
        f"{group}: escalate P/R {_pr(data['levels']['escalate'])},"
        f" {data['premature_alerts']} premature"
        for group, data in sec["groups"].items()
    ]
    return "- Alerts on labelled calls: " + "; ".join(parts)


def alert_quality_section(sec: dict) -> list[str]:
    rows = [
        [
            group,
            data["calls"],
            *(_pr(data["levels"][level]) for level in LEVELS),
            seconds(data["lead_time_s"]["median"]),
            data["premature_alerts"],
        ]
        for group, data in sec["groups"].items()
    ]
    header = ["Set, language, audio", "Calls", *(f"{lv} P / R" for lv in LEVELS)]
    header += ["Lead time (median s)", "Alerts before the first tense turn"]
    per_call = [
        [
            c["call"],
            c.get("split", "dev"),
            c["made"],
            c["condition"],
            ", ".join(c["warranted"]) or "none",
            ", ".join(_alert(a) for a in c["alerts"]) or "none",
            seconds(c["lead_time_s"]),
        ]
        for c in sec["calls"]
    ]
    targets = sec["targets"]
    return [
        "## `alert_quality`",
        "",
        stamp(sec),
        "",
        "Whole labelled calls replayed through the QA pipeline with the affect stage as deployed,",
        "as recorded and as 8 kHz mu-law. Each customer turn is labelled calm, tense, angry,",
        "doubtful or distressed; an early warning is due on a call with any non-calm turn, an",
        "escalation with an angry turn, a take-over with two. Counted per call and level; an alert",
        "before the first non-calm turn counts as a false positive and as premature",
        "(`bench.alert_eval`).",
        "",
        *table(header, rows),
        f"Targets: no premature alert on any call: **{_met(targets['no_premature_alerts'])}**;"
        " escalation precision and recall ≥ 0.9 per language on clean audio, whole set:"
        f" **{_met(targets['escalate_clean_p_r_0_9'])}**, test half alone:"
        f" **{_met(targets.get('escalate_clean_p_r_0_9_test'))}**.",
        "",
        "*Dev* calls are the shipped ones and `bench/call_scripts.py` (cues and thresholds were"
        " changed looking at them); *test* calls are `bench/call_scripts_heldout.py`, written before"
        " those changes, and the real-speech calls. Customer-leg WER of the real Flemish calls"
        " (the pipeline's segmenter and the `nl` model): "
        + "; ".join(
            f"{name}: "
            + ", ".join(
                f"{cond} {100 * v['wer']:.1f} % of {v['words']} words" for cond, v in conds.items()
            )
            for name, conds in _real_wer(sec).items()
        )
        + ".",
        "",
        *_floor_lines(sec),
        *table(["Call", "Set", "Made", "Audio", "Due", "Alerts raised", "Lead time (s)"], per_call),
    ]


def _floor_lines(sec: dict) -> list[str]:
    """The phrase confidence floor study: each candidate on the dev and test halves."""
    study = sec.get("floor")
    if not study:
        return []
    rows = []
    for floor, splits in study["floors"].items():
        row = [f"**{floor}**" if float(floor) == study["chosen"] else floor]
        for split in ("dev", "test"):
            data = splits[split]
            levels = data["levels"]
            separation = data.get("separation")
            row += [
                data["premature_alerts"],
                sum(level["fp"] for level in levels.values()),
                _pr(levels["escalate"]),
                sum(level["fn"] for level in levels.values()),
                "–" if separation is None else f"{separation:.2f}",
            ]
        rows.append(row)
    header = ["Floor"]
    for split in ("dev", "test"):
        header += [
            f"{split}: premature",
            f"{split}: false",
            f"{split}: escalate P / R",
            f"{split}: missed",
            f"{split}: separation",
        ]
    verdict = (
        "the shipped floor"
        if study["chosen"] == study["shipped"]
        else f"**not** the shipped {study['shipped']}"
    )
    return [
        "### Phrase confidence floor, calibrated on the dev calls",
        "",
        "Each call's transcript and audio were recorded once (clean and 8 kHz) and played into"
        " the affect stage at each candidate floor (`[affect] phrase_confidence_floor`: the word"
        " probability below which a phrase needs a voice cue or a repetition before it may"
        f" escalate). Rule: {study['rule']}. Dev chooses **{study['chosen']}**, {verdict}."
        " Counts are over every call and audio condition of the half; *separation* is the share"
        " of the callers' escalation words at or above the floor minus the share of made-up ones"
        " (– when a half has none of one kind)."
        f" Escalation words whisper made up on a turn that was not angry: dev"
        f" {study['made_up_requests']['dev']}, test {study['made_up_requests']['test']};"
        " the callers' own on the dev calls, by word probability: "
        + ", ".join(
            f"{q['evidence'].partition(': ')[2]} {q['p']:.2f}"
            for q in study["requests"]
            if q["said"] and q["split"] == "dev"
        )
        + ".",
        "",
        *table(header, rows),
    ]
