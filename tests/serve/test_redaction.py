"""PII redaction: each kind found (with its check digits), look-alikes left alone."""

import pytest

from copilot.serve.redaction import Redactor, bsn_valid, iban_valid, luhn_valid

REDACT = Redactor()


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("mail me at j.jansen+post@example.co.uk please", "mail me at [email] please"),
        ("my card is 4111 1111 1111 1111 ok", "my card is [card] ok"),
        ("IBAN NL91 ABNA 0417 1643 00 thanks", "IBAN [iban] thanks"),
        ("rekening NL91ABNA0417164300", "rekening [iban]"),
        ("mijn BSN is 111222333", "mijn BSN is [bsn]"),
        ("bel me op 06-12345678", "bel me op [phone]"),
        ("call +31 20 123 4567 now", "call [phone] now"),
        ("postcode 1234 AB huisnummer 12", "postcode [postcode]"),
        ("ik woon op 3511 LX, 7a", "ik woon op [postcode]"),
    ],
)
def test_each_kind_is_redacted(said, expected):
    assert REDACT.text(said) == expected


@pytest.mark.parametrize(
    "said",
    [
        "order 4111 1111 1111 1112 is late",  # fails Luhn
        "reference 123456789",  # fails the 11-proof
        "IBAN NL92ABNA0417164300",  # wrong check digits
        "in 2019 we moved",
        "it took 15 working days",
    ],
)
def test_look_alikes_stay(said):
    assert REDACT.text(said) == said


def test_check_digit_rules():
    assert luhn_valid("4111111111111111") and not luhn_valid("4111111111111112")
    assert iban_valid("NL91ABNA0417164300") and not iban_valid("NL91ABNA0417164301")
    assert bsn_valid("111222333") and bsn_valid("12345672") and not bsn_valid("123456789")


def test_event_redaction_keeps_structure_and_hides_words():
    event = {
        "type": "transcript.final",
        "call_id": "CA-1",
        "seq": 4,
        "speaker": "customer",
        "utterance_id": "customer-1",
        "text": "my number is 06 12345678",
        "words": [{"word": "my", "start": 0.0}, {"word": "06", "start": 0.5}],
        "metadata": {"agent_id": "a@b.nl", "note": "write to a@b.nl"},
    }
    redacted = Redactor().event(event)
    assert redacted["text"] == "my number is [phone]"
    assert [w["word"] for w in redacted["words"]] == ["my", "[redacted]"]
    assert redacted["call_id"] == "CA-1" and redacted["metadata"]["agent_id"] == "a@b.nl"
    assert redacted["metadata"]["note"] == "write to [email]"
    assert event["text"].endswith("12345678")  # the original is untouched


def test_only_configured_kinds_and_off_switch():
    assert Redactor(kinds=("email",)).text("a@b.nl 06-12345678") == "[email] 06-12345678"
    assert Redactor(enabled=False).text("a@b.nl") == "a@b.nl"
    with pytest.raises(ValueError):
        Redactor(kinds=("shoe_size",))
