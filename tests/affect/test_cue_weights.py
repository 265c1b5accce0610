"""CueWeights and reweigh, sans I/O: bounded, reversible, per team, erasable, never a clear request."""

import pytest

from copilot.affect.cue_weights import DAY_S, CueKey, CueWeights, reweigh
from copilot.affect.settings import AffectConfig
from copilot.affect.text import PHRASES, TextAffectScorer, clear_request_codes, phrase_cues
from copilot.affect.types import TextAffect
from copilot.events.affect import Cue
from copilot.events.core import Word

NOW = 1_800_000_000.0
ORDER = CueKey("webshop", "en", "cancel-order")  # any code will do for the store itself


def weights(**kwargs) -> CueWeights:
    return CueWeights(**{"step": 0.125, "floor": 0.5, "half_life_s": 90 * DAY_S, **kwargs})


def dismiss(store: CueWeights, calls, key=ORDER, at=NOW) -> None:
    for call in calls:
        store.note(call, key, True, at)


def test_each_dismissing_call_takes_a_step_off_until_the_floor():
    store = weights()
    seen = []
    for n in range(1, 7):
        dismiss(store, [f"call-{n}"])
        seen.append(round(store.multiplier(ORDER, NOW), 3))
    assert seen == [0.875, 0.75, 0.625, 0.5, 0.5, 0.5]  # bounded: never below the floor


def test_a_call_counts_once_per_cue_with_its_agents_latest_answer():
    store = weights()
    for _ in range(5):  # one agent clicking "Niet relevant" on every alert of one call
        dismiss(store, ["call-1"])
    assert store.multiplier(ORDER, NOW) == 0.875
    store.note("call-1", ORDER, False, NOW + 1)  # changed their mind: acknowledged after all
    assert store.multiplier(ORDER, NOW + 1) == 1.0
    store.note("call-1", ORDER, True, NOW - 5)  # an older answer does not overwrite a newer
    assert store.multiplier(ORDER, NOW + 1) == 1.0


def test_acknowledged_alerts_and_time_give_the_weight_back():
    store = weights()
    dismiss(store, ["a", "b", "c"])
    assert store.multiplier(ORDER, NOW) == 0.625
    store.note("d", ORDER, False, NOW)
    store.note("e", ORDER, False, NOW)
    assert store.multiplier(ORDER, NOW) == 0.875  # reversible by the agents
    # ... and by time alone: after one half-life the answers count half, after many nothing.
    assert store.multiplier(ORDER, NOW + 90 * DAY_S) == pytest.approx(0.9375)
    assert store.multiplier(ORDER, NOW + 3650 * DAY_S) == pytest.approx(1.0)
    assert weights(half_life_s=0).multiplier(ORDER, NOW) == 1.0
    never_fades = weights(half_life_s=0)
    dismiss(never_fades, ["a"])
    assert never_fades.multiplier(ORDER, NOW + 3650 * DAY_S) == 0.875


def test_more_acknowledgements_than_dismissals_never_raise_a_cue_above_its_own_weight():
    store = weights()
    for call in ("a", "b", "c"):
        store.note(call, ORDER, False, NOW)
    dismiss(store, ["d"])
    assert store.multiplier(ORDER, NOW) == 1.0
    assert store.multipliers("webshop", "en", NOW) == {}  # only weakened cues are handed out


def test_teams_and_languages_learn_apart():
    store = weights()
    dismiss(store, ["a", "b"], CueKey("webshop", "en", "manager"))
    assert store.multipliers("webshop", "en", NOW) == {"manager": 0.75}
    assert store.multipliers("billing", "en", NOW) == {}
    assert store.multipliers("webshop", "nl", NOW) == {}
    assert store.multipliers("", "en", NOW) == {}  # calls without a team are a team of their own


def test_a_clear_request_for_a_manager_is_never_weakened():
    clear = sorted(clear_request_codes())
    assert clear, "the shipped phrases name clear requests"
    store = weights(protected=clear)
    key = CueKey("webshop", "en", clear[0])
    dismiss(store, [f"call-{n}" for n in range(20)], key)
    assert store.multiplier(key, NOW) == 1.0 and store.multipliers("webshop", "en", NOW) == {}
    # Every shipped clear request is a manager request, and each says so by its pattern.
    for phrase in PHRASES:
        if phrase.code in clear:
            assert phrase.topic == "asks for a manager" and not phrase.learnable


