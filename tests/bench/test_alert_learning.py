"""The alert-learning curve (bench section alert_learning) meets its targets and renders."""

from bench.alert_learning import alert_learning
from bench.call_scripts_learning import DEV_FALSE, HELDOUT_FALSE
from bench.report_alert_learning import alert_learning_line, alert_learning_section

STAMP = {
    "date": "2026-12-06",
    "commit": "test",
    "bench_seconds": 1.0,
    "load": {"other_cpu_share": 0.0, "steal_cpu_s": 0},
}


def test_false_alerts_go_after_dismissals_and_nothing_true_is_lost():
    sec = alert_learning(None, quick=True)
    assert all(sec["targets"].values()), sec["targets"]
    curve = sec["curve"]
    # Every dev and held-out false call raised an alert before any answer, none at the end.
    assert curve[0]["dev_false"]["calls"] == len(DEV_FALSE)
    assert curve[0]["heldout_false"]["calls"] == len(HELDOUT_FALSE)
    assert curve[-1]["heldout_false"]["alerts"] == 0
    dev = [p["dev_false"]["alerts"] for p in curve]
    assert dev == sorted(dev, reverse=True)  # never more false alerts after a dismissal
    # Both languages learned, each phrase to where it stops escalating, none to the floor.
    assert {c["language"] for c in sec["learned"]} == {"en", "nl"}
    assert all(c["multiplier"] < 0.8 for c in sec["learned"])
    # Answers fade: with none for three half-lives, the alerts are back.
    assert sec["later"]["3_half_life"]["dev_false"] == curve[0]["dev_false"]
    lines = alert_learning_section({**sec, **STAMP})
    assert "## `alert_learning`" in lines and "**not met**" not in "\n".join(lines)
    assert alert_learning_line({**sec, **STAMP}).endswith("as before: yes")
