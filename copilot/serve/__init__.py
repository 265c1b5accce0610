"""`copilot serve`: the live server around the pipeline, and everything between it and the sidebars.

`server` routes ingest sockets to call sessions (`audiosocket` for Asterisk TCP),
`live_events` redacts, stores (`store`, SQLite) and fans out (`hub`, `relay`) every
event; `sidebar_socket` / `sidebar_protocol` serve `/events`; `web/` is the sidebar.
`call_log` writes the operations lines and `event_log` the opt-in event file; `forget`
drops erased calls from a running server; `nonces` keeps AudioHook signatures single-use.
May import everything below it (`runtime` included); never `commands`.
"""
