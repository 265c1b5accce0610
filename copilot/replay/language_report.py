"""The language decision in a QA report: what `auto` chose per call, how sure, and when.

Read from the call's `call.language` event (protocol 1.4). A call replayed with a set
language has none: its report says the language was configured, not found. An unsure
decision (below `[language_detection] unsure_below`) is flagged on the call's page and
in the index, which can show only one language or only the unsure calls.
"""

from __future__ import annotations

from html import escape
from typing import Any

from copilot.events.wording import ENGLISH, Words

# The index's filter values: every call, one decided language, or the unsure ones.
ALL, UNSURE = "all", "unsure"
# Extra columns of calls.csv (after the ones every report has).
CSV_COLUMNS = ("language_how", "language_confidence", "language_unsure")


def language_decision(dicts: list[dict], language: str) -> dict[str, Any]:
    """The report's `language_decision`: from `call.language` (how "auto"), else the
    language the finals were transcribed in (how "configured")."""
    decided = next((d for d in dicts if d["type"] == "call.language"), None)
    if decided is None:
        return {"how": "configured", "language": language, "confidence": None, "unsure": False}
    keys = ("language", "confidence", "unsure", "probabilities", "speech_s", "utterances")
    return {
        "how": "auto",
        **{k: decided.get(k) for k in keys},
        "decoded": decided.get("decoded", 0),
        "decided_at": decided["t"],
        "cpu_s": decided.get("cpu_s", 0.0),
    }


def _decision(report: dict) -> dict[str, Any]:
    """The report's decision; a report written before it existed: configured, as shown."""
    return report.get("language_decision") or {
        "how": "configured",
        "language": report.get("language", ""),
        "confidence": None,
        "unsure": False,
    }


def language_filter_value(report: dict) -> str:
    """What the index's language filter matches this call on: its language, and `unsure`."""
    decision = _decision(report)
    values = [decision["language"] or "?"]
    if decision["unsure"]:
        values.append(UNSURE)
    return " ".join(values)


def csv_cells(report: dict) -> list:
    """The CSV's language columns: how it was chosen, the confidence, the unsure flag."""
    decision = _decision(report)
    confidence = decision["confidence"]
    return [decision["how"], "" if confidence is None else confidence, int(decision["unsure"])]


def language_cell(report: dict, words: Words = ENGLISH) -> str:
    """The index's language cell: the language, its confidence when found, a mark if unsure."""
    decision = _decision(report)
    text = escape(decision["language"] or "?")
    if decision["confidence"] is not None:
        text += f' <span class="t">{decision["confidence"]:.2f}</span>'
    if decision["unsure"]:
        label = escape(words("report.language.unsure.short"))
        text += f' <b class="fail" title="{label}">?</b>'
    return (
        f'<td class="language" data-language="{escape(language_filter_value(report))}">{text}</td>'
    )


def language_section(report: dict, words: Words = ENGLISH) -> str:
    """The call page's paragraph on its language: decided or configured, and a warning."""
    decision = _decision(report)
    name = words.term("language", decision["language"] or "?")
    if decision["how"] != "auto":
        text = escape(words("report.language.configured", language=name))
        return f'<p id="language">{text}</p>'
    line = words(
        "report.language.auto",
        language=name,
        confidence=f"{decision['confidence']:.2f}",
        speech=f"{decision['speech_s']:.1f}",
        n=decision["utterances"],
        t=f"{decision['decided_at']:.1f}",
        cpu=f"{decision['cpu_s']:.2f}",
    )
    out = f'<p id="language">{escape(line)}</p>'
    if decision["unsure"]:
        warning = escape(words("report.language.unsure"))
        out += f'<div class="alert early_warning" id="language-unsure">{warning}</div>'
    return out


def language_filter(reports: list[dict], words: Words = ENGLISH) -> str:
    """The index's filter: all calls, the calls of one language, or the unsure ones."""
    languages = sorted({_decision(r)["language"] or "?" for r in reports})
    options = [(ALL, words("report.language.all"))]
    options += [(lang, words.term("language", lang)) for lang in languages]
    if any(_decision(r)["unsure"] for r in reports):
        options.append((UNSURE, words("report.language.unsure.short")))
    items = "".join(f'<option value="{escape(v)}">{escape(t)}</option>' for v, t in options)
    label = escape(words("report.language.filter"))
    return (
        f'<p><label for="language-filter">{label}</label> '
        f'<select id="language-filter">{items}</select></p>'
    )


# Hides the index rows whose language cell does not carry the chosen value.
FILTER_SCRIPT = """
document.getElementById('language-filter')?.addEventListener('change', e => {
  const want = e.target.value;
  document.querySelectorAll('#calls tbody tr').forEach(r => {
    const has = (r.querySelector('td.language')?.dataset.language || '').split(' ');
    r.hidden = want !== 'all' && !has.includes(want);
  });
});
"""
