"""The affect stage end to end: real transcriber, real text scorer, real voices, real alerts.

The generated calls carry per-turn `expect` labels; alerts must land on the customer turns
they name (give or take one turn), and the calm calls must stay silent.
"""

import dataclasses

import pytest

from copilot.affect.prosody import VoiceFeatureExtractor
from copilot.affect.settings import AffectConfig
from copilot.affect.stage import AffectStage, discount, fuse, logit, transcript_trust
from copilot.affect.text import TextAffectScorer
from copilot.affect.types import TextAffect, VoiceFeatures
from copilot.audio.files import decode_file
from copilot.events.affect import Affect, Alert, Cue
from copilot.events.codec import event_from_json
from copilot.events.core import TranscriptFinal, Word
from copilot.pipeline.call import PipelineConfig
from copilot.pipeline.offline import run_call_offline
from tests.conftest import call_script, fixture_path
from tests.stages import final, run_stage


@pytest.fixture(scope="module")
def scorer() -> TextAffectScorer:
    return TextAffectScorer()


@pytest.fixture(scope="module")
def models(tiny_en, base_multilingual):
    return {"en": tiny_en, "nl": base_multilingual}


_runs: dict[str, list] = {}


def run_fixture(name: str, models, scorer) -> list:
    """Events of one fixture through the offline pipeline with the affect stage (cached)."""
    if name not in _runs:
        language = call_script(name)["language"]
        _runs[name] = run_call_offline(
            decode_file(fixture_path(f"{name}.wav")),
            lambda _language: models[language],
            PipelineConfig(language=language),
            call_id=name,
            stages=(AffectStage(scorer, AffectConfig()),),
        )
    return _runs[name]


def customer_turn_of(name: str, events: list) -> dict[str, int]:
    """utterance id -> index among the sidecar's customer turns, by the largest time overlap."""
    turns = [t for t in call_script(name)["turns"] if t["speaker"] == "customer"]
    out = {}
    for event in events:
        if isinstance(event, TranscriptFinal) and event.speaker == "customer":
            overlaps = [min(event.end, t["end"]) - max(event.start, t["start"]) for t in turns]
            out[event.utterance_id] = max(range(len(turns)), key=overlaps.__getitem__)
    return out


def alert_turns(name: str, events: list) -> list[tuple[str, int]]:
    turn_of = customer_turn_of(name, events)
    return [(a.level, turn_of[a.utterance_ids[-1]]) for a in events if isinstance(a, Alert)]


def first_turn_labelled(name: str, label: str) -> int:
    turns = [t for t in call_script(name)["turns"] if t["speaker"] == "customer"]
    return next(i for i, t in enumerate(turns) if label in t["expect"])


def check_escalating_call(name: str, events: list) -> None:
    fired = alert_turns(name, events)
    levels = [level for level, _ in fired]
    assert "early_warning" in levels and "escalate" in levels, fired
    assert levels.index("early_warning") < levels.index("escalate"), fired
    early_turn = fired[levels.index("early_warning")][1]
    escalate_turn = fired[levels.index("escalate")][1]
    assert abs(early_turn - first_turn_labelled(name, "frustrated")) <= 1, fired
    assert abs(escalate_turn - first_turn_labelled(name, "manager_request")) <= 1, fired
    for alert in (e for e in events if isinstance(e, Alert)):
        assert alert.speaker == "customer" and alert.reason and alert.utterance_ids
        assert alert.cues, alert


DUTCH_ASR_SHORTFALL = pytest.mark.xfail(
    reason="the multilingual base model garbles espeak Dutch (mean word probability ~0.5: "
    "'leidinggevende spreken' -> 'rijden met m'n destoeken'), so the text scores are discounted "
    "and the voice alone stays below the early-warning trend; no alert fires",
    strict=False,
)


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", pytest.param("nl", marks=DUTCH_ASR_SHORTFALL)])
def test_escalating_call_warns_early_then_escalates_on_the_labelled_turns(language, models, scorer):
    name = f"call_escalating_{language}"
    check_escalating_call(name, run_fixture(name, models, scorer))


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "nl"])
def test_calm_call_raises_no_alert_and_tracks_both_legs(language, models, scorer):
    name = f"call_calm_{language}"
    events = run_fixture(name, models, scorer)
    assert [e for e in events if isinstance(e, Alert)] == []
    affects = [e for e in events if isinstance(e, Affect)]
    assert {a.speaker for a in affects} == {"agent", "customer"}
    # The pipeline hook handed every utterance's audio over: each affect has its voice.
    assert all(a.voice["loudness_db"] < 0 and a.voice["z"] for a in affects)


@pytest.mark.slow
def test_affect_and_alert_events_round_trip_through_json(models, scorer):
    events = run_fixture("call_escalating_en", models, scorer)
    ours = [e for e in events if isinstance(e, Affect | Alert)]
    assert ours and all(event_from_json(e.to_json()) == e for e in ours)
    affect = next(e for e in ours if isinstance(e, Affect))
    assert len(affect.emotions) == 5 and set(affect.text_scores) == {"frustration", "doubt", "load"}


def voice_run(name: str, models, scorer) -> Affect:
    events = run_fixture(name, models, scorer)
    (affect,) = [e for e in events if isinstance(e, Affect)]
    return affect


def voice_shift(affect: Affect) -> float:
    """How far the voice moved frustration, in log-odds (where fusion adds its evidence)."""
    return logit(affect.frustration) - logit(affect.text_scores["frustration"])