def test_erasing_a_call_recomputes_as_if_it_never_answered():
    store, twin = weights(), weights()
    dismiss(store, ["keep-1", "erase-me", "keep-2"])
    store.note("erase-me", CueKey("billing", "nl", "x"), True, NOW)
    dismiss(twin, ["keep-1", "keep-2"])
    assert store.multipliers("webshop", "en", NOW) == {"cancel-order": 0.625}
    store.forget({"erase-me"})
    assert store.calls() == {"keep-1", "keep-2"}
    assert store.multipliers("webshop", "en", NOW) == twin.multipliers("webshop", "en", NOW)
    assert store.multipliers("billing", "nl", NOW) == {}
    store.clear()
    assert store.calls() == set() and store.multiplier(ORDER, NOW) == 1.0


def test_the_store_is_built_from_the_affect_settings():
    config = AffectConfig(dismissal_step=0.25, cue_weight_floor=0.6, learning_half_life_days=0)
    store = CueWeights.from_config(config, {"p"})
    dismiss(store, ["a", "b", "c"])
    assert store.multiplier(ORDER, NOW) == 0.6 and store.protected == {"p"}
    with pytest.raises(ValueError):
        AffectConfig(cue_weight_floor=0)
    with pytest.raises(ValueError):
        AffectConfig(learning_half_life_days=-1)


def test_phrase_codes_are_the_patterns_not_the_words_heard():
    said = phrase_cues("My account manager said so")[0]
    other = phrase_cues("the MANAGER of the shop")[0]
    assert said.code == other.code and said.phrase != other.phrase
    assert "manager" not in said.code and len(said.code) == 10
    # The loanword is in both languages' lists: one cue, one code, whichever language.
    assert phrase_cues("mijn manager op het werk")[0].code == said.code
    # One code per pattern of a topic: the same pattern in both lists is the same cue.
    patterns = {(p.signal, p.topic, p.pattern.pattern): p.code for p in PHRASES}
    assert len(set(patterns.values())) == len(patterns)


def test_a_clear_request_takes_the_place_of_its_bare_word():
    (cue,) = phrase_cues("I want to speak to your manager now")
    assert cue.phrase == "speak to your manager" and cue.code in clear_request_codes()
    # Heard less surely than its key word: the bare word stays beside it, as before.
    text = "speak to your manager"
    heard = zip(text.split(), (0.3, 1, 1, 1), strict=True)
    words = [Word(w, i, i + 0.5, p) for i, (w, p) in enumerate(heard)]
    cues = phrase_cues(text, words=words)
    assert {c.phrase for c in cues} == {"speak to your manager", "manager"}
    clear = next(c for c in cues if c.phrase == text)
    assert clear.confidence == 0.3  # every word must be heard for a clear request


@pytest.fixture(scope="module")
def scorer() -> TextAffectScorer:
    return TextAffectScorer()


def test_reweighing_takes_out_the_phrase_and_keeps_the_emotion_part(scorer):
    (text,) = scorer.score(["I would like to cancel my order, I ordered the wrong size."], "en")
    (cue,) = [c for c in text.cues if c.kind == "phrase"]
    (plain,) = scorer.score(["I would like to change my order, I ordered the wrong size."], "en")
    assert cue.topic == "cancel threat" and text.frustration > 0.7
    weaker = reweigh(text, {cue.code: 0.5})
    (moved,) = [c for c in weaker.cues if c.kind == "phrase"]
    assert moved.learned == 0.5 and moved.weight == pytest.approx(cue.weight * 0.5)
    # The emotion part, what the sentence says besides the phrase, is what it was.
    emotion = 1 - (1 - text.frustration) / (1 - cue.weight)
    assert weaker.frustration == pytest.approx(1 - (1 - emotion) * (1 - cue.weight * 0.5))
    assert plain.frustration < weaker.frustration < text.frustration
    assert (weaker.doubt, weaker.load) == (text.doubt, text.load)
    assert reweigh(text, {}) is text and reweigh(text, {"other": 0.5}) is text


def test_reweighing_leaves_emotion_and_voice_cues_alone():
    emotion = Cue("frustration", "emotion", "annoyance 0.6", 0.6, emotion="annoyance", score=0.6)
    text = TextAffect({"annoyance": 0.6}, 0.6, 0.1, 0.1, (emotion,), "en")
    assert reweigh(text, {"": 0.5}) is text
