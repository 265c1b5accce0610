"""An optional OpenAI-compatible chat endpoint (llama.cpp, vLLM, Ollama) for drafting replies.

Plain urllib, no client library: one POST to `/v1/chat/completions`. Any failure
(no endpoint, timeout, refused, odd JSON) returns None and the caller keeps its
template, so a missing or slow model never blocks an agent.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request

log = logging.getLogger(__name__)


class ChatCompletionClient:
    """One OpenAI-compatible chat endpoint; a failure is logged and gives None, never an error."""

    def __init__(self, url: str, model: str = "local", timeout_s: float = 4.0) -> None:
        self.url = url
        self.model = model
        self.timeout_s = timeout_s

    def complete(self, system: str, user: str) -> str | None:
        """The model's reply to a system and a user message; None on any failure or empty reply."""
        payload = {
            "model": self.model,
            "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
            "temperature": 0.2,
        }
        request = urllib.request.Request(
            self.url,
            data=json.dumps(payload).encode("utf-8"),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                data = json.loads(response.read().decode("utf-8"))
            text = data["choices"][0]["message"]["content"]
        except (
            urllib.error.URLError,
            TimeoutError,
            OSError,
            ValueError,
            KeyError,
            IndexError,
            TypeError,
        ) as exc:
            log.warning("draft endpoint %s failed (%s); using the template", self.url, exc)
            return None
        return text.strip() if isinstance(text, str) and text.strip() else None
