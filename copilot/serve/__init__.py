"""`copilot serve`: the live server around the pipeline, and everything between it and the sidebars.

`server` routes ingest sockets to call sessions (`audiosocket` for Asterisk TCP),
`live_events` redacts, stores (`store`, SQLite) and fans out (`hub`, `relay`) every
event; `sidebar_socket` / `sidebar_protocol` serve `/events`; `web/` is the sidebar.
May import everything below it (`runtime` included); never `commands`.
"""
