"""Every command answers ``--help`` with exit code 0 and its own usage."""
from __future__ import annotations

import pytest
import typer
from stancegraph.cli import app, main


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)


def test_the_main_commands_are_there():
    assert {"build", "extract", "export", "viz"} <= set(command_names())


@pytest.mark.parametrize("args", [[], *([name] for name in command_names())], ids=lambda a: " ".join(a) or "app")
def test_help(cli, args):
    run = cli(*args, "--help")
    assert run.exit_code == 0, run.stdout + run.stderr
    assert "Usage:" in run.stdout and "stancegraph" in run.stdout.lower()
    if args:
        assert args[0] in run.stdout


def test_no_arguments_shows_help(cli):
    run = cli()
    assert "build" in run.stdout + run.stderr


def test_console_script_entry(monkeypatch, capsys):
    monkeypatch.setattr("sys.argv", ["stancegraph", "--help"])
    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == 0 and "build" in capsys.readouterr().out
