"""The alert-learning curve: false alerts against the agents' dismissals, recall held out.

One team (`webshop`) takes the calls of `bench/call_scripts_learning.py` whose calm
customers use a cue word harmlessly. Its agents dismiss every alert those calls raise
("Niet relevant"), call after call, round after round, through the same `AlertLearner`
and `AffectStage` the server runs (in memory here). After every call that brought a
dismissal the whole picture is measured again, without learning:

- false alerts on the dev calls (the ones dismissed) and on held-out false calls (the
  same kind of harmless words, said otherwise, never dismissed), for the team;
- the same dev calls on another team (`support`), whose agents dismissed nothing;
- recall and precision per alert level on held-out calls with true alerts (the shipped
  calls, those of `bench/call_scripts.py` and `bench/call_scripts_heldout.py`, and angry
  calls that use the very phrases being learned), judged by `bench.alert_eval`;
- whether a clear request for a manager, in both languages, still escalates.

Then what makes it reversible: the same picture one and three half-lives later with no
new answers, and after erasing every dismissing call. Everything runs on the scripts'
words (the `script text` condition of alert_quality): learning keys on phrase codes,
which whisper's errors only make rarer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from audio_fixtures.generate_calls import CALM_EN, CALM_NL, ESCALATING_EN, ESCALATING_NL, Call
from copilot.affect.alert_learning import AlertLearner
from copilot.affect.cue_weights import DAY_S, CueWeights
from copilot.affect.settings import AffectConfig
from copilot.affect.stage import AffectStage
from copilot.affect.text import TextAffectScorer, clear_request_codes
from copilot.affect.types import TextAffect
from copilot.events.affect import LEVELS, Alert
from copilot.events.core import CallStarted, TranscriptFinal
from copilot.events.feedback import Feedback
from copilot.pipeline.stage_chain import StageChain

from .alert_eval import LabelledTurn, judge_call, mood_of, summarise
from .call_scripts import SCRIPTS
from .call_scripts_heldout import HELDOUT_SCRIPTS
from .call_scripts_learning import ANGRY_SAME_CUES, DEV_FALSE, HELDOUT_FALSE
from .clips import Models

TEAM = "webshop"
CONTROL_TEAM = "support"
HELDOUT_TRUE = (ESCALATING_EN, ESCALATING_NL, CALM_EN, CALM_NL, *SCRIPTS, *HELDOUT_SCRIPTS)
CLEAR_REQUESTS = {
    "en": "I want to speak to your manager about this.",
    "nl": "Ik wil graag uw leidinggevende spreken.",
}
TURN_S = 4.0  # each line of a script takes this long on the call's clock
NOW = 1_800_000_000.0  # the bench's own clock: answers are given "now", fading is measured later


class CachedScorer:
    """The text scorer with each line scored once: learning acts after scoring, so a line's
    scores are the same on every replay of the curve."""

    def __init__(self, scorer: TextAffectScorer) -> None:
        self.scorer = scorer
        self._seen: dict[tuple[str, str | None], TextAffect] = {}

    def score(self, texts: list[str], language: str | None, words=None) -> list[TextAffect]:
        """TextScorer.score, from the cache where the line was scored before."""
        for text in texts:
            if (text, language) not in self._seen:
                self._seen[(text, language)] = self.scorer.score([text], language)[0]
        return [self._seen[(text, language)] for text in texts]


@dataclasses.dataclass
class Bench:
    """The learner under test, the shared scorer, and a counter for unique call ids."""

    learner: AlertLearner
    scorer: CachedScorer
    calls: int = 0

    def play(self, call: Call, team: str) -> list[Alert]:
        """One call of `team` on its script's words; its alerts."""
        self.calls += 1
        call_id = f"{call.name}#{self.calls}"
        chain = StageChain(call_id, [AffectStage(self.scorer, AffectConfig(), self.learner)])
        events = chain.emit(CallStarted("", 0, 0.0, source="chat", metadata={"queue": team}))
        for i, line in enumerate(call.lines):
            start, end = i * TURN_S, i * TURN_S + TURN_S - 1
            final = TranscriptFinal(
                "",
                0,
                end,
                speaker=line.speaker,
                utterance_id=f"{line.speaker}-{i}",
                start=start,
                end=end,
                text=line.text,
                language=call.language,
            )
            events += chain.emit(final)
        return [e for e in events if isinstance(e, Alert)]

    def dismiss(self, alerts: list[Alert]) -> int:
        """The agent's "Niet relevant" on each alert, at the bench's "now"."""
        for alert in alerts:
            feedback = Feedback(alert.call_id, "alert", str(alert.seq), "dismiss", at=NOW)
            self.learner.record(feedback, alert.to_dict())
        return len(alerts)


def labelled_turns(call: Call) -> list[LabelledTurn]:
    """The customer turns of a script with their moods, on the clock `Bench.play` uses."""
    return [
        LabelledTurn(i * TURN_S, i * TURN_S + TURN_S - 1, mood_of(line.expect))
        for i, line in enumerate(call.lines)
        if line.speaker == "customer"
    ]


