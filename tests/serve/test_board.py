"""Call summaries for the supervisor: risk from signals and alerts, trend, ordering."""

from copilot.serve.board import CallBoard


def test_risk_trend_and_order():
    board = CallBoard()
    for call, agent in (("CA-calm", "a"), ("CA-hot", "b")):
        board.feed(
            {
                "type": "call.started",
                "call_id": call,
                "seq": 1,
                "t": 0,
                "metadata": {"agent_id": agent},
            }
        )
    for i, value in enumerate((0.2, 0.4), start=2):
        board.feed(
            {
                "type": "affect",
                "call_id": "CA-calm",
                "seq": i,
                "t": i,
                "speaker": "customer",
                "frustration": value,
            }
        )
    assert (
        board.feed(
            {
                "type": "affect",
                "call_id": "CA-calm",
                "seq": 9,
                "t": 9,
                "speaker": "agent",
                "frustration": 0.9,
            }
        )
        is None
    )
    summary = board.feed(
        {
            "type": "alert",
            "call_id": "CA-hot",
            "seq": 2,
            "t": 4,
            "level": "take_over",
            "signal": "frustration",
            "reason": "r",
        }
    )
    assert summary["risk"] == 1.0 and summary["take_over"]
    listed = board.visible(lambda agent: True)
    assert [c["call_id"] for c in listed] == ["CA-hot", "CA-calm"]
    # No alert: the signal places the call in the lowest band (below any early warning).
    assert listed[1]["trend"] == [0.2, 0.4] and 0 < listed[1]["risk"] < 0.5
    assert listed[1]["risk"] == round(0.5 * 0.99 * 0.4, 3)
    assert [c["call_id"] for c in board.visible(lambda agent: agent == "a")] == ["CA-calm"]
    board.feed({"type": "call.ended", "call_id": "CA-hot", "seq": 3, "t": 5, "reason": "hangup"})
    assert [c["call_id"] for c in board.visible(lambda agent: True)] == ["CA-calm", "CA-hot"]


def _started(board, call_id, **metadata):
    event = {"type": "call.started", "call_id": call_id, "seq": 1, "t": 0, "metadata": metadata}
    board.feed(event)


def _event(board, call_id, seq, type_, **fields):
    return board.feed({"type": type_, "call_id": call_id, "seq": seq, "t": seq, **fields})


def test_risk_ranks_take_over_then_escalate_then_early_warning_then_signal():
    """An early warning at 0.95 stays below an escalation at 0.10; a signal alone below both."""
    board = CallBoard()
    cases = {
        "CA-signal": (0.99, None),
        "CA-early": (0.95, "early_warning"),
        "CA-escalate": (0.10, "escalate"),
        "CA-take-over": (0.0, "take_over"),
    }
    for call_id, (frustration, level) in cases.items():
        _started(board, call_id, agent_id="a")
        _event(board, call_id, 2, "affect", speaker="customer", frustration=frustration)
        if level:
            _event(board, call_id, 3, "alert", level=level, signal="frustration")
    listed = board.visible(lambda agent: True)
    assert [c["call_id"] for c in listed] == [
        "CA-take-over",
        "CA-escalate",
        "CA-early",
        "CA-signal",
    ]
    risks = [c["risk"] for c in listed]
    assert risks == sorted(risks, reverse=True) and len(set(risks)) == 4
    assert [c["level"] for c in listed] == ["take_over", "escalate", "early_warning", ""]
    assert listed[-1]["risk"] > 0  # signals exist: never 0.00


def test_team_and_last_line_fields():
    board = CallBoard()
    _started(board, "CA-q", agent_id="a", queue="billing")
    _started(board, "CA-hint", agent_id="a")
    summary = _event(board, "CA-hint", 2, "suggestion", kind="intent", team="retention")
    assert summary is not None and summary["team"] == "retention"
    _event(board, "CA-q", 2, "alert", level="escalate", signal="frustration", team="complaints")
    line = _event(board, "CA-q", 3, "transcript.final", speaker="customer", text="Hallo")
    assert line["team"] == "billing"  # the queue it came in on beats any later hint
    assert (line["last_speaker"], line["last_text"]) == ("customer", "Hallo")
    assert line["last_line"] == "customer: Hallo"
