"""The voicebot's asyncio shell for one call: `bot.say` events in, paced audio out on the call's socket.

The server creates one `BotAudioPlayer` per call that can carry audio back (see
`telephony.audio_out.audio_out_for`) and hands it every event of that call
(`player.on_event`, from the session's sink). The player synthesizes each prompt
(the stage usually did already, so it is a cache hit), encodes it for the
platform and sends 20 ms frames in real time, a few frames ahead so the
platform's jitter buffer never runs dry. `bot.stop` cuts playback at once (and
sends Twilio a `clear` for what it has queued). Once a prompt whose `then` is
`hangup` or `transfer` has played, or was cut, `on_finished` is awaited so the
server can end or transfer the call.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from copilot.events.core import Event
from copilot.events.log_names import call_ref
from copilot.events.voicebot import THEN_LISTEN, BotSay, BotStop
from copilot.telephony.audio_out import FRAME_S, AudioOut
from copilot.voicebot.tts import SpeechError, SpeechSynthesizer

log = logging.getLogger(__name__)

Send = Callable[[str | bytes], Awaitable[None]]
Finished = Callable[[BotSay], Awaitable[None]]
# Frames sent ahead of real time: enough to ride out scheduling jitter, little enough that
# a barge-in on AudioSocket (which has no `clear`) plays at most this much more.
LEAD_FRAMES = 3
MARK_GRACE_S = 2.0  # how long past a prompt's end to wait for Twilio's mark echo


class BotAudioPlayer:
    """One call's `bot.say` prompts, played in order on its socket in real time; `bot.stop` cuts."""

    def __init__(
        self,
        audio_out: AudioOut,
        send: Send,
        synthesizer: SpeechSynthesizer,
        on_finished: Finished | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.audio_out = audio_out
        self.send = send
        self.synthesizer = synthesizer
        self.on_finished = on_finished
        self.clock = clock
        self.first_byte: dict[str, float] = {}  # prompt id -> clock() when its first frame went
        self.outcome: dict[str, str] = {}  # prompt id -> played / stopped / failed
        self._queue: deque[BotSay] = deque()
        self._current: BotSay | None = None
        self._task: asyncio.Task | None = None
        self._marks: dict[str, asyncio.Future] = {}
        self._background: set[asyncio.Task] = set()

    # -- from the call's event stream ------------------------------------------------

    def on_event(self, event: Event) -> None:
        """Call with every event of the call (synchronously, in order)."""
        if isinstance(event, BotSay):
            self._queue.append(event)
            if self._task is None or self._task.done():
                self._task = asyncio.get_running_loop().create_task(self._run())
        elif isinstance(event, BotStop):
            self._stop()

    def on_mark(self, name: str) -> None:
        """Twilio echoed mark `name`: the audio before it has been played."""
        future = self._marks.pop(name, None)
        if future is not None and not future.done():
            future.set_result(None)

    async def close(self) -> None:
        """The call is over: drop the queue, cancel playback and any pending `on_finished`."""
        self._queue.clear()
        for task in (self._task, *self._background):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    @property
    def playing(self) -> bool:
        """Whether a prompt is playing or waiting in the queue."""
        return self._current is not None or bool(self._queue)

    # -- playback ------------------------------------------------------------------

    async def _run(self) -> None:
        while self._queue:
            say = self._queue.popleft()
            self._current = say
            try:
                await self._play(say)
                self.outcome[say.prompt_id] = "played"
            except SpeechError as exc:
                log.warning(
                    "call %s: cannot speak %s: %s", call_ref(say.call_id), say.prompt_id, exc
                )
                self.outcome[say.prompt_id] = "failed"
            except (ConnectionError, OSError) as exc:
                log.warning("call %s: audio socket gone: %s", call_ref(say.call_id), exc)
                self.outcome[say.prompt_id] = "failed"
                self._queue.clear()
            finally:
                if self._current is say:
                    self._current = None
            await self._after(say)

    async def _play(self, say: BotSay) -> None:
        samples = await asyncio.to_thread(self.synthesizer.synthesize, say.text, say.language)
        frames = self.audio_out.frames(samples)
        began = self.clock()
        for i, frame in enumerate(frames):
            delay = began + (i - LEAD_FRAMES) * FRAME_S - self.clock()
            if delay > 0:
                await asyncio.sleep(delay)
            await self.send(frame)
            if i == 0:
                self.first_byte[say.prompt_id] = self.clock()
        remaining = max(0.0, began + len(frames) * FRAME_S - self.clock())
        mark = self.audio_out.mark(say.prompt_id)
        if mark is None:
            await asyncio.sleep(remaining)
            return
        echoed = asyncio.get_running_loop().create_future()
        self._marks[say.prompt_id] = echoed
        await self.send(mark)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(echoed, remaining + MARK_GRACE_S)
        self._marks.pop(say.prompt_id, None)

    async def _after(self, say: BotSay) -> None:
        if say.then != THEN_LISTEN and self.on_finished is not None:
            await self.on_finished(say)

    def _stop(self) -> None:
        """Barge-in: drop the prompt being played and everything queued behind it."""
        cut = [s for s in (self._current, *self._queue) if s is not None]
        self._queue.clear()
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task, self._current = None, None  # a prompt said after the stop gets a new task
        for say in cut:
            self.outcome[say.prompt_id] = "stopped"
        self._spawn(self._after_stop(cut))

    async def _after_stop(self, cut: list[BotSay]) -> None:
        clear = self.audio_out.clear()
        if clear is not None:
            with contextlib.suppress(ConnectionError, OSError):
                await self.send(clear)
        for say in cut:  # a cut goodbye still hangs up; a cut "putting you through" still transfers
            await self._after(say)

    def _spawn(self, coroutine: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(coroutine)
        self._background.add(task)
        task.add_done_callback(self._background.discard)
