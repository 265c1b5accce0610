"""Play recorded calls into a copilot server at real-time pace, each starting at a random moment.

bench/latency.py runs this in a child process: the players' JSON, base64 and
mu-law work then neither competes for the server's GIL nor counts in its RSS,
as with a real telephony platform on the other end of the socket.

    python -m bench.callers ws://127.0.0.1:PORT/twilio --calls 4 FILE [FILE ...]
"""

from __future__ import annotations

import argparse
import asyncio
import random

from copilot.audio_files import decode_file
from copilot.simulate import play_twilio


async def play_calls(
    url: str, files: list[str], calls: int, seed: int, stagger_s: float, language: str
) -> None:
    decoded = [decode_file(f) for f in files]
    rng = random.Random(seed)
    delays = [rng.uniform(0.0, stagger_s) for _ in range(calls)]

    async def one(i: int) -> None:
        await asyncio.sleep(delays[i])
        call = decoded[i % len(decoded)]
        await play_twilio(url, call, f"bench-{calls}-{i}", parameters={"language": language})

    await asyncio.gather(*(one(i) for i in range(calls)))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.callers", description=__doc__)
    parser.add_argument("url")
    parser.add_argument("files", nargs="+", help="calls to play, taken in turn")
    parser.add_argument("--calls", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stagger", type=float, default=2.0, help="start spread, seconds")
    parser.add_argument("--language", default="en")
    args = parser.parse_args(argv)
    asyncio.run(
        play_calls(args.url, args.files, args.calls, args.seed, args.stagger, args.language)
    )


if __name__ == "__main__":
    main()
