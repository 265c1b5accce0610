"""An agent's written reply, from the sidebar into a live chat: checked, stored, sent.

The sidebar protocol (`chat.reply`, or `send` on a chat draft) has already checked
that the agent may act on the call; this module checks the chat: it must be a chat
(a voice call cannot take a written line), still open, and live on this worker (the
customer's socket is here). The reply goes through the chat's `ChatSession.reply`:
stored as the conversation's `transcript.final` of speaker `agent` (so the stages,
QA and erasure see it like any line), then sent to the customer as a `reply`.

A chat that runs on another worker is refused (`chat_elsewhere`), not routed: the
relay carries events between workers, not commands, and a reply that might or might
not arrive is worse than a clear "reply from that worker's sidebar".
"""

from __future__ import annotations

import json

from copilot.events.core import TranscriptFinal
from copilot.pipeline.chat_session import ChatSession
from copilot.serve.call_host import CallHost
from copilot.serve.store import EventStore
from copilot.telephony.chat import MAX_TURN_CHARS, SOURCE

CHAT_CHANNEL = (
    "chat"  # a draft written for the chat (`[assist] draft_channel`, the bot's hand-over)
)


class ChatReplyRefused(ValueError):
    """A reply that cannot go to the chat; `code` and the message say why, for the agent."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class ChatDesk:
    """Agents' replies into the live chats of this worker."""

    def __init__(self, calls: CallHost, store: EventStore) -> None:
        self.calls = calls
        self.store = store
        self._drafts_sent: set[tuple[str, str]] = set()  # (call id, draft id): never twice

    def reply(self, call_id: str, text: str) -> TranscriptFinal:
        """Store `text` as the agent's next line of the chat and send it; its final.

        ChatReplyRefused: empty or too long, not a chat, ended, unknown, or on another worker.
        """
        text = text.strip()
        if not text:
            raise ChatReplyRefused("empty_text", "a reply needs some text")
        if len(text) > MAX_TURN_CHARS:
            raise ChatReplyRefused(
                "too_long", f"a reply is limited to {MAX_TURN_CHARS} characters, not {len(text)}"
            )
        return self._open_chat(call_id).reply(text)

    def send_draft(self, call_id: str, draft_id: str, edited: str) -> TranscriptFinal | None:
        """A chat draft the agent sent: its text (as edited) to the customer; None if not a chat draft.

        A draft for e-mail is not this module's business. ChatReplyRefused as `reply`.
        """
        found = self.store.event_with_suggestion(call_id, draft_id)
        draft = json.loads(found) if found else {}
        if draft.get("type") != "draft" or draft.get("channel") != CHAT_CHANNEL:
            return None
        if (call_id, draft_id) in self._drafts_sent:
            raise ChatReplyRefused("already_delivered", "this draft went to the customer before")
        saved = self.store.draft(call_id, draft_id)  # the agent's last saved edit
        text = edited or (saved[0] if saved else "") or str(draft.get("body", ""))
        final = self.reply(call_id, text)
        self._drafts_sent.add((call_id, draft_id))
        return final

    def _open_chat(self, call_id: str) -> ChatSession:
        call = self.calls.call(call_id)
        if call is None:
            self._refuse_absent(call_id)
        assert call is not None
        if not isinstance(call.session, ChatSession):
            raise ChatReplyRefused("not_a_chat", "this is a voice call: a written reply cannot go")
        if call.session.closed:
            raise ChatReplyRefused("chat_ended", "the chat has ended; the customer is gone")
        return call.session

    def _refuse_absent(self, call_id: str) -> None:
        """Why a call that is not live here takes no reply (always raises)."""
        stored = self.store.call(call_id)
        if stored is None:
            raise ChatReplyRefused("unknown_call", f"no call {call_id!r} for you")
        if stored.source != SOURCE:
            raise ChatReplyRefused("not_a_chat", "this is a voice call: a written reply cannot go")
        if not stored.live:
            raise ChatReplyRefused("chat_ended", "the chat has ended; the customer is gone")
        raise ChatReplyRefused(
            "chat_elsewhere",
            "this chat is connected to another copilot worker: reply from a sidebar on that worker",
        )
