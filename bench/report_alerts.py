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
    header = ["Language, audio", "Calls", *(f"{lv} P / R" for lv in LEVELS)]
    header += ["Lead time (median s)", "Alerts before the first tense turn"]
    per_call = [
        [
            c["call"],
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
        "(`copilot.replay.alert_eval`).",
        "",
        *table(header, rows),
        f"Targets: no premature alert on any call: **{'met' if targets['no_premature_alerts'] else 'not met'}**;"
        f" escalation precision and recall ≥ 0.9 per language on clean audio:"
        f" **{'met' if targets['escalate_clean_p_r_0_9'] else 'not met'}**.",
        "",
        "Customer-leg WER of the real Flemish call (the pipeline's segmenter and the `nl` model): "
        + ", ".join(
            f"{cond} {100 * v['wer']:.1f} % of {v['words']} words"
            for cond, v in sec.get("real_speech_wer_nl", {}).items()
        )
        + ".",
        "",
        *table(["Call", "Made", "Audio", "Due", "Alerts raised", "Lead time (s)"], per_call),
    ]
