"""QA replay: folders of recordings through the same pipeline in batch, a report per call.

`run` plans and writes the reports, `worker` replays one call per process (`on_ray`
over a Ray cluster), `summary`, `scorecard`, `sidecars` and `pages` build the reports.
May import everything below it (`runtime` included); never `serve` or `commands`.
"""
