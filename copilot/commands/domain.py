"""`copilot domain check` and `copilot domain eval`: a company's domain folder, checked and measured.

`check` reads every file and prints each problem on a line of its own (`error:` or
`warning:`, the file, what is wrong), then a count; it exits 1 when there is an error.
`eval` builds the intent model from the examples as a server would and prints, on the
held-out lines, per-intent precision / recall / F1 and the confusion matrix per language,
the knowledge base's recall@k on the labelled questions, and the intents too close to tell
apart (`--json`: the same figures as one JSON object). The figures are in
copilot/assist/domain_eval.py; this module only prints them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

from copilot.assist.domain_check import DomainCheck, check_domain
from copilot.assist.domain_eval import RECALL_AT, evaluate_domain

NAME_WIDTH = 20


def run_check(root: Path, out: TextIO | None = None) -> int:
    """Print what is in the domain folder and every problem; 1 if any is an error."""
    out = out or sys.stdout
    check = check_domain(root)
    for line in summary_lines(check):
        out.write(line + "\n")
    for problem in [*check.errors, *check.warnings]:
        out.write(f"{problem}\n")
    errors, warnings = len(check.errors), len(check.warnings)
    verdict = "cannot be used" if errors else "can be used"
    out.write(f"{_count(errors, 'error')}, {_count(warnings, 'warning')}: the domain {verdict}\n")
    return 1 if errors else 0


def run_eval(
    root: Path, out: TextIO | None = None, as_json: bool = False, ks: tuple[int, ...] = RECALL_AT
) -> int:
    """Print the domain's figures; a domain with errors is not measured (1, as `check`)."""
    out = out or sys.stdout
    check = check_domain(root)
    if check.errors or check.domain is None:
        for problem in check.errors:
            out.write(f"{problem}\n")
        out.write(f"{_count(len(check.errors), 'error')}: run `copilot domain check` first\n")
        return 1
    from copilot.encoders.sentence import load_sentence_encoder

    report = evaluate_domain(check.domain, load_sentence_encoder(), ks)
    if as_json:
        out.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        return 0
    for line in report_lines(report, root):
        out.write(line + "\n")
    return 0


def summary_lines(check: DomainCheck) -> list[str]:
    """What the folder holds, in two lines (one when domain.yaml cannot be read)."""
    domain = check.domain
    if domain is None:
        return [f"{check.root}: no usable domain.yaml"]
    counts = check.counts
    parts = [
        f"{len(domain.intents)} intents, {len(domain.teams)} teams",
        "example lines " + _per_language(counts.get("examples", {})),
        "held-out lines " + _per_language(counts.get("eval/intents.yaml", {})),
        "articles " + _per_language(counts.get("articles", {})),
        f"{counts.get('playbooks', 0)} playbooks",
    ]
    head = (
        f"{check.root}: {domain.name} ({domain.company}), languages {', '.join(domain.languages)}"
    )
    return [head, "  " + "; ".join(parts)]


def report_lines(report: dict[str, Any], root: Path) -> list[str]:
    """The eval report as text: intents per language, the knowledge base, close intents."""
    examples = report["examples"]
    lines = [
        f"Domain {report['domain']} ({root})",
        f"Intent model built from {sum(examples.values())} example lines"
        f" ({_per_language(examples)})",
    ]
    intents = report["intents"]
    for key in ("held_out", "held_out_blind"):
        if key in report:
            lines += ["", f"Held-out lines ({report[key]['file']}):"]
            for language, figures in report[key]["languages"].items():
                lines += _language_lines(language, figures, intents)
    if "held_out" not in report:
        lines += ["", "No held-out lines (eval/intents.yaml): intents not measured."]
    lines += ["", *_kb_lines(report.get("kb"))]
    lines += ["", *_close_lines(report["close_intents"])]
    return lines


def _language_lines(language: str, figures: dict[str, Any], intents: list[str]) -> list[str]:
    lines = [
        "",
        f"{language}: {figures['lines']} lines, accuracy {_pct(figures['accuracy'])},"
        f" macro F1 {_num(figures['macro_f1'])}",
        f"  {'intent':<{NAME_WIDTH}} precision  recall     F1  lines",
    ]
    for intent, row in figures["intents"].items():
        lines.append(
            f"  {intent:<{NAME_WIDTH}} {_num(row['precision']):>9} {_num(row['recall']):>7}"
            f" {_num(row['f1']):>6} {row['lines']:>6}"
        )
    numbers = "".join(f"{i + 1:>4}" for i in range(len(intents)))
    lines += [
        "  confusion: rows the labelled intent, columns the predicted one (. is none)",
        f"  {'':<{NAME_WIDTH + 3}}{numbers}",
    ]
    for i, (intent, row) in enumerate(zip(intents, figures["confusion"], strict=True)):
        cells = "".join(f"{n if n else '.':>4}" for n in row)
        lines.append(f"  {i + 1:>2} {intent:<{NAME_WIDTH}}{cells}")
    return lines


def _kb_lines(kb: dict[str, Any] | None) -> list[str]:
    if not kb:
        return ["No knowledge-base questions (eval/kb_questions.yaml): articles not measured."]
    lines = [f"Knowledge base ({kb['file']}):"]
    for language, row in kb["languages"].items():
        recalls = ", ".join(
            f"{key} {_pct(value)}" for key, value in row.items() if key.startswith("recall@")
        )
        lines.append(f"  {language}: {recalls} ({row['questions']} questions)")
    for miss in kb["misses"]:
        found = ", ".join(miss["found"]) or "nothing"
        lines.append(
            f"  not first [{miss['language']}] {miss['question']!r}: wanted {miss['expected']},"
            f" found {found}"
        )
    return lines


def _close_lines(close: list[dict[str, Any]]) -> list[str]:
    if not close:
        return ["No intents too close to tell apart."]
    lines = ["Intents too close to tell apart:"]
    for pair in close:
        reasons = "; ".join(pair["reasons"])
        lines.append(f"  warning: {pair['first']} / {pair['second']}: {reasons}")
    return lines


def _per_language(counts: dict[str, int]) -> str:
    return ", ".join(f"{language} {n}" for language, n in sorted(counts.items())) or "none"


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'' if n == 1 else 's'}"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f} %"


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"
