"""Who speaks when on a mono recording: `features` (mel power, the voice encoder's input),
`embedder` (SpeakerEmbedder, the ONNX voice encoder), `voice_activity` (speech frames),
`diarize` (two speakers by turn, on sliding windows), `naming` (which one is the agent),
`voiceprints` (an agent's voice, enrolled from stereo calls, per agent id), `split` (a mono
call made into agent and customer legs); `export` writes the ONNX model (`make
export-speaker-model`)."""
