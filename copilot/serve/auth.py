"""Who may see which calls: bearer tokens kept hashed in a JSON file, with roles.

Roles:
  agent       sees only calls whose metadata `agent_id` equals the token's agent_id
  supervisor  sees every call (read-only in the sidebar)
  ingest      may stream calls into the ingest endpoints (/twilio, /audiohook, /ingest, /chat)

Tokens are 256-bit random strings, so a plain SHA-256 is enough to keep the file
useless to a reader (there is nothing to brute-force; a slow hash such as scrypt
protects low-entropy passwords, not these). The file is re-read when it changes,
so `copilot token add` takes effect on a running server.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

ROLES = ("agent", "supervisor", "ingest")
UI_LANGUAGES = ("nl", "en")  # the sidebar's and supervisor view's message catalogues


class AuthError(ValueError):
    """A token file that cannot be used, or a token request that makes no sense."""


@dataclass(frozen=True)
class Principal:
    """Who a token speaks for: a role and, for an agent, whose calls it may see."""

    role: str
    agent_id: str = ""
    name: str = ""
    ui_language: str = ""  # "" : the browser's language, else English

    def can_see(self, call_agent_id: str) -> bool:
        """Supervisors see every call; an agent only the calls assigned to its agent_id."""
        if self.role == "supervisor":
            return True
        return self.role == "agent" and bool(self.agent_id) and call_agent_id == self.agent_id

    @property
    def can_watch(self) -> bool:
        """Agents and supervisors may watch calls; an ingest token only streams them in."""
        return self.role in ("agent", "supervisor")


def assigned_agent_id(metadata: dict, default: str = "") -> str:
    """The agent a call belongs to, from what its ingest put into the call's metadata.

    Twilio: `<Parameter name="agent_id">` (customParameters); raw /ingest: the start
    message's `metadata.agent_id` or `?agent_id=` in the URL; AudioHook: `agent_id` in the
    integration's customConfig, else the participant object; AudioSocket (no metadata):
    `serve.audiosocket_agent_id`; /chat: the start message's `metadata.agent_id`.
    """
    for source in (metadata, metadata.get("custom_config"), metadata.get("participant")):
        if isinstance(source, dict):
            value = source.get("agent_id") or source.get("agentId")
            if isinstance(value, str | int) and not isinstance(value, bool) and str(value):
                return str(value)
    return default


def token_digest(token: str) -> str:
    """The SHA-256 hex digest the token file keeps in place of the token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class TokenFile:
    """The token file: hashed tokens and who they speak for, re-read whenever it changes."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path) if path else None
        self._by_digest: dict[str, Principal] = {}
        self._mtime: float | None = None

    def authenticate(self, token: str) -> Principal | None:
        """The principal a bearer token stands for; None for an empty or unknown token."""
        if not token or self.path is None:
            return None
        self._reload_if_changed()
        return self._by_digest.get(token_digest(token))

    def add(self, role: str, agent_id: str = "", name: str = "", ui_language: str = "") -> str:
        """Create a token, store its hash, return the token itself (shown once, never stored)."""
        if role not in ROLES:
            raise AuthError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
        if ui_language and ui_language not in UI_LANGUAGES:
            raise AuthError(f"ui language must be one of {', '.join(UI_LANGUAGES)}")
        if role == "agent" and not agent_id:
            raise AuthError("an agent token needs an agent_id (the calls' metadata agent_id)")
        if self.path is None:
            raise AuthError("no token file configured (auth.tokens_file)")
        token = secrets.token_urlsafe(32)
        entries = self._read_entries()
        entries.append(
            {
                "sha256": token_digest(token),
                "role": role,
                "agent_id": agent_id,
                "name": name,
                "ui_language": ui_language,
            }
        )
        self._write_entries(entries)
        return token

    def revoke(self, name: str) -> int:
        """Drop every token given this name; return how many there were."""
        entries = self._read_entries()
        kept = [e for e in entries if e.get("name") != name]
        self._write_entries(kept)
        return len(entries) - len(kept)

    def principals(self) -> list[Principal]:
        """Everyone the token file lets in now (`copilot token list`, the ingest key check)."""
        self._reload_if_changed()
        return list(self._by_digest.values())

    def _reload_if_changed(self) -> None:
        try:
            mtime = self.path.stat().st_mtime_ns if self.path else None
        except FileNotFoundError:
            mtime = None
        if mtime == self._mtime:
            return
        self._mtime = mtime
        self._by_digest = {
            e["sha256"]: Principal(
                e["role"], e.get("agent_id", ""), e.get("name", ""), e.get("ui_language", "")
            )
            for e in self._read_entries()
        }

    def _read_entries(self) -> list[dict]:
        if self.path is None or not self.path.is_file():
            return []
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            entries = data["tokens"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise AuthError(f"token file {self.path} is not valid: {exc}") from None
        for entry in entries:
            if not isinstance(entry, dict) or entry.get("role") not in ROLES:
                raise AuthError(f"token file {self.path}: bad entry {entry!r}")
            if not isinstance(entry.get("sha256"), str) or len(entry["sha256"]) != 64:
                raise AuthError(f"token file {self.path}: entry without a sha256 digest")
        return entries

    def _write_entries(self, entries: list[dict]) -> None:
        assert self.path is not None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(self.path.suffix + ".tmp")
        tmp.write_text(json.dumps({"tokens": entries}, indent=2) + "\n", encoding="utf-8")
        os.chmod(tmp, 0o600)  # hashes only, but nobody else needs to read them
        os.replace(tmp, self.path)
