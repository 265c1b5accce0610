"""The floors' calibration rule on curves of known cards: the lowest floor that is right
often enough, never below a well-supported miss, and none where the cards are too few."""

from __future__ import annotations

from bench.assist_floors import (
    INTENT_AIM,
    MIN_SHOWN,
    MIN_SUPPORT,
    MIN_WRONG,
    NO_EVIDENCE,
    pick_floor,
    point,
    supported,
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


def test_one_wrong_card_at_the_top_does_not_stop_the_search():
    # 0.5 shows 3 right of 4 (0.75): one sure wrong card, not evidence of a bad floor; the
    # cards from 0.3 up are right 51 of 53 times, so 0.3 is chosen. Two wrong cards stop it.
    assert MIN_WRONG == 2
    one_wrong = curve((53, 51), (14, 13), (4, 3), (1, 1))
    assert pick_floor(one_wrong) == 0.3
    two_wrong = curve((53, 51), (14, 12), (5, 3), (1, 1))
    assert pick_floor(two_wrong) == 0.6


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
