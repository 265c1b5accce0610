"""The bring-your-own-domain section of docs/benchmarks.md: both shipped domains, per language."""

from __future__ import annotations

from .markdown import pct, stamp, table


def domains_line(sec: dict) -> str:
    parts = []
    for name, d in sec["domains"].items():
        if "held_out" not in d:
            parts.append(f"{name}: not measured ({len(d['errors'])} errors)")
            continue
        langs = d["held_out"]["languages"]
        kb = d.get("kb", {}).get("languages", {}).get("all", {})
        intents = " / ".join(f"{lang.upper()} {pct(f['accuracy'])}" for lang, f in langs.items())
        parts.append(
            f"{name} intents {intents}, KB recall@3 {pct(kb.get('recall@3'))},"
            f" {len(d['close_intents'])} close intent pairs"
        )
    return "- Domains (`copilot domain eval`): " + "; ".join(parts)


def domains_section(sec: dict) -> list[str]:
    out = [
        "## Bring your own domain (`domains`)",
        "",
        stamp(sec),
        "",
        "Each shipped domain folder (docs/domain.md) checked by `copilot domain check` and measured"
        " by `copilot domain eval`: the intent model built from the folder's `examples.yaml`,"
        " judged on its held-out lines (`eval/intents.yaml`, never trained on), and the"
        " knowledge base on its labelled questions (`eval/kb_questions.yaml`).",
        "",
        *table(
            [
                "domain",
                "language",
                "held-out lines",
                "intent accuracy",
                "macro F1",
                "weakest intent (recall)",
                "KB recall@1",
                "KB recall@3",
                "questions",
            ],
            [row for name, d in sec["domains"].items() for row in _rows(name, d)],
        ),
    ]
    for name, d in sec["domains"].items():
        out += _per_intent(name, d)
    return out


def _rows(name: str, d: dict) -> list[list]:
    if "held_out" not in d:
        return [[name, "–", "–", "–", "–", "; ".join(d["errors"]) or "–", "–", "–", "–"]]
    kb = d.get("kb", {}).get("languages", {})
    rows = []
    for language, figures in d["held_out"]["languages"].items():
        weakest = min(
            (i for i in figures["intents"].items() if i[1]["lines"]),
            key=lambda item: (item[1]["recall"], item[0]),
        )
        questions = kb.get(language, {})
        rows.append(
            [
                f"{name} ({d['company']})",
                language,
                figures["lines"],
                pct(figures["accuracy"]),
                f"{figures['macro_f1']:.2f}",
                f"{weakest[0]} ({pct(weakest[1]['recall'])})",
                pct(questions.get("recall@1")),
                pct(questions.get("recall@3")),
                questions.get("questions"),
            ]
        )
    return rows


def _per_intent(name: str, d: dict) -> list[str]:
    if "held_out" not in d:
        return []
    langs = d["held_out"]["languages"]
    rows = [
        [
            intent,
            *(
                f"{_num(langs[lang]['intents'][intent]['precision'])} /"
                f" {_num(langs[lang]['intents'][intent]['recall'])}"
                for lang in langs
            ),
        ]
        for intent in d["intents"]
    ]
    close = d["close_intents"]
    said = (
        "; ".join(f"{c['first']} / {c['second']}: {', '.join(c['reasons'])}" for c in close)
        if close
        else "none"
    )
    blind = d.get("held_out_blind")
    blind_line = (
        [
            f"Blind second set (`{blind['file']}`): "
            + ", ".join(
                f"{lang} {pct(f['accuracy'])} of {f['lines']}"
                for lang, f in blind["languages"].items()
            )
            + ".",
            "",
        ]
        if blind
        else []
    )
    return [
        f"`{name}`: precision / recall per intent on the held-out lines; {d['warnings']} check"
        f" warnings; intents too close to tell apart: {said}.",
        "",
        *table(["intent", *(f"{lang}" for lang in langs)], rows),
        *blind_line,
    ]


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"
