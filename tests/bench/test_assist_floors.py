"""The floors' calibration rule on curves of known cards: the lowest floor that is right
often enough, never below a well-supported miss, and none where the cards are too few."""

from __future__ import annotations

from bench.assist_floors import (
    INTENT_AIM,
    INTENT_GRID,
    MIN_SHOWN,
    MIN_SUPPORT,
    MIN_WRONG,
    NO_EVIDENCE,
    OTHER,
    TARGET_PRECISION,
    LineRow,
    calibrate,
    pick_floor,
    point,
    replayed,
    supported,
    switch_curve,
    switch_of,
)


def curve(*cards: tuple[int, int]) -> list[dict]:
    """(shown, right) at floors 0.3, 0.4, ...; coverage is not what these tests are about."""
    return [
        point(round(0.3 + 0.1 * i, 1), shown, right, right, 100)
        for i, (shown, right) in enumerate(cards)
    ]


def test_the_lowest_floor_right_often_enough_is_chosen():
    made = curve((30, 26), (25, 24), (20, 20), (12, 12))  # 0.87, 0.96, 1.0, 1.0
    floor = pick_floor(made, INTENT_AIM)
    assert floor == 0.4 and supported(made, floor) == 0.4


def test_no_floor_is_chosen_below_a_well_supported_miss():
    # 0.3 and 0.5 are right often enough, but 0.4 misses with MIN_SHOWN or more cards.
    made = curve((20, 20), (MIN_SHOWN + 7, MIN_SHOWN), (9, 9))
    assert pick_floor(made, INTENT_AIM) == 0.5


def test_a_miss_resting_on_fewer_than_min_wrong_cards_does_not_stop_the_search():
    # 0.5 falls short of the target with MIN_WRONG - 1 wrong cards: not evidence of a bad
    # floor, and the cards from 0.3 up are right often enough, so 0.3 is chosen. With
    # MIN_WRONG wrong cards the miss stops the search, and only 0.6 is left.
    few = MIN_WRONG - 1
    shown = max(MIN_SHOWN, 2 * few + 1)
    assert (shown - few) / shown < TARGET_PRECISION  # the premise: a miss of the target
    one_wrong = curve((200, 200 - few), (20, 20 - few), (shown, shown - few), (1, 1))
    assert pick_floor(one_wrong) == pick_floor(one_wrong, INTENT_AIM) == 0.3
    two_wrong = curve(
        (200, 200 - MIN_WRONG), (20, 20 - MIN_WRONG), (shown, shown - MIN_WRONG), (1, 1)
    )
    assert pick_floor(two_wrong) == pick_floor(two_wrong, INTENT_AIM) == 0.6


def test_rows_after_an_opening_request_for_another_company_need_more():
    """The calibration's mirror of abstention.Opening: only an opening request whose
    likeliest intent is `other` makes a line need the bar of changing an intent (and, on
    audio, an earlier line that agrees); one of ours that was not sure yet does not."""

    def row(opener, agreed):
        return LineRow(
            "c", "en", "clean", 0.9, frozenset({"billing"}), "billing", 0.6, (), agreed, opener
        )

    floor, alone = 0.5, 0.75
    assert row(None, True).shown_at(floor, 0.5, alone)
    assert row("billing", True).shown_at(floor, 0.5, alone)  # ours, below the floor: placed
    assert not row(OTHER, True).shown_at(floor, 0.5, alone)  # 0.6 < the bar of changing
    assert not row(OTHER, False).shown_at(floor, 0.5, alone)
    assert not row("billing", False).shown_at(floor, 0.5, alone)  # alone it needs 0.75


def test_a_floor_between_the_target_and_the_aim_does_not_stop_the_search():
    # 0.4 (13 of 14, 0.93) misses the 0.95 aim but not the 0.9 target: 0.3 is still chosen.
    made = curve((40, 39), (14, 13), (9, 9))
    assert pick_floor(made, INTENT_AIM) == 0.3


def test_too_few_cards_are_no_evidence_and_show_nothing():
    made = curve((2, 2), (1, 1), (0, 0))  # right every time, but two cards say little
    floor = pick_floor(made, INTENT_AIM)
    assert floor == 0.3 and supported(made, floor) == NO_EVIDENCE
    enough = curve((MIN_SUPPORT, MIN_SUPPORT), (1, 1), (0, 0))
    assert supported(enough, pick_floor(enough, INTENT_AIM)) == 0.3


