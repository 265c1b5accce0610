"""Audio as copilot takes it: the pipeline's format (16 kHz PCM16 frames per leg) and files.

`format` names the legs and the frame type; `files` decodes recordings of any common
format into per-leg PCM and cuts them into frames. Imports nothing above `events`.
"""
