"""dyad's exceptions, one tree so callers can catch what they can handle.

    DyadError                 anything dyad raises on purpose
    ├── InputError            an input file cannot be read as an article
    │   (unreadable, empty, binary, not UTF-8, malformed JSON line)
    ├── ConfigError           a setting or option is wrong (bad date, unknown model)
    └── StoreError            the database cannot be opened or written

Each carries a one-line message that names the file and says what to do; the
CLI prints it as is and exits 1 (some inputs failed) or 2 (usage).
"""

from __future__ import annotations


class DyadError(Exception):
    """Base class: `str(err)` is the one-line message shown to the user."""


class InputError(DyadError):
    def __init__(self, path: str, problem: str, *, hint: str = "", line: int | None = None):
        self.path, self.problem, self.hint, self.line = path, problem, hint, line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}" + (f"; {hint}" if hint else ""))

    def __reduce__(self):  # so that worker processes can send it back
        return _input_error, (self.path, self.problem, self.hint, self.line)


def _input_error(path: str, problem: str, hint: str, line: int | None) -> InputError:
    return InputError(path, problem, hint=hint, line=line)


class ConfigError(DyadError):
    pass


class StoreError(DyadError):
    pass
