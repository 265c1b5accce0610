"""The nl_decoding section of docs/benchmarks.md."""

from __future__ import annotations

from .markdown import pct, stamp, table


def _cell(scored: dict, condition: str, kind: str) -> str:
    figure = scored[condition].get(kind)
    if not figure:
        return "–"
    return f"{pct(figure['wer'])} ({figure['errors']}/{figure['words']})"


def _test_total(scored: dict, kind: str) -> str:
    errors = sum(scored[c][kind]["errors"] for c in scored if kind in scored[c])
    words = sum(scored[c][kind]["words"] for c in scored if kind in scored[c])
    return f"{errors}/{words}"


def nl_decoding_line(sec: dict) -> str:
    shipped = sec["test"]["shipped defaults"]
    return (
        f"- Dutch decoding, held-out real Flemish clips with the shipped settings: clean"
        f" {_cell(shipped, 'clean', 'real')}, 8 kHz {_cell(shipped, '8k', 'real')};"
        f" dev favours: {', '.join(sec['favoured'].values()) or 'the defaults'}"
    )


def nl_decoding_section(sec: dict) -> list[str]:
    favoured = set(sec["favoured"].values())
    rows = [
        [
            f"**{row['variant']}**" if row["variant"] in favoured else row["variant"],
            _cell(row["dev"], "clean", "real"),
            _cell(row["dev"], "8k", "real"),
            _cell(row["dev"], "clean", "rendered"),
            _cell(row["dev"], "8k", "rendered"),
            row["dev_errors"],
            row["seconds"],
            row.get("cpu_seconds", "–"),
        ]
        for row in sec["variants"]
    ]
    header = [
        "Variant (one change)",
        "Dev real, clean",
        "Dev real, 8 kHz",
        "Dev rendered, clean",
        "Dev rendered, 8 kHz",
        "Dev errors",
        "Seconds",
        "CPU seconds",
    ]
    tests = [
        [
            name,
            _cell(scored, "clean", "real"),
            _cell(scored, "8k", "real"),
            _cell(scored, "clean", "rendered"),
            _cell(scored, "8k", "rendered"),
        ]
        for name, scored in sec["test"].items()
    ]
    shipped = {**sec["shipped"]["options"], **sec["shipped"]["segmenter"]}
    shipped_text = ", ".join(f"`{k}` = {v}" for k, v in shipped.items()) or "the defaults above"
    dev = sec["dev_set"]
    return [
        "## Dutch decoding on telephone audio (`nl_decoding`)",
        "",
        stamp(sec),
        "",
        f"Model `{sec['model']}`, language nl, each variant one change from the defaults,"
        " through the live segmenter and transcriber. *Real* figures rest on a human voice:"
        f" the Flemish clips {', '.join(dev['real'])}; *rendered* on both legs of the espeak-ng"
        f" calls {', '.join(dev['rendered'])}. Cells are WER (errors/words); 8 kHz is a mu-law"
        " copy of the same audio. Bold: favoured by the dev rule (at least 2 % fewer dev errors,"
        " none added on real speech).",
        "",
        *table(header, rows),
        f"Shipped now: {shipped_text}."
        + "".join(
            f" Favoured by dev but not shipped: {name}, because {why}."
            for name, why in sec.get("not_adopted", {}).items()
        )
        + " Test set, never used to choose: the held-out Flemish"
        f" clips {', '.join(sec['test_set']['real'])} (real) and the Dutch calls rendered at"
        " bench time (rendered).",
        "",
        *table(
            [
                "Settings",
                "Test real, clean",
                "Test real, 8 kHz",
                "Test rendered, clean",
                "Test rendered, 8 kHz",
            ],
            tests,
        ),
    ]
