"""`copilot demo`: a live call end to end on this machine, no telephony account needed.

Starts the server on loopback with a throw-away store and demo tokens, prints the
sidebar and supervisor URLs (and opens the sidebar when this machine has a
browser), plays a shipped stereo call into its Twilio endpoint at the pace of a
real call, and prints what the copilot hears and thinks as it happens.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import webbrowser
from pathlib import Path

from copilot.audio.files import decode_file
from copilot.commands.simulate import play_twilio
from copilot.config import Config
from copilot.events.printer import EventPrinter
from copilot.runtime import load_runtime
from copilot.serve.auth import TokenFile
from copilot.serve.platforms import PLATFORMS
from copilot.serve.server import CopilotServer
from copilot.telephony import twilio

DEFAULT_CALL = Path(__file__).resolve().parents[2] / "audio_fixtures" / "call_escalating_en.wav"
DEMO_AGENT = "demo"


def has_browser() -> bool:
    """A graphical browser can open here (a text browser would take over the terminal)."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def demo_tokens(folder: Path) -> tuple[str, str]:
    """An agent and a supervisor token, in a token file of the demo's throw-away folder."""
    tokens = TokenFile(folder / "tokens.json")
    return tokens.add("agent", DEMO_AGENT, name="demo agent"), tokens.add("supervisor", name="demo")


async def run_demo(
    config: Config, call_path: Path, realtime: bool = True, open_browser: bool = True
) -> int:
    """`copilot demo`: serve on loopback, stream the call in as Twilio would, print the events."""
    folder = Path(tempfile.mkdtemp(prefix="copilot-demo-"))
    config.auth.tokens_file = str(folder / "tokens.json")
    config.store.path = str(folder / "events.sqlite3")
    config.serve.audiosocket_customer_port = -1
    config.serve.audiosocket_agent_port = -1
    agent_token, supervisor_token = demo_tokens(folder)
    call = decode_file(call_path, config.stereo_legs, config.mono_leg)
    runtime = load_runtime(config)
    printer = EventPrinter(sys.stdout, "live")
    server = CopilotServer(runtime, printer)
    try:
        await server.start()
    except OSError:  # the configured port is taken: any free port will do for a demo
        config.serve.port = 0
        server = CopilotServer(runtime, printer)
        await server.start()
    base = f"http://127.0.0.1:{server.ws_port}"
    # The call is played the way Twilio would stream it, so it goes to Twilio's path.
    path = PLATFORMS.named(twilio.SOURCE).path
    url = f"ws://127.0.0.1:{server.ws_port}{path}"
    sidebar = f"{base}/#token={agent_token}"
    print(f"agent sidebar:   {sidebar}")
    print(f"supervisor view: {base}/supervisor#token={supervisor_token}")
    print(f"playing {call_path.name} ({call.duration:.0f} s) into {base}{path} as a live call\n")
    if open_browser and has_browser():
        webbrowser.open(sidebar)
    try:
        await asyncio.sleep(2.0 if realtime else 0)  # time for the sidebar to connect
        await play_twilio(
            url, call, "CA-demo", realtime=realtime, parameters={"agent_id": DEMO_AGENT}
        )
        while server.sessions:  # the last transcripts are still on their way
            await asyncio.sleep(0.1)
        if realtime and sys.stdin.isatty():
            print("\nthe call has ended; the sidebar stays up until Ctrl-C")
            await asyncio.Event().wait()
    finally:
        await server.stop()
    return 0
