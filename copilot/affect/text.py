"""Text side of per-utterance affect: frustration, doubt and emotional load, for Dutch and English.

Two kinds of evidence are joined per signal:
- the emotion model's probabilities for the signal's member emotions, rescaled
  so that each label's dev-tuned threshold maps to 0.5 (a signal crosses 0.5 on
  emotions alone exactly when one member label is predicted);
- phrases typical of contact-centre calls (repeated contact, cancel threats,
  asking for a manager, hedging, bereavement, debt, illness) in either language.
  The emotion head was trained on English Reddit text, so these phrases carry
  most of the weight for Dutch and for call-centre situations Reddit lacks.
Both are combined as a noisy-OR: 1 - (1 - emotion) * (1 - phrases).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from copilot.affect.emotion_model import LABELS, EmotionModel, load_emotion_model
from copilot.affect.types import PHRASE_CONFIDENCE_FLOOR, TextAffect
from copilot.events.affect import Cue
from copilot.events.core import Word, heard_confidence, span_confidence, word_spans
from copilot.pipeline.manager_request import CLEAR_REQUESTS

SIGNAL_EMOTIONS: dict[str, tuple[str, ...]] = {
    "frustration": ("anger", "annoyance", "disappointment", "disapproval", "disgust"),
    "doubt": ("confusion", "nervousness"),
    "load": ("sadness", "fear", "grief", "remorse"),
}

# Emotion cues below this rescaled score are noise and are not reported.
MIN_EMOTION_CUE = 0.3

_NUM_NL = r"(?:twee|drie|vier|vijf|zes|zeven|acht|tien|\d+|meerdere|zoveel|zo ?veel|heel wat)"
_NUM_EN = r"(?:two|three|four|five|six|seven|eight|ten|\d+|several|multiple|many|so many|a few)"
_ORD_NL = r"(?:tweede|derde|vierde|vijfde|zoveelste|honderdste)"
_ORD_EN = r"(?:second|third|fourth|fifth|sixth|umpteenth|hundredth|nth)"
_KIN_NL = r"(?:man|vrouw|moeder|vader|zoon|dochter|partner|broer|zus|opa|oma|echtgeno(?:o|t)e?)"


@dataclass(frozen=True)
class Phrase:
    """A contact-centre wording that is evidence for one signal in one language, at `weight`."""

    signal: str
    topic: str  # why the phrase matters, e.g. "repeated contact"
    language: str
    pattern: re.Pattern[str]
    weight: float  # probability-like strength of this phrase alone
    # False for a clear request for a person in charge ("speak to your manager"): agents'
    # dismissals never weaken it (cue_weights.py), so it always escalates.
    learnable: bool = True

    @property
    def code(self) -> str:
        """The phrase's stable id on its cues: what learning keys on, never the words heard.

        From the signal, topic and pattern, not the language: a loanword ("manager") in
        both languages' lists is one cue. Editing a pattern gives it a new code, so what
        was learned about the old pattern is not applied to the new one.
        """
        source = f"{self.signal}|{self.topic}|{self.pattern.pattern}".encode()
        return hashlib.sha1(source, usedforsecurity=False).hexdigest()[:10]


def _phrases(
    signal: str, topic: str, language: str, weight: float, *patterns: str, learnable: bool = True
):
    return [
        Phrase(
            signal,
            topic,
            language,
            re.compile(rf"\b(?:{p})\b", re.IGNORECASE),
            weight,
            learnable,
        )
        for p in patterns
    ]


# Weights: ~0.75 for phrases that on their own say the signal is there (a cancel
# threat), ~0.6 for clear but milder ones, ~0.35 for hedges that only add up
# with other evidence ("misschien" alone is no doubt). Set by judgement, not fitted.
PHRASES: tuple[Phrase, ...] = tuple(
    # --- frustration, Dutch
    _phrases("frustration", "repeated contact", "nl", 0.7,
             rf"(?:al|nu al|inmiddels|wel) {_NUM_NL} (?:keer|keren|maal)",
             rf"(?:voor )?de {_ORD_NL} keer", r"(?:al|nu al|inmiddels) (?:weken|maanden|dagen)",
             rf"(?:al|nu al|inmiddels|sinds) {_NUM_NL} (?:dagen|weken|maanden)",
             r"(?:steeds|telkens|elke keer) (?:weer|opnieuw)", r"van het kastje naar de muur",
             r"(?:niemand|nooit) (?:terug ?gebeld|teruggebeld|belt (?:me|mij) (?:\w+ )?terug)",
             r"elke keer (?:dat|als) ik bel",
             r"nog steeds (?:niet|geen|niks|niets)", r"niemand (?:helpt|heeft (?:me|mij) geholpen)")
    + _phrases("frustration", "cancel threat", "nl", 0.75,
               r"(?:zeg|zeggen|zegt) (?:ik |we |wij )?(?:\w+ ){0,3}(?:abonnement|contract|lidmaatschap|account|alles)\s+(?:\w+ )?op",
               r"opzeggen", r"ik stap over",
               r"overstappen", r"(?:ik ga|wij gaan|we gaan) weg bij (?:jullie|u)",
               r"(?:ik )?sluit (?:ik )?(?:mijn |m'n )?(?:account|rekening)")
    + _phrases("frustration", "formal complaint", "nl", 0.75,
               r"klacht indienen", r"(?:officiële|formele) klacht", r"geschillencommissie",
               r"advocaat", r"consumentenbond", r"ombudsman")
    + _phrases("frustration", "asks for a manager", "nl", 0.7,
               r"leidinggevende", r"manager", r"supervisor", r"(?:uw|je|jullie) (?:baas|chef)",
               r"iemand (?:anders|hoger)", r"hogerop", r"escaleren")
    # A clear request for a person in charge: the bare words above also occur harmlessly
    # ("mijn manager op het werk") and may be learned down, these never are.
    + _phrases("frustration", "asks for a manager", "nl", 0.7, *CLEAR_REQUESTS["nl"],
               learnable=False)
    + _phrases("frustration", "strong wording", "nl", 0.65,
               r"belachelijk", r"schandalig", r"bespottelijk", r"onacceptabel", r"onaanvaardbaar",
               r"waardeloos", r"(?:ben|zijn) (?:het|er) (?:echt |helemaal |zo |nu )?(?:zat|spuugzat|klaar mee)",
               r"te gek voor woorden", r"dit kan (?:toch )?niet", r"(?:boos|woedend|kwaad|pissig)",
               r"ge(?:ï|i)rriteerd", r"(?:puinhoop|zooitje|janboel)", r"teleurgesteld",
               r"(?:het|dit) is (?:toch )?niet normaal", r"klaar met", r"genoeg van",
               r"hoe moeilijk kan (?:het|dat) (?:nou |toch )?zijn", r"zonde van (?:mijn )?tijd",
               r"niet goed genoeg", r"(?:een )?(?:grap|lachertje)")
    # --- frustration, English
    + _phrases("frustration", "repeated contact", "en", 0.7,
               rf"{_ORD_EN} time", rf"(?:called|rung|phoned|rang|emailed|contacted)"
               rf"(?: you| you guys)? {_NUM_EN} times", rf"{_NUM_EN} times (?:already|now)",
               rf"(?:for|over) {_NUM_EN} (?:days|weeks|months)(?: now)?",
               r"(?:weeks|months) (?:now|already)", r"again and again", r"every (?:single )?time i call",
               r"(?:nobody|no one|never) (?:called|calls|got|gets) (?:me )?back",
               r"still (?:not|no|nothing|hasn't|haven't|isn't|hasnt|havent)",
               r"(?:nobody|no one) (?:helps|has helped|helped) me")
    + _phrases("frustration", "cancel threat", "en", 0.75,
               r"cancel(?:l?ing)?(?: my| the)? (?:subscription|contract|account|service)",
               r"cancel(?:l?ing)?(?: my| the| this| that)? order",  # often a plain errand
               r"i'?m cancel(?:l)?ing", r"(?:going to|gonna|will) cancel",
               r"switch(?:ing)? (?:to another|provider|supplier|companies)",
               r"take my (?:business|money) elsewhere",
               r"clos(?:e|ing) (?:my|the|our) account", r"leav(?:e|ing) (?:you|for a competitor)")
    + _phrases("frustration", "formal complaint", "en", 0.75,
               r"(?:formal|official) complaint", r"(?:file|lodge|make|submit|raise) a complaint",
               r"ombudsman", r"lawyer", r"small claims")
    + _phrases("frustration", "asks for a manager", "en", 0.7,
               r"manager", r"supervisor", r"someone (?:more )?senior", r"your boss", r"escalate")
    + _phrases("frustration", "asks for a manager", "en", 0.7, *CLEAR_REQUESTS["en"],
               learnable=False)
    + _phrases("frustration", "strong wording", "en", 0.65,
               r"ridiculous", r"unacceptable", r"outrageous", r"absurd", r"a joke",
               r"fed up", r"sick (?:and tired )?of", r"had enough", r"waste of (?:my )?time",
               r"useless", r"pathetic", r"disgrace(?:ful)?", r"(?:furious|angry|livid|annoyed)",
               r"frustrat(?:ed|ing)", r"not good enough", r"how hard can it be")
    # --- doubt, Dutch
    + _phrases("doubt", "not sure", "nl", 0.6,
               r"(?:ik )?weet (?:het |ik )?niet (?:zeker|precies|goed|of)",
               r"(?:snap|begrijp|volg) (?:ik )?(?:het |dat |u |je |er )?(?:niet|niks|niets)",
               r"ik snap (?:het|er) (?:niet|niks)", r"(?:hoe|wat) bedoelt? (?:u|je)",
               r"twijfel", r"onzeker", r"in de war", r"ik vraag me af", r"geen idee",
               r"weet (?:u|je) (?:dat |het )?zeker", r"klopt dat", r"betekent dat",
               r"(?:kunt|kan) (?:u|je) dat (?:nog eens|nogmaals|herhalen|uitleggen)",
               r"(?:ik )?weet het (?:echt |ook |gewoon )?niet(?! meer)",
               r"(?:ik )?weet (?:echt |eigenlijk |gewoon )?niet (?:welke|hoe|wanneer|waarom)",
               r"is dat (?:wel )?(?:echt )?(?:mijn|de juiste|juist|goed)",
               r"(?:kunt|kan) (?:u|je) (?:nog eens|nogmaals|opnieuw) (?:kijken|controleren|nakijken)")
    + _phrases("doubt", "worry", "nl", 0.5,
               r"(?:ben|word) (?:een beetje |wat )?(?:bezorgd|ongerust|zenuwachtig)",
               r"is dat (?:wel )?(?:veilig|verstandig|de bedoeling)",
               r"(?:ik )?ben (?:een beetje |wat |nogal )?bang dat")
    + _phrases("doubt", "hedge", "nl", 0.35,
               r"misschien", r"geloof ik", r"volgens mij", r"denk ik", r"eigenlijk niet",
               r"ik dacht (?:dat|het|van)",
               r"(?:eh|ehm|uhm)")
    # --- doubt, English
    + _phrases("doubt", "not sure", "en", 0.6,
               r"not (?:really |quite |entirely |totally )?sure", r"unsure",
               r"(?:do not|don'?t|didn'?t) (?:really |quite )?(?:understand|get it|follow)",
               r"confus(?:ed|ing)", r"what do you mean", r"no idea", r"i wonder(?:ing)?",
               r"(?:could|can) you (?:explain|repeat|say that again)", r"lost me",
               r"does that mean", r"is that (?:right|correct)", r"hesitat(?:e|ing)",
               r"i doubt (?:it|that|whether|if)",
               r"(?:i )?(?:really |just )?(?:do not|don'?t) know(?! what to do| where to)",
               r"is (?:that|it) (?:really )?(?:my|the right)",
               r"(?:could|can) you (?:check|look) (?:again|once more)")
    + _phrases("doubt", "worry", "en", 0.5,
               r"(?:a bit |a little |quite )?(?:nervous|worried|anxious)",
               r"is (?:that|it) (?:safe|okay|ok) to")
    + _phrases("doubt", "hedge", "en", 0.35,
               r"maybe", r"perhaps", r"i think", r"i guess", r"i suppose", r"(?:um|uh|erm)",
               r"i thought (?:i|that|it)")
    # --- emotional load, Dutch
    + _phrases("load", "bereavement", "nl", 0.8,
               r"overleden", r"(?:is|zijn) gestorven", r"overlijden", r"begrafenis", r"crematie",
               r"weduwe", r"weduwnaar", r"nalatenschap", rf"verloren (?:mijn )?{_KIN_NL}")
    + _phrases("load", "debt", "nl", 0.7,
               r"schulden", r"schuldhulp", r"(?:kan|kunnen) .{0,25}niet (?:meer )?betalen",
               r"geen geld", r"krap bij kas", r"deurwaarder", r"incasso(?:bureau)?", r"bijstand",
               r"werkloos", r"ontslagen", r"afgesloten (?:worden|word)", r"achterstand")
    + _phrases("load", "illness", "nl", 0.65,
               r"ziek", r"ziekenhuis", r"kanker", r"chemo", r"operatie", r"opgenomen",
               r"dementie", r"mantelzorg(?:er)?", r"depressie", r"burn-?out", r"beperking")
    + _phrases("load", "distress", "nl", 0.6,
               r"ten einde raad", r"wanhopig", r"(?:ben|zijn) (?:zo |heel )?bang(?! dat)", r"(?:ik )?(?:moet )?huil(?:en)?",
               r"weet (?:het )?(?:echt )?niet meer", r"weet niet wat ik (?:\w+ ){0,4}moet doen", r"(?:heel )?zwaar", r"scheiding",
               r"alleen (?:met|voor) de kinderen",
               r"(?:het is|dit is|het wordt) (?:me )?(?:allemaal )?(?:even |gewoon )?te veel",
               r"(?:ik )?kan niet (?:meer )?(?:helder |goed )?(?:na)?denken", r"overweldigd",
               r"weet niet waar ik (?:moet )?(?:beginnen|starten)", r"door de bomen het bos")
    # --- emotional load, English
    + _phrases("load", "bereavement", "en", 0.8,
               r"passed away", r"died", r"death", r"funeral", r"widow(?:er)?", r"bereave(?:d|ment)",
               r"lost my (?:husband|wife|mother|mum|mom|father|dad|son|daughter|partner)")
    + _phrases("load", "debt", "en", 0.7,
               r"debts?", r"(?:can'?t|cannot|can not|couldn'?t) (?:afford|pay)",
               r"behind (?:on|with) (?:my |the )?(?:payments|bills|rent)", r"bailiffs?",
               r"debt collectors?", r"lost my job", r"unemployed", r"no money",
               r"(?:cut off|disconnected)")
    + _phrases("load", "illness", "en", 0.65,
               r"sick(?! (?:and tired )?of)", r"ill", r"hospital", r"cancer", r"chemo(?:therapy)?", r"surgery",
               r"disabled", r"dementia", r"carer", r"depress(?:ed|ion)")
    + _phrases("load", "distress", "en", 0.6,
               r"desperate", r"wit'?s end", r"crying", r"(?:so )?scared", r"divorce",
               r"don'?t know what to do", r"(?:really )?(?:hard|tough) time",
               r"(?:it'?s|this is) (?:all )?(?:just )?too much", r"all too much",
               r"can'?t think (?:straight|clearly)", r"overwhelm(?:ed|ing)",
               r"don'?t know where to (?:start|begin)")
)  # fmt: skip

_NL_WORDS = frozenset(
    "de het een ik je u niet dat en van op te met voor maar nog al wel geen mijn jullie heb "
    "heeft wat hoe waarom er naar bij ook zijn kan moet wil deze dit die nu dan want mij "
    "keer gebeld alstublieft alsjeblieft bedankt dank graag hoor even weet zeker".split()
)
_EN_WORDS = frozenset(
    "the a an i you not that and of on to with for but still my your have has what how why "
    "this it can will was me do don't i'm it's please thanks thank just would could there "
    "they them been called time sure know".split()
)


def detect_language(text: str) -> str:
    """ "nl" or "en" from function words; ties go to English (the head's training language)."""
    words = re.findall(r"[a-zà-ÿ']+", text.lower())
    nl = sum(w in _NL_WORDS for w in words)
    en = sum(w in _EN_WORDS for w in words)
    if nl == en:  # short or odd text: Dutch spelling habits break the tie
        nl += len(re.findall(r"ij|oe|aa|uu|sch", text.lower()))
        en += len(re.findall(r"th|wh|ing\b|ough", text.lower()))
    return "nl" if nl > en else "en"


def domain_phrases(cues: Mapping[str, Mapping[str, Sequence[str]]]) -> tuple[Phrase, ...]:
    """A domain's cue words ({topic: {language: [regular expressions]}}, its vocabulary.yaml)
    as phrases of the topic's own signal and weight; ValueError for a topic copilot lacks."""
    kinds = {p.topic: (p.signal, p.weight) for p in PHRASES}
    found: list[Phrase] = []
    for topic, by_language in cues.items():
        if topic not in kinds:
            raise ValueError(f"unknown cue topic {topic!r}; known: {', '.join(sorted(kinds))}")
        signal, weight = kinds[topic]
        for language, patterns in by_language.items():
            found += _phrases(signal, topic, language, weight, *patterns)
    return tuple(found)


def rescale(probabilities: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    """Piecewise-linear map of each label's probability so its threshold lands on 0.5."""
    p, t = probabilities, np.clip(thresholds, 1e-3, 1 - 1e-3)
    return np.where(p < t, 0.5 * p / t, 0.5 + 0.5 * (p - t) / (1 - t))


def emotion_signals(probabilities: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    """n x 3 emotion part of each signal (order of SIGNAL_EMOTIONS): max rescaled member."""
    scaled = rescale(probabilities, thresholds)
    cols = [[LABELS.index(e) for e in members] for members in SIGNAL_EMOTIONS.values()]
    return np.stack([scaled[:, c].max(axis=1) for c in cols], axis=1)


def phrase_cues(
    text: str,
    phrases: Sequence[Phrase] = PHRASES,
    words: Sequence[Word] = (),
    floor: float = PHRASE_CONFIDENCE_FLOOR,
) -> list[Cue]:
    """Every phrase found, one cue per phrase pattern, with the words that matched.

    With whisper's `words`, each cue carries the mean probability of the words it
    matched, and a phrase heard less surely than `floor` counts for that much less:
    a word whisper guessed at (or recited from its prompt) must not move a signal.
    """
    found, seen = [], set()
    spans = word_spans(text, words)
    for phrase in phrases:
        match = phrase.pattern.search(text)
        # Loanwords ("manager", "chemo") are in both languages' lists: report them once.
        if match and (phrase.signal, phrase.topic, match.group(0).lower()) not in seen:
            seen.add((phrase.signal, phrase.topic, match.group(0).lower()))
            # A clear request must be heard clearly in every word to count as one: its mean
            # would let well-heard filler carry a guessed 'leidinggevende' over the floor.
            sure = span_confidence(spans, match.start(), match.end(), every=not phrase.learnable)
            found.append(_Found(phrase, match.start(), match.end(), sure))
    cues = []
    for item in found:
        if not any(other.shadows(item) for other in found if other is not item):
            phrase, sure = item.phrase, item.sure
            weight = phrase.weight * min(1.0, sure / floor) if floor > 0 else phrase.weight
            cues.append(_phrase_cue(phrase, text[item.start : item.end], weight, sure))
    return cues


@dataclass(frozen=True)
class _Found:
    phrase: Phrase
    start: int
    end: int
    sure: float

    def shadows(self, other: _Found) -> bool:
        """Whether this clear request says all `other` says: same topic, the same words, heard
        at least as surely ("speak to your manager" makes its bare 'manager' redundant)."""
        return (
            not self.phrase.learnable
            and (self.phrase.signal, self.phrase.topic) == (other.phrase.signal, other.phrase.topic)
            and self.start < other.end
            and other.start < self.end
            and self.sure >= other.sure
            and (other.phrase.learnable or self.end - self.start > other.end - other.start)
        )


def _phrase_cue(phrase: Phrase, said: str, weight: float, sure: float) -> Cue:
    evidence = f"{phrase.topic}: {said!r}"  # for logs only; readers word the fields
    return Cue(
        phrase.signal,
        "phrase",
        evidence,
        weight,
        sure,
        topic=phrase.topic,
        phrase=said,
        code=phrase.code,
    )


def clear_request_codes(phrases: Sequence[Phrase] = PHRASES) -> frozenset[str]:
    """The codes of the phrases no dismissal may weaken (a clear request for a manager)."""
    return frozenset(p.code for p in phrases if not p.learnable)


def _noisy_or(weights: Sequence[float]) -> float:
    return 1.0 - float(np.prod([1.0 - w for w in weights])) if weights else 0.0


def phrase_strength(phrases: Sequence[Cue], extra: Sequence[float] = ()) -> float:
    """Phrase cues (and `extra` evidence) combined: each topic counts once, at its strongest.

    "ridiculous, absurd" is one cue's worth of strong wording, not two.
    """
    by_topic: dict[str, float] = {}
    for cue in phrases:
        topic = cue.topic or cue.phrase  # a scorer that names no topic: each phrase its own
        by_topic[topic] = max(by_topic.get(topic, 0.0), cue.weight)
    return _noisy_or([*extra, *by_topic.values()])


class TextAffectScorer:
    """Texts -> TextAffect (emotions, three signals in [0, 1], and the cues behind them)."""

    def __init__(
        self,
        model: EmotionModel | None = None,
        phrases: Sequence[Phrase] = PHRASES,
        phrase_floor: float = PHRASE_CONFIDENCE_FLOOR,
    ) -> None:
        self._model = model
        self.phrases = tuple(phrases)
        self.phrase_floor = phrase_floor

    @property
    def model(self) -> EmotionModel:
        """The emotion model given, else the shared one, loaded on first use."""
        if self._model is None:
            self._model = load_emotion_model()
        return self._model

    def score(
        self,
        texts: list[str],
        language: str | None = None,
        words: Sequence[Sequence[Word]] | None = None,
    ) -> list[TextAffect]:
        """`words`, where given, are whisper's timed words of each text (for phrase confidence)."""
        if not texts:
            return []
        return self.score_probabilities(texts, self.model.predict(texts), language, words)

    def score_probabilities(
        self,
        texts: list[str],
        probabilities: np.ndarray,
        language: str | None = None,
        words: Sequence[Sequence[Word]] | None = None,
    ) -> list[TextAffect]:
        """Like `score`, from emotion probabilities already computed (e.g. cached embeddings)."""
        thresholds = self.model.thresholds
        scaled = rescale(probabilities, thresholds)
        emotion_part = emotion_signals(probabilities, thresholds)
        timed = words if words is not None else [()] * len(texts)
        return [
            self._one(text, probabilities[i], scaled[i], emotion_part[i], language, timed[i])
            for i, text in enumerate(texts)
        ]

    def _one(self, text, probs, scaled, emotion_part, language, words=()) -> TextAffect:
        phrases = phrase_cues(text, self.phrases, words, self.phrase_floor)
        if any(c.topic == "bereavement" for c in phrases):
            # Ending a late relative's contract is the errand of a bereaved caller, not a threat.
            phrases = [c for c in phrases if c.topic != "cancel threat"]
        # The emotion model reads the whole utterance: as sure as its words on average.
        heard = round(heard_confidence(words), 3)
        cues: list[Cue] = []
        values = {}
        for s, (signal, members) in enumerate(SIGNAL_EMOTIONS.items()):
            emotion_cues = [
                _emotion_cue(signal, e, float(probs[LABELS.index(e)]), w, heard)
                for e in members
                if (w := float(scaled[LABELS.index(e)])) >= MIN_EMOTION_CUE
            ]
            own = [c for c in phrases if c.signal == signal]
            values[signal] = phrase_strength(own, [float(emotion_part[s])])
            cues += sorted(emotion_cues + own, key=lambda c: -c.weight)
        return TextAffect(
            emotions={label: float(p) for label, p in zip(LABELS, probs, strict=True)},
            frustration=values["frustration"],
            doubt=values["doubt"],
            load=values["load"],
            cues=tuple(cues),
            language=language or detect_language(text),
        )


def _emotion_cue(signal: str, emotion: str, probability: float, weight: float, heard: float) -> Cue:
    evidence = f"{emotion} {probability:.2f}"  # for logs only; readers word the fields
    return Cue(
        signal, "emotion", evidence, round(weight, 3), heard, emotion=emotion, score=probability
    )
