"""axe-core, from the repository's npm install, run inside a page the browser tests opened.

Loaded from node_modules (never a CDN: the tests run offline). Only `serious` and
`critical` findings fail a test; the rest are reported with them for context.
"""

from __future__ import annotations

from pathlib import Path

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
RUN = "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"


def _missing() -> str:
    return f"{AXE} is missing: run `make venv` (it runs `npm ci` for the browser-test tools)"


def summary(violations: list[dict]) -> list[str]:
    return [
        f"{v['impact']}: {v['id']} ({v['help']}) at {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
    ]


def blocking(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v.get("impact") in BLOCKING]


async def check_async(page) -> list[dict]:
    """The page's serious and critical axe violations (an async Playwright page)."""
    assert AXE.is_file(), _missing()
    await page.add_script_tag(path=str(AXE))
    return blocking(await page.evaluate(RUN))


def check_sync(page) -> list[dict]:
    """The same for a sync Playwright page."""
    assert AXE.is_file(), _missing()
    page.add_script_tag(path=str(AXE))
    return blocking(page.evaluate(RUN))
