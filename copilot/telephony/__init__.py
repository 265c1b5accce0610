"""Sans-I/O parsers for the telephony platforms' streaming protocols (Twilio, AudioHook, AudioSocket).

Each parser takes the platform's messages and returns `common` items (call opened,
leg audio, DTMF, replies, call closed); `audio_out` encodes the voicebot's audio back.
May import `events` and `audio`; never the pipeline or the server.
"""
