"""The package's shape: which folder may import which, no import cycles, a docstring per folder.

Imports are read with `ast` from the source, every one counted (module level, inside
functions, and under TYPE_CHECKING), so neither a cycle nor a forbidden import can hide
behind a lazy import.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "copilot"

# The parts every layer above the stages may use.
STAGES_AND_BELOW = ("events", "audio", "encoders", "asr", "telephony", "speakers", "pipeline")
STAGES_AND_BELOW += ("affect", "assist", "voicebot")

# What each folder (or top-level module) of copilot/ may import besides itself, lowest
# first. An entry is a whole folder ("events") or one module of it ("asr.model_files"):
# then only that module. The table says what is right, not what happens to be imported
# today; a new arrow, even within one layer, is a design decision and is made here.
ALLOWED: dict[str, set[str]] = {
    # The bottom: the audio format and the event contract that every part speaks.
    "audio": set(),
    "events": {"audio.format"},
    # Models and wire parsers: no call logic.
    "encoders": {"events", "audio"},
    "asr": {"events", "audio"},
    "telephony": {"events", "audio"},
    # Who speaks when on a mono recording (voice encoder, diarization, the agent's naming).
    "speakers": {"audio"},
    # Ways out to the customer (SMTP, a signed webhook): no call logic, no server.
    "delivery": set(),
    # One call: segmenter, transcription jobs, stage chain, session; never a stage.
    "pipeline": {"events", "audio", "encoders", "asr", "telephony", "speakers"},
    # The stages read each other's events, never each other's code; the voicebot reuses
    # assist's fact extraction and nothing else of assist.
    "affect": {"events", "audio", "encoders", "asr", "pipeline"},
    "assist": {"events", "audio", "encoders", "pipeline"},
    "voicebot": {"events", "audio", "encoders", "asr", "telephony", "pipeline", "assist.facts"},
    # Settings of every part: loading them must not load a stage, a model or webrtcvad, so
    # only the settings modules and the constants they need.
    "config": {
        "audio.format",
        "asr.model_files",
        "pipeline.settings",
        "affect.settings",
        "assist.settings",
        "voicebot.settings",
        "delivery.settings",
    },
    # The one wiring module.
    "runtime": {*STAGES_AND_BELOW, "config"},
    # The live server and the batch QA run sit side by side: neither imports the other.
    "serve": {*STAGES_AND_BELOW, "config", "runtime", "delivery"},
    "replay": {*STAGES_AND_BELOW, "config", "runtime"},
    # What the `copilot` command runs, and the CLI that parses and dispatches to it.
    "commands": {*STAGES_AND_BELOW, "config", "runtime", "serve", "replay"},
    "cli": {*STAGES_AND_BELOW, "config", "runtime", "serve", "replay", "commands"},
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imported_modules(name: str, path: Path, known: set[str]) -> set[str]:
    """The copilot modules `name` imports (a package import counts as its __init__)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        found.update(t for t in targets if t in known)
    found.discard(name)
    return found


def import_graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {name: imported_modules(name, path, known) for name, path in mods.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def folder(module: str) -> str | None:
    """The folder (or top-level module) of copilot/ that `module` belongs to."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def may_import(importer: str, target: str) -> bool:
    """Whether the table lets `importer` import `target` (both dotted copilot modules)."""
    source = folder(importer)
    inside = target.partition(".")[2]  # "assist.facts" for copilot.assist.facts
    if source is None or not inside or folder(target) == source:
        return True  # the package root, and a folder's own modules
    return any(inside == entry or inside.startswith(f"{entry}.") for entry in ALLOWED[source])


def test_every_folder_and_top_module_has_a_row():
    top = {folder(name) for name in modules()} - {None}
    assert top <= set(ALLOWED), f"not in ALLOWED: {sorted(top - set(ALLOWED))}"


def test_every_entry_of_the_table_exists():
    known = set(modules())
    missing = [
        f"{source} -> {entry}"
        for source, entries in ALLOWED.items()
        for entry in sorted(entries)
        if f"copilot.{entry}" not in known
    ]
    assert missing == []


def test_the_table_itself_has_no_cycle():
    """Read folder by folder, the table is a layering: no two folders may import each other."""
    graph = {
        source: {entry.split(".")[0] for entry in entries} for source, entries in ALLOWED.items()
    }
    assert cycles(graph) == []


def test_no_import_cycles():
    assert cycles(import_graph()) == []


def test_every_import_is_in_the_table():
    forbidden = [
        f"{name} -> {target}"
        for name, targets in sorted(import_graph().items())
        for target in sorted(targets)
        if not may_import(name, target)
    ]
    assert forbidden == []


def test_the_checks_see_a_cycle_and_a_forbidden_import():
    """The graph reader must find what it is meant to forbid, or the tests above prove nothing."""
    graph = {"copilot.a": {"copilot.b"}, "copilot.b": {"copilot.a"}, "copilot.c": set()}
    assert cycles(graph) == [["copilot.a", "copilot.b"]]
    known = set(modules())
    server = PACKAGE / "serve" / "server.py"
    assert "copilot.runtime" in imported_modules("copilot.serve.server", server, known)
    assert may_import("copilot.serve.server", "copilot.runtime")
    assert not may_import("copilot.runtime", "copilot.serve.server")
    assert not may_import("copilot.replay.run", "copilot.serve.hub")
    assert not may_import("copilot.commands.demo", "copilot.cli")
    assert may_import("copilot.config", "copilot.affect.settings")
    assert not may_import("copilot.config", "copilot.affect.trend")
    assert not may_import("copilot.config", "copilot.affect")  # nor the folder's __init__
    assert may_import("copilot.voicebot.stage", "copilot.assist.facts")
    assert not may_import("copilot.voicebot.stage", "copilot.assist.stage")
    assert not may_import("copilot.affect.stage", "copilot.assist.settings")
    assert may_import("copilot.affect.training.head", "copilot.affect.emotion_model")


def test_every_folder_says_what_lives_there():
    for init in PACKAGE.rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc.split()) >= 8, f"{init.relative_to(PACKAGE.parent)} has no docstring"


def test_only_training_imports_torch():
    """torch is the `train` extra: a live process must run without it. Besides the affect
    training, only the speaker model's export (`make export-speaker-model`) uses it."""
    training = PACKAGE / "affect" / "training"
    export = PACKAGE / "speakers" / "export.py"
    importers = []
    for path in PACKAGE.rglob("*.py"):
        if training in path.parents or path == export:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            if any(name == "torch" or name.startswith("torch.") for name in names):
                importers.append(module_name(path))
    assert importers == []
    through_training = [
        f"{name} -> {target}"
        for name, targets in import_graph().items()
        if not name.startswith("copilot.affect.training")
        for target in targets
        if target.startswith("copilot.affect.training") or target == "copilot.speakers.export"
    ]
    assert through_training == []
