"""Play recorded calls into a copilot server at real-time pace, each starting at a random moment.

Calls are either *aligned* (every copy starts at its beginning, within `--stagger`
seconds of the others: all turns of all calls end within those seconds, a burst no
contact centre sees) or *independent* (`--independent`: every copy starts at a
random turn boundary of its recording and wraps round to its beginning, so the
calls run concurrently the whole time but their turns fall where they fall, as in
unrelated conversations). `--stagger 0` starts every call at once (*simultaneous*);
`--spread S` starts call i at i*S/N seconds (*offset*), the two loads the latency
targets are set on.

bench/latency.py runs this in a child process: the players' JSON, base64 and
mu-law work then neither competes for the server's GIL nor counts in its RSS,
as with a real telephony platform on the other end of the socket.

    python -m bench.callers ws://127.0.0.1:PORT/twilio --calls 4 FILE [FILE ...]
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import random
import time
from pathlib import Path

import numpy as np
from websockets.exceptions import ConnectionClosed

from copilot.audio.files import DecodedCall, decode_file
from copilot.audio.format import PIPELINE_RATE
from copilot.commands.simulate import play_twilio


def turn_boundaries(wav: str) -> list[float]:
    """Seconds halfway between consecutive turns, from the recording's JSON sidecar."""
    turns = json.loads(Path(wav).with_suffix(".json").read_text(encoding="utf-8"))["turns"]
    return [(a["end"] + b["start"]) / 2 for a, b in zip(turns, turns[1:], strict=False)]


def start_points(files: list[str], calls: int, rng: random.Random) -> list[float]:
    """Where each copy of a recording starts: a different turn boundary while any is unused.

    Two copies started at the same boundary within the stagger would say every turn
    together, an aligned pair rather than unrelated calls. So each recording's
    boundaries are dealt out shuffled, and reshuffled only once all are in use.
    """
    decks: dict[str, list[float]] = {}
    starts = []
    for i in range(calls):
        name = files[i % len(files)]
        if not decks.get(name):
            decks[name] = [0.0, *turn_boundaries(name)]
            rng.shuffle(decks[name])
        starts.append(decks[name].pop())
    return starts


def rotated(call: DecodedCall, at_s: float) -> DecodedCall:
    """The call played from `at_s` to its end, then from its beginning up to `at_s`."""
    shift = int(at_s * PIPELINE_RATE)
    legs = {leg: np.roll(pcm, -shift) for leg, pcm in call.legs.items()}
    return dataclasses.replace(call, legs=legs)


async def play_calls(
    url: str,
    files: list[str],
    calls: int,
    seed: int,
    stagger_s: float,
    language: str,
    independent: bool = False,
    prefix: str = "bench",
    starts_out: str = "",
    spread_s: float = 0.0,
) -> None:
    """Play `calls` calls; with `starts_out`, write each call's wall start time there (JSON),
    and a call whose server goes away (a worker killed on purpose) ends instead of failing."""
    decoded = [decode_file(f) for f in files]
    rng = random.Random(seed)
    delays = [rng.uniform(0.0, stagger_s) for _ in range(calls)]
    if spread_s:  # offset starts: call i begins i * spread / calls seconds in
        delays = [i * spread_s / calls for i in range(calls)]
    starts = start_points(files, calls, rng) if independent else [0.0] * calls
    plays = [rotated(decoded[i % len(decoded)], starts[i]) for i in range(calls)]
    began: dict[str, float] = {}
    lost: list[str] = []

    async def one(i: int) -> None:
        await asyncio.sleep(delays[i])
        call_id = f"{prefix}-{calls}-{i}"
        began[call_id] = time.time()
        try:
            await play_twilio(url, plays[i], call_id, parameters={"language": language})
        except (ConnectionClosed, OSError):
            if not starts_out:
                raise
            lost.append(call_id)

    await asyncio.gather(*(one(i) for i in range(calls)))
    if starts_out:
        Path(starts_out).write_text(json.dumps({"starts": began, "lost": lost}))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.callers", description=__doc__)
    parser.add_argument("url")
    parser.add_argument("files", nargs="+", help="calls to play, taken in turn")
    parser.add_argument("--calls", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stagger", type=float, default=2.0, help="start spread, seconds")
    parser.add_argument("--language", default="en")
    parser.add_argument(
        "--independent", action="store_true", help="start each call at a random turn boundary"
    )
    parser.add_argument("--prefix", default="bench", help="call ids are PREFIX-CALLS-I")
    parser.add_argument("--starts", default="", help="write each call's wall start time here")
    parser.add_argument(
        "--spread", type=float, default=0.0, help="start call i at i*SPREAD/CALLS s (offset load)"
    )
    args = parser.parse_args(argv)
    asyncio.run(
        play_calls(
            args.url,
            args.files,
            args.calls,
            args.seed,
            args.stagger,
            args.language,
            args.independent,
            args.prefix,
            args.starts,
            args.spread,
        )
    )


if __name__ == "__main__":
    main()
