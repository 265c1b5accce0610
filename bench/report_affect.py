"""The affect text model's section of docs/benchmarks.md."""

from __future__ import annotations

from .markdown import stamp, table


def _batch1(sec: dict) -> dict:
    return next(row for row in sec["batches"] if row["batch"] == 1)


def affect_text_line(sec: dict) -> str:
    best = min(sec["batches"], key=lambda row: row["ms_per_utterance"])
    one = _batch1(sec)
    q = sec["quality"]
    met = "met" if best["ms_per_utterance"] <= sec["target_ms"] else "**not met**"
    return (
        f"- Text emotion model: {best['ms_per_utterance']} ms / utterance in batches of"
        f" {best['batch']}, {one['ms_per_utterance']} ms one at a time (target <= {sec['target_ms']}"
        f" ms in batch: {met}); GoEmotions test macro-F1 {q['macro_f1_28']} (28 labels) /"
        f" {q['macro_f1_ekman']} (Ekman)"
    )


def affect_text_section(sec: dict) -> list[str]:
    rows = [
        [row["batch"], row["ms_per_utterance"], ", ".join(map(str, row["passes_ms"]))]
        for row in sec["batches"]
    ]
    q = sec["quality"]
    auc = q["check_set_auc"]
    auc_rows = [[lang, *(auc[lang][s] for s in ("frustration", "doubt", "load"))] for lang in auc]
    f1 = q["signal_f1"]
    return [
        "## 6. Text emotion model (`affect_text`)",
        "",
        stamp(sec),
        "",
        f"The whole text scorer (USE m3 trimmed to English + Dutch pieces and fine-tuned on"
        f" GoEmotions, emotion head, phrase cues, the three"
        f" signals) on {sec['texts']} texts (check set and GoEmotions test comments, mean"
        f" {sec['mean_words']} words), {sec['threads']} threads, best of 3 passes.",
        "",
        *table(["Batch", "ms / utterance", "Passes (ms)"], rows),
        f"Quality, from `make eval-affect` (models/emotion_head_eval.json): macro-F1"
        f" {q['macro_f1_28']} on 28 labels, {q['macro_f1_ekman']} Ekman (targets 0.46 / 0.60;"
        f" Ekman classes on thresholds of their own tuned on dev, {q.get('macro_f1_ekman_from_28')}"
        f" when a class is on whenever a member label is);"
        f" signal F1 frustration {f1['frustration']}, doubt {f1['doubt']}, load {f1['load']};"
        f" {q['parameters'] / 1e6:.1f} M parameters. Check-set AUC per language:",
        "",
        *table(["Language", "frustration", "doubt", "load"], auc_rows),
        *_parity(q),
    ]


def _parity(q: dict) -> list[str]:
    """The same lines in both languages: how far apart the languages' AUCs are (target 0.05)."""
    auc = q.get("parity_auc")
    if not auc:
        return []
    signals = ("frustration", "doubt", "load")
    rows = [[lang, *(auc[lang][s] for s in signals)] for lang in ("en", "nl")]
    rows.append(["gap", *(round(abs(auc["en"][s] - auc["nl"][s]), 3) for s in signals)])
    return [
        f"Parity set (`tests/affect_parity_set.jsonl`): the same {q['parity_pairs']} customer lines"
        " in English and Dutch, labelled alike (calm, frustration, doubt, load; 20 each), text"
        " only. AUC per signal and language; the target is a gap of at most 0.05:",
        "",
        *table(["Language", "frustration", "doubt", "load"], rows),
    ]
