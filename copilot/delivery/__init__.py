"""Sent drafts out to the customer: `settings` ([delivery]), `outgoing` (what is sent, and
how a try fails), `mail` (SMTP with STARTTLS or TLS), `webhook` (a signed HTTP POST) and
`runner` (the blocking senders in their own threads, off the event loop, with a timeout
and bounded retries). Imports nothing else of copilot: the server wires it in."""
