"""The assist models one process shares across calls: intents, knowledge base, playbooks, drafts, ranking.

Built once (the sentence encoder is the emotion model's, never a second copy) and
handed to every call's `AssistStage`; feedback changes them in place, so a
correction helps the next call at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from copilot.assist.drafts import DraftWriter
from copilot.assist.intents import IntentModel, build_intent_model
from copilot.assist.knowledge import KnowledgeBase
from copilot.assist.learning import Ranking
from copilot.assist.llm import ChatCompletionClient
from copilot.assist.playbooks import Playbooks
from copilot.assist.settings import AssistConfig, resolve_path
from copilot.encoders.sentence import SentenceEncoder


@dataclass
class AssistModels:
    config: AssistConfig
    encoder: SentenceEncoder
    intents: IntentModel
    kb: KnowledgeBase
    playbooks: Playbooks
    drafts: DraftWriter
    ranking: Ranking


def load_assist_models(config: AssistConfig, encoder: SentenceEncoder) -> AssistModels:
    playbooks = Playbooks(resolve_path(config.playbooks_path))
    llm = (
        ChatCompletionClient(config.llm_url, config.llm_model, config.llm_timeout_s)
        if config.llm_url
        else None
    )
    return AssistModels(
        config=config,
        encoder=encoder,
        intents=build_intent_model(encoder, config.intents, resolve_path(config.intent_seeds)),
        kb=KnowledgeBase(resolve_path(config.kb_path), encoder),
        playbooks=playbooks,
        drafts=DraftWriter(playbooks, llm),
        ranking=Ranking(),
    )
