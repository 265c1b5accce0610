"""A clear request for a person in charge, shared by the affect and assist stages."""

from __future__ import annotations

import pytest

from copilot.events.core import Word
from copilot.pipeline.manager_request import clear_manager_request


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Then put me through to someone who can. Your manager, please.", "Your manager, please"),
        (
            "Verbindt u mij door met een leidinggevende.",
            "Verbindt u mij door met een leidinggevende",
        ),
        ("Weet u wat, geeft u mij uw leidinggevende maar.", "geeft u mij uw leidinggevende"),
        (
            "Nee, ik wil hier een leidinggevende over spreken.",
            "wil hier een leidinggevende over spreken",
        ),
        ("Dan wil ik nu een verantwoordelijke spreken.", "wil ik nu een verantwoordelijke spreken"),
        ("My account manager at work said so.", ""),
        ("Mijn leidinggevende op het werk geeft me geen vrij.", ""),
        ("Can I speak to your manager's office about the invoice?", ""),
    ],
)
def test_a_clear_request_for_a_manager_is_found_in_both_languages(text, asked):
    assert clear_manager_request(text) == asked
    if asked:  # the request's first word heard unsurely: no clear request
        inside = len(text[: text.index(asked)].split())
        sure = [0.3 if i == inside else 0.95 for i in range(len(text.split()))]
        words = [
            Word(w, i, i + 0.5, p) for i, (w, p) in enumerate(zip(text.split(), sure, strict=True))
        ]
        assert clear_manager_request(text, words) == ""
