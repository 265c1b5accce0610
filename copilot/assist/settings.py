"""Settings of the assist stage: `[assist]` in copilot.toml.

The company's domain folder (its intents and routes, knowledge base, playbooks, draft
templates and words: docs/domain.md), what the sidebar shows, where feedback lives,
and the optional LLM endpoint for drafts. Paths are taken as given when they exist
from the working directory, else from the repository (so the shipped sample domains
work from anywhere).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent

DEFAULT_DOMAIN = "domains/parcels"  # the sample parcel service copilot ships with
URGENCIES = ("low", "normal", "high", "critical")


@dataclass(frozen=True)
class AssistConfig:
    """Agent assist (stage "assist"): the domain (intents, routing, knowledge base, playbooks),
    what the sidebar shows, drafts and learning from the agents' feedback."""

    # The company's domain folder (docs/domain.md): its intents and the team each is routed
    # to, example lines, knowledge base, playbooks, draft templates and the words that
    # matter (whisper's prompt, cue and urgency words). Checked at start-up; `copilot domain
    # check` says what is wrong with one, `copilot domain eval` how well it works.
    domain: str = DEFAULT_DOMAIN
    # Confidence an intent needs to become a contact's first intent; below it the intent card
    # says "not sure yet". The domain's calibrated floors (its floors.json, per language and
    # audio condition) take its place where they name one.
    min_intent_confidence: float = 0.45
    # Confidence another intent needs to replace the contact's current one. Changing takes
    # more: "3511 AB, nummer 14" must not turn a parcel question into something else, while
    # a customer who moves on to a new topic clearly does. On audio it is also what one
    # line needs to set the first intent when no earlier clear line of the customer asked
    # about the same intent (a misheard line is rarely misheard twice the same way), what a
    # line needs after an opening request that named nothing this company handles, and
    # what a repeated question needs before "no article covers this" goes to a person.
    # The domain's calibrated floors (its floors.json, `intent_switch` per language and
    # audio condition) take its place where they name one.
    switch_intent_confidence: float = 0.75
    # A customer line whose words whisper heard with less than this mean probability neither
    # changes the contact's intent nor hands the contact to a person on its own (its words
    # may not be what was said); a later, clearer line does. Same level as the affect floor.
    min_transcript_confidence: float = 0.5
    # Articles below this cosine similarity to the customer's line are noise and not shown
    # (the domain's calibrated floors, where its floors.json names them, are higher); a
    # "no article covers this" hand-over needs every article below it.
    # This and answer_similarity were set from the shipped articles' own headings used as
    # questions (median 0.40, upper quartile 0.47) and the small-talk seeds of intent "other"
    # (at most 0.25), not from the evaluation questions.
    article_min_similarity: float = 0.25
    # A chat front door answers from an article by itself at or above this cosine similarity.
    answer_similarity: float = 0.45
    articles_shown: int = 2  # knowledge-base articles looked up per customer line
    steps_shown: int = 2  # next steps of the contact's playbook shown at a time
    draft_channel: str = "email"  # channel the wrap-up draft is written for: email or chat
    llm_url: str = ""  # OpenAI-compatible chat completions URL for drafts; empty: templates only
    llm_model: str = "local"  # model name sent to llm_url
    llm_timeout_s: float = 4.0  # seconds to wait for llm_url before the template draft is used
    # SQLite file of the agents' feedback, replayed at start-up so learning survives a
    # restart; empty: feedback is learned in memory only and lost when the process ends.
    feedback_db: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.min_transcript_confidence <= 1:
            raise ValueError("assist min_transcript_confidence must be in [0, 1]")
        if not self.domain.strip():
            raise ValueError("assist domain must name a domain folder (docs/domain.md)")
        if not 0 <= self.article_min_similarity <= self.answer_similarity <= 1:
            raise ValueError("assist needs 0 <= article_min_similarity <= answer_similarity <= 1")
        if self.draft_channel not in ("email", "chat"):
            raise ValueError("assist draft_channel must be 'email' or 'chat'")


def resolve_path(path: str) -> Path:
    """`path` as given if it exists from here (or is absolute), else inside the repository."""
    given = Path(path).expanduser()
    if given.is_absolute() or given.exists():
        return given
    return REPO / given