def test_the_switch_bar_is_read_from_intents_that_changed_as_the_stage_changes_them():
    """A call replayed line by line: the first intent takes the floor, a second one the bar
    of changing an intent; only the lines set at that bar are the switch curve's cards."""

    def line(intent, confidence, allowed, agreed=True):
        return LineRow("c", "en", "text", 1.0, frozenset(allowed), intent, confidence, (), agreed)

    rows = [
        line("outage", 0.6, {"outage"}),  # the first intent: at the floor
        line("outage", 0.9, {"outage"}),  # the same intent again: no card
        line("moving", 0.8, {"contract"}),  # a question no article covers, read as moving
        line("billing", 0.88, {"billing"}),  # a new question, rightly
    ]
    cards = replayed(rows, 0.5, 0.5, 0.75)
    assert [(r.intent, switched) for r, switched in cards] == [
        ("outage", False),
        ("moving", True),
        ("billing", True),
    ]
    by_bar = {p["floor"]: (p["shown"], p["right"]) for p in switch_curve(rows, 0.5, 0.5)}
    assert by_bar[0.75] == (2, 1)  # the misread question changes the intent, wrongly
    assert by_bar[0.85] == (1, 1)  # only the sure new question does
    assert by_bar[0.9] == (0, 0)


def test_the_replay_takes_heard_lines_as_the_stage_does():
    """On audio a first line no earlier line agrees with takes the switch bar; after an
    opening request meant for another company it takes nothing without agreement, unless
    an intent was set before that request; a line heard unclearly sets nothing."""

    def line(intent, confidence, agreed, opener=None, heard=0.9):
        allowed = frozenset({intent})
        return LineRow("c", "en", "clean", heard, allowed, intent, confidence, (), agreed, opener)

    floor, switch = 0.5, 0.75
    alone = [line("billing", 0.8, False)]
    assert [s for _, s in replayed(alone, floor, 0.5, switch)] == [True]
    assert replayed([line("billing", 0.7, False)], floor, 0.5, switch) == []  # below the bar
    assert replayed([line("billing", 0.99, True, heard=0.3)], floor, 0.5, switch) == []
    unplaced = [line("billing", 0.99, False, opener=OTHER)]
    assert replayed(unplaced, floor, 0.5, switch) == []  # needs an agreeing line
    placed_first = [line("billing", 0.6, True), line("outage", 0.99, False, opener=OTHER)]
    assert [(r.intent, s) for r, s in replayed(placed_first, floor, 0.5, switch)] == [
        ("billing", False),
        ("outage", True),  # a change, not a call for another company
    ]


def test_a_switch_bar_needs_evidence_and_is_never_below_the_floor_or_typed_one():
    made = [point(f, 20, 20, 20, 100) for f in INTENT_GRID]  # right at every bar
    assert switch_of(made, 0.6, {}) == 0.6  # the lowest bar right often enough, at the floor
    assert switch_of(made, 0.6, {"intent_switch": 0.8}) == 0.8  # heard: never below typed
    assert switch_of(made, NO_EVIDENCE, {}) == NO_EVIDENCE  # no intent, nothing to change
    few = [point(f, MIN_SUPPORT - 1, MIN_SUPPORT - 1, 0, 100) for f in INTENT_GRID]
    assert switch_of(few, 0.6, {}) == NO_EVIDENCE  # too few changes to tell


def test_a_chat_takes_the_switch_bar_of_typed_words():
    """Single chat questions never change an intent: a chat's bar is the typed one of its
    language (here: typed calls whose second intents were all wrong, so none is trusted)."""
    text = []
    for i in range(MIN_SUPPORT + 2):
        billing = frozenset({"billing"})
        text += [
            LineRow(f"call{i}", "en", "text", 1.0, billing, "billing", 0.9, ()),
            LineRow(f"call{i}", "en", "text", 1.0, billing, "outage", 0.5, ()),
        ]
    chat = [
        LineRow(f"chat{i}", "en", "chat", 1.0, frozenset({"billing"}), "billing", 0.9, ())
        for i in range(MIN_SUPPORT + 2)
    ]
    made = calibrate(text + chat, 0.5, 0.75)
    typed, chatted = made["floors"]["en"]["text"], made["floors"]["en"]["chat"]
    assert typed["intent_switch"] == NO_EVIDENCE  # every change was wrong
    assert chatted["intent"] < NO_EVIDENCE and chatted["intent_switch"] == NO_EVIDENCE
    assert "intent_switch" in made["curves"]["en"]["text"]
    assert "intent_switch" not in made["curves"]["en"]["chat"]  # none of its own
