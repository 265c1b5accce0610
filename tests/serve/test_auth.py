"""Tokens: stored hashed, roles and call assignment, picked up by a running reader."""

import json

import pytest

from copilot.serve.auth import AuthError, Principal, TokenFile, assigned_agent_id


def test_tokens_are_hashed_and_authenticate_by_role(tmp_path):
    file = TokenFile(tmp_path / "tokens.json")
    reader = TokenFile(tmp_path / "tokens.json")  # e.g. the running server
    assert reader.authenticate("anything") is None
    agent = file.add("agent", "a7", name="alice")
    supervisor = file.add("supervisor")
    text = (tmp_path / "tokens.json").read_text()
    assert agent not in text and supervisor not in text
    assert reader.authenticate(agent) == Principal("agent", "a7", "alice")
    assert reader.authenticate(supervisor).role == "supervisor"
    assert reader.authenticate(agent + "x") is None and reader.authenticate("") is None
    assert file.revoke("alice") == 1
    assert TokenFile(tmp_path / "tokens.json").authenticate(agent) is None


def test_visibility_and_bad_requests(tmp_path):
    assert Principal("agent", "a").can_see("a") and not Principal("agent", "a").can_see("b")
    assert not Principal("agent", "").can_see("")  # an unassigned call is nobody's
    assert Principal("supervisor").can_see("") and not Principal("ingest").can_watch
    file = TokenFile(tmp_path / "tokens.json")
    with pytest.raises(AuthError):
        file.add("agent")  # no agent_id
    with pytest.raises(AuthError):
        file.add("admin")
    (tmp_path / "bad.json").write_text(json.dumps({"tokens": [{"role": "agent"}]}))
    with pytest.raises(AuthError):
        TokenFile(tmp_path / "bad.json").authenticate("x")


def test_call_assignment_from_each_ingest():
    assert assigned_agent_id({"agent_id": "tw-1"}) == "tw-1"  # Twilio customParameters
    assert assigned_agent_id({"custom_config": {"agent_id": "gen-2"}}) == "gen-2"  # AudioHook
    assert assigned_agent_id({"participant": {"agentId": "gen-3"}}) == "gen-3"
    assert assigned_agent_id({}, "default-4") == "default-4"  # AudioSocket, ?agent_id=
