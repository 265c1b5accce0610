"""Speech recognition: faster-whisper models from their PyPI packages, the shared service, WER.

`transcriber` runs one model (batched), `service` shares whisper workers across live
calls, `jobs` is what the pipeline hands over, `model_files` finds models offline.
May import `events` and `audio`.
"""
