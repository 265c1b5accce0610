"""Shared text encoders: USE multilingual v3, loaded once per process, and BLAS thread limits.

Affect and assist both encode utterances; the encoder and its cache of recent texts
live here so neither imports the other. Imports nothing above `events`.
"""
