"""One call, from audio frames to typed events: segmenter, transcription jobs, stage chain.

`call.CallPipeline` does no I/O; `call_session.CallSession` is its thin asyncio shell
for live calls, `offline` runs it in batch, `chat` is its twin for text turns.
May import `events`, `audio`, `asr`, `encoders` and `telephony`; never a stage.
"""
