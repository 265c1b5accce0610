"""docs/configuration.md: every key described, every COPILOT_* variable listed, never stale."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from copilot.cli import build_parser, main
from copilot.commands.config_reference import (
    config_sections,
    field_descriptions,
    render_reference,
    toml_value,
)
from copilot.config import ENV_KEYS, OTHER_ENV_VARIABLES

REPO = Path(__file__).resolve().parents[1]
REFERENCE = REPO / "docs" / "configuration.md"
ENV_NAME = re.compile(r"COPILOT_[A-Z0-9_]+")


def test_every_key_has_a_description():
    """A key without a comment on its field: write one (what it does, and its unit)."""
    undocumented = [
        f"{section.name}.{key.name}".lstrip(".")
        for section in config_sections()
        for key in section.keys
        if not key.description
    ]
    assert undocumented == []


def test_the_committed_reference_is_what_the_command_writes():
    """Stale docs/configuration.md: run `make config-reference` and commit the result."""
    assert REFERENCE.read_text(encoding="utf-8") == render_reference(build_parser())


def test_the_command_prints_the_reference(capsys):
    assert main(["config-reference"]) == 0
    assert capsys.readouterr().out == render_reference(build_parser())


def test_every_environment_variable_copilot_reads_is_listed():
    """A COPILOT_* name in any module must be in ENV_KEYS or OTHER_ENV_VARIABLES."""
    named = {}
    for path in (REPO / "copilot").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                for name in ENV_NAME.findall(node.value):
                    named.setdefault(name, path.relative_to(REPO).as_posix())
    listed = set(ENV_KEYS) | set(OTHER_ENV_VARIABLES)
    assert {name: where for name, where in named.items() if name not in listed} == {}


def test_each_listed_variable_is_read_where_the_list_says():
    for name, variable in OTHER_ENV_VARIABLES.items():
        source = REPO / (variable.read_by.replace(".", "/") + ".py")
        assert name in source.read_text(encoding="utf-8"), f"{name} not in {source}"


def test_every_key_set_by_the_environment_exists():
    keys = {
        f"{section.name}.{key.name}".lstrip(".")
        for section in config_sections()
        for key in section.keys
    }
    assert set(ENV_KEYS.values()) <= keys


def test_every_section_and_flag_is_in_the_reference():
    text = render_reference(build_parser())
    for section in config_sections():
        assert all(f"| `{key.name}` |" in text for key in section.keys)
    assert "### `copilot serve`" in text and "`--event-log FILE`" in text
    assert "`COPILOT_CACHE`" in text and "`COPILOT_PORT` | `[serve] port`" in text


@dataclass
class _Sample:
    # Above the field,
    # on two lines.
    above: int = 1
    beside: str = "x"  # at the end of the line

    undescribed: bool = False
    # A comment after a blank line belongs to the field below it, not to the one above.
    below: tuple[str, ...] = ("a",)


def test_descriptions_come_from_the_comments_above_and_beside_a_field():
    assert field_descriptions(_Sample) == {
        "above": "Above the field, on two lines.",
        "beside": "at the end of the line",
        "below": "A comment after a blank line belongs to the field below it, not to the one above.",
    }


def test_defaults_are_written_as_toml():
    assert toml_value(True) == "true"
    assert toml_value(("a", "b")) == '["a", "b"]'
    assert toml_value(()) == "[]"
    assert toml_value('say "hi"') == '"say \\"hi\\""'
    assert toml_value(1.0) == "1.0" and toml_value(1 << 20) == "1048576"
