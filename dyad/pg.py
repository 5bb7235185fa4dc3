"""PostgreSQL under the store's interface: a connection that speaks like DuckDB's.

The store writes its SQL once, in the subset DuckDB and PostgreSQL share, with `?`
placeholders; this wrapper turns them into psycopg's `%s` and returns psycopg cursors,
which have the same `fetchone`, `fetchall`, `fetchmany` and `description` as DuckDB
results. The connection runs in autocommit mode: the store opens its own transactions
with BEGIN and COMMIT, as it does on DuckDB.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

_PLACEHOLDER = re.compile(r"\?")


def is_postgres(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def _sql(sql: str) -> str:
    return _PLACEHOLDER.sub("%s", sql)


class PgConnection:
    def __init__(self, url: str, *, read_only: bool = False):
        import psycopg

        self.raw = psycopg.connect(url, autocommit=True)
        if read_only:
            self.raw.execute("SET default_transaction_read_only = on")

    def execute(self, sql: str, params: Sequence[Any] | None = None):
        if params:
            return self.raw.execute(_sql(sql), list(params))
        return self.raw.execute(sql)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]):
        cursor = self.raw.cursor()
        cursor.executemany(_sql(sql), [list(row) for row in rows])
        return cursor

    def close(self) -> None:
        self.raw.close()
