"""Bring your own domain: `copilot domain eval`'s figures on every shipped domain, per language.

Each domain folder under domains/ is checked (`copilot domain check`: errors and warnings
counted) and measured as `copilot domain eval` measures it: the intent model built from its
examples.yaml, judged on its held-out lines (eval/intents.yaml, and eval/intents_blind.yaml
when there is one) per language and per intent, the knowledge base on its labelled questions
(recall@1 and @3), and the pairs of intents too close to tell apart. Nothing here is tuned:
the same code and thresholds as the command.
"""

from __future__ import annotations

from copilot.assist.domain_check import check_domain
from copilot.assist.domain_eval import evaluate_domain
from copilot.encoders.sentence import load_sentence_encoder

from .machine import REPO

DOMAINS = REPO / "domains"


def shipped_domains() -> list:
    """The domain folders copilot ships (one per company), parcels first."""
    return sorted(
        (p for p in DOMAINS.iterdir() if (p / "domain.yaml").is_file()),
        key=lambda p: (p.name != "parcels", p.name),
    )


def domains(models, quick: bool) -> dict:
    """Check and measure each shipped domain (`quick` changes nothing: it takes seconds)."""
    encoder = load_sentence_encoder()
    out = {}
    for root in shipped_domains():
        check = check_domain(root)
        entry: dict = {
            "folder": root.relative_to(REPO).as_posix(),
            "errors": [str(p) for p in check.errors],
            "warnings": len(check.warnings),
        }
        if check.domain is not None and not check.errors:
            report = evaluate_domain(check.domain, encoder)
            entry["company"] = check.domain.company
            entry.update(report)
            if "kb" in report:
                entry["kb"]["misses"] = len(report["kb"]["misses"])
        out[root.name] = entry
    return {"domains": out}
