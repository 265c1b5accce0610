"""The affect stage: emotion scores from words and voice, three signals, and the alerts they raise.

`stage.AffectStage` fuses `text` scores (the emotion model) with `prosody` against the
speaker's baseline; `trend.CallTracker` turns the signals into alerts.
`training/` rebuilds the model (needs torch; not imported at run time).
May import `events`, `audio`, `encoders`, `asr` and `pipeline`.
"""
