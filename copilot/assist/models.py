"""The assist models one process shares across calls: intents, knowledge base, playbooks, drafts, ranking.

Built once (the sentence encoder is the emotion model's, never a second copy) and
handed to every call's `AssistStage`; feedback changes them in place, so a
correction helps the next call at once. What they hold from the seeds is kept
aside (`seed`), so `reset_learned` can take back everything feedback taught them
(forgetting a call: back to the seeds, then the remaining feedback again).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from copilot.assist.abstraction import SharedVocabulary, build_vocabulary
from copilot.assist.domain import Domain
from copilot.assist.domain_check import load_domain
from copilot.assist.drafts import DraftWriter, template_texts
from copilot.assist.floors import FloorTable, configured_floors, floors_of_domain
from copilot.assist.intents import (
    IntentModel,
    IntentSnapshot,
    build_intent_model,
    load_examples,
)
from copilot.assist.knowledge import KnowledgeBase
from copilot.assist.learning import Ranking
from copilot.assist.llm import ChatCompletionClient
from copilot.assist.playbooks import Playbooks
from copilot.assist.settings import AssistConfig, resolve_path
from copilot.assist.urgency import UrgencyWords
from copilot.encoders.sentence import SentenceEncoder


@dataclass
class AssistModels:
    """The models every call's AssistStage shares, and the seed state `reset_learned` restores."""

    config: AssistConfig
    domain: Domain  # the company's domain folder, checked
    encoder: SentenceEncoder
    intents: IntentModel
    kb: KnowledgeBase
    playbooks: Playbooks
    drafts: DraftWriter
    ranking: Ranking
    vocabulary: SharedVocabulary  # the words any contact may see, for abstraction.py
    urgency_words: UrgencyWords = field(default_factory=UrgencyWords)  # copilot's and the domain's
    # The bars of what is shown, per language and audio condition (floors.py); without a
    # calibration, `[assist]`'s own min_intent_confidence and article_min_similarity.
    floors: FloorTable = field(
        default_factory=lambda: FloorTable(configured_floors(AssistConfig()))
    )
    seed: IntentSnapshot = field(init=False)  # the intent model as built, before any feedback

    def __post_init__(self) -> None:
        self.seed = self.intents.snapshot()

    def reset_learned(self) -> None:
        """Forget all feedback: seed intents, no ranking, the shipped draft templates."""
        self.intents.restore(self.seed)
        self.ranking = Ranking()
        self.drafts.learned.clear()


def load_assist_models(
    config: AssistConfig, encoder: SentenceEncoder, domain: Domain | None = None
) -> AssistModels:
    """Build the shared models from the domain's files, once per process, on `encoder`.

    `domain`: the configured one already loaded (else it is loaded and checked here).
    """
    domain = domain or load_domain(resolve_path(config.domain))
    playbooks = Playbooks(domain.playbooks_path)
    kb = KnowledgeBase(domain.kb_path, encoder)
    seeds = domain.examples_path
    vocabulary = shared_vocabulary(playbooks, kb, load_examples(seeds), domain)
    llm = (
        ChatCompletionClient(config.llm_url, config.llm_model, config.llm_timeout_s)
        if config.llm_url
        else None
    )
    return AssistModels(
        config=config,
        domain=domain,
        encoder=encoder,
        intents=build_intent_model(encoder, domain.intents, seeds),
        kb=kb,
        playbooks=playbooks,
        drafts=DraftWriter(playbooks, llm, vocabulary, domain.templates, domain.company),
        ranking=Ranking(),
        vocabulary=vocabulary,
        urgency_words=UrgencyWords.with_domain(domain.patterns("urgency")),
        floors=floors_of_domain(domain.root, config),
    )


def shared_vocabulary(
    playbooks: Playbooks,
    kb: KnowledgeBase,
    examples: list[tuple[str, str, str]],
    domain: Domain,
) -> SharedVocabulary:
    """The words of what is shipped: draft templates and steps, articles, intent examples.

    Taken at start-up; an article or playbook edited later adds its words at the next start.
    """
    books = [b for b in map(playbooks.get, domain.intents) if b is not None]
    documents = template_texts(books, domain.templates)
    for passage in kb.passages:
        documents.setdefault(passage.language, []).extend(
            (passage.title, passage.heading, passage.text)
        )
    lines: dict[str, list[str]] = {}
    for text, _intent, language in examples:
        lines.setdefault(language, []).append(text)
    return build_vocabulary(documents, lines)
