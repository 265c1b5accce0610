"""The package's shape: no import cycles inside copilot/, and no import from a lower layer up.

Imports are read with `ast` from the source, every one counted (module level, inside
functions, and under TYPE_CHECKING), so a cycle cannot hide behind a lazy import.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "copilot"

# Lowest first: a module may import from its own layer and the layers below it.
LAYERS = (
    ("events", "audio"),  # the event contract and the audio format
    ("encoders", "asr", "telephony"),  # models and wire parsers, no call logic
    ("pipeline",),  # one call: segmenter, transcription jobs, stage chain, session
    ("affect", "assist", "voicebot"),  # the stages
    ("config", "runtime"),  # settings of every part, and the one wiring module
    ("serve", "replay"),  # the live server and the batch QA run
    ("commands", "cli"),  # what the `copilot` command runs
)
LAYER_OF = {name: rank for rank, names in enumerate(LAYERS) for name in names}


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


def layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYER_OF[parts[1]] if len(parts) > 1 else None


def test_every_folder_and_top_module_has_a_layer():
    top = {
        module_name(p).split(".")[1] for p in PACKAGE.rglob("*.py") if p != PACKAGE / "__init__.py"
    }
    assert top <= set(LAYER_OF), f"not in LAYERS: {sorted(top - set(LAYER_OF))}"


def test_no_import_cycles():
    assert cycles(import_graph()) == []


def test_no_import_from_a_higher_layer():
    upward = [
        f"{name} -> {target}"
        for name, targets in import_graph().items()
        for target in targets
        if layer(name) is not None and layer(target) is not None and layer(target) > layer(name)
    ]
    assert upward == []


def test_the_checks_see_a_cycle_and_an_upward_import():
    """The graph reader must find what it is meant to forbid, or the tests above prove nothing."""
    graph = {"copilot.a": {"copilot.b"}, "copilot.b": {"copilot.a"}, "copilot.c": set()}
    assert cycles(graph) == [["copilot.a", "copilot.b"]]
    known = set(modules())
    server = PACKAGE / "serve" / "server.py"
    assert "copilot.runtime" in imported_modules("copilot.serve.server", server, known)
    assert layer("copilot.runtime") > layer("copilot.pipeline.call")
    assert layer("copilot.serve.server") > layer("copilot.runtime")


def test_every_folder_says_what_lives_there():
    for init in PACKAGE.rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc.split()) >= 8, f"{init.relative_to(PACKAGE.parent)} has no docstring"


def test_only_training_imports_torch():
    """torch is the `train` extra: a live process must run without it."""
    training = PACKAGE / "affect" / "training"
    importers = []
    for path in PACKAGE.rglob("*.py"):
        if training in path.parents:
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
        if target.startswith("copilot.affect.training")
    ]
    assert through_training == []
