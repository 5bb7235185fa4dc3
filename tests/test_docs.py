"""The README documents every command and every setting."""

from __future__ import annotations

from dataclasses import fields

from dyad.cli import app
from dyad.settings import HELP, Settings

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands():
    """(name as typed, callback) for every command and subcommand."""
    for command in app.registered_commands:
        yield command.name or command.callback.__name__, command.callback
    for group in app.registered_groups:
        yield group.name, group.typer_instance.registered_callback.callback
        for command in group.typer_instance.registered_commands:
            yield f"{group.name} {command.name}", command.callback


def test_every_command_is_in_the_readme():
    missing = [name for name, _ in commands() if f"dyad {name}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_setting_is_in_the_readme_and_has_help():
    for setting in fields(Settings):
        assert setting.name in HELP
        assert f"`{setting.name}`" in README, f"setting {setting.name} is not documented in README.md"


def test_every_command_help_ends_with_an_example():
    for name, callback in commands():
        assert "Example: dyad " in (callback.__doc__ or ""), name


def test_the_readme_extract_example_still_comes_out_as_shown():
    from dyad.pipeline import process_text
    import datetime as dt

    document = process_text("Russia and China signed a trade agreement in Moscow on Tuesday, the Kremlin said.",
                            published=dt.date(2024, 5, 16))
    coded = {(e.source.code, e.target.code if e.target else None, e.code) for e in document.events}
    assert coded == {("RUS", "CHN", "0311"), ("CHN", "RUS", "0311")}
    event = document.events[0]
    assert (event.date.value, event.date.precision, event.location.name) == ("2024-05-14", "day", "Moscow")
    assert event.speaker is not None and event.speaker.country == "RUS"
