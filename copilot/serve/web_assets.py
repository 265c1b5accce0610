"""The sidebar and supervisor pages: static files shipped inside the package, no build step.

`GET /` is the agent sidebar, `GET /supervisor` the supervisor view, and
`GET /web/<file>` their scripts and styles. Only files that exist in
`copilot/serve/web/` are served; a path never reaches outside it.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

PAGES = {"/": "sidebar.html", "/supervisor": "supervisor.html"}
CONTENT_TYPES = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".json": "application/json",  # messages.json: the pages fetch it, events/wording.py reads it
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}
PREFIX = "/web/"


def asset_for(path: str) -> tuple[bytes, str] | None:
    """(body, content type) for a page or asset path, None when there is no such file."""
    name = PAGES.get(path)
    if name is None and path.startswith(PREFIX):
        name = path[len(PREFIX) :]
    if not name or "/" in name or name.startswith("."):
        return None
    suffix = name[name.rfind(".") :] if "." in name else ""
    if suffix not in CONTENT_TYPES:
        return None
    body = _read(name)
    return None if body is None else (body, CONTENT_TYPES[suffix])


@lru_cache(maxsize=32)
def _read(name: str) -> bytes | None:
    resource = resources.files("copilot.serve") / "web" / name
    return resource.read_bytes() if resource.is_file() else None
