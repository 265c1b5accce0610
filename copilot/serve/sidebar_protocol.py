"""The `/events` websocket protocol for one sidebar or supervisor client, without I/O.

The server shell authenticates the upgrade, then hands every text message here.
Replies and events go through the client's hub queue, so a reply is never
overtaken by, or overtakes, the events queued before it. A malformed message
earns an `error` reply to this client only (see docs/protocol.md).
"""

from __future__ import annotations

import json
from typing import Any

from copilot.events.core import PROTOCOL_VERSION
from copilot.events.feedback import Feedback
from copilot.serve.auth import Principal
from copilot.serve.board import CallBoard
from copilot.serve.call_history import (
    ALERT_FILTERS,
    MAX_PAGE_SIZE,
    PAGE_SIZE,
    CallHistory,
    HistoryQuery,
    start_of_today,
)
from copilot.serve.chat_desk import ChatDesk, ChatReplyRefused
from copilot.serve.database import DatabaseError
from copilot.serve.decisions import TAKE_OVER, CallDecisions, decider
from copilot.serve.feedback import FeedbackRecorder, FeedbackRejected
from copilot.serve.hub import EventHub, History, HubClient
from copilot.serve.metrics import Metrics
from copilot.serve.store import EventStore, event_json


class ClientMessageError(ValueError):
    """A client message that cannot be served; its `code` and text go back in an `error` reply."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class SidebarServices:
    """What every /events connection shares."""

    def __init__(
        self,
        hub: EventHub,
        store: EventStore,
        board: CallBoard,
        feedback: FeedbackRecorder,
        metrics: Metrics,
        chats: ChatDesk | None = None,
        decisions: CallDecisions | None = None,
    ) -> None:
        self.hub = hub
        self.store = store
        self.board = board
        self.feedback = feedback
        self.metrics = metrics
        self.chats = chats  # agents' replies into live chats; None: refused
        # What was decided on each call's cards and alerts, for every view of the call.
        self.decisions = decisions or CallDecisions(store, hub)
        self.history = CallHistory(store)  # the day's ended calls, paged from the store


class SidebarConnection:
    """One /events client's side of the protocol: its requests in, replies via its hub queue."""

    def __init__(self, client: HubClient, services: SidebarServices) -> None:
        self.client = client
        self.hub = services.hub
        self.store = services.store
        self.board = services.board
        self.feedback = services.feedback
        self.metrics = services.metrics
        self.chats = services.chats
        self.decisions = services.decisions
        self.history = services.history

    @property
    def principal(self) -> Principal:
        """Who the client's token speaks for."""
        return self.client.principal

    def opened(self) -> None:
        """Greet the client with `hello` (its role and language), then send its list of calls."""
        p = self.principal
        self._reply(
            {
                "type": "hello",
                "v": PROTOCOL_VERSION,
                "role": p.role,
                "agent_id": p.agent_id,
                "ui_language": p.ui_language,
            }
        )
        self._send_calls()

    def receive(self, message: str | bytes) -> None:
        """Handle one client message; a bad one gets an `error` reply and the socket stays open."""
        request: dict[str, Any] = {}
        try:
            request = _parse(message)
            handler = _HANDLERS.get(request["type"])
            if handler is None:
                raise ClientMessageError(
                    "unknown_type", f"unknown message type {request['type']!r}"
                )
            try:
                handler(self, request)
            except DatabaseError:
                # The store's database is away (a restart, a failover): this request fails
                # with a clear word, the socket stays, a retry gets a new connection.
                raise ClientMessageError(
                    "store_unavailable", "the event store is unavailable; try again shortly"
                ) from None
        except ClientMessageError as exc:
            self.metrics.client_errors += 1
            error = {"type": "error", "code": exc.code, "message": str(exc)}
            if "ref" in request:
                error["ref"] = request["ref"]  # lets the client match the error to its request
            self._reply(error)

    def continue_replays(self) -> bool:
        """Queue more of the client's history replays; False while the store is away."""
        try:
            self.hub.continue_replays(self.client)
        except DatabaseError:
            return False  # the replay stays where it is; the shell tries again shortly
        return True

    # -- handlers --------------------------------------------------------------

    def _subscribe(self, request: dict[str, Any]) -> None:
        call_id = _field(request, "call_id", str)
        after_seq = _field(request, "after_seq", int, default=0)
        if after_seq < 0:
            raise ClientMessageError("bad_field", "after_seq must be 0 or more")
        self._visible_call(call_id)
        decided = self.decisions.of_call(call_id, self.principal)
        if decided:  # before the replay: the page draws each answered card as answered
            self._reply({"type": "decisions", "decisions": decided})
        subscribed = {"type": "subscribed", "call_id": call_id, "after_seq": after_seq}
        self.hub.subscribe(
            self.client, call_id, after_seq, self._history(call_id), event_json(subscribed)
        )

    def _history(self, call_id: str) -> History:
        return lambda after_seq, limit: self.store.events_after(call_id, after_seq, limit)

    def _unsubscribe(self, request: dict[str, Any]) -> None:
        self.hub.unsubscribe(self.client, _field(request, "call_id", str))

    def _calls(self, request: dict[str, Any]) -> None:
        self._send_calls()

    def _feedback(self, request: dict[str, Any]) -> None:
        # The agent answers the call's cards and alerts; a supervisor only acknowledges a take-over.
        take_over = request.get("target") == TAKE_OVER
        if self.principal.role == "supervisor" and not take_over:
            raise ClientMessageError("read_only", "only the call's agent can give feedback")
        if self.principal.role == "agent" and take_over:
            raise ClientMessageError("bad_target", "only a supervisor acknowledges a take-over")
        call_id = _field(request, "call_id", str)
        self._visible_call(call_id)
        target_id = request.get("target_id")
        if isinstance(target_id, int) and not isinstance(target_id, bool):
            target_id = str(target_id)  # an alert is named by its seq
        if not isinstance(target_id, str) or not target_id:
            raise ClientMessageError("bad_field", "target_id must be a non-empty string or a seq")
        feedback = Feedback(
            call_id,
            _field(request, "target", str),
            target_id,
            _field(request, "action", str),
            _field(request, "text", str, default=""),
            decider(self.principal),
        )
        try:
            feedback_id = self.feedback.record(feedback)
        except FeedbackRejected as exc:
            raise ClientMessageError(exc.code, str(exc)) from None
        if not take_over:  # the metric counts the agents' answers to copilot
            self.metrics.count_feedback(feedback.action)
        self.decisions.given(feedback, self.client)  # the call's other views, other workers
        ack = {"type": "feedback.ack", "feedback_id": feedback_id, "call_id": call_id}
        ack.update(target=feedback.target, target_id=target_id, action=feedback.action)
        if feedback.action == "send" and feedback.target == "draft":
            ack.update(self._chat_draft_sent(feedback))
        if "ref" in request:
            ack["ref"] = request["ref"]
        self._reply(ack)

    def _chat_draft_sent(self, feedback: Feedback) -> dict[str, Any]:
        """A sent chat draft goes to the chat's customer: the ack says whether it went.

        An e-mail draft is the delivery module's (its outcome is a `draft.delivery` event).
        """
        if self.chats is None:
            return {}
        try:
            final = self.chats.send_draft(feedback.call_id, feedback.target_id, feedback.text)
        except ChatReplyRefused as exc:
            return {"channel": "chat", "delivered": False, "reason": exc.code}
        if final is None:
            return {}
        return {"channel": "chat", "delivered": True, "utterance_id": final.utterance_id}

    def _chat_reply(self, request: dict[str, Any]) -> None:
        if self.principal.role != "agent":
            raise ClientMessageError("read_only", "only the chat's agent can reply")
        call_id = _field(request, "call_id", str)
        text = _field(request, "text", str)
        self._visible_call(call_id)
        if self.chats is None:
            raise ClientMessageError("not_a_chat", "this server takes no chat replies")
        try:
            final = self.chats.reply(call_id, text)
        except ChatReplyRefused as exc:
            raise ClientMessageError(exc.code, str(exc)) from None
        ack = {"type": "chat.reply.ack", "call_id": call_id, "utterance_id": final.utterance_id}
        if "ref" in request:
            ack["ref"] = request["ref"]
        self._reply(ack)

    def _ended_calls(self, request: dict[str, Any]) -> None:
        # A supervisor pages every ended call, an agent their own: the calls of their shift.
        since = request.get("since", start_of_today())
        if not isinstance(since, int | float) or isinstance(since, bool) or since < 0:
            raise ClientMessageError("bad_field", "since must be unix seconds")
        query = HistoryQuery(
            float(since),
            _field(request, "agent_id", str, default=""),
            _field(request, "outcome", str, default=""),
            _field(request, "alert", str, default=""),
            _field(request, "page", int, default=0),
            _field(request, "size", int, default=PAGE_SIZE),
        )
        if query.alert not in ALERT_FILTERS:
            raise ClientMessageError("bad_field", f"alert must be one of {list(ALERT_FILTERS)}")
        if query.page < 0 or not 1 <= query.size <= MAX_PAGE_SIZE:
            raise ClientMessageError("bad_field", f"page >= 0 and size 1..{MAX_PAGE_SIZE}")
        reply = {"type": "history", **self.history.page(query, self.principal)}
        if "ref" in request:
            reply["ref"] = request["ref"]
        self._reply(reply)

    def _ping(self, request: dict[str, Any]) -> None:
        self._reply({"type": "pong", "ref": request.get("ref")})

    # -- helpers ---------------------------------------------------------------

    def _visible_call(self, call_id: str) -> None:
        call = self.store.call(call_id)
        if call is None or not self.principal.can_see(call.agent_id):
            # Same answer for "no such call" and "not yours": ids of others' calls stay secret.
            raise ClientMessageError("unknown_call", f"no call {call_id!r} for you")

    def _send_calls(self) -> None:
        calls = self.board.visible(self.principal.can_see)
        self._reply({"type": "calls", "calls": calls})
        try:  # a supervisor's acknowledged take-overs stay acknowledged on their list
            acks = self.decisions.acknowledged(self.principal, [c["call_id"] for c in calls])
        except DatabaseError:
            return  # the list goes without them; the next `calls` brings them
        if acks:
            self._reply({"type": "decisions", "decisions": acks})

    def _reply(self, message: dict[str, Any]) -> None:
        self.hub.send(self.client, event_json(message))


_HANDLERS = {
    "subscribe": SidebarConnection._subscribe,
    "unsubscribe": SidebarConnection._unsubscribe,
    "calls": SidebarConnection._calls,
    "feedback": SidebarConnection._feedback,
    "chat.reply": SidebarConnection._chat_reply,
    "history": SidebarConnection._ended_calls,
    "ping": SidebarConnection._ping,
}


def _parse(message: str | bytes) -> dict[str, Any]:
    if isinstance(message, bytes):
        raise ClientMessageError("binary_not_allowed", "send JSON text messages")
    try:
        request = json.loads(message)
    except json.JSONDecodeError as exc:
        raise ClientMessageError("bad_json", f"not JSON: {exc}") from None
    if not isinstance(request, dict) or not isinstance(request.get("type"), str):
        raise ClientMessageError("bad_message", "a message is a JSON object with a string type")
    return request


_MISSING = object()


def _field(request: dict[str, Any], name: str, kind: type, default: Any = _MISSING) -> Any:
    value = request.get(name, default)
    if value is _MISSING:
        raise ClientMessageError("missing_field", f"{request['type']} needs {name}")
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ClientMessageError("bad_field", f"{name} must be a {kind.__name__}")
    return value