@pytest.mark.slow
def test_agitated_voice_raises_frustration_over_the_same_words_said_calmly(models, scorer):
    calm = voice_run("voice_calm_en", models, scorer)
    agitated = voice_run("voice_agitated_en", models, scorer)
    assert agitated.frustration > calm.frustration
    assert voice_shift(agitated) >= voice_shift(calm) + 0.4
    assert any(c.kind == "voice" for c in agitated.cues)
    assert not any(c.kind == "voice" for c in calm.cues)


@pytest.mark.slow
def test_identical_text_with_each_voice_differs_only_by_the_voice(models, scorer):
    # The transcripts of the two renderings differ by a word or two; the sidecar text cannot.
    text = call_script("voice_calm_en")["turns"][0]["text"]
    (scores,) = scorer.score([text], "en")
    fused = {}
    for name in ("voice_calm_en", "voice_agitated_en"):
        features = VoiceFeatures(**voice_run(name, models, scorer).voice)
        fused[name] = fuse(scores, features, AffectConfig(), has_baseline=False).frustration
    assert fused["voice_agitated_en"] > fused["voice_calm_en"] > scores.frustration
    assert logit(fused["voice_agitated_en"]) - logit(fused["voice_calm_en"]) >= 0.4


def clip_voice(name: str) -> VoiceFeatures:
    turn = call_script(name)["turns"][0]
    pcm = decode_file(fixture_path(f"{name}.wav")).legs["customer"]
    words = len(turn["text"].split())
    return VoiceFeatureExtractor().features("customer", pcm, 0.0, len(pcm) / 16000, words)


def test_voice_moves_a_borderline_score_most_and_names_its_cues():
    calm, agitated = clip_voice("voice_calm_en"), clip_voice("voice_agitated_en")
    config = AffectConfig()
    for words in (0.1, 0.4, 0.9):
        text = TextAffect({"neutral": 0.5}, words, 0.1, 0.1)
        low = fuse(text, calm, config, has_baseline=False).frustration
        high = fuse(text, agitated, config, has_baseline=False)
        assert high.frustration > low >= words
        assert high.doubt == text.doubt and high.load == text.load
    text = TextAffect({"neutral": 0.5}, 0.4, 0.1, 0.1)
    gain = (
        fuse(text, agitated, config, False).frustration
        - fuse(text, calm, config, False).frustration
    )
    assert gain >= 0.1  # where the words leave it open, the voice decides
    voice = [c for c in fuse(text, agitated, config, False).cues if c.kind == "voice"]
    loud = [c for c in voice if c.feature == "loudness"]
    assert loud and loud[0].z >= config.voice_cue_z and loud[0].reference == "typical"
    assert fuse(text, None, config) == text  # no audio: the words alone


def test_a_shaky_transcript_counts_for_less_than_a_clear_one():
    config = AffectConfig()
    clear = tuple(Word(w, 0.0, 0.1, 0.9) for w in ("that's", "ridiculous"))
    shaky = tuple(Word(w, 0.0, 0.1, 0.5) for w in ("dat", "is", "gelocht"))
    assert transcript_trust(clear, config) == 1.0 and transcript_trust((), config) == 1.0
    assert 0 < transcript_trust(shaky, config) < 0.3
    text = TextAffect({"annoyance": 0.6}, 0.8, 0.05, 0.6)
    assert discount(text, 1.0, config) == text
    shrunk = discount(text, transcript_trust(shaky, config), config)
    assert config.text_prior < shrunk.frustration < 0.3 and shrunk.load < text.load
    assert shrunk.doubt == text.doubt  # below the prior: nothing to discount


def test_a_clearly_heard_phrase_counts_fully_in_a_shaky_transcript():
    config = AffectConfig()
    heard = Cue(
        "frustration", "phrase", "", 0.65, 0.57, topic="strong wording", phrase="onacceptabel"
    )
    guessed = Cue("frustration", "phrase", "", 0.75, 0.2, topic="cancel threat", phrase="opzeggen")
    text = TextAffect({}, 0.8, 0.05, 0.05, cues=(heard,))
    kept = discount(text, 0.1, config)
    assert kept.frustration == pytest.approx(0.65)  # the phrase's weight, not the pulled 0.8
    only_guessed = discount(dataclasses.replace(text, cues=(guessed,)), 0.1, config)
    assert only_guessed.frustration < 0.2  # a guessed word is pulled with the utterance


def test_each_customer_final_gets_one_affect_and_a_mumbled_one_counts_less(scorer):
    said = "This is ridiculous, I have called three times already"
    events = run_stage(
        AffectStage(scorer, AffectConfig()), [final(said), final(said, t=4.0, probability=0.3)]
    )
    clear, mumbled = [e for e in events if isinstance(e, Affect)]
    assert clear.transcript_trust == 1.0 and mumbled.transcript_trust < 0.3
    assert mumbled.frustration < clear.frustration


def test_affect_events_carry_the_word_thresholds_and_cues_as_data(scorer):
    config = dataclasses.replace(AffectConfig(), phrase_confidence_floor=0.4, asr_trust_high=0.8)
    events = run_stage(AffectStage(scorer, config), [final("Get me your manager, this is absurd.")])
    (affect,) = [e for e in events if isinstance(e, Affect)]
    assert (affect.phrase_floor, affect.trust_high) == (0.4, 0.8)
    phrases = {(c.topic, c.phrase) for c in affect.cues if c.kind == "phrase"}
    # The clear request says all its bare word would: one cue for it, with its pattern's code.
    assert {("asks for a manager", "Get me your manager"), ("strong wording", "absurd")} <= phrases
    assert all(len(c.code) == 10 for c in affect.cues if c.kind == "phrase")
    emotions = [c for c in affect.cues if c.kind == "emotion"]
    assert all(c.emotion and 0 < c.score <= 1 and not c.phrase for c in emotions)
    assert event_from_json(affect.to_json()) == affect
