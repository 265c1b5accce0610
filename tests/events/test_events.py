import dataclasses

import pytest

from copilot.events.codec import EVENT_TYPES, EventDecodeError, event_from_json
from copilot.events.core import CallStarted, EventSequencer, TranscriptFinal, Word


def test_transcript_final_round_trips_through_json():
    event = TranscriptFinal(
        "call-1",
        7,
        3.4,
        speaker="customer",
        utterance_id="customer-2",
        start=1.2,
        end=3.4,
        text="Waar blijft mijn pakketje?",
        language="nl",
        words=(Word("Waar", 1.2, 1.5, 0.9), Word("blijft", 1.5, 1.9, 0.8)),
    )
    data = event.to_dict()
    assert data["type"] == "transcript.final"
    assert data["words"][1] == {"word": "blijft", "start": 1.5, "end": 1.9, "probability": 0.8}
    assert event_from_json(event.to_json()) == event


def test_every_event_type_round_trips_with_defaults():
    for name, cls in EVENT_TYPES.items():
        event = cls("c", 1, 0.5)
        assert event.type == name
        assert event_from_json(event.to_json()) == event


def test_events_are_frozen():
    event = CallStarted("c", 1, 0.0, source="file", legs=("agent", "customer"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.seq = 2  # type: ignore[misc]


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[1, 2]",
        '{"type": "nope"}',
        '{"type": "call.ended", "call_id": 5, "seq": 1, "t": 0}',
        '{"type": "call.ended", "call_id": "c", "seq": "1", "t": 0}',
        '{"type": "transcript.final", "call_id": "c", "seq": 1, "t": 0, "words": [{"x": 1}]}',
    ],
)
def test_bad_documents_raise_a_decode_error(text):
    with pytest.raises(EventDecodeError):
        event_from_json(text)


def test_sequencer_stamps_monotonic_seq_and_call_id():
    seq = EventSequencer("call-9")
    stamped = [seq.stamp(CallStarted("", 0, 0.0)) for _ in range(3)]
    assert [e.seq for e in stamped] == [1, 2, 3]
    assert {e.call_id for e in stamped} == {"call-9"}
