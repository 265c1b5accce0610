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
from copilot.assist.drafts import DraftWriter, template_texts
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
from copilot.encoders.sentence import SentenceEncoder


@dataclass
class AssistModels:
    """The models every call's AssistStage shares, and the seed state `reset_learned` restores."""

    config: AssistConfig
    encoder: SentenceEncoder
    intents: IntentModel
    kb: KnowledgeBase
    playbooks: Playbooks
    drafts: DraftWriter
    ranking: Ranking
    vocabulary: SharedVocabulary  # the words any contact may see, for abstraction.py
    seed: IntentSnapshot = field(init=False)  # the intent model as built, before any feedback

    def __post_init__(self) -> None:
        self.seed = self.intents.snapshot()

    def reset_learned(self) -> None:
        """Forget all feedback: seed intents, no ranking, the shipped draft templates."""
        self.intents.restore(self.seed)
        self.ranking = Ranking()
        self.drafts.learned.clear()


def load_assist_models(config: AssistConfig, encoder: SentenceEncoder) -> AssistModels:
    """Build the shared models from the configured files, once per process, on `encoder`."""
    playbooks = Playbooks(resolve_path(config.playbooks_path))
    kb = KnowledgeBase(resolve_path(config.kb_path), encoder)
    seeds = resolve_path(config.intent_seeds)
    vocabulary = shared_vocabulary(playbooks, kb, load_examples(seeds), config.intents)
    llm = (
        ChatCompletionClient(config.llm_url, config.llm_model, config.llm_timeout_s)
        if config.llm_url
        else None
    )
    return AssistModels(
        config=config,
        encoder=encoder,
        intents=build_intent_model(encoder, config.intents, seeds),
        kb=kb,
        playbooks=playbooks,
        drafts=DraftWriter(playbooks, llm, vocabulary),
        ranking=Ranking(),
        vocabulary=vocabulary,
    )


def shared_vocabulary(
    playbooks: Playbooks,
    kb: KnowledgeBase,
    examples: list[tuple[str, str, str]],
    intents: tuple[str, ...],
) -> SharedVocabulary:
    """The words of what is shipped: draft templates and steps, articles, intent examples.

    Taken at start-up; an article or playbook edited later adds its words at the next start.
    """
    books = [b for b in map(playbooks.get, intents) if b is not None]
    documents = template_texts(books)
    for passage in kb.passages:
        documents.setdefault(passage.language, []).extend(
            (passage.title, passage.heading, passage.text)
        )
    lines: dict[str, list[str]] = {}
    for text, _intent, language in examples:
        lines.setdefault(language, []).append(text)
    return build_vocabulary(documents, lines)
