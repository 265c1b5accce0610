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
    assert listed[1]["trend"] == [0.2, 0.4] and listed[1]["risk"] == 0.4
    assert [c["call_id"] for c in board.visible(lambda agent: agent == "a")] == ["CA-calm"]
    board.feed({"type": "call.ended", "call_id": "CA-hot", "seq": 3, "t": 5, "reason": "hangup"})
    assert [c["call_id"] for c in board.visible(lambda agent: True)] == ["CA-calm", "CA-hot"]
