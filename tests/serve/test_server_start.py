"""`copilot serve` as an operator starts it: its start-up line, and the pages' icon."""

import re
import signal
import subprocess
import sys
import urllib.request

from tests.serve.server_harness import wait_healthy
from tests.serve.test_server_restart import free_port


def get(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=5) as reply:
        return reply.status, reply.headers["Content-Type"], reply.read()


def test_serve_logs_where_it_listens_at_info_and_serves_a_favicon(tmp_path):
    port = free_port()
    config = tmp_path / "copilot.toml"
    config.write_text(
        f"stages = []\n[serve]\nport = {port}\n"
        "audiosocket_customer_port = -1\naudiosocket_agent_port = -1\n"
        f'[store]\npath = "{tmp_path / "events.sqlite3"}"\n',
        encoding="utf-8",
    )
    err_path = tmp_path / "serve.err"
    with open(err_path, "wb") as err:
        serve = subprocess.Popen(
            [sys.executable, "-m", "copilot.cli", "serve", "--config", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    try:
        wait_healthy(port, serve)
        icon = get(f"http://127.0.0.1:{port}/favicon.ico")
        linked = get(f"http://127.0.0.1:{port}/web/favicon.svg")
        sidebar = get(f"http://127.0.0.1:{port}/")[2].decode()
    finally:
        serve.send_signal(signal.SIGTERM)
        serve.wait(30)
    log = err_path.read_text(encoding="utf-8")
    started = [line for line in log.splitlines() if "copilot serving on" in line]
    assert len(started) == 1, log
    assert re.search(r" INFO copilot\.serve\.started: copilot serving on ws://", started[0])
    assert " WARNING " not in log, log
    assert icon[0] == 200 and icon[1] == "image/svg+xml" and icon[2].startswith(b"<svg")
    assert linked == icon
    assert '<link rel="icon" href="/web/favicon.svg" type="image/svg+xml">' in sidebar
