"""`copilot demo`: a live call end to end on this machine, no telephony account needed.

Starts the server on loopback with a throw-away store and demo tokens, prints the
sidebar and supervisor URLs (and opens the sidebar when this machine has a
browser), plays a shipped stereo call into its Twilio endpoint at the pace of a
real call, and prints what the copilot hears and thinks as it happens (plain lines when
stdout is a file or a pipe). It always ends with a line saying how: the call's end, or
Ctrl-C (SIGINT) or SIGTERM, which stop it cleanly with exit status 0, so `make demo`
reports no error for the way a demo is meant to be stopped.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import tempfile
import time
import webbrowser
from pathlib import Path

from copilot.audio.files import decode_file
from copilot.commands.simulate import play_twilio
from copilot.config import Config
from copilot.events.core import Event
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


class DemoTally:
    """The printer's sink, counting what the closing line reports: lines, alerts, the end."""

    def __init__(self, printer: EventPrinter) -> None:
        self.printer = printer
        self.finals = 0
        self.alerts = 0
        self.heard_s = 0.0  # call time of the newest event
        self.ended = ""  # the call's end reason, once it has ended

    def __call__(self, event: Event) -> None:
        """Counts `event`, then prints it."""
        self.finals += event.type == "transcript.final"
        self.alerts += event.type == "alert"
        self.heard_s = max(self.heard_s, event.t)
        if event.type == "call.ended":
            self.ended = str(getattr(event, "reason", "end"))
        self.printer(event)

    def closing(self, stopped_by: str, total_s: float, ended: str) -> str:
        """How the demo ended, in one line; `ended`: the call's own end reason, if it had one."""
        got = f"{self.finals} transcript lines, {self.alerts} alerts"
        if ended and not stopped_by:
            return f"demo over: the call ended ({ended}) after {self.heard_s:.0f} s; {got}"
        if ended:
            return f"demo over: stopped by {stopped_by} after the call ended ({ended}); {got}"
        heard = f"{self.heard_s:.0f} s of the call's {total_s:.0f} s"
        return f"demo over: stopped by {stopped_by} after {heard}; {got}"


async def run_demo(
    config: Config, call_path: Path, realtime: bool = True, open_browser: bool = True
) -> int:
    """`copilot demo`: serve on loopback, stream the call in as Twilio would, print the events.

    Ends with one line saying how it ended; 0 also when Ctrl-C or SIGTERM stopped it.
    """
    folder = Path(tempfile.mkdtemp(prefix="copilot-demo-"))
    config.auth.tokens_file = str(folder / "tokens.json")
    config.store.path = str(folder / "events.sqlite3")
    config.serve.audiosocket_customer_port = -1
    config.serve.audiosocket_agent_port = -1
    call = decode_file(call_path, config.stereo_legs, config.mono_leg)
    tally = DemoTally(EventPrinter(sys.stdout, "live"))
    stop = asyncio.Event()
    why: list[str] = []  # the signal that stopped the demo, if one did
    ended = ""  # the call's end reason, if it ended by itself
    loop = asyncio.get_running_loop()
    signals = {signal.SIGINT: "Ctrl-C", signal.SIGTERM: "SIGTERM"}

    def stopped_by(name: str) -> None:
        why.append(name)
        stop.set()

    for sig, name in signals.items():
        loop.add_signal_handler(sig, stopped_by, name)
    try:
        server = await _start_server(config, tally)
        try:
            play = asyncio.ensure_future(
                _show(server, config, tally, call, call_path, open_browser, realtime)
            )
            stopped = asyncio.ensure_future(stop.wait())
            await asyncio.wait({play, stopped}, return_when=asyncio.FIRST_COMPLETED)
            ended = tally.ended  # before the server's own stop ends a call still live
            for task in (play, stopped):
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task  # a failure to play the call is the demo's failure
        finally:
            await server.stop()
    finally:
        for sig in signals:
            loop.remove_signal_handler(sig)
    tally.printer.say(tally.closing(why[0] if why else "", call.duration, ended))
    return 0


async def _start_server(config: Config, tally: DemoTally) -> CopilotServer:
    runtime = load_runtime(config)
    server = CopilotServer(runtime, tally)
    try:
        await server.start()
    except OSError:  # the configured port is taken: any free port will do for a demo
        config.serve.port = 0
        server = CopilotServer(runtime, tally)
        await server.start()
    return server


async def _show(
    server: CopilotServer,
    config: Config,
    tally: DemoTally,
    call,
    call_path: Path,
    open_browser: bool,
    realtime: bool,
) -> None:
    """Print the URLs, play the call, wait for its last events; on a terminal, stay up."""
    agent_token, supervisor_token = demo_tokens(Path(config.auth.tokens_file).parent)
    base = f"http://127.0.0.1:{server.ws_port}"
    # The call is played the way Twilio would stream it, so it goes to Twilio's path.
    path = PLATFORMS.named(twilio.SOURCE).path
    sidebar = f"{base}/#token={agent_token}"
    say = tally.printer.say
    say(f"agent sidebar:   {sidebar}")
    say(f"supervisor view: {base}/supervisor#token={supervisor_token}")
    say(f"playing {call_path.name} ({call.duration:.0f} s) into {base}{path} as a live call\n")
    if open_browser and has_browser():
        webbrowser.open(sidebar)
    await asyncio.sleep(2.0 if realtime else 0)  # time for the sidebar to connect
    tally.printer.began = time.monotonic()  # the live view's clock runs from the call's start
    url = f"ws://127.0.0.1:{server.ws_port}{path}"
    await play_twilio(url, call, "CA-demo", realtime=realtime, parameters={"agent_id": DEMO_AGENT})
    while server.sessions:  # the last transcripts are still on their way
        await asyncio.sleep(0.1)
    if realtime and sys.stdin.isatty():
        say("\nthe call has ended; the sidebar stays up until Ctrl-C")
        await asyncio.Event().wait()
