"""Settings of the assist stage: `[assist]` in copilot.toml.

Intents, the team each one is routed to, where the knowledge base, playbooks and
feedback live, and the optional LLM endpoint for drafts. Paths are taken as given
when they exist from the working directory, else from the repository (so the
shipped sample knowledge base works from anywhere).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent

DEFAULT_INTENTS = (
    "parcel_status",
    "appointment_change",
    "cancel_contract",
    "complaint",
    "billing",
    "address_change",
    "refund_return",
    "technical_issue",
    "request_human",
    "other",
)
DEFAULT_ROUTES = (
    "parcel_status=delivery",
    "appointment_change=planning",
    "address_change=delivery",
    "cancel_contract=retention",
    "complaint=complaints",
    "billing=billing",
    "refund_return=claims",
    "technical_issue=tech_support",
    "request_human=team_leads",
)
URGENCIES = ("low", "normal", "high", "critical")


@dataclass(frozen=True)
class AssistConfig:
    """Agent assist (stage "assist"): intents and routing, the knowledge base and playbooks,
    what the sidebar shows, drafts and learning from the agents' feedback."""

    # Folder of knowledge-base articles, one subfolder per language (kb/en, kb/nl).
    kb_path: str = "kb"
    playbooks_path: str = "playbooks"  # folder of playbooks: one YAML file of next steps per intent
    # YAML file of example sentences per intent that the intent model is built from.
    intent_seeds: str = "assist_data/intents_train.yaml"
    # The intents a contact can have; "other" (none of them) must be one.
    intents: tuple[str, ...] = DEFAULT_INTENTS
    # Team each intent is routed to, as "intent=team"; an intent not listed goes to default_team.
    routes: tuple[str, ...] = DEFAULT_ROUTES
    default_team: str = "customer_service"  # team of an intent that routes names no team for
    # Confidence an intent needs to become a contact's first intent; below it nothing is announced.
    min_intent_confidence: float = 0.45
    # Confidence another intent needs to replace the contact's current one. Changing takes
    # more: "3511 AB, nummer 14" must not turn a parcel question into something else, while
    # a customer who moves on to a new topic clearly does.
    switch_intent_confidence: float = 0.75
    # A customer line whose words whisper heard with less than this mean probability neither
    # changes the contact's intent nor hands the contact to a person on its own (its words
    # may not be what was said); a later, clearer line does. Same level as the affect floor.
    min_transcript_confidence: float = 0.5
    # Articles below this cosine similarity to the customer's line are noise and not shown.
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
        if "other" not in self.intents:
            raise ValueError("assist intents must include 'other'")
        for route in self.routes:
            intent, sep, team = route.partition("=")
            if not sep or not team or intent not in self.intents:
                raise ValueError(f"assist route {route!r} must be 'intent=team' for a known intent")
        if not 0 <= self.article_min_similarity <= self.answer_similarity <= 1:
            raise ValueError("assist needs 0 <= article_min_similarity <= answer_similarity <= 1")
        if self.draft_channel not in ("email", "chat"):
            raise ValueError("assist draft_channel must be 'email' or 'chat'")

    def team_for(self, intent: str) -> str:
        """The team a contact of `intent` is routed to: its `routes` entry, else `default_team`."""
        for route in self.routes:
            name, _, team = route.partition("=")
            if name == intent:
                return team
        return self.default_team


def resolve_path(path: str) -> Path:
    """`path` as given if it exists from here (or is absolute), else inside the repository."""
    given = Path(path).expanduser()
    if given.is_absolute() or given.exists():
        return given
    return REPO / given
