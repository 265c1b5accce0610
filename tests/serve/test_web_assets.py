"""The sidebar's static files: shipped pages and scripts only, nothing outside copilot/serve/web/."""

from copilot.serve.web_assets import asset_for


def test_pages_and_assets_are_served_with_their_types():
    body, kind = asset_for("/")
    assert b"/web/sidebar.js" in body and kind == "text/html"
    assert asset_for("/supervisor")[0].count(b"supervisor.js") == 1
    assert asset_for("/web/connection.js")[1] == "text/javascript"
    assert asset_for("/web/copilot.css")[1] == "text/css"


def test_nothing_else_is_reachable():
    for path in (
        "/web/../server.py",
        "/web/..%2fserver.py",
        "/web/nope.js",
        "/web/.hidden.css",
        "/etc/passwd",
        "/web/",
    ):
        assert asset_for(path) is None, path