def false_alerts(bench: Bench, calls: Sequence[Call], team: str) -> dict[str, int]:
    """Alerts and calls with any alert, over calls on which every alert is false."""
    counts = [len(bench.play(call, team)) for call in calls]
    return {"alerts": sum(counts), "calls": sum(n > 0 for n in counts), "of": len(counts)}


def true_alerts(bench: Bench, calls: Sequence[Call]) -> dict:
    """Precision and recall per level (alert_eval) on calls of the learning team."""
    judged = [
        judge_call(call.name, call.language, "script", labelled_turns(call), bench.play(call, TEAM))
        for call in calls
    ]
    levels = summarise(judged)["levels"]
    return {
        "recall": {level: levels[level]["recall"] for level in LEVELS},
        "precision": {level: levels[level]["precision"] for level in LEVELS},
    }


def clear_requests_escalate(bench: Bench) -> bool:
    """Whether "speak to your manager" escalates at once on the learning team, in nl and en."""
    from audio_fixtures.generate_calls import EN_AGENT, EN_CUSTOMER, customer

    for language, line in CLEAR_REQUESTS.items():
        call = Call("clear_request", language, "", EN_AGENT, EN_CUSTOMER, (customer(line),))
        if not any(a.level == "escalate" and a.basis == "request" for a in bench.play(call, TEAM)):
            return False
    return True


def picture(bench: Bench, dismissals: int) -> dict:
    """Everything the curve plots, measured with what the learner holds now."""
    return {
        "dismissals": dismissals,
        "dev_false": false_alerts(bench, DEV_FALSE, TEAM),
        "heldout_false": false_alerts(bench, HELDOUT_FALSE, TEAM),
        "control_team_false": false_alerts(bench, DEV_FALSE, CONTROL_TEAM),
        "heldout_true": true_alerts(bench, HELDOUT_TRUE),
        "same_cues_angry": true_alerts(bench, ANGRY_SAME_CUES),
        "clear_requests_escalate": clear_requests_escalate(bench),
    }


def alert_learning(models: Models, quick: bool) -> dict:
    """The curve: a picture before any answer and after every call that brought a dismissal."""
    del models  # the text model only; the scorer loads it
    config = AffectConfig()
    weights = CueWeights.from_config(config, clear_request_codes())
    bench = Bench(AlertLearner(weights, clock=lambda: NOW), CachedScorer(TextAffectScorer()))
    curve = [picture(bench, 0)]
    dismissals = 0
    for _round in range(2 if quick else 3):
        for call in DEV_FALSE:
            added = bench.dismiss(bench.play(call, TEAM))
            if added:
                dismissals += added
                curve.append(picture(bench, dismissals))
    learned = [
        {"language": c.key.language, "code": c.key.code, "multiplier": round(c.multiplier, 3)}
        for c in weights.learned(NOW)
    ]
    later = {}
    for half_lives in (1, 3):
        bench.learner.clock = lambda n=half_lives: NOW + n * config.learning_half_life_days * DAY_S
        later[f"{half_lives}_half_life"] = picture(bench, dismissals)
    bench.learner.clock = lambda: NOW
    bench.learner.forget(bench.learner.known_calls())
    erased = picture(bench, 0)
    return {
        "team": TEAM,
        "control_team": CONTROL_TEAM,
        "settings": {
            "dismissal_step": config.dismissal_step,
            "cue_weight_floor": config.cue_weight_floor,
            "learned_request_min": config.learned_request_min,
            "learning_half_life_days": config.learning_half_life_days,
        },
        "sets": {
            "dev_false": [c.name for c in DEV_FALSE],
            "heldout_false": [c.name for c in HELDOUT_FALSE],
            "heldout_true": [c.name for c in HELDOUT_TRUE],
            "same_cues_angry": [c.name for c in ANGRY_SAME_CUES],
        },
        "curve": curve,
        "learned": learned,
        "later": later,
        "erased": erased,
        "targets": _targets(curve, erased),
    }


def _targets(curve: list[dict], erased: dict) -> dict:
    first, last = curve[0], curve[-1]

    def recalls(point: dict, group: str) -> dict:
        return point[group]["recall"]

    return {
        "dev_false_alerts_gone": last["dev_false"]["alerts"] == 0 < first["dev_false"]["alerts"],
        "heldout_recall_kept": recalls(last, "heldout_true") == recalls(first, "heldout_true"),
        "same_cues_angry_recall_kept": (
            recalls(last, "same_cues_angry") == recalls(first, "same_cues_angry")
        ),
        "control_team_unchanged": last["control_team_false"] == first["control_team_false"],
        "clear_requests_always_escalate": all(p["clear_requests_escalate"] for p in curve),
        "erasure_restores_start": erased == first,
    }
