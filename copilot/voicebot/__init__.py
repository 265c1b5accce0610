"""The voicebot front door: a stage that greets, answers, and hands over with a context card.

`stage.VoicebotStage` decides (with `policy`), `tts` speaks with espeak-ng, `player`
plays its audio into a call.
May import everything below `config`, assist's facts included.
"""
