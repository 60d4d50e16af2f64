"""The docs do not drift from the code: every command and option is in docs/cli.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from frontwatch.cli import app

CLI_DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _commands(group: Any, prefix: str = "") -> dict[str, Any]:
    """Leaf commands by full name ("gazetteer import"); typer ships its own click classes."""
    out: dict[str, Any] = {}
    for name, cmd in group.commands.items():
        full = f"{prefix}{name}"
        if hasattr(cmd, "commands"):
            out.update(_commands(cmd, f"{full} "))
        else:
            out[full] = cmd
    return out


def test_every_command_and_option_is_documented_in_cli_md() -> None:
    doc = CLI_DOC.read_text(encoding="utf-8")
    root = typer.main.get_command(app)
    missing: list[str] = []
    for name, cmd in _commands(root).items():
        heading = f"## `frontwatch {name}"
        if heading not in doc:
            missing.append(heading)
            continue
        section = doc.split(heading, 1)[1].split("\n## ", 1)[0]
        for param in cmd.params:
            if param.param_type_name != "option" or param.name == "help":
                continue
            if not any(opt in section for opt in param.opts):
                missing.append(f"frontwatch {name} {param.opts[0]}")
    assert not missing, f"undocumented in docs/cli.md: {missing}"
