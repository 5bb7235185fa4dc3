"""The README documents every command and every setting."""

from __future__ import annotations

from dataclasses import fields

from dyad.cli import app
from dyad.settings import HELP, Settings

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    missing = [n for n in names if f"dyad {n}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_setting_is_in_the_readme_and_has_help():
    for setting in fields(Settings):
        assert setting.name in HELP
        assert f"`{setting.name}`" in README, f"setting {setting.name} is not documented in README.md"


def test_every_command_help_ends_with_an_example():
    for command in app.registered_commands:
        assert "Example: dyad " in (command.callback.__doc__ or ""), command.callback.__name__
