"""The sidebar and supervisor pages: static files shipped inside the package, no build step.

`GET /` is the agent sidebar, `GET /supervisor` the supervisor view, and
`GET /web/<file>` their scripts and styles; `GET /favicon.ico` the pages' icon (an SVG,
which browsers take at that path too). Only files that exist in
`copilot/serve/web/` are served; a path never reaches outside it. The catalogue
(messages.json) gets the configured domain's intent and team labels added.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources

PAGES = {"/": "sidebar.html", "/supervisor": "supervisor.html", "/favicon.ico": "favicon.svg"}
CONTENT_TYPES = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".json": "application/json",  # messages.json: the pages fetch it, events/wording.py reads it
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}
PREFIX = "/web/"


CATALOGUE = "messages.json"
Labels = Mapping[str, Mapping[str, str]]  # language -> catalogue key -> words


def asset_for(path: str, labels: Labels | None = None) -> tuple[bytes, str] | None:
    """(body, content type) for a page or asset path, None when there is no such file.

    `labels`: the domain's names of its intents and teams ("intent.outage"), served as part
    of messages.json, so a domain's own codes are worded without touching the catalogue.
    """
    name = PAGES.get(path)
    if name is None and path.startswith(PREFIX):
        name = path[len(PREFIX) :]
    if not name or "/" in name or name.startswith("."):
        return None
    suffix = name[name.rfind(".") :] if "." in name else ""
    if suffix not in CONTENT_TYPES:
        return None
    body = _read(name)
    if body is not None and name == CATALOGUE and labels:
        body = with_labels(body, labels)
    return None if body is None else (body, CONTENT_TYPES[suffix])


def with_labels(catalogue: bytes, labels: Labels) -> bytes:
    """The catalogue with the domain's labels added (a domain's word wins over the shipped one)."""
    texts = json.loads(catalogue)
    for language, entries in labels.items():
        if language in texts:
            texts[language].update(entries)
    return json.dumps(texts, ensure_ascii=False, indent=2).encode("utf-8")


@lru_cache(maxsize=32)
def _read(name: str) -> bytes | None:
    resource = resources.files("copilot.serve") / "web" / name
    return resource.read_bytes() if resource.is_file() else None
