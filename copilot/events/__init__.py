"""The event contract: every event type, its JSON form and how it is read back.

`core` holds the events of every call, `affect`, `assist` and `voicebot` those of the
stages, `codec` decodes any of them; `text` and `printer` show them to a person,
`wording` words them in Dutch or English from the pages' catalogue (web/messages.json);
`log_names` names a call in logs by a keyed pseudonym instead of its id.
Imports nothing of copilot but `audio.format`: every other part may import this.
"""
